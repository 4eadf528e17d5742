//! `plan completions SHELL`: the shell's completion script, on standard output.

use clap::CommandFactory as _;

use crate::cli::{Cli, CompletionsArgs};
use crate::config::Config;
use crate::error::EXIT_OK;

use super::{Out, Outcome};

pub fn run(_config: &Config, args: &CompletionsArgs, out: Out<'_>) -> Outcome {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "plan", out);
    Ok(EXIT_OK)
}
