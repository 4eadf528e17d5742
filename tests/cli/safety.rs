//! What the writing commands guarantee (issue 10): nothing lost under concurrent writers,
//! no special file replaced, no write out of its folder, nothing dropped that a command
//! did not understand. Each through the real binary.

use std::fs;
use std::path::Path;
use std::process::{Command as Process, Stdio};

use crate::support::*;

/// `plan` as a plain process (for running many at once), in `dir`, with a fixed date.
fn process(dir: &Path, args: &[&str]) -> Process {
    let mut cmd = Process::new(snapbox::cmd::cargo_bin!("plan"));
    cmd.env_remove("PLAN_DIR")
        .env_remove("PLAN_TODAY")
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(["--today", "2017-05-15"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn read(f: &Fixture, relative: &str) -> Vec<u8> {
    fs::read(f.plans().join(relative)).unwrap()
}

fn dated(f: &Fixture, args: &[&str]) -> snapbox::cmd::OutputAssert {
    let mut all = vec!["--today", "2017-05-15"];
    all.extend_from_slice(args);
    f.run(&all)
}

// ---- 1. concurrent writers ---------------------------------------------------------------

#[test]
fn twenty_notes_at_once_keep_twenty_entries() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "");
    let children: Vec<_> = (0..20)
        .map(|n| {
            process(f.dir(), &["note", "a", &format!("Note number {n}.")])
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    let log = parsed["log"].as_array().unwrap();
    assert_eq!(log.len(), 20, "{text}");
    for n in 0..20 {
        assert!(
            text.contains(&format!("Note number {n}.")),
            "{n} lost:\n{text}"
        );
    }
    // The lock file is gone with the last command.
    assert!(!f.plans().join(".plan.lock").exists());
}

#[test]
fn two_crossing_dependencies_at_once_leave_no_cycle() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "")
        .initiative("b", "Q2", &["Hygge"], "");
    let one = process(f.dir(), &["set", "a", "depends_on+=b"])
        .spawn()
        .unwrap();
    let two = process(f.dir(), &["set", "b", "depends_on+=a"])
        .spawn()
        .unwrap();
    let codes: Vec<i32> = [one, two]
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status.code().unwrap())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [0, 1],
        "one is written, the other refused: {codes:?}"
    );
    f.run(&["check"]).code(0);
}

#[test]
fn a_locked_folder_is_waited_for_then_given_up_with_exit_2() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "");
    let before = read(&f, "a.toml");
    let lock = fs::File::create(f.plans().join(".plan.lock")).unwrap();
    lock.lock().unwrap();
    let out = plan_in(f.dir())
        .env("PLAN_LOCK_TIMEOUT", "1.5")
        .args(["note", "a", "Blocked."])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(err.contains("waiting for another plan command"), "{err}");
    assert!(err.contains("locked by another plan command"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(read(&f, "a.toml"), before);
    lock.unlock().unwrap();
    dated(&f, &["note", "a", "Now."]).code(0);
}

#[test]
fn init_checks_that_the_folder_is_empty_again_once_it_holds_the_lock() {
    // `plan init DIR` finds DIR empty, then waits for the lock while another command writes
    // a file into it: under the lock it sees the file and writes nothing.
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("ny");
    fs::create_dir(&new).unwrap();
    let lock = fs::File::create(new.join(".plan.lock")).unwrap();
    lock.lock().unwrap();
    let child = process(dir.path(), &["init", "ny", "--year", "2018"])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    fs::write(new.join("a.toml"), "title = \"A\"\n").unwrap();
    lock.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("exists and is not empty"), "{err}");
    assert!(!new.join("plan.toml").exists());
}

#[test]
fn a_command_waiting_for_the_lock_works_on_the_file_as_it_is_then() {
    // An editor (which takes no lock) saves while the command waits for the lock: the
    // command reads the file only once it holds the lock, so the edit is kept. (A save
    // between reading and renaming is refused: src/write/tests.rs.)
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "");
    let lock = fs::File::create(f.plans().join(".plan.lock")).unwrap();
    lock.lock().unwrap();
    let child = process(f.dir(), &["note", "a", "Mine."]).spawn().unwrap();
    // The command now waits for the lock, before it has read anything; an editor saves.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let edited =
        "title = \"Initiative a\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nowner = \"Anne\"\n";
    fs::write(f.plans().join("a.toml"), edited).unwrap();
    lock.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    // It read the edited file after the lock: both the edit and the note are there.
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    assert!(
        text.contains("owner = \"Anne\"") && text.contains("Mine."),
        "{text}"
    );
}

