//! The commands that change the plan: `new`, `set`, `note`, `init`, and `completions`/`man`.
//!
//! Each case runs in a copy of `tests/fixtures/edit/<case>/in/` (else `_base/`), the folder
//! `plan` runs in, and compares the whole folder afterwards with `<case>/out/` — or, for a
//! refusal, with the input: byte for byte, with no file added (not even a temporary one).
//! `SNAPSHOTS=overwrite cargo test` writes the `out/` folders.

use std::fs;
use std::path::{Path, PathBuf};

use snapbox::{assert_data_eq, str};

use crate::support::*;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `root` (hidden ones too), relative, with its bytes.
fn tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

pub fn assert_same_tree(expected: &Path, actual: &Path) {
    let want = tree(expected);
    let got = tree(actual);
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&got),
        names(&want),
        "the files differ from {}",
        expected.display()
    );
    for ((name, got), (_, want)) in got.iter().zip(&want) {
        if got != want {
            assert_data_eq!(
                String::from_utf8_lossy(got).into_owned(),
                String::from_utf8_lossy(want).into_owned()
            );
            panic!("{name} differs in bytes");
        }
    }
}

/// A case: its working folder, set up from its `in/`.
pub struct Case {
    pub dir: PathBuf,
    pub input: PathBuf,
    pub work: tempfile::TempDir,
}

impl Case {
    pub fn new(group: &str, name: &str) -> Case {
        let dir = fixtures().join(group).join(name);
        let own = dir.join("in");
        let input = if own.is_dir() {
            own
        } else {
            fixtures().join(group).join("_base")
        };
        let work = tempfile::tempdir().unwrap();
        copy_tree(&input, work.path());
        Case { dir, input, work }
    }

    pub fn run(&self, args: &[&str]) -> snapbox::cmd::OutputAssert {
        plan_in(self.work.path())
            .args(["--today", "2017-05-15"])
            .args(args)
            .assert()
    }

    /// The folder is now `out/`.
    pub fn expect_out(&self) {
        let out = self.dir.join("out");
        if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
            let _ = fs::remove_dir_all(&out);
            copy_tree(self.work.path(), &out);
        }
        assert_same_tree(&out, self.work.path());
    }

    /// The folder is byte for byte what it was.
    pub fn expect_unchanged(&self) {
        assert_same_tree(&self.input, self.work.path());
    }
}

// ---- plan new -------------------------------------------------------------------------

