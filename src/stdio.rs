//! Standard error as `plan` writes it, and whether standard output was closed when `plan`
//! started (`plan list >&-`).
//!
//! Rust's runtime opens `/dev/null` on a closed standard stream before `main` runs, so that
//! afterwards every write "succeeds" and the output is lost without a word. On Linux the
//! descriptor is looked at earlier, from `.init_array` (which the C runtime runs before
//! Rust's), and remembered; elsewhere it is not known and [`stdout_was_closed`] says `false`.

use crate::text::LineGuard;

#[cfg(target_os = "linux")]
mod imp {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    extern "C" fn look() {
        // SAFETY: `fcntl(F_GETFD)` only reads the descriptor's flags; it fails with EBADF
        // when descriptor 1 is not open.
        let flags = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) };
        if flags == -1 {
            CLOSED.store(true, Ordering::Relaxed);
        }
    }

    #[used]
    #[link_section = ".init_array"]
    static LOOK: extern "C" fn() = look;

    pub fn closed() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    pub fn closed() -> bool {
        false
    }
}

/// Whether descriptor 1 was closed when the process started (Linux; `false` elsewhere).
pub fn stdout_was_closed() -> bool {
    imp::closed()
}

/// Standard error, locked, through the [`LineGuard`]: no line written to it starts a CI
/// runner's command (`::error`, `##[`), whatever plan text it shows. Everything `plan`
/// writes to standard error goes through this.
pub fn stderr() -> LineGuard<std::io::StderrLock<'static>> {
    LineGuard::new(std::io::stderr().lock())
}
