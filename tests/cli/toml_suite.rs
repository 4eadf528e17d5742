//! The TOML project's conformance suite, toml-test, run through the loader in-process
//! (issue 17): every case of `../shared/toml-test/tests` as one initiative file.
//!
//! - every invalid case of the TOML 1.1 list gets a `syntax` finding with a line and column;
//! - no valid case of the TOML 1.1 list gets a `syntax` finding;
//! - the valid cases that use TOML 1.1-only syntax get a `toml-portability` warning, and no
//!   case of the TOML 1.0 valid list gets one;
//! - where the warnings carry fixes, the fixed file has the same values and no warning;
//!   when a `python3` with `tomllib` (TOML 1.0) is at hand, it rejects every warned file as
//!   written and reads every fixed one (one process for all; without it, that part is
//!   skipped and the printed counts say so).
//!
//! Which cases use 1.1-only syntax is read from the two lists, not written here: a case
//! valid in 1.1 but not listed valid in 1.0, or listed invalid in 1.0 but not in 1.1, except
//! under `spec-1.0.0/` and `spec-1.1.0/` (the spec's examples, renamed between the two
//! versions, so the lists differ there by name only).
//!
//! The suite is read from `../shared/toml-test` beside the project, never copied into it.
//! Cargo cannot mark a test ignored at run time: without the folder, this test prints
//! "skipped: …" and passes, unless `CI` is set (as `.ci/run` does), where it fails.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use plan::check::{check, Diagnostic, Rule};
use plan::load::{plan_from_folder, Folder, SourceFile};

fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/toml-test/tests")
}

/// The `.toml` cases a list names, as paths relative to the suite (`valid/…`).
fn listed(list: &str, kind: &str) -> BTreeSet<String> {
    let text = fs::read_to_string(suite().join(list)).expect("the toml-test list");
    text.lines()
        .filter(|l| l.starts_with(kind) && l.ends_with(".toml"))
        .map(str::to_string)
        .collect()
}

/// The findings on one case, loaded as the one initiative file of a plan folder.
fn findings(case: &str) -> Vec<Diagnostic> {
    let bytes = fs::read(suite().join(case)).expect("a toml-test case");
    let folder = Folder {
        initiatives: vec![SourceFile::from_bytes("case.toml", &bytes)],
        ..Folder::default()
    };
    check(&plan_from_folder(Path::new("plans"), folder))
}

/// `text` with the fixes of `found` applied (the outermost of nested ones), as `check --fix`
/// would; `None` when some portability finding has no fix.
fn fixed(text: &str, found: &[Diagnostic]) -> Option<String> {
    let portable: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.rule == Rule::TomlPortability)
        .collect();
    let mut fixes = Vec::new();
    for d in portable {
        fixes.push(d.fix.clone()?);
    }
    fixes.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut outer: Vec<plan::check::Fix> = Vec::new();
    for f in fixes {
        if outer.last().is_none_or(|o| f.span.start >= o.span.end) {
            outer.push(f);
        }
    }
    let mut text = text.to_string();
    for f in outer.into_iter().rev() {
        text.replace_range(f.span, &f.replacement);
    }
    Some(text)
}

/// Whether two TOML values mean the same, a time without seconds being the same as with
/// `:00`.
fn same(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value::*;
    match (a, b) {
        (Table(x), Table(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w)),
        (Datetime(x), Datetime(y)) => {
            let seconds = |d: &toml::value::Datetime| {
                let mut d = *d;
                if let Some(t) = &mut d.time {
                    t.second.get_or_insert(0);
                }
                d
            };
            seconds(x) == seconds(y)
        }
        (Float(x), Float(y)) if x.is_nan() && y.is_nan() => true,
        _ => a == b,
    }
}

/// The texts Python's `tomllib` (TOML 1.0) reads or rejects otherwise than expected, when
/// a `python3` with `tomllib` (3.11+) is at hand: one process for all. Without it, says so.
fn python_disagrees(texts: &[(String, String, bool)]) -> Vec<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    const SCRIPT: &str = r#"
import json, sys, tomllib
for case, text, readable in json.load(sys.stdin):
    try:
        tomllib.loads(text)
        ok = True
    except tomllib.TOMLDecodeError:
        ok = False
    if ok != readable:
        print(case, "read" if ok else "rejected", "by tomllib", "after the fix" if readable else "as written")
