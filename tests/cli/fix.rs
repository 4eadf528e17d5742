//! `plan check --fix`, `--diff` and `--canonical`: one in/out fixture folder per kind of fix
//! (`tests/fixtures/fix/<kind>/{in,out}`), comments and layout kept, idempotence, the
//! shipped plan left alone, the diff, and the bytes a fix must not lose.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{plan_in, shipped_plans, stderr, stdout, Fixture};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fix")
}

/// Copies the folder `from` into `to` (created).
fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every `.toml` file under `dir`, by relative path, with its bytes.
fn toml_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let relative = path.strip_prefix(root).unwrap().display().to_string();
                out.push((relative, fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn text_of(files: &[(String, Vec<u8>)]) -> String {
    files
        .iter()
        .map(|(name, bytes)| format!("== {name}\n{}", String::from_utf8_lossy(bytes)))
        .collect()
}

#[test]
fn every_kind_of_fix_gives_its_out_folder_and_a_second_fix_changes_nothing() {
    let mut kinds: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    kinds.sort();
    assert!(kinds.len() >= 11, "{kinds:?}");
    for kind in kinds {
        let name = kind.file_name().unwrap().to_string_lossy().into_owned();
        let work = tempfile::tempdir().unwrap();
        let plans = work.path().join("plans");
        copy_folder(&kind.join("in"), &plans);
        let before = toml_files(&plans);
        let mut args = vec!["check", "--fix"];
        if name == "alias" {
            args.push("--canonical");
        }
        let out = plan_in(work.path()).args(&args).assert();
        let expected = toml_files(&kind.join("out"));
        let after = toml_files(&plans);
        assert_eq!(text_of(&after), text_of(&expected), "{name}");
        let err = stderr(&out);
        if before == expected {
            assert!(!err.contains("fixed"), "{name}: {err}");
        } else {
            assert!(
                err.contains("fixed plans/q2/laeseklub.toml"),
                "{name}: {err}"
            );
        }
        // Fixed, the plan has nothing left to fix: a second run writes nothing, the diff is
        // empty.
        let again = plan_in(work.path()).args(&args).assert();
        assert!(!stderr(&again).contains("fixed"), "{name}");
        assert_eq!(toml_files(&plans), after, "{name}");
        let mut diff = vec!["check", "--diff"];
        diff.extend(args.iter().skip(2));
        let shown = plan_in(work.path()).args(&diff).assert().code(0);
        assert_eq!(stdout(&shown), "", "{name}");
        // Every fixed file passes where it was the fix's finding (the fixture has no other).
        if name != "refused" {
            plan_in(work.path()).args(["check"]).assert().code(0);
        }
    }
}

#[test]
fn check_marks_what_fix_would_change_and_not_what_it_would_refuse() {
    let work = tempfile::tempdir().unwrap();
    let plans = work.path().join("plans");
    copy_folder(&fixtures().join("quoted-date/in"), &plans);
    let out = plan_in(work.path())
        .args(["check", "--color", "never"])
        .assert()
        .code(1);
    let text = stdout(&out);
    assert!(
        text.contains("= note: fixable: `plan check --fix` writes 2017-06-30 here"),
        "{text}"
    );
    assert!(text.contains("1 fixable with `plan check --fix`"), "{text}");
    let out = plan_in(work.path())
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["diagnostics"][0]["fixable"], true);
    assert_eq!(json["diagnostics"][0]["replacement"], "2017-06-30");

    // The same quoted date outside the period: fixing it would bring a warning, so it is
    // not offered.
    let work = tempfile::tempdir().unwrap();
    let plans = work.path().join("plans");
    copy_folder(&fixtures().join("refused/in"), &plans);
    let out = plan_in(work.path())
        .args(["check", "--format", "json"])
        .assert()
        .code(1);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["diagnostics"][0]["rule"], "invalid-value");
    assert_eq!(json["diagnostics"][0]["fixable"], false);
    assert_eq!(json["diagnostics"][0]["replacement"], Value::Null);
    let out = plan_in(work.path())
        .args(["check", "--color", "never"])
        .assert();
    assert!(!stdout(&out).contains("fixable"));
}

