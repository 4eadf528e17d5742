//! `plan import FILE`: one initiative file per row of an action-plan table (the layout of
//! the 2017 memo), into the plan folder, with a `plan.toml` when there is none. Nothing is
//! written unless every row can be read and every file passes the plan's rules.

use std::collections::HashSet;
use std::fs;
use std::io::Write as _;

use crate::cli::ImportArgs;
use crate::config::Config;
use crate::edit::{ensure_valid, manifest_for};
use crate::error::{Failure, EXIT_OK};
use crate::import::{parse, row_file, Memo, Row};
use crate::load::{decode, io_reason, plan_from_folder, virtual_source, Folder};
use crate::model::{catalogue_fold as fold, Plan};
use crate::parse::DEFAULT_MANIFEST;
use crate::text::{clean, clean_line};
use crate::write::write_atomic;

use super::{Out, Outcome};

pub fn run(config: &Config, args: &ImportArgs, out: Out<'_>) -> Outcome {
    let memo_name = args.file.display().to_string();
    let bytes = fs::read(&args.file)
        .map_err(|e| Failure::usage(format!("cannot read `{memo_name}`: {}", io_reason(&e))))?;
    let (text, problem) = decode(&bytes);
    if let Some(problem) = problem {
        let mut failure = Failure::invalid(format!("`{memo_name}`: {}", problem.message));
        if let Some(help) = problem.help {
            failure = failure.with_help(help);
        }
        return Err(failure.into());
    }

    // The plan folder may not exist yet: then it is made, with a plan.toml.
    let plan = if config.plans.exists() {
        super::load(config)?
    } else {
        plan_from_folder(&config.plans, Folder::default())
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
    let (rows, skipped) = initiative_files(&plan, &memo, &args.file, &mut files);

    let what = if files.len() == 1 {
        "the imported file"
    } else {
        "the imported files"
    };
    ensure_valid(&plan, &files, what)?;

    for (row, existing) in &skipped {
        writeln!(
            out,
            "line {}: already in the plan as {}",
            row.line,
            clean_line(existing)
        )?;
    }
    let display = |relative: &str| clean_line(&virtual_source(&plan.dir, relative, "").display);
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
    if !files.is_empty() {
        fs::create_dir_all(&plan.dir).map_err(|e| {
            Failure::usage(format!(
                "cannot create `{}`: {}",
                plan.dir.display(),
                io_reason(&e)
            ))
        })?;
    }
    for (relative, text) in &files {
        // Never overwrite: a file that appeared since the plan was read stops the import.
        write_atomic(&plan.dir.join(relative), text.as_bytes(), false)?;
        writeln!(out, "{}", display(relative))?;
    }
    writeln!(
        out,
        "imported {rows} initiative{} for {year} from {memo_name}",
        if rows == 1 { "" } else { "s" }
    )?;
    Ok(EXIT_OK)
}

/// The initiative file of each row that is not in the plan yet (a row whose text is the
/// description of an existing initiative was imported before). Returns how many rows get a
/// file, and the rows skipped with the file that has them.
fn initiative_files<'m>(
    plan: &Plan,
    memo: &'m Memo,
    source: &std::path::Path,
    files: &mut Vec<(String, String)>,
) -> (usize, Vec<(&'m Row, String)>) {
    let mut taken: Vec<String> = plan.all_ids.clone();
    let known: Vec<(String, String)> = plan
        .initiatives
        .iter()
        .filter_map(|i| {
            let d = i.description.as_deref()?;
            Some((normalise(d), plan.file(i.file).display.clone()))
        })
        .collect();
    let file_name = source.file_name().map_or_else(
        || source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut seen: HashSet<String> = HashSet::new();
    let mut skipped = Vec::new();
    let mut count = 0;
    for row in &memo.rows {
        let text = normalise(&row.text);
        if let Some((_, display)) = known.iter().find(|(d, _)| *d == text) {
            skipped.push((row, display.clone()));
            continue;
        }
        if !seen.insert(text) {
            continue;
        }
        files.push(row_file(row, &mut taken, Some(&file_name)));
        count += 1;
    }
    (count, skipped)
}

fn normalise(text: &str) -> String {
    fold(text)
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
