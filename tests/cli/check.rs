//! `plan check`: every rule on a small fixture, positions, formats and exit codes.

use std::fs;

use serde_json::Value;

use crate::support::*;

/// One finding as the JSON output gives it: (rule, severity, file, line, column).
type Finding = (String, String, Option<String>, Option<u64>, Option<u64>);

fn findings_of(json: &Value) -> Vec<Finding> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["file"].as_str().map(str::to_string),
                d["line"].as_u64(),
                d["column"].as_u64(),
            )
        })
        .collect()
}

/// Runs `plan check --format json` in the fixture and returns the findings and exit code.
/// The findings' messages, in the order of the JSON output.
fn messages_of(json: &Value) -> Vec<&str> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect()
}

fn check_json(fixture: &Fixture) -> (Vec<Finding>, Value, i32) {
    let out = fixture.run(&["check", "--format", "json"]);
    let code = out.get_output().status.code().expect("exit code");
    let json: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    (findings_of(&json), json, code)
}

fn finding(rule: &str, severity: &str, file: &str, line: u64, column: u64) -> Finding {
    (
        rule.into(),
        severity.into(),
        Some(file.into()),
        Some(line),
        Some(column),
    )
}

#[test]
fn a_complete_plan_is_clean_and_exits_0() {
    let f = Fixture::new().filled();
    let (found, json, code) = check_json(&f);
    assert_eq!(found, vec![]);
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["initiatives"], 3);
    let text = f.run(&["check"]).code(0);
    assert_eq!(
        stdout(&text),
        "ok: 3 initiatives checked, no problems found\n"
    );
}

#[test]
fn syntax() {
    let f = Fixture::new()
        .filled()
        .file("broken.toml", "title = \"Åben Skole\nperiod = \"Q1\"\n");
    let (found, _, code) = check_json(&f);
    assert_eq!(found[0].0, "syntax");
    assert_eq!(found[0].2.as_deref(), Some("plans/broken.toml"));
    assert_eq!(found[0].3, Some(1));
    assert_eq!(code, 1);
}

#[test]
fn unknown_field_suggests_the_nearest_and_checks_its_value() {
    let f = Fixture::new().filled().file(
        "typo.toml",
        "title = \"Hygge i Viby\"\nperiod = \"Q2\"\ntrakcs = [\"Hyge\"]\n",
    );
    let out = f.run(&["check", "--format", "json"]).code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        findings_of(&json),
        vec![
            finding("unknown-field", "error", "plans/typo.toml", 3, 1),
            finding("unknown-track", "error", "plans/typo.toml", 3, 11),
        ]
    );
    assert_eq!(json["diagnostics"][0]["help"], "did you mean `tracks`?");
    assert_eq!(json["diagnostics"][1]["help"], "did you mean `Hygge`?");
    assert_eq!(json["diagnostics"][0]["fixable"], true);
}

/// A misspelt key whose value the meant field cannot take is not read as that field, nor
/// renamed to it by `--fix`: `lot = 3` was also "`log` must be a list of [[log]] entries"
/// (the file has no `log`), and `--fix` wrote `log = 3`, still broken.
#[test]
fn a_misspelt_key_with_a_value_the_field_cannot_take_is_not_renamed() {
    let f = Fixture::new().filled().file(
        "typo.toml",
        "title = \"Hygge i Viby\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlot = 3\n",
    );
    let out = f.run(&["check", "--format", "json"]).code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let in_file: Vec<&Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "plans/typo.toml")
        .collect();
    assert_eq!(in_file.len(), 1, "{json}");
    assert_eq!(in_file[0]["rule"], "unknown-field");
    assert_eq!(in_file[0]["fixable"], false, "{json}");
    let before = fs::read_to_string(f.plans().join("typo.toml")).unwrap();
    f.run(&["check", "--fix"]).code(1);
    assert_eq!(
        fs::read_to_string(f.plans().join("typo.toml")).unwrap(),
        before
    );
    // In a [[log]] entry too: `dato = 3` is no date; `dato = 2017-04-03` is one.
    let f = Fixture::new().filled().file(
        "log.toml",
        "title = \"L\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndato = 3\ntext = \"x\"\n\n[[log]]\ndato = 2017-04-03\ntext = \"y\"\n",
    );
    let out = f.run(&["check", "--format", "json"]).code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let typos: Vec<(u64, bool)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unknown-field")
        .map(|d| (d["line"].as_u64().unwrap(), d["fixable"] == true))
        .collect();
    assert_eq!(typos, [(6, false), (10, true)], "{json}");
}

#[test]
fn missing_field() {
    let f = Fixture::new().filled().file(
        "no-period.toml",
        "title = \"Uden periode\"\ntracks = [\"Hygge\"]\n",
    );
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![finding(
            "missing-field",
            "error",
            "plans/no-period.toml",
            1,
            1
        )]
    );
    assert!(json["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("`period`"));
}

#[test]
fn invalid_values_of_every_kind() {
    let f = Fixture::new().filled().file(
        "bad-values.toml",
        concat!(
            "title = \"\"\n",
            "period = \"Q5\"\n",
            "tracks = \"Hygge\"\n",
            "status = \"Done\"\n",
            "funding = \"maybe\"\n",
            "deadline = \"31-03-2017\"\n",
            "tags = [1, 2]\n",
        ),
    );
    let (found, json, code) = check_json(&f);
    let lines: Vec<(String, Option<u64>)> = found.iter().map(|f| (f.0.clone(), f.3)).collect();
    let expected: Vec<(String, Option<u64>)> = [1, 2, 3, 4, 5, 6, 7, 7]
        .into_iter()
        .map(|l| ("invalid-value".to_string(), Some(l)))
        .collect();
    assert_eq!(lines, expected);
    assert_eq!(code, 1);
    let helps: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["help"].as_str().unwrap_or(""))
        .collect();
    assert!(helps[2].contains("tracks = [\"Hygge\"]"), "{helps:?}");
    assert!(helps[3].contains("did you mean `done`?"), "{helps:?}");
    // `Q5` is as near Q1 as Q4: no guess (it was `år`, a Danish word farther than both).
    assert!(
        helps[1].starts_with("period is one of: year, Q1, Q2, Q3, Q4"),
        "{helps:?}"
    );
    assert!(helps[5].contains("deadline = 2017-03-31"), "{helps:?}");
}

