//! `plan import FILE`: one initiative file per row of an action-plan table (the layout of
//! the 2017 memo), into the plan folder, with a `plan.toml` when there is none. Nothing is
//! written unless every row can be read and every file passes the plan's rules.

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;

use crate::cli::ImportArgs;
use crate::config::Config;
use crate::edit::{check_change, manifest_for};
use crate::error::{Failure, EXIT_OK};
use crate::import::{parse, row_file, Memo, Row};
use crate::load::{decode_text, io_reason, plan_from_folder, virtual_source, Folder};
use crate::lock::{PlanLock, LOCK_FILE};
use crate::model::{catalogue_fold as fold, Period, Plan};
use crate::parse::DEFAULT_MANIFEST;
use crate::render::diagnostics;
use crate::render::schema::SchemaKind;
use crate::text::{clean, clean_line};
use crate::write::write_staged;

use super::{Out, Outcome};

pub fn run(config: &Config, args: &ImportArgs, out: Out<'_>) -> Outcome {
    // Shown in messages: one line, no control characters (a file name is any bytes).
    let memo_name = clean_line(&args.file.display().to_string());
    let bytes = fs::read(&args.file)
        .map_err(|e| Failure::usage(format!("cannot read `{memo_name}`: {}", io_reason(&e))))?;
    // Word's "Plain text" on Danish Windows is Windows-1252: decoded, and said so.
    let text = match decode_text(&bytes) {
        Ok((text, None)) => text,
        Ok((text, Some(encoding))) => {
            writeln!(
                std::io::stderr(),
                "note: `{}` is not UTF-8: read as {}",
                clean_line(&memo_name),
                encoding.name()
            )?;
            text
        }
        Err(problem) => {
            let mut failure = Failure::invalid(format!("`{memo_name}`: {}", problem.message));
            if let Some(help) = problem.help {
                failure = failure.with_help(help);
            }
            return Err(failure.into());
        }
    };

    // The plan folder may not exist yet: then it is made, with a plan.toml. The folder is
    // locked from here until the last file is in place; a folder made here is removed
    // again when the import stops.
    let mut made = MadeFolder(None);
    // A folder without a plan.toml gets one: not inside another plan's folder, which would
    // then leave the imported plan out, and with it any of its own files there.
    if !crate::load::walk::holds_plan(&config.plans) {
        super::init::refuse_inside_a_plan(&config.plans, None, None).map_err(|f| {
            f.with_help(format!(
                "import into a folder of its own beside that plan: plan --plans NEW_FOLDER import {}",
                crate::text::shell_word(&args.file.display().to_string())
            ))
        })?;
    }
    let (_lock, plan) = if config.plans.exists() {
        let (lock, plan) = super::load_for_writing(config)?;
        (Some(lock), plan)
    } else if args.dry_run {
        (None, plan_from_folder(&config.plans, Folder::default()))
    } else {
        fs::create_dir_all(&config.plans).map_err(|e| {
            Failure::usage(format!(
                "cannot create `{}`: {}",
                config.plans.display(),
                io_reason(&e)
            ))
        })?;
        made.0 = Some(config.plans.clone());
        let lock = PlanLock::acquire(&config.plans)?;
        (
            Some(lock),
            plan_from_folder(&config.plans, Folder::default()),
        )
    };
    let memo = parse(&text, &plan.manifest.catalogue);
    if !memo.problems.is_empty() {
        report_problems(&memo, &memo_name)?;
        let n = memo.problems.len();
        return Err(Failure::invalid(format!(
            "`{memo_name}` has {n} problem{}: nothing was written",
            if n == 1 { "" } else { "s" }
        ))
        .into());
    }
    let year = memo.year.unwrap_or(plan.manifest.plan.year);
    if plan.has_manifest && plan.manifest.plan.year != year {
        return Err(Failure::invalid(format!(
            "the memo's table is for {year}, but the plan in `{}` is for {}: nothing was written",
            plan.dir.display(),
            plan.manifest.plan.year
        ))
        .with_help(format!(
            "import it into a plan folder for {year}: plan init DIR --year {year}, then plan --plans DIR import …"
        ))
        .into());
    }

    let mut files: Vec<(String, String)> = Vec::new();
    if !plan.has_manifest {
        let title = memo
            .title
            .clone()
            .unwrap_or_else(|| format!("Handleplan {year}"));
        let file_name = args
            .file
            .file_name()
            .map_or_else(|| memo_name.clone(), |n| n.to_string_lossy().into_owned());
        let comments = [
            title.clone(),
            format!(
                "Made by `plan import` from {file_name} on {}: the tracks and places are the 2017 Roskilde catalogue.",
                config.today
            ),
        ];
        files.push((
            "plan.toml".into(),
            manifest_for(DEFAULT_MANIFEST, &title, year, memo.issued, &comments)?,
        ));
    }
    let mut lines: HashMap<String, usize> = HashMap::new();
    let (imported, skipped, repeated) =
        initiative_files(&plan, &memo, &args.file, &mut files, &mut lines);
    let rows = imported.len();
    // A `#:schema` line for editors, when `plan schema --write` has put the schemas there.
    for (relative, text) in files.iter_mut() {
        let kind = if relative == "plan.toml" {
            SchemaKind::Manifest
        } else {
            SchemaKind::Initiative
        };
        if let Some(line) = super::schema::directive(&plan.dir, &plan.dir.join(&*relative), kind) {
            text.insert_str(0, &line);
        }
    }
    ensure_valid_import(&plan, &files, &lines, &memo_name)?;
    report_for_review(&imported)?;
    report_joined(&memo.joined)?;
    if memo.invisible > 0 {
        writeln!(
            crate::stdio::stderr(),
            "note: {} invisible character{} pasted from Word (soft hyphens, zero-width spaces, direction marks) left out of the titles and descriptions",
            memo.invisible,
            if memo.invisible == 1 { "" } else { "s" }
        )?;
    }

    for (row, existing) in &skipped {
        writeln!(
            out,
            "line {}: already in the plan as {}",
            row.line,
            clean_line(existing)
        )?;
    }
    for (row, first) in &repeated {
        // The row it repeats may be in the plan already: nothing was imported for either.
        let known = skipped.iter().any(|(r, _)| r.line == *first);
        writeln!(
            out,
            "line {}: the same initiative as line {first}, {}",
            row.line,
            if known {
                "in the plan already"
            } else {
                "imported once"
            }
        )?;
    }
    let display = |relative: &str| clean_line(&virtual_source(&plan.dir, relative, "").display());
    if args.dry_run {
        for (relative, text) in &files {
            writeln!(out, "==> {} <==", display(relative))?;
            writeln!(out, "{}", clean(text))?;
        }
        writeln!(
            out,
            "dry run: {} initiative{} would be imported for {year}; nothing was written",
            rows,
            if rows == 1 { "" } else { "s" }
        )?;
        return Ok(EXIT_OK);
    }
    write_staged(&plan.dir, &files, &display, out)?;
    made.0 = None;
    writeln!(
        out,
        "imported {rows} initiative{} for {year} from {memo_name}",
        if rows == 1 { "" } else { "s" }
    )?;
    Ok(EXIT_OK)
}

