//! The member folders a workspace manifest names: patterns expanded, `exclude` taken out,
//! duplicates dropped, and a short name for each.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{normalise, WorkspaceManifest};
use crate::error::Failure;
use crate::text::{clean_line, visible};

/// One member plan folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its name in the workspace: the folder's own name (`plans`, `eksempelby`), or the path
    /// as written when two members' folders have the same name. Used in `MEMBER/ID`,
    /// `--member` and the member column.
    pub name: String,
    /// The folder relative to the workspace folder, as resolved (`../../plans`, `libs/a`).
    pub relative: PathBuf,
    /// The folder with its links resolved ([`key`]): the same folder, however it is
    /// reached.
    pub folder: PathBuf,
    /// The folder relative to where `plan` runs (the workspace folder joined with
    /// `relative`, `..` taken back): what findings and file paths show.
    pub path: PathBuf,
}

/// Expands the manifest's members against the folder `dir`, leaving out the `excluded`
/// folders ([`excluded`]). `display` is the manifest's path, for errors. A literal member
/// that is not a folder is a usage error (exit 2).
pub fn resolve(
    dir: &Path,
    manifest: &WorkspaceManifest,
    excluded: &HashSet<PathBuf>,
    display: &str,
) -> Result<Vec<Member>, Failure> {
    let mut seen = HashSet::new();
    let mut relatives = Vec::new();
    for pattern in &manifest.members {
        let found = expand(dir, pattern);
        if found.is_empty() && !is_pattern(pattern) {
            return Err(Failure::usage(format!(
                "workspace manifest `{display}`: member `{}` is not a folder",
                crate::text::visible_line(pattern)
            ))
            .with_help("members are plan folders relative to the workspace's plan.toml"));
        }
        for relative in found {
            // A folder a pattern matches is a member only when it holds a plan (an empty
            // folder beside the libraries' is not a library with the built-in catalogue).
            if is_pattern(pattern) && !holds_a_plan(&dir.join(&relative)) {
                continue;
            }
            // A workspace is not a plan: named, it is a mistake (the root itself as `.`, a
            // network of networks); matched by a pattern, it is not a member.
            let manifest = std::fs::read_to_string(dir.join(&relative).join("plan.toml"));
            if manifest.is_ok_and(|text| super::manifest::is_workspace(&text)) {
                if is_pattern(pattern) {
                    continue;
                }
                return Err(Failure::usage(format!(
                    "workspace manifest `{display}`: member `{}` is a workspace itself, not a plan",
                    crate::text::visible_line(pattern)
                ))
                .with_help("name the plan folders of that workspace as members instead"));
            }
            let k = key(dir, &relative);
            if !excluded.contains(&k) && seen.insert(k.clone()) {
                relatives.push((relative, k, is_pattern(pattern)));
            }
        }
    }
    let relatives = without_overlaps(relatives, display)?;
    let own_name = |r: &PathBuf| {
        let normal = normalise(&std::path::absolute(dir.join(r)).unwrap_or_else(|_| dir.join(r)));
        normal
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| r.display().to_string())
    };
    // A name is shown with its unsafe characters as escapes (`new\u{a}line`), so that two
    // folders whose names differ only in them have two names, never one look-alike.
    let names: Vec<String> = relatives
        .iter()
        .map(|(r, _)| visible(&own_name(r)).into_owned())
        .collect();
    Ok(relatives
        .iter()
        .zip(&names)
        .map(|((relative, folder), name)| {
            let shared = names.iter().filter(|n| *n == name).count() > 1;
            let name = if shared {
                visible(&relative.display().to_string().replace('\\', "/")).into_owned()
            } else {
                name.clone()
            };
            Member {
                name: clean_line(&name),
                relative: relative.clone(),
                folder: folder.clone(),
                path: normalise(&dir.join(relative)),
            }
        })
        .collect())
}

/// The members (folder as resolved, its [`key`], whether a pattern found it) without those
/// that lie inside another member's folder: that member reads their files already, so they
/// would be counted twice. A folder holding a `plan.toml` of its own is no overlap (the
/// member around it leaves it out as a nested plan). One a pattern found is dropped (it is
/// part of the member around it); one named on its own is a usage error (exit 2), naming
/// both.
fn without_overlaps(
    members: Vec<(PathBuf, PathBuf, bool)>,
    display: &str,
) -> Result<Vec<(PathBuf, PathBuf)>, Failure> {
    let mut kept = Vec::with_capacity(members.len());
    for (i, (relative, k, by_pattern)) in members.iter().enumerate() {
        let around = members.iter().enumerate().find(|(j, (_, outer, _))| {
            *j != i && k != outer && k.starts_with(outer) && reads_into(outer, k)
        });
        match around {
            Some((_, (outer, ..))) => {
                if *by_pattern {
                    continue;
                }
                return Err(Failure::usage(format!(
                    "workspace manifest `{display}`: member `{}` lies inside member `{}`, which reads its files already: they would be counted twice",
                    visible(&relative.display().to_string()),
                    visible(&outer.display().to_string()),
                ))
                .with_help(format!(
                    "remove `{}` from members, or give it a plan.toml of its own (a plan of its own, which `{}` then leaves out)",
                    visible(&relative.display().to_string()),
                    visible(&outer.display().to_string()),
                )));
            }
            _ => kept.push((relative.clone(), k.clone())),
        }
    }
    Ok(kept)
}

