//! Which files make a plan folder: a walk of the folder (hidden entries skipped, links
//! followed only inside it), sorted by relative path, and reading them.
//!
//! Nothing is skipped without a word: a sub-folder that cannot be listed, a name that is not
//! UTF-8, a `*.toml` that is not a regular file, a link to nothing, a link out of the
//! folder, a sub-folder with a `plan.toml` of its own (a nested plan) and a link into one
//! are each kept as a [`Skipped`] entry, which the parser turns into a finding. (Hidden
//! entries, and links to them, are skipped without one.)
//!
//! The walk is linear in the number of entries: folders already seen are recognised by
//! device and inode (no `canonicalize` per folder, which re-resolves every component of an
//! ever longer path); only links are resolved, to check that they stay inside.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::parallel::{halves, on_every_core};
use super::source::{
    decode_owned, display_root, io_reason, join_display, read_regular, what_it_is, ReadProblem,
    Root, SourceFile,
};

/// The files of a plan folder: `plan.toml` (if any) and the initiative files, each sorted by
/// relative path, and the entries that were not read. Hidden entries are skipped; symlinks
/// are followed only inside the folder.
#[derive(Debug, Default)]
pub struct Folder {
    pub manifest: Option<SourceFile>,
    pub initiatives: Vec<SourceFile>,
    /// Entries the walk met but could not (or would not) read, sorted by how they are shown.
    pub skipped: Vec<Skipped>,
}

/// An entry of the plan folder that is not read as a plan file, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// How the entry is shown: the plan folder as given joined with its relative path; a
    /// name that is not UTF-8 shown with U+FFFD for the bytes that are not.
    pub display: String,
    pub why: SkipReason,
}

/// Why an entry was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A sub-folder that could not be listed; the reason (`permission denied`).
    UnreadableFolder(String),
    /// A folder, or a file whose name ends in `.toml`, whose name is not UTF-8.
    NameNotUtf8 { folder: bool },
    /// A `*.toml` entry that is not a regular file: what it is (`a named pipe (FIFO)`).
    NotAFile(&'static str),
    /// A link named `*.toml`, or a link that would be a folder, whose target does not exist.
    BrokenLink,
    /// A link to a folder or a `*.toml` file outside the plan folder (not followed); the
    /// target as resolved.
    LinkOutside { target: String },
    /// A sub-folder with a `plan.toml` of its own: a plan of its own, whose files are not
    /// read as this plan's (as `cargo` leaves a sub-folder with its own `Cargo.toml` out of
    /// a package).
    NestedPlan,
    /// A link to a folder or `*.toml` file inside such a nested plan (not followed); the
    /// nested plan's folder, as shown.
    IntoNestedPlan { plan: String },
    /// A link to a hidden entry inside the plan folder (`aktuelt -> .arkiv`; not followed,
    /// as the walk skips hidden entries by their names); the target as resolved.
    LinkToHidden { target: String },
    /// A link to a `*.toml` file of the plan folder that is read under another name (its
    /// own, or an earlier link's): one file is one initiative, not read again under the
    /// link's name; that name, as shown.
    LinkToListedFile { target: String },
}

/// Whether `folder` holds a plan of its own: a `plan.toml` that is a file or a link to one
/// (a `plan.toml` that is a folder, a special file or a link to nothing is not one: the
/// walk reports it as such an entry, and reads the folder as part of the plan around it).
/// A sub-folder that holds a plan is a nested plan, left out of the plan around it.
pub fn holds_plan(folder: &Path) -> bool {
    folder.join("plan.toml").is_file()
}

/// Reads the folder. Fails only when the folder itself cannot be read; problems with single
/// files end up in their `SourceFile::problem`, entries not read in `Folder::skipped`.
pub fn read_folder(dir: &Path) -> io::Result<Folder> {
    let listing = list_folder(dir)?;
    // Reading is most of the work for a large folder: read on every core, like parsing.
    let root = &listing.root;
    let read: Vec<Vec<SourceFile>> = on_every_core(&listing.paths, |_, part| {
        part.iter()
            .map(|relative| read_source(relative.clone(), root))
            .collect()
    });
    let mut folder = Folder {
        skipped: listing.skipped,
        ..Folder::default()
    };
    folder.initiatives.reserve(read.iter().map(Vec::len).sum());
    for file in read.into_iter().flatten() {
        if file.relative == "plan.toml" {
            folder.manifest = Some(file);
        } else {
            folder.initiatives.push(file);
        }
    }
    Ok(folder)
}