#[test]
fn an_invalid_id_is_reported_on_the_file() {
    let f = Fixture::new()
        .filled()
        .initiative("Mødested", "Q1", &["Hygge"], "");
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![(
            "invalid-value".into(),
            "error".into(),
            Some("plans/Mødested.toml".into()),
            None,
            None
        )]
    );
    assert!(json["diagnostics"][0]["help"]
        .as_str()
        .unwrap()
        .contains("moedested.toml"));
}

#[test]
fn a_file_name_that_clashes_with_another_once_lowercased_is_named_as_a_clash() {
    let f = Fixture::new()
        .filled()
        .initiative("Laeseklub", "Q1", &["Hygge"], "")
        .initiative("laeseklub", "Q2", &["Hygge"], "");
    let (found, json, code) = check_json(&f);
    assert_eq!(
        found,
        vec![(
            "invalid-value".into(),
            "error".into(),
            Some("plans/Laeseklub.toml".into()),
            None,
            None
        )]
    );
    assert_eq!(code, 1);
    let help = json["diagnostics"][0]["help"].as_str().unwrap();
    // Never a rename onto the file that is there.
    assert!(!help.contains("`laeseklub.toml`"), "{help}");
    assert!(help.contains("clashes with plans/laeseklub.toml"), "{help}");
    assert!(help.contains("`laeseklub-2.toml`"), "{help}");
    // Several clashes in one plan: each names its own other file and the first free number.
    let f = Fixture::new()
        .filled()
        .initiative("Laeseklub", "Q1", &["Hygge"], "")
        .initiative("laeseklub", "Q2", &["Hygge"], "")
        .initiative("laeseklub-2", "Q2", &["Hygge"], "")
        .initiative("Hygge-Cafe", "Q3", &["Hygge"], "")
        .initiative("hygge-cafe", "Q3", &["Hygge"], "")
        .initiative("Ny_Ide", "Q4", &["Hygge"], "");
    let (found, json, _) = check_json(&f);
    assert_eq!(found.len(), 3, "{found:?}");
    let help_of = |file: &str| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["file"] == file)
            .unwrap_or_else(|| panic!("a finding on {file}: {json}"))["help"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let help = help_of("plans/Laeseklub.toml");
    assert!(help.contains("clashes with plans/laeseklub.toml"), "{help}");
    assert!(help.contains("`laeseklub-3.toml`"), "{help}");
    let help = help_of("plans/Hygge-Cafe.toml");
    assert!(
        help.contains("clashes with plans/hygge-cafe.toml"),
        "{help}"
    );
    assert!(help.contains("`hygge-cafe-2.toml`"), "{help}");
    // No clash: the rename is advised.
    assert!(!help_of("plans/Ny_Ide.toml").contains("clashes"));
    // Without the other file, the rename is advised as before.
    let f = Fixture::new()
        .filled()
        .initiative("Laeseklub", "Q1", &["Hygge"], "");
    let (_, json, _) = check_json(&f);
    let help = json["diagnostics"][0]["help"].as_str().unwrap();
    assert!(help.contains("`laeseklub.toml`"), "{help}");
}

#[test]
fn a_file_named_as_a_windows_device_is_an_invalid_id() {
    for name in ["con", "nul", "com1", "lpt9"] {
        let f = Fixture::new()
            .filled()
            .initiative(name, "Q1", &["Hygge"], "");
        let (found, json, code) = check_json(&f);
        assert_eq!(
            found,
            vec![(
                "invalid-value".into(),
                "error".into(),
                Some(format!("plans/{name}.toml")),
                None,
                None
            )],
            "{name}"
        );
        assert_eq!(code, 1);
        let d = &json["diagnostics"][0];
        assert!(d["message"].as_str().unwrap().contains("Windows reserves"));
        assert!(d["help"]
            .as_str()
            .unwrap()
            .contains(&format!("`{name}-2.toml`")));
    }
}

#[test]
fn unknown_track() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q1", &["Hygge", "Fordybbelse"], "");
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![finding("unknown-track", "error", "plans/a.toml", 3, 20)]
    );
    assert_eq!(json["diagnostics"][0]["help"], "did you mean `Fordybelse`?");
}

#[test]
fn tracks_match_aliases_in_any_case_and_all_marks_cross_cutting() {
    let f = Fixture::new().filled().initiative(
        "a",
        "Q1",
        &[
            "VIDEN & VEJLEDNING",
            "indgang til fællesskaber",
            "alle spor",
        ],
        "",
    );
    let (found, _, code) = check_json(&f);
    assert_eq!(found, vec![]);
    assert_eq!(code, 0);
}

#[test]
fn unknown_location_is_a_warning_and_exits_0_unless_strict() {
    let f = Fixture::new().filled().initiative(
        "a",
        "Q1",
        &["Hygge"],
        "locations = [\"Viby\", \"Gadstup\"]\n",
    );
    let (found, json, code) = check_json(&f);
    assert_eq!(
        found,
        vec![finding(
            "unknown-location",
            "warning",
            "plans/a.toml",
            4,
            22
        )]
    );
    assert_eq!(json["diagnostics"][0]["help"], "did you mean `Gadstrup`?");
    assert_eq!(code, 0);
    f.run(&["check", "--strict"]).code(1);
}

