//! Which files make a plan folder: a walk of the folder (hidden entries skipped, links
//! followed only inside it), sorted by relative path, and reading them.
//!
//! Nothing is skipped without a word: a sub-folder that cannot be listed, a name that is not
//! UTF-8, a `*.toml` that is not a regular file, a link to nothing and a link out of the
//! folder are each kept as a [`Skipped`] entry, which the parser turns into a finding.
//!
//! The walk is linear in the number of entries: folders already seen are recognised by
//! device and inode (no `canonicalize` per folder, which re-resolves every component of an
//! ever longer path); only links are resolved, to check that they stay inside.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::parallel::on_every_core;
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
    /// Entries the walk met but could not (or would not) read, in walk order.
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
}

/// Reads the folder. Fails only when the folder itself cannot be read; problems with single
/// files end up in their `SourceFile::problem`, entries not read in `Folder::skipped`.
pub fn read_folder(dir: &Path) -> io::Result<Folder> {
    let listing = list_folder(dir)?;
    // Reading is most of the work for a large folder: read on every core, like parsing.
    let read: Vec<Vec<SourceFile>> = on_every_core(&listing.paths, |_, part| {
        part.iter()
            .map(|(path, relative)| read_source(path, relative, &listing.root))
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

/// The files of a plan folder, not read yet: path on disk and relative path, sorted by the
/// relative path; and the entries not read.
pub(crate) struct Listing {
    /// The folder, shared by the files read from it.
    pub(crate) root: Arc<Root>,
    pub(crate) paths: Vec<(PathBuf, String)>,
    pub(crate) skipped: Vec<Skipped>,
}

pub(crate) fn list_folder(dir: &Path) -> io::Result<Listing> {
    let meta = fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
    }
    let root = fs::canonicalize(dir)?;
    // Read the top level eagerly so that an unreadable folder is an error, not an empty plan.
    fs::read_dir(dir)?;
    let mut walk = Walk {
        root: &root,
        display_root: display_root(dir),
        seen_dirs: HashSet::new(),
        paths: Vec::new(),
        skipped: Vec::new(),
    };
    walk.seen_dirs.insert(folder_id(&meta, &root));
    walk.folder(dir, "");
    let Walk {
        display_root,
        mut paths,
        mut skipped,
        ..
    } = walk;
    paths.sort_by(|a, b| a.1.cmp(&b.1));
    skipped.sort_by(|a, b| a.display.cmp(&b.display));
    Ok(Listing {
        root: Arc::new(Root {
            dir: dir.to_path_buf(),
            display: display_root,
        }),
        paths,
        skipped,
    })
}

/// Reads one file; a file that cannot be read gets its problem, not an error. A file
/// replaced by a named pipe or a device after the listing is a problem, never a hang.
pub(crate) fn read_source(path: &Path, relative: &str, root: &Arc<Root>) -> SourceFile {
    read_source_owned(path.to_path_buf(), relative.to_string(), root)
}

/// [`read_source`], keeping the path and relative path given rather than copies.
pub(crate) fn read_source_owned(path: PathBuf, relative: String, root: &Arc<Root>) -> SourceFile {
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

/// The state of one walk of a plan folder.
struct Walk<'a> {
    /// The plan folder, canonical: links must resolve inside it.
    root: &'a Path,
    display_root: String,
    seen_dirs: HashSet<FolderId>,
    paths: Vec<(PathBuf, String)>,
    skipped: Vec<Skipped>,
}

impl Walk<'_> {
    fn skip(&mut self, relative: &str, why: SkipReason) {
        self.skipped.push(Skipped {
            display: join_display(&self.display_root, relative),
            why,
        });
    }

    /// A `*.toml` entry that is not a regular file. The manifest is listed all the same (its
    /// reading fails without blocking, as an `unreadable` problem of `plan.toml`), so that
    /// the plan is not silently read with the default catalogue and writing commands refuse.
    fn special(&mut self, path: PathBuf, relative: String, what: &'static str) {
        if relative == "plan.toml" {
            self.paths.push((path, relative));
        } else {
            self.skip(&relative, SkipReason::NotAFile(what));
        }
    }

    /// Walks the folder at `dir` (`prefix` is its relative path with a trailing `/`).
    fn folder(&mut self, dir: &Path, prefix: &str) {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                let relative = prefix.trim_end_matches('/');
                self.skip(relative, SkipReason::UnreadableFolder(io_reason(&err)));
                return;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let relative = prefix.trim_end_matches('/');
                    self.skip(relative, SkipReason::UnreadableFolder(io_reason(&err)));
                    return;
                }
            };
            self.entry(&entry, prefix);
        }
    }

    fn entry(&mut self, entry: &fs::DirEntry, prefix: &str) {
        let os_name = entry.file_name();
        let bytes = os_name.as_encoded_bytes();
        if bytes.starts_with(b".") {
            return;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            return;
        };
        let Some(name) = os_name.to_str() else {
            let relative = format!("{prefix}{}", os_name.to_string_lossy());
            let folder = path.is_dir();
            if folder || bytes.ends_with(b".toml") {
                self.skip(&relative, SkipReason::NameNotUtf8 { folder });
            }
            return;
        };
        let relative = format!("{prefix}{name}");
        let is_toml = name.ends_with(".toml");
        let (meta, canonical) = if file_type.is_symlink() {
            // Follow a link only when its target stays inside the plan folder.
            let Ok(target) = fs::canonicalize(&path) else {
                if is_toml {
                    self.skip(&relative, SkipReason::BrokenLink);
                }
                return;
            };
            let Ok(meta) = fs::metadata(&target) else {
                return;
            };
            // `plan.toml` is read through a link out of the folder (a network may share one
            // catalogue); skipping it would read the plan with the default catalogue. A link
            // to a special file fails when it is read, as an `unreadable` manifest.
            if !target.starts_with(self.root) && (!prefix.is_empty() || name != "plan.toml") {
                if meta.is_dir() || is_toml {
                    let target = target.to_string_lossy().into_owned();
                    self.skip(&relative, SkipReason::LinkOutside { target });
                }
                return;
            }
            (meta, Some(target))
        } else if file_type.is_dir() {
            match entry.metadata() {
                Ok(meta) => (meta, None),
                Err(err) => {
                    self.skip(&relative, SkipReason::UnreadableFolder(io_reason(&err)));
                    return;
                }
            }
        } else if file_type.is_file() {
            if is_toml {
                self.paths.push((path, relative));
            }
            return;
        } else {
            if is_toml {
                self.special(path, relative, what_it_is(file_type));
            }
            return;
        };
        if meta.is_dir() {
            let id = folder_id(&meta, canonical.as_deref().unwrap_or(&path));
            if self.seen_dirs.insert(id) {
                self.folder(&path, &format!("{relative}/"));
            }
        } else if is_toml {
            if meta.is_file() {
                self.paths.push((path, relative));
            } else {
                self.special(path, relative, what_it_is(meta.file_type()));
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
        let source = read_source(&pipe, "x.toml", &Root::new(dir.path()));
        assert_eq!(source.text, "");
        let problem = source.problem.expect("a problem");
        assert!(problem.cannot_read);
        assert!(
            problem.message.contains("named pipe"),
            "{}",
            problem.message
        );
    }
}
