//! `plan status`: the judgements at several as-of dates, the dashboard on the shipped plan,
//! colour, width, and the as-of date from the flag and the environment.

use serde_json::Value;

use crate::support::*;

/// A small plan: a Q1 initiative with a February deadline, a Q2 one that builds on it, a Q2
/// one waiting for money, and a whole-year one.
fn fixture(first_status: &str, funding: &str) -> Fixture {
    Fixture::new()
        .manifest("min_per_track = 1")
        .initiative(
            "forste",
            "Q1",
            &["Hygge"],
            &format!("status = \"{first_status}\"\ndeadline = 2017-02-15\n"),
        )
        .initiative(
            "bygger-videre",
            "Q2",
            &["Hygge"],
            "depends_on = [\"forste\"]\nstatus = \"active\"\n",
        )
        .initiative(
            "venter-paa-penge",
            "Q2",
            &["Fordybelse"],
            &format!("funding = \"{funding}\"\n"),
        )
        .initiative("hele-aaret", "year", &["Alle spor"], "")
}

/// `plan status --format json` as of `today`.
fn status_json(f: &Fixture, today: &str) -> Value {
    let out = f
        .run(&["--today", today, "status", "--format", "json"])
        .success();
    serde_json::from_str(&stdout(&out)).expect("status JSON")
}

/// The attention list as `id: reason, reason`, to compare in one line.
fn attention(json: &Value) -> Vec<String> {
    json["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let reasons: Vec<String> = a["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| match r["kind"].as_str().unwrap() {
                    "late" => format!("late since {}", r["since"].as_str().unwrap()),
                    "blocked" => format!("blocked by {}", r["by"][0].as_str().unwrap()),
                    other => other.to_string(),
                })
                .collect();
            format!("{}: {}", a["id"].as_str().unwrap(), reasons.join(", "))
        })
        .collect()
}

#[test]
fn before_the_year_nothing_is_judged() {
    let json = status_json(&fixture("planned", "pending"), "2016-12-01");
    assert_eq!(json["current_period"], "not-started");
    assert_eq!(json["as_of"], "2016-12-01");
    assert!(attention(&json).is_empty());
    assert_eq!(json["totals"]["late"], 0);
}

#[test]
fn after_a_deadline_within_its_quarter_it_is_late() {
    let json = status_json(&fixture("planned", "pending"), "2017-02-20");
    assert_eq!(json["current_period"], "Q1");
    assert_eq!(attention(&json), ["forste: late since 2017-02-16"]);
}

#[test]
fn mid_q2_late_blocked_and_at_risk() {
    let json = status_json(&fixture("planned", "pending"), "2017-05-15");
    assert_eq!(json["current_period"], "Q2");
    assert_eq!(
        attention(&json),
        [
            "forste: late since 2017-02-16",
            "bygger-videre: blocked by forste",
            "venter-paa-penge: at-risk",
        ]
    );
    let totals = &json["totals"];
    assert_eq!(
        (&totals["late"], &totals["blocked"], &totals["at_risk"]),
        (&1.into(), &1.into(), &1.into())
    );
}

#[test]
fn done_dependency_unblocks_and_granted_funding_is_no_risk() {
    let json = status_json(&fixture("done", "granted"), "2017-05-15");
    assert!(attention(&json).is_empty(), "{:?}", attention(&json));
}

#[test]
fn after_the_year_every_open_initiative_is_late() {
    let json = status_json(&fixture("done", "granted"), "2018-01-10");
    assert_eq!(json["current_period"], "over");
    assert_eq!(
        attention(&json),
        [
            "hele-aaret: late since 2018-01-01",
            "bygger-videre: late since 2017-07-01",
            "venter-paa-penge: late since 2017-07-01",
        ]
    );
}

