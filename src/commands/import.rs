//! `plan import`: not built yet.
use crate::cli::ImportArgs;
use crate::config::Config;
use crate::error::Failure;

use super::{Out, Outcome};

pub fn run(_config: &Config, _args: &ImportArgs, _out: Out<'_>) -> Outcome {
    Err(Failure::usage("`plan import` is not available yet").into())
}
