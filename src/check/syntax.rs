//! `syntax`: a file that is not UTF-8 text, or not TOML. The parser meets these first; the
//! findings, their wording and the advice for the usual hand-typing mistakes are here.

use std::ops::Range;

use super::{Diagnostic, Rule};
use crate::load::source::ReadProblem;

/// The file's bytes are not UTF-8 text (or could not be read at all).
pub fn not_text(file: usize, problem: &ReadProblem) -> Diagnostic {
    let d = Diagnostic::new(Rule::Syntax, problem.message.clone()).help_opt(problem.help.clone());
    match problem.offset {
        Some(offset) => d
            .at(file, offset..offset)
            .label("the first byte that is not UTF-8"),
        // A file that is not UTF-8 from its first byte (UTF-16): line 1, column 1.
        None => d.at(file, 0..0),
    }
}

/// One error of the TOML parser (`message` as it gives it, perhaps over several lines);
/// `found`: the character of the file where it points, if any, and whether it is inside a
/// literal string (`'…'`, which reads no escapes); `line`: the line it points into, for
/// advice on the key at hand.
pub fn invalid_toml(
    file: usize,
    message: &str,
    span: Range<usize>,
    found: Option<(char, bool)>,
    line: &str,
) -> Diagnostic {
    let message = message.trim();
    let mut lines = message.lines();
    let first = lines.next().unwrap_or("invalid TOML").to_string();
    let rest: Vec<&str> = lines.collect();
    // A control character inside a string (DEL, a bell pasted from another program): the
    // parser says the string is invalid, which reads as if it were not closed.
    if let Some((c, literal)) =
        found.filter(|(c, _)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        if first.contains("string") {
            let code = format!("U+{:04X}", u32::from(c));
            let help = if literal {
                "TOML allows no control characters in text: remove it (a text in '…' reads no escapes)".to_string()
            } else {
                format!(
                    "TOML allows no control characters in text: remove it, or write it as \\u{:04X}",
                    u32::from(c)
                )
            };
            return Diagnostic::new(
                Rule::Syntax,
                format!("invalid TOML: a control character ({code}) inside the text"),
            )
            .at(file, span)
            .label(format!("{code}, invisible"))
            .help(help);
        }
    }
    let mut d = Diagnostic::new(Rule::Syntax, format!("invalid TOML: {first}")).at(file, span);
    let lower = first.to_ascii_lowercase();
    // Advice on the line at hand, where the usual advice would name another key or kind.
    let at_hand = if lower.contains("must be quoted") {
        quoted_line(line).map(|l| format!("put text in double quotes: {l}"))
    } else if lower.contains("inline table") {
        Some("an inline table is written { from = \"a\", to = \"b\" } on one line, with a comma between entries and none after the last".to_string())
    } else {
        None
    };
    if let Some(help) = at_hand {
        d = d.help(help);
    } else if let Some(help) = syntax_help(&first) {
        d = d.help(help);
    } else if !rest.is_empty() {
        d = d.help(rest.join(" ").trim().to_string());
    }
    d
}

/// A second byte-order mark at the start of the file (the loader drops the first; TOML
/// allows one, only at the start).
pub fn second_bom(file: usize) -> Diagnostic {
    Diagnostic::new(
        Rule::Syntax,
        "invalid TOML: a byte-order mark (U+FEFF) after the one the file may start with",
    )
    .at(file, 0..'\u{FEFF}'.len_utf8())
    .label("an invisible byte-order mark")
    .help("save the file as UTF-8 once more; the editor wrote the mark twice")
    .fix(0..'\u{FEFF}'.len_utf8(), "")
}

/// A number the TOML parser accepted in shape but that is no number: `0x`, `0b`, `0o`
/// without digits, a digit that is not ASCII (`١`), an integer beyond 64 bits. Reported
/// under any key, known or not; the value is then not judged by its key's rule.
pub fn unreadable_number(file: usize, written: &str, span: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        Rule::Syntax,
        format!("invalid TOML: `{written}` is not a number"),
    )
    .at(file, span)
    .label("not a number")
    .help("write the number with the digits 0-9 (after 0x: 0-9 and a-f), or put text in quotes")
}

/// `key = value` with the value in double quotes (`status = "planned"` for `status =
/// planned`), when the line is a key, `=` and a value of letters and spaces (a comment after
/// it is left out); None otherwise.
fn quoted_line(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let value = value.split('#').next().unwrap_or("").trim();
    let bare = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'))
    };
    (bare(key) && bare(value) && !key.contains(' ')).then(|| format!("{key} = \"{value}\""))
}

/// Plain advice for the syntax errors people make most when typing TOML by hand.
fn syntax_help(message: &str) -> Option<&'static str> {
    let m = message.to_ascii_lowercase();
    if m.contains("carriage return") {
        Some("the file's lines end in CR alone (an old Mac's line ends) or a CR stands alone in it: save it with LF or CRLF line ends, e.g. tr '\\r' '\\n' < old.toml > new.toml")
    } else if m.contains("multi-line") {
        Some("close the text with \"\"\"")
    } else if m.contains("invalid basic string") || m.contains("invalid literal string") {
        Some("close the text with a quote on the same line; for text over several lines use \"\"\" … \"\"\"")
    } else if m.contains("must be quoted") {
        Some("put text in double quotes, e.g. period = \"Q1\"")
    } else if m.contains("duplicate key") {
        Some("each field may appear once; remove or merge the repeated line")
    } else if m.contains("array table") {
        Some("a log entry starts with a line [[log]]")
    } else if m.contains("comma") || m.contains("unclosed array") {
        Some("a list is written [\"a\", \"b\"], with commas between entries")
    } else if m.contains("invalid date") || m.contains("invalid time") {
        Some("write a date as YYYY-MM-DD, e.g. deadline = 2017-06-30")
    } else if m.contains("extra `=`") {
        Some("write one `=` between the key and its value, e.g. status = \"done\"")
    } else if m.contains("expected `=`") || m.contains("key with no value") {
        Some("each line is key = value, e.g. status = \"done\"")
    } else {
        None
    }
}
