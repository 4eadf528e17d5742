//! Findings as a GitLab Code Quality report: a JSON array with, per finding, `description`,
//! `check_name` (the rule), `fingerprint`, `severity` and `location.path` /
//! `location.lines.begin` — the keys GitLab requires (docs.gitlab.com, "Code Quality",
//! *Implement a custom tool*: "description, check_name, fingerprint, location.path,
//! location.lines.begin, severity"). GitLab shows it in merge requests when a job uploads it
//! as `artifacts: reports: codequality`.
//!
//! Severity: an error is `major`, a warning `minor` (GitLab's scale is info, minor, major,
//! critical, blocker). The fingerprint identifies a finding across pipelines, so it does not
//! depend on the line (a finding that moves down a line when a line is added above stays the
//! same finding): it is a hash of rule, path and message, with a counter for the second and
//! later findings with all three equal.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;
use crate::text::clean_line;

use super::location;

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
    }
}

/// Writes the report (a pretty-printed JSON array, `[]` when there are no findings).
pub fn gitlab(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let issues: Vec<Issue> = diags
        .iter()
        .map(|d| {
            let loc = location(plan, d);
            let mut description = clean_line(&d.message);
            if let Some(help) = &d.help {
                description.push_str(&format!(" (help: {})", clean_line(help)));
            }
            let key = fnv1a64(&[d.rule.name(), &loc.path, &d.message]);
            let nth = seen.entry(key).or_insert(0);
            *nth += 1;
            let fingerprint = if *nth == 1 {
                format!("{key:016x}")
            } else {
                format!(
                    "{:016x}",
                    fnv1a64(&[&format!("{key:016x}"), &nth.to_string()])
                )
            };
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
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// FNV-1a, 64 bits, over the parts with a 0xff byte between them (a byte UTF-8 never
/// has, so `("ab", "c")` and `("a", "bc")` differ). Written out here because the standard
/// library's hasher may change between Rust versions, and a fingerprint must not.
fn fnv1a64(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        let sep: &[u8] = if i == 0 { &[] } else { &[0xff] };
        for &byte in sep.iter().chain(part.as_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_hash_is_fnv1a_and_separates_parts() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(&["a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(&["foobar"]), 0x8594_4171_f739_67e8);
        assert_ne!(fnv1a64(&["ab", "c"]), fnv1a64(&["a", "bc"]));
    }
}
