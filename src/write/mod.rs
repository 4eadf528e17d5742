//! Atomic file writes, for every command that writes a file: the bytes go to a temporary
//! `.plan-*` file in the target's folder (the loader skips dotfiles), are synced, and the
//! temporary file is renamed over the target. A reader never sees half a file, and a crash
//! leaves at most a hidden `.plan-*` file behind. The temporary file has the target's
//! permissions from its creation; a link is followed only to a file inside its folder; a
//! file read to be changed is replaced only if it still has the bytes read; a pipe or a
//! device named as an output is written into (`special.rs`), never replaced.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Failure;
use crate::load::io_reason;

mod error;
mod special;
mod staged;

pub use error::WriteError;
pub use staged::write_staged;

/// How a write treats what is already at the path.
#[derive(Clone, Copy, Debug, Default)]
pub struct WriteOptions<'a> {
    /// Replace an existing regular file (else [`WriteError::Exists`]); also a read-only one
    /// when `expected` is given (else [`WriteError::ReadOnly`]).
    pub force: bool,
    /// The bytes the file had when the command read it: the file is replaced only if it
    /// still has them (else [`WriteError::Changed`]), and a read-only file only with
    /// `force`. Given, the file must exist.
    pub expected: Option<&'a [u8]>,
    /// The plan folder the write must stay in: a link at the path is followed only to a
    /// file inside it, and a pipe or device at the path is refused rather than written
    /// into. `None` (an output file the user named): the folder the path names, and a pipe
    /// or device is written into.
    pub within: Option<&'a Path>,
}

/// Refuses at once what [`write_atomic`] would refuse at its end for a file the user named:
/// a folder at `path` (`WriteError::Io`, "it is a folder"), and without `force` a file or
/// link (even a dangling one) at `path` (`WriteError::Exists`). A command calls it before its work, so that `-o memo.xlsx` on a
/// large plan is not made in full only to be refused; `write_atomic` still checks at the
/// end (the file may appear meanwhile). A pipe or device at `path` is not refused: it is
/// written into.
pub fn refuse_existing(path: &Path, force: bool) -> Result<(), WriteError> {
    // A folder is never written over, `--force` or not: say that, not "give --force".
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(WriteError::Io {
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::IsADirectory, "it is a folder"),
        });
    }
    if force {
        return Ok(());
    }
    let special = fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    if fs::symlink_metadata(path).is_ok() && !special {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is left alone
/// (`WriteError::Exists`), also when it appears while writing. With `force`, an existing
/// regular file is replaced and keeps its permissions; a symlink is followed (to a file in
/// the same folder only), so the file it points to is replaced rather than the link. A
/// named pipe or a character device (`/dev/stdout`) is written into, never replaced. A new
/// file gets the usual permissions (umask).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    write_file(
        path,
        bytes,
        WriteOptions {
            force,
            ..WriteOptions::default()
        },
    )
}

/// Writes `bytes` to `path` as `options` say; see [`write_atomic`] and [`WriteOptions`].
///
/// The steps: a special file is written into; otherwise a temporary `.plan-*` file is
/// created next to the file the path finally names, with that file's permissions (or
/// 0666 minus the umask) before a byte is written, filled, synced, compared once more with
/// `expected`, and renamed into place (without overwriting, for a new file).
pub fn write_file(path: &Path, bytes: &[u8], options: WriteOptions<'_>) -> Result<(), WriteError> {
    let io_err = |source: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    // What the path names, through any links: a pipe or a device is written into.
    if let Ok(meta) = fs::metadata(path) {
        if !meta.is_file() && !meta.is_dir() {
            // A file of the plan (`within` given, or one read to be changed) is a regular
            // file or nothing: a pipe or device there is refused, not written into.
            if options.expected.is_some() || options.within.is_some() {
                return Err(WriteError::Special {
                    path: path.to_path_buf(),
                    what: "it is not a regular file",
                });
            }
            return write_into_special(path, &meta, bytes);
        }
    }
    // Write next to the file the path finally names, so that the rename stays in one
    // file system and a symlink keeps pointing at the new content.
    let target = resolve_symlinks(path).map_err(io_err)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let existing = fs::metadata(&target).ok();
    // Without `force`, a link at the path counts as a file there, even when it dangles: a
    // new file is never written through a link to some other place.
    let link_here = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let replacing = options.force || options.expected.is_some();
    if (existing.is_some() || link_here) && !replacing {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    if target != path {
        let folder = match options.within {
            Some(f) => f.to_path_buf(),
            None => match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            },
        };
        let inside = match (fs::canonicalize(&folder), fs::canonicalize(&dir)) {
            (Ok(root), Ok(resolved)) => resolved.starts_with(root),
            _ => false,
        };
        if !inside {
            return Err(WriteError::OutsideFolder {
                path: path.to_path_buf(),
                folder,
            });
        }
    }
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(io_err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        )));
    }
    if let Some(expected) = options.expected {
        let Some(meta) = &existing else {
            return Err(WriteError::Changed(path.to_path_buf()));
        };
        if read_only(meta) && !options.force {
            return Err(WriteError::ReadOnly(path.to_path_buf()));
        }
        if fs::read(&target).map_err(io_err)? != expected {
            return Err(WriteError::Changed(path.to_path_buf()));
        }
    }

    let mut temp = create_temp(&dir, existing.as_ref()).map_err(io_err)?;
    if let Some(meta) = &existing {
        // The umask may have taken bits away at creation: give them back, exactly.
        fs::set_permissions(temp.path(), meta.permissions()).map_err(io_err)?;
    }
    temp.write_all(bytes).map_err(io_err)?;
    temp.as_file().sync_all().map_err(io_err)?;

    if let Some(expected) = options.expected {
        // Once more, right before the rename: an editor may have saved meanwhile.
        if fs::read(&target).ok().as_deref() != Some(expected) {
            return Err(WriteError::Changed(path.to_path_buf()));
        }
    }
    if replacing {
        temp.persist(&target).map_err(|e| io_err(e.error))?;
    } else {
        persist_new(&target, bytes, || {
            // On failure the temporary file is dropped, and so removed.
            temp.persist_noclobber(&target)
                .map(drop)
                .map_err(|e| e.error)
        })
        .map_err(|e| match e {
            NewFileError::Exists => WriteError::Exists(path.to_path_buf()),
            NewFileError::Io(source) => io_err(source),
        })?;
    }
    // Make the rename itself durable where the platform allows syncing a folder.
    #[cfg(unix)]
    if let Ok(folder) = fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Moves the file `from` (written and synced, in the same file system) to the new path
