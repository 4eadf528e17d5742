//! The bad-input corpus: hand-made broken plan files and folders, each run through the real
//! binary. Every case asserts the exit code, the rule, file and line of every finding, and
//! that nothing panicked.
//!
//! Files that can be kept as files are in `tests/corpus/` (initiatives) and
//! `tests/corpus/manifest/` (plan.toml); each is copied into a temp plan folder that already
//! meets `min-per-track`, so the case shows only its own findings. What git cannot hold
//! (UTF-16, symlink loops, unreadable files, folders named `x.toml`, huge or many files) is
//! made by the test at run time.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// One finding as the JSON output gives it: rule, file, line.
type Finding = (String, Option<String>, Option<u64>);

/// What a case must give: the exit code and every finding (`Exact`), or the findings that
/// must be among them (`AtLeast`, where the TOML parser's error recovery adds follow-on
/// findings whose number is the parser's business).
enum Expect<'a> {
    Exact(i32, &'a [(&'a str, Option<u64>)]),
    AtLeast(i32, &'a [(&'a str, Option<u64>)]),
}

/// Runs `plan check` in `fixture` in JSON and text form. Returns the exit code and the
/// findings (sorted), after asserting what every run must satisfy: no panic, valid JSON,
/// no control characters from the files in the terminal text.
fn check_run(fixture: &Fixture, extra: &[&str]) -> (i32, Vec<Finding>) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let out = fixture.run(&args);
    let output = out.get_output();
    let code = output.status.code().expect("plan ended by a signal");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "plan panicked:\n{err}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{err}", stdout(&out)));
    let mut findings: Vec<Finding> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["file"].as_str().map(str::to_string),
                d["line"].as_u64(),
            )
        })
        .collect();
    findings.sort();

    let mut args = vec!["check", "--color", "never"];
    args.extend_from_slice(extra);
    let text = fixture.run(&args);
    let text_code = text.get_output().status.code();
    assert_eq!(
        text_code,
        Some(code),
        "text and JSON disagree on the exit code"
    );
    let shown = stdout(&text) + &stderr(&text);
    assert!(!shown.contains("panicked"), "plan panicked:\n{shown}");
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "control characters reached the terminal:\n{shown:?}"
    );
    (code, findings)
}

/// A fixture that meets every plan-level rule, so only the case's findings show.
fn base() -> Fixture {
    Fixture::new().filled()
}

fn expected(file: &str, list: &[(&str, Option<u64>)]) -> Vec<Finding> {
    let mut v: Vec<Finding> = list
        .iter()
        .map(|(rule, line)| (rule.to_string(), Some(file.to_string()), *line))
        .collect();
    v.sort();
    v
}

/// Compares, and returns a description of the mismatch, if any.
fn compare(
    case: &str,
    file: &str,
    expect: &Expect<'_>,
    code: i32,
    found: &[Finding],
) -> Option<String> {
    let (want_code, list, exact) = match expect {
        Expect::Exact(c, l) => (*c, *l, true),
        Expect::AtLeast(c, l) => (*c, *l, false),
    };
    let want = expected(file, list);
    let ok = code == want_code
        && if exact {
            found == want.as_slice()
        } else {
            let mut rest = found.to_vec();
            want.iter().all(|w| match rest.iter().position(|f| f == w) {
                Some(i) => {
                    rest.remove(i);
                    true
                }
                None => false,
            })
        };
    (!ok).then(|| {
        format!("{case}: expected exit {want_code} and {want:?}\n  got exit {code} and {found:?}")
    })
}

const E: &str = "syntax";
const V: &str = "invalid-value";
const M: &str = "missing-field";

