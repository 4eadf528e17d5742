//! `plan history --from-git`: the dated history of a plan that lived in git before `plan`
//! kept one. For each initiative file, every commit that changed its `status`, `funding` or
//! `period` becomes a `[[log]]` entry dated by the commit's author date, recording the value
//! before and after (`status = { from = "planned", to = "active" }`). A change the file's
//! log records already is not added again: one whose field the log has at that value on the
//! commit's day, by its last recorded change on or before it (the change recorded with its
//! real date by `plan set --today` or by hand and committed days later, or an entry this
//! command added before), so running it again adds nothing.
//!
//! The commits are those of the main line (`--first-parent`: a merged branch counts as one
//! change, on the merge's date), each compared with the one before it, in the order of the
//! history, not by date. A commit whose author date is before an earlier change's, or
//! before the file's first commit (a rebase or a cherry-pick keeps the author date of the
//! original), is dated by that earlier change instead, and said so: in date order the
//! entries must give the file's values, or the history would contradict the file
//! (`history-mismatch`) and every judgement after that date.
//!
//! It runs the `git` program (`git log --follow`, `git show`) rather than linking a git
//! library (`gix`): two read-only plumbing calls per file do not justify a dependency of
//! well over a hundred crates and its build time, and a plan kept in git has `git` beside
//! it. A missing `git`, or a folder outside a repository, is a usage error (exit 2).

use std::io::Write;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;

use crate::cli::HistoryArgs;
use crate::config::Config;
use crate::edit::history::Recorded;
use crate::edit::{ensure_valid, InitiativeDoc};
use crate::error::{Failure, EXIT_OK};
use crate::model::Initiative;
use crate::text::clean_line;

use super::{load_for_writing, Out, Outcome};

/// The fields whose changes are read from git, as written in the files.
const FIELDS: [&str; 3] = ["status", "funding", "period"];

/// One change found in git: the date it is recorded on, the field, and the values before
/// and after.
#[derive(Debug, Clone, PartialEq)]
pub struct GitChange {
    /// The commit's author date, or, when that is before the date of the change before it
    /// (or of the file's first commit), that date (see `authored`).
    pub date: NaiveDate,
    /// The commit's author date when it is before that earlier date, so that `date` is not
    /// it; `None` when `date` is the author date.
    pub authored: Option<NaiveDate>,
    pub changes: Vec<(&'static str, Option<String>, Option<String>)>,
}

impl GitChange {
    /// How the change is named in what the command prints: `status+period 2017-04-03`,
    /// with `(authored 2017-03-30, earlier than a commit before it)` when the date is not the
    /// author date.
    fn describe(&self) -> String {
        let keys: Vec<&str> = self.changes.iter().map(|(k, _, _)| *k).collect();
        match self.authored {
            Some(authored) => format!(
                "{} {} (authored {authored}, earlier than a commit before it)",
                keys.join("+"),
                self.date
            ),
            None => format!("{} {}", keys.join("+"), self.date),
        }
    }
}

pub fn run(config: &Config, args: &HistoryArgs, out: Out<'_>) -> Outcome {
    let (_lock, plan) = load_for_writing(config)?;
    let dir = &plan.dir;
    git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        Failure::usage(format!(
            "cannot read the history of `{}` from git: {e}",
            crate::text::visible_line(&dir.display().to_string())
        ))
        .with_help("run it in a plan folder kept in a git repository, with `git` installed")
    })?;
    let mut added = 0;
    // One whose title, period or tracks could not be read is left alone, as by the views,
    // and said so: its history is not read (it went unsaid, and the run said nothing was
    // missing).
    for init in plan.initiatives.iter().filter(|i| i.unreadable.required) {
        super::warn(
            config,
            &format!(
                "`{}` is left alone: its title, period or tracks cannot be read",
                clean_line(&plan.file(init.file).display())
            ),
        )?;
        writeln!(
            crate::stdio::stderr(),
            "help: `plan check` shows what to fix (`plan check --fix` fixes a period written as `2. kvartal`); then run this again"
        )?;
    }
    for init in plan.initiatives.iter().filter(|i| !i.unreadable.required) {
        let source = plan.file(init.file);
        let display = clean_line(&source.display());
        let found = changes_in_git(&source.path())?;
        let new = not_recorded(init, found);
        if new.is_empty() {
            continue;
        }
        let what: Vec<String> = new.iter().map(|c| c.describe()).collect();
        added += new.len();
        if args.dry_run {
            writeln!(out, "{display}: would add {}", what.join(", "))?;
            continue;
        }
        let mut doc = InitiativeDoc::open(&source.path(), &source.display())?;
        for change in &new {
            let changes: Vec<(&'static str, Option<Recorded>, Option<Recorded>)> = change
                .changes
                .iter()
                .map(|(k, from, to)| {
                    (
                        *k,
                        from.clone().map(Recorded::Text),
                        to.clone().map(Recorded::Text),
                    )
                })
                .collect();
            doc.record(change.date, &changes)?;
        }
        ensure_valid(
            &plan,
            &[(source.relative.clone(), doc.text())],
            &format!("`{display}` with its history from git"),
        )?;
        doc.write(args.force, &plan.dir)?;
        writeln!(out, "{display}: added {}", what.join(", "))?;
    }
    if added == 0 {
        writeln!(
            out,
            "no change of status, funding or period in git that the files do not record already"
        )?;
    }
    Ok(EXIT_OK)
}