// ---- 2. nothing dropped ----------------------------------------------------------------

#[test]
fn note_keeps_a_log_written_as_a_table() {
    let f = Fixture::new().filled().initiative(
        "a",
        "Q2",
        &["Hygge"],
        "\n[log]\ndate = 2017-04-20\ntext = \"Første møde.\"\n",
    );
    dated(&f, &["note", "a", "Andet møde."]).code(0);
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    assert!(
        text.contains("[[log]]\ndate = 2017-04-20\ntext = \"Første møde.\""),
        "{text}"
    );
    assert!(text.contains("Andet møde."), "{text}");
    f.run(&["check"]).code(0);
}

#[test]
fn note_keeps_a_log_written_with_dotted_keys() {
    let f = Fixture::new().filled().initiative(
        "a",
        "Q2",
        &["Hygge"],
        "log.date = 2017-04-20\nlog.text = \"Første møde.\" # i salen\nowner = \"Anne\"\n",
    );
    dated(&f, &["note", "a", "Andet møde."]).code(0);
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    assert!(
        text.contains("[[log]]\ndate = 2017-04-20\ntext = \"Første møde.\" # i salen\n"),
        "{text}"
    );
    assert!(text.contains("owner = \"Anne\""), "{text}");
    assert!(text.contains("Andet møde."), "{text}");
    f.run(&["check"]).code(0);
}

#[test]
fn note_refuses_a_log_written_as_text_and_leaves_the_file() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "log = \"Første møde\"\n");
    let before = read(&f, "a.toml");
    let out = dated(&f, &["note", "a", "Andet møde."]).code(1);
    assert!(
        stderr(&out).contains("not a list of dated notes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&f, "a.toml"), before);
}

#[test]
fn adding_to_tags_written_as_text_keeps_them() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "tags = \"kultur, børn\"\n");
    dated(&f, &["set", "a", "tags+=ny"]).code(0);
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    assert!(
        text.contains("tags = [\"kultur\", \"børn\", \"ny\"]"),
        "{text}"
    );
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "tags = [\"kultur\", 3]\n");
    let before = read(&f, "a.toml");
    dated(&f, &["set", "a", "tags+=ny"]).code(1);
    assert_eq!(read(&f, "a.toml"), before);
}

// ---- 3. special files ------------------------------------------------------------------

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Process::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo");
}

