//! `plan check`: every finding, in the format asked for (text, concise, JSON, GitHub
//! annotations, GitLab Code Quality, SARIF, JUnit), to standard output or atomically to a
//! file; rule levels from the command line over `[rules.severity]`; the exit code.

use std::collections::HashMap;
use std::io::Write as _;

use crate::check::{check, counts, Rule, Severity};
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::Config;
use crate::error::{Failure, EXIT_INVALID, EXIT_OK};
use crate::render::check as render;
use crate::text::LineGuard;
use crate::write::write_atomic;

use super::{load_to_read, Out, Outcome};

pub fn run(config: &Config, args: &CheckArgs, out: Out<'_>) -> Outcome {
    let levels = levels(args)?;
    let mut plan = load_to_read(config)?;
    plan.manifest.rules.severity.extend(levels);
    let mut diags = check(&plan);
    let (errors, warnings) = counts(&diags);
    if args.quiet {
        // Only what fails the run is shown (with --strict, warnings fail it too).
        diags.retain(|d| {
            d.severity == Severity::Error || (args.strict && d.severity == Severity::Warning)
        });
    }

    let mut bytes = Vec::new();
    let buffer: Out<'_> = &mut bytes;
    // Colour only for the terminal: never in a file.
    let color = config.color && args.output.is_none();
    if args.statistics {
        match args.format {
            CheckFormat::Json => render::statistics::json(&diags, buffer)?,
            _ => render::statistics::text(&diags, buffer)?,
        }
    } else {
        match args.format {
            CheckFormat::Text => {
                render::text::text(&plan, &diags, color, buffer)?;
                if !args.quiet {
                    writeln!(
                        buffer,
                        "{}",
                        render::text::summary_line(plan.all_ids.len(), errors, warnings)
                    )?;
                }
            }
            CheckFormat::Concise => render::concise::concise(&plan, &diags, buffer)?,
            CheckFormat::Json => render::json::json(&plan, &diags, buffer)?,
            CheckFormat::Github => render::github::github(&plan, &diags, buffer)?,
            CheckFormat::Gitlab => render::gitlab::gitlab(&plan, &diags, buffer)?,
            CheckFormat::Sarif => render::sarif::sarif(&plan, &diags, buffer)?,
            CheckFormat::Junit => render::junit::junit(&plan, &diags, args.strict, buffer)?,
        }
    }
    match &args.output {
        Some(path) => {
            // A file is guarded as standard output is (`cat plan.xml` in a CI log), but for
            // GitHub annotations, whose lines are workflow commands on purpose.
            let bytes = if args.format == CheckFormat::Github && !args.statistics {
                bytes
            } else {
                let mut guarded_bytes = Vec::new();
                let mut guarded = LineGuard::new(&mut guarded_bytes);
                guarded.write_all(&bytes)?;
                guarded.flush()?;
                drop(guarded);
                guarded_bytes
            };
            write_atomic(path, &bytes, true).map_err(Failure::from)?
        }
        None => out.write_all(&bytes)?,
    }
    drop(diags);
    super::leave(plan);

    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed && !args.exit_zero {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}

/// The levels `--deny`, `--warn` and `--allow` set (`None`: off). A rule named by two of
/// them is a usage error: which one was meant cannot be known.
fn levels(args: &CheckArgs) -> Result<HashMap<Rule, Option<Severity>>, Failure> {
    let mut levels: HashMap<Rule, (Option<Severity>, &str)> = HashMap::new();
    let given = [
        (&args.deny, Some(Severity::Error), "--deny"),
        (&args.warn, Some(Severity::Warning), "--warn"),
        (&args.allow, None, "--allow"),
    ];
    for (rules, level, flag) in given {
        for &rule in rules {
            if let Some((other, other_flag)) = levels.insert(rule, (level, flag)) {
                if other != level {
                    return Err(Failure::usage(format!(
                        "`{rule}` is given to both {other_flag} and {flag}"
                    ))
                    .with_help("name each rule once"));
                }
            }
        }
    }
    Ok(levels.into_iter().map(|(r, (l, _))| (r, l)).collect())
}
