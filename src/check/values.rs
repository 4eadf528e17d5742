//! `invalid-value`: a value of the wrong type, or outside the allowed words. The parser says
//! what it found where; the findings and their advice are made here. (Ids are in
//! [`super::ids`], names of tracks and places in [`super::catalogue`].)

use std::ops::Range;

use super::diagnostic::toml_string;
use super::{Diagnostic, Rule};
use crate::model::CROSS_CUTTING;
use crate::suggest::did_you_mean;

/// `key` holds a value of TOML type `found` (`"integer"`, `"array"` …) where `expected` was
/// due; `help` says how to write it (every finding has one).
pub fn wrong_type(
    file: usize,
    key: &str,
    span: Range<usize>,
    found: &str,
    expected: &str,
    help: String,
) -> Diagnostic {
    Diagnostic::new(
        Rule::InvalidValue,
        format!("`{key}` must be {expected}, not {}", article(found)),
    )
    .at(file, span)
    .label(format!("expected {expected}"))
    .help(help)
}

/// A TOML type as said in a sentence.
fn article(type_str: &str) -> &str {
    match type_str {
        "string" => "a string",
        "integer" => "a number",
        "float" => "a decimal number",
        "boolean" => "true/false",
        "datetime" => "a date",
        "array" => "a list",
        "table" => "a table",
        other => other,
    }
}

/// A required text field that is empty or blank (the help does not offer to remove the line:
/// that gives `missing-field`).
pub fn empty(file: usize, key: &str, span: Range<usize>) -> Diagnostic {
    Diagnostic::new(Rule::InvalidValue, format!("`{key}` is empty"))
        .at(file, span)
        .label("empty")
        .help(format!(
            "write the {key} between the quotes: `{key}` is required and cannot be empty"
        ))
}

/// A date field that holds no usable date (`message` says why, `help` how to write it).
/// `date`, when given, is the date the value surely means (a quoted `"2017-06-30"`, a
/// day-first `"30-06-2017"`): the fix writes it as a TOML date.
pub fn bad_date(
    file: usize,
    span: Range<usize>,
    message: String,
    help: String,
    date: Option<chrono::NaiveDate>,
) -> Diagnostic {
    Diagnostic::new(Rule::InvalidValue, message)
        .at(file, span.clone())
        .label("expected a date YYYY-MM-DD")
        .help(help)
        .fix_opt(date.map(|d| (span, d.format("%Y-%m-%d").to_string())))
}

/// `typed` is not one of `names`, the words `key` may hold. `as_typed` is the word meant
/// when `typed` is how a user may type it on the command line (`i gang` for `active`, `2.
/// kvartal` for `Q2`: `i18n::*_from_user`); it, or the word in another case (`q2`), is the
/// fix.
pub fn not_a_choice(
    file: usize,
    key: &str,
    typed: &str,
    span: Range<usize>,
    names: &[&str],
    as_typed: Option<&str>,
) -> Diagnostic {
    // The format is exact about case, but says what was meant.
    let meant = names
        .iter()
        .copied()
        .find(|name| name.eq_ignore_ascii_case(typed))
        .or(as_typed.filter(|m| names.contains(m)));
    // The command line also takes the Danish words (`plan set ID funding=afslået`), and
    // writes the file's word; say so, or a user who typed one is told only the English.
    let danish_names = crate::i18n::input::other_words_for(key).unwrap_or_default();
    let danish = if danish_names.is_empty() {
        String::new()
    } else {
        format!(
            "; `plan set` also takes the Danish words: {}",
            danish_names.join(", ")
        )
    };
    let help = meant
        .map(|n| crate::suggest::hint(typed, n))
        // The file's words and the Danish ones together: `Q5`, as near Q1 as Q4, gets no
        // guess (it got `år`, farther than both, when the English ones tied).
        .or_else(|| {
            did_you_mean(
                typed,
                names.iter().copied().chain(danish_names.iter().copied()),
            )
        })
        .map(|h| format!("{h} ({key} is one of: {}{danish})", names.join(", ")))
        .unwrap_or_else(|| format!("{key} is one of: {}{danish}", names.join(", ")));
    Diagnostic::new(
        Rule::InvalidValue,
        format!("`{typed}` is not a valid {key}"),
    )
    .at(file, span.clone())
    .label(format!("not a {key}"))
    .help(help)
    .fix_opt(meant.map(|m| (span, toml_string(m))))
}

/// `tracks = []`.
pub fn no_tracks(file: usize, span: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        Rule::InvalidValue,
        "`tracks` is empty: an initiative needs at least one track",
    )
    .at(file, span)
    .label("no tracks")
    .help(format!(
        "name one or more tracks, or \"{CROSS_CUTTING}\" if it touches every track"
    ))
}

/// `[plan] year` outside 1900–2999 (`typed` as written).
pub fn not_a_year(file: usize, typed: &str, span: Range<usize>) -> Diagnostic {
    Diagnostic::new(Rule::InvalidValue, format!("`{typed}` is not a plan year"))
        .at(file, span)
        .help("write the year as four digits: year = 2017")
}

/// A count in `[rules]` that is negative or too large.
pub fn not_a_count(file: usize, key: &str, span: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        Rule::InvalidValue,
        format!("`{key}` must be a whole number 0 or more"),
    )
    .at(file, span)
}

/// A level in `[rules.severity]` other than error, warning or off.
pub fn not_a_level(file: usize, rule: &str, span: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        Rule::InvalidValue,
        format!("`{rule}` must be \"error\", \"warning\" or \"off\""),
    )
    .at(file, span)
}
