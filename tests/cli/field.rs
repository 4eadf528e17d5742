//! Issue 13, field reports: CSV for every spreadsheet, text pasted from Word, Danish letters
//! typed without marks, stray copies, wording, the log of `show`, the newcomer's setup.

use crate::support::*;

/// The rows of a CSV as the tool writes it: BOM, CRLF line ends, `delimiter`.
fn csv_rows(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let body = text.trim_end_matches("\r\n");
    assert!(
        body.split("\r\n").all(|line| !line.contains('\n')),
        "line ends are not CRLF: {text:?}"
    );
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A plan in `lang` with an initiative in two places and with two partners, one holding the
/// English separator.
fn two_places(lang: &str) -> Fixture {
    Fixture::new()
        .file(
            "plan.toml",
            &format!(
                "[plan]\ntitle = \"Testplan\"\nyear = 2017\nlanguage = \"{lang}\"\n\n[rules]\nmin_per_track = 1\n"
            ),
        )
        .initiative(
            "bogbus",
            "Q2",
            &["Hygge"],
            "locations = [\"Gundsømagle\", \"Ågerup\"]\npartners = [\"Skoler; SFO\", \"Foreninger, lokale\"]\n",
        )
}

#[test]
fn every_csv_follows_the_output_language() {
    for (lang, delimiter) in [("da", b';'), ("en", b',')] {
        let f = two_places(lang);
        for args in [
            vec!["--today", "2017-05-15", "list", "--format", "csv"],
            vec![
                "--today",
                "2017-05-15",
                "report",
                "-q",
                "Q2",
                "--format",
                "csv",
            ],
        ] {
            let out = f.run(&args).success();
            let rows = csv_rows(&out.get_output().stdout, delimiter);
            let width = rows[0].len();
            assert!(width >= 10, "{lang} {args:?}: {rows:?}");
            assert!(
                rows.iter().all(|r| r.len() == width),
                "{lang} {args:?}: {rows:?}"
            );
            let places = rows[1]
                .iter()
                .find(|c| c.contains("Gundsømagle"))
                .unwrap_or_else(|| panic!("{rows:?}"));
            assert_eq!(places, "Gundsømagle; Ågerup", "{lang} {args:?}");
        }
        // The list's header is its documented JSON keys whatever the language.
        let out = f.run(&["list", "--format", "csv"]).success();
        let rows = csv_rows(&out.get_output().stdout, delimiter);
        assert_eq!(rows[0][..3], ["id", "file", "title"]);
        let partners = rows[0].iter().position(|h| h == "partners").unwrap();
        assert_eq!(rows[1][partners], "Skoler; SFO; Foreninger, lokale");
    }
}

#[test]
fn the_delimiter_can_be_chosen() {
    let f = two_places("da");
    for (given, byte) in [(",", b','), ("tab", b'\t'), ("|", b'|')] {
        for args in [
            vec!["list", "--format", "csv", "--delimiter", given],
            vec![
                "report",
                "-q",
                "Q2",
                "--format",
                "csv",
                "--delimiter",
                given,
            ],
        ] {
            let out = f.run(&args).success();
            let rows = csv_rows(&out.get_output().stdout, byte);
            assert!(rows[0].len() >= 10, "{args:?}: {rows:?}");
            assert!(rows.iter().all(|r| r.len() == rows[0].len()));
        }
    }
    let out = f
        .run(&["list", "--format", "csv", "--delimiter", "ab"])
        .code(2);
    assert!(stderr(&out).contains("--delimiter"), "{}", stderr(&out));
}

#[test]
fn curly_quotes_are_named_for_the_key_at_hand() {
    let f = Fixture::new().filled().file(
        "laeseklub.toml",
        "title = “Læseklub”\nperiod = \"Q2\"\ntracks = [‘Hygge’]\n",
    );
    let out = f.run(&["check"]).code(1);
    let text = stdout(&out) + &stderr(&out);
    assert!(
        text.contains("curly quotes around `title`'s value: TOML needs straight quotes"),
        "{text}"
    );
    assert!(
        text.contains("the line should read: title = \"Læseklub\""),
        "{text}"
    );
    assert!(text.contains("laeseklub.toml:1:9"), "{text}");
    assert!(
        text.contains("curly quotes around `tracks`'s value"),
        "{text}"
    );
    assert!(!text.contains("must be quoted"), "{text}");
    // The rest of the file is still read: no "has no title", no second finding per line.
    assert!(!text.contains("has no"), "{text}");
    assert_eq!(text.matches("error[").count(), 2, "{text}");
}

#[test]
fn invisible_characters_are_named_with_where_they_are() {
    let f = Fixture::new().filled().file(
        "nbsp.toml",
        "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus\u{a0}= \"done\"\nowner\u{200b} = \"Ida\"\ndeadline = 2017–06–30\n",
    );
    let out = f.run(&["check"]).code(1);
    let text = stdout(&out) + &stderr(&out);
    assert!(
        text.contains("an invisible U+00A0 NO-BREAK SPACE after `status`"),
        "{text}"
    );
    assert!(text.contains("nbsp.toml:4:7"), "{text}");
    assert!(
        text.contains("an invisible U+200B ZERO WIDTH SPACE after `owner`"),
        "{text}"
    );
    assert!(
        text.contains("a U+2013 EN DASH in the value of `deadline`"),
        "{text}"
    );
    assert!(!text.contains("unknown field"), "{text}");
    assert!(!text.contains("did you mean `status`"), "{text}");
}

#[test]
fn a_quoted_key_with_an_invisible_character_is_explained() {
    let f = Fixture::new().filled().file(
        "quoted.toml",
        "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\"status\u{a0}\" = \"done\"\n",
    );
    let out = f.run(&["check"]).code(1);
    let text = stdout(&out) + &stderr(&out);
    assert!(
        text.contains(
            "it has an invisible U+00A0 NO-BREAK SPACE after `status`; type it plainly: `status`"
        ),
        "{text}"
    );
}

#[test]
fn danish_letters_without_marks_find_their_place() {
    let manifest = "[plan]\ntitle = \"Testplan\"\nyear = 2017\nlanguage = \"da\"\n\n[rules]\nmin_per_track = 1\n\n[[track]]\nname = \"Hygge\"\n\n[[location]]\nname = \"Ågerup\"\naliases = [\"Aagerup\"]\n\n[[location]]\nname = \"Gundsømagle\"\naliases = [\"Gundsoemagle\"]\n\n[[location]]\nname = \"Viby\"\n";
    let f = Fixture::new().file("plan.toml", manifest).initiative(
        "a",
        "Q2",
        &["Hygge"],
        "locations = [\"Agerup\", \"Gundsomagle\"]\n",
    );
    for typed in ["Agerup", "agerup"] {
        let out = f.run(&["list", "--location", typed]).code(2);
        assert!(
            stderr(&out).contains("did you mean `Ågerup`?"),
            "{}",
            stderr(&out)
        );
    }
    let out = f.run(&["list", "--location", "Gundsomagle"]).code(2);
    assert!(
        stderr(&out).contains("did you mean `Gundsømagle`?"),
        "{}",
        stderr(&out)
    );
    // In files as on the command line (an unknown place is a warning).
    let out = f.run(&["check"]).success();
    let text = stdout(&out);
    assert!(text.contains("did you mean `Ågerup`?"), "{text}");
    assert!(text.contains("did you mean `Gundsømagle`?"), "{text}");
    // And on the shipped plan.
    let out = plan()
        .args(["list", "--location", "Gundsomagle"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("did you mean `Gundsømagle`?"),
        "{}",
        stderr(&out)
    );
    let out = plan()
        .args(["list", "--location", "Agerup"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("did you mean `Ågerup`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_stray_copy_counts_toward_nothing_and_is_named_a_copy() {
    let manifest = "[plan]\ntitle = \"Testplan\"\nyear = 2017\nlanguage = \"da\"\n\n[rules]\nmin_per_track = 2\n\n[[track]]\nname = \"Hygge\"\n\n[[location]]\nname = \"Viby\"\n";
    let udearealer =
        "title = \"Udearealer\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\"]\n";
    for copy in [
        "q2/udearealer (kopi).toml",
        "q2/udearealer - Kopi.toml",
        "q2/udearealer copy.toml",
        "q2/udearealer (1).toml",
        "q2/Copy of udearealer.toml",
    ] {
        let f = Fixture::new()
            .file("plan.toml", manifest)
            .file("q2/udearealer.toml", udearealer)
            .file(copy, udearealer);
        let out = f.run(&["check"]).code(1);
        let text = stdout(&out);
        assert!(
            text.contains("is a copy of `udearealer` by its name"),
            "{copy}: {text}"
        );
        // The copy does not make Hygge reach its minimum of 2.
        assert!(text.contains("error[min-per-track]"), "{copy}: {text}");
        let status = f
            .run(&["--today", "2017-05-15", "status", "--format", "json"])
            .success();
        let json: serde_json::Value = serde_json::from_str(&stdout(&status)).unwrap();
        assert_eq!(json["totals"]["initiatives"], 1, "{copy}");
        let list = f.run(&["list", "--format", "json"]).success();
        let json: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
        assert_eq!(json.as_array().unwrap().len(), 1, "{copy}");
        let report = f
            .run(&[
                "--today",
                "2017-05-15",
                "report",
                "-q",
                "Q2",
                "--format",
                "json",
            ])
            .success();
        assert_eq!(
            stdout(&report).matches("\"Udearealer\"").count(),
            1,
            "{copy}"
        );
    }
    // Any other invalid id counts toward nothing too.
    let f = Fixture::new()
        .file("plan.toml", manifest)
        .file("q2/udearealer.toml", udearealer)
        .file("q2/Udearealer Nord.toml", udearealer);
    let text = stdout(&f.run(&["check"]).code(1));
    assert!(text.contains("the file counts toward nothing"), "{text}");
    assert!(text.contains("error[min-per-track]"), "{text}");
}

/// A plan in `lang` for the wording tests: one cross-cutting initiative, a done one with
/// denied funding, a whole-year one, and a log written out of order.
fn worded(lang: &str) -> Fixture {
    Fixture::new()
        .file(
            "plan.toml",
            &format!(
                "[plan]\ntitle = \"Testplan\"\nyear = 2017\nlanguage = \"{lang}\"\n\n[rules]\nmin_per_track = 2\n\n[[track]]\nname = \"Hygge\"\n\n[[track]]\nname = \"Fordybelse\"\n"
            ),
        )
        .file(
            "alle.toml",
            "title = \"For alle\"\nperiod = \"year\"\ntracks = [\"Alle spor\"]\n",
        )
        .file(
            "faerdig.toml",
            "title = \"Færdig\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\nstatus = \"done\"\nfunding = \"denied\"\n\n[[log]]\ndate = 2017-05-01\ntext = \"Tredje note, skrevet med en tidlig --today.\"\n\n[[log]]\ndate = 2017-04-20\ntext = \"Første note.\"\n\n[[log]]\ndate = 2017-11-30\ntext = \"Sidste note.\"\n\n[[log]]\ndate = 2017-04-25\ntext = \"Anden note, tilføjet sidst i filen.\"\n",
        )
        .file(
            "hele-aaret.toml",
            "title = \"Hele året igennem\"\nperiod = \"year\"\ntracks = [\"Hygge\", \"Fordybelse\"]\n",
        )
}

#[test]
fn the_log_is_in_date_order_and_its_text_aligned() {
    for lang in ["da", "en"] {
        let f = worded(lang);
        let out = f
            .run(&["--today", "2017-12-01", "show", "faerdig"])
            .success();
        let text = stdout(&out);
        let log: Vec<&str> = text
            .lines()
            .skip_while(|l| *l != "Log")
            .skip(1)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(log.len(), 4, "{text}");
        let order: Vec<&str> = ["Første", "Anden", "Tredje", "Sidste"].to_vec();
        for (line, word) in log.iter().zip(&order) {
            assert!(line.contains(word), "{lang}: out of order:\n{text}");
        }
        let columns: Vec<usize> = log
            .iter()
            .zip(&order)
            .map(|(l, w)| l[..l.find(w).unwrap()].chars().count())
            .collect();
        assert!(
            columns.windows(2).all(|w| w[0] == w[1]),
            "{lang}: text columns {columns:?}:\n{text}"
        );
    }
}

#[test]
fn wording_in_danish() {
    let f = worded("da");
    let status = stdout(&f.run(&["--today", "2018-01-15", "status"]).success());
    assert!(
        status.contains("1 tværgående indsats (alle spor) tæller ikke med i minimum"),
        "{status}"
    );
    assert!(status.contains("hele-aaret (hele året):"), "{status}");
    assert!(!status.contains("(Hele året)"), "{status}");
    let show = stdout(
        &f.run(&["--today", "2017-12-01", "show", "faerdig"])
            .success(),
    );
    assert!(show.contains("Finansiering  afslået"), "{show}");
    assert!(!show.contains("finansiering afslået"), "{show}");
    let list = f.run(&["--today", "2017-05-15", "list"]).success();
    let list = stdout(&list);
    assert!(
        list.contains("Hele året") && !list.contains(" År "),
        "{list}"
    );
    assert!(
        list.contains("1. kvartal") && !list.contains(" Q1 "),
        "{list}"
    );
    let wide = plan_in(f.dir())
        .env("COLUMNS", "200")
        .args(["--today", "2017-05-15", "list"])
        .assert()
        .success();
    assert!(stdout(&wide).contains("Bemærkninger"), "{}", stdout(&wide));
    let q4 = stdout(&f.run(&["report", "-q", "Q4"]).success());
    assert!(q4.contains("Næste år: 2018"), "{q4}");
    let list = stdout(
        &f.run(&["--today", "2017-05-15", "list", "--track", "Hygge"])
            .success(),
    );
    assert!(
        list.contains("1 tværgående indsats (alle spor) er med, fordi den berører alle spor."),
        "{list}"
    );
}

#[test]
fn wording_in_english() {
    let f = worded("en");
    let status = stdout(&f.run(&["--today", "2018-01-15", "status"]).success());
    assert!(
        status
            .contains("1 cross-cutting initiative (all tracks) does not count toward the minimum"),
        "{status}"
    );
    assert!(status.contains("hele-aaret (whole year):"), "{status}");
    let show = stdout(
        &f.run(&["--today", "2017-12-01", "show", "faerdig"])
            .success(),
    );
    assert!(show.contains("Funding    denied"), "{show}");
    assert!(show.contains("nothing to note"), "{show}");
    assert!(!show.contains("on track"), "{show}");
    let wide = plan_in(f.dir())
        .env("COLUMNS", "200")
        .args(["--today", "2017-05-15", "list"])
        .assert()
        .success();
    assert!(stdout(&wide).contains("Remarks"), "{}", stdout(&wide));
    // One wording for a short track: "1 short" in status and in the memo.
    let status = stdout(&f.run(&["--today", "2017-05-15", "status"]).success());
    assert!(status.contains("1 short"), "{status}");
    let memo = stdout(&f.run(&["report", "-q", "Q2"]).success());
    assert!(memo.contains("1 short"), "{memo}");
    assert!(!memo.contains("short 1"), "{memo}");
    let q4 = stdout(&f.run(&["report", "-q", "Q4"]).success());
    assert!(q4.contains("Next year: 2018"), "{q4}");
    assert!(!q4.contains("On into"), "{q4}");
}

#[test]
fn an_empty_title_is_not_told_to_remove_the_line() {
    let f = Fixture::new().filled().file(
        "tom.toml",
        "title = \"\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
    );
    let text = stdout(&f.run(&["check"]).code(1));
    assert!(text.contains("`title` is empty"), "{text}");
    assert!(text.contains("`title` is required"), "{text}");
    assert!(!text.contains("remove the line"), "{text}");
}

#[test]
fn funding_takes_afvist_and_its_error_lists_the_danish_words() {
    let f = Fixture::new()
        .filled()
        .initiative("penge", "Q2", &["Hygge"], "");
    f.run(&["set", "penge", "funding=afvist"]).success();
    let file = std::fs::read_to_string(f.plans().join("penge.toml")).unwrap();
    assert!(file.contains("funding = \"denied\""), "{file}");
    f.run(&["set", "penge", "funding=afventer finansiering"])
        .success();
    let out = f.run(&["set", "penge", "funding=måske"]).code(1);
    let text = stdout(&out) + &stderr(&out);
    assert!(
        text.contains("also takes the Danish words: ingen, afventer, bevilget, afslået, afvist"),
        "{text}"
    );
}

#[test]
fn the_readme_says_which_rust_how_to_install_and_what_ci_runs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .unwrap()
        .trim_matches('"');
    let top: String = readme.lines().take(70).collect::<Vec<_>>().join("\n");
    assert!(top.contains(&format!("Rust {version} or newer")), "{top}");
    assert!(top.contains("https://sh.rustup.rs | sh"), "{top}");
    assert!(top.contains("cargo install --path ."), "{top}");
    assert!(top.contains("apt install\nchromium") || top.contains("apt install chromium"));
    // The set-up commands share one profile, and CI runs the README's test command.
    assert!(top.contains("cargo run -- status"), "{top}");
    assert!(top.contains("\ncargo test "), "{top}");
    assert!(!top.contains("cargo run --release"), "{top}");
    assert!(ci.lines().any(|l| l.trim() == "cargo test"), "{ci}");
}
