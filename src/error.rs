//! Failures that end a command, and the exit code each one means.

use std::fmt;

/// Exit codes, for every command.
pub const EXIT_OK: u8 = 0;
/// The plan (or the input) has errors.
pub const EXIT_INVALID: u8 = 1;
/// A usage error, or the folder or a file could not be read or written.
pub const EXIT_USAGE: u8 = 2;

/// A failure with a message for the user and the exit code it means. Other errors
/// (`anyhow`) exit with 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    pub help: Option<String>,
}

impl Failure {
    /// Bad input: exit 1.
    pub fn invalid(message: impl Into<String>) -> Self {
        Failure {
            code: EXIT_INVALID,
            message: message.into(),
            help: None,
        }
    }

    /// Usage error or unreadable folder: exit 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}
