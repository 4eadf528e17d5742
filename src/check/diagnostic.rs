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
    /// For a finding on an entry of the plan folder that is not one of the plan's files (a
    /// folder, a named pipe): the entry as shown to users (`plans/q2`). `None` when `file`
    /// is set.
    pub path: Option<String>,
    pub span: Option<Range<usize>>,
    /// A change of the file that fixes the finding, for `check --fix`: replace the bytes of
    /// `Fix::span` (in the text of `file`) by `Fix::replacement`.
    pub fix: Option<Fix>,
    /// A short label under the marker in the source excerpt.
    pub label: Option<String>,
    pub help: Option<String>,
}

/// A mechanical fix: the bytes `span` of the finding's file replaced by `replacement`.
/// The span is into the file's text as loaded (`SourceFile::text`: a leading BOM dropped,
/// CRLF turned into LF), like every span of a finding. Fixes of one file may nest (an outer
/// one then already includes the inner: apply the outermost); they never overlap otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub replacement: String,
}

/// A finding's words with what they quote made visible
/// ([`crate::text::visible_keeping_breaks`]); the text itself when nothing is hidden in it.
fn quoted(text: String) -> String {
    match crate::text::visible_keeping_breaks(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

impl Diagnostic {
    /// A finding of `rule` saying `message` (its words: invisible characters in what it
    /// quotes are shown as escapes, [`quoted`]), at the rule's default severity.
    pub fn new(rule: Rule, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: quoted(message.into()),
            file: None,
            path: None,
            span: None,
            fix: None,
            label: None,
            help: None,
        }
    }

    pub fn at(mut self, file: usize, span: Range<usize>) -> Self {
        self.file = Some(file);
        self.span = Some(span);
        self
    }

    /// The finding is about `display`, an entry of the plan folder that is not a plan file.
    pub fn at_path(mut self, display: impl Into<String>) -> Self {
        self.path = Some(display.into());
        self
    }

    /// A fix: replace `span` of the finding's file by `replacement`.
    pub fn fix(mut self, span: Range<usize>, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// A fix, when there is one.
    pub fn fix_opt(mut self, fix: Option<(Range<usize>, String)>) -> Self {
        if let Some((span, replacement)) = fix {
            self = self.fix(span, replacement);
        }
        self
    }

    pub fn in_file(mut self, file: usize) -> Self {
        self.file = Some(file);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(quoted(label.into()));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(quoted(help.into()));
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help.map(quoted);
        self
    }
}

/// `text` as a TOML basic string, quoted and escaped (`"Q2"`), as `toml_edit` writes it:
/// the replacement of a value in a [`Fix`].
pub fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}
