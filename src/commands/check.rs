//! `plan check`: every finding, in the format asked for (text, concise, JSON, GitHub
//! annotations, GitLab Code Quality, SARIF, JUnit), to standard output or atomically to a
//! file; rule levels from the command line over `[rules.severity]`; the exit code. With
//! `--fix`, the sure fixes are applied first (under the plan folder's lock); with `--diff`,
//! they are shown instead ([`crate::edit::fix`]).

use std::collections::HashMap;
use std::io::Write as _;

use crate::check::{check, counts, Rule, Severity};
use crate::cli::{CheckArgs, CheckFormat};
use crate::config::Config;
use crate::edit::fix::{
    fix_plan, keep_sure_fixes, shown_diff, unified_diff, write_fixed, DiffBase,
};
use crate::error::{Failure, EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::model::Plan;
use crate::render::check as render;
use crate::text::{clean_line, LineGuard};
use crate::write::write_atomic;

use super::{load, load_for_writing, Out, Outcome};

pub fn run(config: &Config, args: &CheckArgs, out: Out<'_>) -> Outcome {
    refuse_before_checking(args)?;
    let levels = levels(args)?;
    if args.canonical && !args.fix && !args.diff {
        return Err(Failure::usage("--canonical goes with --fix or --diff")
            .with_help("plan check --fix --canonical")
            .into());
    }
    let with_levels = |mut plan: Plan| {
        plan.set_levels(levels.clone());
        plan
    };
    if args.diff {
        let plan = with_levels(load(config)?);
        let fixed = fix_plan(&plan, args.canonical);
        let (diff, base) = unified_diff(&plan, &fixed);
        let paint = crate::render::terminal::Paint {
            color: config.color_stderr,
        };
        let mut err = crate::stdio::stderr();
        if base == DiffBase::PlanFolder && !fixed.is_empty() {
            let folder = crate::text::shell_word(&plan.dir.display().to_string());
            // `git -C` changes folder first: the patch is named as it is from there.
            let patch = match &args.output {
                Some(path) => crate::text::shell_word(
                    &std::path::absolute(path)
                        .unwrap_or_else(|_| path.clone())
                        .display()
                        .to_string(),
                ),
                None => "FILE".to_string(),
            };
            writeln!(
                err,
                "{} the diff's paths are relative to the plan folder {folder} (from here, a path to a file to fix would climb out of this folder or be absolute, which `git apply` refuses): apply it there, e.g. `git -C {folder} apply {patch}`",
                paint.bold("note:")
            )?;
        }
        match &args.output {
            // A file is no terminal: the diff byte for byte, as `git apply` needs it.
            Some(path) => {
                write_atomic(path, diff.as_bytes(), args.force).map_err(|e| e.without_force())?
            }
            None => {
                // Plan text is shown as it is but for what must not reach a terminal.
                let shown = shown_diff(&diff);
                if shown != diff {
                    writeln!(
                        err,
                        "{} characters that must not reach a terminal are left out of the diff shown, so `git apply` does not take it as shown: write it to a file with -o FILE",
                        paint.bold("note:")
                    )?;
                }
                write!(out, "{shown}")?;
            }
        }
        return Ok(if fixed.is_empty() || args.exit_zero {
            EXIT_OK
        } else {
            EXIT_INVALID
        });
    }
    // With --fix, the lock is held until the findings of the fixed plan are written.
    let mut _lock = None;
    // Set when `--fix` could not write a file (each is said, and the other files are fixed
    // all the same): the run then exits 2.
    let mut not_fixed = None;
    let plan = if args.fix {
        let (lock, plan) = load_for_writing(config)?;
        _lock = Some(lock);
        let plan = with_levels(plan);
        let fixed = fix_plan(&plan, args.canonical);
        let mut err = crate::stdio::stderr();
        let paint = crate::render::terminal::Paint {
            color: config.color_stderr,
        };
        for f in &fixed {
            if let Err(e) = write_fixed(&plan, f) {
                let failure = e.without_force();
                let reason = failure
                    .message
                    .strip_suffix(": nothing was written")
                    .unwrap_or(&failure.message);
                writeln!(
                    err,
                    "{} {}: not fixed",
                    paint.error("error:"),
                    crate::text::visible_line(reason)
                )?;
                if let Some(help) = &failure.help {
                    writeln!(err, "{} {help}", paint.bold("help:"))?;
                }
                // A file that could not be written: exit 2, whatever the reason (read-only,
                // changed meanwhile, a link out of the folder).
                not_fixed = Some(EXIT_USAGE);
                continue;
            }
            writeln!(
                err,
                "fixed {}: {} change{}",
                clean_line(&plan.file(f.file).display()),
                f.fixes,
                if f.fixes == 1 { "" } else { "s" }
            )?;
        }
        // What remains, read again.
        with_levels(super::load_to_check(config)?)
    } else {
        with_levels(super::load_to_check(config)?)
    };
    let diags = member_findings(&plan);
    let waiting = waiting_for(&plan);
    let outcome = finish(config, args, &plan, diags, &waiting, out);
    super::leave(plan);
    // A file left unfixed is the run's failure, after the findings that remain are shown.
    match not_fixed {
        Some(code) => outcome.map(|found| found.max(code)),
        None => outcome,
    }
}

/// Every finding of one plan, the sure fixes marked and an outdated schema noted (shared
/// with a workspace's check, member by member).
pub(crate) fn member_findings(plan: &Plan) -> Vec<crate::check::Diagnostic> {
    let mut diags = check(plan);
    keep_sure_fixes(plan, &mut diags);
    diags.extend(super::schema::outdated(plan));
    diags
}

/// The plan's `plan.toml` as shown when it has errors, so that the rules judging by its
/// catalogue and year wait ([`crate::check::manifest_has_errors`]); else nothing.
pub(crate) fn waiting_for(plan: &Plan) -> Vec<String> {
    if crate::check::manifest_has_errors(plan) {
        vec![plan.file(0).display()]
    } else {
        Vec::new()
    }
}

/// Writes the findings `diags` of `plan` as `args` asks and chooses the exit code (shared
/// with a workspace's check, whose `plan` holds every member's files). `waiting`: the
/// `plan.toml` files whose errors hold back the rules that judge by them (said under the
/// text output's summary).
pub(crate) fn finish(
    config: &Config,
    args: &CheckArgs,
    plan: &Plan,
    mut diags: Vec<crate::check::Diagnostic>,
    waiting: &[String],
    out: Out<'_>,
) -> Outcome {
    let (errors, warnings) = counts(&diags);
    if args.quiet {
        // Only what fails the run is shown (with --strict, warnings fail it too).
        diags.retain(|d| {
            d.severity == Severity::Error || (args.strict && d.severity == Severity::Warning)
        });
    }

    // Standard output is written as the findings are rendered (a report of 100,000 files is
    // not held in memory); a file (`--output`) is made whole, then written atomically.
    let mut bytes = Vec::new();
    let buffer: Out<'_> = match args.output {
        Some(_) => &mut bytes,
        None => &mut *out,
    };
    // Colour only for the terminal: never in a file.
    let color = config.color && args.output.is_none();
    if args.statistics {
        match args.format() {
            CheckFormat::Json => render::statistics::json(&diags, buffer)?,
            _ => render::statistics::text(&diags, buffer)?,
        }
    } else {
        crate::check::read_again_for(plan, &mut diags);
        match args.format() {
            CheckFormat::Text => {
                render::text::text(plan, &diags, color, buffer)?;
                if !args.quiet {
                    writeln!(
                        buffer,
                        "{}",
                        render::text::summary_line(plan.all_ids().count(), errors, warnings)
                    )?;
                    if !waiting.is_empty() {
                        writeln!(
                            buffer,
                            "the rules on tracks, places, deadlines, minimums, log dates and schemas run once {} {} no errors",
                            clean_line(&waiting.join(", ")),
                            if waiting.len() == 1 { "has" } else { "have" }
                        )?;
                    }
                    let fixable = diags.iter().filter(|d| d.fix.is_some()).count();
                    if fixable > 0 {
                        writeln!(
                            buffer,
                            "{fixable} fixable with `plan check --fix` (`plan check --diff` shows how)"
                        )?;
                    }
                }
            }
            CheckFormat::Concise => render::concise::concise(plan, &diags, buffer)?,
            CheckFormat::Json => render::json::json(plan, &diags, buffer)?,
            CheckFormat::Github => render::github::github(plan, &diags, buffer)?,
            CheckFormat::Gitlab => render::gitlab::gitlab(plan, &diags, buffer)?,
            CheckFormat::Sarif => render::sarif::sarif(plan, &diags, buffer)?,
            CheckFormat::Junit => render::junit::junit(plan, &diags, args.strict, buffer)?,
        }
    }
    if let Some(path) = &args.output {
        // A file is guarded as standard output is (`cat plan.xml` in a CI log), but for
        // GitHub annotations, whose lines are workflow commands on purpose.
        let bytes = if args.format() == CheckFormat::Github && !args.statistics {
            bytes
        } else {
            let mut guarded_bytes = Vec::new();
            let mut guarded = LineGuard::new(&mut guarded_bytes);
            guarded.write_all(&bytes)?;
            guarded.flush()?;
            drop(guarded);
            guarded_bytes
        };
        write_atomic(path, &bytes, args.force).map_err(|e| e.without_force())?
    }
    super::leave(diags);

    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed && !args.exit_zero {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}

/// What is refused before anything is read (shared with a workspace's check): `--statistics`
/// with a format that has no place for its table (usage, exit 2), and `-o FILE` over an
/// existing file without `--force` (exit 1), so that a run does not check a large plan and
/// then write nothing.
pub(crate) fn refuse_before_checking(args: &CheckArgs) -> Result<(), Failure> {
    // A diff is no findings format: `--diff --format json` or `--diff -o fix.sarif` wrote a
    // diff where findings were asked for.
    let flag = args.format.filter(|_| !args.format_from_env);
    let named = args.named_format().filter(|f| *f != CheckFormat::Text);
    if args.diff && (flag.is_some() || named.is_some()) {
        return Err(Failure::usage(
            "--diff writes a unified diff, in no findings format: --format and an -o name such as .json, .sarif or .xml do not go with it",
        )
        .with_help("plan check --diff -o fix.patch"));
    }
    if args.statistics && !matches!(args.format(), CheckFormat::Text | CheckFormat::Json) {
        let name = clap::ValueEnum::to_possible_value(&args.format())
            .map_or_else(String::new, |v| v.get_name().to_string());
        // `-o plan.sarif --statistics` wrote a text table into plan.sarif.
        return Err(match (&args.output, args.format_is_named()) {
            (Some(path), true) => Failure::usage(format!(
                "--statistics is a table of counts in text or JSON; `-o {}` asks for {name} by its name, which has no place for it",
                crate::text::visible_line(&path.display().to_string())
            ))
            .with_help("name the file .txt or .json, or give --format text or --format json"),
            _ => Failure::usage(format!(
                "--statistics is a table of counts in text or JSON; {} has no place for it",
                if args.format_from_env {
                    format!("PLAN_CHECK_FORMAT={name}")
                } else {
                    format!("--format {name}")
                }
            ))
            .with_help("plan check --statistics (or --statistics --format json)"),
        });
    }
    if let Some(path) = &args.output {
        crate::write::refuse_existing(path, args.force).map_err(|e| match e {
            crate::write::WriteError::Exists(_) => e
                .without_force()
                .with_help("give --force to overwrite it, or choose another name"),
            other => Failure::from(other),
        })?;
    }
    Ok(())
}

/// The levels `--deny`, `--warn` and `--allow` set (`None`: off). A rule named by two of
/// them is a usage error: which one was meant cannot be known.
pub(crate) fn levels(args: &CheckArgs) -> Result<HashMap<Rule, Option<Severity>>, Failure> {
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