#[test]
fn duplicate_id_in_sub_folders() {
    let f = Fixture::new()
        .filled()
        .initiative("q1/udearealer", "Q1", &["Hygge"], "")
        .initiative("q3/udearealer", "Q3", &["Hygge"], "");
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![finding(
            "duplicate-id",
            "error",
            "plans/q3/udearealer.toml",
            1,
            1
        )]
    );
    assert!(json["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("plans/q1/udearealer.toml"));
}

#[test]
fn unknown_dependency_suggests_the_nearest_id() {
    let f = Fixture::new()
        .filled()
        .initiative("festival-planlaegning", "Q2", &["Hygge"], "")
        .initiative(
            "festival",
            "Q3",
            &["Hygge"],
            "depends_on = [\"festival-planlaegnig\"]\n",
        );
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![finding(
            "unknown-dependency",
            "error",
            "plans/festival.toml",
            4,
            15
        )]
    );
    assert_eq!(
        json["diagnostics"][0]["help"],
        "did you mean `festival-planlaegning`?"
    );
}

/// Above a thousand ids, "did you mean" looks among the ids an index picks instead of
/// comparing every id (src/suggest.rs): a typo of an id still names that id, and an id far
/// from every other still gets no guess.
#[test]
fn unknown_dependencies_in_a_large_plan_suggest_the_meant_id() {
    let slugs = ["laesekredse", "lektiecafe", "skolesamarbejde", "frivillige"];
    let id = |n: usize| format!("{}-{n:06}", slugs[n % slugs.len()]);
    let mut f = Fixture::new().filled();
    let mut expected = Vec::new();
    for n in 0..1_200 {
        let mut extra = String::new();
        if n % 100 == 99 {
            let meant = id(n - 37);
            // A letter of the slug left out, then a letter doubled.
            let typo = if n % 200 == 99 {
                format!("{}{}", &meant[..4], &meant[5..])
            } else {
                format!("{}{}", &meant[..6], &meant[5..])
            };
            extra = format!("depends_on = [\"{typo}\"]\n");
            expected.push((format!("plans/{}.toml", id(n)), meant));
        }
        f = f.initiative(&id(n), "Q2", &["Hygge"], &extra);
    }
    let f = f.initiative("far", "Q2", &["Hygge"], "depends_on = [\"zzzzzzzz\"]\n");
    let (_, json, code) = check_json(&f);
    assert_eq!(code, 1);
    let mut got: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["rule"], "unknown-dependency");
            (
                d["file"].as_str().unwrap().to_string(),
                d["help"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let mut wanted: Vec<(String, String)> = expected
        .into_iter()
        .map(|(file, meant)| (file, format!("did you mean `{meant}`?")))
        .collect();
    wanted.push((
        "plans/far.toml".into(),
        "an id is the name of an initiative file without `.toml`; `plan list` shows them".into(),
    ));
    wanted.sort();
    assert_eq!(got, wanted);
}

#[test]
fn dependency_cycle_prints_the_loop_once() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q1", &["Hygge"], "depends_on = [\"b\"]\n")
        .initiative("b", "Q1", &["Hygge"], "depends_on = [\"c\"]\n")
        .initiative("c", "Q1", &["Hygge"], "depends_on = [\"a\"]\n")
        .initiative("self", "Q2", &["Hygge"], "depends_on = [\"self\"]\n");
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![
            finding("dependency-cycle", "error", "plans/a.toml", 4, 15),
            finding("dependency-cycle", "error", "plans/self.toml", 4, 15),
        ]
    );
    assert!(json["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .ends_with("a → b → c → a"));
}

#[test]
fn dependency_order() {
    let f = Fixture::new()
        .filled()
        .initiative(
            "tidlig",
            "Q1",
            &["Hygge"],
            "depends_on = [\"sen\", \"hele-aaret\"]\n",
        )
        .initiative("sen", "Q3", &["Hygge"], "")
        .initiative("hele-aaret", "year", &["Hygge"], "depends_on = [\"sen\"]\n");
    let (found, _, _) = check_json(&f);
    assert_eq!(
        found,
        vec![finding(
            "dependency-order",
            "error",
            "plans/tidlig.toml",
            4,
            15
        )]
    );
}

#[test]
fn deadline_outside_period() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q1", &["Hygge"], "deadline = 2017-06-30\n")
        .initiative("b", "year", &["Hygge"], "deadline = 2018-01-15\n")
        .initiative("c", "Q2", &["Hygge"], "deadline = 2017-06-30\n");
    let (found, json, code) = check_json(&f);
    assert_eq!(
        found,
        vec![
            finding("deadline-outside-period", "warning", "plans/a.toml", 4, 12),
            finding("deadline-outside-period", "warning", "plans/b.toml", 4, 12),
        ]
    );
    assert_eq!(code, 0);
    assert!(json["diagnostics"][0]["help"]
        .as_str()
        .unwrap()
        .contains("\"Q2\""));
}

#[test]
fn min_per_track_is_plan_level_with_null_position() {
    let f = Fixture::new()
        .filled()
        .initiative("x", "Q1", &["Hygge"], "")
        .manifest("min_per_track = 5");
    let (found, json, code) = check_json(&f);
    // Hygge has 4 (3 fill + x); every other track 3.
    assert_eq!(found.len(), 7);
    assert!(found
        .iter()
        .all(|f| f.0 == "min-per-track" && f.2.is_none() && f.3.is_none()));
    let hygge = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("`Hygge`"))
        .unwrap();
    assert!(hygge["message"]
        .as_str()
        .unwrap()
        .contains("has 4 initiatives"));
    assert_eq!(code, 1);
}

