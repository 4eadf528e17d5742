//! `plan check` as a linter in CI and editors: every output format, `-o`,
//! `PLAN_CHECK_FORMAT`, rule levels on the command line, `--exit-zero`, `--statistics`, `-q`,
//! `-v`, finding the plan folder, `plan explain`, man pages and completion of values.

use std::path::Path;

use serde_json::Value;

use crate::support::*;

/// A plan with several findings in several files, of both severities, a plan-level one, and
/// plan text that every format must escape (`<`, `&`, quotes, a control character).
fn several_findings() -> Fixture {
    Fixture::new()
        .manifest("min_per_track = 4")
        .filled()
        .file(
            "q2/hygge.toml",
            "title = \"Hygge <i> Viby & \\\"omegn\\\"\"\nperiod = \"Q2\"\ntracks = [\"Hyge\"]\nlocations = [\"Vibby\\u0007\"]\n",
        )
        .file(
            "q3/festival.toml",
            "title = \"Modelteaterfestival\"\nperiod = \"Q3\"\ntracks = [\"En lokal aktør\"]\ndepends_on = [\"festval\"]\ndeadline = 2017-12-24\n",
        )
        .file("broken.toml", "title = \"Ødelagt\nperiod = Q1\n")
        .initiative("ok", "Q1", &["Hygge"], "")
}

const FORMATS: [&str; 7] = [
    "text", "concise", "json", "github", "gitlab", "sarif", "junit",
];

fn run_format(f: &Fixture, format: &str) -> String {
    let out = f
        .run(&["check", "--color", "never", "--format", format])
        .code(1);
    stdout(&out)
}

#[test]
fn snapshot_of_every_format() {
    let f = several_findings();
    for format in FORMATS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cli/snapshots/formats")
            .join(format!("{format}.txt"));
        snapbox::assert_data_eq!(
            run_format(&f, format),
            snapbox::Data::read_from(&path, None).raw()
        );
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let text = include_str!("../schemas/sarif-2.1.0-rtm.5.json");
    let schema: Value = serde_json::from_str(text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(false)
        .build(&schema)
        .expect("a valid schema")
}

fn assert_valid_sarif(text: &str) -> Value {
    let log: Value = serde_json::from_str(text).expect("SARIF is JSON");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    log
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let log = assert_valid_sarif(&run_format(&several_findings(), "sarif"));
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(
        rules.len(),
        plan::check::RULES.len(),
        "every rule of the table"
    );
    let track = rules
        .iter()
        .find(|r| r["id"] == "unknown-track")
        .expect("unknown-track");
    assert!(track["help"]["text"]
        .as_str()
        .unwrap()
        .contains("tracks = [\"Hyge\"]"));
    let results = run["results"].as_array().unwrap();
    let track = results
        .iter()
        .find(|r| r["ruleId"] == "unknown-track")
        .expect("unknown-track result");
    assert_eq!(track["level"], "error");
    assert_eq!(
        rules[track["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "unknown-track"
    );
    let place = &track["locations"][0]["physicalLocation"];
    assert_eq!(place["artifactLocation"]["uri"], "plans/q2/hygge.toml");
    assert_eq!(place["region"]["startLine"], 3);
    assert_eq!(place["region"]["startColumn"], 11);
    // The plan-level finding is placed on plan.toml.
    let short = results
        .iter()
        .find(|r| r["ruleId"] == "min-per-track")
        .expect("min-per-track result");
    assert_eq!(
        short["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "plans/plan.toml"
    );
    // The control character in the place name does not reach the viewer.
    assert!(!log.to_string().contains("\\u0007"));
    // The schema does reject what is not SARIF: a level SARIF does not have.
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_validator().is_valid(&bad));
}

#[test]
fn sarif_of_the_shipped_plan_and_of_a_clean_plan_is_valid() {
    let out = plan().args(["check", "--format", "sarif"]).assert().code(1);
    let log = assert_valid_sarif(&stdout(&out));
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 3);
    let out = Fixture::new()
        .filled()
        .run(&["check", "--format", "sarif"])
        .code(0);
    let log = assert_valid_sarif(&stdout(&out));
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    // A folder without plan.toml: the plan-level finding is on the folder.
    let out = Fixture::new()
        .initiative("a", "Q1", &["Hygge"], "")
        .run(&["check", "--format", "sarif"])
        .code(1);
    let log = assert_valid_sarif(&stdout(&out));
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "plans/"
    );
}

#[test]
fn junit_is_well_formed_xml_with_a_suite_per_file_and_failures_for_errors() {
    let f = several_findings();
    let text = run_format(&f, "junit");
    let doc = roxmltree::Document::parse(&text).expect("JUnit output is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    // plan.toml, three filled, hygge, festival, broken, ok.
    assert_eq!(suites.len(), 8, "{text}");
    let json: Value = serde_json::from_str(&run_format(&f, "json")).unwrap();
    let errors = json["summary"]["errors"].as_u64().unwrap();
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures as u64, errors);
    assert_eq!(
        root.attribute("failures"),
        Some(errors.to_string().as_str())
    );
    // The title's markup is text again after parsing; the bell is gone.
    let hygge = suites
        .iter()
        .find(|s| s.attribute("name") == Some("plans/q2/hygge.toml"))
        .expect("hygge suite");
    let all_text: String = hygge
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all_text.contains("Vibby"), "{all_text}");
    assert!(!all_text.contains('\u{7}'));
    // Test names are unique within each suite.
    for suite in &suites {
        let names: Vec<&str> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .map(|n| n.attribute("name").unwrap())
            .collect();
        let unique: std::collections::HashSet<&&str> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
    }
    // A clean file passes with one test case.
    let ok = suites
        .iter()
        .find(|s| s.attribute("name") == Some("plans/ok.toml"))
        .unwrap();
    assert_eq!(ok.attribute("failures"), Some("0"));
    assert_eq!(
        ok.children().filter(|n| n.has_tag_name("testcase")).count(),
        1
    );
    // With --strict, warnings fail as well.
    let out = f.run(&["check", "--format", "junit", "--strict"]).code(1);
    let strict = stdout(&out);
    let doc = roxmltree::Document::parse(&strict).unwrap();
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, json["diagnostics"].as_array().unwrap().len());
}

