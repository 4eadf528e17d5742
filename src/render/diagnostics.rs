//! Findings as text (rustc style), JSON and GitHub workflow commands.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Count, Noun};
use crate::model::Plan;
use crate::text::{clean_line, mask, strip};

/// Where a finding is, as users see it: file (as displayed), 1-based line and column.
pub struct Position<'a> {
    pub file: Option<&'a str>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

pub fn position<'a>(plan: &'a Plan, d: &Diagnostic) -> Position<'a> {
    let Some(file) = d.file.map(|f| plan.file(f)) else {
        return Position {
            file: None,
            line: None,
            column: None,
        };
    };
    let (line, column) = match &d.span {
        Some(span) => {
            let (l, c) = file.line_col(span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Position {
        file: Some(&file.display),
        line,
        column,
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
}

/// rustc-style text: `error[rule]: message`, ` --> file:line:col`, the source line with a
/// marker, and a help line. Message, label and help are each one line (`clean_line`): plan
/// text in them cannot start another.
pub fn text(plan: &Plan, diags: &[Diagnostic], color: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    for d in diags {
        let message = clean_line(&d.message);
        let label = d.label.as_deref().map(clean_line);
        let help = d.help.as_deref().map(clean_line);
        let title = level(d.severity)
            .primary_title(message.as_str())
            .id(d.rule.name());
        let mut group: Group<'_> = match (d.file.map(|f| plan.file(f)), &d.span) {
            (Some(file), Some(span)) if !file.text.is_empty() || span.start == 0 => {
                let source = mask(&file.text);
                let start = span.start.min(source.len());
                let end = span.end.clamp(start, source.len());
                let mut annotation = AnnotationKind::Primary.span(start..end);
                if let Some(label) = &label {
                    annotation = annotation.label(label.clone());
                }
                title.element(
                    Snippet::source(source.into_owned())
                        .path(clean_line(&file.display))
                        .fold(true)
                        .annotation(annotation),
                )
            }
            (Some(file), _) => {
                let mut origin = Origin::path(clean_line(&file.display));
                if let Some(span) = &d.span {
                    let (line, col) = file.line_col(span.start);
                    origin = origin.line(line).char_column(col);
                }
                title.element(origin)
            }
            (None, _) => Group::with_title(title),
        };
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.clone()));
        }
        writeln!(out, "{}", renderer.render(&[group]))?;
        writeln!(out)?;
    }
    Ok(())
}

/// The closing line of `plan check`'s text output.
pub fn summary_line(initiatives: usize, errors: usize, warnings: usize) -> String {
    let initiatives = Count::new(initiatives, INITIATIVE);
    if errors == 0 && warnings == 0 {
        format!("ok: {initiatives} checked, no problems found")
    } else {
        format!(
            "{}: {initiatives} checked, {}, {}",
            if errors > 0 { "failed" } else { "ok" },
            Count::new(errors, ERROR),
            Count::new(warnings, WARNING)
        )
    }
}

/// The nouns `plan check` counts in its closing line (English, like every diagnostic).
const INITIATIVE: Noun = Noun {
    one: "initiative",
    many: "initiatives",
};
const ERROR: Noun = Noun {
    one: "error",
    many: "errors",
};
const WARNING: Noun = Noun {
    one: "warning",
    many: "warnings",
};

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
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    severity: Severity,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    plan: JsonPlan<'a>,
    summary: JsonSummary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

pub fn json(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let (errors, warnings) = crate::check::counts(diags);
    let report = JsonReport {
        plan: JsonPlan {
            title: &plan.manifest.plan.title,
            year: plan.manifest.plan.year,
            dir: plan.dir.to_string_lossy().into_owned(),
        },
        summary: JsonSummary {
            initiatives: plan.all_ids.len(),
            errors,
            warnings,
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
                }
            })
            .collect(),
    };
    crate::render::json::write_pretty(out, &report)
}

/// Escapes a GitHub workflow command's message: unsafe characters removed, every line break
/// (CR, LF, U+2028, …) made `%0A` (`%0D` stays for a CR the text could not carry), `%` made
/// `%25`, so that the message stays on its line.
fn gh_data(text: &str) -> String {
    strip(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a GitHub workflow command's property value.
fn gh_property(text: &str) -> String {
    gh_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error file=…,line=…,col=…,title=RULE::message` line per finding.
pub fn github(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    for d in diags {
        let pos = position(plan, d);
        let mut props = Vec::new();
        if let Some(file) = pos.file {
            props.push(format!("file={}", gh_property(file)));
        }
        if let Some(line) = pos.line {
            props.push(format!("line={line}"));
        }
        if let Some(col) = pos.column {
            props.push(format!("col={col}"));
        }
        props.push(format!("title={}", d.rule.name()));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(" (help: ");
            message.push_str(help);
            message.push(')');
        }
        writeln!(
            out,
            "::{} {}::{}",
            d.severity.name(),
            props.join(","),
            gh_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_newlines_percent_and_property_separators() {
        assert_eq!(gh_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(gh_property("a,b:c"), "a%2Cb%3Ac");
        assert_eq!(gh_data("x\u{1b}[31my"), "x[31my");
        assert_eq!(gh_data("a\r\nb\u{2028}c\u{85}::d"), "a%0Ab%0Ac%0A::d");
    }

    #[test]
    fn the_summary_line_counts_in_the_singular_for_one() {
        assert_eq!(
            summary_line(1, 1, 1),
            "failed: 1 initiative checked, 1 error, 1 warning"
        );
        assert_eq!(
            summary_line(2, 0, 2),
            "ok: 2 initiatives checked, 0 errors, 2 warnings"
        );
        assert_eq!(
            summary_line(0, 0, 0),
            "ok: 0 initiatives checked, no problems found"
        );
    }
}
