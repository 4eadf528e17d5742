//! `plan completions SHELL`: the shell's completion script, on standard output.

use clap::CommandFactory as _;

use crate::cli::{Cli, CompletionsArgs};
use crate::config::Config;
use crate::error::EXIT_OK;

use super::{Out, Outcome};

pub fn run(_config: &Config, args: &CompletionsArgs, out: Out<'_>) -> Outcome {
    // Rendered into memory first: `generate` panics when its own write fails (a closed pipe).
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "plan", &mut script);
    out.write_all(&script)?;
    Ok(EXIT_OK)
}
