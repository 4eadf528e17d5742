//! One file per subcommand: load → compute → render.

pub mod check;
pub mod completions;
pub mod history;
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

use crate::check::check;
use crate::config::Config;
use crate::diag::{Diagnostic, Severity};
use crate::error::Failure;
use crate::load::{io_reason, load_plan};
use crate::model::Plan;
use crate::render::diagnostics;
use crate::render::terminal::Paint;
use crate::text::clean;

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

/// Loads the plan for a command that shows it (status, list, show, report), so that nobody
/// reads numbers from a plan that is silently wrong:
/// - an error in `plan.toml` stops the command (exit 1) with the findings on stderr: the year
///   and the rules of everything shown would be wrong;
/// - errors in initiative files are one warning on stderr naming the files, pointing to
///   `plan check`: those files may be left out or shown incomplete.
pub fn load_for_reading(config: &Config) -> anyhow::Result<Plan> {
    Ok(load_for_reading_with_errors(config)?.0)
}

/// [`load_for_reading`], also handing back the initiative files with errors (as shown, in
/// path order), for a memo to name what it may leave out.
pub fn load_for_reading_with_errors(config: &Config) -> anyhow::Result<(Plan, Vec<String>)> {
    let plan = load(config)?;
    let errors: Vec<Diagnostic> = check(&plan)
        .into_iter()
        .filter(|d| d.severity == Severity::Error && d.file.is_some())
        .collect();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let in_manifest: Vec<Diagnostic> = errors
        .iter()
        .filter(|d| plan.has_manifest && d.file == Some(0))
        .cloned()
        .collect();
    if !in_manifest.is_empty() {
        diagnostics::text(&plan, &in_manifest, config.color_stderr, &mut err)?;
        let manifest = &plan.file(0).display;
        return Err(Failure::invalid(format!(
            "`{manifest}` has errors, so the plan's year and rules cannot be trusted: fix them first"
        ))
        .with_help("`plan check` lists every problem")
        .into());
    }
    let mut files: Vec<&str> = errors
        .iter()
        .filter_map(|d| d.file)
        .map(|f| plan.file(f).display.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    let owned: Vec<String> = files.iter().map(|f| f.to_string()).collect();
    if !files.is_empty() {
        let n = files.len();
        let paint = Paint {
            color: config.color_stderr,
        };
        writeln!(
            err,
            "{} {n} initiative file{} {} errors and may be left out or incomplete: {}",
            paint.warning("warning:"),
            if n == 1 { "" } else { "s" },
            if n == 1 { "has" } else { "have" },
            clean(&files.join(", "))
        )?;
        writeln!(
            err,
            "{} `plan check` shows what to fix",
            paint.bold("help:")
        )?;
    }
    Ok((plan, owned))
}

/// What a command hands back: the exit code. Output has been written to `out`.
pub type Outcome = anyhow::Result<u8>;

/// A command's output sink.
pub type Out<'a> = &'a mut dyn Write;
