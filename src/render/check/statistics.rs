//! `plan check --statistics`: how many findings each rule made, most first (then in the rule
//! table's order), as a text table or JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::{Rule, Severity};
use crate::diag::Diagnostic;

/// One rule's count. `severity` is the level its findings had in this run.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub rule: Rule,
    pub severity: Severity,
    pub count: usize,
}

/// The rules that made at least one finding, most findings first.
pub fn counts(diags: &[Diagnostic]) -> Vec<RuleCount> {
    let mut out: Vec<RuleCount> = Vec::new();
    for d in diags {
        match out.iter_mut().find(|c| c.rule == d.rule) {
            Some(c) => {
                c.count += 1;
                c.severity = c.severity.max(d.severity);
            }
            None => out.push(RuleCount {
                rule: d.rule,
                severity: d.severity,
                count: 1,
            }),
        }
    }
    out.sort_by_key(|c| (std::cmp::Reverse(c.count), c.rule));
    out
}

/// A table: count, severity, rule, the rule's summary; one line per rule, nothing when
/// there are no findings.
pub fn text(diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let counts = counts(diags);
    let number = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let name = counts
        .iter()
        .map(|c| c.rule.name().len())
        .max()
        .unwrap_or(0);
    for c in &counts {
        writeln!(
            out,
            "{:>number$}  {:7}  {:name$}  {}",
            c.count,
            c.severity.name(),
            c.rule.name(),
            c.rule.info().summary
        )?;
    }
    Ok(())
}

/// A JSON array of `{"rule", "severity", "count"}`.
pub fn json(diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write_pretty(out, &counts(diags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_findings_first_then_table_order() {
        let d = |rule| Diagnostic::new(rule, "x");
        let diags = [
            d(Rule::UnknownLocation),
            d(Rule::UnknownTrack),
            d(Rule::Syntax),
            d(Rule::UnknownTrack),
        ];
        let got: Vec<(Rule, usize)> = counts(&diags).iter().map(|c| (c.rule, c.count)).collect();
        assert_eq!(
            got,
            [
                (Rule::UnknownTrack, 2),
                (Rule::Syntax, 1),
                (Rule::UnknownLocation, 1)
            ]
        );
    }
}
