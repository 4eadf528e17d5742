//! `plan check`: every finding, as text, JSON or GitHub annotations; with `--fix`, the sure
//! fixes applied first (under the plan folder's lock), with `--diff` shown instead.

use std::io::Write as _;

use crate::check::{check, counts};
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::Config;
use crate::edit::fix::{fix_plan, keep_sure_fixes, unified_diff, write_fixed};
use crate::error::{Failure, EXIT_INVALID, EXIT_OK};
use crate::render::diagnostics;
use crate::text::clean_line;

use super::{load, load_for_writing, Out, Outcome};

pub fn run(config: &Config, args: &CheckArgs, out: Out<'_>) -> Outcome {
    if args.canonical && !args.fix && !args.diff {
        return Err(Failure::usage("--canonical goes with --fix or --diff")
            .with_help("plan check --fix --canonical")
            .into());
    }
    if args.diff {
        let plan = load(config)?;
        let fixed = fix_plan(&plan, args.canonical);
        // Plan text is shown as it is but for what must not reach a terminal.
        write!(out, "{}", crate::text::strip(&unified_diff(&plan, &fixed)))?;
        return Ok(if fixed.is_empty() {
            EXIT_OK
        } else {
            EXIT_INVALID
        });
    }
    let plan = if args.fix {
        let (_lock, plan) = load_for_writing(config)?;
        let fixed = fix_plan(&plan, args.canonical);
        let mut err = crate::stdio::stderr();
        for f in &fixed {
            write_fixed(&plan, f).map_err(Failure::from)?;
            writeln!(
                err,
                "fixed {}: {} change{}",
                clean_line(&plan.file(f.file).display),
                f.fixes,
                if f.fixes == 1 { "" } else { "s" }
            )?;
        }
        // What remains, read again while the lock is held.
        load(config)?
    } else {
        load(config)?
    };
    let mut diags = check(&plan);
    keep_sure_fixes(&plan, &mut diags);
    diags.extend(super::schema::outdated(&plan));
    match args.format {
        CheckFormat::Text => {
            diagnostics::text(&plan, &diags, config.color, out)?;
            let (errors, warnings) = counts(&diags);
            writeln!(
                out,
                "{}",
                diagnostics::summary_line(plan.all_ids.len(), errors, warnings)
            )?;
            let fixable = diags.iter().filter(|d| d.fix.is_some()).count();
            if fixable > 0 {
                writeln!(
                    out,
                    "{fixable} fixable with `plan check --fix` (`plan check --diff` shows how)"
                )?;
            }
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
