//! A builder for fixture plan folders in temp dirs, and a runner for the real binary.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use snapbox::cmd::{cargo_bin, Command};

/// The real 2017 plan shipped with the project.
pub fn shipped_plans() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans")
}

/// `plan` with a clean environment: no PLAN_DIR, PLAN_TODAY or NO_COLOR from the caller,
/// a fixed terminal width, and run in `dir`.
pub fn plan_in(dir: &Path) -> Command {
    Command::new(cargo_bin!("plan"))
        .env_remove("PLAN_DIR")
        .env_remove("PLAN_TODAY")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100")
        .current_dir(dir)
}

/// `plan` run from the project root, so that shipped paths display as `plans/…`.
pub fn plan() -> Command {
    plan_in(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// A plan folder in a temp dir, built file by file. Without `manifest`, the embedded
/// default catalogue (the 2017 tracks and places) applies.
pub struct Fixture {
    pub root: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let root = tempfile::tempdir().expect("temp dir");
        fs::create_dir(root.path().join("plans")).expect("plans dir");
        Fixture { root }
    }

    /// The folder that holds `plans/` (run the binary here).
    pub fn dir(&self) -> &Path {
        self.root.path()
    }

    pub fn plans(&self) -> PathBuf {
        self.root.path().join("plans")
    }

    /// Writes `plans/<relative>` with `content`, creating folders.
    pub fn file(self, relative: &str, content: &str) -> Fixture {
        self.bytes(relative, content.as_bytes())
    }

    pub fn bytes(self, relative: &str, content: &[u8]) -> Fixture {
        let path = self.plans().join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("fixture folder");
        }
        fs::write(&path, content).expect("fixture file");
        self
    }

    /// A small valid initiative: `title`, `period`, `tracks`, plus `extra` lines.
    pub fn initiative(self, id: &str, period: &str, tracks: &[&str], extra: &str) -> Fixture {
        let tracks: Vec<String> = tracks.iter().map(|t| format!("{t:?}")).collect();
        let text = format!(
            "title = \"Initiative {id}\"\nperiod = \"{period}\"\ntracks = [{}]\n{extra}",
            tracks.join(", ")
        );
        self.file(&format!("{id}.toml"), &text)
    }

    /// A manifest with the given `[rules]` lines and the default catalogue.
    pub fn manifest(self, rules: &str) -> Fixture {
        let text = format!(
            "[plan]\ntitle = \"Testplan\"\nyear = 2017\nlanguage = \"da\"\n\n[rules]\n{rules}\n"
        );
        self.file("plan.toml", &text)
    }

    /// Enough initiatives (three per track of the default catalogue) that `min-per-track`
    /// is met, so a test sees only the finding it provokes.
    pub fn filled(self) -> Fixture {
        let tracks = [
            "Indgang til fællesskab",
            "Viden og vejledning",
            "En lokal aktør",
            "Hygge",
            "Struktur for livet",
            "Fordybelse",
            "Digitale forbindelser",
        ];
        let mut f = self;
        for n in 1..=3 {
            let id = format!("fill-{n}");
            f = f.initiative(&id, "year", &tracks, "");
        }
        f
    }

    pub fn run(&self, args: &[&str]) -> snapbox::cmd::OutputAssert {
        plan_in(self.dir()).args(args).assert()
    }
}

/// Fails unless every line of `text` is at most `width` characters (a terminal table or a
/// memo wrapped to its width); `context` names the case.
pub fn assert_fits(text: &str, width: usize, context: &str) {
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= width, "{context}: {widest} > {width}\n{text}");
}

/// The stdout of a run as a string.
pub fn stdout(assert: &snapbox::cmd::OutputAssert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

pub fn stderr(assert: &snapbox::cmd::OutputAssert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}