#[test]
fn gitlab_has_the_required_keys_and_unique_fingerprints() {
    let text = run_format(&several_findings(), "gitlab");
    let issues: Value = serde_json::from_str(&text).unwrap();
    let issues = issues.as_array().expect("an array");
    assert!(issues.len() >= 6);
    let mut fingerprints = std::collections::HashSet::new();
    for issue in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                issue[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key}: {issue}"
            );
        }
        assert!(issue["location"]["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("plans/")));
        assert!(issue["location"]["lines"]["begin"]
            .as_u64()
            .is_some_and(|l| l >= 1));
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().unwrap()));
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_string()));
    }
    // Stable: the same plan gives the same fingerprints, and SARIF carries the same ones.
    assert_eq!(run_format(&several_findings(), "gitlab"), text);
    let sarif: Value = serde_json::from_str(&run_format(&several_findings(), "sarif")).unwrap();
    let in_sarif: std::collections::HashSet<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["planFinding/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(in_sarif, fingerprints);
    // A clean plan is an empty array.
    let out = Fixture::new()
        .filled()
        .run(&["check", "--format", "gitlab"])
        .code(0);
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn output_file_and_plan_check_format() {
    let f = several_findings();
    let target = f.dir().join("reports/plan.sarif");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "old").unwrap();
    // An existing file is not overwritten without --force, as by every command's -o.
    let out = f
        .run(&["check", "--format", "sarif", "-o", "reports/plan.sarif"])
        .code(1);
    assert!(
        stderr(&out).contains("`reports/plan.sarif` already exists"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    let out = f
        .run(&[
            "check",
            "--format",
            "sarif",
            "-o",
            "reports/plan.sarif",
            "--force",
        ])
        .code(1);
    assert_eq!(stdout(&out), "");
    assert_valid_sarif(&std::fs::read_to_string(&target).unwrap());
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .collect();
    assert_eq!(names.len(), 1);

    let out = plan_in(f.dir())
        .env("PLAN_CHECK_FORMAT", "concise")
        .args(["check"])
        .assert()
        .code(1);
    assert!(
        stdout(&out).starts_with("plans/broken.toml:1:17: error[syntax]"),
        "{}",
        stdout(&out)
    );
    // The flag wins over the variable.
    let out = plan_in(f.dir())
        .env("PLAN_CHECK_FORMAT", "concise")
        .args(["check", "--format", "gitlab"])
        .assert()
        .code(1);
    assert!(stdout(&out).starts_with('['));
    // Set but empty is the default, as for PLAN_DIR.
    let out = plan_in(f.dir())
        .env("PLAN_CHECK_FORMAT", "")
        .args(["check", "--color", "never"])
        .assert()
        .code(1);
    assert!(
        stdout(&out).starts_with("error[syntax]"),
        "{}",
        stdout(&out)
    );
    // Without --format, -o's file name says the format, before the variable does.
    for (name, starts) in [
        ("fund.json", "{\n  \"plan\""),
        ("fund.sarif", "{\n  \"$schema\""),
        ("fund.SARIF.json", "{\n  \"$schema\""),
        ("fund.xml", "<?xml"),
        ("fund.txt", "error[syntax]"),
        ("fund.log", "error[syntax]"),
        ("fund", "plans/broken.toml:1:17: error[syntax]"),
    ] {
        let target = f.dir().join(name);
        plan_in(f.dir())
            .env("PLAN_CHECK_FORMAT", "concise")
            .args(["check", "--color", "never", "--force", "-o"])
            .arg(&target)
            .assert()
            .code(1);
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.starts_with(starts), "{name}: {written}");
    }
    // `--statistics` is text or JSON: with a name that asks for another format it is a
    // usage error, as with `--format junit` (it wrote a text table into counts.xml and
    // counts.sarif); `.json` and `.txt` take it.
    for name in ["counts.xml", "counts.sarif"] {
        let target = f.dir().join(name);
        let out = plan_in(f.dir())
            .args(["check", "--statistics", "-o"])
            .arg(&target)
            .assert()
            .code(2);
        assert!(stderr(&out).contains("asks for"), "{}", stderr(&out));
        assert!(!target.exists(), "{name}");
    }
    let target = f.dir().join("counts.json");
    plan_in(f.dir())
        .args(["check", "--statistics", "-o"])
        .arg(&target)
        .assert()
        .code(1);
    let counts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert!(counts.is_object() || counts.is_array(), "{counts}");
    // The flag wins over the file name: GitLab's report is a `.json` file.
    let target = f.dir().join("gl-code-quality-report.json");
    plan_in(f.dir())
        .args(["check", "--format", "gitlab", "-o"])
        .arg(&target)
        .assert()
        .code(1);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('['));
    let out = plan_in(f.dir())
        .env("PLAN_CHECK_FORMAT", "yaml")
        .args(["check"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("PLAN_CHECK_FORMAT is `yaml`"),
        "{}",
        stderr(&out)
    );
    // Where the flag or -o's name decides the format, the variable is not read at all (a
    // bad value was refused there too).
    let target = f.dir().join("beside-yaml.json");
    plan_in(f.dir())
        .env("PLAN_CHECK_FORMAT", "yaml")
        .args(["check", "-o"])
        .arg(&target)
        .assert()
        .code(1);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('{'));
    plan_in(f.dir())
        .env("PLAN_CHECK_FORMAT", "yaml")
        .args(["check", "--format", "concise"])
        .assert()
        .code(1);
    // A folder that cannot be written is exit 2.
    let out = f.run(&["check", "-o", "no/such/folder/x.txt"]).code(2);
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

fn rules_found(f: &Fixture, args: &[&str]) -> (Vec<(String, String)>, i32) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = f.run(&all);
    let code = out.get_output().status.code().unwrap();
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (found, code)
}