/// The files of a plan folder, not read yet, and the entries not read.
pub(crate) struct Listing {
    /// The folder, shared by the files read from it.
    pub(crate) root: Arc<Root>,
    /// Each file's path relative to the folder, `/`-separated, sorted (byte order); its path
    /// on disk is `root.path_of(relative)` ([`Root::path_of`]).
    pub(crate) paths: Vec<String>,
    pub(crate) skipped: Vec<Skipped>,
}

/// From how many sub-folders met at one depth of the walk the folders of that depth are
/// listed in two halves side by side: a large plan keeps its files in many sub-folders of
/// a few hundred or a thousand (the benchmark's: 103 at 100,000 files), a small one in a
/// few, where starting a thread costs more than listing them.
const FOLDERS_SIDE_BY_SIDE_FROM: usize = 8;

/// Lists the plan folder `dir`: every `*.toml` file in it and its sub-folders (hidden ones
/// skipped, links followed only inside it), and the entries not read. The walk goes a depth
/// at a time (breadth first); a depth with many folders is listed in two halves side by
/// side; the listing is the same either way. A folder met twice (through a link, or a link
/// to a folder above it) is listed once: under its route of the fewest folders, and among
/// routes of as many, under the first in byte order (not the order the file system lists
/// entries in, which differs between two copies of one repository).
///
/// Errors: `dir` is not a folder, or cannot be read or resolved.
pub(crate) fn list_folder(dir: &Path) -> io::Result<Listing> {
    list_folder_on(dir, FOLDERS_SIDE_BY_SIDE_FROM)
}

/// [`list_folder`], a depth listed side by side from `side_by_side_from` folders.
fn list_folder_on(dir: &Path, side_by_side_from: usize) -> io::Result<Listing> {
    let meta = fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
    }
    let root = fs::canonicalize(dir)?;
    // Read the top level eagerly so that an unreadable folder is an error, not an empty plan.
    fs::read_dir(dir)?;
    let walk = Walk {
        root: &root,
        display_root: display_root(dir),
    };
    // Each folder listed, by its identity, with the relative path it is listed under: a
    // link's target is found under that path, whichever route to its folder was taken.
    let mut seen_dirs = HashMap::new();
    seen_dirs.insert(folder_id(&meta, &root), String::new());
    let mut found = Found::default();
    let mut depth = vec![SubFolder {
        path: dir.to_path_buf(),
        prefix: String::new(),
    }];
    while !depth.is_empty() {
        let (first, second) = halves(depth.len() >= side_by_side_from, &depth, |part| {
            let mut found = Found::default();
            let mut below = Vec::new();
            for folder in part {
                walk.folder(folder, &mut found, &mut below);
            }
            (found, below)
        });
        let mut below = Vec::new();
        for (part, under) in [first, second] {
            found.paths.extend(part.paths);
            found.skipped.extend(part.skipped);
            found.linked.extend(part.linked);
            below.extend(under);
        }
        // The folders of the next depth by their relative paths, so that of two routes to
        // one folder the first in byte order is kept, whatever order they were met in.
        below.sort_unstable_by(|(_, a), (_, b)| a.prefix.cmp(&b.prefix));
        depth = below
            .into_iter()
            .filter_map(|(id, folder)| match seen_dirs.entry(id) {
                std::collections::hash_map::Entry::Occupied(_) => None,
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(folder.prefix.clone());
                    Some(folder)
                }
            })
            .collect();
    }
    let Found {
        mut paths,
        mut skipped,
        mut linked,
    } = found;
    sorted(&mut paths);
    // A link to a file that is listed under its own path (or that an earlier link leads
    // to) would read one initiative twice, under two ids: the link is left out, and said.
    // The target's path is its folder's listed path (the folder may be listed under a link
    // to it) and its name.
    if !linked.is_empty() {
        linked.sort_unstable();
        let listed_as = |target: &Path| -> Option<String> {
            let folder = target.parent()?;
            let prefix = seen_dirs.get(&folder_id(&fs::metadata(folder).ok()?, folder))?;
            Some(format!("{prefix}{}", target.file_name()?.to_str()?))
        };
        let mut first_link: HashMap<PathBuf, String> = HashMap::new();
        let mut left_out = HashSet::new();
        for (link, target) in linked {
            let own = listed_as(&target).filter(|t| *t != link && paths.binary_search(t).is_ok());
            let same_as = match own {
                Some(own) => Some(own),
                None => match first_link.entry(target) {
                    std::collections::hash_map::Entry::Occupied(first) => Some(first.get().clone()),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(link.clone());
                        None
                    }
                },
            };
            if let Some(same_as) = same_as {
                let target = join_display(&walk.display_root, &same_as);
                walk.skip(&mut skipped, &link, SkipReason::LinkToListedFile { target });
                left_out.insert(link);
            }
        }
        paths.retain(|p| !left_out.contains(p));
    }
    skipped.sort_by(|a, b| a.display.cmp(&b.display));
    Ok(Listing {
        root: Arc::new(Root {
            dir: dir.to_path_buf(),
            display: walk.display_root,
        }),
        paths,
        skipped,
    })
}