#[test]
fn fix_on_the_shipped_plan_changes_nothing() {
    let work = tempfile::tempdir().unwrap();
    let plans = work.path().join("plans");
    copy_folder(&shipped_plans(), &plans);
    let before = toml_files(&plans);
    let out = plan_in(work.path())
        .args(["check", "--fix"])
        .assert()
        .code(1);
    assert!(!stderr(&out).contains("fixed"), "{}", stderr(&out));
    assert_eq!(toml_files(&plans), before);
    let out = plan_in(work.path())
        .args(["check", "--diff"])
        .assert()
        .code(0);
    assert_eq!(stdout(&out), "");
}

#[test]
fn diff_shows_every_fix_and_writes_nothing() {
    let f = Fixture::new()
        .filled()
        .file(
            "q2/hygge.toml",
            "# Fra memoet.\ntitle = \"Hygge i Viby\"\nperiod = \"q2\"  # andet kvartal\ntrakcs = [\"Hyge\"]\nlocations = [\"Vibby\", \"Jyllinge\"]\nstatus = \"i gang\"\n",
        )
        .file(
            "q3/festival.toml",
            "title = \"Modelteaterfestival\"\nperiod = \"3. kvartal\"\ntracks = [\"En lokal aktør\"]\ndepends_on = [\"hygge\"]\ndeadline = \"30-09-2017\"\n",
        );
    let before = toml_files(&f.plans());
    let out = f.run(&["check", "--diff"]).code(1);
    snapbox::assert_data_eq!(stdout(&out), snapbox::file!["snapshots/fix/diff.txt"].raw());
    assert_eq!(toml_files(&f.plans()), before);
    assert!(
        !f.plans().join(".plan.lock").exists(),
        "--diff takes no lock"
    );
}

#[test]
fn a_fix_keeps_the_byte_order_mark_and_windows_line_endings() {
    let f = Fixture::new().filled().bytes(
        "q2/crlf.toml",
        b"\xEF\xBB\xBF# note\r\ntitle = \"CRLF\"\r\nperiod = \"Q2\"\r\ntracks = [\"Hyge\"]  # spor\r\nstatus = \"f\xC3\xA6rdig\"\r\n",
    );
    f.run(&["check", "--fix"]).code(0);
    assert_eq!(
        fs::read(f.plans().join("q2/crlf.toml")).unwrap(),
        b"\xEF\xBB\xBF# note\r\ntitle = \"CRLF\"\r\nperiod = \"Q2\"\r\ntracks = [\"Hygge\"]  # spor\r\nstatus = \"done\"\r\n"
    );
}

/// `--diff` on files with a byte-order mark, Windows line endings or both is a patch that
/// `git apply` takes, and applied it gives the files `--fix` writes.
#[test]
fn the_diff_of_bom_and_crlf_files_is_a_patch_git_applies() {
    let files: [(&str, &[u8]); 3] = [
        (
            "q2/crlf.toml",
            b"title = \"L\xC3\xA6seklub\"\r\nperiod = \"q2\"\r\ntracks = [\"Hyge\"]\r\n",
        ),
        (
            "q3/bom.toml",
            b"\xEF\xBB\xBFtitle = \"Bom\"\nperiod = \"q3\"\ntracks = [\"Hyge\"]\n",
        ),
        (
            "q1/begge.toml",
            b"\xEF\xBB\xBFtitle = \"Begge\"\r\nperiod = \"q1\"\r\ntracks = [\"Hyge\"]\r\n",
        ),
    ];
    let (mut fixed, mut applied) = (Fixture::new().filled(), Fixture::new().filled());
    for (name, bytes) in files {
        fixed = fixed.bytes(name, bytes);
        applied = applied.bytes(name, bytes);
    }
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(applied.dir())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    let patch = stdout(&applied.run(&["check", "--diff"]).code(1));
    fs::write(applied.dir().join("fix.patch"), &patch).unwrap();
    git(&["apply", "fix.patch"]);
    fixed.run(&["check", "--fix"]).code(0);
    for (name, _) in files {
        assert_eq!(
            fs::read(applied.plans().join(name)).unwrap(),
            fs::read(fixed.plans().join(name)).unwrap(),
            "{name}: {patch}"
        );
    }
}

