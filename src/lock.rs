//! The plan folder's write lock: every command that writes into a plan folder holds it from
//! before it reads the plan until its last file is renamed into place, so that two commands
//! never both read the same file and both write their change over it.
//!
//! The lock is an advisory lock (`flock` on Unix, `LockFileEx` on Windows, through
//! `std::fs::File::lock`) on the file `.plan.lock` in the plan folder. On Unix the file is
//! removed when the command is done (on other systems it stays behind, empty; the loader
//! skips it like every dotfile). The lock is released when the
//! [`PlanLock`] is dropped, and by the operating system when the process ends however it
//! ends (`kill -9` included): a stale lock cannot block the folder.
//!
//! A command that finds the folder locked waits: after a second it says on stderr that it
//! is waiting and for what, and after [`DEFAULT_WAIT`] (or `PLAN_LOCK_TIMEOUT` seconds) it
//! gives up with exit 2, as for any file that cannot be written.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::Failure;
use crate::load::io_reason;

/// The lock file's name inside the plan folder.
pub const LOCK_FILE: &str = ".plan.lock";

/// How long a command waits for another one to finish before it gives up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(30);

/// How long a command waits before it says that it is waiting.
const QUIET_WAIT: Duration = Duration::from_secs(1);

/// The write lock on one plan folder, held until dropped.
#[derive(Debug)]
pub struct PlanLock {
    /// Kept open: closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl PlanLock {
    /// Takes the lock of the plan folder `dir`, waiting for as long as `PLAN_LOCK_TIMEOUT`
    /// (whole or decimal seconds) says, else [`DEFAULT_WAIT`]. The folder must exist.
    ///
    /// Errors (exit 2): the lock file cannot be created or locked, or another command
    /// held the lock for the whole wait.
    pub fn acquire(dir: &Path) -> Result<PlanLock, Failure> {
        let wait = std::env::var("PLAN_LOCK_TIMEOUT")
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map_or(DEFAULT_WAIT, Duration::from_secs_f64);
        PlanLock::acquire_within(dir, wait, &mut crate::stdio::stderr())
    }

    /// Takes the lock of `dir`, waiting at most `wait`; the message that the command is
    /// waiting goes to `notice`.
    pub fn acquire_within(
        dir: &Path,
        wait: Duration,
        notice: &mut dyn std::io::Write,
    ) -> Result<PlanLock, Failure> {
        let path = dir.join(LOCK_FILE);
        let shown = crate::text::clean_line(&path.display().to_string());
        let mut file = open_lock_file(&path, &shown)?;
        let start = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) if same_file(&file, &path) => {
                    return Ok(PlanLock { _file: file, path });
                }
                Ok(()) => {
                    // The holder removed the lock file while we waited for it: lock the
                    // file now at that name instead.
                    file = open_lock_file(&path, &shown)?;
                    continue;
                }
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => {
                    return Err(Failure::usage(format!(
                        "cannot lock the plan folder through `{shown}`: {}",
                        io_reason(&e)
                    )));
                }
            }
            let waited = start.elapsed();
            if waited >= wait {
                return Err(Failure::usage(format!(
                    "the plan folder is locked by another plan command (`{shown}`): gave up after {} s; nothing was written",
                    wait.as_secs_f64().round()
                ))
                .with_help(
                    "run the command again when the other one has finished; the lock ends with the process that holds it",
                ));
            }
            if !told && waited >= QUIET_WAIT {
                let _ = writeln!(
                    notice,
                    "waiting for another plan command to finish (lock `{shown}`)…"
                );
                told = true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The lock file is removed while it is still locked, so that a command leaves the folder
/// as it found it; a command that waited on the removed file sees that the name now means
/// another file (or none) and locks that instead.
impl Drop for PlanLock {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn open_lock_file(path: &Path, shown: &str) -> Result<File, Failure> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| {
            Failure::usage(format!(
                "cannot lock the plan folder: cannot open `{shown}`: {}",
                io_reason(&e)
            ))
        })
}

/// Whether the open `file` is still the file at `path` (not removed or replaced since).
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // The lock file is not removed on other systems: it stays the same file.
        let _ = (file, path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_and_then_gives_up_with_exit_2() {
        let dir = tempfile::tempdir().unwrap();
        let held = PlanLock::acquire_within(dir.path(), Duration::ZERO, &mut Vec::new()).unwrap();
        assert!(held.path().ends_with(LOCK_FILE));
        let mut notice = Vec::new();
        let err = PlanLock::acquire_within(dir.path(), Duration::from_millis(1100), &mut notice)
            .unwrap_err();
        assert_eq!(err.code, crate::error::EXIT_USAGE);
        assert!(
            err.message.contains("locked by another plan command"),
            "{}",
            err.message
        );
        assert!(String::from_utf8(notice)
            .unwrap()
            .contains("waiting for another plan command"));
        drop(held);
        PlanLock::acquire_within(dir.path(), Duration::ZERO, &mut Vec::new()).unwrap();
    }

    #[test]
    fn a_missing_folder_is_exit_2() {
        let dir = tempfile::tempdir().unwrap();
        let err =
            PlanLock::acquire_within(&dir.path().join("nope"), Duration::ZERO, &mut Vec::new())
                .unwrap_err();
        assert_eq!(err.code, crate::error::EXIT_USAGE);
    }
}
