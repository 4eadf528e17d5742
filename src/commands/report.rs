//! `plan report --quarter Qn`: the quarterly memo, in the plan's language, as Markdown,
//! text, HTML, CSV, JSON, Excel (xlsx) or Word (docx), to standard output or atomically to a file.

use std::io::Write as _;
use std::path::Path;

use crate::assess::history::rewind;
use crate::assess::memo::{build_with, default_as_of, parse_quarter, Context};
use crate::cli::{ReportArgs, ReportFormat};
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::render::office::{refuse_binary_on_terminal, stdout_is_terminal};
use crate::render::report::{docx, render, xlsx};
use crate::text::LineGuard;
use crate::write::write_atomic;

use super::{load_for_reading_with_errors, Out, Outcome};

pub fn run(config: &Config, args: &ReportArgs, out: Out<'_>) -> Outcome {
    let quarter = parse_quarter(&args.quarter)?;
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(path)) => format_of(path)?,
        (None, None) => ReportFormat::Markdown,
    };
    if let Some(path) = &args.output {
        crate::write::refuse_existing(path, args.force).map_err(Failure::from)?;
    }
    let (mut plan, left_out) = load_for_reading_with_errors(config, super::TO_SUM_UP)?;
    let as_of = default_as_of(plan.manifest.plan.year, quarter, config.today);
    if args.output.is_none() {
        if let Some(name) = binary_name(format) {
            refuse_binary_on_terminal(name, stdout_is_terminal())?;
        }
    }
    let rewound = rewind(&mut plan, as_of);
    let context = Context {
        left_out: left_out.files,
        nested_plans: left_out.nested_plans,
        undated: rewound.undated_status,
        reasons_only: format == ReportFormat::Json,
    };
    let report = build_with(&plan, quarter, as_of, config.lang_for(&plan), context);
    // An Excel or Word file is finished once the plan is let go (the workbook's rows are
    // put away; the document is in a temporary file), and written as made: a zip archive is
    // not text a CI log would show, and the guard could change bytes of it.
    let output = args.output.as_deref();
    match format {
        ReportFormat::Xlsx => {
            let book = xlsx::workbook(&report)?;
            drop(report);
            super::finish_office(plan, || book.into_bytes(), output, args.force, out)?;
            return Ok(EXIT_OK);
        }
        ReportFormat::Docx => {
            let document = docx::spooled(&report)?;
            drop(report);
            super::finish_office(plan, || document.into_bytes(), output, args.force, out)?;
            return Ok(EXIT_OK);
        }
        _ => {}
    }
    match output {
        None => render(format, &report, args.delimiter, out)?,
        Some(path) => {
            // A text file is guarded as standard output is (`cat memo.html` in a CI log).
            let mut bytes = Vec::new();
            let mut guarded = LineGuard::new(&mut bytes);
            render(format, &report, args.delimiter, &mut guarded)?;
            guarded.flush()?;
            drop(guarded);
            write_atomic(path, &bytes, args.force).map_err(Failure::from)?;
        }
    }
    super::leave(report);
    super::leave(plan);
    Ok(EXIT_OK)
}

/// The format named by a file's extension (any case).
pub(crate) fn format_of(path: &Path) -> Result<ReportFormat, Failure> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" => Ok(ReportFormat::Markdown),
        "txt" | "text" => Ok(ReportFormat::Text),
        "html" | "htm" => Ok(ReportFormat::Html),
        "csv" => Ok(ReportFormat::Csv),
        "json" => Ok(ReportFormat::Json),
        "xlsx" => Ok(ReportFormat::Xlsx),
        "docx" => Ok(ReportFormat::Docx),
        _ => Err(Failure::usage(format!(
            "cannot tell the format from the file name `{}`",
            crate::text::visible_line(&path.display().to_string())
        ))
        .with_help(
            "name it .md, .txt, .html, .csv, .json, .xlsx or .docx, or give --format markdown|text|html|csv|json|xlsx|docx",
        )),
    }
}

/// The name of a binary format, which must not go to a terminal.
pub(crate) fn binary_name(format: ReportFormat) -> Option<&'static str> {
    match format {
        ReportFormat::Xlsx => Some("xlsx"),
        ReportFormat::Docx => Some("docx"),
        _ => None,
    }
}