/// `--diff` is a patch `git apply` takes where it says, whatever the files hold or are
/// called: with a hidden character in a line (`-o FILE` keeps it; shown on a terminal it is
/// left out, and a note says so), with a tab in a file name (quoted as git quotes it), run
/// from a sub-folder that does not hold every file (paths from the plan folder, and a note
/// naming it), and with an absolute `--plans` (likewise). Applied, it gives what `--fix`
/// writes.
#[test]
fn the_diff_applies_with_hidden_characters_odd_names_and_from_anywhere() {
    let files: [(&str, &str); 2] = [
        (
            "q2/skjult.toml",
            "title = \"Læse\u{200b}klub\"\nperiod = \"q2\"\ntracks = [\"Hyge\"]\n",
        ),
        (
            "q1/tab\tnavn.toml",
            "title = \"Tab\"\nperiod = \"q1\"\ntracks = [\"Hygge\"]\n",
        ),
    ];
    let make = || {
        let mut f = Fixture::new().filled();
        for (name, text) in files {
            f = f.file(name, text);
        }
        f
    };
    let fixed = make();
    // The file with a tab in its name keeps its `invalid-value` (no valid id): exit 1.
    fixed.run(&["check", "--fix"]).code(1);
    let git = |dir: &Path, args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let same = |f: &Fixture, case: &str| {
        for (name, _) in files {
            assert_eq!(
                fs::read(f.plans().join(name)).unwrap(),
                fs::read(fixed.plans().join(name)).unwrap(),
                "{case}: {name}"
            );
        }
    };
    // Shown on standard output, the hidden character is left out, and said.
    let f = make();
    let out = f.run(&["check", "--diff"]).code(1);
    assert!(!stdout(&out).contains('\u{200b}'));
    assert!(
        stderr(&out).contains("write it to a file with -o FILE"),
        "{}",
        stderr(&out)
    );
    // Written with -o, it applies from where plan ran.
    git(f.dir(), &["init", "-q"]);
    f.run(&["check", "--diff", "-o", "fix.patch"]).code(1);
    let patch = fs::read_to_string(f.dir().join("fix.patch")).unwrap();
    assert!(
        patch.contains("--- \"a/plans/q1/tab\\tnavn.toml\""),
        "{patch}"
    );
    git(f.dir(), &["apply", "fix.patch"]);
    same(&f, "from the folder above");
    // From q2, which does not hold q1's file: paths from the plan folder.
    let f = make();
    git(f.dir(), &["init", "-q"]);
    let out = plan_in(&f.plans().join("q2"))
        .args(["check", "--diff", "-o", "../../fix.patch"])
        .assert()
        .code(1);
    assert!(
        stderr(&out).contains("relative to the plan folder .."),
        "{}",
        stderr(&out)
    );
    let patch = fs::read_to_string(f.dir().join("fix.patch")).unwrap();
    assert!(patch.contains("+++ b/q2/skjult.toml"), "{patch}");
    git(&f.plans(), &["apply", "../fix.patch"]);
    same(&f, "from q2");
    // An absolute --plans: likewise.
    let f = make();
    git(f.dir(), &["init", "-q"]);
    f.run(&[
        "check",
        "--plans",
        f.plans().to_str().unwrap(),
        "--diff",
        "-o",
        "fix.patch",
    ])
    .code(1);
    git(&f.plans(), &["apply", "../fix.patch"]);
    same(&f, "absolute --plans");
    // `--plans .` in the plan folder: `./q2/x.toml` is written `q2/x.toml` (git refuses a
    // `.` part).
    let f = make();
    git(&f.plans(), &["init", "-q"]);
    plan_in(&f.plans())
        .args(["check", "--plans", ".", "--diff", "-o", "fix.patch"])
        .assert()
        .code(1);
    git(&f.plans(), &["apply", "fix.patch"]);
    same(&f, "--plans .");
    // A diff is in no findings format: with --format, or an -o name that asks for one, it
    // is a usage error (it wrote a diff into x.sarif).
    for args in [
        &["--format", "json"][..],
        &["-o", "x.sarif"],
        &["-o", "x.json"],
    ] {
        let mut all = vec!["check", "--diff"];
        all.extend(args);
        f.run(&all).code(2);
    }
}

