//! An initiative file's `[[log]]`: each entry's date, note and changes (from → to), read
//! with spans, as [`super::initiative`] reads the rest of the file.

use toml::de::DeValue;
use toml::Spanned;

use super::LOG_FIELDS;
use crate::check::fields;
use crate::i18n::{funding_from_user, period_from_user, status_from_user};
use crate::model::{CatalogueIndex, Changed, Funding, LogEntry, MoreChanges, Period, Status};
use crate::parse::reader::{Reader, Table};

pub(super) fn read_log(
    r: &mut Reader<'_>,
    table: &Table<'_>,
    index: &CatalogueIndex<'_>,
) -> Vec<LogEntry> {
    let Some(value) = table.get("log") else {
        return Vec::new();
    };
    let DeValue::Array(entries) = value.get_ref() else {
        r.wrong_type(
            "log",
            value,
            "a list of [[log]] entries",
            "write each note as its own [[log]] table, with `date = 2017-04-20` and `text = \"…\"`"
                .into(),
        );
        return Vec::new();
    };
    // Exactly as many as written: a pushed-to list would hold room for four.
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries.iter() {
        let DeValue::Table(t) = entry.get_ref() else {
            r.wrong_type(
                "log",
                entry,
                "a [[log]] entry with date and text",
                "start each entry with a line [[log]], then date = 2017-04-20 and text = \"…\" below it".into(),
            );
            continue;
        };
        r.unknown_keys_fitting(t, &LOG_FIELDS, "a [[log]] entry", super::log_fits);
        let date = r.date(t, "date");
        let text = r.text(t, "text");
        // A value under `from` or `to` is named by its field in a finding ("not a valid
        // period", not "not a valid to").
        let status = required(changed(r, t, "status", |r, t, k| {
            r.choice_of(t, k, "status", &Status::ALL.map(|s| (s.as_str(), s)), |t| {
                status_from_user(t).map(Status::as_str)
            })
            .map(Spanned::into_inner)
        }));
        let funding = changed(r, t, "funding", |r, t, k| {
            r.choice_of(
                t,
                k,
                "funding",
                &Funding::ALL.map(|f| (f.as_str(), f)),
                |t| funding_from_user(t).map(Funding::as_str),
            )
            .map(Spanned::into_inner)
        });
        let period = required(changed(r, t, "period", |r, t, k| {
            r.choice_of(t, k, "period", &Period::ALL.map(|p| (p.as_str(), p)), |t| {
                period_from_user(t).map(Period::as_str)
            })
            .map(Spanned::into_inner)
        }));
        let deadline = changed(r, t, "deadline", |r, t, k| {
            r.date(t, k).map(Spanned::into_inner)
        });
        let names = |r: &mut Reader<'_>, t: &Table<'_>, k: &str, track: bool| {
            let list = r.string_list(t, k)?;
            Some(
                list.into_inner()
                    .into_iter()
                    .map(|n| {
                        let n = n.into_inner();
                        if track && index.is_cross_cutting(&n) {
                            crate::model::CROSS_CUTTING.to_string()
                        } else {
                            let known = if track {
                                index.track(&n)
                            } else {
                                index.location(&n)
                            };
                            known.map_or(n, str::to_string)
                        }
                    })
                    .collect::<Vec<_>>(),
            )
        };
        let tracks = required(changed(r, t, "tracks", |r, t, k| names(r, t, k, true)));
        let locations =
            changed(r, t, "locations", |r, t, k| names(r, t, k, false)).map(|c| Changed {
                from: c.from.map(Option::unwrap_or_default),
                to: c.to.unwrap_or_default(),
            });
        let plain = |r: &mut Reader<'_>, t: &Table<'_>, k: &str| {
            let list = r.string_list(t, k)?;
            Some(
                list.into_inner()
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect::<Vec<_>>(),
            )
        };
        let list = |c: Changed<Option<Vec<String>>>| Changed {
            from: c.from.map(Option::unwrap_or_default),
            to: c.to.unwrap_or_default(),
        };
        let more = MoreChanges {
            title: required(changed(r, t, "title", |r, t, k| {
                r.string(t, k).map(Spanned::into_inner)
            })),
            owner: changed(r, t, "owner", |r, t, k| {
                r.string(t, k).map(Spanned::into_inner)
            }),
            partners: changed(r, t, "partners", plain).map(list),
            tags: changed(r, t, "tags", plain).map(list),
            depends_on: changed(r, t, "depends_on", plain).map(list),
        };
        if !t.contains_key("date") {
            r.push(fields::missing_in_entry(
                r.file,
                "log",
                "date",
                entry.span(),
                "date = 2017-04-20",
            ));
        }
        let mut log = LogEntry {
            date: Default::default(),
            text: text.map(Spanned::into_inner).unwrap_or_default(),
            status,
            funding,
            period,
            deadline,
            tracks: tracks.map(Box::new),
            locations: locations.map(Box::new),
            more: (more != MoreChanges::default()).then(|| Box::new(more)),
            span: crate::model::Span::from(entry.span()),
        };
        if !t.contains_key("text") && !log.has_changes() {
            // A change that is written but cannot be read has its own finding: the entry
            // is not also told it lacks a text.
            let a_change_written = LOG_FIELDS[2..].iter().any(|k| t.contains_key(*k));
            if !a_change_written {
                r.push(fields::missing_in_entry(
                    r.file,
                    "log",
                    "text",
                    entry.span(),
                    "text = \"Første møde holdt.\"",
                ));
            }
            continue;
        }
        if let Some(date) = date {
            log.date = date.into_inner();
            out.push(log);
        }
    }
    out
}

/// A recorded change of `key` in a `[[log]]` entry: `key = VALUE` (the new value) or
/// `key = { from = VALUE, to = VALUE }`; `to` left out means the field was removed.
fn changed<T>(
    r: &mut Reader<'_>,
    entry: &Table<'_>,
    key: &str,
    read: impl Fn(&mut Reader<'_>, &Table<'_>, &str) -> Option<T>,
) -> Option<Changed<Option<T>>> {
    let value = entry.get(key)?;
    match value.get_ref() {
        DeValue::Table(inner) => {
            r.unknown_keys(inner, &["from", "to"], "a recorded change");
            let from = read(r, inner, "from");
            let to = read(r, inner, "to");
            if (inner.contains_key("from") && from.is_none())
                || (inner.contains_key("to") && to.is_none())
            {
                return None;
            }
            Some(Changed {
                from: inner.contains_key("from").then_some(from),
                to,
            })
        }
        _ => read(r, entry, key).map(|to| Changed {
            from: None,
            to: Some(to),
        }),
    }
}

/// A change of a field that cannot be removed: without `to` it records nothing.
fn required<T>(change: Option<Changed<Option<T>>>) -> Option<Changed<T>> {
    let change = change?;
    Some(Changed {
        from: change.from.flatten(),
        to: change.to?,
    })
}
