//! Colour decided once, for standard output, standard error and clap's own help and errors:
//! `--color`, `NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`, `TERM=dumb` and "not a terminal".
//!
//! The terminal cases run the real binary on a pseudo-terminal made by util-linux `script`.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::*;

/// Quotes `arg` for `sh`.
fn quoted(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', r"'\''"))
}

/// Runs `plan ARGS` in `dir` on a pseudo-terminal (`script -qec CMD /dev/null`), with a clean
/// colour environment plus `env`; returns all the terminal received (standard output and
/// standard error both go to it).
fn on_a_terminal(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut line = quoted(env!("CARGO_BIN_EXE_plan"));
    for arg in args {
        line.push(' ');
        line.push_str(&quoted(arg));
    }
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .env("COLUMNS", "80")
        .env("TERM", "xterm-256color");
    for var in [
        "PLAN_DIR",
        "PLAN_TODAY",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "CI",
    ] {
        cmd.env_remove(var);
    }
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd
        .output()
        .expect("util-linux `script` makes the pseudo-terminal for this test");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A plan with a finding (a place not in the catalogue) and an initiative file with an error,
/// so that `status` writes a warning to standard error.
fn fixture() -> Fixture {
    Fixture::new()
        .filled()
        .initiative(
            "sent",
            "Q1",
            &["Hygge"],
            "locations = [\"Atlantis\"]\nstatus = \"planned\"\n",
        )
        .file(
            "broken.toml",
            "title = \"Broken\"\nperiod = \"Q9\"\ntracks = [\"Hygge\"]\n",
        )
}

const ESC: char = '\u{1b}';

#[test]
fn a_terminal_gets_colour_on_both_streams_unless_term_is_dumb() {
    let f = fixture();
    let today = ["--today", "2017-05-15"];
    let cases: [&[&str]; 5] = [
        &["status"],
        &["list"],
        &["show", "sent"],
        &["check"],
        &["show", "no-such-id"],
    ];
    for args in cases {
        let all: Vec<&str> = today.iter().chain(args).copied().collect();
        // The control: the pseudo-terminal works, so colour is there to lose.
        let coloured = on_a_terminal(f.dir(), &[], &all);
        assert!(coloured.contains(ESC), "{args:?}: {coloured:?}");
        let dumb = on_a_terminal(f.dir(), &[("TERM", "dumb")], &all);
        assert!(!dumb.contains(ESC), "{args:?}: {dumb:?}");
        assert!(dumb.len() > 20, "{args:?}: {dumb:?}");
        for off in [&[("NO_COLOR", "1")][..], &[("CLICOLOR", "0")][..]] {
            let plain = on_a_terminal(f.dir(), off, &all);
            assert!(!plain.contains(ESC), "{args:?} {off:?}: {plain:?}");
        }
        let mut never = vec!["--color", "never"];
        never.extend(&all);
        let plain = on_a_terminal(f.dir(), &[], &never);
        assert!(!plain.contains(ESC), "{args:?} --color never: {plain:?}");
    }
    // Standard error alone: the warning about the broken file, and a refused id.
    let warning = on_a_terminal(f.dir(), &[], &["--today", "2017-05-15", "status"]);
    assert!(warning.contains("33mwarning:"), "{warning:?}");
    let error = on_a_terminal(f.dir(), &[], &["show", "no-such-id"]);
    assert!(error.contains("31merror:"), "{error:?}");
}

#[test]
fn color_never_reaches_clap_help_and_errors_on_a_terminal() {
    let f = fixture();
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["status", "--bogus"],
    ] {
        let coloured = on_a_terminal(f.dir(), &[], args);
        assert!(coloured.contains(ESC), "{args:?}: {coloured:?}");
        for never in [&["--color", "never"][..], &["--color=never"]] {
            let all: Vec<&str> = never.iter().chain(args).copied().collect();
            let plain = on_a_terminal(f.dir(), &[], &all);
            assert!(!plain.contains(ESC), "{all:?}: {plain:?}");
            assert!(plain.contains("Usage"), "{all:?}: {plain:?}");
        }
        let dumb = on_a_terminal(f.dir(), &[("TERM", "dumb")], args);
        assert!(!dumb.contains(ESC), "{args:?}: {dumb:?}");
    }
}

#[test]
fn clicolor_force_colours_a_pipe_on_both_streams() {
    let f = fixture();
    let forced = plan_in(f.dir())
        .env("CLICOLOR_FORCE", "1")
        .args(["--today", "2017-05-15", "status"])
        .assert()
        .success();
    assert!(
        stdout(&forced).contains("\u{1b}[31m"),
        "{}",
        stdout(&forced)
    );
    assert!(
        stderr(&forced).contains("33mwarning:"),
        "{}",
        stderr(&forced)
    );
    let check = plan_in(f.dir())
        .env("CLICOLOR_FORCE", "1")
        .arg("check")
        .assert()
        .code(1);
    assert!(stdout(&check).contains(ESC), "{}", stdout(&check));
    // clap's own errors follow it too.
    let usage = plan_in(f.dir())
        .env("CLICOLOR_FORCE", "1")
        .args(["status", "--bogus"])
        .assert()
        .code(2);
    assert!(stderr(&usage).contains(ESC), "{}", stderr(&usage));
    // NO_COLOR and --color never win over it; without it, a pipe gets no colour.
    for (env, args) in [
        (Some(("NO_COLOR", "1")), &["status"][..]),
        (None, &["--color", "never", "status"][..]),
        (Some(("CLICOLOR_FORCE", "")), &["status"][..]),
    ] {
        let mut cmd = plan_in(f.dir()).env("CLICOLOR_FORCE", "1");
        if let Some((key, value)) = env {
            cmd = cmd.env(key, value);
        }
        let out = cmd.args(args).arg("--today=2017-05-15").assert().success();
        assert!(!stdout(&out).contains(ESC), "{env:?} {args:?}");
        assert!(!stderr(&out).contains(ESC), "{env:?} {args:?}");
    }
}
