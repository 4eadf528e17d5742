//! `plan show ID`: one initiative in full, what it depends on and what depends on it.
//!
//! An unknown id is a usage error (exit 2) with "did you mean"; an id whose file is too
//! broken to read is an error in the plan (exit 1): `plan check` says why.

use crate::cli::ShowArgs;
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::i18n::words;
use crate::render::show::{self, Shown};
use crate::render::terminal::{self, Paint};
use crate::suggest::did_you_mean;

use super::{load_for_reading, Out, Outcome};

pub fn run(config: &Config, args: &ShowArgs, out: Out<'_>) -> Outcome {
    let mut plan = load_for_reading(config)?;
    let id = args.id.trim().trim_end_matches(".toml");
    let added = plan.get(id).and_then(|i| i.added);
    crate::assess::history::rewind(&mut plan, config.today);
    let Some(init) = plan.get(id) else {
        if let Some(added) = added {
            return Err(Failure::usage(format!(
                "`{id}` was added to the plan on {added}, after the as-of date {}",
                config.today
            ))
            .with_help(format!("give a later date: plan --today {added} show {id}"))
            .into());
        }
        if plan.all_ids().any(|known| known == id) {
            return Err(Failure::invalid(format!(
                "the initiative `{id}` cannot be read: its file has errors"
            ))
            .with_help("run `plan check` to see them")
            .into());
        }
        let help = did_you_mean(id, plan.all_ids())
            .unwrap_or_else(|| "run `plan list` to see the ids".to_string());
        return Err(
            Failure::usage(format!("no initiative has the id `{}`", args.id))
                .with_help(help)
                .into(),
        );
    };
    let shown = Shown::of(&plan, init, config.today);
    let paint = Paint {
        color: config.color,
    };
    let words = words(config.lang_for(&plan));
    show::text(&shown, words, paint, terminal::width(), out)?;
    drop(shown);
    super::leave(plan);
    Ok(EXIT_OK)
}
