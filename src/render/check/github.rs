//! Findings as GitHub Actions workflow commands (`::error file=…::message`), which the
//! runner turns into annotations on the pull request.

use std::io::{self, Write};

use crate::check::{capped, SHOWN_PER_FILE_AND_RULE};
use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;
use crate::text::{break_markers, strip};

use super::location;

/// Escapes a GitHub workflow command's message: unsafe characters removed, every line break
/// (CR, LF, CR LF, U+2028, …) made `%0A` (`strip` has made each one LF), `%` made `%25`, so
/// that the message stays on its line; `##[` and `##vso[` broken as on every other line
/// (`##\[`), since Azure Pipelines finds `##vso[` anywhere in a line, annotations too.
fn gh_data(text: &str) -> String {
    break_markers(&strip(text))
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a GitHub workflow command's property value (a file's path): as a message, and `:`
/// and `,` as `%3A` and `%2C`; but a carriage return stays one (`%0D`, which the runner
/// decodes back to it, as its toolkit's `escapeProperty` does), so that the runner is handed
/// the file's own name, where a message's breaks all become `%0A`.
fn gh_property(text: &str) -> String {
    text.split('\r')
        .map(|part| gh_data(part).replace(':', "%3A").replace(',', "%2C"))
        .collect::<Vec<_>>()
        .join("%0D")
}

/// One `::error file=…,line=…,col=…,title=RULE::message` line per finding (`::notice` for a
/// note); at most [`SHOWN_PER_FILE_AND_RULE`] of one rule in one file, then "and N more"
/// (GitHub itself shows only the first few annotations of a step).
pub fn github(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    // Lines and columns are found (in files let go, read again) on two cores.
    let shown = capped(diags, SHOWN_PER_FILE_AND_RULE);
    crate::render::chunked::write_each_in(&shown, super::FINDINGS_PER_CHUNK, out, &|out, d| {
        // A finding on the whole plan (`min-per-track`) is on `plan.toml`, as in the other
        // formats (it had no `file=`, so no annotation on the pull request's files); a
        // folder is named by no `file=`.
        let loc = location(plan, d);
        let mut props = Vec::new();
        if loc.is_file {
            props.push(format!("file={}", gh_property(&loc.path)));
        }
        if let Some(line) = loc.line {
            props.push(format!("line={line}"));
        }
        if let Some(col) = loc.column {
            props.push(format!("col={col}"));
        }
        props.push(format!("title={}", d.rule.name()));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(" (help: ");
            message.push_str(help);
            message.push(')');
        }
        if d.fix.is_some() {
            message.push_str(super::FIXABLE_NOTE);
        }
        let command = match d.severity {
            Severity::Note => "notice",
            other => other.name(),
        };
        writeln!(
            out,
            "::{} {}::{}",
            command,
            props.join(","),
            gh_data(&message)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_newlines_percent_and_property_separators() {
        assert_eq!(gh_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(gh_property("a,b:c"), "a%2Cb%3Ac");
        // A file's name keeps its carriage return (a message makes it a line break).
        assert_eq!(gh_property("a\rb\r\nc\nd%"), "a%0Db%0D%0Ac%0Ad%25");
        assert_eq!(gh_data("a\rb"), "a%0Ab");
        assert_eq!(gh_data("x\u{1b}[31my"), "x[31my");
        assert_eq!(gh_data("a\r\nb\u{2028}c\u{85}::d"), "a%0Ab%0Ac%0A::d");
        assert_eq!(gh_data("a ##vso[x] ##[y]"), "a ##vso\\[x] ##\\[y]");
    }
}