#[test]
fn rule_levels_on_the_command_line_win_over_plan_toml() {
    // min-per-track is an error, deadline-outside-period a warning, unknown-location off.
    let f = Fixture::new()
        .manifest("min_per_track = 5\n[rules.severity]\nunknown-location = \"off\"\n")
        .filled()
        .initiative(
            "a",
            "Q1",
            &["Hygge"],
            "deadline = 2017-08-01\nlocations = [\"Vibby\"]\n",
        );
    let has = |found: &[(String, String)], rule: &str, level: &str| {
        found.iter().any(|(r, l)| r == rule && l == level)
    };
    let (found, code) = rules_found(&f, &[]);
    assert!(has(&found, "min-per-track", "error"));
    assert!(!found.iter().any(|(r, _)| r == "unknown-location"));
    assert_eq!(code, 1);

    let (found, code) = rules_found(&f, &["--warn", "min-per-track"]);
    assert!(has(&found, "min-per-track", "warning"));
    assert!(!found.iter().any(|(_, l)| l == "error"));
    assert_eq!(code, 0, "a target not yet reached is not a broken file");

    let (found, code) = rules_found(
        &f,
        &[
            "--warn",
            "min-per-track",
            "--deny",
            "deadline-outside-period",
            "--deny",
            "unknown-location",
        ],
    );
    assert!(has(&found, "deadline-outside-period", "error"));
    assert!(has(&found, "unknown-location", "error"));
    assert_eq!(code, 1);

    let (found, code) = rules_found(
        &f,
        &[
            "--allow",
            "min-per-track",
            "--allow",
            "deadline-outside-period",
        ],
    );
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);

    let out = f
        .run(&[
            "check",
            "--deny",
            "min-per-track",
            "--allow",
            "min-per-track",
        ])
        .code(2);
    assert!(
        stderr(&out).contains("both --deny and --allow"),
        "{}",
        stderr(&out)
    );
    let out = f.run(&["check", "--deny", "min-per-trak"]).code(2);
    assert!(stderr(&out).contains("min-per-track"));

    // --exit-zero: the findings are printed, the exit code is 0.
    let out = f.run(&["check", "--exit-zero"]).code(0);
    assert!(stdout(&out).contains("error[min-per-track]"));
    // With --diff too (it exited 1): the diff is printed, the exit code is 0.
    std::fs::write(
        f.plans().join("fixable.toml"),
        "title = \"F\"\nperiod = \"q2\"\ntracks = [\"Hygge\"]\n",
    )
    .unwrap();
    f.run(&["check", "--diff"]).code(1);
    let out = f.run(&["check", "--diff", "--exit-zero"]).code(0);
    assert!(
        stdout(&out).contains("+period = \"Q2\""),
        "{}",
        stdout(&out)
    );
    std::fs::remove_file(f.plans().join("fixable.toml")).unwrap();
    // ... but a missing folder is still exit 2.
    plan_in(f.dir())
        .args(["--plans", "nope", "check", "--exit-zero"])
        .assert()
        .code(2);
}

