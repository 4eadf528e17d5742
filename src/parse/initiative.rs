//! One initiative file into an [`Initiative`]: its fields read with spans, names looked up in
//! the catalogue, and every problem recorded through the rules' constructors.

use std::cell::OnceCell;

use toml::de::DeValue;
use toml::Spanned;

use super::reader::{parse_toml, Reader};
use crate::check::values;
use crate::check::{ids, pasted, Diagnostic, Rule};
use crate::i18n::{funding_from_user, period_from_user, status_from_user};
use crate::load::source::SourceFile;
use crate::model::is_valid_id;
use crate::model::{
    Alias, CatalogueIndex, Funding, Initiative, Name, NameKind, Period, Span, Spans, Status,
    UnknownName, Unreadable,
};

mod log;
use log::read_log;

/// The keys of an initiative file.
pub const INITIATIVE_FIELDS: [&str; 16] = [
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
    "added",
    "log",
    // Accepted so that a file may say which plan it belongs to; not used.
    "plan",
];
/// Whether `value` is of a kind the initiative field `key` is written with, or a near miss
/// that field's own finding explains (a list field given one text, a date in quotes): a
/// misspelt key is read as that field only then ([`super::reader::Reader::unknown_keys_fitting`]).
fn fits(key: &str, value: &DeValue<'_>) -> bool {
    match key {
        "tracks" | "locations" | "partners" | "depends_on" | "tags" => {
            matches!(value, DeValue::Array(_) | DeValue::String(_))
        }
        "deadline" | "added" => matches!(value, DeValue::Datetime(_) | DeValue::String(_)),
        "log" => matches!(value, DeValue::Array(_) | DeValue::Table(_)),
        "plan" => true,
        _ => matches!(value, DeValue::String(_)),
    }
}

/// [`fits`] for a key of a `[[log]]` entry: its date, its note, or a recorded change, which
/// is the new value or a `{ from = …, to = … }` table.
fn log_fits(key: &str, value: &DeValue<'_>) -> bool {
    match key {
        "date" => matches!(value, DeValue::Datetime(_) | DeValue::String(_)),
        "text" => matches!(value, DeValue::String(_)),
        _ => matches!(value, DeValue::Table(_)) || fits(key, value),
    }
}

/// The keys of a `[[log]]` entry: its date, a note, and the fields whose changes it records
/// ([`crate::edit::history::RECORDED_FIELDS`], in its order).
pub const LOG_FIELDS: [&str; 13] = [
    "date",
    "text",
    "status",
    "funding",
    "period",
    "deadline",
    "tracks",
    "locations",
    "title",
    "owner",
    "partners",
    "tags",
    "depends_on",
];