#[test]
fn cross_cutting_counts_toward_tracks_only_when_the_rules_say_so() {
    let f = Fixture::new()
        .initiative("a", "year", &["Alle spor"], "")
        .initiative("b", "year", &["Alle spor"], "")
        .initiative("c", "year", &["Alle spor"], "");
    let (found, _, _) = check_json(&f);
    assert_eq!(found.iter().filter(|f| f.0 == "min-per-track").count(), 7);
    let f = f.manifest("cross_cutting_counts = true");
    let (found, _, code) = check_json(&f);
    assert_eq!(found, vec![]);
    assert_eq!(code, 0);
}

#[test]
fn cancelled_initiatives_do_not_count_toward_a_track() {
    let f = Fixture::new()
        .filled()
        .manifest("min_per_track = 4")
        .initiative("a", "Q1", &["Hygge"], "status = \"cancelled\"\n");
    let (found, json, _) = check_json(&f);
    assert_eq!(found.iter().filter(|f| f.0 == "min-per-track").count(), 7);
    assert!(json.to_string().contains("track `Hygge` has 3 initiatives"));
}

#[test]
fn min_per_location_only_when_set() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q1", &["Hygge"], "locations = [\"Viby\"]\n");
    let (found, _, _) = check_json(&f);
    assert_eq!(found, vec![]);
    let f = f.manifest("min_per_location = 1");
    let (found, json, _) = check_json(&f);
    // Six places in the default catalogue; only Viby has one.
    assert_eq!(found.len(), 5);
    assert!(found.iter().all(|f| f.0 == "min-per-location"));
    assert!(!json.to_string().contains("`Viby`"));
}

#[test]
fn every_problem_in_every_file_is_reported_in_one_run() {
    let f = Fixture::new()
        .filled()
        .file("a.toml", "title = \"A\"\nperiod = \"Q9\"\ntracks = [\"Hygge\"]\n")
        .file("q2/b.toml", "title = \"B\"\nperiod = \"Q2\"\ntracks = [\"Hyge\"]\nowner = 5\n")
        .file("q3/c.toml", "title = \"C\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\ndepends_on = [\"nope\"]\nfarve = \"rød\"\n");
    let (found, json, code) = check_json(&f);
    assert_eq!(
        found,
        vec![
            finding("invalid-value", "error", "plans/a.toml", 2, 10),
            finding("unknown-track", "error", "plans/q2/b.toml", 3, 11),
            finding("invalid-value", "error", "plans/q2/b.toml", 4, 9),
            finding("unknown-dependency", "error", "plans/q3/c.toml", 4, 15),
            finding("unknown-field", "error", "plans/q3/c.toml", 5, 1),
        ]
    );
    assert_eq!(json["summary"]["errors"], 5);
    assert_eq!(code, 1);
}

#[test]
fn severity_can_be_turned_up_down_and_off() {
    let f = Fixture::new()
        .filled()
        .initiative(
            "a",
            "Q1",
            &["Hygge"],
            "locations = [\"Gadstup\"]\ndeadline = 2017-06-30\n",
        )
        .manifest(
            "[rules.severity]\nunknown-location = \"error\"\ndeadline-outside-period = \"off\"",
        );
    let (found, _, code) = check_json(&f);
    assert_eq!(
        found,
        vec![finding("unknown-location", "error", "plans/a.toml", 4, 14)]
    );
    assert_eq!(code, 1);
}

#[test]
fn manifest_problems_are_findings_in_plan_toml() {
    let f = Fixture::new().filled().file(
        "plan.toml",
        "[plan]\ntitle = \"Plan\"\nyear = 2017\nlangauge = \"da\"\n\n[rules]\nmin_per_track = \"tre\"\n\n[rules.severity]\nunknown-locaton = \"off\"\n",
    );
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![
            finding("unknown-field", "error", "plans/plan.toml", 4, 1),
            finding("invalid-value", "error", "plans/plan.toml", 7, 17),
            finding("unknown-field", "error", "plans/plan.toml", 10, 1),
        ]
    );
    assert_eq!(json["diagnostics"][0]["help"], "did you mean `language`?");
    assert_eq!(
        json["diagnostics"][2]["help"],
        "did you mean `unknown-location`?"
    );
}

#[test]
fn a_name_two_catalogue_entries_share_is_a_finding_at_the_one_never_matched() {
    let manifest = "[plan]\ntitle = \"Plan\"\nyear = 2017\n\n[rules]\nmin_per_track = 0\n\n\
        [[track]]\nname = \"Hygge\"\naliases = [\"fordybelse\", \"Ro\"]\n\n\
        [[track]]\nname = \"Fordybelse\"\naliases = [\"ro\", \"Fordybelse\"]\n\n\
        [[track]]\nname = \"All tracks\"\n\n\
        [[location]]\nname = \"Viby\"\n\n\
        [[location]]\nname = \"Jyllinge\"\n\n\
        [[location]]\nname = \"viby \"\naliases = [\"Viby Sj.\"]\n\n\
        [[location]]\nname = \"VIBY\"\naliases = [\"viby sj.\"]\n";
    let f = Fixture::new().file("plan.toml", manifest).initiative(
        "a",
        "Q1",
        &["Hygge"],
        "locations = [\"Viby Sj.\"]\n",
    );
    let (found, json, code) = check_json(&f);
    assert_eq!(
        found,
        vec![
            // The alias `fordybelse` of Hygge: `Fordybelse` is a track's name.
            finding("duplicate-name", "warning", "plans/plan.toml", 10, 12),
            // `ro` of Fordybelse: Hygge's alias came first. Its own name as an alias: no.
            finding("duplicate-name", "warning", "plans/plan.toml", 14, 12),
            finding("duplicate-name", "warning", "plans/plan.toml", 17, 8),
            // The third `Viby`: its alias is the second's, the same place: no finding.
            finding("duplicate-name", "warning", "plans/plan.toml", 26, 8),
            finding("duplicate-name", "warning", "plans/plan.toml", 30, 8),
        ]
    );
    // A warning: the catalogue is read (merged), so nothing stops; CI may deny it.
    assert_eq!(code, 0);
    let messages = messages_of(&json);
    assert_eq!(
        messages,
        [
            "`fordybelse` names two tracks: `Fordybelse` and `Hygge`",
            "`ro` names two tracks: `Hygge` and `Fordybelse`",
            "`All tracks` names cross-cutting work (every track), not a track",
            "the place `Viby` is named twice in plan.toml",
            "the place `Viby` is named twice in plan.toml",
        ]
    );
    // The entries of one place are one: shown once, with every entry's aliases.
    let out = f.run(&["status", "--today", "2017-03-01"]).code(0);
    let text = stdout(&out);
    assert_eq!(text.matches("Viby").count(), 1, "{text}");
    let (found, _, _) = check_json(&f);
    assert!(found.iter().all(|d| d.0 != "unknown-location"), "{found:?}");
}