/// Sorts relative paths in byte order; a long list in two halves side by side, then merged.
/// (Each path is listed once, so an unstable sort gives the one order there is.)
fn sorted(paths: &mut Vec<String>) {
    use super::parallel::{both, SIDE_BY_SIDE_FROM};
    if paths.len() < SIDE_BY_SIDE_FROM {
        paths.sort_unstable();
        return;
    }
    let mid = paths.len() / 2;
    let (first, second) = paths.split_at_mut(mid);
    both(true, || second.sort_unstable(), || first.sort_unstable());
    let mut merged = Vec::with_capacity(paths.len());
    let mut second = paths.split_off(mid).into_iter().peekable();
    let mut first = std::mem::take(paths).into_iter().peekable();
    while let (Some(a), Some(b)) = (first.peek(), second.peek()) {
        merged.push(if a <= b { first.next() } else { second.next() }.expect("peeked"));
    }
    merged.extend(first);
    merged.extend(second);
    *paths = merged;
}

/// Reads the file at `relative` in the folder `root` (its path on disk is
/// [`Root::path_of`] it); a file that cannot be read gets its problem, not an error. A file
/// replaced by a named pipe or a device after the listing is a problem, never a hang.
pub(crate) fn read_source(relative: String, root: &Arc<Root>) -> SourceFile {
    let path = root.path_of(&relative);
    let (text, problem) = match read_regular(&path) {
        Ok(bytes) => decode_owned(bytes),
        Err(err) => (
            String::new(),
            Some(ReadProblem {
                message: format!("the file could not be read: {}", io_reason(&err)),
                help: None,
                offset: None,
                cannot_read: true,
            }),
        ),
    };
    SourceFile {
        root: Arc::clone(root),
        relative,
        text,
        problem: problem.map(Box::new),
        released: None,
        reread: std::sync::OnceLock::new(),
        lines: Default::default(),
    }
}

/// A folder's identity, to recognise one met again through a link: device and inode on
/// Unix, the canonical path elsewhere.
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

#[cfg(unix)]
fn folder_id(meta: &fs::Metadata, _canonical: &Path) -> FolderId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}
#[cfg(not(unix))]
fn folder_id(_meta: &fs::Metadata, canonical: &Path) -> FolderId {
    canonical.to_path_buf()
}

/// What one walk (or one half of a depth of it) found: the files' relative paths and the
/// entries not read.
#[derive(Default)]
struct Found {
    paths: Vec<String>,
    skipped: Vec<Skipped>,
    /// The links to `*.toml` files inside the folder that were listed (among `paths`): each
    /// link's relative path and its target, canonical.
    linked: Vec<(String, PathBuf)>,
}

/// A sub-folder to list: where it is, and its relative path with a trailing `/`.
struct SubFolder {
    path: PathBuf,
    prefix: String,
}