#[test]
fn json_has_the_keys_of_the_design() {
    let json = status_json(&fixture("planned", "pending"), "2017-05-15");
    for key in [
        "plan",
        "as_of",
        "current_period",
        "totals",
        "periods",
        "tracks",
        "attention",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    for key in [
        "initiatives",
        "planned",
        "active",
        "done",
        "postponed",
        "cancelled",
        "late",
        "blocked",
        "at_risk",
    ] {
        assert!(json["totals"].get(key).is_some(), "missing totals.{key}");
    }
    assert_eq!(json["plan"]["title"], "Testplan");
    assert_eq!(json["plan"]["year"], 2017);
    let period = &json["periods"][0];
    for key in ["period", "total", "done", "late"] {
        assert!(period.get(key).is_some(), "missing periods[].{key}");
    }
    let track = &json["tracks"][0];
    for key in ["name", "count", "minimum", "met"] {
        assert!(track.get(key).is_some(), "missing tracks[].{key}");
    }
    // The totals add up to the initiatives.
    let t = &json["totals"];
    let sum: u64 = ["planned", "active", "done", "postponed", "cancelled"]
        .iter()
        .map(|k| t[k].as_u64().unwrap())
        .sum();
    assert_eq!(Some(sum), t["initiatives"].as_u64());
}

#[test]
fn plan_today_is_the_as_of_date_and_the_flag_wins() {
    let f = fixture("planned", "pending");
    let out = plan_in(f.dir())
        .env("PLAN_TODAY", "2017-02-20")
        .args(["status", "--format", "json"])
        .assert()
        .success();
    assert!(stdout(&out).contains("\"as_of\": \"2017-02-20\""));
    let out = plan_in(f.dir())
        .env("PLAN_TODAY", "2017-02-20")
        .args(["--today", "2017-05-15", "status", "--format", "json"])
        .assert()
        .success();
    assert!(stdout(&out).contains("\"as_of\": \"2017-05-15\""));
}

#[test]
fn a_date_of_another_shape_is_a_usage_error() {
    let f = fixture("planned", "pending");
    for bad in ["2017-5-15", "15-05-2017", "2017-02-30", " 2017-05-15"] {
        let out = f.run(&["--today", bad, "status"]).code(2);
        let expected = if bad == "2017-02-30" {
            "is not a real date"
        } else {
            "YYYY-MM-DD"
        };
        assert!(stderr(&out).contains(expected), "{bad}: {}", stderr(&out));
    }
    let out = plan_in(f.dir())
        .env("PLAN_TODAY", "i morgen")
        .arg("status")
        .assert()
        .code(2);
    assert!(stderr(&out).contains("PLAN_TODAY"));
    // The commands that read no date are not stopped by it (a shell's start-up file runs
    // `plan completions bash`); an explicit `--today` that is no date still is.
    for args in [
        &["completions", "bash"][..],
        &["explain", "min-per-track"],
        &["man"],
        &["schema"],
    ] {
        let out = plan_in(f.dir())
            .env("PLAN_TODAY", "i morgen")
            .args(args)
            .assert()
            .code(0);
        assert!(!stdout(&out).is_empty(), "{args:?}");
    }
    plan_in(f.dir())
        .args(["--today", "i morgen", "explain", "min-per-track"])
        .assert()
        .code(2);
}

/// The shipped plan's dashboard at 80 columns, colour off.
fn shipped_status(today: &str, lang: &str) -> snapbox::cmd::OutputAssert {
    plan()
        .env("COLUMNS", "80")
        .args(["--today", today, "--lang", lang, "status"])
        .assert()
        .success()
}

#[test]
fn shipped_plan_before_q1_ends() {
    shipped_status("2017-02-15", "da").stdout_eq(snapbox::file!["snapshots/status-2017-02-15.txt"]);
}

#[test]
fn shipped_plan_mid_q2() {
    shipped_status("2017-05-15", "da").stdout_eq(snapbox::file!["snapshots/status-2017-05-15.txt"]);
}

#[test]
fn shipped_plan_late_autumn() {
    shipped_status("2017-11-30", "da").stdout_eq(snapbox::file!["snapshots/status-2017-11-30.txt"]);
}

#[test]
fn shipped_plan_in_english() {
    shipped_status("2017-05-15", "en")
        .stdout_eq(snapbox::file!["snapshots/status-2017-05-15-en.txt"]);
}

#[test]
fn every_line_fits_80_columns_and_a_wider_terminal_is_used() {
    let widest = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap();
    for today in ["2017-02-15", "2017-05-15", "2017-11-30", "2018-02-01"] {
        for lang in ["da", "en"] {
            let narrow = stdout(&shipped_status(today, lang));
            assert!(widest(&narrow) <= 80, "{narrow}");
        }
    }
    // Attention titles are cut at 80 columns; at 160 the longest title is whole.
    let json = plan()
        .args(["--today", "2017-05-15", "status", "--format", "json"])
        .assert()
        .success();
    let json: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let longest = json["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .max_by_key(|t| t.chars().count())
        .unwrap()
        .to_string();
    let wide = plan()
        .env("COLUMNS", "160")
        .args(["--today", "2017-05-15", "status"])
        .assert()
        .success();
    assert!(stdout(&wide).contains(&longest));
    assert!(widest(&stdout(&wide)) <= 160);
}

#[test]
fn every_line_fits_56_columns_the_totals_wrapped_between_counts() {
    let widest = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap();
    for lang in ["da", "en"] {
        let out = plan()
            .env("COLUMNS", "56")
            .args(["--today", "2017-05-15", "--lang", lang, "status"])
            .assert()
            .success();
        let text = stdout(&out);
        assert!(widest(&text) <= 56, "{text}");
    }
    let out = plan()
        .env("COLUMNS", "56")
        .args(["--today", "2017-05-15", "status"])
        .assert()
        .success();
    assert!(
        stdout(&out).contains("færdig 0\n              udskudt 0 · aflyst 0\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let run = |args: &[&str], no_color: bool| {
        let mut cmd = plan();
        if no_color {
            cmd = cmd.env("NO_COLOR", "1");
        }
        let mut all = vec!["--today", "2017-05-15"];
        all.extend(args);
        stdout(&cmd.args(all).assert().success())
    };
    // Not a terminal: no colour.
    assert!(!run(&["status"], false).contains('\u{1b}'));
    assert!(!run(&["--color", "never", "status"], false).contains('\u{1b}'));
    assert!(!run(&["--color", "auto", "status"], true).contains('\u{1b}'));
    // Asked for: late in red, met in green.
    let coloured = run(&["--color", "always", "status"], false);
    assert!(coloured.contains("\u{1b}[31mforsinket siden"), "{coloured}");
    assert!(coloured.contains("opfyldt"));
    assert!(coloured.contains("\u{1b}[32m") || coloured.contains("\u{1b}[38;5;10m"));
}

/// With colour, as without, no line of the dashboard or the list's table ends in spaces,
/// not even before the colour reset of a coloured last cell (a status, "opfyldt"), and the
/// text is the text without colour.
#[test]
fn coloured_tables_have_no_trailing_spaces() {
    let run = |args: &[&str], columns: &str| {
        let mut all = vec!["--today", "2017-06-30"];
        all.extend(args);
        stdout(&plan().env("COLUMNS", columns).args(all).assert().success())
    };
    let uncolour = |text: &str| {
        let mut plain = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('\u{1b}') {
            plain.push_str(&rest[..start]);
            let end = rest[start..].find('m').expect("an SGR sequence ends in m");
            rest = &rest[start + end + 1..];
        }
        plain.push_str(rest);
        plain
    };
    // Wide and narrow: the narrow list puts the flags under the status.
    for (command, columns) in [
        (&["status"][..], "120"),
        (&["list"], "200"),
        (&["list"], "60"),
    ] {
        let mut args = vec!["--color", "always"];
        args.extend(command);
        let coloured = run(&args, columns);
        assert!(coloured.contains('\u{1b}'), "{command:?}: no colour");
        for line in coloured.lines() {
            assert!(
                !uncolour(line).ends_with(' '),
                "{command:?} {columns}: {line:?}"
            );
        }
        assert_eq!(
            uncolour(&coloured),
            run(command, columns),
            "{command:?} {columns}"
        );
    }
}

#[test]
fn escape_sequences_and_bells_in_plan_text_never_reach_the_terminal() {
    let f = Fixture::new()
        .file(
            "plan.toml",
            "[plan]\ntitle = \"Plan \\u001b]0;pwned\\u0007 \\u001b[2J\"\nyear = 2017\n\n[rules]\nmin_per_track = 1\n",
        )
        .file(
            "farlig.toml",
            "title = \"Rød \\u001b[31mtitel\\u0007 med klokke\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n\
             description = \"linje\\u001b[1A\\u0007\"\nowner = \"\\u009b31m\"\ntags = [\"\\u001b[5m\"]\n\
             [[log]]\ndate = 2017-01-10\ntext = \"note \\u0007\\u001b[0m\"\n",
        );
    for args in [
        vec!["status"],
        vec!["list"],
        vec!["list", "--format", "markdown"],
        vec!["list", "--format", "csv"],
        vec!["show", "farlig"],
    ] {
        let mut all = vec!["--today", "2017-05-15", "--color", "never"];
        all.extend(args.iter().copied());
        let out = f.run(&all).success();
        let text = stdout(&out);
        assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
        assert!(!text.contains('\u{7}'), "{args:?}: {text:?}");
        assert!(!text.contains('\u{9b}'), "{args:?}: {text:?}");
        assert!(text.contains("titel"), "{args:?}: {text:?}");
    }
}

#[test]
fn an_error_in_plan_toml_stops_status_and_report_instead_of_showing_wrong_numbers() {
    let f = Fixture::new().filled().file(
        "plan.toml",
        "[plan]\ntitle = \"Plan 2018\"\nyear = \"2018\"\n",
    );
    for args in [
        &["status"][..],
        &["list"][..],
        &["report", "--quarter", "Q2"][..],
    ] {
        let out = f.run(args).code(1);
        assert_eq!(stdout(&out), "", "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("plans/plan.toml:3:8"), "{err}");
        assert!(err.contains("cannot be trusted"), "{err}");
    }
}

#[test]
fn files_with_errors_are_named_in_a_warning_by_every_reading_command() {
    let f = Fixture::new()
        .filled()
        .bytes(
            "latin1.toml",
            b"title = \"M\xf8dested\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
        )
        .file(
            "typo.toml",
            "title = \"T\"\nperiod = \"Q1\"\ntrakcs = [\"Hygge\"]\n",
        );
    for args in [
        &["status"][..],
        &["list"][..],
        &["show", "fill-1"][..],
        &["report", "--quarter", "Q1"][..],
    ] {
        let out = f.run(args).code(0);
        let err = stderr(&out);
        assert!(
            err.starts_with("warning: 2 initiative files have errors and may be left out or incomplete: plans/latin1.toml, plans/typo.toml\n"),
            "{args:?}: {err}"
        );
        assert!(!stdout(&out).is_empty());
    }
    let clean = Fixture::new().filled();
    assert_eq!(stderr(&clean.run(&["status"]).code(0)), "");
}

/// Thousands of broken files are one readable warning: the first ten named, the rest
/// counted; `plan check` lists them all.
#[test]
fn the_warning_names_ten_files_with_errors_and_counts_the_rest() {
    let mut f = Fixture::new().filled();
    for n in 0..13 {
        f = f.file(
            &format!("brudt-{n:02}.toml"),
            "title = \"T\"\nperiod = \"Q1\"\ntrakcs = [\"Hygge\"]\n",
        );
    }
    let err = stderr(&f.run(&["status"]).code(0));
    let named: Vec<String> = (0..10)
        .map(|n| format!("plans/brudt-{n:02}.toml"))
        .collect();
    assert!(
        err.starts_with(&format!(
            "warning: 13 initiative files have errors and may be left out or incomplete: {} and 3 more\n",
            named.join(", ")
        )),
        "{err}"
    );
    assert!(!err.contains("brudt-10"), "{err}");
    // The memo still names every file it may leave out.
    let memo = stdout(
        &f.run(&["report", "--quarter", "Q1", "--format", "markdown"])
            .code(0),
    );
    assert!(memo.contains("brudt-12"), "{memo}");
}

#[test]
fn a_dependency_whose_file_is_broken_blocks_as_one_not_done() {
    let f = Fixture::new()
        .filled()
        .file("grundlag.toml", "title = \"Grundlag\nperiod = \"Q1\"\n")
        .initiative("videre", "Q2", &["Hygge"], "depends_on = [\"grundlag\"]\n");
    let out = f
        .run(&["--today", "2017-05-15", "status", "--format", "json"])
        .code(0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["totals"]["blocked"], 1);
    assert_eq!(json["attention"][0]["id"], "videre");
    assert_eq!(json["attention"][0]["reasons"][0]["by"][0], "grundlag");
}

#[test]
fn one_initiative_is_counted_in_the_singular_in_both_languages() {
    let f = Fixture::new()
        .manifest("min_per_track = 1")
        .initiative("eneste", "Q1", &["Hygge"], "");
    let da = stdout(&f.run(&["--today", "2017-02-01", "status"]).code(0));
    assert!(da.contains("\n1 indsats  planlagt 1"), "{da}");
    let en = stdout(
        &f.run(&["--today", "2017-02-01", "status", "--lang", "en"])
            .code(0),
    );
    assert!(en.contains("\n1 initiative  planned 1"), "{en}");
    let two = f.initiative("anden", "Q2", &["Hygge"], "");
    let da = stdout(&two.run(&["--today", "2017-02-01", "status"]).code(0));
    assert!(da.contains("\n2 indsatser  planlagt 2"), "{da}");
}

#[test]
fn at_56_columns_the_periods_table_keeps_words_and_2_kvartal_whole() {
    for (lang, words) in [
        (
            "da",
            &["Periode", "Færdig", "Planlagt", "Forsinket", "2. kvartal"][..],
        ),
        ("en", &["Period", "Done", "Planned", "Late"][..]),
    ] {
        let out = plan()
            .env("COLUMNS", "56")
            .args(["--today", "2017-05-15", "--lang", lang, "status"])
            .assert()
            .success();
        let text = stdout(&out);
        for line in text.lines() {
            assert!(line.chars().count() <= 56, "`{line}`\n{text}");
            let last = line.split_whitespace().last().unwrap_or("");
            let number = last.trim_end_matches('.');
            assert!(
                !(last.ends_with('.')
                    && !number.is_empty()
                    && number.chars().all(|c| c.is_ascii_digit())),
                "an ordinal ends `{line}`\n{text}"
            );
        }
        // Each heading and period is whole on one line (comfy-table cut "Planlag/t").
        let table: Vec<&str> = text.lines().collect();
        for word in words {
            assert!(table.iter().any(|l| l.contains(word)), "{word}:\n{text}");
        }
    }
}

/// At 60 columns the dashboard fits, with no heading or marker broken over two lines ("I" /
/// "gang", "←" / "nu") and no track name wrapped: the bars give way first (they kept 24
/// columns and pushed "Indgang til fællesskab" onto two lines).
#[test]
fn at_60_columns_headings_markers_and_track_names_stay_whole() {
    for (lang, marker) in [("da", "nu"), ("en", "now")] {
        let text = stdout(
            &plan()
                .env("COLUMNS", "60")
                .args(["--today", "2017-08-10", "--lang", lang, "status"])
                .assert()
                .success(),
        );
        assert_fits(&text, 60, lang);
        let periods = text
            .lines()
            .skip_while(|l| !l.starts_with("Perio"))
            .take_while(|l| !l.is_empty())
            .collect::<Vec<_>>();
        assert!(
            periods
                .iter()
                .any(|l| l.trim_end().ends_with(&format!("←\u{a0}{marker}"))),
            "{text}"
        );
        for line in &periods[1..] {
            assert!(!line.trim().is_empty() && line.trim() != marker, "{text}");
        }
        if lang == "da" {
            assert!(periods[1].contains("I\u{a0}gang"), "{text}");
        }
        assert!(
            text.lines()
                .any(|l| l.starts_with("  Indgang til fællesskab ")),
            "{text}"
        );
    }
}
