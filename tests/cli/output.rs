//! Standard output that cannot be written: a reader that has gone, a closed descriptor, a
//! full disk. The result of a command never changes because its output could not be read,
//! and output that is lost is never exit 0. Also `PLAN_DIR=` (set but empty).

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::*;

/// The real binary with the clean environment of `support::plan_in`.
fn binary(dir: &Path) -> Command {
    let mut command = Command::new(snapbox::cmd::cargo_bin!("plan"));
    command
        .env_remove("PLAN_DIR")
        .env_remove("PLAN_TODAY")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100")
        .current_dir(dir);
    command
}

/// Runs `args` with standard output a pipe whose reading end is closed before `plan`
/// starts, so that its first write meets a reader that has gone.
fn with_reader_gone(dir: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    binary(dir)
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run plan")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_plan_with_errors_exits_1_when_the_reader_has_gone() {
    let f = Fixture::new()
        .filled()
        .initiative("fejl", "Q5", &["Hygge"], "");
    for format in ["text", "json", "github"] {
        let out = with_reader_gone(f.dir(), &["check", "--format", format]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{format}");
    }
    // And a plan without errors still exits 0.
    let ok = Fixture::new().filled();
    let out = with_reader_gone(ok.dir(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn completions_with_the_reader_gone_end_quietly() {
    for shell in ["bash", "zsh", "fish"] {
        let out = with_reader_gone(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &["completions", shell],
        );
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out.stderr));
        assert!(
            !text(&out.stderr).contains("panicked"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_closed_standard_output_is_exit_2_with_a_clear_message() {
    let out = binary(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["list"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run plan");
    // `/dev/null` opened by the caller is a place to write to: exit 0.
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // Descriptor 1 closed, as `plan list >&-` does.
    let out = Command::new("sh")
        .arg("-c")
        .arg("\"$0\" list >&-")
        .arg(snapbox::cmd::cargo_bin!("plan"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("PLAN_DIR")
        .output()
        .expect("run sh");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "error: cannot write the output: standard output is closed\n"
    );
}

#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_error_line_in_words() {
    for args in [
        &["list"][..],
        &["check"],
        &["--today", "2017-05-15", "status"],
        // Clap's own output too (it was exit 0).
        &["--help"],
        &["--version"],
        &["check", "--help"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = binary(Path::new(env!("CARGO_MANIFEST_DIR")))
            .args(args)
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .output()
            .expect("run plan");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            "error: cannot write the output: no space left on the device\n",
            "{args:?}"
        );
    }
}

#[test]
fn an_empty_plan_dir_is_as_if_unset() {
    let f = Fixture::new().filled();
    // With --plans given.
    let out = plan_in(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("PLAN_DIR", "")
        .args(["--plans"])
        .arg(f.plans())
        .args(["check"])
        .assert()
        .success();
    assert!(
        stdout(&out).contains("ok: 3 initiatives checked"),
        "{}",
        stdout(&out)
    );
    // Without: the default, ./plans.
    let out = plan_in(f.dir())
        .env("PLAN_DIR", "")
        .args(["check"])
        .assert()
        .success();
    assert!(
        stdout(&out).contains("ok: 3 initiatives checked"),
        "{}",
        stdout(&out)
    );
}
