//! The one way a file is written: atomically, through a temporary file in the same folder.
//!
//! A reader (or a crash) sees either the old file or the new one, never half of it. The
//! temporary file is named `.plan-*` so that the loader, which skips dotfiles, never reads
//! one left behind by a crash.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// Writes `bytes` to `path` atomically: a `.plan-*` temporary file in the target's folder,
/// synced, given the permissions of the file it replaces, then renamed over it. A symlink
/// is written through to its target (the link stays a link). Without `overwrite`, an
/// existing file is never replaced (the rename itself refuses, so there is no race).
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> anyhow::Result<()> {
    let target =
        resolve_symlinks(path).with_context(|| format!("cannot write `{}`", path.display()))?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        anyhow::bail!("cannot write `{}`: it is a folder", path.display());
    }
    if !overwrite && existing.is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the file exists",
        ))
        .with_context(|| format!("cannot write `{}`", path.display()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".plan-").suffix(".tmp");
    if existing.is_none() {
        // A new file gets what an editor would give it (0666 less the umask), not
        // tempfile's private 0600.
        new_file_permissions(&mut builder);
    }
    let mut temp = builder
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a temporary file in `{}`", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.flush())
        .with_context(|| format!("cannot write `{}`", temp.path().display()))?;
    if let Some(meta) = &existing {
        // The file we replace keeps its own permissions.
        fs::set_permissions(temp.path(), meta.permissions())
            .with_context(|| format!("cannot set the permissions of `{}`", path.display()))?;
    }
    temp.as_file()
        .sync_all()
        .with_context(|| format!("cannot sync `{}`", temp.path().display()))?;
    let persisted = if overwrite {
        temp.persist(&target)
    } else {
        temp.persist_noclobber(&target)
    };
    persisted
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    sync_dir(&dir);
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

#[cfg(unix)]
fn new_file_permissions(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt as _;
    builder.permissions(fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn new_file_permissions(_builder: &mut tempfile::Builder<'_, '_>) {}

/// Makes the rename itself durable. Best effort: not every system can sync a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".plan-"))
            .collect()
    }

    #[test]
    fn writes_a_new_file_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"one", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        let err = write_atomic(&path, b"two", false).unwrap_err();
        assert!(format!("{err:#}").contains("exists"), "{err:#}");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_writes_through_symlinks() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("real.toml", &link).unwrap();
        write_atomic(&link, b"new", true).unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let fresh = dir.path().join("fresh.toml");
        write_atomic(&fresh, b"x", false).unwrap();
        let mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        // What a plain `File::create` gives under the same umask, not tempfile's 0600.
        let plain = dir.path().join("plain");
        fs::File::create(&plain).unwrap();
        let expected = fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("no/such/a.toml"), b"x", false).unwrap_err();
        assert!(format!("{err:#}").contains("temporary file"), "{err:#}");
    }
}