/// `to`, never replacing a file there ([`WriteError::Exists`]): a hard link, then the old
/// name removed. Where the file system has no hard links, `to` is created exclusively
/// and the bytes copied. For moving staged files into place.
pub fn move_new(from: &Path, to: &Path) -> Result<(), WriteError> {
    let io_err = |source: io::Error| WriteError::Io {
        path: to.to_path_buf(),
        source,
    };
    let linked = match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(NewFileError::Exists),
        // No hard links here: the bytes go into an exclusively created file.
        Err(link_error) => {
            let bytes = fs::read(from).map_err(io_err)?;
            persist_new(to, &bytes, || Err(link_error))
        }
    };
    linked.map_err(|e| match e {
        NewFileError::Exists => WriteError::Exists(to.to_path_buf()),
        NewFileError::Io(source) => io_err(source),
    })?;
    fs::remove_file(from).map_err(io_err)
}

/// A new temporary `.plan-*.tmp` file in `dir`, created with the permissions of the file
/// it will replace (`existing`), or 0666 minus the umask for a new file, before a byte is
/// written: a private file is never copied into a readable one, even for a moment.
fn create_temp(dir: &Path, existing: Option<&fs::Metadata>) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".plan-").suffix(".tmp");
    match existing {
        Some(meta) => {
            builder.permissions(meta.permissions());
        }
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                // tempfile's own default is 0o600.
                builder.permissions(fs::Permissions::from_mode(0o666));
            }
        }
    }
    builder.tempfile_in(dir)
}

/// Whether a file's permissions allow no one to write it (`chmod 0444`). Decided from the
/// permission bits, not from trying: the superuser could write it all the same.
pub fn read_only(meta: &fs::Metadata) -> bool {
    meta.permissions().readonly()
}

/// Why a new file could not be put in place.
#[derive(Debug)]
enum NewFileError {
    Exists,
    Io(io::Error),
}

/// Puts `bytes` at `target` without replacing anything there, first with `rename`
/// (a no-overwrite rename or a hard link). Where the file system supports neither (some
/// FUSE and network mounts answer "permission denied" or "not supported"), the file is
/// created exclusively (`O_EXCL`) and written directly; if that fails too, the error names
/// both causes.
fn persist_new(
    target: &Path,
    bytes: &[u8],
    rename: impl FnOnce() -> io::Result<()>,
) -> Result<(), NewFileError> {
    let rename_error = match rename() {
        Ok(()) => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(NewFileError::Exists),
        Err(e) => e,
    };
    let created = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target);
    let mut file = match created {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(NewFileError::Exists),
        Err(e) => {
            return Err(NewFileError::Io(io::Error::new(
                e.kind(),
                format!(
                    "the file system refused a no-overwrite rename ({}) and creating the file directly ({})",
                    io_reason(&rename_error),
                    io_reason(&e)
                ),
            )))
        }
    };
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        // A half-written new file is not left behind.
        let _ = fs::remove_file(target);
        return Err(NewFileError::Io(e));
    }
    Ok(())
}

/// Creates `root/sub` (a relative path of plain names) unless any part of it is, or would
/// be reached through, a link that leads out of `root`. Nothing is created outside `root`.
pub fn create_folder_inside(root: &Path, sub: &str) -> Result<(), Failure> {
    let outside = || {
        Failure::usage(format!(
            "`{sub}` leads out of the plan folder: nothing was written"
        ))
    };
    let root = fs::canonicalize(root).map_err(|e| {
        Failure::usage(format!(
            "cannot read the plan folder `{}`: {}",
            root.display(),
            io_reason(&e)
        ))
    })?;
    let mut current = root.clone();
    for part in sub.split('/').filter(|p| !p.is_empty()) {
        if part == ".." || part == "." {
            return Err(outside());
        }
        current.push(part);
        match fs::symlink_metadata(&current) {
            Ok(_) => {
                // Exists: it must resolve inside the plan folder, to a folder.
                let resolved = fs::canonicalize(&current).map_err(|_| outside())?;
                if !resolved.starts_with(&root) {
                    return Err(outside());
                }
                if !resolved.is_dir() {
                    return Err(Failure::usage(format!("`{sub}` is not a folder")));
                }
                current = resolved;
            }
            Err(_) => fs::create_dir(&current).map_err(|e| {
                Failure::usage(format!(
                    "cannot create the folder `{}`: {}",
                    current.display(),
                    io_reason(&e)
                ))
            })?,
        }
    }
    Ok(())
}

/// Follows symlinks (however many) to the file they name, which may not exist yet.
fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    current.parent().unwrap_or(Path::new("")).join(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

use special::write_into_special;

#[cfg(test)]
mod tests;
