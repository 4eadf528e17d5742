//! From file text to model: a loose reading of the TOML tree that records every problem
//! (with its span) instead of stopping at the first, as serde would.

use std::collections::HashMap;

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::check::pasted;
use crate::diag::{Diagnostic, Rule, Severity};
use crate::load::SourceFile;
use crate::model::{CatalogueIndex, Location, CROSS_CUTTING};
use crate::model::{
    Funding, Initiative, LogEntry, Manifest, Period, PlanInfo, Rules, Spans, Status, Track,
};
use crate::suggest::{did_you_mean, nearest};

pub const INITIATIVE_FIELDS: [&str; 15] = [
    "title",
    "description",
    "period",
    "tracks",
    "locations",
    "partners",
    "depends_on",
    "status",
    "deadline",
    "funding",
    "owner",
    "tags",
    "follow_up",
    "log",
    // Accepted so that a file may say which plan it belongs to; not used.
    "plan",
];
const LOG_FIELDS: [&str; 2] = ["date", "text"];

/// Whether a string is a valid initiative id: `[a-z0-9-]`, 1–64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads one value tree with diagnostics for one file.
struct Reader<'d> {
    file: usize,
    diags: &'d mut Vec<Diagnostic>,
}

type Table<'i> = DeTable<'i>;

impl Reader<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d.in_file(self.file));
    }

    /// Reports keys not in `known`; returns, for each, the known field it most likely meant.
    fn unknown_keys(
        &mut self,
        table: &Table<'_>,
        known: &[&'static str],
        what: &str,
    ) -> Vec<(String, Option<&'static str>)> {
        let mut typos = Vec::new();
        for key in table.keys() {
            let typed: &str = key.get_ref();
            if known.contains(&typed) {
                continue;
            }
            let meant = nearest(typed, known.iter().copied());
            let help = match meant {
                Some(m) => crate::suggest::hint(typed, m),
                None => format!("{what} can have: {}", known.join(", ")),
            };
            self.push(
                Diagnostic::new(
                    Rule::UnknownField,
                    format!("unknown field `{typed}` in {what}"),
                )
                .at(self.file, key.span())
                .label("not a field of the format")
                .help(help),
            );
            typos.push((typed.to_string(), meant));
        }
        typos
    }

    fn wrong_type(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        expected: &str,
        help: Option<String>,
    ) {
        self.push(
            Diagnostic::new(
                Rule::InvalidValue,
                format!(
                    "`{key}` must be {expected}, not {}",
                    article(value.get_ref().type_str())
                ),
            )
            .at(self.file, value.span())
            .label(format!("expected {expected}"))
            .help_opt(help),
        );
    }

    fn string(&mut self, table: &Table<'_>, key: &str) -> Option<Spanned<String>> {
        let value = table.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(value.span(), s.to_string())),
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "a string",
                    Some(format!("put the text in quotes: {key} = \"…\"")),
                );
                None
            }
        }
    }

    /// A non-empty string of a required field; an empty or blank one is an `invalid-value`
    /// (the help does not offer to remove the line: that gives `missing-field`).
    fn text(&mut self, table: &Table<'_>, key: &str) -> Option<Spanned<String>> {
        let value = self.string(table, key)?;
        if value.get_ref().trim().is_empty() {
            self.push(
                Diagnostic::new(Rule::InvalidValue, format!("`{key}` is empty"))
                    .at(self.file, value.span())
                    .label("empty")
                    .help(format!(
                        "write the {key} between the quotes: `{key}` is required and cannot be empty"
                    )),
            );
            return None;
        }
        Some(value)
    }

    fn string_list(
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
            self.wrong_type(key, value, "a list of strings", Some(help));
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
                    Some("put each entry in quotes".into()),
                ),
            }
        }
        Some(Spanned::new(value.span(), out))
    }

    fn date(&mut self, table: &Table<'_>, key: &str) -> Option<Spanned<NaiveDate>> {
        let value = table.get(key)?;
        let bad = |reader: &mut Self, message: String, help: String| {
            reader.push(
                Diagnostic::new(Rule::InvalidValue, message)
                    .at(reader.file, value.span())
                    .label("expected a date YYYY-MM-DD")
                    .help(help),
            );
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
            DeValue::String(s) => {
                let help = if parse_date(s).is_some() {
                    format!("write the date without quotes: {key} = {}", s.trim())
                } else if let Some(date) = guess_day_first_date(s) {
                    format!("write the date as YYYY-MM-DD without quotes: {key} = {date}")
                } else {
                    format!("write a date as YYYY-MM-DD without quotes: {key} = 2017-06-30")
                };
                bad(self, format!("`{key}` must be a date, not a string"), help)
            }
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "a date",
                    Some(format!("write a date as YYYY-MM-DD: {key} = 2017-06-30")),
                );
                None
            }
        }
    }

    /// A string that must be one of `choices` (given as they are written).
    fn choice<T: Copy>(
        &mut self,
        table: &Table<'_>,
        key: &str,
        choices: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let value = self.string(table, key)?;
        let typed = value.get_ref();
        if let Some((_, v)) = choices.iter().find(|(name, _)| name == typed) {
            return Some(Spanned::new(value.span(), *v));
        }
        // Accept another case silently? No: the format is exact, but say what was meant.
        let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
        let exact_case = choices
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(typed))
            .map(|(n, _)| crate::suggest::hint(typed, n));
        // The command line also takes the Danish words (`plan set ID funding=afslået`), and
        // writes the file's word; say so, or a user who typed one is told only the English.
        let danish = crate::i18n::input::other_words_for(key)
            .map(|words| {
                format!(
                    "; `plan set` also takes the Danish words: {}",
                    words.join(", ")
                )
            })
            .unwrap_or_default();
        let danish_names = crate::i18n::input::other_words_for(key).unwrap_or_default();
        let help = exact_case
            .or_else(|| did_you_mean(typed, names.iter().copied()))
            .or_else(|| did_you_mean(typed, danish_names.iter().copied()))
            .map(|h| format!("{h} ({key} is one of: {}{danish})", names.join(", ")))
            .unwrap_or_else(|| format!("{key} is one of: {}{danish}", names.join(", ")));
        self.push(
            Diagnostic::new(
                Rule::InvalidValue,
                format!("`{typed}` is not a valid {key}"),
            )
            .at(self.file, value.span())
            .label(format!("not a {key}"))
            .help(help),
        );
        None
    }

    fn missing(&mut self, key: &str, what: &str, example: &str) {
        self.push(
            Diagnostic::new(Rule::MissingField, format!("{what} has no `{key}`"))
                .at(self.file, 0..0)
                .label(format!("`{key}` is required"))
                .help(format!("add a line such as: {example}")),
        );
    }
}

