//! `unknown-field` and `missing-field`: keys the format does not have, and required keys
//! that are absent. The parser says which keys it saw where; the findings are made here.

use std::ops::Range;

use super::{Diagnostic, Rule};
use crate::suggest::did_you_mean;

/// A key not in `known` (`what` names the table: "an initiative", "[plan]"), with the field
/// it most likely meant. `fixable`: the key may be renamed to `meant` (the table has no
/// such key yet).
pub fn unknown_field(
    file: usize,
    typed: &str,
    span: Range<usize>,
    what: &str,
    known: &[&str],
    meant: Option<&str>,
    fixable: bool,
) -> Diagnostic {
    let fix = meant
        .filter(|_| fixable)
        .map(|m| (span.clone(), toml_edit::Key::new(m).to_string()));
    let help = match meant {
        Some(m) => crate::suggest::hint(typed, m),
        None => format!("{what} can have: {}", known.join(", ")),
    };
    Diagnostic::new(
        Rule::UnknownField,
        format!("unknown field `{typed}` in {what}"),
    )
    .at(file, span)
    .label("not a field of the format")
    .help(help)
    .fix_opt(fix)
}

/// A name in `[rules.severity]` that is not a rule.
pub fn unknown_rule(file: usize, typed: &str, span: Range<usize>) -> Diagnostic {
    let help = did_you_mean(typed, Rule::all().iter().map(|r| r.name()))
        .unwrap_or_else(|| "see `plan check --help` for the rule names".into());
    Diagnostic::new(Rule::UnknownField, format!("unknown rule `{typed}`"))
        .at(file, span)
        .help(help)
}

/// A required `key` absent from `what` (the whole file: reported at its start).
pub fn missing(file: usize, key: &str, what: &str, example: &str) -> Diagnostic {
    Diagnostic::new(Rule::MissingField, format!("{what} has no `{key}`"))
        .at(file, 0..0)
        .label(format!("`{key}` is required"))
        .help(format!("add a line such as: {example}"))
}

/// A required `key` absent from an entry of a list of tables (`[[log]]`, `[[track]]`), at
/// the entry's span.
pub fn missing_in_entry(
    file: usize,
    entry: &str,
    key: &str,
    span: Range<usize>,
    example: &str,
) -> Diagnostic {
    Diagnostic::new(
        Rule::MissingField,
        format!("a [[{entry}]] entry has no `{key}`"),
    )
    .at(file, span)
    .help(format!("add a line such as: {example}"))
}