"#;
    let child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        println!("toml-test: no python3, the fixes are not read back with tomllib");
        return Vec::new();
    };
    let input = serde_json::to_vec(texts).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    if !out.status.success() {
        println!(
            "toml-test: python3 without tomllib, the fixes are not read back: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
        return Vec::new();
    }
    let warned = texts.iter().filter(|t| !t.2).count();
    println!(
        "toml-test: Python's tomllib rejects the {warned} warned files as written and reads the {} fixed ones",
        texts.len() - warned
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn has(found: &[Diagnostic], rule: Rule) -> bool {
    found.iter().any(|d| d.rule == rule)
}

fn is_spec_example(case: &str) -> bool {
    case.contains("/spec-1.0.0/") || case.contains("/spec-1.1.0/")
}

#[test]
fn the_toml_test_suite_agrees_with_the_loader() {
    if !suite().join("files-toml-1.1.0").is_file() {
        let reason = format!(
            "skipped: the TOML test suite is not at {}",
            suite().display()
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "{reason} (with CI set, the suite must be there)"
        );
        eprintln!("{reason}");
        return;
    }
    let valid_11 = listed("files-toml-1.1.0", "valid/");
    let invalid_11 = listed("files-toml-1.1.0", "invalid/");
    let valid_10 = listed("files-toml-1.0.0", "valid/");
    let invalid_10 = listed("files-toml-1.0.0", "invalid/");
    let only_11: BTreeSet<String> = valid_11
        .difference(&valid_10)
        .chain(invalid_10.difference(&invalid_11))
        .filter(|c| !is_spec_example(c))
        .cloned()
        .collect();

    let mut failures = Vec::new();
    for case in &invalid_11 {
        let found = findings(case);
        match found.iter().find(|d| d.rule == Rule::Syntax) {
            None => failures.push(format!("{case}: no syntax finding: {found:?}")),
            Some(d) if d.span.is_none() => {
                failures.push(format!("{case}: a syntax finding without a position"))
            }
            Some(_) => {}
        }
    }
    let mut warned = 0;
    let mut fixed_cases = 0;
    // (case, text, whether Python's tomllib should read it): each warned file as written
    // (it should not) and as fixed (it should).
    let mut for_python: Vec<(String, String, bool)> = Vec::new();
    for case in valid_11.union(&only_11) {
        let found = findings(case);
        // Where every portability finding has a fix, the fixed file is TOML 1.0 with the
        // same meaning: no syntax or portability finding, the same values.
        let text = plan::load::decode(&fs::read(suite().join(case)).unwrap()).0;
        if let Some(after) = fixed(&text, &found).filter(|after| *after != text) {
            fixed_cases += 1;
            for_python.push((case.clone(), after.clone(), true));
            let again = plan::check::portability::toml_1_1_only(0, &after, false);
            let before: toml::Value = toml::from_str(&text).expect("a valid case");
            match toml::from_str::<toml::Value>(&after) {
                Err(e) => failures.push(format!("{case}: the fixed file is not TOML: {e}")),
                Ok(value) if !same(&before, &value) => {
                    failures.push(format!("{case}: the fix changes the values:\n{after}"))
                }
                Ok(_) if !again.is_empty() => {
                    failures.push(format!("{case}: still TOML 1.1 after the fix:\n{after}"))
                }
                Ok(_) => {}
            }
        }
        if has(&found, Rule::Syntax) {
            let syntax: Vec<_> = found.iter().filter(|d| d.rule == Rule::Syntax).collect();
            failures.push(format!("{case}: a false syntax finding: {syntax:?}"));
        }
        let portability = has(&found, Rule::TomlPortability);
        warned += usize::from(portability);
        if portability {
            for_python.push((case.clone(), text.clone(), false));
        }
        if only_11.contains(case) && !portability {
            failures.push(format!("{case}: TOML 1.1-only syntax without a warning"));
        }
        if valid_10.contains(case) && portability {
            failures.push(format!("{case}: valid TOML 1.0 with a portability warning"));
        }
    }
    failures.extend(python_disagrees(&for_python));
    println!(
        "toml-test: {} invalid TOML 1.1 cases, all with `syntax`; {} valid TOML 1.1 cases and {} more that only TOML 1.1 reads, none with `syntax`; {} warned by `toml-portability`, among them all {} the lists mark as 1.1-only; {} rewritten by the findings' fixes to TOML 1.0 with the same values",
        invalid_11.len(),
        valid_11.len(),
        only_11.difference(&valid_11).count(),
        warned,
        only_11.len(),
        fixed_cases,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (rule, severity, line, column) of every finding in `plans/x.toml`.
fn file_findings(f: &crate::support::Fixture) -> (i32, Vec<(String, String, u64, u64)>) {
    let out = f.run(&["check", "--format", "json"]);
    let code = out.get_output().status.code().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&crate::support::stdout(&out)).expect("JSON");
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "plans/x.toml")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    (code, found)
}

#[test]
fn a_number_the_parser_could_not_read_is_syntax_under_any_key() {
    let f = crate::support::Fixture::new().filled().initiative(
        "x",
        "Q1",
        &["Hygge"],
        "owner = 0b\nekstra = 0x\n\n[[log]]\ndate = 2017-01-02\ntext = \"a\"\nantal = 0o\n",
    );
    let (code, found) = file_findings(&f);
    let syntax = |line, column| ("syntax".to_string(), "error".to_string(), line, column);
    let unknown = |line, column| {
        (
            "unknown-field".to_string(),
            "error".to_string(),
            line,
            column,
        )
    };
    // No "must be a string, not a number" for `owner`; the unknown keys stay unknown.
    assert_eq!(
        found,
        vec![
            syntax(4, 9),
            unknown(5, 1),
            syntax(5, 10),
            unknown(10, 1),
            syntax(10, 9)
        ]
    );
    assert_eq!(code, 1);
    let text = crate::support::stdout(&f.run(&["check"]));
    assert!(
        text.contains("error[syntax]: invalid TOML: `0b` is not a number"),
        "{text}"
    );
}

#[test]
fn a_bare_value_the_parser_could_not_read_is_not_judged_by_its_guessed_type() {
    // The parser's recovery keeps `٣` as a string and `Foo` as a boolean: no "must be a
    // date, not a string" or "a list of strings, not true/false" beside the syntax finding.
    let f = crate::support::Fixture::new().filled().initiative(
        "x",
        "Q1",
        &["Hygge"],
        "deadline = \u{663}\ndepends_on = [Foo]\n",
    );
    let (code, found) = file_findings(&f);
    assert_eq!(code, 1);
    assert!(found.iter().all(|(rule, ..)| rule == "syntax"), "{found:?}");
    assert!(found.iter().any(|(_, _, line, _)| *line == 4), "{found:?}");
    assert!(found.iter().any(|(_, _, line, _)| *line == 5), "{found:?}");
    // The same in plan.toml, under a known key of [rules].
    let f = crate::support::Fixture::new().file(
        "plan.toml",
        "[plan]\ntitle = \"P\"\nyear = 2017\n\n[rules]\nmin_per_track = \u{663}\n",
    );
    let out = f.run(&["check", "--format", "concise"]);
    let text = crate::support::stdout(&out);
    assert!(text.contains("plan.toml:6:17: error[syntax]"), "{text}");
    assert!(!text.contains("must be a whole number"), "{text}");
}

#[test]
fn toml_1_1_only_syntax_is_a_portability_warning_that_names_the_tools() {
    let f = crate::support::Fixture::new().filled().initiative(
        "x",
        "Q1",
        &["Hygge"],
        "description = \"\\e[1m\"\nplan = { navn = \"Handleplan\",\n}\n",
    );
    let (code, found) = file_findings(&f);
    let warning = |line, column| {
        (
            "toml-portability".to_string(),
            "warning".to_string(),
            line,
            column,
        )
    };
    assert_eq!(found, vec![warning(4, 16), warning(5, 29)]);
    assert_eq!(code, 0);
    let text = crate::support::stdout(&f.run(&["check"]).code(0));
    assert!(
        text.contains("warning[toml-portability]: the escape `\\e` is TOML 1.1 only"),
        "{text}"
    );
    assert!(text.contains("Python's tomllib"), "{text}");
    assert!(text.contains("write it as `\\u001B`"), "{text}");
    f.run(&["check", "--strict"]).code(1);
}

/// A portability warning is not a syntax error: the rest of the file is checked as usual.
#[test]
fn a_portability_warning_does_not_hide_a_missing_field() {
    let f = crate::support::Fixture::new()
        .filled()
        .file("x.toml", "title = \"X\"\nperiod = \"Q1\"\nmoede = 07:30\n");
    let (code, found) = file_findings(&f);
    let rules: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        rules,
        ["missing-field", "unknown-field", "toml-portability"]
    );
    assert_eq!(code, 1);
}

/// What `plan` writes is TOML 1.0: `new`, `set` and `note` with text full of control
/// characters (toml_edit writes `\u001B`, never `\e`), and a note added to a log written as
/// an inline array (the entry is an inline table on one line), give no `toml-portability`.
#[test]
fn what_plan_writes_is_toml_1_0() {
    let f = crate::support::Fixture::new().filled().initiative(
        "inline",
        "Q1",
        &["Hygge"],
        "log = [{ date = 2017-01-02, text = \"a\" }]\n",
    );
    let odd = "farve \u{1b}[31m slet \u{7f} tab\t \"citat\" \\ linje\nto";
    let steps: [&[&str]; 5] = [
        &[
            "--today",
            "2017-03-01",
            "new",
            "Ny ting",
            "--period",
            "Q1",
            "--track",
            "Hygge",
            "--description",
            odd,
        ],
        &[
            "--today",
            "2017-03-01",
            "set",
            "ny-ting",
            &format!("owner={odd}"),
            "tags+=a\u{1b}b",
        ],
        &["--today", "2017-03-01", "note", "ny-ting", odd],
        &["--today", "2017-03-01", "note", "inline", odd],
        &["--today", "2017-03-02", "note", "inline", "en til"],
    ];
    for args in steps {
        f.run(args).code(0);
    }
    let (_, found) = file_findings(&f);
    assert_eq!(found, vec![]);
    let out = f.run(&["check", "--format", "json"]).code(0);
    let json: serde_json::Value = serde_json::from_str(&crate::support::stdout(&out)).unwrap();
    assert_eq!(json["diagnostics"], serde_json::json!([]), "{json}");
    let written = fs::read_to_string(f.plans().join("ny-ting.toml")).unwrap();
    assert!(written.contains("\\u001B"), "{written}");
    let inline = fs::read_to_string(f.plans().join("inline.toml")).unwrap();
    assert_eq!(inline.matches("{ date").count(), 3, "{inline}");
}
