//! `plan new`: not built yet.

use crate::config::Config;
use crate::error::Failure;

use super::{Out, Outcome};

pub fn run(_config: &Config, _out: Out<'_>) -> Outcome {
    Err(Failure::usage("`plan new` is not available yet").into())
}
