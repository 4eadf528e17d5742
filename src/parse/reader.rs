//! The loose reading of a TOML tree: each field read with its span, and every problem met on
//! the way recorded (through the rules' constructors in `check/`) instead of stopping at the
//! first, as serde would.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};
use toml::Spanned;
use toml_parser::lexer::TokenKind;
use toml_parser::Source;

use super::dates::{guess_day_first_date, parse_date};
use crate::check::{entries, fields, pasted, portability, syntax, values, Diagnostic, Rule};
use crate::load::source::SourceFile;
use crate::suggest::nearest;

/// Reads one value tree with diagnostics for one file.
pub(super) struct Reader<'d> {
    pub(super) file: usize,
    pub(super) diags: &'d mut Vec<Diagnostic>,
}

pub(super) type Table<'i> = DeTable<'i>;

impl Reader<'_> {
    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d.in_file(self.file));
    }

    /// Reports keys not in `known`; returns, for each, the known field it most likely meant.
    pub(super) fn unknown_keys(
        &mut self,
        table: &Table<'_>,
        known: &[&'static str],
        what: &str,
    ) -> Vec<(String, Option<&'static str>)> {
        self.unknown_keys_fitting(table, known, what, |_, _| true)
    }

    /// [`Self::unknown_keys`], where a misspelt key is taken for the field it most likely
    /// means (its fix renames it, and the list returned names that field) only when its value
    /// `fits` that field (`fits(field, value)`): `lot = 3` is no `log`, and renamed it stays
    /// broken. The finding still names the nearest field.
    pub(super) fn unknown_keys_fitting(
        &mut self,
        table: &Table<'_>,
        known: &[&'static str],
        what: &str,
        fits: impl Fn(&str, &DeValue<'_>) -> bool,
    ) -> Vec<(String, Option<&'static str>)> {
        let mut typos = Vec::new();
        for (key, value) in table.iter() {
            let typed: &str = key.get_ref();
            if known.contains(&typed) {
                continue;
            }
            let meant = nearest(typed, known.iter().copied());
            let taken = meant.filter(|m| fits(m, value.get_ref()));
            // Renamed only where the field is not there already, nor meant by another key.
            let fixable = taken.is_some_and(|m| {
                !table.contains_key(m)
                    && table
                        .keys()
                        .filter(|k| !known.contains(&k.get_ref().as_ref()))
                        .filter(|k| nearest(k.get_ref(), known.iter().copied()) == Some(m))
                        .count()
                        == 1
            });
            self.push(fields::unknown_field(
                self.file,
                typed,
                key.span(),
                what,
                known,
                meant,
                fixable,
            ));
            typos.push((typed.to_string(), taken));
        }
        typos
    }

    /// Whether the parser could not read `value`: a number that is no number, a value
    /// inside a `syntax` finding of this file (a bare word such as `deadline = ٣` or
    /// `depends_on = [Foo]` is kept by the parser's recovery as a string or a boolean, a
    /// type the user never wrote), or a value of no text at all, which the recovery made up
    /// where none was written (`status = = "active"`: an empty number at the file's start).
    fn unreadable(&self, value: &Spanned<DeValue<'_>>) -> bool {
        let span = value.span();
        if span.is_empty() || unreadable_number(value.get_ref()).is_some() {
            return true;
        }
        self.diags.iter().rev().any(|d| {
            d.rule == Rule::Syntax
                && d.file == Some(self.file)
                && d.span.as_ref().is_some_and(|s| {
                    s.start < span.end.max(span.start + 1) && span.start < s.end.max(s.start + 1)
                })
        })
    }

    /// Reports a value of the wrong type; a value the parser could not read
    /// ([`Self::unreadable`]) is a `syntax` finding already, and its type (the parser's
    /// guess) is not judged again here.
    pub(super) fn wrong_type(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        expected: &str,
        help: String,
    ) {
        if self.unreadable(value) {
            return;
        }
        self.push(values::wrong_type(
            self.file,
            key,
            value.span(),
            value.get_ref().type_str(),
            expected,
            help,
        ));
    }

    pub(super) fn string(&mut self, table: &Table<'_>, key: &str) -> Option<Spanned<String>> {
        let value = table.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(value.span(), s.to_string())),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "a string",
                    format!("put the text in quotes: {key} = \"…\""),
                );
                None
            }
        }
    }

    /// A non-empty string; an empty or blank one is an `invalid-value`.
    pub(super) fn text(&mut self, table: &Table<'_>, key: &str) -> Option<Spanned<String>> {
        let value = self.string(table, key)?;
        // Empty as it would be shown: spaces, and characters that never reach a terminal (a
        // zero-width space alone is a title that shows as nothing).
        if crate::text::clean_line(value.get_ref()).trim().is_empty() {
            self.push(values::empty(self.file, key, value.span()));
            return None;
        }
        Some(value)
    }

    pub(super) fn string_list(
        &mut self,
        table: &Table<'_>,
        key: &str,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        let value = table.get(key)?;
        let DeValue::Array(items) = value.get_ref() else {
            let help = match value.get_ref() {
                DeValue::String(s) => format!("write a list: {key} = [\"{s}\"]"),
                _ => format!("write a list: {key} = [\"…\", \"…\"]"),
            };
            self.wrong_type(key, value, "a list of strings", help);
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(item.span(), s.to_string())),
                _ => self.wrong_type(
                    key,
                    item,
                    "a list of strings",
                    "put each entry in quotes".into(),
                ),
            }
        }
        Some(Spanned::new(value.span(), out))
    }

    pub(super) fn date(&mut self, table: &Table<'_>, key: &str) -> Option<Spanned<NaiveDate>> {
        let value = table.get(key)?;
        let bad = |reader: &mut Self, message: String, help: String| {
            reader.push(values::bad_date(
                reader.file,
                value.span(),
                message,
                help,
                None,
            ));
            None
        };
        match value.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                // What the TOML parser keeps of a date it could not read (`2017-13-45`):
                // it has already reported a syntax error at this spot.
                (None, None, None) => None,
                (Some(d), None, None) => {
                    match NaiveDate::from_ymd_opt(
                        i32::from(d.year),
                        u32::from(d.month),
                        u32::from(d.day),
                    ) {
                        Some(date) => Some(Spanned::new(value.span(), date)),
                        None => bad(
                            self,
                            format!("`{key}` is not a real date: {dt}"),
                            "check the day and month".into(),
                        ),
                    }
                }
                _ => bad(
                    self,
                    format!("`{key}` must be a date without a time: {dt}"),
                    format!(
                        "write only the date: {key} = {}",
                        dt.date.map_or("2017-06-30".to_string(), |d| d.to_string())
                    ),
                ),
            },
            // A bare word the parser could not read (`deadline = ٣`) is a syntax finding;
            // one that reads as a date (`deadline = 30-06-2017`) still gets the date's help.
            DeValue::String(s)
                if self.unreadable(value)
                    && parse_date(s).is_none()
                    && guess_day_first_date(s).is_none() =>
            {
                None
            }
            DeValue::String(s) => {
                let quoted = parse_date(s);
                let day_first = guess_day_first_date(s);
                let help = if quoted.is_some() {
                    format!("write the date without quotes: {key} = {}", s.trim())
                } else if let Some(date) = day_first {
                    format!("write the date as YYYY-MM-DD without quotes: {key} = {date}")
                } else {
                    format!("write a date as YYYY-MM-DD without quotes: {key} = 2017-06-30")
                };
                self.push(values::bad_date(
                    self.file,
                    value.span(),
                    format!("`{key}` must be a date, not a string"),
                    help,
                    quoted.or(day_first),
                ));
                None
            }
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "a date",
                    format!("write a date as YYYY-MM-DD: {key} = 2017-06-30"),
                );
                None
            }
        }
    }

    /// A string that must be one of `choices` (given as they are written). `as_typed` reads
    /// the word as a user may type it elsewhere (`i18n::*_from_user`), for the fix.
    pub(super) fn choice<T: Copy>(
        &mut self,
        table: &Table<'_>,
        key: &str,
        choices: &[(&str, T)],
        as_typed: impl Fn(&str) -> Option<&'static str>,
    ) -> Option<Spanned<T>> {
        self.choice_of(table, key, key, choices, as_typed)
    }

    /// [`Self::choice`] of the value under `key`, a value of the field `field` (a `[[log]]`
    /// entry's `to` of a `period` is a period, and named so in the finding).
    pub(super) fn choice_of<T: Copy>(
        &mut self,
        table: &Table<'_>,
        key: &str,
        field: &str,
        choices: &[(&str, T)],
        as_typed: impl Fn(&str) -> Option<&'static str>,
    ) -> Option<Spanned<T>> {
        let value = self.string(table, key)?;
        let typed = value.get_ref();
        if let Some((_, v)) = choices.iter().find(|(name, _)| name == typed) {
            return Some(Spanned::new(value.span(), *v));
        }
        let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
        self.push(values::not_a_choice(
            self.file,
            field,
            typed,
            value.span(),
            &names,
            as_typed(typed),
        ));
        None
    }

    pub(super) fn missing(&mut self, key: &str, what: &str, example: &str) {
        self.push(fields::missing(self.file, key, what, example));
    }
}

