//! `plan check`: the rules that look across files, and the one list of findings.
//! Per-file rules (syntax, fields, values, tracks, places) are found while parsing.

pub mod copies;
mod dependencies;
mod minimums;
pub mod pasted;

pub use minimums::{location_counts, track_counts};

use std::collections::HashMap;

use chrono::Datelike;

use crate::diag::{Diagnostic, Rule, Severity};
use crate::model::{Period, Plan};

/// Every finding for the plan, with `[rules.severity]` applied (rules set to `off` are
/// dropped), in file order, plan-level findings last.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut found = plan.diagnostics.clone();
    duplicate_ids(plan, &mut found);
    dependencies::unknown(plan, &mut found);
    dependencies::cycles(plan, &mut found);
    dependencies::order(plan, &mut found);
    deadlines(plan, &mut found);
    minimums::per_track(plan, &mut found);
    minimums::per_location(plan, &mut found);

    let rules = &plan.manifest.rules;
    let mut out: Vec<Diagnostic> = found
        .into_iter()
        .filter_map(|mut d| {
            d.severity = rules.severity_of(d.rule)?;
            Some(d)
        })
        .collect();
    out.sort_by_key(|d| {
        (
            d.file.unwrap_or(usize::MAX),
            d.span.as_ref().map_or(0, |s| s.start),
            d.rule,
        )
    });
    out.dedup();
    out
}

/// Counts of errors and warnings.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

fn duplicate_ids(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, file) in plan.files.iter().enumerate() {
        if plan.has_manifest && index == 0 {
            continue;
        }
        by_id.entry(file.stem()).or_default().push(index);
    }
    for (id, files) in by_id {
        if files.len() < 2 {
            continue;
        }
        let first = &plan.files[files[0]].display;
        for &other in &files[1..] {
            out.push(
                Diagnostic::new(
                    Rule::DuplicateId,
                    format!("the id `{id}` is used by two files: {first} and {}", plan.files[other].display),
                )
                .at(other, 0..0)
                .label("this file has the same name as another")
                .help(format!("rename one of them; ids are file names and must be unique in the whole folder (the plan uses {first})")),
            );
        }
    }
}

fn deadlines(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let year = plan.manifest.plan.year;
    for init in &plan.initiatives {
        let (Some(deadline), Some(span)) = (init.deadline, &init.spans.deadline) else {
            continue;
        };
        if init.period.contains(year, deadline) {
            continue;
        }
        let (message, help) = match init.period {
            Period::Year => (
                format!("the deadline {deadline} is outside the plan year {year}"),
                format!("move the deadline into {year}, or the initiative into next year's plan"),
            ),
            Period::Q(q) => (
                format!(
                    "the deadline {deadline} is outside {} ({} to {})",
                    init.period,
                    init.period.start(year),
                    init.period.end(year)
                ),
                match Period::quarter_of(deadline) {
                    p @ Period::Q(dq) if deadline.year() == year && dq != q => {
                        format!(
                            "change the period to \"{p}\", or the deadline to a date in {}",
                            init.period
                        )
                    }
                    _ => format!("change the deadline to a date in {} {year}", init.period),
                },
            ),
        };
        out.push(
            Diagnostic::new(Rule::DeadlineOutsidePeriod, message)
                .at(init.file, span.clone())
                .label(format!("not in {}", init.period))
                .help(help),
        );
    }
}
