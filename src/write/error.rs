//! Why a write did not happen ([`WriteError`]), in words, and as the [`Failure`] a command
//! exits with.

use std::fmt;
use std::io;
use std::path::PathBuf;

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

impl WriteError {
    /// The [`Failure`] of a command that has no `--force` (`plan new`, `plan check --fix`):
    /// as [`Failure::from`], but no help names an option the command lacks, and a read-only
    /// file is exit 2 (a file that could not be written), since nothing on the command line
    /// would let it be changed.
    pub fn without_force(&self) -> Failure {
        match self {
            WriteError::Exists(_) => Failure::invalid(self.to_string())
                .with_help("move it out of the way first, or choose another name"),
            WriteError::ReadOnly(_) => {
                Failure::usage(self.to_string()).with_help("make it writable first")
            }
            other => Failure::from(other),
        }
    }
}

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
