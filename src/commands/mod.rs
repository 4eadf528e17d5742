//! One file per subcommand: load → compute → render.

pub mod check;
pub mod completions;
pub mod import;
pub mod init;
pub mod list;
pub mod man;
pub mod new;
pub mod note;
pub mod report;
pub mod set;
pub mod show;
pub mod status;

use std::io::Write;

use crate::config::Config;
use crate::error::Failure;
use crate::load::{io_reason, load_plan};
use crate::model::Plan;

/// Loads the configured plan folder; a folder that cannot be read is a usage failure (exit 2).
pub fn load(config: &Config) -> Result<Plan, Failure> {
    load_plan(&config.plans).map_err(|err| {
        let dir = config.plans.display();
        let mut failure = Failure::usage(format!("cannot read the plan folder `{dir}`: {}", io_reason(&err)));
        if !config.plans_explicit && err.kind() == std::io::ErrorKind::NotFound {
            failure = failure.with_help("run plan from the folder that holds plans/, or name it with --plans DIR (or PLAN_DIR)");
        }
        failure
    })
}

/// What a command hands back: the exit code. Output has been written to `out`.
pub type Outcome = anyhow::Result<u8>;

/// A command's output sink.
pub type Out<'a> = &'a mut dyn Write;