fn article(type_str: &str) -> String {
    let word = match type_str {
        "string" => "a string",
        "integer" => "a number",
        "float" => "a decimal number",
        "boolean" => "true/false",
        "datetime" => "a date",
        "array" => "a list",
        "table" => "a table",
        other => other,
    };
    word.to_string()
}

/// Parses a date in exactly the shape `YYYY-MM-DD` (chrono alone is more lenient).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Why `text` is not a date, for a message: "`2017-02-30` is not a real date" when it has the
/// right shape, else how to write one (with `example`, e.g. `deadline=2017-06-30`).
pub fn date_error(text: &str, example: &str) -> String {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shaped {
        format!("`{text}` is not a real date: check the day and the month")
    } else if let Some(date) = guess_day_first_date(text) {
        format!(
            "`{text}` is not a date in the form YYYY-MM-DD: write {}",
            example_with(example, date)
        )
    } else {
        format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. {example}")
    }
}

fn example_with(example: &str, date: NaiveDate) -> String {
    match example.split_once('=') {
        Some((key, _)) => format!("{key}={date}"),
        None => date.to_string(),
    }
}

/// Plain advice for the syntax errors people make most when typing TOML by hand.
fn syntax_help(message: &str) -> Option<&'static str> {
    let m = message.to_ascii_lowercase();
    if m.contains("multi-line") {
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
    } else if m.contains("expected `=`") || m.contains("key with no value") {
        Some("each line is key = value, e.g. status = \"done\"")
    } else {
        None
    }
}