#[test]
fn statistics_and_quiet() {
    let f = several_findings();
    let out = f.run(&["check", "--statistics"]).code(1);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("min-per-track"))
        .expect("min-per-track counted");
    assert!(line.trim_start().starts_with("5  error"), "{text}");
    assert!(!text.contains("-->"), "no findings, only counts: {text}");
    let out = f
        .run(&["check", "--statistics", "--format", "json"])
        .code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["rule"], "min-per-track");
    assert_eq!(json[0]["count"], 5);
    assert_eq!(json[0]["severity"], "error");

    let out = f.run(&["check", "-q", "--color", "never"]).code(1);
    let text = stdout(&out);
    assert!(text.contains("error[unknown-track]"));
    assert!(!text.contains("warning["), "{text}");
    assert!(!text.contains("checked"), "no closing line: {text}");
    // With only warnings, -q prints nothing and exits 0.
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q1", &["Hygge"], "locations = [\"Vibby\"]\n");
    let out = f.run(&["check", "-q"]).code(0);
    assert_eq!(stdout(&out), "");
}

#[test]
fn explain_a_rule_list_them_all_and_refuse_an_unknown_one() {
    for info in ["unknown-track", "min-per-track", "syntax"] {
        let out = plan().args(["explain", info]).assert().code(0);
        let text = stdout(&out);
        assert!(text.starts_with(&format!("{info} (")), "{text}");
        assert!(text.contains("This fails:") && text.contains("Fixed:"));
    }
    let out = plan().args(["explain", "unknown-track"]).assert().code(0);
    assert!(stdout(&out).contains("    tracks = [\"Hyge\"]\n"));
    assert!(stdout(&out).contains("    tracks = [\"Hygge\"]\n"));
    assert!(stdout(&out).contains("`plan check --fix` fixes a name with one suggestion"));
    let out = plan().args(["explain", "min-per-track"]).assert().code(0);
    assert!(!stdout(&out).contains("plan check --fix"));
    let out = plan().args(["explain"]).assert().code(0);
    let text = stdout(&out);
    for name in [
        "syntax",
        "unknown-field",
        "missing-field",
        "invalid-value",
        "unknown-track",
        "unknown-location",
        "duplicate-id",
        "unknown-dependency",
        "dependency-cycle",
        "dependency-order",
        "deadline-outside-period",
        "min-per-track",
        "min-per-location",
    ] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(name)),
            "{name}"
        );
    }
    let out = plan().args(["explain", "unknwon-track"]).assert().code(2);
    assert!(stderr(&out).contains("'unknown-track'"), "{}", stderr(&out));
    // explain needs no plan folder.
    plan_in(Path::new("/"))
        .args(["explain", "syntax"])
        .assert()
        .code(0);
}

