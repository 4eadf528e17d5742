//! One file per subcommand: load → compute → render.

pub mod calendar;
pub mod check;
pub mod completions;
pub mod explain;
pub mod history;
pub mod import;
pub mod init;
pub mod list;
pub mod man;
pub mod new;
pub mod note;
pub mod report;
pub mod schema;
pub mod set;
pub mod show;
pub mod status;
pub mod workspace;

use std::io::Write;

use crate::check::errors_in_files;
use crate::config::{Config, PlansFrom};
use crate::diag::Diagnostic;
use crate::error::Failure;
use crate::load::io_reason;
use crate::lock::PlanLock;
use crate::model::Plan;
use crate::parse::plan::{load_plan_keeping, Keep, Texts};
use crate::render::diagnostics;
use crate::render::terminal::Paint;
use crate::text::clean_line;

/// Loads the configured plan folder; a folder that cannot be read is a usage failure (exit 2).
/// With `-v`, says on standard error which folder was used, how many files were read and
/// how long reading and parsing took.
pub fn load(config: &Config) -> Result<Plan, Failure> {
    load_keeping(config, Keep::ALL)
}

/// Ends a reading command's use of its plan, or of what it made of it (a memo, a listing,
/// the findings), without freeing it string by string: `plan` exits right after, and the
/// system takes the memory back at once. Freeing a plan of 10,000 initiatives piece by
/// piece was 4 % of `plan check`'s instructions (callgrind), on one core, after the output
/// was written; freeing the memo of 100,000 initiatives, about 25 ms of `plan report`'s
/// 937 ms (alternated runs).
pub(crate) fn leave<T>(made: T) {
    std::mem::forget(made);
}

/// Finishes an Excel or Word file once the plan it was made from is let go, and writes it:
/// atomically to `output` (refusing to overwrite without `force`), else to `out`.
/// `finish` must no longer need the plan (a workbook's rows are put away, the document is in
/// a temporary file): the plan's memory is given back to the system first, so that what
/// `finish` allocates (rust_xlsxwriter's records of every row and table cell) takes its place
/// instead of coming on top of it.
pub(crate) fn finish_office(
    plan: Plan,
    finish: impl FnOnce() -> std::io::Result<Vec<u8>>,
    output: Option<&std::path::Path>,
    force: bool,
    out: Out<'_>,
) -> anyhow::Result<()> {
    drop(plan);
    crate::memory::release_freed();
    let bytes = finish()?;
    match output {
        Some(path) => crate::write::write_atomic(path, &bytes, force).map_err(Failure::from)?,
        None => out.write_all(&bytes)?,
    }
    Ok(())
}

/// [`load`] for a command that only reads the plan (`check`, `status`, `list`, `show`,
/// `report`): each file's text is let go once parsed, and read again only for a finding
/// that shows its lines.
pub fn load_to_read(config: &Config) -> Result<Plan, Failure> {
    load_keeping(config, TO_READ)
}

/// What a reading command keeps: no file's text ([`load_to_read`]), the descriptions.
const TO_READ: Keep = Keep {
    texts: Texts::Release,
    descriptions: true,
};

/// What a command that sums the plan up (`status`, `list`, `report`) keeps: neither the
/// files' texts nor the descriptions, which it never shows; `show` too, which reads the one
/// description it shows again from its file.
pub const TO_SUM_UP: Keep = Keep {
    texts: Texts::Release,
    descriptions: false,
};

/// [`load`] for `plan check` (without `--fix` or `--diff`): the texts are kept only as far
/// as its fixable marks are verified ([`crate::edit::fix::VERIFIED_MARKS_UP_TO`] files), and
/// otherwise let go as by [`load_to_read`].
pub fn load_to_check(config: &Config) -> Result<Plan, Failure> {
    load_keeping(
        config,
        Keep {
            texts: Texts::KeepUpTo(crate::edit::fix::VERIFIED_MARKS_UP_TO),
            descriptions: false,
        },
    )
}

