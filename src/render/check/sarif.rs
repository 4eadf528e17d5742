//! Findings as a SARIF 2.1.0 log (OASIS, *Static Analysis Results Interchange Format*
//! Version 2.1.0), the format GitHub code scanning and Azure DevOps read.
//!
//! A small owned model of the parts `plan` fills in (like cargo-deny's `src/sarif/model.rs`):
//! one run whose tool lists every rule of the rule table (id, short and full description,
//! help with the failing example and its fix, default level), and one result per finding
//! (rule id and index, level, message, where, and a stable fingerprint). Columns count
//! Unicode code points, as the other formats do, so the run says
//! `columnKind: unicodeCodePoints`. Paths are URI
//! references as the findings show them (relative to where `plan` ran, `/` separators,
//! percent-encoded); an absolute path becomes a `file://` URI. A test validates the output
//! against the SARIF 2.1.0 JSON Schema kept in `tests/schemas/`.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::{Rule, RuleInfo, Severity, RULES};
use crate::diag::Diagnostic;
use crate::model::Plan;
use crate::text::clean;

use super::{fingerprints, location};

/// The schema the log names (the OASIS standard's).
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    partial_fingerprints: PartialFingerprints,
    /// What `plan check --fix` changes (§3.55): one replacement in the finding's file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

/// The finding's stable fingerprint ([`super::fingerprints`]), under a versioned name of
/// `plan`'s own, as SARIF asks (§3.27.17).
#[derive(Serialize)]
struct PartialFingerprints {
    #[serde(rename = "planFinding/v1")]
    plan_finding: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    /// The column after the region's last character.
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

/// SARIF's name for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn descriptor(info: &RuleInfo) -> ReportingDescriptor {
    ReportingDescriptor {
        id: info.rule.name(),
        short_description: Text {
            text: info.summary.to_string(),
        },
        full_description: Text {
            text: info.explanation.to_string(),
        },
        help: Help {
            text: format!(
                "{}\n\nFails:\n{}\n\nFixed:\n{}\n\nMore: plan explain {}",
                info.explanation,
                info.example,
                info.fix,
                info.rule.name()
            ),
            markdown: format!(
                "{}\n\nFails:\n\n```toml\n{}\n```\n\nFixed:\n\n```toml\n{}\n```\n\nMore: `plan explain {}`",
                info.explanation,
                info.example,
                info.fix,
                info.rule.name()
            ),
        },
        default_configuration: Configuration {
            level: level(info.severity),
        },
    }
}

/// Writes the SARIF log (pretty-printed JSON, with a final newline).
pub fn sarif(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let fingerprints = fingerprints(plan, diags);
    let results = diags
        .iter()
        .zip(fingerprints)
        .map(|(d, fingerprint)| {
            let loc = location(plan, d);
            let mut message = clean(&d.message).into_owned();
            if let Some(help) = &d.help {
                message.push_str(&format!("\nhelp: {}", clean(help)));
            }
            let uri = if loc.is_file {
                uri(&loc.path)
            } else {
                format!("{}/", uri(&loc.path))
            };
            let source = d.file.map(|file| plan.file(file));
            // A fix is offered only where its region is known: not in a file that changed
            // since it was parsed (whose lines are gone).
            let region = |fix: &crate::check::diagnostic::Fix| {
                let source = source?;
                Some((
                    source.line_col(fix.span.start)?,
                    source.line_col(fix.span.end)?,
                ))
            };
            let fixes = match d.fix.as_ref().and_then(|fix| Some((fix, region(fix)?))) {
                Some((fix, ((start_line, start_column), (end_line, end_column)))) => {
                    vec![SarifFix {
                        description: Text {
                            text: "plan check --fix".into(),
                        },
                        artifact_changes: vec![ArtifactChange {
                            artifact_location: ArtifactLocation { uri: uri.clone() },
                            replacements: vec![Replacement {
                                deleted_region: Region {
                                    start_line,
                                    start_column: Some(start_column),
                                    end_line: Some(end_line),
                                    end_column: Some(end_column),
                                },
                                // As `--fix` writes it: the JSON writer escapes what must
                                // not reach a terminal (`\u200b`), and a reader that
                                // applies the fix keeps it.
                                inserted_content: Text {
                                    text: fix.replacement.clone(),
                                },
                            }],
                        }],
                    }]
                }
                _ => Vec::new(),
            };
            SarifResult {
                rule_id: d.rule.name(),
                rule_index: rule_index(d.rule),
                level: level(d.severity),
                message: Text { text: message },
                locations: vec![SarifLocation {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri },
                        region: loc.line.map(|line| Region {
                            start_line: line,
                            start_column: loc.column,
                            end_line: None,
                            end_column: None,
                        }),
                    },
                }],
                partial_fingerprints: PartialFingerprints {
                    plan_finding: fingerprint,
                },
                fixes,
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "plan",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: RULES.iter().map(descriptor).collect(),
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    crate::render::json::write_pretty(out, &log)
}

/// The rule's index in the run's rule list (the table's order).
fn rule_index(rule: Rule) -> usize {
    Rule::all().iter().position(|&r| r == rule).unwrap_or(0)
}

/// A displayed path as a URI reference: `/` separators, every byte outside RFC 3986's
/// unreserved characters and `/` percent-encoded (`Ærø.toml` → `%C3%86r%C3%B8.toml`); an
/// absolute path (`/…`, `C:/…`) becomes a `file://` URI.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let drive =
        path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    for (i, &byte) in path.as_bytes().iter().enumerate() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/')
            || (drive && i == 1);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("plans/q2/a.toml"), "plans/q2/a.toml");
        assert_eq!(uri("plans\\q2\\a.toml"), "plans/q2/a.toml");
        assert_eq!(uri("plans/Ærø by.toml"), "plans/%C3%86r%C3%B8%20by.toml");
        assert_eq!(uri("../plans/a#1.toml"), "../plans/a%231.toml");
        assert_eq!(uri("/tmp/plans/a.toml"), "file:///tmp/plans/a.toml");
        assert_eq!(uri("C:/plans/a.toml"), "file:///C:/plans/a.toml");
    }

    #[test]
    fn every_rule_is_described_at_its_index() {
        for (i, &rule) in Rule::all().iter().enumerate() {
            assert_eq!(rule_index(rule), i);
            assert_eq!(descriptor(rule.info()).id, rule.name());
        }
    }
}