#[test]
fn the_plan_folder_is_found_from_a_sub_folder_and_never_above_the_repository() {
    // A repository whose plan folder is plans/, run from plans/q2.
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative("q2/a", "Q2", &["Hygge"], "");
    std::fs::create_dir(f.dir().join(".git")).unwrap();
    let q2 = f.plans().join("q2");
    let out = plan_in(&q2)
        .args(["check", "--format", "concise", "-v"])
        .assert()
        .code(0);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.contains("plan folder `..`"), "{err}");
    assert!(err.contains("read 2 files in"), "{err}");
    // From a sibling folder of plans/: plans/ is found upward.
    std::fs::create_dir_all(f.dir().join("docs/notes")).unwrap();
    let out = plan_in(&f.dir().join("docs/notes"))
        .args(["-v", "list", "--format", "csv"])
        .assert()
        .code(0);
    assert!(
        stderr(&out).contains("plan folder `../../plans`"),
        "{}",
        stderr(&out)
    );
    // A repository inside: its root stops the search, so the outer plans/ is not used.
    let inner = f.dir().join("inner");
    std::fs::create_dir_all(inner.join(".git")).unwrap();
    std::fs::create_dir_all(inner.join("src")).unwrap();
    let out = plan_in(&inner.join("src")).args(["check"]).assert().code(2);
    assert!(stderr(&out).contains("`plans`"), "{}", stderr(&out));
    // --plans and PLAN_DIR win.
    plan_in(&inner.join("src"))
        .args(["--plans", f.plans().to_str().unwrap(), "check"])
        .assert()
        .code(0);
    plan_in(&inner.join("src"))
        .env("PLAN_DIR", f.plans())
        .args(["check"])
        .assert()
        .code(0);
    // A workspace manifest counts as a plan folder.
    std::fs::write(inner.join("plan.toml"), "[workspace]\nmembers = []\n").unwrap();
    let out = plan_in(&inner.join("src")).args(["-v", "check"]).assert();
    assert!(
        stderr(&out).contains("plan folder `..`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn man_writes_one_page_per_subcommand_with_the_extra_sections() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("man");
    let out = plan()
        .args(["man", target.to_str().unwrap()])
        .assert()
        .code(0);
    assert!(stdout(&out).contains("man pages"));
    for page in [
        "plan.1",
        "plan-check.1",
        "plan-explain.1",
        "plan-report.1",
        "plan-man.1",
    ] {
        let text = std::fs::read_to_string(target.join(page)).unwrap_or_else(|_| panic!("{page}"));
        for section in ["ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"] {
            assert!(
                text.contains(&format!(".SH \"{section}\""))
                    || text.contains(&format!(".SH {section}")),
                "{page} lacks {section}"
            );
        }
    }
    // Every page's EXAMPLES has an example (calendar's, history's and schema's were empty).
    for entry in std::fs::read_dir(&target).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let examples = &text[text
            .find(".SH EXAMPLES")
            .unwrap_or_else(|| panic!("{path:?}"))..];
        let examples = &examples[..examples[4..].find(".SH").map_or(examples.len(), |n| n + 4)];
        assert!(
            examples.contains(".TP"),
            "{path:?} has no example:\n{examples}"
        );
    }
    let check = std::fs::read_to_string(target.join("plan-check.1")).unwrap();
    assert!(check.contains("PLAN_CHECK_FORMAT"));
    assert!(check.contains("\\-\\-format sarif"));
    assert!(check.contains("\\-\\-deny"));
    // Pages that exist are never replaced without --force (they were, silently), and then
    // none is written; with --force all are.
    std::fs::write(target.join("plan-report.1"), "mine").unwrap();
    std::fs::remove_file(target.join("plan-check.1")).unwrap();
    let out = plan()
        .args(["man", target.to_str().unwrap()])
        .assert()
        .code(1);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(target.join("plan-report.1")).unwrap(),
        "mine"
    );
    assert!(!target.join("plan-check.1").exists());
    plan()
        .args(["man", target.to_str().unwrap(), "--force"])
        .assert()
        .code(0);
    assert_ne!(
        std::fs::read_to_string(target.join("plan-report.1")).unwrap(),
        "mine"
    );
    assert!(target.join("plan-check.1").is_file());
    // A folder in a page's place: no page is written, --force or not (it stopped half way,
    // five pages written and none named).
    std::fs::remove_file(target.join("plan-check.1")).unwrap();
    std::fs::remove_file(target.join("plan-report.1")).unwrap();
    std::fs::create_dir(target.join("plan-report.1")).unwrap();
    let out = plan()
        .args(["man", target.to_str().unwrap(), "--force"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("no man page was written"),
        "{}",
        stderr(&out)
    );
    assert!(!target.join("plan-check.1").exists());
    // A folder that cannot be made is exit 2, with one error line.
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let out = plan()
        .args(["man", dir.path().join("file/man").to_str().unwrap()])
        .assert()
        .code(2);
    assert!(
        stderr(&out).starts_with("error: cannot create"),
        "{}",
        stderr(&out)
    );
    // `plan man` still prints plan.1.
    let out = plan().args(["man"]).assert().code(0);
    assert_eq!(
        stdout(&out),
        std::fs::read_to_string(target.join("plan.1")).unwrap()
    );
}