/// Rows of the memo, each with an id or a file.
type RowsWithFiles<'m> = Vec<(&'m Row, String)>;

/// The initiative file of each row that is not in the plan yet: a row whose text is the
/// description of an initiative of the plan was imported before. Each initiative stands for
/// one row: of the rows with its text, first the one of its period, else (it was moved
/// since) another row of that text, in the memo's order; a row that repeats an earlier one
/// (the same text, period and tracks) stands for none. Returns the rows that get a file with
/// the id they get, the rows skipped with the file that has them, and the repeating rows
/// with the line of the row they repeat. The same text in two periods or on other tracks is
/// recurring work: two initiatives.
fn initiative_files<'m>(
    plan: &Plan,
    memo: &'m Memo,
    source: &std::path::Path,
    files: &mut Vec<(String, String)>,
    lines: &mut HashMap<String, usize>,
) -> (RowsWithFiles<'m>, RowsWithFiles<'m>, Vec<(&'m Row, usize)>) {
    let mut taken: Vec<String> = plan.all_ids().map(str::to_string).collect();
    let known: Vec<(String, Period, String)> = plan
        .initiatives
        .iter()
        .filter_map(|i| {
            let d = i.description.as_deref()?;
            Some((normalise(d), i.period, plan.file(i.file).display().clone()))
        })
        .collect();
    // Which initiative stands for which row: those of the row's period first, then the
    // rest of the same text (moved since) for the rows left, in order.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (text, _, _)) in known.iter().enumerate() {
        by_text.entry(text.as_str()).or_default().push(k);
    }
    // A row repeating an earlier one (the same text, period and tracks) is that row's.
    let key_of = |row: &Row| {
        let mut tracks: Vec<String> = row.tracks.iter().map(|t| normalise(t)).collect();
        tracks.sort_unstable();
        (normalise(&row.text), row.period, tracks)
    };
    let mut first_of: HashMap<(String, Period, Vec<String>), usize> = HashMap::new();
    let repeats: Vec<Option<usize>> = memo
        .rows
        .iter()
        .map(|row| match first_of.entry(key_of(row)) {
            std::collections::hash_map::Entry::Occupied(first) => Some(*first.get()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(row.line);
                None
            }
        })
        .collect();
    let mut taken_by: HashMap<usize, usize> = HashMap::new();
    let mut used = vec![false; known.len()];
    for same_period in [true, false] {
        for (r, row) in memo.rows.iter().enumerate() {
            if taken_by.contains_key(&r) || repeats[r].is_some() {
                continue;
            }
            let Some(candidates) = by_text.get(normalise(&row.text).as_str()) else {
                continue;
            };
            let found = candidates
                .iter()
                .copied()
                .find(|&k| !used[k] && (!same_period || known[k].1 == row.period));
            if let Some(k) = found {
                used[k] = true;
                taken_by.insert(r, k);
            }
        }
    }
    let file_name = source.file_name().map_or_else(
        || source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut repeated = Vec::new();
    let mut skipped = Vec::new();
    let mut made = Vec::new();
    for (r, row) in memo.rows.iter().enumerate() {
        // A repeat of an earlier row is that row's, whether it is in the plan already or not.
        if let Some(first) = repeats[r] {
            repeated.push((row, first));
            continue;
        }
        if let Some(&k) = taken_by.get(&r) {
            skipped.push((row, known[k].2.clone()));
            continue;
        }
        let file = row_file(row, &mut taken, Some(&file_name));
        lines.insert(file.0.clone(), row.line);
        let id = file.0.trim_end_matches(".toml").to_string();
        files.push(file);
        made.push((row, id));
    }
    (made, skipped, repeated)
}

/// On standard error, for the coordinator to review: the lines read as the rest of the row
/// above them (a row a page break split), which would be a lost initiative if they were not.
fn report_joined(joined: &[(usize, usize)]) -> std::io::Result<()> {
    if joined.is_empty() {
        return Ok(());
    }
    let mut err = crate::stdio::stderr();
    writeln!(
        err,
        "note: after a blank line, {} read as the rest of the row above (a row a page break split); a row of its own begins with a capital letter or, after a row that ends its sentence, names its own tracks:",
        if joined.len() == 1 { "this line is" } else { "these lines are" }
    )?;
    for (line, into) in joined {
        writeln!(err, "  line {line}: joined to line {into}")?;
    }
    Ok(())
}

/// On standard error, for the coordinator to review: the rows whose title was made shorter
/// than the memo's text, and the places a row names that it only refers to and that are
/// therefore not among its `locations`.
fn report_for_review(made: &[(&Row, String)]) -> std::io::Result<()> {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let shortened: Vec<_> = made.iter().filter(|(r, _)| r.title.shortened).collect();
    if !shortened.is_empty() {
        let n = shortened.len();
        writeln!(
            err,
            "note: {n} title{} made shorter than the memo's text (the description keeps all of it); review {}:",
            if n == 1 { " was" } else { "s were" },
            if n == 1 { "it" } else { "them" }
        )?;
        for (row, id) in &shortened {
            writeln!(
                err,
                "  line {}: {id}: \"{}\"",
                row.line,
                clean_line(&row.title.text)
            )?;
        }
    }
    let referred: Vec<_> = made
        .iter()
        .filter(|(r, _)| !r.referred.is_empty())
        .collect();
    if !referred.is_empty() {
        writeln!(
            err,
            "note: places a row only learns from or refers to (\"pba erfaringer fra\", \"based on\" …) are not among its places:"
        )?;
        for (row, id) in &referred {
            writeln!(
                err,
                "  line {}: {id}: {}",
                row.line,
                clean_line(&row.referred.join(", "))
            )?;
        }
    }
    Ok(())
}

/// Checks the files to import as `ensure_valid` does (warnings shown, a new error refuses
/// the import), but a finding in an imported file also names the memo's line it comes
/// from: the file itself does not exist.
fn ensure_valid_import(
    plan: &Plan,
    files: &[(String, String)],
    lines: &HashMap<String, usize>,
    memo_name: &str,
) -> anyhow::Result<()> {
    let checked = check_change(plan, files);
    let mut err = crate::stdio::stderr();
    let mut error_lines: Vec<usize> = Vec::new();
    for (d, is_error) in checked
        .warnings
        .iter()
        .map(|d| (d, false))
        .chain(checked.errors.iter().map(|d| (d, true)))
    {
        diagnostics::text(&checked.plan, std::slice::from_ref(d), false, &mut err)?;
        let relative = d.file.map(|f| checked.plan.file(f).relative.as_str());
        if let Some(line) = relative.and_then(|r| lines.get(r)) {
            writeln!(
                err,
                "note: that file would be made from line {line} of `{}`; it was not written\n",
                clean_line(memo_name)
            )?;
            if is_error {
                error_lines.push(*line);
            }
        }
    }
    if checked.errors.is_empty() {
        return Ok(());
    }
    error_lines.sort_unstable();
    error_lines.dedup();
    let n = checked.errors.len();
    let mut message = format!(
        "the imported files would not pass `plan check` ({n} error{})",
        if n == 1 { "" } else { "s" }
    );
    if !error_lines.is_empty() {
        let list: Vec<String> = error_lines.iter().map(usize::to_string).collect();
        message.push_str(&format!(
            " from line{} {} of `{}`",
            if list.len() == 1 { "" } else { "s" },
            list.join(", "),
            clean_line(memo_name)
        ));
    }
    message.push_str(": nothing was written");
    Err(Failure::invalid(message).into())
}

/// A plan folder `plan import` made: removed again (if nothing else is in it) when the
/// import stops before its files are in place. `None` once they are.
struct MadeFolder(Option<std::path::PathBuf>);

impl Drop for MadeFolder {
    fn drop(&mut self) {
        if let Some(dir) = &self.0 {
            let _ = fs::remove_file(dir.join(LOCK_FILE));
            let _ = fs::remove_dir(dir);
        }
    }
}

/// A row's text as rows and descriptions are compared: folded (case, look-alike letters),
/// without the full stop at its end ("Læseklub i Viby." is "Læseklub i Viby").
fn normalise(text: &str) -> String {
    fold(text.trim_end().trim_end_matches('.'))
}

/// The memo's problems, rustc-style, each with its line.
fn report_problems(memo: &Memo, name: &str) -> std::io::Result<()> {
    let mut err = crate::stdio::stderr();
    for p in &memo.problems {
        writeln!(err, "error: {}", clean_line(&p.message))?;
        writeln!(err, " --> {}:{}", clean_line(name), p.line)?;
        if let Some(help) = &p.help {
            writeln!(err, "  = help: {}", clean_line(help))?;
        }
        writeln!(err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_in_an_imported_file_names_the_memo_line() {
        let plan = plan_from_folder(std::path::Path::new("plans"), Folder::default());
        let files = vec![(
            "row-7.toml".to_string(),
            "title = \"\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n".to_string(),
        )];
        let lines = HashMap::from([("row-7.toml".to_string(), 7)]);
        let err = ensure_valid_import(&plan, &files, &lines, "memo.txt").unwrap_err();
        let failure = err.downcast_ref::<Failure>().expect("a refusal");
        assert_eq!(failure.code, crate::error::EXIT_INVALID);
        assert!(
            failure
                .message
                .contains("from line 7 of `memo.txt`: nothing was written"),
            "{}",
            failure.message
        );
    }
}