/// Reads one initiative file. Returns the initiative unless the file could not be read as
/// TOML or, with syntax errors, lost a required field; a required field missing or unusable
/// in valid TOML gets a stand-in, marked in [`Unreadable`], so that the rules still judge
/// the rest of the file. Every problem found goes into `diags`, whatever the rule's
/// configured severity (the caller applies `[rules.severity]`).
pub fn initiative(
    file: usize,
    source: &SourceFile,
    index: &CatalogueIndex<'_>,
    diags: &mut Vec<Diagnostic>,
    unknown: &mut Vec<UnknownName>,
) -> Option<Initiative> {
    let id = source.stem().to_string();
    if !is_valid_id(&id) {
        diags.push(ids::invalid_file_id(file, &id));
    } else if crate::slug::is_reserved(&id) {
        diags.push(ids::reserved_file_id(file, &id));
    }
    let before = diags.len();
    let text = pasted::repair(&source.text);
    let blanked = OnceCell::new();
    let table = parse_toml(file, source, &text, &blanked, diags)?;
    // Only syntax errors: a `toml-portability` warning does not stop the other checks.
    let had_syntax_errors = diags[before..].iter().any(|d| d.rule == Rule::Syntax);
    let mut r = Reader { file, diags };
    let typos = r.unknown_keys_fitting(&table, &INITIATIVE_FIELDS, "an initiative", fits);
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
        &Period::ALL.map(|p| (p.as_str(), p)),
        |t| period_from_user(t).map(Period::as_str),
    );
    let raw_tracks = r.string_list(&table, "tracks");
    let raw_locations = r.string_list(&table, "locations");
    let partners = r.string_list(&table, "partners");
    let raw_depends = r.string_list(&table, "depends_on");
    let status = r.choice(
        &table,
        "status",
        &Status::ALL.map(|s| (s.as_str(), s)),
        |t| status_from_user(t).map(Status::as_str),
    );
    let deadline = r.date(&table, "deadline");
    let funding = r.choice(
        &table,
        "funding",
        &Funding::ALL.map(|f| (f.as_str(), f)),
        |t| funding_from_user(t).map(Funding::as_str),
    );
    let owner = r.string(&table, "owner").map(Spanned::into_inner);
    let tags = r.string_list(&table, "tags");
    let follow_up = r.string(&table, "follow_up").map(Spanned::into_inner);
    let added = r.date(&table, "added");
    let log = read_log(&mut r, &table, index);

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
    let mut aliases = Vec::new();
    let mut cross_cutting = false;
    if let Some(list) = &raw_tracks {
        // Empty as written: a list whose entries are all of the wrong type (`[1]`) has its
        // findings at them, and is not "empty".
        let written_empty = matches!(
            table.get("tracks").map(|v| v.get_ref()),
            Some(toml::de::DeValue::Array(entries)) if entries.is_empty()
        );
        if written_empty {
            r.push(values::no_tracks(file, list.span()));
        }
        for name in list.get_ref() {
            if index.is_cross_cutting(name.get_ref()) {
                cross_cutting = true;
            } else if let Some(canonical) = index.track(name.get_ref()) {
                if canonical != name.get_ref() {
                    aliases.push(Alias {
                        canonical: canonical.to_string(),
                        span: name.span(),
                    });
                }
                if !tracks.iter().any(|t| t == canonical) {
                    tracks.push(Name::from(canonical));
                }
            } else {
                unknown.push(UnknownName {
                    kind: NameKind::Track,
                    written: name.get_ref().clone(),
                    file,
                    span: name.span(),
                });
            }
        }
    }

    let mut locations = Vec::new();
    for name in raw_locations.iter().flat_map(|l| l.get_ref()) {
        match index.location(name.get_ref()) {
            Some(canonical) => {
                if canonical != name.get_ref() {
                    aliases.push(Alias {
                        canonical: canonical.to_string(),
                        span: name.span(),
                    });
                }
                if !locations.iter().any(|l| l == canonical) {
                    locations.push(Name::from(canonical));
                }
            }
            None => {
                unknown.push(UnknownName {
                    kind: NameKind::Location,
                    written: name.get_ref().clone(),
                    file,
                    span: name.span(),
                });
                // Kept as written: it is only a warning, and the place is still real to the user.
                locations.push(Name::from(name.get_ref().as_str()));
            }
        }
    }

    let mut depends_on = Vec::new();
    let mut depends_spans = Vec::new();
    for dep in raw_depends.iter().flat_map(|l| l.get_ref()) {
        if is_valid_id(dep.get_ref()) {
            depends_on.push(Name::from(dep.get_ref().as_str()));
            depends_spans.push(Span::from(dep.span()));
        } else {
            r.push(ids::invalid_dependency_id(file, dep.get_ref(), dep.span()));
        }
    }

    let status_span = status.as_ref().map(|s| s.span());
    let funding_span = funding.as_ref().map(|f| f.span());
    let no_track = tracks.is_empty() && !cross_cutting;
    let required_missing = title.is_none() || period.is_none() || no_track;
    // A file that is not valid TOML may have lost any key: only what was read is judged.
    if had_syntax_errors && required_missing {
        return None;
    }
    // A file with syntax errors may have lost a key's line: what was not read is not known
    // to be left out.
    let unreadable = Unreadable {
        status: status_span.is_none() && (had_syntax_errors || table.contains_key("status")),
        funding: funding_span.is_none() && (had_syntax_errors || table.contains_key("funding")),
        period: period.is_none(),
        required: required_missing,
    };
    let title = title.map_or_else(String::new, Spanned::into_inner);
    let (period, period_span) = period.map_or((Period::Year, 0..0), |p| (*p.get_ref(), p.span()));
    let tracks_span = raw_tracks.as_ref().map_or(0..0, |l| l.span());
    // The lists grew one by one (to room for four): a large plan keeps them all.
    Some(Initiative {
        id: Name::from(id),
        file,
        title: title.into(),
        description: description.map(String::into_boxed_str),
        period,
        tracks: tracks.into(),
        cross_cutting,
        locations: locations.into(),
        partners: strings::<Name>(partners).into(),
        depends_on: depends_on.into(),
        status: status.map(Spanned::into_inner).unwrap_or_default(),
        deadline: deadline.as_ref().map(|d| *d.get_ref()),
        funding: funding.map(Spanned::into_inner),
        owner: owner.map(String::into_boxed_str),
        tags: strings::<Name>(tags).into(),
        follow_up: follow_up.map(String::into_boxed_str),
        log: log.into(),
        added: added.as_ref().map(|d| *d.get_ref()),
        spans: Spans {
            status: status_span.map(Span::from),
            funding: funding_span.map(Span::from),
            added: added.map(|d| Span::from(d.span())),
            period: Span::from(period_span),
            tracks: Span::from(tracks_span),
            depends_on: depends_spans.into(),
            deadline: deadline.map(|d| Span::from(d.span())),
            aliases: aliases.into(),
        },
        unreadable,
    })
}

/// The texts of a list of strings, as `String`s or inline [`Name`]s, in a list exactly as
/// long as it (collected in place, it would keep the room of the larger spanned values).
pub(super) fn strings<T: From<String>>(list: Option<Spanned<Vec<Spanned<String>>>>) -> Vec<T> {
    list.map(|l| {
        let mut strings: Vec<T> = l
            .into_inner()
            .into_iter()
            .map(|s| T::from(s.into_inner()))
            .collect();
        strings.shrink_to_fit();
        strings
    })
    .unwrap_or_default()
}