#[test]
fn completion_offers_periods_statuses_formats_and_rules() {
    let out = plan().args(["completions", "bash"]).assert().code(0);
    let text = stdout(&out);
    for words in [
        "year Q1 Q2 Q3 Q4",
        "planned active done postponed cancelled",
        "text concise json github gitlab sarif junit",
        "syntax toml-portability unreadable",
    ] {
        assert!(text.contains(words), "bash completion lacks `{words}`");
    }
    // `calendar` offers the same words as `list` (it offered file names).
    let zsh = stdout(&plan().args(["completions", "zsh"]).assert().code(0));
    let calendar = &zsh[zsh.find("(calendar)").expect("calendar in zsh completion")..];
    let calendar = &calendar[..calendar.find(";;").unwrap()];
    assert!(calendar.contains("(year Q1 Q2 Q3 Q4)"), "{calendar}");
    assert!(
        calendar.contains("(planned active done postponed cancelled)"),
        "{calendar}"
    );
    plan()
        .args([
            "--today",
            "2017-05-15",
            "calendar",
            "--status",
            "i gang",
            "--period",
            "2. kvartal",
        ])
        .assert()
        .code(0);
    // The words are offered, not required: Danish is still accepted.
    plan()
        .args([
            "--today",
            "2017-05-15",
            "list",
            "--status",
            "planlagt",
            "--period",
            "2. kvartal",
        ])
        .assert()
        .code(0);
}