/// Parses the TOML of one file, reporting every syntax error. `text` is the source's text as
/// [`pasted::repair`] gives it; look-alike characters pasted from Word are reported here, and
/// the parser's errors on their lines left out.
///
/// The parser's tree stops at a key with no `=` (`ow ner = "x"`): everything after it would be
/// lost, and with it every finding of the rest of the file. Such a file is parsed a second
/// time with the stretches the parser skipped blanked out (`blanked` holds that text, same
/// byte offsets), and the errors of both passes are reported.
pub(super) fn parse_toml<'i>(
    file: usize,
    source: &SourceFile,
    text: &'i str,
    blanked: &'i OnceCell<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'i>> {
    if let Some(problem) = &source.problem {
        diags.push(if problem.cannot_read {
            entries::unreadable_file(file, problem)
        } else {
            syntax::not_text(file, problem)
        });
        return None;
    }
    let second_bom = text.starts_with('\u{FEFF}');
    if second_bom {
        diags.push(syntax::second_bom(file));
    }
    let (found, pasted_lines) = pasted::findings(file, &source.text);
    let pasted_found = !found.is_empty();
    diags.extend(found);
    let (mut table, mut errors) = DeTable::parse_recoverable(text);
    let skipped = skipped_after_keys_with_no_value(text, &errors);
    if !skipped.is_empty() {
        let mut bytes = text.as_bytes().to_vec();
        for stretch in skipped {
            for b in &mut bytes[stretch] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        // Only ASCII spaces replace whole stretches (each ends before a newline or at the
        // end), so the text stays UTF-8.
        let second = blanked.get_or_init(|| String::from_utf8(bytes).unwrap_or_default());
        let (whole, more) = DeTable::parse_recoverable(second);
        let seen: HashSet<(Option<Range<usize>>, String)> = errors
            .iter()
            .map(|e| (e.span(), e.message().to_string()))
            .collect();
        errors.extend(
            more.into_iter()
                .filter(|e| !seen.contains(&(e.span(), e.message().to_string()))),
        );
        errors.sort_by_key(|e| e.span().map_or(0, |s| s.start));
        table = whole;
    }
    let mut spans = Vec::with_capacity(errors.len());
    // The parser's recovery trips again further along a line it could not read (`status =
    // = "active"`: an extra `=`, then "unexpected key or value"): that second error says
    // nothing of its own and is left out. Other errors on one line are each their own (two
    // bad escapes; a file whose lines end in CR alone is one line).
    let line_start = |at: usize| {
        text.as_bytes()[..at.min(text.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    };
    let mut last_line = None;
    // A file whose lines end in CR alone is one line to TOML, with an error at every CR:
    // the first on a line says it, with how to mend the file (a CR alone on another line
    // is its own finding).
    let mut cr_on_line = None;
    for error in &errors {
        if error.message().contains("carriage return") {
            let line = line_start(error.span().unwrap_or(0..0).start);
            if cr_on_line == Some(line) {
                continue;
            }
            cr_on_line = Some(line);
        }
        let span = error.span().unwrap_or(0..0);
        if pasted_lines
            .iter()
            .any(|l| l.start <= span.start && span.start <= l.end)
        {
            continue;
        }
        let line = line_start(span.start);
        if last_line == Some(line) && error.message().starts_with("unexpected key or value") {
            continue;
        }
        last_line = Some(line);
        let found = text.get(span.start..).and_then(|t| t.chars().next());
        // The quote that opened the string the error is in, if any: a literal string
        // ('…') reads no escapes.
        let quote = text
            .get(line..span.start)
            .and_then(|before| before.rfind(['"', '\'']).map(|at| before.as_bytes()[at]));
        let line_end = text[line..].find('\n').map_or(text.len(), |n| line + n);
        diags.push(syntax::invalid_toml(
            file,
            error.message(),
            span.clone(),
            found.map(|c| (c, quote == Some(b'\''))),
            text.get(line..line_end).unwrap_or(""),
        ));
        spans.push(span);
    }
    let table = table.into_inner();
    // Numbers are read lazily by the TOML parser: one that is no number (`0x`) is found
    // only when its value is asked for, so every value of the tree is asked, whatever key.
    let mut numbers = Vec::new();
    unreadable_numbers(&table, &mut numbers);
    let before = diags.len();
    for (written, span) in numbers {
        let reported = spans
            .iter()
            .any(|s| s.start < span.end && span.start < s.end);
        if !reported {
            let written = text.get(span.clone()).unwrap_or(&written);
            diags.push(syntax::unreadable_number(file, written, span));
        }
    }
    if errors.is_empty() && !second_bom && !pasted_found && diags.len() == before {
        let plain = portability::inline_tables_on_one_line(&table, text);
        diags.extend(portability::toml_1_1_only(file, text, plain));
    }
    Some(table)
}

/// The stretches of `text` the parser skipped after a key with no `=` (from the start of the
/// key's line to the end of that line, a multi-line string it opened included), in order.
/// Empty when the parser met no such key, which is the common case: no lexing is done then.
fn skipped_after_keys_with_no_value(text: &str, errors: &[toml::de::Error]) -> Vec<Range<usize>> {
    let mut at: Vec<usize> = errors
        .iter()
        .filter(|e| e.message().starts_with("key with no value"))
        .filter_map(|e| e.span().map(|s| s.start))
        .collect();
    if at.is_empty() {
        return Vec::new();
    }
    at.sort_unstable();
    let mut stretches: Vec<Range<usize>> = Vec::with_capacity(at.len());
    let mut tokens = Source::new(text).lex();
    for start in at {
        if stretches.last().is_some_and(|s| start < s.end) {
            continue;
        }
        let line = text.as_bytes()[..start.min(text.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // The parser skips to the next newline token; a multi-line string is one token.
        let mut end = text.len();
        for token in tokens.by_ref() {
            let span = token.span();
            if span.start() >= start && token.kind() == TokenKind::Newline {
                end = span.start();
                break;
            }
        }
        stretches.push(line..end);
    }
    stretches
}

/// The text of a number value that is no number (`0x`, `0b`, a non-ASCII digit, an integer
/// beyond 64 bits); `None` for any other value.
pub(super) fn unreadable_number(value: &DeValue<'_>) -> Option<String> {
    match value {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            match i64::from_str_radix(&digits, i.radix()) {
                Ok(_) => None,
                Err(_) => Some(i.to_string()),
            }
        }
        DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
            Ok(_) => None,
            Err(_) => Some(f.as_str().to_string()),
        },
        _ => None,
    }
}

/// Every number in `table` (at any depth) that is no number, with its span.
fn unreadable_numbers(table: &DeTable<'_>, out: &mut Vec<(String, std::ops::Range<usize>)>) {
    fn value(v: &Spanned<DeValue<'_>>, out: &mut Vec<(String, std::ops::Range<usize>)>) {
        match v.get_ref() {
            DeValue::Table(t) => unreadable_numbers(t, out),
            DeValue::Array(items) => items.iter().for_each(|item| value(item, out)),
            other => {
                if let Some(written) = unreadable_number(other) {
                    out.push((written, v.span()));
                }
            }
        }
    }
    for v in table.values() {
        value(v, out);
    }
}