/// What is the same for every folder of one walk of a plan folder.
struct Walk<'a> {
    /// The plan folder, canonical: links must resolve inside it.
    root: &'a Path,
    display_root: String,
}

impl Walk<'_> {
    /// The nested plan `target` (canonical, inside the plan folder; `is_dir`: a folder) is
    /// in: the nearest of its folders below the plan folder, itself included when it is a
    /// folder, with a `plan.toml` that is a file; as shown (the plan folder as given,
    /// joined with its relative path).
    fn nested_plan_holding(&self, target: &Path, is_dir: bool) -> Option<String> {
        let inside = target.strip_prefix(self.root).ok()?;
        let mut folder = if is_dir {
            Some(inside)
        } else {
            inside.parent()
        };
        while let Some(here) = folder.filter(|f| !f.as_os_str().is_empty()) {
            if holds_plan(&self.root.join(here)) {
                let relative = here.to_string_lossy().replace('\\', "/");
                return Some(join_display(&self.display_root, &relative));
            }
            folder = here.parent();
        }
        None
    }

    fn skip(&self, skipped: &mut Vec<Skipped>, relative: &str, why: SkipReason) {
        skipped.push(Skipped {
            display: join_display(&self.display_root, relative),
            why,
        });
    }

    /// A `*.toml` entry that is not a regular file. The manifest is listed all the same (its
    /// reading fails without blocking, as an `unreadable` problem of `plan.toml`), so that
    /// the plan is not silently read with the default catalogue and writing commands refuse.
    fn special(&self, found: &mut Found, relative: String, what: &'static str) {
        if relative == "plan.toml" {
            found.paths.push(relative);
        } else {
            self.skip(&mut found.skipped, &relative, SkipReason::NotAFile(what));
        }
    }

    /// Lists `folder`: its files into `found`, its sub-folders (with their identity, to
    /// recognise one met before) into `below`, in the order the folder lists them. A
    /// sub-folder holding a `plan.toml` is a plan of its own: nothing of it is listed but
    /// the [`SkipReason::NestedPlan`] entry that names it.
    fn folder(
        &self,
        folder: &SubFolder,
        found: &mut Found,
        below: &mut Vec<(FolderId, SubFolder)>,
    ) {
        let prefix = folder.prefix.as_str();
        let entries = match fs::read_dir(&folder.path) {
            Ok(entries) => entries,
            Err(err) => {
                let relative = prefix.trim_end_matches('/');
                self.skip(
                    &mut found.skipped,
                    relative,
                    SkipReason::UnreadableFolder(io_reason(&err)),
                );
                return;
            }
        };
        let listed_before = (
            found.paths.len(),
            found.skipped.len(),
            below.len(),
            found.linked.len(),
        );
        let mut nested = false;
        let mut unreadable = None;
        for entry in entries {
            match entry {
                Ok(entry) => {
                    nested |= self.entry(&entry, prefix, found, below) && !prefix.is_empty();
                }
                Err(err) => {
                    unreadable = Some(SkipReason::UnreadableFolder(io_reason(&err)));
                    break;
                }
            }
        }
        let relative = prefix.trim_end_matches('/');
        if nested {
            // Nothing of a nested plan is this plan's, whatever was listed of it.
            let (paths, skipped, folders, linked) = listed_before;
            found.paths.truncate(paths);
            found.skipped.truncate(skipped);
            below.truncate(folders);
            found.linked.truncate(linked);
            self.skip(&mut found.skipped, relative, SkipReason::NestedPlan);
        } else if let Some(why) = unreadable {
            self.skip(&mut found.skipped, relative, why);
        }
    }

    /// Lists one entry of a folder (see [`Walk::folder`]); true when it is a `plan.toml`
    /// that is a file or a link to one: the folder holding it is a plan. (A `plan.toml` that
    /// is a link to nothing or a special file is not one: it is reported as any `*.toml`
    /// entry of that kind, and the folder read as part of the plan.)
    fn entry(
        &self,
        entry: &fs::DirEntry,
        prefix: &str,
        found: &mut Found,
        below: &mut Vec<(FolderId, SubFolder)>,
    ) -> bool {
        let os_name = entry.file_name();
        let bytes = os_name.as_encoded_bytes();
        if bytes.starts_with(b".") {
            return false;
        }
        let Ok(file_type) = entry.file_type() else {
            return false;
        };
        let Some(name) = os_name.to_str() else {
            let relative = format!("{prefix}{}", os_name.to_string_lossy());
            let folder = entry.path().is_dir();
            if folder || bytes.ends_with(b".toml") {
                self.skip(
                    &mut found.skipped,
                    &relative,
                    SkipReason::NameNotUtf8 { folder },
                );
            }
            return false;
        };
        let is_toml = name.ends_with(".toml");
        if file_type.is_file() {
            // The most common entry by far: no path made, one string for its relative path.
            if is_toml {
                found.paths.push(format!("{prefix}{name}"));
            }
            return name == "plan.toml";
        }
        let manifest = name == "plan.toml"
            && file_type.is_symlink()
            && fs::metadata(entry.path()).is_ok_and(|meta| meta.is_file());
        self.other_entry(entry, name, file_type, prefix, found, below);
        manifest
    }

    /// [`Walk::entry`] for an entry that is not a regular file: a link, a folder or a
    /// special file.
    fn other_entry(
        &self,
        entry: &fs::DirEntry,
        name: &str,
        file_type: fs::FileType,
        prefix: &str,
        found: &mut Found,
        below: &mut Vec<(FolderId, SubFolder)>,
    ) {
        let is_toml = name.ends_with(".toml");
        let relative = format!("{prefix}{name}");
        let path = entry.path();
        if relative == "plan.toml" && !fs::metadata(&path).is_ok_and(|meta| meta.is_file()) {
            // The folder's manifest, but no file to read: a link that leads nowhere (or
            // loops), a folder, a special file. Listed all the same, so that reading it
            // fails as an `unreadable` manifest, which stops the commands: skipped, the plan
            // would be read with the built-in catalogue as if it had no plan.toml.
            found.paths.push(relative);
            return;
        }
        let (meta, canonical) = if file_type.is_symlink() {
            // Follow a link only when its target stays inside the plan folder.
            let Ok(target) = fs::canonicalize(&path) else {
                if is_toml {
                    self.skip(&mut found.skipped, &relative, SkipReason::BrokenLink);
                }
                return;
            };
            let Ok(meta) = fs::metadata(&target) else {
                return;
            };
            // A link to a hidden entry inside the folder (`aktuelt -> .arkiv`) is hidden as
            // the entry is: what the walk skips by its name it does not read through a link
            // (`plan.toml` aside, read through any link, as below).
            let manifest = prefix.is_empty() && name == "plan.toml";
            if !manifest
                && target.strip_prefix(self.root).is_ok_and(|inside| {
                    inside
                        .iter()
                        .any(|c| c.as_encoded_bytes().starts_with(b"."))
                })
            {
                // Said, as a link out of the folder is: the link's own name is no hidden one.
                if meta.is_dir() || is_toml {
                    let target = target.to_string_lossy().into_owned();
                    self.skip(
                        &mut found.skipped,
                        &relative,
                        SkipReason::LinkToHidden { target },
                    );
                }
                return;
            }
            // `plan.toml` is read through a link out of the folder (a network may share one
            // catalogue); skipping it would read the plan with the default catalogue. A link
            // to a special file fails when it is read, as an `unreadable` manifest.
            if !target.starts_with(self.root) && !manifest {
                if meta.is_dir() || is_toml {
                    let target = target.to_string_lossy().into_owned();
                    self.skip(
                        &mut found.skipped,
                        &relative,
                        SkipReason::LinkOutside { target },
                    );
                }
                return;
            }
            // A link into a nested plan (a folder below with a `plan.toml` of its own, or one
            // of its files) would read that plan's files as this one's, and `check --fix`
            // would change them: not followed.
            if !manifest && (meta.is_dir() || is_toml) {
                if let Some(plan) = self.nested_plan_holding(&target, meta.is_dir()) {
                    self.skip(
                        &mut found.skipped,
                        &relative,
                        SkipReason::IntoNestedPlan { plan },
                    );
                    return;
                }
            }
            (meta, Some(target))
        } else if file_type.is_dir() {
            match entry.metadata() {
                Ok(meta) => (meta, None),
                Err(err) => {
                    self.skip(
                        &mut found.skipped,
                        &relative,
                        SkipReason::UnreadableFolder(io_reason(&err)),
                    );
                    return;
                }
            }
        } else {
            if is_toml {
                self.special(found, relative, what_it_is(file_type));
            }
            return;
        };
        if meta.is_dir() {
            let id = folder_id(&meta, canonical.as_deref().unwrap_or(&path));
            below.push((
                id,
                SubFolder {
                    path,
                    prefix: format!("{relative}/"),
                },
            ));
        } else if is_toml {
            if meta.is_file() {
                if let Some(target) =
                    canonical.filter(|_| !(prefix.is_empty() && name == "plan.toml"))
                {
                    found.linked.push((relative.clone(), target));
                }
                found.paths.push(relative);
            } else {
                self.special(found, relative, what_it_is(meta.file_type()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file swapped for a named pipe between listing and reading: the reader opens it
    /// without blocking and checks the opened handle, so this returns at once.
    #[cfg(unix)]
    #[test]
    fn reading_a_pipe_in_place_of_a_listed_file_is_a_problem_not_a_hang() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("x.toml");
        let name = std::ffi::CString::new(pipe.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates the entry.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        let source = read_source("x.toml".into(), &Root::new(dir.path()));
        assert_eq!(source.text, "");
        let problem = source.problem.expect("a problem");
        assert!(problem.cannot_read);
        assert!(
            problem.message.contains("named pipe"),
            "{}",
            problem.message
        );
    }

    /// A sub-folder with a `plan.toml` (a file, or a link to one) is a plan of its own:
    /// neither its files, nor its sub-folders' files, nor entries of it the walk would
    /// otherwise name (a dangling link) are this plan's; it is named once, as a nested plan.
    /// A folder without a `plan.toml`, or with a folder of that name, is read as before.
    #[cfg(unix)]
    #[test]
    fn a_sub_folder_with_a_plan_toml_is_a_plan_of_its_own() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["hvalsoe/dybt", "gundsoe", "q1/plan.toml", "q2"] {
            fs::create_dir_all(root.join(folder)).unwrap();
        }
        for file in [
            "plan.toml",
            "a.toml",
            "hvalsoe/plan.toml",
            "hvalsoe/b.toml",
            "hvalsoe/dybt/c.toml",
            "gundsoe/d.toml",
            "q1/e.toml",
            "q2/plan.toml",
        ] {
            fs::write(root.join(file), "").unwrap();
        }
        symlink(
            root.join("hvalsoe/plan.toml"),
            root.join("gundsoe/plan.toml"),
        )
        .unwrap();
        symlink(
            root.join("findes-ikke.toml"),
            root.join("hvalsoe/brudt.toml"),
        )
        .unwrap();
        // A `plan.toml` linking to nothing does not make a plan: it is a broken link, and
        // the folder's files are read.
        fs::create_dir(root.join("q3")).unwrap();
        fs::write(root.join("q3/f.toml"), "").unwrap();
        symlink(root.join("findes-ikke.toml"), root.join("q3/plan.toml")).unwrap();
        // Links into a nested plan (a folder of it, a file of it, its plan.toml) are not
        // followed: through them its files would be read, and fixed, as this plan's.
        symlink(root.join("hvalsoe/dybt"), root.join("genvej")).unwrap();
        symlink(root.join("hvalsoe/b.toml"), root.join("q1/b.toml")).unwrap();
        symlink(root.join("hvalsoe/plan.toml"), root.join("q1/h.toml")).unwrap();
        let into = |plan: &str| SkipReason::IntoNestedPlan {
            plan: join_display(&display_root(root), plan),
        };
        for from in [1, usize::MAX] {
            let listing = list_folder_on(root, from).unwrap();
            assert_eq!(
                listing.paths,
                ["a.toml", "plan.toml", "q1/e.toml", "q3/f.toml"]
            );
            let nested: Vec<(&str, &SkipReason)> = listing
                .skipped
                .iter()
                .map(|s| (s.display.rsplit('/').next().unwrap(), &s.why))
                .collect();
            assert_eq!(
                nested,
                [
                    ("genvej", &into("hvalsoe")),
                    ("gundsoe", &SkipReason::NestedPlan),
                    ("hvalsoe", &SkipReason::NestedPlan),
                    ("b.toml", &into("hvalsoe")),
                    ("h.toml", &into("hvalsoe")),
                    ("q2", &SkipReason::NestedPlan),
                    ("plan.toml", &SkipReason::BrokenLink),
                ]
            );
        }
    }

    /// A link to a hidden folder or file inside the plan folder is skipped as the hidden
    /// entry is (it read `.arkiv`'s files under the link's name); a link to a visible entry
    /// is followed, and `plan.toml` is read through a link to a hidden file.
    #[cfg(unix)]
    #[test]
    fn a_link_to_a_hidden_entry_is_hidden() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in [".arkiv", ".fælles", "synlig"] {
            fs::create_dir(root.join(folder)).unwrap();
        }
        for file in [
            ".arkiv/gammel.toml",
            ".skjult.toml",
            ".fælles/plan.toml",
            "synlig/ny.toml",
        ] {
            fs::write(root.join(file), "").unwrap();
        }
        symlink(root.join(".arkiv"), root.join("aktuelt")).unwrap();
        symlink(root.join(".skjult.toml"), root.join("vist.toml")).unwrap();
        symlink(root.join("synlig"), root.join("genvej")).unwrap();
        symlink(root.join(".fælles/plan.toml"), root.join("plan.toml")).unwrap();
        let listing = list_folder(root).unwrap();
        // `synlig` is met twice at one depth: listed once, under the first name in byte order.
        assert_eq!(listing.paths, ["genvej/ny.toml", "plan.toml"]);
        // The links to hidden entries are not followed, and said (`plan.toml` is read).
        let skipped: Vec<(&str, bool)> = listing
            .skipped
            .iter()
            .map(|s| {
                (
                    s.display.rsplit('/').next().unwrap(),
                    matches!(s.why, SkipReason::LinkToHidden { .. }),
                )
            })
            .collect();
        assert_eq!(skipped, [("aktuelt", true), ("vist.toml", true)]);
    }

    /// A folder of 12 sub-folders (enough to list a depth side by side), each of files,
    /// hidden entries and files that are not `*.toml`, with a link to a folder beside it, a
    /// link to the folder above, a second link to the same folder, a link out of the plan
    /// folder, a dangling link and a named pipe: listed side by side and one folder at a
    /// time, the same listing; every file once, in byte order; a folder reached twice
    /// listed once, under its shortest route, and among routes as short the first in byte
    /// order.
    #[cfg(unix)]
    #[test]
    fn a_depth_listed_side_by_side_is_the_listing_made_one_folder_at_a_time() {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::create_dir(outside.path().join("ude")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in 0..12 {
            let sub = root.join(format!("q{}/del-{f:03}", f % 4 + 1));
            fs::create_dir_all(&sub).unwrap();
            for n in 0..5 {
                fs::write(sub.join(format!("i-{f:03}-{n}.toml")), "").unwrap();
            }
            fs::write(sub.join(".skjult.toml"), "").unwrap();
            fs::write(sub.join("noter.txt"), "").unwrap();
        }
        fs::create_dir_all(root.join("aar/dybt/dybere")).unwrap();
        fs::write(root.join("aar/dybt/dybere/fundet.toml"), "").unwrap();
        fs::write(root.join("plan.toml"), "").unwrap();
        // A link at the top to a folder three levels down: met first there.
        symlink(root.join("aar/dybt/dybere"), root.join("genvej")).unwrap();
        symlink(root.join("aar/dybt/dybere"), root.join("q1/del-000/igen")).unwrap();
        symlink(root, root.join("q2/del-001/op")).unwrap();
        symlink(outside.path().join("ude"), root.join("q3/ude")).unwrap();
        symlink(root.join("findes-ikke.toml"), root.join("q4/brudt.toml")).unwrap();
        let pipe =
            std::ffi::CString::new(root.join("q4/roer.toml").as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates the entry.
        assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o644) }, 0);

        let listed = |from: usize| {
            let listing = list_folder_on(root, from).unwrap();
            (listing.paths, listing.skipped)
        };
        let (paths, skipped) = listed(1);
        assert_eq!((paths.clone(), skipped.clone()), listed(usize::MAX));
        assert_eq!(
            (paths.clone(), skipped.clone()),
            listed(FOLDERS_SIDE_BY_SIDE_FROM)
        );
        let mut in_order = paths.clone();
        in_order.sort();
        in_order.dedup();
        assert_eq!(paths, in_order, "sorted, each once");
        assert_eq!(paths.len(), 12 * 5 + 2, "{paths:?}");
        assert!(paths.contains(&"plan.toml".to_string()));
        assert!(
            paths.contains(&"genvej/fundet.toml".to_string()),
            "{paths:?}"
        );
        assert!(!paths
            .iter()
            .any(|p| p.contains("dybere/") || p.contains("igen/")));
        assert!(!paths
            .iter()
            .any(|p| p.contains("skjult") || p.contains("op/")));
        let why: Vec<(&str, &SkipReason)> = skipped
            .iter()
            .map(|s| (s.display.rsplit('/').next().unwrap(), &s.why))
            .collect();
        assert_eq!(why.len(), 3, "{why:?}");
        assert!(
            matches!(why[0], ("ude", SkipReason::LinkOutside { .. })),
            "{why:?}"
        );
        assert!(
            matches!(why[1], ("brudt.toml", SkipReason::BrokenLink)),
            "{why:?}"
        );
        assert!(
            matches!(why[2], ("roer.toml", SkipReason::NotAFile(_))),
            "{why:?}"
        );

        // Without the link at the top, the folder is met twice at the same depth: through
        // `q1/del-000/igen` and as `aar/dybt/dybere`. Which is listed depends on the order
        // the folders list their entries, but not on the sides.
        fs::remove_file(root.join("genvej")).unwrap();
        let (paths, skipped) = listed(1);
        assert_eq!((paths.clone(), skipped), listed(usize::MAX));
        let found: Vec<&String> = paths
            .iter()
            .filter(|p| p.ends_with("/fundet.toml"))
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");

        // Three folders, each leading to the same folder at the next depth (two links and
        // the folder itself), listed one per side and two, and one at a time: the route
        // listed is the first in byte order, whichever the file system lists first.
        let three = tempfile::tempdir().unwrap();
        let top = three.path();
        fs::create_dir_all(top.join("t/x")).unwrap();
        fs::write(top.join("t/x/i.toml"), "").unwrap();
        for name in ["b", "a"] {
            fs::create_dir(top.join(name)).unwrap();
            symlink(top.join("t/x"), top.join(name).join("l")).unwrap();
        }
        for from in [1, usize::MAX] {
            let listing = list_folder_on(top, from).unwrap();
            assert_eq!(listing.paths, ["a/l/i.toml"], "from {from}");
        }
    }

    /// Relative paths sorted in two halves and merged are sorted as one list is, in byte
    /// order (`-` before `/`: `del-1-b/` before `del-1/`).
    #[test]
    fn paths_sorted_in_halves_are_sorted_as_one_list() {
        let mut paths: Vec<String> = (0..5_000u32)
            .map(|n| {
                let n = n.wrapping_mul(2_654_435_761) % 7_919;
                match n % 3 {
                    0 => format!("q{}/del-{}/i-{n}.toml", n % 4, n % 13),
                    1 => format!("q{}/del-{}-b/i-{n}.toml", n % 4, n % 13),
                    _ => format!("q{}/i-{n}.toml", n % 5),
                }
            })
            .collect();
        paths.sort_unstable();
        paths.dedup();
        let mut expected = paths.clone();
        paths.reverse();
        paths.rotate_left(1_234);
        assert!(paths.len() >= crate::load::parallel::SIDE_BY_SIDE_FROM);
        sorted(&mut paths);
        assert_eq!(paths, expected);
        expected.truncate(10);
        let mut few: Vec<String> = expected.iter().rev().cloned().collect();
        sorted(&mut few);
        assert_eq!(few, expected);
    }
}
