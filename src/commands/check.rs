//! `plan check`: every finding, as text, JSON or GitHub annotations.

use crate::check::{check, counts};
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::Config;
use crate::error::{EXIT_INVALID, EXIT_OK};
use crate::render::diagnostics;

use super::{load, Out, Outcome};

pub fn run(config: &Config, args: &CheckArgs, out: Out<'_>) -> Outcome {
    let plan = load(config)?;
    let diags = check(&plan);
    match args.format {
        CheckFormat::Text => {
            diagnostics::text(&plan, &diags, config.color, out)?;
            let (errors, warnings) = counts(&diags);
            writeln!(
                out,
                "{}",
                diagnostics::summary_line(plan.all_ids.len(), errors, warnings)
            )?;
        }
        CheckFormat::Json => diagnostics::json(&plan, &diags, out)?,
        CheckFormat::Github => diagnostics::github(&plan, &diags, out)?,
    }
    let (errors, warnings) = counts(&diags);
    Ok(if errors > 0 || (args.strict && warnings > 0) {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}