/// Copies the shipped plan into a temp folder as `plans/`, beside a `.git`, like a
/// repository that keeps its plan.
fn shipped_copy() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&shipped_plans(), &dir.path().join("plans"));
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

/// Every `plan …` command in the README's CI recipes (and the min-per-track recipe), run as
/// written from the root of a repository holding the shipped plan: none is a usage error,
/// and each file a recipe uploads is there and is what the CI platform reads.
#[test]
fn the_readme_ci_recipes_run_as_written() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("### A target not yet reached is not a broken file")
        .expect("min-per-track recipe");
    let end = readme[start..]
        .find("## The quarterly memo")
        .map(|e| start + e)
        .expect("end of the CI section");
    let commands: Vec<&str> = readme[start..end]
        .lines()
        .filter_map(|line| {
            let at = line.find("plan check")?;
            // Only commands, not prose: a YAML `run:`/`script:` step or a shell line.
            let before = line[..at].trim();
            let is_command = before.is_empty()
                || before.ends_with("run:")
                || before.ends_with("script:")
                || before == "-"
                || before.ends_with("- script:");
            is_command.then(|| line[at..].split('#').next().unwrap().trim())
        })
        .collect();
    assert!(commands.len() >= 6, "{commands:?}");
    let repo = shipped_copy();
    for command in &commands {
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let out = plan_in(repo.path()).args(&args).assert();
        let code = out.get_output().status.code().unwrap();
        let expected =
            if command.contains("--exit-zero") || command.contains("--warn min-per-track") {
                0
            } else {
                1
            };
        assert_eq!(code, expected, "`{command}`: {}", stderr(&out));
    }
    let read = |name: &str| {
        std::fs::read_to_string(repo.path().join(name)).unwrap_or_else(|_| panic!("{name}"))
    };
    assert_valid_sarif(&read("plan.sarif"));
    let issues: Value = serde_json::from_str(&read("gl-code-quality-report.json")).unwrap();
    assert_eq!(issues.as_array().unwrap().len(), 3);
    assert_eq!(
        issues[0]["location"]["path"],
        "plans/q1/efteraarsprogram-udvikling.toml"
    );
    let junit = read("plan-check.xml");
    let doc = roxmltree::Document::parse(&junit).unwrap();
    assert_eq!(doc.root_element().attribute("failures"), Some("0"));
}

/// Options that cannot both be honoured are a usage error (exit 2), not one of them quietly
/// winning: `--statistics` with a format that has no place for its table (a CI step reading
/// SARIF would get a text table), and `--fix` with `--diff`. Nothing is written.
#[test]
fn options_that_contradict_each_other_are_usage_errors() {
    let f = several_findings();
    for format in ["concise", "github", "gitlab", "sarif", "junit"] {
        let out = f
            .run(&["check", "--statistics", "--format", format])
            .code(2);
        assert!(
            stderr(&out).contains(&format!("--format {format} has no place for it")),
            "{}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "");
    }
    for format in ["text", "json"] {
        f.run(&["check", "--statistics", "--format", format])
            .code(1);
    }
    let before = std::fs::read_to_string(f.plans().join("broken.toml")).unwrap();
    let out = f.run(&["check", "--fix", "--diff"]).code(2);
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(f.plans().join("broken.toml")).unwrap(),
        before
    );
    f.run(&["check", "--force"]).code(2);
}

/// `-o` naming a folder is refused as a folder, whether or not `--force` is given (it was
/// told to give `--force`, and then that it is a folder).
#[test]
fn output_to_a_folder_is_refused_as_a_folder() {
    let f = several_findings();
    for force in [false, true] {
        let mut args = vec!["check", "-o", "plans"];
        if force {
            args.push("--force");
        }
        let out = f.run(&args).code(2);
        let err = stderr(&out);
        assert!(err.contains("is a folder"), "{err}");
        assert!(!err.contains("--force"), "{err}");
    }
}
