//! Loading a plan folder: many findings in one file, special files, deep folders, entries
//! that cannot be read, names that are not UTF-8, links out of the folder (issue 10, items
//! 11–13). Each kind of entry is a finding; none is skipped without a word, none hangs.

use std::fs;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::support::*;

fn json_of(out: &snapbox::cmd::OutputAssert) -> Value {
    serde_json::from_str(&stdout(out)).expect("valid JSON")
}

/// (rule, severity, file) of every finding.
fn findings(json: &Value) -> Vec<(String, String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn thousands_of_findings_in_one_file_are_capped_in_text_and_github_not_in_json() {
    let logs = "[[log]]\n".repeat(3000);
    let f = Fixture::new()
        .filled()
        .initiative("mange", "Q1", &["Hygge"], &logs);
    let text = stdout(&f.run(&["check"]).code(1));
    // Each empty [[log]] lacks `date` and `text`: 6,000 `missing-field` findings, ten shown.
    assert_eq!(text.matches("error[missing-field]").count(), 10, "{text}");
    assert!(
        text.contains("note[missing-field]: and 5990 more `missing-field` findings in this file"),
        "{text}"
    );
    assert!(text.ends_with("failed: 4 initiatives checked, 6000 errors, 0 warnings\n"));

    let github = stdout(&f.run(&["check", "--format", "github"]).code(1));
    assert_eq!(github.matches("::error ").count(), 10, "{github}");
    assert!(github.contains(
        "::notice file=plans/mange.toml,title=missing-field::and 5990 more `missing-field` findings"
    ));

    let json = json_of(&f.run(&["check", "--format", "json"]).code(1));
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 6000);
    assert_eq!(json["summary"]["errors"], 6000);
    // The line of the last finding is right (one line index per file, not a rescan).
    assert_eq!(json["diagnostics"][5999]["line"], 3003);
}

/// The one finding of `check --format json` on `plans/plan.toml` is `unreadable`.
fn assert_only_unreadable_manifest(json: &Value, case: &str) {
    let on_manifest: Vec<_> = findings(json)
        .into_iter()
        .filter(|(_, _, file)| file == "plans/plan.toml")
        .collect();
    assert_eq!(
        on_manifest,
        [(
            "unreadable".into(),
            "error".into(),
            "plans/plan.toml".into()
        )],
        "{case}"
    );
}