#[cfg(unix)]
#[test]
fn report_force_writes_into_a_named_pipe_and_never_replaces_it() {
    use std::io::Read as _;
    use std::os::unix::fs::FileTypeExt;
    let f = Fixture::new().filled();
    let fifo = f.dir().join("memo.pipe");
    mkfifo(&fifo);
    // No reader: refused with the reason, at once, and the pipe stays a pipe.
    let out = f
        .run(&[
            "report",
            "-q",
            "Q2",
            "--format",
            "markdown",
            "-o",
            "memo.pipe",
            "--force",
        ])
        .code(2);
    assert!(
        stderr(&out).contains("no one is reading"),
        "{}",
        stderr(&out)
    );
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    // With a reader: the memo goes through the pipe.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    // Give the reader time to open its end.
    let mut tries = 0;
    loop {
        let out = plan_in(f.dir())
            .args([
                "report",
                "-q",
                "Q2",
                "--format",
                "markdown",
                "-o",
                "memo.pipe",
                "--force",
            ])
            .assert();
        if out.get_output().status.success() {
            break;
        }
        tries += 1;
        assert!(tries < 50, "{}", stderr(&out));
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let text = reader.join().unwrap();
    assert!(text.contains("Testplan") || text.contains("2017"), "{text}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    // In a plan folder a pipe is never a file to write into: `init --force` refuses it.
    let new = f.dir().join("plan-2018");
    fs::create_dir(&new).unwrap();
    mkfifo(&new.join("plan.toml"));
    let out = f
        .run(&["init", "plan-2018", "--year", "2018", "--force"])
        .code(2);
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    assert!(fs::symlink_metadata(new.join("plan.toml"))
        .unwrap()
        .file_type()
        .is_fifo());
    assert!(fs::read_dir(f.dir()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".plan-")));
}

#[cfg(unix)]
#[test]
fn report_writes_into_a_character_device_and_standard_output() {
    use std::os::unix::fs::FileTypeExt;
    let f = Fixture::new().filled();
    for force in [false, true] {
        let mut args = vec![
            "report",
            "-q",
            "Q2",
            "--format",
            "markdown",
            "-o",
            "/dev/null",
        ];
        if force {
            args.push("--force");
        }
        f.run(&args).code(0);
        assert!(fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
    }
    // /dev/stdout is whatever standard output is (here a pipe): written into.
    let out = f
        .run(&[
            "report",
            "-q",
            "Q2",
            "--format",
            "markdown",
            "-o",
            "/dev/stdout",
        ])
        .code(0);
    assert!(stdout(&out).contains("2017"), "{}", stdout(&out));
}

// ---- 4. links out of the folder --------------------------------------------------------

#[cfg(unix)]
#[test]
fn init_force_never_writes_through_a_link_out_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("plan-2018");
    fs::create_dir(&new).unwrap();
    let outside = dir.path().join("secret.toml");
    fs::write(&outside, "keep me\n").unwrap();
    std::os::unix::fs::symlink(&outside, new.join("plan.toml")).unwrap();
    let out = plan_in(dir.path())
        .args(["init", "plan-2018", "--year", "2018", "--force"])
        .assert()
        .code(2);
    assert!(stderr(&out).contains("leads out of"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me\n");
    assert!(fs::symlink_metadata(new.join("plan.toml"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[cfg(unix)]
#[test]
fn set_never_writes_through_a_link_out_of_the_plan_folder() {
    let f = Fixture::new().filled();
    let outside = f.dir().join("elsewhere.toml");
    fs::write(
        &outside,
        "title = \"Ude\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, f.plans().join("ude.toml")).unwrap();
    let before = fs::read(&outside).unwrap();
    // The loader does not follow the link, and no write does: refused (exit 2, the link
    // named as such), untouched.
    for args in [
        &["set", "ude", "status=done"][..],
        &["note", "ude", "Møde."],
    ] {
        let out = dated(&f, args).code(2);
        assert!(
            stderr(&out).contains("the link leads out of the plan folder"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(fs::read(&outside).unwrap(), before);
}

// ---- 5. and 7. permissions -------------------------------------------------------------

#[cfg(unix)]
#[test]
fn set_keeps_a_private_file_private() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "");
    let path = f.plans().join("a.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    dated(&f, &["set", "a", "status=active"]).code(0);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_changed_only_with_force() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "");
    let path = f.plans().join("a.toml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = read(&f, "a.toml");
    // Decided from the permission bits, so this holds when the tests run as root too.
    for args in [
        &["set", "a", "status=active"][..],
        &["note", "a", "Møde."][..],
    ] {
        let out = dated(&f, args).code(1);
        assert!(stderr(&out).contains("is read-only"), "{}", stderr(&out));
        assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
        assert_eq!(read(&f, "a.toml"), before);
    }
    dated(&f, &["set", "--force", "a", "status=active"]).code(0);
    dated(&f, &["note", "--force", "a", "Møde."]).code(0);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    assert!(
        text.contains("status = \"active\"") && text.contains("Møde."),
        "{text}"
    );
}

// ---- 6. a plan.toml that cannot be trusted ---------------------------------------------

#[test]
fn writing_commands_refuse_a_plan_toml_with_errors_or_not_text() {
    for manifest in [
        &b"[plan]\ntitle = \"T\"\nyear = \"tyve\"\n"[..],
        &b"[plan]\ntitle = \"\xff\xfe\"\nyear = 2017\n"[..],
    ] {
        let f = Fixture::new()
            .filled()
            .initiative("a", "Q2", &["Hygge"], "")
            .bytes("plan.toml", manifest);
        let before = read(&f, "a.toml");
        for args in [
            &["set", "a", "status=active"][..],
            &["note", "a", "Møde."][..],
            &["new", "Ny", "--period", "Q2", "--track", "Hygge"][..],
        ] {
            let out = dated(&f, args).code(1);
            assert!(
                stderr(&out).contains("cannot be trusted"),
                "{}",
                stderr(&out)
            );
        }
        assert_eq!(read(&f, "a.toml"), before);
        assert!(!f.plans().join("ny.toml").exists());
    }
}

#[cfg(unix)]
#[test]
fn writing_commands_refuse_an_unreadable_plan_toml() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new()
        .filled()
        .manifest("")
        .initiative("a", "Q2", &["Hygge"], "");
    let manifest = f.plans().join("plan.toml");
    fs::set_permissions(&manifest, fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = plan_in(f.dir());
    if fs::read(&manifest).is_ok() {
        // Root reads a 0000 file: run the binary as `nobody` (util-linux's setpriv), in a
        // fixture that user can walk and lock, so that only plan.toml is out of its reach.
        if !Path::new("/usr/bin/setpriv").exists() {
            eprintln!("skipped: running as root and no setpriv to run as another user");
            return;
        }
        fs::set_permissions(f.dir(), fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(f.plans(), fs::Permissions::from_mode(0o777)).unwrap();
        fs::set_permissions(f.plans().join("a.toml"), fs::Permissions::from_mode(0o666)).unwrap();
        cmd = snapbox::cmd::Command::new("/usr/bin/setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(snapbox::cmd::cargo_bin!("plan"))
            .env_remove("PLAN_DIR")
            .env_remove("PLAN_TODAY")
            .current_dir(f.dir());
    }
    let before = read(&f, "a.toml");
    let out = cmd
        .args(["--today", "2017-05-15", "set", "a", "status=active"])
        .assert()
        .code(1);
    assert!(stderr(&out).contains("plan.toml"), "{}", stderr(&out));
    assert_eq!(read(&f, "a.toml"), before);
}

// ---- 8. file systems without no-overwrite rename ----------------------------------------

#[test]
#[ignore = "needs a file system without no-overwrite rename or hard links (some FUSE and network mounts), named by PLAN_TEST_NO_LINK_DIR; the fallback itself is tested in src/write/tests.rs"]
fn new_works_where_the_file_system_has_no_hard_links() {
    let dir = std::env::var("PLAN_TEST_NO_LINK_DIR").expect("PLAN_TEST_NO_LINK_DIR");
    let root = tempfile::tempdir_in(dir).unwrap();
    fs::create_dir(root.path().join("plans")).unwrap();
    plan_in(root.path())
        .args(["new", "Ny", "--period", "Q2", "--track", "Hygge"])
        .assert()
        .code(0);
    assert!(root.path().join("plans/ny.toml").exists());
}

// ---- 15. comments in lists -------------------------------------------------------------

#[test]
fn comments_stay_beside_their_values_when_a_list_changes() {
    let f = Fixture::new().filled().initiative(
        "a",
        "Q2",
        &["Hygge"],
        "tags = [\"a\", # first\n  \"b\", # second\n]\n",
    );
    dated(&f, &["set", "a", "tags+=c"]).code(0);
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    assert!(
        text.contains("tags = [\"a\", # first\n  \"b\", # second\n  \"c\",\n]\n"),
        "{text}"
    );
    dated(&f, &["set", "a", "tags-=a"]).code(0);
    let text = String::from_utf8(read(&f, "a.toml")).unwrap();
    assert!(
        text.contains("tags = [\n  \"b\", # second\n  \"c\",\n]\n"),
        "{text}"
    );
}

// ---- 16. import ------------------------------------------------------------------------

const MEMO: &str = "Handleplan 2017\nTidsplan\tIndsats\tSpor\n2. kvartal 2017\tLæseklub for unge i Jyllinge\tHygge\n\tSprogcafé i Viby\tHygge\n";

#[test]
fn an_import_with_something_in_the_way_writes_nothing_and_names_it() {
    let f = Fixture::new().filled().manifest("");
    fs::write(f.dir().join("memo.txt"), MEMO).unwrap();
    // Something that is not an initiative already has the second file's name: the first
    // is not moved in either.
    fs::create_dir(f.plans().join("sprogcafe-i-viby.toml")).unwrap();
    let out = dated(&f, &["import", "memo.txt"]).code(2);
    let err = stderr(&out);
    assert!(err.contains("plans/sprogcafe-i-viby.toml"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(!f
        .plans()
        .join("laeseklub-for-unge-i-jyllinge.toml")
        .exists());
    assert_eq!(stdout(&out), "");
    // No staging folder is left behind.
    let hidden: Vec<String> = fs::read_dir(f.plans())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn an_import_error_names_the_memo_line() {
    let f = Fixture::new().filled();
    // A row whose text makes no title.
    let memo = "Tidsplan\tIndsats\tSpor\n2. kvartal 2017\tLæseklub i Jyllinge\tHygge\n\t–\tHygge\n";
    fs::write(f.dir().join("memo.txt"), memo).unwrap();
    let out = dated(&f, &["import", "memo.txt"]).code(1);
    let err = stderr(&out);
    assert!(err.contains("--> memo.txt:3"), "{err}");
    assert!(err.contains("gives no title"), "{err}");
    assert!(!err.contains("row-3"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        fs::read_dir(f.plans()).unwrap().count(),
        3,
        "only the three filled files"
    );
}

#[test]
fn an_import_into_a_new_folder_that_fails_leaves_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let memo = "Tidsplan\tIndsats\tSpor\n2. kvartal 2017\t–\tHygge\n";
    fs::write(dir.path().join("memo.txt"), memo).unwrap();
    plan_in(dir.path())
        .args(["--today", "2017-05-15", "import", "memo.txt"])
        .assert()
        .code(1);
    assert!(!dir.path().join("plans").exists());
}

// ---- 17. ids ---------------------------------------------------------------------------

#[test]
fn windows_device_names_are_never_ids() {
    let f = Fixture::new().filled();
    let out = dated(&f, &["new", "Con", "--period", "Q2", "--track", "Hygge"]).code(0);
    assert_eq!(stdout(&out), "plans/con-2.toml\n");
    let out = dated(
        &f,
        &[
            "new", "Printer", "--period", "Q2", "--track", "Hygge", "--id", "prn",
        ],
    )
    .code(2);
    assert!(
        stderr(&out).contains("Windows reserves"),
        "{}",
        stderr(&out)
    );
    assert!(!f.plans().join("prn.toml").exists());
}

#[test]
fn an_id_suggested_for_a_bad_name_is_never_a_windows_device_name() {
    let f = Fixture::new().filled();
    // `--id` values that are no id, or a reserved one in another case: the suggestion is an
    // id `plan new` accepts.
    for (typed, suggested) in [("COM1", "com1-2"), ("con.", "con-2"), ("nul ", "nul-2")] {
        let out = dated(
            &f,
            &[
                "new", "X", "--period", "Q2", "--track", "Hygge", "--id", typed,
            ],
        )
        .code(2);
        let err = stderr(&out);
        assert!(err.contains(&format!("use --id {suggested}\n")), "{err}");
        dated(
            &f,
            &[
                "new", "X", "--period", "Q2", "--track", "Hygge", "--id", suggested,
            ],
        )
        .code(0);
    }
    // A file name that is no id: `check` and `set` suggest a name that is not reserved.
    let f = Fixture::new()
        .filled()
        .initiative("Lpt1", "Q2", &["Hygge"], "");
    let out = f.run(&["check"]);
    assert!(
        stdout(&out).contains("e.g. `lpt1-2.toml`"),
        "{}",
        stdout(&out)
    );
    let out = dated(&f, &["set", "Lpt1", "status=active"]).code(1);
    assert!(stderr(&out).contains("lpt1-2.toml"), "{}", stderr(&out));
}

#[test]
fn a_decomposed_title_gives_the_same_id_as_a_composed_one() {
    let f = Fixture::new().filled();
    let nfc = "Åben café på Ærø";
    let nfd = "A\u{30a}ben cafe\u{301} pa\u{30a} \u{c6}ro\u{308}";
    let out = dated(&f, &["new", nfc, "--period", "Q2", "--track", "Hygge"]).code(0);
    assert_eq!(stdout(&out), "plans/aaben-cafe-paa-aeroe.toml\n");
    let out = dated(&f, &["new", nfd, "--period", "Q2", "--track", "Hygge"]).code(1);
    assert!(stderr(&out).contains("exists already"), "{}", stderr(&out));
    let out = dated(
        &f,
        &["new", "ﬁnal ﬂow", "--period", "Q2", "--track", "Hygge"],
    )
    .code(0);
    assert_eq!(stdout(&out), "plans/final-flow.toml\n");
}

#[test]
fn a_file_name_that_is_not_an_id_is_named_with_how_to_rename_it() {
    let f = Fixture::new()
        .filled()
        .initiative("Udearealer", "Q2", &["Hygge"], "");
    let before = read(&f, "Udearealer.toml");
    let out = dated(&f, &["set", "Udearealer", "status=active"]).code(1);
    let err = stderr(&out);
    assert!(err.contains("file name is not a valid id"), "{err}");
    assert!(err.contains("udearealer.toml"), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    let out = dated(&f, &["note", "udearealer", "Møde."]).code(1);
    assert!(
        stderr(&out).contains("file name is not a valid id"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&f, "Udearealer.toml"), before);
    // Beside a file that has the lowercase name, the two are named as a clash.
    let f = f.initiative("udearealer", "Q2", &["Hygge"], "");
    let out = dated(&f, &["set", "Udearealer", "status=active"]).code(1);
    assert!(stderr(&out).contains("clash"), "{}", stderr(&out));
}
