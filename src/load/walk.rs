//! Which files make a plan folder: a walk of the folder (hidden entries skipped, links
//! followed only inside it), sorted by relative path, and reading them.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::parallel::on_every_core;
use super::source::{decode_owned, display_root, io_reason, join_display, ReadProblem, SourceFile};

/// The files of a plan folder: `plan.toml` (if any) and the initiative files, each sorted by
/// relative path. Hidden entries are skipped; symlinks are followed only inside the folder.
#[derive(Debug, Default)]
pub struct Folder {
    pub manifest: Option<SourceFile>,
    pub initiatives: Vec<SourceFile>,
}

/// Reads the folder. Fails only when the folder itself cannot be read; problems with single
/// files end up in their `SourceFile::problem`.
pub fn read_folder(dir: &Path) -> io::Result<Folder> {
    let listing = list_folder(dir)?;
    // Reading is most of the work for a large folder: read on every core, like parsing.
    let read: Vec<Vec<SourceFile>> = on_every_core(&listing.paths, |_, part| {
        part.iter()
            .map(|(path, relative)| read_source(path, relative, &listing.display_root))
            .collect()
    });
    let mut folder = Folder::default();
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
/// relative path.
pub(crate) struct Listing {
    pub(crate) display_root: String,
    pub(crate) paths: Vec<(PathBuf, String)>,
}

pub(crate) fn list_folder(dir: &Path) -> io::Result<Listing> {
    let meta = fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
    }
    let root = fs::canonicalize(dir)?;
    // Read the top level eagerly so that an unreadable folder is an error, not an empty plan.
    fs::read_dir(dir)?;
    let mut paths = Vec::new();
    let mut seen_dirs = HashSet::new();
    seen_dirs.insert(root.clone());
    walk(&root, dir, "", &mut seen_dirs, &mut paths);
    paths.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(Listing {
        display_root: display_root(dir),
        paths,
    })
}

/// Reads one file; a file that cannot be read gets its problem, not an error.
pub(crate) fn read_source(path: &Path, relative: &str, display_root: &str) -> SourceFile {
    read_source_owned(path.to_path_buf(), relative.to_string(), display_root)
}

/// [`read_source`], keeping the path and relative path given rather than copies.
pub(crate) fn read_source_owned(path: PathBuf, relative: String, display_root: &str) -> SourceFile {
    let (text, problem) = match fs::read(&path) {
        Ok(bytes) => decode_owned(bytes),
        Err(err) => (
            String::new(),
            Some(ReadProblem {
                message: format!("the file could not be read: {}", io_reason(&err)),
                help: None,
                offset: None,
            }),
        ),
    };
    SourceFile {
        display: join_display(display_root, &relative),
        path,
        relative,
        text,
        problem,
        released: None,
        reread: std::sync::OnceLock::new(),
    }
}

fn walk(
    root: &Path,
    dir: &Path,
    prefix: &str,
    seen_dirs: &mut HashSet<PathBuf>,
    out: &mut Vec<(PathBuf, String)>,
) {
    // A sub-folder that cannot be listed is skipped; its files cannot be reported on.
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = format!("{prefix}{name}");
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        let (is_dir, is_file) = if file_type.is_symlink() {
            // Follow a link only when its target stays inside the plan folder.
            match fs::canonicalize(&path) {
                Ok(target) if target.starts_with(root) => (target.is_dir(), target.is_file()),
                _ => continue,
            }
        } else {
            (file_type.is_dir(), file_type.is_file())
        };
        if is_dir {
            let Ok(canonical) = fs::canonicalize(&path) else {
                continue;
            };
            if seen_dirs.insert(canonical) {
                walk(root, &path, &format!("{relative}/"), seen_dirs, out);
            }
        } else if is_file && name.ends_with(".toml") {
            out.push((path, relative));
        }
    }
}
