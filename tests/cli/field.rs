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