/// Two findings that told the wrong cause: a list of tracks of the wrong types was also
/// "empty", and a control character inside a string read as a string left open.
#[test]
fn a_finding_names_the_cause_it_has() {
    let f = Fixture::new()
        .filled()
        .file(
            "typer.toml",
            "title = \"T\"\nperiod = \"Q2\"\ntracks = [1, {a = 1}]\n",
        )
        .bytes(
            "del.toml",
            b"title = \"a\x7fb\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
        )
        .bytes(
            "lit.toml",
            b"title = 'a\x07b'\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
        )
        // Lines ending in CR alone: one finding that says so (one at every CR, no help).
        .bytes(
            "mac.toml",
            b"title = \"M\"\rperiod = \"Q2\"\rtracks = [\"Hygge\"]\r",
        );
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![
            finding("syntax", "error", "plans/del.toml", 1, 11),
            finding("syntax", "error", "plans/lit.toml", 1, 11),
            finding("syntax", "error", "plans/mac.toml", 1, 13),
            finding("invalid-value", "error", "plans/typer.toml", 3, 11),
            finding("invalid-value", "error", "plans/typer.toml", 3, 14),
        ]
    );
    let first = &json["diagnostics"][0];
    assert_eq!(
        first["message"],
        "invalid TOML: a control character (U+007F) inside the text"
    );
    assert!(
        first["help"].as_str().unwrap().contains("\\u007F"),
        "{first}"
    );
    // In a literal string ('…') an escape is not read: not offered.
    let literal = &json["diagnostics"][1];
    assert!(
        literal["message"].as_str().unwrap().contains("U+0007"),
        "{literal}"
    );
    assert!(
        !literal["help"].as_str().unwrap().contains("\\u"),
        "{literal}"
    );
    let mac = &json["diagnostics"][2];
    assert!(mac["help"].as_str().unwrap().contains("CR alone"), "{mac}");
}

#[test]
fn bom_and_crlf_are_accepted_and_positions_stay_right() {
    let f = Fixture::new().filled().bytes(
        "win.toml",
        b"\xEF\xBB\xBFtitle = \"Windows\"\r\nperiod = \"Q1\"\r\ntracks = [\"Hyge\"]\r\n",
    );
    let (found, _, _) = check_json(&f);
    assert_eq!(
        found,
        vec![finding("unknown-track", "error", "plans/win.toml", 3, 11)]
    );
}