/// Whether the plan in `outer` reads the files of its sub-folder `inner` (both resolved):
/// not when `inner`, or a folder between the two, holds a `plan.toml` of its own (a nested
/// plan, left out), nor when one of them is hidden (the walk skips it).
fn reads_into(outer: &Path, inner: &Path) -> bool {
    let Ok(below) = inner.strip_prefix(outer) else {
        return false;
    };
    let mut folder = outer.to_path_buf();
    for part in below.components() {
        if part.as_os_str().as_encoded_bytes().starts_with(b".") {
            return false;
        }
        folder.push(part);
        if crate::load::walk::holds_plan(&folder) {
            return false;
        }
    }
    true
}

/// The folders the manifest's `exclude` names, links resolved ([`key`]).
pub fn excluded(dir: &Path, manifest: &WorkspaceManifest) -> HashSet<PathBuf> {
    manifest
        .exclude
        .iter()
        .flat_map(|pattern| expand(dir, pattern))
        .map(|found| key(dir, &found))
        .collect()
}

/// What lies in the workspace folder `dir` outside its members: the initiative files no
/// member holds (a `*.toml` with `period` or `tracks`, as an initiative has: not another
/// tool's `Cargo.toml` or `netlify.toml` beside the plans), never read by any command, and
/// the sub-folders holding a plan of their own (a `plan.toml`) that are not members. Both
/// as paths relative to `dir`, sorted. Hidden entries are passed over, links not followed,
/// and neither the members' folders nor the `excluded` ones are entered (nor a plan
/// folder's: its files are its own).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Strays {
    pub files: Vec<PathBuf>,
    pub plans: Vec<PathBuf>,
}

/// The [`Strays`] of the workspace folder `dir`, whose members are `members`.
pub fn strays(dir: &Path, members: &[Member], excluded: &HashSet<PathBuf>) -> Strays {
    let skip: HashSet<&Path> = members
        .iter()
        .map(|m| m.folder.as_path())
        .chain(excluded.iter().map(PathBuf::as_path))
        .collect();
    let mut found = Strays::default();
    let mut folders = vec![PathBuf::new()];
    while let Some(relative) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(dir.join(&relative)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = relative.join(&name);
            if kind.is_dir() {
                let folder = key(dir, &path);
                if skip.contains(folder.as_path()) {
                    continue;
                }
                if crate::load::walk::holds_plan(&dir.join(&path)) {
                    found.plans.push(path);
                } else {
                    folders.push(path);
                }
            } else if !kind.is_symlink()
                && path.extension().is_some_and(|e| e == "toml")
                && path != Path::new("plan.toml")
                && reads_as_an_initiative(&dir.join(&path))
            {
                found.files.push(path);
            }
        }
    }
    found.files.sort();
    found.plans.sort();
    found
}

/// Whether the file at `path` is an initiative's, as far as a glance tells: a line that
/// sets `period` or `tracks` at the top of the file (before any `[table]`), in a text file.
/// A broken initiative still does; another tool's TOML (`Cargo.toml`) does not.
fn reads_as_an_initiative(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    text.lines()
        .map(str::trim_start)
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| line.split_once('='))
        .any(|(key, _)| matches!(key.trim().trim_matches('"'), "period" | "tracks"))
}

/// The same folder, however it was reached.
fn key(dir: &Path, relative: &Path) -> PathBuf {
    let path = dir.join(relative);
    std::fs::canonicalize(&path).unwrap_or(path)
}

/// Whether `folder` holds a plan: a `plan.toml`, or a `.toml` file in it or in one of its
/// sub-folders (a plan without a manifest, its initiatives by quarter). Hidden entries do
/// not count, nor does a sub-folder with a `plan.toml` of its own: that is a plan of its own
/// (`nested-plan`), which the walk leaves out of this folder's plan.
fn holds_a_plan(folder: &Path) -> bool {
    // A folder that cannot be listed may hold a plan: it is a member, whose reading then
    // says what is wrong (it was passed over without a word, its initiatives missing from
    // the totals).
    let Some((tomls, folders)) = listed(folder) else {
        return true;
    };
    !tomls.is_empty()
        || folders.iter().any(|sub| {
            let (files, _) = listed(sub).unwrap_or_default();
            !files.is_empty() && !files.iter().any(|f| f.ends_with("plan.toml"))
        })
}

