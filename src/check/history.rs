//! The rules on the dated history (`[[log]]` entries and what they record):
//! `history-order`, `history-mismatch`, `history-date`, `undated-status`; and
//! `depends-on-dropped`, work that builds on cancelled or postponed work.

use chrono::{Datelike, NaiveDate};

use super::{Diagnostic, Rule};
use crate::model::{Changed, Initiative, Links, LogEntry, Period, Plan, Span, Status};

/// The entries in date order, a day's entries in file order.
fn in_date_order(log: &[LogEntry]) -> Vec<&LogEntry> {
    let mut entries: Vec<&LogEntry> = log.iter().collect();
    entries.sort_by_key(|e| e.date);
    entries
}

/// Every history finding of `plan` but `depends-on-dropped` ([`dropped`]), initiative by
/// initiative in plan order; `today` is the real date of the check (entries after it are in
/// the future).
pub fn findings(plan: &Plan, today: NaiveDate, out: &mut Vec<Diagnostic>) {
    let year = plan.manifest.plan.year;
    // A year plan.toml does not give (it has errors) is the built-in one: the dates wait.
    let year_trusted = !super::manifest_has_errors(plan);
    for init in &plan.initiatives {
        order(init, out);
        if year_trusted {
            dates(init, year, today, out);
        }
        mismatch(init, out);
        chain(init, out);
        undated(init, out);
    }
}

/// One field's recorded changes in date order, each as `(entry, from, to)` written as the
/// file writes them (quoted, or [`ABSENT`]); `from` is `None` when the entry does not say.
type Changes<'a> = Vec<(&'a LogEntry, Option<String>, String)>;

/// A change of one field in an entry, as `(from, to)` written as the file writes them.
type ChangeOf<'f> = dyn Fn(&LogEntry) -> Option<(Option<String>, String)> + 'f;

/// The recorded changes of status, funding and period, field by field.
fn changes_by_field(init: &Initiative) -> [(&'static str, Changes<'_>); 3] {
    let log = in_date_order(&init.log);
    let of = |field: &ChangeOf<'_>| -> Changes<'_> {
        log.iter()
            .filter_map(|e| field(e).map(|(from, to)| (*e, from, to)))
            .collect()
    };
    let funding =
        |f: &Option<crate::model::Funding>| f.map_or(ABSENT.to_string(), |f| quoted(f.as_str()));
    [
        (
            "status",
            of(&|e| {
                e.status
                    .as_ref()
                    .map(|c| (c.from.map(|s| quoted(s.as_str())), quoted(c.to.as_str())))
            }),
        ),
        (
            "funding",
            of(&|e| {
                e.funding
                    .as_ref()
                    .map(|c| (c.from.as_ref().map(funding), funding(&c.to)))
            }),
        ),
        (
            "period",
            of(&|e| {
                e.period
                    .as_ref()
                    .map(|c| (c.from.map(|p| quoted(p.as_str())), quoted(c.to.as_str())))
            }),
        ),
    ]
}

/// The history disagreeing with itself (`history-mismatch`): a change that says it came
/// from another value than the change before it made the field (two changes of one day
/// that contradict each other, a hand-written entry, a change recorded twice); and a first
/// change of the period that does not say what it changed from, which records nothing
/// (the period is then taken to have been the new one all year).
fn chain(init: &Initiative, out: &mut Vec<Diagnostic>) {
    for (key, changes) in changes_by_field(init) {
        for pair in changes.windows(2) {
            let ((before, _, made), (entry, Some(from), to)) = (&pair[0], &pair[1]) else {
                continue;
            };
            if from == made {
                continue;
            }
            // No day lies between changes of one day or of two days in a row: they
            // contradict each other, and the value between holds on no day.
            let room = before.date.succ_opt().is_some_and(|next| next < entry.date);
            let (message, help) = if room {
                (
                    format!(
                        "the change of `{key}` on {} says it was {from}, but the change before it ({}) made it {made}: a change between them has no date, and reports take {from} to hold from the day after {}",
                        entry.date, before.date, before.date
                    ),
                    format!(
                        "record when it changed, in a [[log]] entry between them: date = YYYY-MM-DD, {key} = {{ {} }}; if a change was recorded twice or by mistake, remove it",
                        change_table(made, from)
                    ),
                )
            } else {
                (
                    format!(
                        "the change of `{key}` on {} says it was {from}, but the change before it ({}) made it {made}: the two contradict each other",
                        entry.date, before.date
                    ),
                    format!(
                        "one of them is wrong: correct it ({key} = {{ {} }} goes on from the change before), or remove a change recorded twice",
                        change_table(made, to)
                    ),
                )
            };
            out.push(
                Diagnostic::new(Rule::HistoryMismatch, message)
                    .at(init.file, entry.span.range())
                    .label("a change from another value")
                    .help(help),
            );
        }
        if key == "period" {
            if let Some((entry, None, to)) = changes.first() {
                out.push(
                    Diagnostic::new(
                        Rule::HistoryMismatch,
                        format!(
                            "the first recorded change of `period` ({}) does not say what it changed from: reports take the period to have been {to} all year",
                            entry.date
                        ),
                    )
                    .at(init.file, entry.span.range())
                    .label("changed from what?")
                    .help(format!(
                        "say the period before it: period = {{ from = \"Q…\", to = {to} }}"
                    )),
                );
            }
        }
    }
}

