//! Atomic file writes, for every command that writes a file: the bytes go to a temporary
//! `.plan-*` file in the target's folder (the loader skips dotfiles), are synced, and the
//! temporary file is renamed over the target. A reader never sees half a file, and a crash
//! leaves at most a hidden `.plan-*` file behind.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Failure;
use crate::load::io_reason;

/// Why a write did not happen.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists and `force` was not given.
    Exists(PathBuf),
    /// The file is read-only and `force` was not given.
    ReadOnly(PathBuf),
    /// The file's bytes are no longer those the command read: someone else changed it.
    Changed(PathBuf),
    /// The path is a link that leads out of the folder the write must stay in.
    OutsideFolder { path: PathBuf, folder: PathBuf },
    /// The path names something that is neither a regular file nor written into (a socket,
    /// a disk, a named pipe no one reads); `what` says which.
    Special { path: PathBuf, what: &'static str },
    /// The folder or the file could not be written.
    Io { path: PathBuf, source: io::Error },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(path) => write!(f, "`{}` already exists", path.display()),
            WriteError::ReadOnly(path) => {
                write!(f, "`{}` is read-only: nothing was written", path.display())
            }
            WriteError::Changed(path) => write!(
                f,
                "`{}` was changed by something else while plan worked on it: nothing was written",
                path.display()
            ),
            WriteError::OutsideFolder { path, folder } => write!(
                f,
                "`{}` is a link that leads out of `{}`: nothing was written",
                path.display(),
                folder.display()
            ),
            WriteError::Special { path, what } => {
                write!(f, "cannot write `{}`: {what}", path.display())
            }
            WriteError::Io { path, source } => {
                write!(
                    f,
                    "cannot write `{}`: {}",
                    path.display(),
                    io_reason(source)
                )
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// An existing, read-only or changed file is a refusal (exit 1, with a hint); a file that
/// cannot be written, or may not be, is exit 2.
impl From<WriteError> for Failure {
    fn from(err: WriteError) -> Failure {
        Failure::from(&err)
    }
}

impl From<&WriteError> for Failure {
    fn from(err: &WriteError) -> Failure {
        match err {
            WriteError::Exists(_) => {
                Failure::invalid(err.to_string()).with_help("use --force to overwrite it")
            }
            WriteError::ReadOnly(_) => Failure::invalid(err.to_string())
                .with_help("make it writable first, or use --force to change it all the same"),
            WriteError::Changed(_) => Failure::invalid(err.to_string())
                .with_help("run the command again: it will work on the file as it is now"),
            WriteError::OutsideFolder { .. } => Failure::usage(err.to_string())
                .with_help("replace the link by a file, or write to where it points"),
            WriteError::Special { .. } | WriteError::Io { .. } => Failure::usage(err.to_string()),
        }
    }
}

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
    /// The folder the write must stay in: a link at the path is followed only to a file
    /// inside it. `None`: the folder the path names.
    pub within: Option<&'a Path>,
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
            if options.expected.is_some() {
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

    let mut builder = tempfile::Builder::new();
    builder.prefix(".plan-").suffix(".tmp");
    // The temporary file has the target's permissions from its creation (tempfile's
    // default is 0o600; a new file gets 0o666 minus the umask, as any other).
    match &existing {
        Some(meta) => {
            builder.permissions(meta.permissions());
        }
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                builder.permissions(fs::Permissions::from_mode(0o666));
            }
        }
    }
    let mut temp = builder.tempfile_in(&dir).map_err(io_err)?;
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

/// Writes into a named pipe or a character device (`/dev/stdout`, a terminal): such a file
/// is never replaced. A pipe that no one reads is refused rather than waited on; a socket
/// or a disk device is refused.
fn write_into_special(path: &Path, meta: &fs::Metadata, bytes: &[u8]) -> Result<(), WriteError> {
    let special = |what| WriteError::Special {
        path: path.to_path_buf(),
        what,
    };
    let io_err = |source: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        let kind = meta.file_type();
        if kind.is_fifo() {
            // Without a reader, opening a pipe to write would wait forever.
            let mut pipe = fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)
                .map_err(|e| {
                    if e.raw_os_error() == Some(libc::ENXIO) {
                        special("it is a named pipe that no one is reading")
                    } else {
                        io_err(e)
                    }
                })?;
            let mut rest = bytes;
            while !rest.is_empty() {
                match pipe.write(rest) {
                    Ok(n) => rest = &rest[n..],
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(io_err(e)),
                }
            }
            return Ok(());
        }
        if kind.is_char_device() {
            let mut device = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io_err)?;
            return device.write_all(bytes).map_err(io_err);
        }
        if kind.is_socket() {
            return Err(special("it is a socket, not a file"));
        }
        if kind.is_block_device() {
            return Err(special("it is a disk device, not a file"));
        }
    }
    let _ = (meta, bytes);
    Err(special("it is not a regular file"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".plan-"))
            .collect()
    }

    #[test]
    fn writes_a_new_file_and_refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("memo.md");
        write_atomic(&path, b"first", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let err = write_atomic(&path, b"second", false).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"first");
        write_atomic(&path, b"second", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_is_refused_without_force_and_written_through_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("real.toml", &link).unwrap();
        let err = write_atomic(&link, b"new", false).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)), "{err}");
        assert!(!dir.path().join("real.toml").exists());
        write_atomic(&link, b"new", true).unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(dir.path().join("real.toml")).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn folders_are_created_only_inside_the_plan_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("plans");
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(&root).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("q3")).unwrap();
        create_folder_inside(&root, "q2/sub").unwrap();
        assert!(root.join("q2/sub").is_dir());
        let err = create_folder_inside(&root, "q3/sub").unwrap_err();
        assert!(err.message.contains("leads out"), "{}", err.message);
        assert!(!elsewhere.join("sub").exists());
        assert!(create_folder_inside(&root, "../x").is_err());
        assert!(!dir.path().join("x").exists());
    }

    #[test]
    fn a_missing_folder_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/memo.md");
        let err = write_atomic(&path, b"x", false).unwrap_err();
        assert!(matches!(err, WriteError::Io { .. }), "{err}");
        assert_eq!(Failure::from(err).code, crate::error::EXIT_USAGE);
    }

    #[cfg(unix)]
    #[test]
    fn overwriting_keeps_permissions_and_follows_symlinks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();

        write_atomic(&link, b"new", true).unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_private_to_the_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("memo.html");
        write_atomic(&path, b"x", false).unwrap();
        let plain = dir.path().join("plain.html");
        fs::write(&plain, b"x").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // tempfile alone would give 0o600; a new file follows the umask like any other.
        assert_eq!(mode(&path), mode(&plain));
    }
}
