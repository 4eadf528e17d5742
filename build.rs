//! Build-time facts for the tests: whether a Chromium is on `PATH`.
//!
//! Without one, the browser test (`tests/cli/report.rs`) is marked `#[ignore]` through the
//! `no_chromium` cfg, so that `cargo test` reports it as "1 ignored" in the summary a reader
//! sees, instead of a quiet pass. With `CI` set the cfg is never set: CI must run the test,
//! and it fails there when Chromium is missing.
//!
//! Cargo runs this again when `PATH` or `CI` changes, or when a folder on `PATH` changes
//! (installing Chromium adds a file to `/usr/bin`).

use std::env;
use std::path::PathBuf;

/// The names Chromium is installed under (Debian, Ubuntu's snap wrapper, Google's build).
const NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_chromium)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=CI");
    let dirs: Vec<PathBuf> = env::var_os("PATH")
        .map(|p| env::split_paths(&p).collect())
        .unwrap_or_default();
    for dir in dirs.iter().filter(|d| d.is_absolute() && d.is_dir()) {
        println!("cargo::rerun-if-changed={}", dir.display());
    }
    let found = dirs
        .iter()
        .flat_map(|dir| NAMES.iter().map(move |n| dir.join(n)))
        .any(|p| p.is_file());
    let in_ci = env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    if !found && !in_ci {
        println!("cargo::rustc-cfg=no_chromium");
    }
}