fn load_keeping(config: &Config, keep: Keep) -> Result<Plan, Failure> {
    let started = std::time::Instant::now();
    let loaded = load_plan_keeping(&config.plans, keep);
    if config.verbose {
        let how = match config.plans_from {
            PlansFrom::Named => "named by --plans or PLAN_DIR",
            PlansFrom::Found => "found from the current folder",
            PlansFrom::Member => "a member of the workspace",
        };
        let read = match &loaded {
            Ok(plan) => format!(
                "read {} in {} ms",
                crate::i18n::Count::new(plan.files.len(), FILE),
                started.elapsed().as_millis()
            ),
            Err(_) => "could not read it".to_string(),
        };
        let paint = Paint {
            color: config.color_stderr,
        };
        let _ = writeln!(
            crate::stdio::stderr(),
            "{} plan folder `{}` ({how}); {read}",
            paint.bold("info:"),
            clean_line(&config.plans.display().to_string())
        );
    }
    loaded.map_err(|err| {
        let dir = config.plans.display();
        let mut failure = Failure::usage(format!("cannot read the plan folder `{dir}`: {}", io_reason(&err)));
        if config.plans_from == PlansFrom::Found && err.kind() == std::io::ErrorKind::NotFound {
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
///   `plan check`: those files may be left out or shown incomplete;
/// - entries of the folder that could not be read (an unreadable sub-folder, a named pipe,
///   a name that is not UTF-8) are one warning naming them: they are left out.
pub fn load_for_reading(config: &Config) -> anyhow::Result<Plan> {
    Ok(load_for_reading_with_errors(config, TO_READ)?.0)
}

/// [`load_for_reading`] for a command that sums the plan up ([`TO_SUM_UP`]).
pub fn load_to_sum_up(config: &Config) -> anyhow::Result<Plan> {
    Ok(load_for_reading_with_errors(config, TO_SUM_UP)?.0)
}

/// [`load_for_reading`], also handing back the initiative files with errors (as shown, in
/// path order), for a memo to name what it may leave out.
pub fn load_for_reading_with_errors(
    config: &Config,
    keep: Keep,
) -> anyhow::Result<(Plan, Excluded)> {
    Ok(load_unless_manifest_errors(config, keep, &|_| false)?.map_err(|e| e.failure)?)
}

/// A `plan.toml` with errors, met by [`load_unless_manifest_errors`]: the failure that
/// stops a command on it, and the file as shown.
pub(crate) struct ManifestErrors {
    pub failure: Failure,
    pub manifest: String,
}

/// [`load_for_reading_with_errors`], with a `plan.toml` that has errors handed back as the
/// inner `Err` (its findings already written on standard error), not as the command's
/// error: for a workspace, which leaves that member out and shows the others. The outer
/// error: the folder is missing or cannot be read, or standard error cannot be written.
/// `member`: whether a folder (as shown) is a workspace member's, which is no nested plan to
/// name though below this plan's folder.
pub(crate) fn load_unless_manifest_errors(
    config: &Config,
    keep: Keep,
    member: &dyn Fn(&str) -> bool,
) -> anyhow::Result<Result<(Plan, Excluded), ManifestErrors>> {
    let plan = load_keeping(config, keep)?;
    let errors: Vec<Diagnostic> = errors_in_files(&plan);
    if let Some(failure) = manifest_errors(&plan, &errors, config.color_stderr)? {
        return Ok(Err(ManifestErrors {
            failure,
            manifest: plan.file(0).display(),
        }));
    }
    let mut err = crate::stdio::stderr();
    let mut files: Vec<String> = errors
        .iter()
        .filter_map(|d| d.file)
        .map(|f| plan.file(f).display())
        .collect();
    files.sort_unstable();
    files.dedup();
    // A nested plan is left out on purpose, not because it could not be read: said apart.
    let entries: Vec<&str> = errors
        .iter()
        .filter(|d| d.rule != crate::check::Rule::NestedPlan)
        .filter_map(|d| d.path.as_deref())
        .collect();
    let nested_plans = nested_plans_left_out(config, &plan, member)?;
    let paint = Paint {
        color: config.color_stderr,
    };
    if !entries.is_empty() {
        warn(
            config,
            &format!(
                "the plan folder has {} that could not be read and {} left out: {}",
                if entries.len() == 1 {
                    "an entry"
                } else {
                    "entries"
                },
                if entries.len() == 1 { "is" } else { "are" },
                clean_line(&named_first(&entries, NAMED_IN_WARNING))
            ),
        )?;
        if files.is_empty() {
            writeln!(
                err,
                "{} `plan check` shows what to fix",
                paint.bold("help:")
            )?;
        }
    }
    // What a memo names as left out: the files with errors, then the entries not read.
    let owned: Vec<String> = files
        .iter()
        .map(String::as_str)
        .chain(entries.iter().copied())
        .map(str::to_string)
        .collect();
    if !files.is_empty() {
        let n = files.len();
        warn(
            config,
            &format!(
                "{n} initiative file{} {} errors and may be left out or incomplete: {}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "has" } else { "have" },
                clean_line(&named_first(&files, NAMED_IN_WARNING))
            ),
        )?;
        writeln!(
            err,
            "{} `plan check` shows what to fix",
            paint.bold("help:")
        )?;
    }
    Ok(Ok((
        plan,
        Excluded {
            files: owned,
            nested_plans,
        },
    )))
}

/// What a reading command's plan leaves out, for a memo to name: the files with errors (as
/// shown, in path order) then the entries not read; and the sub-folders that are plans of
/// their own.
#[derive(Debug, Default)]
pub struct Excluded {
    pub files: Vec<String>,
    pub nested_plans: Vec<String>,
}

/// The sub-folders of the plan folder left out as plans of their own (`nested-plan`), as
/// shown; unless the rule is off, said on standard error (as a note, or a warning when the
/// plan's `[rules.severity]` makes the rule more): a `plan.toml` copied into a quarter's
/// folder by mistake takes that quarter out of every report, which must not go unsaid.
fn nested_plans_left_out(
    config: &Config,
    plan: &Plan,
    member: &dyn Fn(&str) -> bool,
) -> std::io::Result<Vec<String>> {
    use crate::load::walk::SkipReason;
    let Some(severity) = plan
        .manifest
        .rules
        .severity_of(crate::check::Rule::NestedPlan)
    else {
        return Ok(Vec::new());
    };
    let folders: Vec<String> = plan
        .skipped
        .iter()
        .filter(|s| s.why == SkipReason::NestedPlan)
        .filter(|s| !member(&s.display))
        .map(|s| s.display.clone())
        .collect();
    if folders.is_empty() {
        return Ok(folders);
    }
    let n = folders.len();
    let message = if n == 1 {
        format!(
            "1 sub-folder has a plan.toml of its own and is left out of this plan, as a plan of its own: {}",
            crate::text::visible_line(&folders[0])
        )
    } else {
        format!(
            "{n} sub-folders have a plan.toml of their own and are left out of this plan, as plans of their own: {}",
            crate::text::visible_line(&named_first(&folders, NAMED_IN_WARNING))
        )
    };
    let paint = Paint {
        color: config.color_stderr,
    };
    let mut err = crate::stdio::stderr();
    if severity == crate::check::Severity::Note {
        writeln!(err, "{} {message}", paint.bold("note:"))?;
    } else {
        warn(config, &message)?;
    }
    let (its, it) = if n == 1 {
        ("its", "it")
    } else {
        ("their", "each")
    };
    writeln!(
        err,
        "{} if {its} files belong to this plan, remove {its} plan.toml; else read {it} with --plans {}, or make the plans members of a workspace",
        paint.bold("help:"),
        crate::text::shell_word(&folders[0])
    )?;
    Ok(folders)
}

/// How many files the warning on files with errors names; the rest are counted ("and 762
/// more"): a folder with thousands of broken files gets one readable line, and
/// `plan check` lists them all.
const NAMED_IN_WARNING: usize = 10;

/// `a, b, c` — or, with more than `named` items, the first `named` and "and N more".
fn named_first<S: AsRef<str>>(items: &[S], named: usize) -> String {
    let shown: Vec<&str> = items.iter().take(named).map(AsRef::as_ref).collect();
    match items.len().checked_sub(named).filter(|&more| more > 0) {
        Some(more) => format!("{} and {more} more", shown.join(", ")),
        None => shown.join(", "),
    }
}

/// Writes `warning: MESSAGE` on standard error (`warning:` in bold yellow when standard
/// error takes colour). `message` is cleaned by the caller.
pub(crate) fn warn(config: &Config, message: &str) -> std::io::Result<()> {
    let paint = Paint {
        color: config.color_stderr,
    };
    writeln!(
        crate::stdio::stderr(),
        "{} {message}",
        paint.warning("warning:")
    )
}

const FILE: crate::i18n::Noun = crate::i18n::Noun {
    one: "file",
    many: "files",
};

/// Stops a command (exit 1, the findings on stderr) when `plan.toml` has errors or could
/// not be read: the plan's year and rules would be the embedded defaults. `errors` are the
/// plan's error findings.
fn refuse_manifest_errors(plan: &Plan, errors: &[Diagnostic], color: bool) -> anyhow::Result<()> {
    match manifest_errors(plan, errors, color)? {
        Some(failure) => Err(failure.into()),
        None => Ok(()),
    }
}

/// [`refuse_manifest_errors`]'s test: with errors in `plan.toml`, writes them on standard
/// error and gives the failure (exit 1) that stops a command on them.
fn manifest_errors(
    plan: &Plan,
    errors: &[Diagnostic],
    color: bool,
) -> anyhow::Result<Option<Failure>> {
    let in_manifest: Vec<Diagnostic> = errors
        .iter()
        .filter(|d| plan.has_manifest && d.file == Some(0))
        .map(|d| Diagnostic {
            // `plan check --fix` does not change plan.toml.
            fix: None,
            ..d.clone()
        })
        .collect();
    if in_manifest.is_empty() {
        return Ok(None);
    }
    let mut err = crate::stdio::stderr();
    diagnostics::text(plan, &in_manifest, color, &mut err)?;
    let manifest = &plan.file(0).display();
    Ok(Some(
        Failure::invalid(format!(
            "`{}` has errors, so the plan's year and rules cannot be trusted: fix them first",
            crate::text::visible_line(manifest)
        ))
        .with_help("`plan check` lists every problem"),
    ))
}

/// Locks the plan folder and loads the plan, for a command that writes into it (`new`,
/// `set`, `note`, `import`): the lock ([`PlanLock`]) is held until it is dropped, after
/// the last file is written, so that no other writing command reads or writes the folder
/// meanwhile. A `plan.toml` that cannot be read or has errors stops the command (exit 1):
/// a change would be checked against the wrong catalogue and rules.
pub fn load_for_writing(config: &Config) -> anyhow::Result<(PlanLock, Plan)> {
    // A missing folder is reported as by every command, before a lock file is made.
    if !config.plans.is_dir() {
        load(config)?;
    }
    let lock = PlanLock::acquire(&config.plans)?;
    let plan = load(config)?;
    let errors: Vec<Diagnostic> = errors_in_files(&plan)
        .into_iter()
        .filter(|d| d.file == Some(0))
        .collect();
    refuse_manifest_errors(&plan, &errors, config.color_stderr)?;
    Ok((lock, plan))
}

/// What a command hands back: the exit code. Output has been written to `out`.
pub type Outcome = anyhow::Result<u8>;

/// A command's output sink.
pub type Out<'a> = &'a mut dyn Write;
