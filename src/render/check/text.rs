//! Findings as text, rustc style: `error[rule]: message`, the place, the source line with a
//! marker, and a help line; and the closing line that counts them.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::check::{capped, SHOWN_PER_FILE_AND_RULE};
use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Count, Noun};
use crate::model::Plan;
use crate::render::chunked::write_each_in;
use crate::text::{clean_line, mask_chars, visible_line};

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

/// rustc-style text: `error[rule]: message`, ` --> file:line:col`, the source line with a
/// marker, and a help line. Message, label and help are each one line (`clean_line`): plan
/// text in them cannot start another. At most [`SHOWN_PER_FILE_AND_RULE`] findings of one
/// rule in one file, then "and N more".
pub fn text(plan: &Plan, diags: &[Diagnostic], color: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    // A finding's source lines are read again (for a file let go) and laid out on two cores,
    // a chunk of findings at a time.
    let shown = capped(diags, SHOWN_PER_FILE_AND_RULE);
    write_each_in(&shown, super::FINDINGS_PER_CHUNK, out, &|out, d| {
        let message = clean_line(&d.message);
        let label = d.label.as_deref().map(clean_line);
        let help = d.help.as_deref().map(clean_line);
        let title = level(d.severity)
            .primary_title(message.as_str())
            .id(d.rule.name());
        let file = d.file.map(|f| plan.file(f));
        // The text as parsed (read again if it was let go); None if the file changed since.
        let text = file.and_then(|f| f.source());
        let mut group: Group<'_> = match (file, &d.span, &text) {
            (Some(file), Some(span), Some(text)) if !text.is_empty() || span.start == 0 => {
                // Only the lines the span touches: a finding costs the length of its lines,
                // not of the file (thousands of findings in one file stay linear).
                let text: &str = text;
                let start = floor_boundary(text, span.start);
                let end = floor_boundary(text, span.end.max(start));
                let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
                let last = text[end..].find('\n').map_or(text.len(), |i| end + i);
                // One mark per hidden character, so that the column the renderer counts is
                // the file's (one `?` per byte put `status\u{200b}`'s `=` two columns on).
                let (masked, marked) = mask_chars(&text[first..last], start - first..end - first);
                let source = crate::text::width::for_markers(masked);
                let (line, _) = file.lines.line_col(text, start);
                let mut annotation = AnnotationKind::Primary.span(marked);
                if let Some(label) = &label {
                    annotation = annotation.label(label.clone());
                }
                title.element(
                    Snippet::source(source.into_owned())
                        .line_start(line)
                        .path(visible_line(&file.display()).into_owned())
                        .fold(true)
                        .annotation(annotation),
                )
            }
            (Some(file), span, text) => {
                let mut origin = Origin::path(visible_line(&file.display()).into_owned());
                if let (Some(span), Some(text)) = (span, text) {
                    let (line, col) = file.lines.line_col(text, span.start);
                    origin = origin.line(line).char_column(col);
                }
                // A file changed since it was parsed: the message says so
                // (`check::read_again_for`).
                title.element(origin)
            }
            (None, ..) => match &d.path {
                Some(path) => title.element(Origin::path(visible_line(path).into_owned())),
                None => Group::with_title(title),
            },
        };
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.clone()));
        }
        if let Some(fix) = &d.fix {
            group = group.element(Level::NOTE.message(fix_note(&fix.replacement)));
        }
        writeln!(out, "{}", renderer.render(&[group]))?;
        writeln!(out)
    })
}

/// The line under a fixable finding: what `plan check --fix` writes in place of the marked
/// text.
pub fn fix_note(replacement: &str) -> String {
    if replacement.is_empty() {
        "fixable: `plan check --fix` removes it".into()
    } else {
        format!(
            "fixable: `plan check --fix` writes {} here",
            clean_line(replacement)
        )
    }
}

/// `offset` moved down to a character boundary of `text` (and at most its length).
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
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

#[cfg(test)]
mod tests {
    use super::*;

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
