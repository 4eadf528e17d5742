//! `plan check`: every rule, each in a file named for what it checks, and the one list of
//! findings. The table of rules is [`rule`]; a finding is a [`Diagnostic`].
//!
//! Rules on how one file is written (`syntax`, `unknown-field`, `missing-field`,
//! `invalid-value`) are met while the parser reads the file: the parser calls this module's
//! constructors ([`syntax`], [`fields`], [`values`], [`ids`]) at the span it read, and the
//! findings travel in `Plan::diagnostics`. Every other rule runs in [`check`] on the parsed
//! plan: the catalogue names the parser could not resolve ([`catalogue`]), ids, dependencies,
//! deadlines, minimums and the dated history ([`history`]).

pub mod diagnostic;
pub mod rule;

pub mod catalogue;
pub mod fields;
pub mod ids;
pub mod syntax;
pub mod values;

mod deadlines;
mod dependencies;
mod history;
mod minimums;

pub use minimums::{counted_on_track, location_counts, track_counts};

use crate::model::Plan;
pub use diagnostic::Diagnostic;
pub use rule::{Rule, RuleInfo, Severity, RULES};

/// Every finding for the plan, with `[rules.severity]` applied (rules set to `off` are
/// dropped), in file order, plan-level findings last.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut found = plan.diagnostics.clone();
    catalogue::unknown_names(plan, &mut found);
    ids::duplicates(plan, &mut found);
    dependencies::unknown(plan, &mut found);
    dependencies::cycles(plan, &mut found);
    dependencies::order(plan, &mut found);
    deadlines::outside_period(plan, &mut found);
    minimums::per_track(plan, &mut found);
    minimums::per_location(plan, &mut found);
    // "After today" is measured against the real date of the check, not `--today`.
    history::findings(plan, chrono::Local::now().date_naive(), &mut found);

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