/// Reads a Danish-style date (`31-03-2017`, `31.3.2017`, `31/03/2017`), for a suggestion.
fn guess_day_first_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.trim().split(['-', '.', '/']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Parses the TOML of one file, reporting every syntax error.
/// `text` is the source's text as [`pasted::repair`] gives it; look-alike characters pasted
/// from Word are reported here, and the parser's errors on their lines left out.
fn parse_toml<'i>(
    file: usize,
    source: &SourceFile,
    text: &'i str,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'i>> {
    if let Some(problem) = &source.problem {
        let mut d =
            Diagnostic::new(Rule::Syntax, problem.message.clone()).help_opt(problem.help.clone());
        d = match problem.offset {
            Some(offset) => d
                .at(file, offset..offset)
                .label("the first byte that is not UTF-8"),
            None => d.in_file(file),
        };
        diags.push(d);
        return None;
    }
    let (pasted, pasted_lines) = pasted::findings(file, &source.text);
    diags.extend(pasted);
    let (table, errors) = DeTable::parse_recoverable(text);
    for error in &errors {
        let at = error.span().map_or(0, |s| s.start);
        if pasted_lines.iter().any(|l| l.start <= at && at <= l.end) {
            continue;
        }
        let message = error.message().trim().to_string();
        let mut lines = message.lines();
        let first = lines.next().unwrap_or("invalid TOML").to_string();
        let rest: Vec<&str> = lines.collect();
        let span = error.span().unwrap_or(0..0);
        let mut d = Diagnostic::new(Rule::Syntax, format!("invalid TOML: {first}")).at(file, span);
        if let Some(help) = syntax_help(&first) {
            d = d.help(help);
        } else if !rest.is_empty() {
            d = d.help(rest.join(" ").trim().to_string());
        }
        diags.push(d);
    }
    Some(table.into_inner())
}

/// Reads one initiative file. Returns the initiative when its required fields could be
/// read; every problem found goes into `diags`, whatever the rule's configured severity
/// (the caller applies `[rules.severity]`).
pub fn initiative(
    file: usize,
    source: &SourceFile,
    index: &CatalogueIndex<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Initiative> {
    let catalogue = index.catalogue;
    let id = source.stem().to_string();
    if !is_valid_id(&id) {
        // The file is read and checked, but counts toward nothing (see `load::build_plan`).
        let finding = match crate::check::copies::copy_of(&id) {
            Some(original) => Diagnostic::new(
                Rule::InvalidValue,
                format!(
                    "`{id}` is a copy of `{original}` by its name (as Explorer and Finder name \
                     copies), not a valid id: it counts toward nothing"
                ),
            )
            .help(format!(
                "delete the copy if it is left over; if it is a new initiative, rename it, e.g. `{}-2.toml`",
                crate::slug::slugify(original)
            )),
            None => Diagnostic::new(
                Rule::InvalidValue,
                format!(
                    "`{id}` is not a valid id (the file name is the initiative's id): \
                     the file counts toward nothing"
                ),
            )
            .help(format!(
                "rename the file to lowercase letters a-z, digits and '-', at most 64 characters, e.g. `{}.toml`",
                crate::slug::slugify(&id)
            )),
        };
        diags.push(finding.in_file(file));
    }
    let before = diags.len();
    let text = pasted::repair(&source.text);
    let table = parse_toml(file, source, &text, diags)?;
    let had_syntax_errors = diags.len() > before;
    let mut r = Reader { file, diags };
    let typos = r.unknown_keys(&table, &INITIATIVE_FIELDS, "an initiative");
    // A misspelt key (`trakcs`) is read as the field it most likely meant, so that its value
    // is checked too and the field is not also reported missing.
    let mut table = table;
    for (typed, meant) in typos {
        let Some(meant) = meant else { continue };
        if table.contains_key(meant) {
            continue;
        }
        if let Some((key, value)) = table.get_key_value(typed.as_str()) {
            let key = Spanned::new(key.span(), std::borrow::Cow::Borrowed(meant));
            let value = value.clone();
            table.insert(key, value);
        }
    }

    let title = r.text(&table, "title");
    let description = r.string(&table, "description").map(Spanned::into_inner);
    let period = r.choice(
        &table,
        "period",
        &[
            ("year", Period::Year),
            ("Q1", Period::Q(1)),
            ("Q2", Period::Q(2)),
            ("Q3", Period::Q(3)),
            ("Q4", Period::Q(4)),
        ],
    );
    let raw_tracks = r.string_list(&table, "tracks");
    let raw_locations = r.string_list(&table, "locations");
    let partners = r.string_list(&table, "partners");
    let raw_depends = r.string_list(&table, "depends_on");
    let status = r.choice(&table, "status", &Status::ALL.map(|s| (s.as_str(), s)));
    let deadline = r.date(&table, "deadline");
    let funding = r.choice(&table, "funding", &Funding::ALL.map(|f| (f.as_str(), f)));
    let owner = r.string(&table, "owner").map(Spanned::into_inner);
    let tags = r.string_list(&table, "tags");
    let follow_up = r.string(&table, "follow_up").map(Spanned::into_inner);
    let log = read_log(&mut r, &table);

    if !had_syntax_errors {
        if !table.contains_key("title") {
            r.missing(
                "title",
                "the initiative",
                "title = \"Styrke skolesamarbejdet\"",
            );
        }
        if !table.contains_key("period") {
            r.missing(
                "period",
                "the initiative",
                "period = \"Q2\"   # or \"year\"",
            );
        }
        if !table.contains_key("tracks") {
            r.missing("tracks", "the initiative", "tracks = [\"Hygge\"]");
        }
    }

    // Tracks: canonical names; "Alle spor" marks it cross-cutting.
    let mut tracks = Vec::new();
    let mut cross_cutting = false;
    if let Some(list) = &raw_tracks {
        if list.get_ref().is_empty() {
            r.push(
                Diagnostic::new(
                    Rule::InvalidValue,
                    "`tracks` is empty: an initiative needs at least one track",
                )
                .at(file, list.span())
                .label("no tracks")
                .help(format!(
                    "name one or more tracks, or \"{CROSS_CUTTING}\" if it touches every track"
                )),
            );
        }
        for name in list.get_ref() {
            if index.is_cross_cutting(name.get_ref()) {
                cross_cutting = true;
            } else if let Some(canonical) = index.track(name.get_ref()) {
                if !tracks.iter().any(|t| t == canonical) {
                    tracks.push(canonical.to_string());
                }
            } else {
                let help = did_you_mean(name.get_ref(), catalogue.track_spellings())
                    .unwrap_or_else(|| {
                        format!(
                            "the tracks are: {}; or \"{CROSS_CUTTING}\"",
                            catalogue
                                .tracks
                                .iter()
                                .map(|t| t.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    });
                r.push(
                    Diagnostic::new(
                        Rule::UnknownTrack,
                        format!("unknown track `{}`", crate::text::visible(name.get_ref())),
                    )
                    .at(file, name.span())
                    .label("not in the plan's tracks")
                    .help(help),
                );
            }
        }
    }

    let mut locations = Vec::new();
    for name in raw_locations.iter().flat_map(|l| l.get_ref()) {
        match index.location(name.get_ref()) {
            Some(canonical) => {
                if !locations.iter().any(|l| l == canonical) {
                    locations.push(canonical.to_string());
                }
            }
            None => {
                let help = did_you_mean(name.get_ref(), catalogue.location_spellings())
                    .unwrap_or_else(|| {
                        format!(
                            "the places are: {}; add it to plan.toml's [[location]] if it is new",
                            catalogue
                                .locations
                                .iter()
                                .map(|l| l.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    });
                r.push(
                    Diagnostic::new(
                        Rule::UnknownLocation,
                        format!("unknown place `{}`", crate::text::visible(name.get_ref())),
                    )
                    .at(file, name.span())
                    .label("not in the plan's places")
                    .help(help),
                );
                // Kept as written: it is only a warning, and the place is still real to the user.
                locations.push(name.get_ref().clone());
            }
        }
    }

    let mut depends_on = Vec::new();
    let mut depends_spans = Vec::new();
    for dep in raw_depends.iter().flat_map(|l| l.get_ref()) {
        if is_valid_id(dep.get_ref()) {
            depends_on.push(dep.get_ref().clone());
            depends_spans.push(dep.span());
        } else {
            r.push(
                Diagnostic::new(
                    Rule::InvalidValue,
                    format!("`{}` is not an initiative id", dep.get_ref()),
                )
                .at(file, dep.span())
                .label("not an id")
                .help(
                    "an id is the file name without `.toml`: lowercase letters a-z, digits and '-'",
                ),
            );
        }
    }

    let title = title?;
    let period = period?;
    let tracks_list = raw_tracks?;
    if tracks.is_empty() && !cross_cutting {
        return None;
    }
    Some(Initiative {
        id,
        file,
        title: title.into_inner(),
        description,
        period: *period.get_ref(),
        tracks,
        cross_cutting,
        locations,
        partners: strings(partners),
        depends_on,
        status: status.map(Spanned::into_inner).unwrap_or_default(),
        deadline: deadline.as_ref().map(|d| *d.get_ref()),
        funding: funding.map(Spanned::into_inner),
        owner,
        tags: strings(tags),
        follow_up,
        log,
        spans: Spans {
            period: period.span(),
            tracks: tracks_list.span(),
            depends_on: depends_spans,
            deadline: deadline.map(|d| d.span()),
        },
    })
}

fn strings(list: Option<Spanned<Vec<Spanned<String>>>>) -> Vec<String> {
    list.map(|l| {
        l.into_inner()
            .into_iter()
            .map(Spanned::into_inner)
            .collect()
    })
    .unwrap_or_default()
}

fn read_log(r: &mut Reader<'_>, table: &Table<'_>) -> Vec<LogEntry> {
    let Some(value) = table.get("log") else {
        return Vec::new();
    };
    let DeValue::Array(entries) = value.get_ref() else {
        r.wrong_type(
            "log",
            value,
            "a list of [[log]] entries",
            Some("write each note as\n[[log]]\ndate = 2017-04-20\ntext = \"…\"".into()),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.iter() {
        let DeValue::Table(t) = entry.get_ref() else {
            r.wrong_type("log", entry, "a [[log]] entry with date and text", None);
            continue;
        };
        r.unknown_keys(t, &LOG_FIELDS, "a [[log]] entry");
        let date = r.date(t, "date");
        let text = r.text(t, "text");
        if !t.contains_key("date") {
            r.push(
                Diagnostic::new(Rule::MissingField, "a [[log]] entry has no `date`")
                    .at(r.file, entry.span())
                    .help("add a line such as: date = 2017-04-20"),
            );
        }
        if !t.contains_key("text") {
            r.push(
                Diagnostic::new(Rule::MissingField, "a [[log]] entry has no `text`")
                    .at(r.file, entry.span())
                    .help("add a line such as: text = \"Første møde holdt.\""),
            );
        }
        if let (Some(date), Some(text)) = (date, text) {
            out.push(LogEntry {
                date: date.into_inner(),
                text: text.into_inner(),
            });
        }
    }
    out
}

/// The embedded default manifest: the 2017 Roskilde catalogue.
pub const DEFAULT_MANIFEST: &str = include_str!("model/default_plan.toml");

pub fn default_manifest() -> Manifest {
    let source = SourceFile {
        path: "<default>".into(),
        relative: "plan.toml".into(),
        display: "<default plan.toml>".into(),
        text: DEFAULT_MANIFEST.to_string(),
        problem: None,
    };
    let mut diags = Vec::new();
    let manifest = manifest_with_fallback(0, &source, None, &mut diags);
    debug_assert!(
        diags.is_empty(),
        "the embedded default manifest has problems: {diags:?}"
    );
    manifest
}

/// Reads `plan.toml`. Parts it leaves out fall back to the embedded default catalogue, so a
/// manifest may hold only `[plan]`.
pub fn manifest(file: usize, source: &SourceFile, diags: &mut Vec<Diagnostic>) -> Manifest {
    let fallback = default_manifest();
    manifest_with_fallback(file, source, Some(fallback), diags)
}

fn manifest_with_fallback(
    file: usize,
    source: &SourceFile,
    fallback: Option<Manifest>,
    diags: &mut Vec<Diagnostic>,
) -> Manifest {
    let before = diags.len();
    let text = pasted::repair(&source.text);
    let table = parse_toml(file, source, &text, diags).unwrap_or_default();
    let had_syntax_errors = diags.len() > before;
    let mut r = Reader { file, diags };
    r.unknown_keys(&table, &["plan", "rules", "track", "location"], "plan.toml");

    let mut info = fallback
        .as_ref()
        .map(|m| m.plan.clone())
        .unwrap_or(PlanInfo {
            title: String::new(),
            year: 2017,
            owner: None,
            issued: None,
            language: "da".into(),
        });
    match table.get("plan").map(|v| (v, v.get_ref())) {
        Some((_, DeValue::Table(plan))) => {
            r.unknown_keys(
                plan,
                &["title", "year", "owner", "issued", "language"],
                "[plan]",
            );
            if let Some(title) = r.text(plan, "title") {
                info.title = title.into_inner();
            } else if !plan.contains_key("title") && !had_syntax_errors {
                r.missing("title", "[plan]", "title = \"Handleplan 2018\"");
            }
            match plan.get("year") {
                Some(v) => match v.get_ref() {
                    DeValue::Integer(i) => match i.as_str().parse::<i32>() {
                        Ok(y) if (1900..=2999).contains(&y) => info.year = y,
                        _ => r.push(
                            Diagnostic::new(
                                Rule::InvalidValue,
                                format!("`{}` is not a plan year", i.as_str()),
                            )
                            .at(file, v.span())
                            .help("write the year as four digits: year = 2017"),
                        ),
                    },
                    _ => r.wrong_type("year", v, "a year such as 2017", None),
                },
                None if !had_syntax_errors => r.missing("year", "[plan]", "year = 2017"),
                None => {}
            }
            info.owner = r
                .string(plan, "owner")
                .map(Spanned::into_inner)
                .or(info.owner);
            if plan.contains_key("issued") {
                info.issued = r.date(plan, "issued").map(Spanned::into_inner);
            }
            if let Some(lang) = r.choice(plan, "language", &[("da", "da"), ("en", "en")]) {
                info.language = lang.into_inner().to_string();
            }
        }
        Some((v, _)) => r.wrong_type("plan", v, "a [plan] table", None),
        None if !had_syntax_errors && fallback.is_some() => {
            r.missing("plan", "plan.toml", "[plan] with title and year");
        }
        None => {}
    }

    let mut rules = fallback
        .as_ref()
        .map(|m| m.rules.clone())
        .unwrap_or_default();
    match table.get("rules").map(|v| (v, v.get_ref())) {
        Some((_, DeValue::Table(t))) => read_rules(&mut r, t, &mut rules),
        Some((v, _)) => r.wrong_type("rules", v, "a [rules] table", None),
        None => {}
    }

    let mut catalogue = fallback.map(|m| m.catalogue).unwrap_or_default();
    if table.contains_key("track") {
        catalogue.tracks = read_names(&mut r, &table, "track")
            .into_iter()
            .map(|(name, aliases)| Track { name, aliases })
            .collect();
    }
    if table.contains_key("location") {
        catalogue.locations = read_names(&mut r, &table, "location")
            .into_iter()
            .map(|(name, aliases)| Location { name, aliases })
            .collect();
    }
    Manifest {
        plan: info,
        rules,
        catalogue,
    }
}

fn read_rules(r: &mut Reader<'_>, t: &Table<'_>, rules: &mut Rules) {
    r.unknown_keys(
        t,
        &[
            "min_per_track",
            "cross_cutting_counts",
            "min_per_location",
            "severity",
        ],
        "[rules]",
    );
    let count = |r: &mut Reader<'_>, key: &str| -> Option<u32> {
        let v = t.get(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i.as_str().replace('_', "").parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    r.push(
                        Diagnostic::new(
                            Rule::InvalidValue,
                            format!("`{key}` must be a whole number 0 or more"),
                        )
                        .at(r.file, v.span()),
                    );
                    None
                }
            },
            _ => {
                r.wrong_type(key, v, "a whole number", None);
                None
            }
        }
    };
    if let Some(n) = count(r, "min_per_track") {
        rules.min_per_track = n;
    }
    if let Some(n) = count(r, "min_per_location") {
        rules.min_per_location = Some(n);
    }
    if let Some(v) = t.get("cross_cutting_counts") {
        match v.get_ref() {
            DeValue::Boolean(b) => rules.cross_cutting_counts = *b,
            _ => r.wrong_type("cross_cutting_counts", v, "true or false", None),
        }
    }
    if let Some(v) = t.get("severity") {
        let DeValue::Table(sev) = v.get_ref() else {
            r.wrong_type("severity", v, "a [rules.severity] table", None);
            return;
        };
        let mut map = HashMap::new();
        for (key, value) in sev.iter() {
            let Some(rule) = Rule::from_name(key.get_ref()) else {
                let help = did_you_mean(key.get_ref(), Rule::ALL.iter().map(|r| r.name()))
                    .unwrap_or_else(|| "see `plan check --help` for the rule names".into());
                r.push(
                    Diagnostic::new(
                        Rule::UnknownField,
                        format!("unknown rule `{}`", key.get_ref()),
                    )
                    .at(r.file, key.span())
                    .help(help),
                );
                continue;
            };
            let level = match value.get_ref() {
                DeValue::String(s) if s == "error" => Some(Some(Severity::Error)),
                DeValue::String(s) if s == "warning" => Some(Some(Severity::Warning)),
                DeValue::String(s) if s == "off" => Some(None),
                _ => None,
            };
            match level {
                Some(level) => {
                    map.insert(rule, level);
                }
                None => r.push(
                    Diagnostic::new(
                        Rule::InvalidValue,
                        format!(
                            "`{}` must be \"error\", \"warning\" or \"off\"",
                            key.get_ref()
                        ),
                    )
                    .at(r.file, value.span()),
                ),
            }
        }
        rules.severity = map;
    }
}

/// Reads `[[track]]` or `[[location]]`: name and aliases.
fn read_names(r: &mut Reader<'_>, table: &Table<'_>, key: &str) -> Vec<(String, Vec<String>)> {
    let Some(value) = table.get(key) else {
        return Vec::new();
    };
    let DeValue::Array(entries) = value.get_ref() else {
        r.wrong_type(key, value, &format!("a list of [[{key}]] entries"), None);
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.iter() {
        let DeValue::Table(t) = entry.get_ref() else {
            r.wrong_type(key, entry, &format!("a [[{key}]] entry"), None);
            continue;
        };
        r.unknown_keys(t, &["name", "aliases"], &format!("a [[{key}]] entry"));
        let name = r.text(t, "name");
        if !t.contains_key("name") {
            r.push(
                Diagnostic::new(
                    Rule::MissingField,
                    format!("a [[{key}]] entry has no `name`"),
                )
                .at(r.file, entry.span())
                .help("add a line such as: name = \"Hygge\""),
            );
        }
        let aliases = strings(r.string_list(t, "aliases"));
        if let Some(name) = name {
            out.push((name.into_inner(), aliases));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("relationer-lokalomraader"));
        assert!(is_valid_id("q2-2017"));
        assert!(!is_valid_id("Relationer"));
        assert!(!is_valid_id("ågerup"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn dates_need_the_exact_shape() {
        assert!(parse_date("2017-05-15").is_some());
        assert!(parse_date("2017-5-15").is_none());
        assert!(parse_date(" 2017-05-15").is_none());
        assert!(parse_date("+2017-05-15").is_none());
        assert!(parse_date("2017-02-30").is_none());
        assert_eq!(guess_day_first_date("31-03-2017"), parse_date("2017-03-31"));
        assert_eq!(guess_day_first_date("1.7.2017"), parse_date("2017-07-01"));
        assert_eq!(guess_day_first_date("2017-03-31"), None);
        assert_eq!(
            date_error("2017-02-30", "2017-06-30"),
            "`2017-02-30` is not a real date: check the day and the month"
        );
        assert_eq!(
            date_error("30-06-2017", "deadline=2017-06-30"),
            "`30-06-2017` is not a date in the form YYYY-MM-DD: write deadline=2017-06-30"
        );
        assert!(date_error("2017-6-30", "2017-06-30").contains("YYYY-MM-DD, e.g. 2017-06-30"));
    }

    #[test]
    fn the_embedded_default_is_the_2017_catalogue() {
        let m = default_manifest();
        assert_eq!(m.plan.year, 2017);
        assert_eq!(m.catalogue.tracks.len(), 7);
        assert_eq!(m.rules.min_per_track, 3);
        assert_eq!(
            m.catalogue.track("viden & vejledning"),
            Some("Viden og vejledning")
        );
        assert_eq!(m.catalogue.location("bogbus"), Some("Bogbussen"));
    }
}