/// The visible entries of `folder`: its `*.toml` files, and its sub-folders; `None` when it
/// cannot be listed.
fn listed(folder: &Path) -> Option<(Vec<PathBuf>, Vec<PathBuf>)> {
    let (mut tomls, mut folders) = (Vec::new(), Vec::new());
    let entries = std::fs::read_dir(folder).ok()?.flatten();
    for entry in entries.filter(|e| !e.file_name().as_encoded_bytes().starts_with(b".")) {
        let path = entry.path();
        if path.is_dir() {
            folders.push(path);
        } else if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            tomls.push(path);
        }
    }
    Some((tomls, folders))
}

fn is_pattern(text: &str) -> bool {
    text.contains(['*', '?'])
}

/// The folders (relative to `dir`) that `pattern` names, sorted within each pattern part.
fn expand(dir: &Path, pattern: &str) -> Vec<PathBuf> {
    let mut found = vec![PathBuf::new()];
    for part in Path::new(pattern).components() {
        let part = part.as_os_str().to_string_lossy();
        let mut next = Vec::new();
        for base in &found {
            if !is_pattern(&part) {
                next.push(base.join(&*part));
                continue;
            }
            let Ok(entries) = std::fs::read_dir(dir.join(base)) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| (!n.starts_with('.') || part.starts_with('.')) && matches(&part, n))
                .collect();
            names.sort();
            next.extend(names.into_iter().map(|n| base.join(n)));
        }
        found = next;
    }
    found.retain(|r| dir.join(r).is_dir());
    found
}

/// Whether `name` matches `pattern`, where `*` is any run of characters and `?` one.
fn matches(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // The classic two-pointer match with backtracking to the last `*`.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A member is read into by the member around it unless a nested plan or a hidden
    /// folder lies between (or it is one): only then would its files count twice.
    #[test]
    fn a_member_overlaps_only_where_the_outer_plan_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        for sub in ["q2", "b/c", ".arkiv/d"] {
            std::fs::create_dir_all(a.join(sub)).unwrap();
        }
        std::fs::write(a.join("b/plan.toml"), "").unwrap();
        assert!(reads_into(&a, &a.join("q2")));
        assert!(!reads_into(&a, &a.join("b")));
        assert!(!reads_into(&a, &a.join("b/c")));
        assert!(!reads_into(&a, &a.join(".arkiv/d")));
        assert!(!reads_into(&a, dir.path()));
    }

    /// A folder outside the members is a plan of its own as the walk tells one: by a
    /// `plan.toml` that is a file, not by a folder of that name (whose folder is no plan,
    /// and its initiative files are strays).
    #[test]
    fn a_stray_plan_is_a_folder_with_a_plan_toml_file() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["gammel", "arkiv/plan.toml"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        std::fs::write(dir.path().join("gammel/plan.toml"), "").unwrap();
        let initiative = "title = \"x\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n";
        std::fs::write(dir.path().join("arkiv/x.toml"), initiative).unwrap();
        let found = strays(dir.path(), &[], &HashSet::new());
        assert_eq!(found.plans, [PathBuf::from("gammel")]);
        assert_eq!(found.files, [PathBuf::from("arkiv/x.toml")]);
    }

    #[test]
    fn patterns() {
        assert!(matches("*", "abc"));
        assert!(matches("a*c", "abbbc"));
        assert!(matches("a?c", "abc"));
        assert!(!matches("a?c", "ac"));
        assert!(matches("*by", "eksempelby"));
        assert!(!matches("*by", "byen"));
    }

    fn manifest(members: &[&str], exclude: &[&str]) -> WorkspaceManifest {
        WorkspaceManifest {
            title: String::new(),
            language: crate::cli::Lang::Da,
            members: members.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn globs_exclude_and_duplicate_names() {
        let dir = tempfile::tempdir().unwrap();
        for d in ["libs/a", "libs/b", "libs/.hidden", "other/a", "libs/old"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
            std::fs::write(dir.path().join(d).join("plan.toml"), "").unwrap();
        }
        // Matched by the pattern, but no plan: an empty folder, one with other files, one
        // whose only `.toml` is two levels down. A plan without `plan.toml`, its files in
        // a quarter's folder, is one.
        for d in ["libs/empty", "libs/notes", "libs/deep/x/y"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        std::fs::write(dir.path().join("libs/notes/README.md"), "").unwrap();
        std::fs::write(dir.path().join("libs/deep/x/y/a.toml"), "").unwrap();
        std::fs::create_dir_all(dir.path().join("libs/quarters/q1")).unwrap();
        std::fs::write(dir.path().join("libs/quarters/q1/a.toml"), "").unwrap();
        std::fs::write(dir.path().join("libs/file"), "").unwrap();
        let m = manifest(&["libs/*", "other/a", "libs/a"], &["libs/old"]);
        let members = resolve(dir.path(), &m, &excluded(dir.path(), &m), "plan.toml").unwrap();
        let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["libs/a", "b", "quarters", "other/a"]);
        let none = HashSet::new();
        let err = resolve(dir.path(), &manifest(&["nope"], &[]), &none, "plan.toml").unwrap_err();
        assert_eq!(err.code, 2);
        assert!(resolve(dir.path(), &manifest(&["nope/*"], &[]), &none, "p")
            .unwrap()
            .is_empty());
    }
}