#[test]
fn new_writes_a_tidy_file_named_after_the_title() {
    let case = Case::new("edit", "new-basic");
    case.run(&[
        "new",
        "Læseklub for unge i Jyllinge",
        "--period",
        "q2",
        "--track",
        "hygge",
        "--track",
        "Viden & vejledning",
        "--location",
        "jyllinge",
        "--tag",
        "læsning",
        "--deadline",
        "2017-06-30",
        "--depends-on",
        "relationer",
        "--description",
        "Et \"rum\" for unge læsere.\nMødes hver anden uge.",
    ])
    .code(0)
    .stdout_eq(str![[r#"
plans/q2/laeseklub-for-unge-i-jyllinge.toml

"#]]);
    case.expect_out();
    plan_in(case.work.path()).args(["check"]).assert().code(0);
}

#[test]
fn new_writes_into_a_sub_folder_with_its_own_id() {
    let case = Case::new("edit", "new-folder");
    case.run(&[
        "new",
        "Sommerbogen",
        "--period",
        "Q3",
        "--track",
        "Alle spor",
        "--folder",
        "q3/sommer",
        "--id",
        "sommerbog-2017",
    ])
    .code(0)
    .stdout_eq(str![[r#"
plans/q3/sommer/sommerbog-2017.toml

"#]]);
    case.expect_out();
}

#[test]
fn new_follows_the_folders_the_plan_keeps_its_periods_in() {
    let work = tempfile::tempdir().unwrap();
    let plans = work.path().join("plans");
    copy_tree(&shipped_plans(), &plans);
    let new = |period: &str, title: &str, extra: &[&str]| {
        let out = plan_in(work.path())
            .args(["new", title, "--period", period, "--track", "Hygge"])
            .args(extra)
            .assert()
            .code(0);
        stdout(&out)
    };
    // The shipped plan keeps the whole year in aar/ and each quarter in q1/…q4/.
    assert_eq!(
        new("år", "Hygge hele året", &[]),
        "plans/aar/hygge-hele-aaret.toml\n"
    );
    assert_eq!(
        new("2. kvartal", "Hygge i foråret", &[]),
        "plans/q2/hygge-i-foraaret.toml\n"
    );
    assert_eq!(
        new("Q4", "Hygge i julen", &[]),
        "plans/q4/hygge-i-julen.toml\n"
    );
    // --folder still wins.
    assert_eq!(
        new("Q4", "Hygge i december", &["--folder", "jul"]),
        "plans/jul/hygge-i-december.toml\n"
    );
    // A period the plan has no initiative of goes into the root.
    let fixture = Fixture::new().file(
        "q1/a.toml",
        "title = \"A\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
    );
    fixture
        .run(&[
            "new",
            "Hygge i sommer",
            "--period",
            "Q3",
            "--track",
            "Hygge",
        ])
        .code(0)
        .stdout_eq(str![[r#"
plans/hygge-i-sommer.toml

"#]]);
    fixture
        .run(&["new", "Hygge i marts", "--period", "Q1", "--track", "Hygge"])
        .code(0)
        .stdout_eq(str![[r#"
plans/q1/hygge-i-marts.toml

"#]]);
}

#[test]
fn new_refuses_an_id_that_exists() {
    let case = Case::new("edit", "new-exists");
    case.run(&["new", "Udearealer", "--period", "Q2", "--track", "Hygge"])
        .code(1)
        .stderr_eq(str![[r#"
error: an initiative with the id `udearealer` exists already: plans/q2/udearealer.toml
help: choose another id with --id, e.g. --id udearealer-2

"#]]);
    case.expect_unchanged();
}

#[test]
fn new_refuses_an_unknown_track_with_a_suggestion() {
    let case = Case::new("edit", "new-unknown-track");
    let out = case
        .run(&["new", "Hyggeaftener", "--period", "Q2", "--track", "Hyge"])
        .code(1);
    let err = stderr(&out);
    assert!(
        err.contains("error[unknown-track]: unknown track `Hyge`"),
        "{err}"
    );
    assert!(err.contains("did you mean `Hygge`?"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    case.expect_unchanged();
}

#[test]
fn new_refuses_bad_values_and_paths_out_of_the_folder() {
    let case = Case::new("edit", "new-refusals");
    for (args, code, needle) in [
        (
            vec!["new", "X", "--period", "Q5", "--track", "Hygge"],
            1,
            "`Q5` is not a valid period",
        ),
        (
            vec![
                "new",
                "X",
                "--period",
                "Q2",
                "--track",
                "Hygge",
                "--deadline",
                "2017-6-30",
            ],
            1,
            "YYYY-MM-DD",
        ),
        (
            vec![
                "new",
                "X",
                "--period",
                "Q2",
                "--track",
                "Hygge",
                "--depends-on",
                "nope",
            ],
            1,
            "unknown-dependency",
        ),
        (
            vec![
                "new", "X", "--period", "Q2", "--track", "Hygge", "--folder", "../out",
            ],
            2,
            "not a sub-folder",
        ),
        (
            vec![
                "new", "X", "--period", "Q2", "--track", "Hygge", "--folder", "/tmp",
            ],
            2,
            "not a sub-folder",
        ),
        (
            vec![
                "new", "X", "--period", "Q2", "--track", "Hygge", "--folder", "q2/aux",
            ],
            2,
            "`aux` is a name Windows reserves",
        ),
        (
            vec![
                "new",
                "X",
                "--period",
                "Q2",
                "--track",
                "Hygge",
                "--id",
                "../../etc/passwd",
            ],
            2,
            "not a valid id",
        ),
        (
            vec!["new", "../../..", "--period", "Q2", "--track", "Hygge"],
            2,
            "cannot make an id",
        ),
        (
            vec![
                "new", "  ", "--period", "Q2", "--track", "Hygge", "--id", "blank",
            ],
            1,
            "`title` is empty",
        ),
    ] {
        let out = case.run(&args).code(code);
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    case.expect_unchanged();
}

/// `--folder` naming a folder with a `plan.toml` of its own (or one inside it) wrote the
/// file into that other plan, checked against this plan's catalogue: the other plan then
/// had an invalid file, and this one no new initiative.
#[test]
fn new_refuses_a_folder_that_is_a_plan_of_its_own() {
    let f = Fixture::new().filled();
    let nested = f.plans().join("filial");
    fs::create_dir(&nested).unwrap();
    fs::write(
        nested.join("plan.toml"),
        "[plan]\ntitle = \"Filial\"\nyear = 2017\n",
    )
    .unwrap();
    for folder in ["filial", "filial/q2"] {
        let out = f
            .run(&[
                "new",
                "Dyb ting",
                "--period",
                "Q2",
                "--track",
                "Fordybelse",
                "--folder",
                folder,
            ])
            .code(2);
        let err = stderr(&out);
        assert!(
            err.contains("`filial` holds a plan.toml of its own")
                && err.contains("nothing was written"),
            "{err}"
        );
        assert!(!f.plans().join(folder).join("dyb-ting.toml").exists());
    }
    assert!(!nested.join("q2").exists(), "no folder made either");
}

/// The command a help gives to paste names its files as words of the shell: pasted, the
/// rename hint for `x;touch PWNED;.toml` ran `touch PWNED`.
#[cfg(unix)]
#[test]
fn a_rename_hint_is_a_command_safe_to_paste() {
    let f = Fixture::new().filled().file(
        "x;touch PWNED;.toml",
        "title = \"X\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
    );
    let out = f.run(&["set", "x;touch PWNED;", "owner=Ida"]).code(1);
    let err = stderr(&out);
    let command = err
        .lines()
        .find_map(|l| l.strip_prefix("help: rename it: "))
        .unwrap_or_else(|| panic!("{err}"));
    let status = std::process::Command::new("sh")
        .args(["-c", command])
        .current_dir(f.dir())
        .status()
        .unwrap();
    assert!(status.success(), "{command}");
    assert!(!f.dir().join("PWNED").exists(), "{command}");
    assert!(f.plans().join("x-touch-pwned.toml").is_file(), "{command}");
    f.run(&["set", "x-touch-pwned", "owner=Ida"]).code(0);
}

#[test]
fn new_slugs_a_title_that_tries_to_leave_the_folder() {
    let case = Case::new("edit", "new-slug");
    case.run(&[
        "new",
        "../../Ærø/Øst",
        "--period",
        "year",
        "--track",
        "Hygge",
    ])
    .code(0)
    .stdout_eq(str![[r#"
plans/aeroe-oest.toml

"#]]);
    assert!(case.work.path().join("plans/aeroe-oest.toml").is_file());
}

// ---- plan set -------------------------------------------------------------------------

#[test]
fn set_changes_only_the_values_asked_for() {
    let case = Case::new("edit", "set-scalars");
    case.run(&[
        "set",
        "udearealer",
        "status=active",
        "period=Q3",
        "deadline=2017-09-15",
        "owner=Anne Hansen",
        "funding=pending",
    ])
    .code(0)
    .stdout_eq(str![[r#"
plans/q2/udearealer.toml: changed status, period, deadline, owner, funding (history: status, funding, period, deadline, owner dated 2017-05-15)

"#]]);
    case.expect_out();
}

/// A value set to what it already is was named among the changes ("changed status, tracks"
/// when only the tracks changed).
#[test]
fn set_names_only_the_fields_it_changed() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "");
    let set = |args: &[&str]| {
        stdout(
            &f.run(&[&["--today", "2017-05-10", "set", "a"][..], args].concat())
                .code(0),
        )
    };
    assert!(set(&["status=active"]).contains(": changed status ("));
    let out = set(&["status=i gang", "owner=Ida"]);
    assert!(
        out.contains(": changed owner (history: owner dated"),
        "{out}"
    );
    assert!(set(&["status=active", "owner=Ida"]).ends_with(": unchanged\n"));
    // The same places in another order: the file lists them so, but the initiative's
    // places did not change, so no history entry (one was written each time, from and to
    // the same places).
    set(&["locations=Viby, Jyllinge"]);
    let log = |f: &Fixture| {
        std::fs::read_to_string(f.plans().join("a.toml"))
            .unwrap()
            .matches("[[log]]")
            .count()
    };
    let entries = log(&f);
    let out = set(&["locations=jyllinge,viby"]);
    assert!(out.ends_with(": changed locations\n"), "{out}");
    assert_eq!(log(&f), entries);
    let text = std::fs::read_to_string(f.plans().join("a.toml")).unwrap();
    assert!(
        text.contains("locations = [\"Jyllinge\", \"Viby\"]"),
        "{text}"
    );
    // Nor an alias written again as the catalogue's name, in another order.
    let file = f.plans().join("a.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "tracks = [\"Hygge\"]",
        "tracks = [\"Hygge\", \"Indgang til fællesskaber\"]",
    );
    std::fs::write(&file, text).unwrap();
    let out = set(&["tracks=Indgang til fællesskab, hygge"]);
    assert!(out.ends_with(": changed tracks\n"), "{out}");
    assert_eq!(log(&f), entries);
    // A value no file may hold is one error, at the field (it was a second one in the
    // entry `set` would have written: "`Q5` is not a valid to").
    let said = stderr(
        &f.run(&["--today", "2017-05-10", "set", "a", "period=Q5"])
            .code(1),
    );
    assert_eq!(said.matches("is not a valid period").count(), 1, "{said}");
    assert!(said.contains("(1 error)"), "{said}");
}

#[test]
fn set_lists_add_remove_and_replace() {
    let case = Case::new("edit", "set-lists");
    case.run(&[
        "set",
        "udearealer",
        "tags+=sommer",
        "tags-=bogbus",
        "tracks+=hygge",
        "locations=Viby, gadstrup",
        "partners+=Roskilde Kommune",
    ])
    .code(0);
    case.expect_out();
}

#[test]
fn set_clears_optional_fields_and_keeps_their_comments() {
    let case = Case::new("edit", "set-clear");
    case.run(&["set", "udearealer", "status=", "tags=", "description="])
        .code(0);
    case.expect_out();
}

#[test]
fn set_refuses_what_would_break_the_plan() {
    let case = Case::new("edit", "set-refusals");
    for (args, code, needle) in [
        (
            vec!["set", "udearealer", "title="],
            1,
            "`title` cannot be cleared",
        ),
        (
            vec!["set", "udearealer", "tracks="],
            1,
            "`tracks` cannot be cleared",
        ),
        (
            vec!["set", "udearealer", "period=Q5"],
            1,
            "error[invalid-value]: `Q5` is not a valid period",
        ),
        (
            vec!["set", "udearealer", "status=finished"],
            1,
            "error[invalid-value]",
        ),
        (
            vec!["set", "udearealer", "tracks=Hyge"],
            1,
            "did you mean `Hygge`?",
        ),
        (
            vec!["set", "udearealer", "deadline=15-09-2017"],
            1,
            "YYYY-MM-DD",
        ),
        (
            vec!["set", "udearealer", "tags-=nope"],
            1,
            "`nope` is not in `tags`",
        ),
        (
            vec!["set", "udearealer", "depends_on+=udearealer"],
            1,
            "error[dependency-cycle]",
        ),
        // Moving it after what depends on it breaks the other file: refused too.
        (
            vec!["set", "udearealer", "period=Q4"],
            1,
            "error[dependency-order]: `festival` (Q3) depends on `udearealer`",
        ),
        (
            vec!["set", "udearealer", "stauts=done"],
            2,
            "did you mean `status`?",
        ),
        (
            vec!["set", "udearealer", "status+=done"],
            2,
            "only works on lists",
        ),
        (vec!["set", "udearealer", "log=x"], 2, "plan note"),
        (
            vec!["set", "udearealr", "status=done"],
            2,
            "did you mean `udearealer`?",
        ),
        (
            vec!["set", "../plan", "status=done"],
            2,
            "no initiative has the id",
        ),
    ] {
        let out = case.run(&args).code(code);
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    case.expect_unchanged();
}

#[test]
fn set_shows_the_finding_that_refuses_it() {
    let case = Case::new("edit", "set-refusals");
    case.run(&["set", "udearealer", "tracks+=Hyge"])
        .code(1)
        .stdout_eq(str![""])
        .stderr_eq(str![[r#"
error[unknown-track]: unknown track `Hyge`
 --> plans/q2/udearealer.toml:6:61
  |
6 | tracks = ["Struktur for livet", "Indgang til fællesskaber", "Hyge"]
  |                                                             ^^^^^^ not in the plan's tracks
  |
  = help: did you mean `Hygge`?

error: `plans/q2/udearealer.toml` with this change would not pass `plan check` (1 error): nothing was written

"#]]);
    case.expect_unchanged();
}

#[test]
fn set_with_nothing_to_change_leaves_the_file_alone() {
    let case = Case::new("edit", "set-refusals");
    case.run(&["set", "udearealer", "status=planned", "tags+=bogbus"])
        .code(0)
        .stdout_eq(str![[r#"
plans/q2/udearealer.toml: unchanged

"#]]);
    case.expect_unchanged();
}

#[test]
fn set_keeps_a_pre_existing_problem_it_did_not_cause() {
    // A file with an unknown field can still get a new status; the field stays reported.
    let case = Case::new("edit", "set-existing-problem");
    case.run(&["set", "udearealer", "status=done"]).code(0);
    case.expect_out();
}

#[cfg(unix)]
#[test]
fn set_writes_through_a_symlink_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let case = Case::new("edit", "set-refusals");
    let plans = case.work.path().join("plans");
    fs::rename(plans.join("q2/udearealer.toml"), plans.join("q2/real.txt")).unwrap();
    std::os::unix::fs::symlink("real.txt", plans.join("q2/udearealer.toml")).unwrap();
    fs::set_permissions(plans.join("q2/real.txt"), fs::Permissions::from_mode(0o640)).unwrap();
    case.run(&["set", "udearealer", "status=done"]).code(0);
    let link = fs::symlink_metadata(plans.join("q2/udearealer.toml")).unwrap();
    assert!(link.file_type().is_symlink());
    let text = fs::read_to_string(plans.join("q2/real.txt")).unwrap();
    assert!(text.contains("status = \"done\""));
    let mode = fs::metadata(plans.join("q2/real.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

// ---- plan note ------------------------------------------------------------------------

#[test]
fn note_appends_dated_entries() {
    let case = Case::new("edit", "note");
    case.run(&[
        "note",
        "udearealer",
        "Første møde med bogbussens chauffører.",
    ])
    .code(0)
    .stdout_eq(str![[r#"
plans/q2/udearealer.toml: note dated 2017-05-15

"#]]);
    plan_in(case.work.path())
        .args([
            "--today",
            "2017-05-20",
            "note",
            "relationer",
            "Andet møde: \"godt\".",
        ])
        .assert()
        .code(0);
    case.expect_out();
}

/// Options after the note's words are options, as after `plan set`'s changes: a note
/// back-dated with `--today` at the end is dated so, and its text is only the words.
#[test]
fn options_after_a_note_are_options_not_words() {
    let case = Case::new("edit", "note");
    plan_in(case.work.path())
        .args([
            "note",
            "udearealer",
            "Møde",
            "holdt.",
            "--today",
            "2017-06-01",
        ])
        .assert()
        .code(0)
        .stdout_eq(str![[r#"
plans/q2/udearealer.toml: note dated 2017-06-01

"#]]);
    let text = fs::read_to_string(case.work.path().join("plans/q2/udearealer.toml")).unwrap();
    assert!(
        text.contains("date = 2017-06-01\ntext = \"Møde holdt.\""),
        "{text}"
    );
    assert!(!text.contains("--today"), "{text}");
    // A note that begins with `-` follows `--`.
    plan_in(case.work.path())
        .args([
            "--today",
            "2017-06-02",
            "note",
            "udearealer",
            "--",
            "-5 kr. i kassen",
        ])
        .assert()
        .code(0);
    let text = fs::read_to_string(case.work.path().join("plans/q2/udearealer.toml")).unwrap();
    assert!(text.contains("text = \"-5 kr. i kassen\""), "{text}");
    // A number is a word of the note, not an option.
    plan_in(case.work.path())
        .args([
            "--today",
            "2017-06-03",
            "note",
            "udearealer",
            "Temperatur",
            "-5",
            "grader.",
        ])
        .assert()
        .code(0);
    let text = fs::read_to_string(case.work.path().join("plans/q2/udearealer.toml")).unwrap();
    assert!(text.contains("text = \"Temperatur -5 grader.\""), "{text}");
}

#[test]
fn note_refuses_an_empty_note_or_an_unknown_id() {
    let case = Case::new("edit", "note-refusals");
    case.run(&["note", "udearealer", "  "]).code(2);
    case.run(&["note", "nope", "tekst"]).code(2);
    case.expect_unchanged();
}

// ---- plan init ------------------------------------------------------------------------

/// A postponed initiative without a follow-up gets no draft, and `init` says so on
/// standard error, naming it; one with a follow-up is carried over as before.
#[test]
fn init_names_the_postponed_initiatives_it_does_not_carry_over() {
    let case = Case::new("edit", "init-from");
    case.run(&["set", "festival", "status=postponed"]).code(0);
    let out = case
        .run(&["init", "plans-2018", "--year", "2018", "--from", "plans"])
        .code(0);
    let said = stderr(&out);
    assert!(
        said.contains(
            "note: 1 postponed initiative without a follow_up was not carried over: festival"
        ),
        "{said}"
    );
    assert!(stdout(&out).contains("a plan for 2018 with 1 follow-up from plans"));
    assert!(!case.work.path().join("plans-2018/festival.toml").exists());
}

/// A draft says how the initiative it follows up stood in the old plan: a follow-up of
/// cancelled work (it became a plain draft, as if the work had been done) reads so, in the
/// plan's language and in the file's comment.
#[test]
fn init_drafts_say_how_the_old_initiative_stood() {
    let case = Case::new("edit", "init-from");
    case.run(&["set", "relationer", "status=cancelled"]).code(0);
    case.run(&["init", "plans-2018", "--year", "2018", "--from", "plans"])
        .code(0);
    let draft = fs::read_to_string(case.work.path().join("plans-2018/relationer.toml")).unwrap();
    assert!(
        draft.starts_with(
            "# Follow-up of q1/relationer.toml in the 2017 plan, cancelled there (plan init --from).\n"
        ),
        "{draft}"
    );
    assert!(
        draft.contains(
            "(`relationer`) fra handleplanen for 2017 (status i planen for 2017: aflyst).\"\"\""
        ),
        "{draft}"
    );
}

/// A new plan inside the old one's folder (which would read it as part of itself), a
/// plan for the year it is started from, and a workspace as `--from` are refused, exit 2,
/// and nothing is written; beside it, the same start works.
#[test]
fn init_refuses_a_folder_inside_a_plan_the_same_year_and_a_workspace() {
    let case = Case::new("edit", "init-from");
    let out = case
        .run(&["init", "plans/2018", "--year", "2018", "--from", "plans"])
        .code(2);
    assert!(
        stderr(&out).contains("`plans/2018` is inside the plan folder `plans`"),
        "{}",
        stderr(&out)
    );
    // Inside, without --from: the plan's own plan.toml says it is a plan's folder.
    let out = case.run(&["init", "plans/q9/ny", "--year", "2018"]).code(2);
    // The hint names the real folders (it always said `plans-2018 … --from plans`).
    assert!(
        stderr(&out)
            .contains("help: start the new plan beside it, e.g. `plan init ny --year 2018`"),
        "{}",
        stderr(&out)
    );
    let out = case
        .run(&["init", "plans-2017", "--year", "2017", "--from", "plans"])
        .code(2);
    assert!(
        stderr(&out).contains("--year 2017 is the year of the plan in `plans` (2017)"),
        "{}",
        stderr(&out)
    );
    // An earlier year: follow-ups go forward in time.
    let out = case
        .run(&["init", "plans-2016", "--year", "2016", "--from", "plans"])
        .code(2);
    assert!(
        stderr(&out).contains(
            "--year 2016 is before the year of the plan in `plans` (2017): a plan started from it, with its follow-ups, is for a later year"
        ),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("help: e.g. --year 2018"),
        "{}",
        stderr(&out)
    );
    case.expect_unchanged();
    let root = case.work.path();
    fs::create_dir(root.join("net")).unwrap();
    fs::write(
        root.join("net/plan.toml"),
        "[workspace]\nmembers = [\"a\"]\n",
    )
    .unwrap();
    let out = case
        .run(&["init", "plans-2018", "--year", "2018", "--from", "net"])
        .code(2);
    assert!(
        stderr(&out).contains("is a workspace, not a plan"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("plans-2018").exists());
    // Inside the workspace named as --from: still "a workspace", not "a nested plan".
    let out = case
        .run(&["init", "net/x", "--year", "2018", "--from", "net"])
        .code(2);
    assert!(
        stderr(&out).contains("is a workspace, not a plan"),
        "{}",
        stderr(&out)
    );
    // A workspace's member is a folder inside the workspace's: that is allowed.
    case.run(&["init", "net/a", "--year", "2018", "--from", "plans"])
        .code(0);
    assert!(root.join("net/a/plan.toml").is_file());
}

#[test]
fn init_from_last_year_carries_the_catalogue_and_the_follow_ups() {
    let case = Case::new("edit", "init-from");
    case.run(&["init", "plans-2018", "--year", "2018", "--from", "plans"])
        .code(0)
        .stdout_eq(str![[r#"
plans-2018/plan.toml
plans-2018/relationer.toml
a plan for 2018 with 1 follow-up from plans

"#]]);
    case.expect_out();
}

#[test]
fn init_replaces_the_year_only_where_it_stands_as_a_year() {
    for (old, want) in [
        (
            "Handleplan 2017: tilskud på 120170 kr.",
            "Handleplan 2018: tilskud på 120170 kr.",
        ),
        (
            "Plan for 2017 (20170 deltagere, 2017 kr. pr. lokalbibliotek)",
            "Plan for 2018 (20170 deltagere, 2017 kr. pr. lokalbibliotek)",
        ),
        // No year standing as a year: the new one is added.
        ("Tilskud 120170 kr.", "Tilskud 120170 kr. 2018"),
    ] {
        let fixture = Fixture::new().file(
            "plan.toml",
            &format!("[plan]\ntitle = \"{old}\"\nyear = 2017\n"),
        );
        plan_in(fixture.dir())
            .args(["init", "plans-2018", "--year", "2018", "--from", "plans"])
            .assert()
            .code(0);
        let made = plan::load::load_plan(&fixture.dir().join("plans-2018")).unwrap();
        assert_eq!(made.manifest.plan.title, want, "from {old}");
    }
    // Without --from, for the built-in plan's own year: the title names it once (it read
    // "… Lokalsamfundet 2017 2017").
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path())
        .args(["init", "one", "--year", "2017"])
        .assert()
        .code(0);
    let made = plan::load::load_plan(&dir.path().join("one")).unwrap();
    assert_eq!(
        made.manifest.plan.title.matches("2017").count(),
        1,
        "{}",
        made.manifest.plan.title
    );
}

#[test]
fn init_without_from_writes_a_plan_toml_that_passes_check() {
    let case = Case::new("edit", "init-bare");
    case.run(&["init", "ny", "--year", "2019", "--title", "Handleplan 2019"])
        .code(0);
    case.expect_out();
    let out = plan_in(case.work.path())
        .args(["--plans", "ny", "check", "--format", "json"])
        .assert();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // An empty plan misses only its initiatives: every finding is about the plan as a whole.
    assert!(json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["rule"] == "min-per-track"));
    assert_eq!(json["plan"]["year"], 2019);
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let case = Case::new("edit", "init-refusals");
    case.run(&["init", "plans", "--year", "2018"])
        .code(1)
        .stderr_eq(str![[r#"
error: `plans` exists and is not empty: nothing was written
help: name a new folder, or add --force to write into it (files of the same name are replaced)

"#]]);
    case.run(&["init", "x", "--year", "18"]).code(2);
    case.run(&["init", "x", "--year", "2018", "--from", "nowhere"])
        .code(2);
    case.expect_unchanged();
}

// ---- completions and man ----------------------------------------------------------------

const SUBCOMMANDS: [&str; 13] = [
    "check",
    "status",
    "list",
    "show",
    "report",
    "new",
    "set",
    "note",
    "import",
    "init",
    "explain",
    "completions",
    "man",
];

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = plan().args(["completions", shell]).assert().code(0);
        let text = stdout(&out);
        for sub in SUBCOMMANDS {
            assert!(text.contains(sub), "{shell} completions lack `{sub}`");
        }
    }
    plan().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_lists_the_subcommands() {
    let out = plan().args(["man"]).assert().code(0);
    let text = stdout(&out);
    assert!(
        text.starts_with(".ie") || text.starts_with(".TH"),
        "{}",
        text.chars().take(40).collect::<String>()
    );
    assert!(text.contains(".TH plan 1"));
    for sub in SUBCOMMANDS {
        // The SUBCOMMANDS section lists each with its one-line help.
        assert!(
            text.contains(&format!("plan\\-{sub}(1)")),
            "man page lacks `{sub}`"
        );
    }
}

#[test]
fn set_accepts_the_words_the_user_reads_and_writes_the_format_s_own() {
    let f = Fixture::new().filled().initiative(
        "a",
        "Q2",
        &["Hygge"],
        "status = \"planned\" # sat i marts\n",
    );
    f.run(&[
        "set",
        "a",
        "status=færdig",
        "period=3. kvartal",
        "funding=afventer",
    ])
    .code(0);
    let text = std::fs::read_to_string(f.plans().join("a.toml")).unwrap();
    assert!(text.contains("status = \"done\" # sat i marts\n"), "{text}");
    assert!(text.contains("period = \"Q3\"\n"), "{text}");
    assert!(text.contains("funding = \"pending\"\n"), "{text}");
    let before = std::fs::read(f.plans().join("a.toml")).unwrap();
    f.run(&["set", "a", "status=klar"]).code(1);
    assert_eq!(std::fs::read(f.plans().join("a.toml")).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn new_never_writes_through_a_dangling_link_or_out_of_the_folder() {
    let f = Fixture::new().filled();
    let outside = f.dir().join("outside");
    fs::create_dir(&outside).unwrap();
    std::os::unix::fs::symlink(outside.join("x.toml"), f.plans().join("laesecafe.toml")).unwrap();
    std::os::unix::fs::symlink(&outside, f.plans().join("q3")).unwrap();
    let out = f
        .run(&["new", "Læsecafé", "--period", "Q3", "--track", "Hygge"])
        .code(1);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    // `new` has no --force to advise.
    assert!(!stderr(&out).contains("--force"), "{}", stderr(&out));
    let out = f
        .run(&[
            "new",
            "Læsecafé",
            "--period",
            "Q3",
            "--track",
            "Hygge",
            "--id",
            "cafe",
            "--folder",
            "q3/sub",
        ])
        .code(2);
    assert!(
        stderr(&out).contains("leads out of the plan folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn set_and_note_name_a_windows_1252_file_and_leave_it_as_it_is() {
    let ansi: &[u8] = b"title = \"F\xe6lles hygge\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n";
    let fixture = Fixture::new().bytes("ansi.toml", ansi);
    for args in [
        &["set", "ansi", "status=active"][..],
        &["note", "ansi", "Første møde."],
    ] {
        let out = fixture.run(args).code(1);
        let err = stderr(&out);
        assert!(
            err.contains("cannot change `plans/ansi.toml`: the file is not UTF-8: it looks like Windows-1252 (ANSI)"),
            "{err}"
        );
        assert!(err.contains("iconv -f WINDOWS-1252 -t UTF-8"), "{err}");
        assert_eq!(fs::read(fixture.plans().join("ansi.toml")).unwrap(), ansi);
    }
}