/// The changes of `found` (in the order of the history) that `init`'s log does not record
/// already, each with only the fields it does not record. A field's change to a value is
/// recorded when the log has the same change on its day, or has the field at that value on
/// that day: its last recorded change on or before the day (in date order; a day's entries
/// in the order written, the changes kept before it included) changed it to that value.
fn not_recorded(init: &Initiative, found: Vec<GitChange>) -> Vec<GitChange> {
    let mut recorded: Vec<(NaiveDate, &'static str, Option<String>)> = Vec::new();
    for entry in crate::assess::history::in_date_order(&init.log) {
        if let Some(c) = &entry.status {
            recorded.push((entry.date, "status", Some(c.to.as_str().to_string())));
        }
        if let Some(c) = &entry.funding {
            recorded.push((entry.date, "funding", c.to.map(|f| f.as_str().to_string())));
        }
        if let Some(c) = &entry.period {
            recorded.push((entry.date, "period", Some(c.to.as_str().to_string())));
        }
    }
    let mut new = Vec::new();
    for mut change in found {
        change.changes.retain(|(key, _, to)| {
            // The same change on its day (of several changes of one day, the value at the
            // day's end is only the last one's).
            if recorded
                .iter()
                .any(|(date, k, value)| *date == change.date && k == key && value == to)
            {
                return false;
            }
            // `max_by_key` keeps the last of equals: of one day's, the last written.
            let on_the_day = recorded
                .iter()
                .filter(|(date, k, _)| k == key && *date <= change.date)
                .max_by_key(|(date, _, _)| *date)
                .map(|(_, _, value)| value);
            on_the_day != Some(to)
        });
        if change.changes.is_empty() {
            continue;
        }
        // The value before is the log's on that day where it records one (the file's
        // previous commit may not have had the change the log dates earlier): the entry goes
        // on from the one before it, and the history does not contradict itself.
        for (key, from, _) in &mut change.changes {
            let on_the_day = recorded
                .iter()
                .filter(|(date, k, _)| k == key && *date <= change.date)
                .max_by_key(|(date, _, _)| *date)
                .map(|(_, _, value)| value.clone());
            if let Some(value) = on_the_day {
                *from = value;
            }
        }
        for (key, _, to) in &change.changes {
            recorded.push((change.date, key, to.clone()));
        }
        new.push(change);
    }
    new
}

/// Runs `git -C dir ARGS`; its standard output, or why it failed.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        return Err(clean_line(message.trim()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The changes of status, funding and period in the committed versions of the file at
/// `path`, oldest first along the main line of the history (renames followed), each dated
/// by its commit's author date but never before the change before it or the file's first
/// commit. Values are read as the files' own reader reads them (`"i gang"` is `active`,
/// `"2. kvartal"` is `Q2`); a version that is not valid TOML, or whose status, funding or
/// period cannot be read, is skipped.
pub fn changes_in_git(path: &Path) -> Result<Vec<GitChange>, Failure> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name else {
        return Ok(Vec::new());
    };
    let usage = |e: String| Failure::usage(format!("git: {e}"));
    // Each commit as RS hash US author-date, then the file's path in it (repository-relative).
    let log = git(
        dir,
        &[
            "log",
            "--follow",
            "--first-parent",
            "--format=%x1e%H%x1f%as",
            "--name-only",
            "--",
            &name,
        ],
    )
    .map_err(usage)?;
    let mut versions = Vec::new();
    for record in log.split('\u{1e}').filter(|r| !r.trim().is_empty()) {
        let mut lines = record.lines().filter(|l| !l.trim().is_empty());
        let Some((hash, date)) = lines.next().and_then(|l| l.split_once('\u{1f}')) else {
            continue;
        };
        let (Some(file), Ok(date)) = (lines.next(), date.trim().parse::<NaiveDate>()) else {
            continue;
        };
        let Ok(text) = git(dir, &["show", &format!("{}:{}", hash.trim(), file.trim())]) else {
            continue;
        };
        if let Some(values) = values_of(&text) {
            versions.push((date, values));
        }
    }
    versions.reverse();
    // No change is dated before the file's first commit.
    let first = versions.first().map(|(date, _)| *date);
    let mut out: Vec<GitChange> = Vec::new();
    for pair in versions.windows(2) {
        let ((_, before), (authored, after)) = (&pair[0], &pair[1]);
        let changes: Vec<(&'static str, Option<String>, Option<String>)> = FIELDS
            .iter()
            .zip(before.iter().zip(after))
            .filter(|(_, (b, a))| b != a)
            .map(|(k, (b, a))| (*k, b.clone(), a.clone()))
            .collect();
        if changes.is_empty() {
            continue;
        }
        let earlier = out.last().map(|c| c.date).or(first);
        let date = earlier.map_or(*authored, |e| e.max(*authored));
        out.push(GitChange {
            date,
            authored: (date != *authored).then_some(*authored),
            changes,
        });
    }
    Ok(out)
}

/// Status (absent: `planned`), funding and period of one version of a file, each as the
/// files write it (`Status::as_str` …), read as the initiative reader reads what people type
/// (`"i gang"`, `"Afventer"`, `"2. kvartal"`). `None`: not TOML, or a value that cannot be
/// read (a version with a mistake, which the history passes over).
fn values_of(text: &str) -> Option<Vec<Option<String>>> {
    use crate::i18n::{funding_from_user, period_from_user, status_from_user};
    use crate::model::{Funding, Period, Status};
    let table: toml::Table = text.trim_start_matches('\u{feff}').parse().ok()?;
    FIELDS
        .iter()
        .map(|&k| {
            let Some(value) = table.get(k) else {
                return Some((k == "status").then(|| Status::Planned.as_str().to_string()));
            };
            let typed = value.as_str()?;
            let read = match k {
                "status" => status_from_user(typed).map(Status::as_str),
                "funding" => funding_from_user(typed).map(Funding::as_str),
                _ => period_from_user(typed).map(Period::as_str),
            };
            read.map(|word| Some(word.to_string()))
        })
        .collect()
}