#[test]
fn canonical_goes_with_fix_or_diff_and_diff_prints_only_the_diff() {
    let out = Fixture::new().run(&["check", "--canonical"]).code(2);
    assert!(stderr(&out).contains("--canonical goes with --fix or --diff"));
    for other in [&["--statistics"][..], &["-q"]] {
        let mut args = vec!["check", "--diff"];
        args.extend(other);
        Fixture::new().run(&args).code(2);
    }
}

/// A read-only file is not fixed, and said; the files around it are fixed all the same
/// (whichever comes first by name: `a.toml` before it and `z.toml` after), and what remains
/// is reported. It stopped at the read-only file, with "nothing was written" after fixing
/// the files before it, and showed no findings.
#[test]
fn a_read_only_file_is_not_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let fixable =
        |title: &str| format!("title = \"{title}\"\nperiod = \"q2\"\ntracks = [\"Hygge\"]\n");
    let f = Fixture::new()
        .filled()
        .file("q2/a.toml", &fixable("A"))
        .file("q2/ro.toml", &fixable("RO"))
        .file("q2/z.toml", &fixable("Z"));
    let path = f.plans().join("q2/ro.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    // Exit 2, a file that could not be written (1 would say "findings remain"), and no
    // advice to use an option `check` does not have.
    let out = f.run(&["check", "--fix", "--format", "concise"]).code(2);
    let said = stderr(&out);
    assert!(
        said.contains("`plans/q2/ro.toml` is read-only: not fixed"),
        "{said}"
    );
    assert!(!said.contains("nothing was written"), "{said}");
    assert!(said.contains("make it writable"), "{said}");
    assert!(!said.contains("--force"), "{said}");
    assert!(said.contains("fixed plans/q2/a.toml: 1 change"), "{said}");
    assert!(said.contains("fixed plans/q2/z.toml: 1 change"), "{said}");
    assert!(fs::read_to_string(&path).unwrap().contains("\"q2\""));
    for fixed in ["q2/a.toml", "q2/z.toml"] {
        let text = fs::read_to_string(f.plans().join(fixed)).unwrap();
        assert!(text.contains("period = \"Q2\""), "{fixed}: {text}");
    }
    // What remains: the read-only file's finding, and only it.
    let remains = stdout(&out);
    assert!(
        remains.contains("plans/q2/ro.toml:2:10: error[invalid-value]"),
        "{remains}"
    );
    assert_eq!(remains.lines().count(), 1, "{remains}");
}

#[test]
fn fix_waits_for_the_plan_lock_and_gives_up_without_writing() {
    let f = Fixture::new().filled().file(
        "q2/a.toml",
        "title = \"A\"\nperiod = \"q2\"\ntracks = [\"Hygge\"]\n",
    );
    let lock = fs::File::create(f.plans().join(".plan.lock")).unwrap();
    lock.lock().unwrap();
    let out = plan_in(f.dir())
        .env("PLAN_LOCK_TIMEOUT", "1")
        .args(["check", "--fix"])
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("locked by another plan command"),
        "{}",
        stderr(&out)
    );
    let text = fs::read_to_string(f.plans().join("q2/a.toml")).unwrap();
    assert!(text.contains("\"q2\""));
    // --diff takes no lock: it answers while another command writes.
    let out = plan_in(f.dir()).args(["check", "--diff"]).assert().code(1);
    assert!(stdout(&out).contains("+period = \"Q2\""));
    lock.unlock().unwrap();
    f.run(&["check", "--fix"]).code(0);
}

