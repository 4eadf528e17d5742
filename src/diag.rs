//! Findings: what `plan check` reports, with a stable rule name, a severity and,
//! where it comes from a file, a byte span into that file's text.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// Every rule `plan check` knows. The kebab-case names are part of the contract:
/// they appear in JSON, GitHub annotations and `[rules.severity]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    Syntax,
    UnknownField,
    MissingField,
    InvalidValue,
    UnknownTrack,
    UnknownLocation,
    DuplicateId,
    UnknownDependency,
    DependencyCycle,
    DependencyOrder,
    DeadlineOutsidePeriod,
    MinPerTrack,
    MinPerLocation,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::Syntax,
        Rule::UnknownField,
        Rule::MissingField,
        Rule::InvalidValue,
        Rule::UnknownTrack,
        Rule::UnknownLocation,
        Rule::DuplicateId,
        Rule::UnknownDependency,
        Rule::DependencyCycle,
        Rule::DependencyOrder,
        Rule::DeadlineOutsidePeriod,
        Rule::MinPerTrack,
        Rule::MinPerLocation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Syntax => "syntax",
            Rule::UnknownField => "unknown-field",
            Rule::MissingField => "missing-field",
            Rule::InvalidValue => "invalid-value",
            Rule::UnknownTrack => "unknown-track",
            Rule::UnknownLocation => "unknown-location",
            Rule::DuplicateId => "duplicate-id",
            Rule::UnknownDependency => "unknown-dependency",
            Rule::DependencyCycle => "dependency-cycle",
            Rule::DependencyOrder => "dependency-order",
            Rule::DeadlineOutsidePeriod => "deadline-outside-period",
            Rule::MinPerTrack => "min-per-track",
            Rule::MinPerLocation => "min-per-location",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Rule::Syntax => "the file is not valid TOML (or not UTF-8)",
            Rule::UnknownField => "a key the format does not have",
            Rule::MissingField => "a required field (title, period, tracks) is absent",
            Rule::InvalidValue => "a value of the wrong type or outside the allowed values",
            Rule::UnknownTrack => "a track that is not in the catalogue",
            Rule::UnknownLocation => "a place that is not in the catalogue",
            Rule::DuplicateId => "two files with the same id (file stem)",
            Rule::UnknownDependency => "depends_on names no initiative",
            Rule::DependencyCycle => "initiatives depend on each other in a loop",
            Rule::DependencyOrder => "an initiative depends on one scheduled in a later quarter",
            Rule::DeadlineOutsidePeriod => {
                "a deadline outside the initiative's quarter or the plan year"
            }
            Rule::MinPerTrack => "a track has fewer initiatives than min_per_track",
            Rule::MinPerLocation => "a place has fewer initiatives than min_per_location",
        }
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::UnknownLocation | Rule::DeadlineOutsidePeriod => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A finding. `file` indexes `Plan::files`; `span` is a byte range in that file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub file: Option<usize>,
    pub span: Option<Range<usize>>,
    /// A short label under the marker in the source excerpt.
    pub label: Option<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            file: None,
            span: None,
            label: None,
            help: None,
        }
    }

    pub fn at(mut self, file: usize, span: Range<usize>) -> Self {
        self.file = Some(file);
        self.span = Some(span);
        self
    }

    pub fn in_file(mut self, file: usize) -> Self {
        self.file = Some(file);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_names_are_unique_kebab_case_and_round_trip() {
        let mut seen = HashSet::new();
        for rule in Rule::ALL {
            assert!(
                seen.insert(rule.name()),
                "duplicate rule name {}",
                rule.name()
            );
            assert!(rule
                .name()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'));
            assert_eq!(Rule::from_name(rule.name()), Some(rule));
            assert!(!rule.description().is_empty());
        }
    }
}