#[cfg(unix)]
pub(crate) fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the entry.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0, "mkfifo");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_called_toml_is_a_finding_not_a_hang() {
    let f = Fixture::new().filled();
    mkfifo(&f.plans().join("x.toml"));
    let out = plan_in(f.dir())
        .args(["check", "--format", "json"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1);
    let json = json_of(&out);
    let found = findings(&json);
    assert_eq!(
        found,
        vec![("unreadable".into(), "error".into(), "plans/x.toml".into())]
    );
    assert!(json["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("named pipe"));
}

#[test]
fn a_thousand_nested_folders_load() {
    let f = Fixture::new().filled();
    let mut deep = f.plans();
    for _ in 0..1000 {
        deep.push("a");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(
        deep.join("dybt.toml"),
        "title = \"Dybt\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
    )
    .unwrap();
    let out = f.run(&["check"]).code(0);
    assert_eq!(
        stdout(&out),
        "ok: 4 initiatives checked, no problems found\n"
    );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_errors_named_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let f = Fixture::new().filled();
    let plans = f.plans();
    fs::write(
        plans.join(OsStr::from_bytes(b"l\xe6seklub.toml")),
        "title = \"L\"\n",
    )
    .unwrap();
    let folder = plans.join(OsStr::from_bytes(b"k\xf8ge"));
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("inde.toml"), "title = \"I\"\n").unwrap();
    // Not a plan file: a name that is not UTF-8 is no finding unless it ends in .toml.
    fs::write(plans.join(OsStr::from_bytes(b"noter-\xe6.txt")), "x").unwrap();
    let json = json_of(&f.run(&["check", "--format", "json"]).code(1));
    assert_eq!(
        findings(&json),
        vec![
            (
                "name-encoding".into(),
                "error".into(),
                "plans/k\u{FFFD}ge".into()
            ),
            (
                "name-encoding".into(),
                "error".into(),
                "plans/l\u{FFFD}seklub.toml".into()
            ),
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_a_note_and_not_followed() {
    let f = Fixture::new().filled();
    let outside = f.dir().join("andet.toml");
    fs::write(
        &outside,
        "title = \"Ude\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, f.plans().join("ude.toml")).unwrap();
    let text = stdout(&f.run(&["check"]).code(0));
    assert!(
        text.contains("note[link-outside]: the link leads out of the plan folder"),
        "{text}"
    );
    assert!(text.contains("--> plans/ude.toml"), "{text}");
    assert!(
        text.ends_with("ok: 3 initiatives checked, no problems found\n"),
        "{text}"
    );
    let json = json_of(&f.run(&["check", "--format", "json"]).code(0));
    assert_eq!(
        findings(&json),
        vec![(
            "link-outside".into(),
            "note".into(),
            "plans/ude.toml".into()
        )]
    );
    assert_eq!(json["summary"]["notes"], 1);
}

/// A sub-folder with a `plan.toml` of its own is a plan of its own: a note names it, its
/// files are not counted, listed or fixed as the outer plan's (before, its `plan.toml` was
/// read as an initiative and its mistakes were the outer plan's errors), and it is
/// checked on its own with `--plans`.
#[test]
fn a_sub_folder_with_its_own_plan_toml_is_a_plan_of_its_own() {
    let nested = "title = \u{201c}Læseklub\u{201d}\nperiod = \"Q9\"\ntracks = [\"Hygge\"]\n";
    let f = Fixture::new()
        .filled()
        .file(
            "hvalsoe/plan.toml",
            "[plan]\ntitle = \"Hvalsø\"\nyear = 2018\n",
        )
        .file("hvalsoe/laeseklub.toml", nested)
        .file("hvalsoe/q1/musik.toml", nested);
    let text = stdout(&f.run(&["check"]).code(0));
    assert!(
        text.contains(
            "note[nested-plan]: the folder holds a plan.toml of its own: it is a plan of its own, \
             and its files are not read as this plan's\n--> plans/hvalsoe\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("help: check it on its own (`plan check --plans=plans/hvalsoe`)"),
        "{text}"
    );
    assert!(
        text.ends_with("ok: 3 initiatives checked, no problems found\n"),
        "{text}"
    );
    let json = json_of(&f.run(&["check", "--format", "json"]).code(0));
    assert_eq!(
        findings(&json),
        vec![("nested-plan".into(), "note".into(), "plans/hvalsoe".into())]
    );
    let list = json_of(&f.run(&["list", "--format", "json"]).code(0));
    assert_eq!(list.as_array().map(Vec::len), Some(3), "{list}");

    f.run(&["check", "--fix"]).code(0);
    for file in ["hvalsoe/laeseklub.toml", "hvalsoe/q1/musik.toml"] {
        assert_eq!(fs::read_to_string(f.plans().join(file)).unwrap(), nested);
    }
    let own = stdout(
        &f.run(&["check", "--plans", "plans/hvalsoe", "--format", "concise"])
            .code(1),
    );
    assert!(
        own.contains("plans/hvalsoe/laeseklub.toml:2:10: error[invalid-value]"),
        "{own}"
    );
    assert!(
        own.contains("plans/hvalsoe/q1/musik.toml:2:10: error[invalid-value]"),
        "{own}"
    );
    f.run(&["check", "--allow", "nested-plan"])
        .code(0)
        .stdout_eq("ok: 3 initiatives checked, no problems found\n");
}

/// A `plan.toml` copied into a quarter's folder by mistake makes that quarter a plan of its
/// own: the reading commands say so on standard error (before, the memo said the quarter
/// had no initiatives, and nothing else did), the memo says it in its summary and its JSON,
/// and with the rule turned off nothing is said.
#[test]
fn the_reading_commands_and_the_memo_name_a_nested_plan() {
    let f = Fixture::new()
        .filled()
        .manifest("")
        .initiative("q3/laeseklub", "Q3", &["Hygge"], "");
    fs::copy(f.plans().join("plan.toml"), f.plans().join("q3/plan.toml")).unwrap();
    let note = "note: 1 sub-folder has a plan.toml of its own and is left out of this plan, as a plan of its own: plans/q3\n";
    let out = f.run(&["status"]).code(0);
    assert!(stderr(&out).contains(note), "{}", stderr(&out));
    let out = f
        .run(&["--today", "2017-09-30", "report", "-q", "Q3"])
        .code(0);
    assert!(stderr(&out).contains(note), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "1 undermappe har sin egen plan.toml og er en plan for sig, som ikke er med i notatet: plans/q3 (læs den med plan --plans)."
        ),
        "{}",
        stdout(&out)
    );
    let memo = json_of(
        &f.run(&[
            "--today",
            "2017-09-30",
            "report",
            "-q",
            "Q3",
            "--format",
            "json",
        ])
        .code(0),
    );
    assert_eq!(memo["nested_plans"], serde_json::json!(["plans/q3"]));
    // Raised to an error, it is a warning, not an entry "that could not be read".
    let f = f.manifest("[rules.severity]\nnested-plan = \"error\"");
    let out = f.run(&["status"]).code(0);
    assert!(
        stderr(&out).contains("warning: 1 sub-folder has a plan.toml of its own"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("could not be read"),
        "{}",
        stderr(&out)
    );
    let f = f.manifest("[rules.severity]\nnested-plan = \"off\"");
    let out = f.run(&["status"]).code(0);
    assert_eq!(stderr(&out), "");
}

/// Whether this process can read a folder whose mode is 0000 (root can).
#[cfg(unix)]
pub(crate) fn reads_through_permissions(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok()
}

#[cfg(unix)]
#[test]
fn an_unreadable_sub_folder_and_file_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new()
        .filled()
        .initiative("laast", "Q1", &["Hygge"], "");
    let locked = f.plans().join("q2");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("skjult.toml"), "title = \"S\"\n").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(
        f.plans().join("laast.toml"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let mut cmd = plan_in(f.dir());
    if reads_through_permissions(&locked) {
        // Root reads a 0000 folder: run the binary as `nobody` instead, when the system
        // has `setpriv` (util-linux); the fixture must be reachable for that user.
        if !Path::new("/usr/bin/setpriv").exists() {
            eprintln!("skipped: running as root and no setpriv to run as another user");
            fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
            return;
        }
        for dir in [f.dir(), f.plans().as_path()] {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
        }
        cmd = snapbox::cmd::Command::new("/usr/bin/setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(snapbox::cmd::cargo_bin!("plan"))
            .env_remove("PLAN_DIR")
            .env_remove("PLAN_TODAY")
            .env("COLUMNS", "100")
            .current_dir(f.dir());
    }
    let out = cmd.args(["check", "--format", "json"]).assert().code(1);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let json = json_of(&out);
    assert_eq!(
        findings(&json),
        vec![
            (
                "unreadable".into(),
                "error".into(),
                "plans/laast.toml".into()
            ),
            ("unreadable".into(), "error".into(), "plans/q2".into()),
        ],
        "{json}"
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("permission denied"), "{messages:?}");
    assert!(messages[1].contains("permission denied"), "{messages:?}");
}

#[cfg(unix)]
#[test]
fn commands_that_show_the_plan_warn_about_entries_left_out() {
    let f = Fixture::new().filled();
    mkfifo(&f.plans().join("x.toml"));
    let out = plan_in(f.dir())
        .args(["list"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(0);
    let err = stderr(&out);
    assert!(
        err.contains("warning: the plan folder has an entry that could not be read and is left out: plans/x.toml"),
        "{err}"
    );
    assert!(err.contains("`plan check` shows what to fix"), "{err}");
}

/// A `plan.toml` that is a named pipe is the manifest, unreadable: checked as an error, and
/// a writing command refuses instead of using the default catalogue.
#[cfg(unix)]
#[test]
fn a_named_pipe_as_plan_toml_is_an_unreadable_manifest() {
    let f = Fixture::new().filled();
    mkfifo(&f.plans().join("plan.toml"));
    let out = plan_in(f.dir())
        .args(["check", "--format", "json"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1);
    // Only `unreadable`: it also said the file it could not read "has no `plan`".
    assert_only_unreadable_manifest(&json_of(&out), "a named pipe");
    plan_in(f.dir())
        .args(["note", "fill-1", "tekst"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1);
}

/// A `plan.toml` that is a link out of the plan folder is read through the link (a network
/// may share one catalogue), never skipped for the default catalogue: a link to a special
/// file is an unreadable manifest, and writing commands refuse.
#[cfg(unix)]
#[test]
fn a_plan_toml_linked_from_outside_is_read_never_replaced_by_the_default_catalogue() {
    use std::os::unix::fs::symlink;
    let f = Fixture::new().filled();
    let shared = f.dir().join("shared.toml");
    fs::write(
        &shared,
        "[plan]\ntitle = \"Fælles katalog\"\nyear = 2017\nlanguage = \"en\"\n",
    )
    .unwrap();
    symlink(&shared, f.plans().join("plan.toml")).unwrap();
    let status = stdout(&f.run(&["--today", "2017-05-15", "status"]).success());
    assert!(status.starts_with("Fælles katalog"), "{status}");
    assert!(
        status.contains("initiatives"),
        "English, as the linked plan.toml says: {status}"
    );

    fs::remove_file(f.plans().join("plan.toml")).unwrap();
    symlink("/dev/null", f.plans().join("plan.toml")).unwrap();
    let out = plan_in(f.dir())
        .args(["check", "--format", "json"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1);
    assert!(findings(&json_of(&out)).contains(&(
        "unreadable".into(),
        "error".into(),
        "plans/plan.toml".into()
    )));
    plan_in(f.dir())
        .args(["set", "fill-1", "owner=Ida"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1);
}

/// A `plan.toml` with no file behind it — a link to nothing, a loop of links, a folder — is
/// an unreadable manifest that stops every command, as a named pipe is: it was skipped, and
/// the plan read with the built-in catalogue (another plan's title, its tracks "unknown",
/// exit 0), and a note written into it. Its one finding is `unreadable`: nothing is said
/// to be missing from a file that was not read.
#[cfg(unix)]
#[test]
fn a_plan_toml_with_no_file_behind_it_stops_the_commands() {
    use std::os::unix::fs::symlink;
    type Make = fn(&Path);
    let cases: [(&str, Make); 3] = [
        ("a link to nothing", |p| {
            symlink("plan.toml.bak", p.join("plan.toml")).unwrap()
        }),
        ("a loop of links", |p| {
            symlink("loop.toml", p.join("plan.toml")).unwrap();
            symlink("plan.toml", p.join("loop.toml")).unwrap();
        }),
        ("a folder", |p| fs::create_dir(p.join("plan.toml")).unwrap()),
    ];
    for (case, make) in cases {
        let f = Fixture::new().filled();
        make(&f.plans());
        let out = f.run(&["check", "--format", "json"]).code(1);
        assert_only_unreadable_manifest(&json_of(&out), case);
        let status = f.run(&["--today", "2017-05-15", "status"]).code(1);
        assert!(stdout(&status).is_empty(), "{case}: {}", stdout(&status));
        assert!(stderr(&status).contains("plan.toml"), "{case}");
        let before = fs::read_to_string(f.plans().join("fill-1.toml")).unwrap();
        f.run(&["--today", "2017-05-15", "note", "fill-1", "tekst"])
            .code(1);
        assert_eq!(
            fs::read_to_string(f.plans().join("fill-1.toml")).unwrap(),
            before,
            "{case}"
        );
    }
}

/// JUnit with no `plan.toml`: a file's findings in its own suite, in file order; a named
/// pipe that could not be read in a suite of its own after them; the findings on the whole
/// plan (seven tracks short of their minimum) in the plan folder's, last; `tests=` counts
/// every test case.
#[cfg(unix)]
#[test]
fn junit_places_what_is_on_no_plan_file_after_the_files() {
    let f = Fixture::new()
        .initiative("a", "Q1", &["Hygge"], "")
        .initiative("b", "Q2", &["Hygge"], "");
    mkfifo(&f.plans().join("x.toml"));
    let out = plan_in(f.dir())
        .args(["check", "--format", "junit"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1);
    let xml = stdout(&out);
    let attribute = |line: &str, name: &str| -> String {
        let start = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        line[start..].split('"').next().unwrap().to_string()
    };
    let suites: Vec<(String, String)> = xml
        .lines()
        .filter(|l| l.trim_start().starts_with("<testsuite "))
        .map(|l| (attribute(l, "name"), attribute(l, "tests")))
        .collect();
    let named = |n: &str, t: &str| (n.to_string(), t.to_string());
    assert_eq!(
        suites,
        [
            named("plans/a.toml", "1"),
            named("plans/b.toml", "1"),
            named("plans/x.toml", "1"),
            named("plans", "7"),
        ]
    );
    let cases = xml.matches("<testcase ").count();
    assert_eq!(cases, 10);
    assert!(xml.contains(r#"<testsuites name="plan check" tests="10" failures="8""#));
}
