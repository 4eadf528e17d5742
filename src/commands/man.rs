//! `plan man`: the man page (roff), on standard output.

use clap::CommandFactory as _;

use crate::cli::Cli;
use crate::config::Config;
use crate::error::EXIT_OK;

use super::{Out, Outcome};

pub fn run(_config: &Config, out: Out<'_>) -> Outcome {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(EXIT_OK)
}