fn order(init: &Initiative, out: &mut Vec<Diagnostic>) {
    for pair in init.log.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        if after.date < before.date {
            out.push(
                Diagnostic::new(
                    Rule::HistoryOrder,
                    format!(
                        "a [[log]] entry dated {} comes after one dated {}",
                        after.date, before.date
                    ),
                )
                .at(init.file, after.span.range())
                .label("out of date order")
                .help("move the entry up to where its date belongs (the history is read by date either way)"),
            );
        }
    }
}

fn dates(init: &Initiative, year: i32, today: NaiveDate, out: &mut Vec<Diagnostic>) {
    let check_the_year =
        || format!("check the year: the plan's history runs from {year}-01-01 to {year}-12-31");
    // `added` after the year (or today): the initiative is in no view of the year. Before
    // the year is as it should be: a plan is written before its year begins.
    if let (Some(added), Some(span)) = (init.added, init.spans.added) {
        let problem = if added > today {
            Some(format!("`added` is {added}, after today ({today})"))
        } else if added.year() > year {
            Some(format!(
                "`added` is {added}, after the plan year {year}: no status, list or memo of the year shows the initiative"
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            out.push(
                Diagnostic::new(Rule::HistoryDate, message)
                    .at(init.file, span.range())
                    .label("this date")
                    .help(format!(
                        "give the day it was added to the plan, in {year} or before (`plan new --today {year}-MM-DD` writes it so)"
                    )),
            );
        }
    }
    for entry in &init.log {
        let problem = if entry.date > today {
            Some((
                format!(
                    "a [[log]] entry is dated {}, after today ({today})",
                    entry.date
                ),
                check_the_year(),
            ))
        } else if !Period::Year.contains(year, entry.date) {
            Some((
                format!(
                    "a [[log]] entry is dated {}, outside the plan year {year}",
                    entry.date
                ),
                check_the_year(),
            ))
        } else {
            init.added.filter(|added| entry.date < *added).map(|added| {
                (
                    format!(
                        "a [[log]] entry is dated {}, before the initiative was added to the plan ({added}): no view reads it",
                        entry.date
                    ),
                    format!("date the entry on or after {added}, or change `added` if the initiative was in the plan earlier"),
                )
            })
        };
        if let Some((message, help)) = problem {
            out.push(
                Diagnostic::new(Rule::HistoryDate, message)
                    .at(init.file, entry.span.range())
                    .label("this date")
                    .help(help),
            );
        }
    }
}

/// The last recorded value of a field, in date order (a day's entries in file order), with
/// the entry that records it.
fn last<'a, T>(
    init: &'a Initiative,
    field: impl Fn(&'a LogEntry) -> Option<&'a Changed<T>>,
) -> Option<(&'a LogEntry, &'a T)> {
    in_date_order(&init.log)
        .into_iter()
        .filter_map(|e| field(e).map(|c| (e, &c.to)))
        .next_back()
}

/// A field whose value differs from the last change the history records.
struct Mismatch<'a> {
    key: &'a str,
    /// The value in the file (quoted, or [`ABSENT`]).
    now: String,
    /// The value the last recorded change made it.
    recorded: String,
    /// The entry that records the last change.
    entry: &'a LogEntry,
    /// Where the value is written; None when the key is left out of the file.
    span: Option<Span>,
}

/// Status and funding are compared where the file has a readable value or leaves the key
/// out (a status left out is "planned", a funding left out is absent); an unreadable value
/// is an `invalid-value` already. A key left out is shown on the entry that records the
/// last change, as the file has no line for it.
fn mismatch(init: &Initiative, out: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    if let Some((entry, to)) = last(init, |e| e.status.as_ref()) {
        if *to != init.status && !init.unreadable.status {
            found.push(Mismatch {
                key: "status",
                now: quoted(init.status.as_str()),
                recorded: quoted(to.as_str()),
                entry,
                span: init.spans.status,
            });
        }
    }
    if let Some((entry, to)) = last(init, |e| e.funding.as_ref()) {
        if *to != init.funding && !init.unreadable.funding {
            let name = |f: Option<crate::model::Funding>| {
                f.map_or(ABSENT.to_string(), |f| quoted(f.as_str()))
            };
            found.push(Mismatch {
                key: "funding",
                now: name(init.funding),
                recorded: name(*to),
                entry,
                span: init.spans.funding,
            });
        }
    }
    if let Some((entry, to)) = last(init, |e| e.period.as_ref()) {
        if *to != init.period && !init.unreadable.period {
            found.push(Mismatch {
                key: "period",
                now: quoted(init.period.as_str()),
                recorded: quoted(to.as_str()),
                entry,
                span: Some(init.spans.period),
            });
        }
    }
    for m in found {
        let date = m.entry.date;
        let key = m.key;
        let record = format!(
            "record the change: plan --today YYYY-MM-DD set {} {key}=…, or a [[log]] entry with `{key} = {{ {} }}`",
            init.id,
            change_table(&m.recorded, &m.now)
        );
        let diagnostic = match m.span {
            Some(span) => Diagnostic::new(
                Rule::HistoryMismatch,
                format!(
                    "`{key}` is {}, but the last change recorded ({date}) made it {}",
                    m.now, m.recorded
                ),
            )
            .at(init.file, span.range())
            .label("changed without a dated entry")
            .help(record),
            None => {
                let now = if m.now == ABSENT {
                    String::new()
                } else {
                    format!(" (so it is {})", m.now)
                };
                let restore = if m.recorded == ABSENT {
                    String::new()
                } else {
                    format!(
                        "write `{key} = {}` in the file if it still holds, or ",
                        m.recorded
                    )
                };
                Diagnostic::new(
                    Rule::HistoryMismatch,
                    format!(
                        "`{key}` is left out of the file{now}, but the last change recorded ({date}) made it {}",
                        m.recorded
                    ),
                )
                .at(init.file, m.entry.span.range())
                .label(format!("the last recorded change of `{key}`"))
                .help(format!("{restore}{record}"))
            }
        };
        out.push(diagnostic);
    }
}

/// The inside of a `[[log]]` entry's inline table for a change from `from` to `to` (each
/// quoted, or `absent`): an absent side is left out, as TOML has no value for it
/// (`to = "pending"`, not `from = absent`).
fn change_table(from: &str, to: &str) -> String {
    [("from", from), ("to", to)]
        .iter()
        .filter(|(_, value)| *value != ABSENT)
        .map(|(key, value)| format!("{key} = {value}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a funding that is not in the file is named in a finding.
const ABSENT: &str = "absent";

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

fn undated(init: &Initiative, out: &mut Vec<Diagnostic>) {
    // The status before the first recorded change, when that change says it was not
    // `planned`: held from the start of the plan, with no date behind it.
    if let Some(entry) = in_date_order(&init.log)
        .into_iter()
        .find(|e| e.status.is_some())
    {
        let Some(Changed {
            from: Some(from), ..
        }) = &entry.status
        else {
            return;
        };
        if *from == Status::Planned {
            return;
        }
        out.push(
            Diagnostic::new(
                Rule::UndatedStatus,
                format!(
                    "status \"{from}\" before the first recorded change ({}) has no dated change behind it: reports take it to hold from the start of the plan",
                    entry.date
                ),
            )
            .at(init.file, entry.span.range())
            .label("since when?")
            .help(format!(
                "record when it changed: a [[log]] entry before this one, date = YYYY-MM-DD, status = {{ from = \"planned\", to = \"{from}\" }}"
            )),
        );
        return;
    }
    if init.status == Status::Planned {
        return;
    }
    out.push(
        Diagnostic::new(
            Rule::UndatedStatus,
            format!(
                "status \"{}\" has no dated change behind it: reports take it to hold from the start of the plan",
                init.status
            ),
        )
        .at(init.file, init.spans.status.map_or(0..0, Span::range))
        .label("since when?")
        .help(format!(
            "record when it changed: [[log]] date = YYYY-MM-DD, status = {{ from = \"planned\", to = \"{}\" }} (`plan set` does this itself)",
            init.status
        )),
    );
}

/// The `depends-on-dropped` findings of `plan`: each open initiative's dependency on one
/// cancelled or postponed, in plan order, the dependencies found through `links` (made from
/// this plan).
pub fn dropped(plan: &Plan, links: &Links<'_>, out: &mut Vec<Diagnostic>) {
    for (i, init) in plan.initiatives.iter().enumerate() {
        if init.status.is_closed() || init.status == Status::Postponed {
            continue;
        }
        for ((dep, span), target) in init
            .depends_on
            .iter()
            .zip(&init.spans.depends_on)
            .zip(links.of_initiative(i))
        {
            let Some(other) = target.map(|t| &plan.initiatives[t]) else {
                continue;
            };
            let word = match other.status {
                Status::Cancelled => "cancelled",
                Status::Postponed => "postponed",
                _ => continue,
            };
            out.push(
                Diagnostic::new(
                    Rule::DependsOnDropped,
                    format!("`{}` depends on `{dep}`, which is {word}", init.id),
                )
                .at(init.file, span.range())
                .label(word)
                .help(format!(
                    "remove `{dep}` from depends_on, or postpone or cancel `{}` too",
                    init.id
                )),
            );
        }
    }
}
