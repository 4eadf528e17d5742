//! Findings: what `plan check` reports, with a stable rule name, a severity and,
//! where it comes from a file, a byte span into that file's text.
//!
//! Vocabulary like [`super::rule`]: any phase may build a finding.

use std::ops::Range;

use super::rule::{Rule, Severity};

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
