//! `plan status`: where the plan stands at the as-of date, as a dashboard or JSON.

use crate::assess::history::rewind;
use crate::assess::summary::summarize;
use crate::cli::{StatusArgs, StatusFormat};
use crate::config::Config;
use crate::error::EXIT_OK;
use crate::i18n::words;
use crate::render::status;
use crate::render::terminal::{self, Paint};

use super::{load_to_sum_up, Out, Outcome};

pub fn run(config: &Config, args: &StatusArgs, out: Out<'_>) -> Outcome {
    let mut plan = load_to_sum_up(config)?;
    rewind(&mut plan, config.today);
    let summary = summarize(&plan, config.today);
    match args.format {
        StatusFormat::Text => {
            let paint = Paint {
                color: config.color,
            };
            let words = words(config.lang_for(&plan));
            status::text(&summary, words, paint, terminal::width(), out)?;
        }
        StatusFormat::Json => status::json(&summary, out)?,
    }
    super::leave(summary);
    super::leave(plan);
    Ok(EXIT_OK)
}