/// The initiative files of `tests/corpus/`, by file stem.
const FILE_CASES: &[(&str, Expect<'static>)] = &[
    // Syntax errors of every kind: each at its line.
    ("syntax-unclosed-string", Expect::Exact(1, &[(E, Some(1))])),
    ("syntax-missing-equals", Expect::Exact(1, &[(E, Some(2))])),
    ("syntax-unclosed-array", Expect::AtLeast(1, &[(E, Some(4))])),
    ("syntax-duplicate-key", Expect::Exact(1, &[(E, Some(4))])),
    ("syntax-bare-word", Expect::Exact(1, &[(E, Some(2))])),
    (
        "syntax-unclosed-table-header",
        Expect::AtLeast(1, &[(E, Some(5))]),
    ),
    // Two bad escapes (`\B`, `\V`) on one line: both reported.
    (
        "syntax-bad-escape",
        Expect::Exact(1, &[(E, Some(1)), (E, Some(1))]),
    ),
    (
        "syntax-unclosed-multiline",
        Expect::Exact(1, &[(E, Some(6))]),
    ),
    // The TOML parser rejects impossible dates itself; reported once, not also as a value.
    ("syntax-impossible-date", Expect::Exact(1, &[(E, Some(4))])),
    (
        "value-deadline-february-30",
        Expect::Exact(1, &[(E, Some(4))]),
    ),
    (
        "syntax-key-then-table",
        Expect::Exact(1, &[(V, Some(4)), (E, Some(6))]),
    ),
    (
        "syntax-two-errors",
        Expect::Exact(1, &[(E, Some(2)), (E, Some(4))]),
    ),
    (
        "syntax-control-character",
        Expect::Exact(1, &[(E, Some(1))]),
    ),
    (
        "syntax-nul-bytes",
        Expect::Exact(1, &[(E, Some(2)), (E, Some(2))]),
    ),
    ("syntax-smart-quotes", Expect::Exact(1, &[(E, Some(1))])),
    (
        "syntax-comma-after-value",
        Expect::Exact(1, &[(E, Some(1))]),
    ),
    ("syntax-json-instead", Expect::Exact(1, &[(E, Some(1))])),
    // Wrong types and values.
    ("type-title-number", Expect::Exact(1, &[(V, Some(1))])),
    ("type-tracks-string", Expect::Exact(1, &[(V, Some(3))])),
    ("type-period-number", Expect::Exact(1, &[(V, Some(2))])),
    ("value-period-lowercase", Expect::Exact(1, &[(V, Some(2))])),
    ("value-period-danish", Expect::Exact(1, &[(V, Some(2))])),
    ("type-deadline-quoted", Expect::Exact(1, &[(V, Some(4))])),
    ("type-deadline-with-time", Expect::Exact(1, &[(V, Some(4))])),
    ("value-status-danish", Expect::Exact(1, &[(V, Some(4))])),
    (
        "value-funding-capitalised",
        Expect::Exact(1, &[(V, Some(4))]),
    ),
    ("value-title-blank", Expect::Exact(1, &[(V, Some(1))])),
    ("value-tracks-empty", Expect::Exact(1, &[(V, Some(3))])),
    ("type-location-number", Expect::Exact(1, &[(V, Some(4))])),
    (
        "value-dependency-not-an-id",
        Expect::Exact(1, &[(V, Some(4))]),
    ),
    ("type-log-string", Expect::Exact(1, &[(V, Some(4))])),
    ("missing-log-text", Expect::Exact(1, &[(M, Some(5))])),
    // Unknown keys, typos in tracks and places. A misspelt required key is reported once,
    // as unknown with its suggestion; a required key with no near spelling is also missing,
    // reported at the top of the file.
    (
        "unknown-field-typo",
        Expect::Exact(1, &[("unknown-field", Some(3))]),
    ),
    (
        "unknown-field-in-log",
        Expect::Exact(1, &[("unknown-field", Some(6)), (M, Some(5))]),
    ),
    (
        "unknown-field-danish",
        Expect::Exact(
            1,
            &[
                ("unknown-field", Some(1)),
                ("unknown-field", Some(2)),
                ("unknown-field", Some(3)),
                (M, Some(1)),
            ],
        ),
    ),
    (
        "unknown-track-typo",
        Expect::Exact(1, &[("unknown-track", Some(3))]),
    ),
    (
        "unknown-track-only",
        Expect::Exact(1, &[("unknown-track", Some(3))]),
    ),
    // An unknown place is a warning: exit 0 (see the --strict test).
    (
        "unknown-location-typo",
        Expect::Exact(0, &[("unknown-location", Some(4))]),
    ),
    (
        "missing-everything",
        Expect::Exact(1, &[(M, Some(1)), (M, Some(1)), (M, Some(1))]),
    ),
    // An escape sequence in a title never reaches the terminal (checked for every case).
    (
        "terminal-escape-in-title",
        Expect::Exact(1, &[("unknown-track", Some(3))]),
    ),
    // Empty files and encodings.
    (
        "empty",
        Expect::Exact(1, &[(M, Some(1)), (M, Some(1)), (M, Some(1))]),
    ),
    (
        "only-comments",
        Expect::Exact(1, &[(M, Some(1)), (M, Some(1)), (M, Some(1))]),
    ),
    // A BOM and CRLF are accepted silently, and lines still count right.
    ("bom", Expect::Exact(0, &[])),
    ("crlf", Expect::Exact(0, &[])),
    ("bom-crlf-with-error", Expect::Exact(1, &[(V, Some(4))])),
    // Old Mac line ends (CR alone) are not TOML: the whole file is "line 1".
    (
        "cr-only-line-endings",
        // One finding for the line, saying what the line ends are (one at every CR).
        Expect::Exact(1, &[(E, Some(1))]),
    ),
    // Latin-1: reported at the first byte that is not UTF-8.
    ("latin1", Expect::Exact(1, &[(E, Some(1))])),
    ("latin1-late", Expect::Exact(1, &[(E, Some(4))])),
];

#[test]
fn every_broken_initiative_file_gets_its_findings_at_its_line() {
    let mut failures = Vec::new();
    for (case, expect) in FILE_CASES {
        let bytes = fs::read(corpus_dir().join(format!("{case}.toml"))).expect("corpus file");
        let fixture = base().bytes(&format!("{case}.toml"), &bytes);
        let (code, found) = check_run(&fixture, &[]);
        failures.extend(compare(
            case,
            &format!("plans/{case}.toml"),
            expect,
            code,
            &found,
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The manifests of `tests/corpus/manifest/`, each as `plans/plan.toml`.
const MANIFEST_CASES: &[(&str, Expect<'static>)] = &[
    ("syntax-error", Expect::Exact(1, &[(E, Some(2))])),
    (
        "unknown-rule-key",
        Expect::Exact(1, &[("unknown-field", Some(7))]),
    ),
    (
        "severity-typo",
        Expect::Exact(1, &[("unknown-field", Some(7))]),
    ),
    ("severity-bad-level", Expect::Exact(1, &[(V, Some(7))])),
    ("year-as-string", Expect::Exact(1, &[(V, Some(3))])),
    ("year-out-of-range", Expect::Exact(1, &[(V, Some(3))])),
    ("negative-minimum", Expect::Exact(1, &[(V, Some(7))])),
    ("language-unknown", Expect::Exact(1, &[(V, Some(4))])),
    ("no-plan-table", Expect::Exact(1, &[(M, Some(1))])),
    ("plan-not-a-table", Expect::Exact(1, &[(V, Some(1))])),
    (
        "location-without-name",
        Expect::Exact(1, &[(M, Some(6)), ("unknown-field", Some(7))]),
    ),
];

#[test]
fn every_broken_manifest_gets_its_findings_at_its_line() {
    let mut failures = Vec::new();
    for (case, expect) in MANIFEST_CASES {
        let bytes =
            fs::read(corpus_dir().join(format!("manifest/{case}.toml"))).expect("corpus file");
        let fixture = base().bytes("plan.toml", &bytes);
        let (code, found) = check_run(&fixture, &[]);
        failures.extend(compare(case, "plans/plan.toml", expect, code, &found));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The corpus and the tables above must not drift apart: every file has its expectation.
#[test]
fn every_corpus_file_has_an_expectation() {
    let stems = |dir: PathBuf| -> BTreeSet<String> {
        fs::read_dir(dir)
            .expect("corpus folder")
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".toml").map(str::to_string)
            })
            .collect()
    };
    let files: BTreeSet<String> = FILE_CASES.iter().map(|(c, _)| c.to_string()).collect();
    assert_eq!(stems(corpus_dir()), files);
    let manifests: BTreeSet<String> = MANIFEST_CASES.iter().map(|(c, _)| c.to_string()).collect();
    assert_eq!(stems(corpus_dir().join("manifest")), manifests);
    assert!(files.len() + manifests.len() >= 40);
}

#[test]
fn a_warning_fails_only_with_strict() {
    let bytes = fs::read(corpus_dir().join("unknown-location-typo.toml")).unwrap();
    let fixture = base().bytes("sted.toml", &bytes);
    assert_eq!(check_run(&fixture, &[]).0, 0);
    let (code, found) = check_run(&fixture, &["--strict"]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        expected("plans/sted.toml", &[("unknown-location", Some(4))])
    );
}

// ---------------------------------------------------------------------------------------
// Cases made at run time.

fn single(fixture: &Fixture, file: &str, expect: Expect<'_>) {
    let (code, found) = check_run(fixture, &[]);
    if let Some(failure) = compare(file, file, &expect, code, &found) {
        panic!("{failure}");
    }
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn a_utf16_file_is_named_as_such() {
    let text = "title = \"Læsehold\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n";
    let fixture = base().bytes("laesehold.toml", &utf16le(text, true));
    // The whole file is unreadable as text: the finding is at line 1, column 1 (every
    // syntax finding has a position, issue 17).
    single(
        &fixture,
        "plans/laesehold.toml",
        Expect::Exact(1, &[(E, Some(1))]),
    );
    let out = fixture.run(&["check", "--color", "never"]);
    assert!(stdout(&out).contains("UTF-16"), "{}", stdout(&out));
    // Without a BOM the NUL bytes are not TOML: still a syntax error, never a panic.
    let fixture = base().bytes("laesehold.toml", &utf16le(text, false));
    single(
        &fixture,
        "plans/laesehold.toml",
        Expect::AtLeast(1, &[(E, Some(1))]),
    );
}

/// An initiative whose description is `size` bytes of Danish text over many lines, with
/// `tail` after it; returns the file and the line `tail` starts on.
fn enormous(size: usize, tail: &str) -> (String, u64) {
    let line = "Læsekreds for voksne i Viby hver tirsdag, med kaffe og en god bog.\n";
    let mut text =
        String::from("title = \"Læsekreds\"\nperiod = \"Q2\"\ntracks = [\"Fordybelse\"]\n");
    text.push_str("description = \"\"\"\n");
    while text.len() < size {
        text.push_str(line);
    }
    text.push_str("\"\"\"\n");
    let tail_line = text.matches('\n').count() as u64 + 1;
    text.push_str(tail);
    (text, tail_line)
}

#[test]
fn an_enormous_file_is_read_whole() {
    let (text, _) = enormous(4 << 20, "");
    let fixture = base().file("laesekreds.toml", &text);
    single(&fixture, "plans/laesekreds.toml", Expect::Exact(0, &[]));

    let (text, line) = enormous(4 << 20, "status = \"igang\"\n");
    let fixture = base().file("laesekreds.toml", &text);
    single(
        &fixture,
        "plans/laesekreds.toml",
        Expect::Exact(1, &[(V, Some(line))]),
    );
}

#[test]
fn an_enormous_single_line_and_deep_nesting_are_answered() {
    // One 4 MB line, and lists nested far deeper than the parser recurses.
    let long = format!(
        "title = \"{}\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
        "æ".repeat(2 << 20)
    );
    let deep = format!(
        "title = \"Dybt\"\nperiod = \"Q1\"\ntracks = {}{}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let fixture = base().file("lang.toml", &long).file("dyb.toml", &deep);
    let (code, found) = check_run(&fixture, &[]);
    assert_eq!(code, 1);
    assert!(
        found
            .iter()
            .all(|f| f.1.as_deref() == Some("plans/dyb.toml") && f.2 == Some(3)),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.0 == E), "{found:?}");
}

#[test]
fn a_folder_named_like_a_toml_file_is_a_folder() {
    let fixture = base().initiative("indeni", "Q1", &["Hygge"], "");
    let plans = fixture.plans();
    fs::create_dir(plans.join("tom.toml")).unwrap();
    fs::create_dir(plans.join("q2.toml")).unwrap();
    fs::rename(plans.join("indeni.toml"), plans.join("q2.toml/indeni.toml")).unwrap();
    let (code, found) = check_run(&fixture, &[]);
    assert_eq!((code, found), (0, vec![]));
    // The file inside it is read: 3 fill-ins and `indeni`.
    let out = fixture.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["initiatives"], 4);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_out_of_the_folder_are_not_followed_but_named() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("ude.toml"), "ødelagt = [").unwrap();
    let fixture = base().initiative("q1/ok", "Q1", &["Hygge"], "");
    let plans = fixture.plans();
    // A folder that links back to its parent, two links pointing at each other, a link
    // to itself, and links out of the plan folder.
    symlink(&plans, plans.join("q1/tilbage")).unwrap();
    symlink("b.toml", plans.join("a.toml")).unwrap();
    symlink("a.toml", plans.join("b.toml")).unwrap();
    symlink("selv.toml", plans.join("selv.toml")).unwrap();
    symlink(outside.path(), plans.join("ude")).unwrap();
    symlink(outside.path().join("ude.toml"), plans.join("ude.toml")).unwrap();
    let (code, found) = check_run(&fixture, &[]);
    // The folder loop is walked once, silently; a `*.toml` link in a loop leads nowhere
    // (`unreadable`); the links out are notes, which do not fail the check.
    let mut want = expected("plans/ude", &[("link-outside", None)]);
    want.extend(expected("plans/ude.toml", &[("link-outside", None)]));
    for name in ["a", "b", "selv"] {
        want.extend(expected(
            &format!("plans/{name}.toml"),
            &[("unreadable", None)],
        ));
    }
    assert_eq!((code, found), (1, want));
}

/// A link to a file that is read under its own name would count one initiative twice, under
/// two ids: the link is not read, and `duplicate-id` says so on it (a link from a
/// sub-folder too, and two links to one file outside the `*.toml` names). A link to a file
/// that is not read otherwise is the initiative of the link's name.
#[cfg(unix)]
#[test]
fn a_symlink_to_a_file_read_under_its_own_name_is_not_read_twice() {
    use std::os::unix::fs::symlink;
    let fixture = base().initiative("kilde", "Q1", &["Hygge"], "").file(
        "arkiv/gammel.txt",
        "title = \"Gammel\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
    );
    let plans = fixture.plans();
    symlink("kilde.toml", plans.join("kilde2.toml")).unwrap();
    fs::create_dir_all(plans.join("q1")).unwrap();
    symlink("../kilde.toml", plans.join("q1/kilde3.toml")).unwrap();
    symlink("arkiv/gammel.txt", plans.join("gammel.toml")).unwrap();
    symlink("arkiv/gammel.txt", plans.join("gammel2.toml")).unwrap();
    // A folder listed under a link to it (`aktuelt` sorts before `q3`): a link to one of its
    // files is found under that route too.
    fs::create_dir_all(plans.join("q3")).unwrap();
    fs::write(
        plans.join("q3/tredje.toml"),
        "title = \"Tredje\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\n",
    )
    .unwrap();
    symlink("q3", plans.join("aktuelt")).unwrap();
    symlink("../q3/tredje.toml", plans.join("q1/tredje-kopi.toml")).unwrap();
    // A link inside a nested plan is that plan's: nothing of it is this plan's.
    fs::create_dir_all(plans.join("andet")).unwrap();
    fs::write(
        plans.join("andet/plan.toml"),
        "[plan]\ntitle = \"Andet\"\nyear = 2017\n",
    )
    .unwrap();
    symlink("../kilde.toml", plans.join("andet/kilde.toml")).unwrap();
    let (code, found) = check_run(&fixture, &[]);
    let mut want = expected("plans/gammel2.toml", &[("duplicate-id", None)]);
    want.extend(expected("plans/kilde2.toml", &[("duplicate-id", None)]));
    want.extend(expected("plans/q1/kilde3.toml", &[("duplicate-id", None)]));
    want.extend(expected(
        "plans/q1/tredje-kopi.toml",
        &[("duplicate-id", None)],
    ));
    want.extend(expected("plans/andet", &[("nested-plan", None)]));
    assert_eq!((code, found), (1, want));
    let text = crate::support::stdout(&fixture.run(&["check", "--format", "concise"]).code(1));
    assert!(
        text.contains("plans/gammel2.toml: error[duplicate-id] the link leads to the file read as plans/gammel.toml"),
        "{text}"
    );
    assert!(
        text.contains("plans/q1/tredje-kopi.toml: error[duplicate-id] the link leads to the file read as plans/aktuelt/tredje.toml"),
        "{text}"
    );
    let list = crate::support::stdout(
        &fixture
            .run(&["--today", "2017-06-30", "list", "--format", "csv"])
            .success(),
    );
    let ids: Vec<&str> = list
        .lines()
        .skip(1)
        .filter_map(|l| l.split(';').next())
        .collect();
    assert!(ids.contains(&"kilde") && ids.contains(&"gammel"), "{list}");
    assert!(
        !ids.iter()
            .any(|i| ["kilde2", "kilde3", "gammel2"].contains(i)),
        "{list}"
    );
}

/// Whether this process can read a file it has no permission for (root can).
#[cfg(unix)]
fn permissions_are_bypassed(file: &Path) -> bool {
    fs::read(file).is_ok()
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_an_unreadable_folder_is_exit_2() {
    use std::os::unix::fs::PermissionsExt;
    let fixture = base().initiative("laast", "Q1", &["Hygge"], "");
    let file = fixture.plans().join("laast.toml");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    if permissions_are_bypassed(&file) {
        // Running as root: mode 000 does not stop reading, so the unreadable case cannot
        // be made here. The file is read as any other; that is all that can be asserted.
        eprintln!("note: running as root, the unreadable-file assertions are skipped");
        let (code, found) = check_run(&fixture, &[]);
        assert_eq!((code, found), (0, vec![]));
        return;
    }
    let (code, found) = check_run(&fixture, &[]);
    assert_eq!(found, expected("plans/laast.toml", &[("unreadable", None)]));
    assert_eq!(code, 1);
    let out = fixture.run(&["check", "--color", "never"]);
    assert!(
        stdout(&out).contains("permission denied"),
        "{}",
        stdout(&out)
    );

    let plans = fixture.plans();
    fs::set_permissions(&plans, fs::Permissions::from_mode(0o000)).unwrap();
    let out = fixture.run(&["check"]).code(2);
    assert!(
        stderr(&out).contains("permission denied"),
        "{}",
        stderr(&out)
    );
    fs::set_permissions(&plans, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn duplicate_ids_in_sub_folders_are_reported_at_each_later_file() {
    let fixture = base()
        .initiative("q1/laesehold", "Q1", &["Fordybelse"], "")
        .initiative("q3/laesehold", "Q3", &["Fordybelse"], "")
        .initiative("aar/laesehold", "year", &["Hygge"], "");
    let (code, found) = check_run(&fixture, &[]);
    assert_eq!(code, 1);
    // Sorted by path: aar/ comes first and is the one the plan uses.
    let mut want = expected("plans/q1/laesehold.toml", &[("duplicate-id", Some(1))]);
    want.extend(expected(
        "plans/q3/laesehold.toml",
        &[("duplicate-id", Some(1))],
    ));
    assert_eq!(found, want);
}

#[test]
fn a_file_name_that_is_no_id_is_reported_on_the_file() {
    let fixture = base().file(
        "Læsehold i Viby.toml",
        "title = \"Læsehold\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
    );
    single(
        &fixture,
        "plans/Læsehold i Viby.toml",
        Expect::Exact(1, &[(V, None)]),
    );
}

/// `n` initiatives `led-0` … `led-{n-1}` in `kaede/`, each depending on the next; the last
/// on `last`.
fn chain(fixture: Fixture, n: usize, last: Option<&str>) -> Fixture {
    let dir = fixture.plans().join("kaede");
    fs::create_dir(&dir).unwrap();
    for i in 0..n {
        let next = if i + 1 < n {
            Some(format!("led-{}", i + 1))
        } else {
            last.map(str::to_string)
        };
        let deps = next.map_or(String::new(), |d| format!("depends_on = [\"{d}\"]\n"));
        let text = format!("title = \"Led {i}\"\nperiod = \"year\"\ntracks = [\"Hygge\"]\n{deps}");
        fs::write(dir.join(format!("led-{i}.toml")), text).unwrap();
    }
    fixture
}

#[test]
fn a_long_dependency_chain_is_fine() {
    let (code, found) = check_run(&chain(base(), 2000, None), &[]);
    assert_eq!((code, found), (0, vec![]));
}

#[test]
fn a_long_dependency_cycle_is_one_finding_that_names_every_link() {
    let n = 1000;
    let fixture = chain(base(), n, Some("led-0"));
    let (code, found) = check_run(&fixture, &[]);
    assert_eq!(code, 1);
    // Reported once, at the smallest id of the loop (`led-0`), on its depends_on line.
    assert_eq!(
        found,
        expected("plans/kaede/led-0.toml", &[("dependency-cycle", Some(4))])
    );
    let out = fixture.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert_eq!(message.matches(" → ").count(), n, "{message}");
}

#[test]
fn self_and_mutual_dependencies_are_cycles_unknown_ones_and_late_ones_are_named() {
    let fixture = base()
        .initiative("selv", "Q1", &["Hygge"], "depends_on = [\"selv\"]\n")
        .initiative("ping", "Q1", &["Hygge"], "depends_on = [\"pong\"]\n")
        .initiative("pong", "Q1", &["Hygge"], "depends_on = [\"ping\"]\n")
        .initiative(
            "tidlig",
            "Q1",
            &["Hygge"],
            "depends_on = [\"sen\", \"sne\"]\n",
        )
        .initiative("sen", "Q3", &["Hygge"], "");
    let (code, found) = check_run(&fixture, &[]);
    assert_eq!(code, 1);
    let mut want = expected("plans/selv.toml", &[("dependency-cycle", Some(4))]);
    want.extend(expected(
        "plans/ping.toml",
        &[("dependency-cycle", Some(4))],
    ));
    want.extend(expected(
        "plans/tidlig.toml",
        &[
            ("dependency-order", Some(4)),
            ("unknown-dependency", Some(4)),
        ],
    ));
    want.sort();
    assert_eq!(found, want);
}

#[test]
fn a_missing_folder_and_a_file_given_as_the_folder_are_exit_2() {
    let fixture = base();
    let out = fixture.run(&["--plans", "findes-ikke", "check"]).code(2);
    assert!(stderr(&out).contains("not found"), "{}", stderr(&out));
    let out = fixture
        .run(&["--plans", "plans/fill-1.toml", "check"])
        .code(2);
    assert!(stderr(&out).contains("not a folder"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

/// `show`, `set` and `note` on an id whose file is a link out of the plan folder, or a named
/// pipe, say so (exit 2, as the README's safety section has it for writes through such an
/// entry; it was 1; nothing written), not "no initiative has the id".
#[cfg(unix)]
#[test]
fn an_id_whose_file_is_a_link_out_of_the_folder_is_named_as_such() {
    use std::os::unix::fs::symlink;
    let fixture = base();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("ude.toml");
    let text = "title = \"Ude\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n";
    fs::write(&target, text).unwrap();
    symlink(&target, fixture.plans().join("ude.toml")).unwrap();
    for args in [
        &["show", "ude"][..],
        &["set", "ude", "status=active"],
        &["note", "ude", "hej"],
    ] {
        let out = fixture.run(args).code(2);
        let err = crate::support::stderr(&out);
        assert!(
            err.contains("`plans/ude.toml` is not read as the initiative `ude`: the link leads out of the plan folder"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(fs::read_to_string(&target).unwrap(), text);
    crate::loading::mkfifo(&fixture.plans().join("ror.toml"));
    let out = fixture.run(&["note", "ror", "hej"]).code(2);
    let err = crate::support::stderr(&out);
    assert!(
        err.contains(
            "`plans/ror.toml` is not read as the initiative `ror`: the entry is a named pipe"
        ),
        "{err}"
    );
}

/// A link to a hidden entry inside the folder is not followed (the walk skips hidden entries
/// by their names), and said: a `link-outside` note on the link, never a file dropped without
/// a word.
#[cfg(unix)]
#[test]
fn a_link_to_a_hidden_entry_is_a_note_on_the_link() {
    use std::os::unix::fs::symlink;
    let fixture = base().file(
        ".arkiv/gammel.toml",
        "title = \"Gammel\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
    );
    let plans = fixture.plans();
    symlink(".arkiv", plans.join("aktuelt")).unwrap();
    symlink(".arkiv/gammel.toml", plans.join("gammel.toml")).unwrap();
    let (code, found) = check_run(&fixture, &[]);
    let mut want = expected("plans/aktuelt", &[("link-outside", None)]);
    want.extend(expected("plans/gammel.toml", &[("link-outside", None)]));
    assert_eq!((code, found), (0, want));
    // A file of the folder, hidden: bad input (exit 1), not a file that cannot be read.
    let out = fixture.run(&["show", "gammel"]).code(1);
    assert!(
        crate::support::stderr(&out).contains("the link leads to a hidden entry"),
        "{}",
        crate::support::stderr(&out)
    );
}
