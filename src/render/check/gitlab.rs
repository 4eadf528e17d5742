//! Findings as a GitLab Code Quality report: a JSON array with, per finding, `description`,
//! `check_name` (the rule), `fingerprint`, `severity` and `location.path` /
//! `location.lines.begin` — the keys GitLab requires (docs.gitlab.com, "Code Quality",
//! *Implement a custom tool*: "description, check_name, fingerprint, location.path,
//! location.lines.begin, severity"). GitLab shows it in merge requests when a job uploads it
//! as `artifacts: reports: codequality`.
//!
//! Severity: an error is `major`, a warning `minor` (GitLab's scale is info, minor, major,
//! critical, blocker). The fingerprint identifies a finding across pipelines
//! ([`super::fingerprints`]).

use std::io::{self, Write};

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;
use crate::text::clean_line;

use super::{fingerprints, location};

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// GitLab's name for a severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}

/// Writes the report (a pretty-printed JSON array, `[]` when there are no findings).
pub fn gitlab(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let fingerprints = fingerprints(plan, diags);
    let issues: Vec<Issue> = diags
        .iter()
        .zip(fingerprints)
        .map(|(d, fingerprint)| {
            let loc = location(plan, d);
            let mut description = clean_line(&d.message);
            if let Some(help) = &d.help {
                description.push_str(&format!(" (help: {})", clean_line(help)));
            }
            if d.fix.is_some() {
                description.push_str(super::FIXABLE_NOTE);
            }
            Issue {
                description,
                check_name: d.rule.name(),
                fingerprint,
                severity: severity(d.severity),
                location: IssueLocation {
                    path: loc.path,
                    lines: Lines {
                        begin: loc.line.unwrap_or(1),
                    },
                },
            }
        })
        .collect();
    crate::render::json::write_pretty(out, &issues)
}