/// A misspelt name whose meant name the list has already: the fix would list it twice
/// (`["Hygge", "Hygge"]`), so none is offered, and the help says to remove the entry.
#[test]
fn a_fix_never_lists_a_name_twice() {
    let f = Fixture::new().filled().file(
        "a.toml",
        "title = \"A\"\nperiod = \"Q2\"\ntracks = [\"Hyge\", \"Hygge\"]\nlocations = [\"Vibby\", \"Jyllinge\"]\n",
    );
    f.run(&["check", "--fix"]).code(1);
    let text = fs::read_to_string(f.plans().join("a.toml")).unwrap();
    assert!(text.contains("tracks = [\"Hyge\", \"Hygge\"]"), "{text}");
    // A name not listed yet is still fixed.
    assert!(
        text.contains("locations = [\"Viby\", \"Jyllinge\"]"),
        "{text}"
    );
    let out = stdout(&f.run(&["check", "--format", "concise"]).code(1));
    assert!(
        out.contains("unknown track `Hyge` (help: `Hygge` is listed already: remove this entry)"),
        "{out}"
    );
}

/// SARIF's fix inserts what `--fix` writes and the JSON format's `replacement` says, a
/// hidden character inside a quoted value included (escaped by the JSON): it left the
/// character out, so a reader applying the fix changed the value.
#[test]
fn sarif_fixes_insert_what_fix_writes() {
    let f = Fixture::new().filled().file(
        "q2/nbsp.toml",
        "title = \"N\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nowner\u{a0}= \"a\u{200b}b\"\n",
    );
    let json: Value =
        serde_json::from_str(&stdout(&f.run(&["check", "--format", "json"]).code(1))).unwrap();
    let replacement = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|d| d["replacement"].as_str())
        .expect("a fix")
        .to_string();
    assert!(replacement.contains('\u{200b}'), "{replacement:?}");
    let raw = stdout(&f.run(&["check", "--format", "sarif"]).code(1));
    assert!(raw.contains("\\u200b"), "escaped in the SARIF file");
    let sarif: Value = serde_json::from_str(&raw).unwrap();
    let inserted = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|r| {
            r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
                .as_str()
        })
        .expect("a SARIF fix");
    assert_eq!(inserted, replacement);
}

/// `--allow RULE` turns that rule's findings off, and so their fixes, and no other fix: with
/// `--allow unknown-track` the diff was empty (the rule's findings, back in the check of the
/// fixed files, counted as brought by every fix of the file), and in a second round the
/// allowed finding's own fix came back.
#[test]
fn allowing_a_rule_leaves_the_other_fixes_alone() {
    let f = Fixture::new().filled().file(
        "q2/a.toml",
        "title = \"A\"\nperiod = \"Q2\"\ntrakcs = [\"Hyge\"]\ndepends_on = [\"fil-1\"]\n",
    );
    let all = stdout(&f.run(&["check", "--diff"]).code(1));
    assert!(all.contains("+tracks = [\"Hygge\"]"), "{all}");
    let allowed = stdout(
        &f.run(&["check", "--diff", "--allow", "unknown-track"])
            .code(1),
    );
    assert!(allowed.contains("+tracks = [\"Hyge\"]"), "{allowed}");
    assert!(allowed.contains("+depends_on = [\"fill-1\"]"), "{allowed}");
    f.run(&["check", "--fix", "--allow", "unknown-track"])
        .code(0);
    let text = fs::read_to_string(f.plans().join("q2/a.toml")).unwrap();
    assert!(
        text.contains("tracks = [\"Hyge\"]") && text.contains("\"fill-1\""),
        "{text}"
    );
}
