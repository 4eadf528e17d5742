//! The floor `plan check` is measured against:
//!
//! - `floor read DIR`: walk the folder (hidden entries skipped, as `plan` does) and read
//!   every `*.toml` file into memory;
//! - `floor parse DIR`: the same, and deserialize every file into typed structs with serde
//!   and the same `toml` crate. All structs are kept until the end, since cross-file rules
//!   need every initiative at once; the file text is dropped once parsed.
//!
//! - `floor parse-keep DIR`: parse, and also keep every file's text, as `plan` does for
//!   its diagnostics: what the floor would hold if it had to show source lines.
//!
//! All use every core the way `plan` does (the files split into one chunk per core);
//! `--threads 1` runs on one. Prints the number of files (and initiatives parsed), so the
//! work cannot be optimised away.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Initiative {
    title: String,
    description: Option<String>,
    period: String,
    tracks: Vec<String>,
    #[serde(default)]
    locations: Vec<String>,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    depends_on: Vec<String>,
    status: Option<String>,
    deadline: Option<toml::value::Datetime>,
    funding: Option<String>,
    owner: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    follow_up: Option<String>,
    added: Option<toml::value::Datetime>,
    #[serde(default)]
    log: Vec<LogEntry>,
}

/// A `[[log]]` entry: a dated note, a dated change of a field (`status = { from, to }`), or
/// both (the history format of `plan`'s README, "Time: the plan's history").
#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LogEntry {
    date: toml::value::Datetime,
    text: Option<String>,
    status: Option<Change<String>>,
    funding: Option<Change<String>>,
    period: Option<Change<String>>,
    deadline: Option<Change<toml::value::Datetime>>,
    tracks: Option<Change<Vec<String>>>,
    locations: Option<Change<Vec<String>>>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change<T> {
    from: Option<T>,
    to: T,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Manifest {
    plan: PlanInfo,
    rules: Option<toml::Table>,
    #[serde(default)]
    track: Vec<Named>,
    #[serde(default)]
    location: Vec<Named>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct PlanInfo {
    title: String,
    year: i64,
    owner: Option<String>,
    issued: Option<toml::value::Datetime>,
    language: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Named {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            walk(&entry.path(), out);
        } else if kind.is_file() && name.ends_with(".toml") {
            out.push(entry.path());
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, dir, threads) = match args.as_slice() {
        [mode, dir] => (mode.as_str(), dir, None),
        [mode, dir, flag, n] if flag == "--threads" => {
            (mode.as_str(), dir, Some(n.parse::<usize>().expect("--threads N")))
        }
        _ => {
            eprintln!("usage: floor read|parse|parse-keep DIR [--threads N]");
            std::process::exit(2);
        }
    };
    let root = Path::new(dir);
    let mut paths = Vec::new();
    walk(root, &mut paths);
    paths.sort();
    let manifest_path = root.join("plan.toml");
    paths.retain(|p| p != &manifest_path);

    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(paths.len().div_ceil(64).max(1));
    let chunk = paths.len().div_ceil(threads).max(1);
    let parse = mode == "parse" || mode == "parse-keep";
    let keep = mode == "parse-keep" || mode == "read";
    let manifest = fs::read_to_string(&manifest_path).ok().map(|text| {
        if parse {
            Some(toml::from_str::<Manifest>(&text).expect("plan.toml"))
        } else {
            None
        }
    });

    // Each chunk: the texts read (read mode) or the initiatives parsed (parse mode).
    let results: Vec<(Vec<String>, Vec<Initiative>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut texts = Vec::new();
                    let mut initiatives = Vec::new();
                    let mut failed = 0;
                    for path in part {
                        let text = fs::read_to_string(path).expect("readable UTF-8 file");
                        if parse {
                            match toml::from_str::<Initiative>(&text) {
                                Ok(i) => initiatives.push(i),
                                Err(_) => failed += 1,
                            }
                        }
                        if keep {
                            texts.push(text);
                        }
                    }
                    (texts, initiatives, failed)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let texts: usize = results.iter().map(|r| r.0.len()).sum();
    let parsed: usize = results.iter().map(|r| r.1.len()).sum();
    let failed: usize = results.iter().map(|r| r.2).sum();
    println!(
        "{} files: {texts} read, {parsed} parsed, {failed} not parsed; manifest {}",
        paths.len(),
        if manifest.is_some() { "read" } else { "absent" }
    );
}
