//! Findings as one JSON document: the plan, a summary of counts, and every finding with its
//! rule, severity, message, file, 1-based line and column, and help. Every finding is
//! listed (not capped as in the formats people read).

use std::io::{self, Write};

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;

use super::position;

#[derive(Serialize)]
struct JsonPlan<'a> {
    title: &'a str,
    year: i32,
    dir: String,
}

#[derive(Serialize)]
struct JsonSummary {
    initiatives: usize,
    errors: usize,
    warnings: usize,
    /// Findings of severity `note` (never counted as problems).
    notes: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    severity: Severity,
    message: &'a str,
    file: Option<std::borrow::Cow<'a, str>>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<&'a str>,
    /// Whether `plan check --fix` fixes it.
    fixable: bool,
    /// What `plan check --fix` writes in place of the marked text (at `line`/`column`).
    replacement: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    plan: JsonPlan<'a>,
    summary: JsonSummary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// Writes the JSON document (pretty-printed, with a final newline).
pub fn json(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let (errors, warnings) = crate::check::counts(diags);
    let report = JsonReport {
        plan: JsonPlan {
            title: &plan.manifest.plan.title,
            year: plan.manifest.plan.year,
            dir: plan.dir.to_string_lossy().into_owned(),
        },
        summary: JsonSummary {
            initiatives: plan.all_ids().count(),
            errors,
            warnings,
            notes: diags
                .iter()
                .filter(|d| d.severity == Severity::Note)
                .count(),
        },
        diagnostics: diags
            .iter()
            .map(|d| {
                let pos = position(plan, d);
                JsonDiagnostic {
                    rule: d.rule.name(),
                    severity: d.severity,
                    message: &d.message,
                    file: pos.file,
                    line: pos.line,
                    column: pos.column,
                    help: d.help.as_deref(),
                    fixable: d.fix.is_some(),
                    replacement: d.fix.as_ref().map(|f| f.replacement.as_str()),
                }
            })
            .collect(),
    };
    crate::render::json::write_pretty(out, &report)
}