#[test]
fn a_latin1_file_is_a_syntax_finding_that_names_the_file() {
    let f = Fixture::new().filled().bytes(
        "latin1.toml",
        b"title = \"M\xf8dested\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
    );
    let (found, json, code) = check_json(&f);
    assert_eq!(
        found,
        vec![finding("syntax", "error", "plans/latin1.toml", 1, 11)]
    );
    assert!(json["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
    assert_eq!(code, 1);
}

#[test]
fn a_windows_1252_file_is_named_as_such_and_one_in_another_encoding_too() {
    // Notepad's "ANSI" on Danish Windows: "Fælles “hygge”" in Windows-1252.
    let f = Fixture::new().filled().bytes(
        "ansi.toml",
        b"title = \"F\xe6lles \x93hygge\x94\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
    );
    let out = f.run(&["check"]).code(1);
    let text = stdout(&out);
    assert!(
        text.contains("the file is not UTF-8: it looks like Windows-1252 (ANSI)"),
        "{text}"
    );
    assert!(text.contains("iconv -f WINDOWS-1252 -t UTF-8"), "{text}");
    assert!(text.contains("plans/ansi.toml:1:11"), "{text}");
    // DOS code page 865 ("f\x91lles"): neither.
    let f = Fixture::new().filled().bytes(
        "dos.toml",
        b"title = \"F\x91lles\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
    );
    let (found, json, _) = check_json(&f);
    assert_eq!(
        found,
        vec![finding("syntax", "error", "plans/dos.toml", 1, 11)]
    );
    assert!(json["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("nor Windows-1252"));
}

#[test]
fn without_plan_toml_the_2017_catalogue_applies() {
    let f = Fixture::new().filled().initiative(
        "bogbus",
        "Q2",
        &["Digitale forbindelser"],
        "locations = [\"bogbus\"]\n",
    );
    let (found, json, _) = check_json(&f);
    assert_eq!(found, vec![]);
    assert_eq!(json["plan"]["year"], 2017);
}

#[test]
fn github_format_is_one_line_per_finding() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q1", &["Hyge"], "locations = [\"Gadstup\"]\n")
        .manifest("min_per_track = 4");
    let out = f.run(&["check", "--format", "github"]).code(1);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 + 7, "{text}");
    assert!(lines[0].starts_with(
        "::error file=plans/a.toml,line=3,col=11,title=unknown-track::unknown track `Hyge`"
    ));
    assert!(
        lines[1].starts_with("::warning file=plans/a.toml,line=4,col=14,title=unknown-location::")
    );
    // A finding on the whole plan is annotated on plan.toml, as the other formats place it
    // (it had no `file=`).
    assert!(lines[2].starts_with(
        "::error file=plans/plan.toml,title=min-per-track::track `Indgang til fællesskab` has 3 initiatives"
    ), "{text}");
}

#[test]
fn json_keys_match_the_contract() {
    let f = Fixture::new().filled().initiative("a", "Q1", &["Hyge"], "");
    let (_, json, _) = check_json(&f);
    let mut top: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    top.sort_unstable();
    assert_eq!(top, ["diagnostics", "plan", "summary"]);
    let mut keys: Vec<&str> = json["diagnostics"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "column",
            "file",
            "fixable",
            "help",
            "line",
            "message",
            "replacement",
            "rule",
            "severity"
        ]
    );
}

#[test]
fn a_missing_folder_exits_2_with_one_line() {
    let f = Fixture::new();
    let out = f.run(&["--plans", "nowhere", "check"]).code(2);
    assert_eq!(
        stderr(&out),
        "error: cannot read the plan folder `nowhere`: not found\n"
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_usage_error_exits_2() {
    Fixture::new().run(&["check", "--format", "yaml"]).code(2);
    Fixture::new().run(&["chekc"]).code(2);
}

#[test]
fn plan_dir_env_and_the_nearest_plans_folder_upward_are_found() {
    let f = Fixture::new().filled();
    let sub = f.dir().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    let out = plan_in(&sub).args(["check"]).assert().code(0);
    assert!(stdout(&out).contains("3 initiatives checked"));
    let out = plan_in(std::path::Path::new("/"))
        .env("PLAN_DIR", f.plans())
        .args(["check", "--format", "json"])
        .assert()
        .code(0);
    assert!(stdout(&out).contains("\"initiatives\": 3"));
}

/// A mistake in plan.toml is one error, not a flood: while it stands the catalogue and the
/// year are the built-in ones, so the rules that judge by them (every track of the plan
/// "unknown", every track short of its minimum) wait, and the text output says so.
#[test]
fn a_broken_plan_toml_is_one_error_not_a_flood() {
    let good = "[plan]\ntitle = \"Hvalsø\"\nyear = 2018\n\n[[track]]\nname = \"Lokalhistorie\"\n\n[rules]\nmin_per_track = 1\n";
    let f = Fixture::new().file("plan.toml", good).initiative(
        "a",
        "Q1",
        &["Lokalhistorie"],
        "deadline = 2018-03-01\n\n[[log]]\ndate = 2018-02-01\ntext = \"Aftalt\"\n",
    );
    f.run(&["check"])
        .code(0)
        .stdout_eq("ok: 1 initiative checked, no problems found\n");
    // A year that is not read (2017 would judge the 2018 deadline), a table that is not
    // (the track would be unknown): plan.toml's own error only.
    for (broken, rule) in [
        (
            good.replace("year = 2018", "year = \"2018\""),
            "invalid-value",
        ),
        (good.replace("[plan]", "[plan"), "syntax"),
    ] {
        std::fs::write(f.plans().join("plan.toml"), &broken).unwrap();
        let text = stdout(&f.run(&["check", "--format", "concise"]).code(1));
        assert!(text.contains(&format!("error[{rule}]")), "{text}");
        assert_eq!(
            text.lines().count(),
            1,
            "only plan.toml's own finding: {text}"
        );
        let text = stdout(&f.run(&["check"]).code(1));
        assert!(
            text.ends_with(
                "failed: 1 initiative checked, 1 error, 0 warnings\nthe rules on tracks, places, deadlines, minimums, log dates and schemas run once plans/plan.toml has no errors\n"
            ),
            "{text}"
        );
    }
}

#[test]
fn snapshot_of_the_human_output() {
    let f = Fixture::new()
        .filled()
        .file("q2/hygge.toml", "title = \"Hygge i Viby\"\nperiod = \"Q2\"\ntrakcs = [\"Hyge\"]\nlocations = [\"Vibby\"]\n")
        .file("q3/festival.toml", "title = \"Modelteaterfestival\"\nperiod = \"Q3\"\ntracks = [\"En lokal aktør\"]\ndepends_on = [\"festval\", \"q4-opsamling\"]\ndeadline = \"2017-09-30\"\n")
        .initiative("q4-opsamling", "Q4", &["Alle spor"], "depends_on = [\"festival\"]\n")
        .file("broken.toml", "title = \"Ødelagt\nperiod = Q1\n");
    let out = f.run(&["check", "--color", "never"]).code(1);
    snapbox::assert_data_eq!(
        stdout(&out),
        snapbox::file!["snapshots/check_findings.txt"].raw()
    );
}

#[test]
fn snapshot_of_the_shipped_plan() {
    let out = plan().args(["check", "--color", "never"]).assert().code(1);
    snapbox::assert_data_eq!(
        stdout(&out),
        snapbox::file!["snapshots/check_shipped.txt"].raw()
    );
}

#[test]
fn shipped_plan_reports_exactly_the_two_short_tracks_and_the_autumn_deadline() {
    let out = plan().args(["check", "--format", "json"]).assert().code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["initiatives"], 28);
    assert_eq!(
        findings_of(&json),
        vec![
            finding(
                "deadline-outside-period",
                "warning",
                "plans/q1/efteraarsprogram-udvikling.toml",
                9,
                12
            ),
            ("min-per-track".into(), "error".into(), None, None, None),
            ("min-per-track".into(), "error".into(), None, None, None),
        ]
    );
    let messages = messages_of(&json);
    assert!(messages[1].starts_with("track `Fordybelse` has 2 initiatives"));
    assert!(messages[2].starts_with("track `Digitale forbindelser` has 2 initiatives"));
}

#[test]
fn control_characters_in_plan_text_never_reach_the_terminal() {
    let f = Fixture::new().filled().file(
        "evil.toml",
        "title = \"Ond\"\nperiod = \"Q1\"\ntracks = [\"Hyg\\u001b[31mge\\u0007\"]\n",
    );
    let out = f.run(&["check", "--color", "never"]).code(1);
    let text = stdout(&out);
    assert!(text.contains("unknown track"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    let out = f.run(&["check", "--format", "github"]);
    assert!(!stdout(&out).contains('\u{1b}'));
}

/// A required field that is missing or cannot be used (an unknown or empty `tracks`, a period
/// that is no period, no title) does not hide the file's other problems: they are all
/// reported in one run. What needs the period (the order of dependencies, the deadline) is
/// judged when the period was read. The views leave such an initiative out, and `plan set`
/// refuses to add a new error to its file.
#[test]
fn a_field_that_cannot_be_used_hides_none_of_the_files_other_problems() {
    let rest = "depends_on = [\"sen\", \"findes-ikke\", \"b\"]\ndeadline = 2017-09-01\nstatus = \"active\"\n";
    let cases = [
        (
            "title = \"B\"\nperiod = \"Q1\"\ntracks = [\"Hyge\"]\n",
            "unknown-track",
            true,
        ),
        (
            "title = \"B\"\nperiod = \"Q1\"\ntracks = []\n",
            "invalid-value",
            true,
        ),
        (
            "title = \"B\"\nperiod = \"Q1\"\ntracks = \"Hygge\"\n",
            "invalid-value",
            true,
        ),
        (
            "period = \"Q1\"\ntracks = [\"Hygge\"]\n",
            "missing-field",
            true,
        ),
        (
            "title = \"B\"\nperiod = \"Q7\"\ntracks = [\"Hygge\"]\n",
            "invalid-value",
            false,
        ),
        (
            "title = \"B\"\ntracks = [\"Hyge\"]\n",
            "missing-field",
            false,
        ),
    ];
    for (head, first, period_read) in cases {
        let f = Fixture::new()
            .filled()
            .initiative("sen", "Q3", &["Hygge"], "")
            .file("b.toml", &format!("{head}{rest}"));
        let (found, _, code) = check_json(&f);
        assert_eq!(code, 1, "{head}");
        let rules: Vec<&str> = found
            .iter()
            .filter(|f| f.2.as_deref() == Some("plans/b.toml"))
            .map(|f| f.0.as_str())
            .collect();
        let mut expected = vec![
            first,
            "unknown-dependency",
            "dependency-cycle",
            "undated-status",
        ];
        if period_read {
            expected.extend(["dependency-order", "deadline-outside-period"]);
        }
        for rule in expected {
            assert!(rules.contains(&rule), "{head}: {rule} not in {rules:?}");
        }
        if !period_read {
            assert!(
                !rules.contains(&"deadline-outside-period"),
                "{head}: {rules:?}"
            );
        }
        // No view shows it: its title, period or tracks would be made up.
        let list = stdout(
            &f.run(&["--today", "2017-06-30", "list", "--format", "csv"])
                .success(),
        );
        assert!(
            list.lines().any(|l| l.starts_with("sen;")),
            "{head}: {list}"
        );
        assert!(!list.lines().any(|l| l.starts_with("b;")), "{head}: {list}");
        // A new error is refused in it as in any file: nothing is written.
        let before = std::fs::read(f.plans().join("b.toml")).unwrap();
        let out = f
            .run(&[
                "--today",
                "2017-05-01",
                "set",
                "b",
                "depends_on+=ogsaa-ukendt",
            ])
            .code(1);
        assert!(
            stderr(&out).contains("ogsaa-ukendt"),
            "{head}: {}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read(f.plans().join("b.toml")).unwrap(),
            before,
            "{head}"
        );
    }
}

/// A value the parser's recovery made up where none was written (`status = = "active"`) is
/// not judged: the finding is the syntax error on its line, not a wrong type at the file's
/// first line, nor a `[[log]]` entry said to lack a text when its change is what broke.
#[test]
fn a_doubled_equals_sign_is_one_syntax_finding_on_its_line() {
    let f = Fixture::new().filled().file(
        "d.toml",
        "# kommentar\ntitle = \"x\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = = \"active\"\nowner = = \"Ida\"\n\n[[log]]\ndate = 2017-04-01\nstatus = = \"done\"\n",
    );
    let (found, _, code) = check_json(&f);
    assert_eq!(code, 1);
    let in_file: Vec<(&str, u64)> = found
        .iter()
        .filter(|f| f.2.as_deref() == Some("plans/d.toml"))
        .map(|f| (f.0.as_str(), f.3.unwrap()))
        .collect();
    // One finding a line: the parser's second error on it ("unexpected key or value") says
    // nothing of its own.
    assert_eq!(
        in_file,
        [("syntax", 5), ("syntax", 6), ("syntax", 10)],
        "{in_file:?}"
    );
    let text = stdout(&f.run(&["check", "--format", "concise"]).code(1));
    assert!(
        text.contains("plans/d.toml:5:10: error[syntax] invalid TOML: extra `=`, expected nothing (help: write one `=` between the key and its value"),
        "{text}"
    );
}

/// A key with no `=` (`ow ner`, a space typed inside a key) does not hide the rest of the
/// file: the parser's tree stopped there, and every later value, `[[log]]` entry and syntax
/// error went unreported. A multi-line text the broken line opened is skipped with it.
#[test]
fn a_key_with_no_equals_sign_hides_nothing_after_it() {
    let f = Fixture::new().filled().file(
        "k.toml",
        "title = \"K\"\nperiod = \"Q2\"\now ner = \"x\"\ntracks = [\"Hygge\"]\nb c = \"\"\"\nflere\nlinjer\n\"\"\"\nstatus = \"bogus\"\nfunding = 7\nd = \"x\ndeadline = 2017-05-01\ndeadline = 2017-05-02\n\n[[log]]\ndate = 2017-04-01\ntext = \"a\"\nx y\n\n[[log]]\ndate = 2017-04-02\ntext = 3\n",
    );
    let (found, _, code) = check_json(&f);
    assert_eq!(code, 1);
    let in_file: Vec<(&str, u64, u64)> = found
        .iter()
        .filter(|f| f.2.as_deref() == Some("plans/k.toml"))
        .map(|f| (f.0.as_str(), f.3.unwrap(), f.4.unwrap()))
        .collect();
    assert_eq!(
        in_file,
        [
            ("syntax", 3, 4),
            ("syntax", 5, 3),
            ("invalid-value", 9, 10),
            ("invalid-value", 10, 11),
            ("unknown-field", 11, 1),
            ("syntax", 11, 7),
            ("syntax", 13, 1),
            ("syntax", 18, 3),
            ("invalid-value", 22, 8),
        ],
        "{in_file:?}"
    );
}

/// An initiative with stand-ins misleads nowhere: of two files with one id, the one that
/// was read whole is the plan's; `show` of a stand-in says its file has errors (not "give a
/// later date"); and a key a syntax error may have taken is not compared with the history.
#[test]
fn a_stand_in_neither_wins_an_id_nor_misleads() {
    let f = Fixture::new()
        .filled()
        .file("a/dobbelt.toml", "period = \"Q2\"\ntracks = [\"Hygge\"]\n")
        .file(
            "b/dobbelt.toml",
            "title = \"Hel\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
        )
        .file(
            "senere.toml",
            "period = \"Q2\"\ntracks = [\"Hygge\"]\nadded = 2017-09-01\n",
        )
        .file(
            "brudt.toml",
            "title = \"B\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus \"active\"\n\n[[log]]\ndate = 2017-04-01\nstatus = { from = \"planned\", to = \"done\" }\n",
        );
    let list = stdout(
        &f.run(&["--today", "2017-06-30", "list", "--format", "csv"])
            .success(),
    );
    assert!(
        list.lines()
            .any(|l| l.starts_with("dobbelt;plans/b/dobbelt.toml;Hel;")),
        "{list}"
    );
    let out = f.run(&["--today", "2017-06-30", "show", "senere"]).code(1);
    assert!(
        stderr(&out).contains("its file has errors"),
        "{}",
        stderr(&out)
    );
    let (found, _, _) = check_json(&f);
    let brudt: Vec<&str> = found
        .iter()
        .filter(|f| f.2.as_deref() == Some("plans/brudt.toml"))
        .map(|f| f.0.as_str())
        .collect();
    assert!(brudt.contains(&"syntax"), "{brudt:?}");
    assert!(!brudt.contains(&"history-mismatch"), "{brudt:?}");
}

/// A title of nothing but an invisible character is empty, as it is shown.
#[test]
fn a_title_of_only_an_invisible_character_is_empty() {
    let f = Fixture::new().filled().file(
        "usynlig.toml",
        "title = \"\\u200B\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
    );
    let (found, _, code) = check_json(&f);
    assert_eq!(code, 1);
    assert!(
        found.contains(&finding(
            "invalid-value",
            "error",
            "plans/usynlig.toml",
            1,
            9
        )),
        "{found:?}"
    );
}

/// The advice of a finding names the key and the kind of thing at hand, and every finding
/// has one: `status = planned` was told "e.g. period = \"Q1\"", an extra comma in an
/// inline table how a list is written, and `year = "2017"` had no help at all.
#[test]
fn advice_names_what_is_at_hand() {
    let f = Fixture::new()
        .filled()
        .file(
            "s.toml",
            "title = \"S\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = planned\n",
        )
        .file(
            "t.toml",
            "title = \"T\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndate = 2017-04-01\nstatus = { from = \"planned\",, to = \"active\" }\n",
        );
    let (found, json, _) = check_json(&f);
    let help_in = |file: &str| -> String {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["file"] == file && d["rule"] == "syntax")
            .and_then(|d| d["help"].as_str())
            .unwrap_or_else(|| panic!("{file}: {found:?}"))
            .to_string()
    };
    assert_eq!(
        help_in("plans/s.toml"),
        "put text in double quotes: status = \"planned\""
    );
    assert!(help_in("plans/t.toml").starts_with("an inline table is written"));
    let f = Fixture::new()
        .filled()
        .file("plan.toml", "[plan]\ntitle = \"P\"\nyear = \"2017\"\n");
    let (_, json, _) = check_json(&f);
    for d in json["diagnostics"].as_array().unwrap() {
        assert!(d["help"].as_str().is_some_and(|h| !h.is_empty()), "{d}");
    }
    let year = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap_or("").starts_with("`year`"))
        .expect("the year's finding");
    assert_eq!(
        year["help"],
        "write the year as a number, without quotes: year = 2017"
    );
}
