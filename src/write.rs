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
    /// The folder or the file could not be written.
    Io { path: PathBuf, source: io::Error },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(path) => write!(f, "`{}` already exists", path.display()),
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

/// An existing file is a refusal (exit 1, with a hint); a file that cannot be written is
/// exit 2.
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
            WriteError::Io { .. } => Failure::usage(err.to_string()),
        }
    }
}

/// Writes `bytes` to `path` atomically. Without `force`, an existing file is left alone
/// (`WriteError::Exists`), also when it appears while writing. With `force`, an existing
/// file is replaced and keeps its permissions; a symlink is followed, so the file it points
/// to is replaced rather than the link. A new file gets the usual permissions (umask).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    let io_err = |source: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Write next to the file the path finally names, so that the rename stays in one
    // file system and a symlink keeps pointing at the new content.
    let target = resolve_symlinks(path).map_err(io_err)?;
    let existing = fs::metadata(&target).ok();
    // Without `force`, a link at the path counts as a file there, even when it dangles: a
    // new file is never written through a link to some other place.
    let link_here = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if (existing.is_some() || link_here) && !force {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(io_err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        )));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };

    let mut builder = tempfile::Builder::new();
    builder.prefix(".plan-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // 0o666 minus the umask, as for any new file (tempfile's default is 0o600).
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(io_err)?;
    temp.write_all(bytes).map_err(io_err)?;
    if let Some(meta) = &existing {
        fs::set_permissions(temp.path(), meta.permissions()).map_err(io_err)?;
    }
    temp.as_file().sync_all().map_err(io_err)?;

    let persisted = if force {
        temp.persist(&target).map(drop)
    } else {
        temp.persist_noclobber(&target).map(drop)
    };
    persisted.map_err(|e| {
        if !force && e.error.kind() == io::ErrorKind::AlreadyExists {
            WriteError::Exists(path.to_path_buf())
        } else {
            io_err(e.error)
        }
    })?;
    // Make the rename itself durable where the platform allows syncing a folder.
    #[cfg(unix)]
    if let Ok(folder) = fs::File::open(&dir) {
        let _ = folder.sync_all();
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
