//! The parts of the quarterly memo that [`super::build_with`] assembles: the changes since
//! the last quarter, one initiative as a memo item, why an item needs attention, and the
//! summary sentences every format shares.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{Event, EventKind, Item, Note, QuarterTotals, TrackCoverage};
use crate::assess::history;
use crate::assess::judge::{Judgement, Reason};
use crate::i18n::{Count, QuarterTotalsSentence, Words, YearMinimumSentence};
use crate::model::{Initiative, LogEntry, Name, Period, Plan, Status};
use crate::text::{clean_line, clean_line_cow};

/// The changes recorded after `since` and on or before `as_of`, in date order (one day's in
/// the order [`EventKind`] lists them). A status and a period are each told by their net
/// change over the period: a change undone within it (cancelled by mistake, and planned
/// again the next day; moved and moved back) is no change, and several changes of one
/// initiative are one, from its value when the period began to its value on `as_of`, dated
/// by the last change (or, for a value edited by hand after it, the day after it).
pub(super) fn events(plan: &Plan, since: NaiveDate, as_of: NaiveDate) -> Vec<Event> {
    let mut out = Vec::new();
    for init in &plan.initiatives {
        // Cleaned once an initiative has an event: most have none in a quarter.
        let mut title: Option<String> = None;
        let mut push = |date: NaiveDate, kind: EventKind, to: Option<Period>| {
            out.push(Event {
                date,
                kind,
                id: init.id.to_string(),
                title: title.get_or_insert_with(|| clean_line(&init.title)).clone(),
                to,
            })
        };
        if let Some(added) = init.added.filter(|d| *d > since && *d <= as_of) {
            push(added, EventKind::New, None);
        }
        if let Some((date, kind)) = status_change(init, since, as_of) {
            push(date, kind, None);
        }
        // Moves too by their net change: from the period on `since` to the one on `as_of`.
        if let Some((date, to)) = period_change(init, since, as_of) {
            push(date, EventKind::Moved, Some(to));
        }
    }
    merge_moves(&mut out);
    out.sort_by(|a, b| (a.date, a.kind, &a.id).cmp(&(b.date, b.kind, &b.id)));
    out
}

/// The net change of `init`'s status after `since` and on or before `as_of`: its date (that
/// of the last change, or the day after it for a status edited by hand) and how it is told;
/// `None` when none is recorded, or the status is back where it was when the period began.
fn status_change(
    init: &Initiative,
    since: NaiveDate,
    as_of: NaiveDate,
) -> Option<(NaiveDate, EventKind)> {
    let last = last_change(init, as_of, |e| e.status.as_ref().map(|c| c.to))?;
    // Nothing recorded after `since`: the status is the same on both days (an edit after the
    // last change holds from the day after it, on or before `since`).
    if last.0 < since {
        return None;
    }
    let (start, _) = history::status_and_period_on(init, since);
    let (end, _) = history::status_and_period_on(init, as_of);
    let date = held_from(last, end, as_of);
    let kind = match (start, end) {
        _ if start == end || date <= since => return None,
        (
            Status::Done | Status::Cancelled | Status::Postponed,
            Status::Planned | Status::Active,
        ) => EventKind::Reopened,
        (_, Status::Active) => EventKind::Started,
        (_, Status::Planned) => EventKind::BackToPlanned,
        (_, Status::Done) => EventKind::Done,
        (_, Status::Postponed) => EventKind::Postponed,
        (_, Status::Cancelled) => EventKind::Cancelled,
    };
    Some((date, kind))
}

/// The net move of `init` after `since` and on or before `as_of`: the day its period on
/// `as_of` holds from, and that period; `None` when it was not moved, or is back where it was.
fn period_change(
    init: &Initiative,
    since: NaiveDate,
    as_of: NaiveDate,
) -> Option<(NaiveDate, Period)> {
    let last = last_change(init, as_of, |e| e.period.as_ref().map(|c| c.to))?;
    if last.0 < since {
        return None;
    }
    let (_, start) = history::status_and_period_on(init, since);
    let (_, end) = history::status_and_period_on(init, as_of);
    let date = held_from(last, end, as_of);
    (start != end && date > since).then_some((date, end))
}

/// The last recorded change of a field (`to` reads it from an entry) on or before `as_of`,
/// as `(date, value)` (of one day's, the last written); `None` when none is recorded (the
/// field's value then holds all year: no change to tell).
fn last_change<T>(
    init: &Initiative,
    as_of: NaiveDate,
    to: impl Fn(&LogEntry) -> Option<T>,
) -> Option<(NaiveDate, T)> {
    init.log
        .iter()
        .filter(|e| e.date <= as_of)
        .filter_map(|e| to(e).map(|value| (e.date, value)))
        .max_by_key(|(date, _)| *date)
}

/// The day a field's value `end` holds from, given its last recorded change in the period:
/// that change's day, or, when `end` is not what it recorded (edited by hand after it), the
/// day after (at most `as_of`).
fn held_from<T: PartialEq>(last: (NaiveDate, T), end: T, as_of: NaiveDate) -> NaiveDate {
    if last.1 == end {
        last.0
    } else {
        last.0.succ_opt().unwrap_or(last.0).min(as_of)
    }
}

/// Postponed and moved in the period is one event: postponed to the new period (each
/// initiative has at most one of each, both told by their net change); a move without a
/// postponement stays a move.
fn merge_moves(out: &mut Vec<Event>) {
    // By initiative: its postponement (a scan of every event for each move was quadratic in
    // a large plan).
    let postponed_at: rustc_hash::FxHashMap<String, usize> = out
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EventKind::Postponed)
        .map(|(at, e)| (e.id.clone(), at))
        .collect();
    if postponed_at.is_empty() {
        return;
    }
    let moved: Vec<(String, Option<Period>)> = out
        .iter()
        .filter(|e| e.kind == EventKind::Moved && postponed_at.contains_key(&e.id))
        .map(|e| (e.id.clone(), e.to))
        .collect();
    for (id, to) in &moved {
        out[postponed_at[id]].to = *to;
    }
    if !moved.is_empty() {
        let merged: rustc_hash::FxHashSet<&str> = moved.iter().map(|(id, _)| id.as_str()).collect();
        out.retain(|e| !(e.kind == EventKind::Moved && merged.contains(e.id.as_str())));
    }
}

pub(super) fn make_item<'a>(
    init: &'a Initiative,
    judgement: &Judgement,
    as_of: NaiveDate,
) -> Item<'a> {
    // The log is "newest last" by convention; pick by date so an out-of-order file still
    // shows its newest note, and ignore notes written after the as-of date.
    let latest_note = init
        .log
        .iter()
        .enumerate()
        .filter(|(_, entry)| entry.date <= as_of && !entry.text.trim().is_empty())
        .max_by_key(|(index, entry)| (entry.date, *index))
        .map(|(_, entry)| Note {
            date: entry.date,
            text: clean_line_cow(entry.text.trim()),
        });
    Item {
        id: Cow::Borrowed(&init.id),
        title: clean_line_cow(&init.title),
        period: init.period,
        tracks: clean_names(&init.tracks),
        cross_cutting: init.cross_cutting,
        locations: clean_names(&init.locations),
        status: init.status,
        late: judgement.late(),
        blocked: judgement.blocked(),
        at_risk: judgement.at_risk,
        latest_note,
        not_reached: false,
        moved_to: None,
    }
}

/// One reason in words: dates in the language's style, dependencies by title.
pub(super) fn explain(
    w: &Words,
    plan: &Plan,
    by_id: &crate::model::ById<'_>,
    reason: &Reason,
) -> String {
    match reason {
        Reason::Late { since } => (w.late_since)(&w.date(*since)),
        Reason::Blocked { by } => {
            let names: Vec<String> = by
                .iter()
                .map(|id| {
                    let title = by_id.get(id.as_str()).map_or(id.as_str(), |d| &*d.title);
                    format!("{}{}{}", w.quotes[0], clean_line(title), w.quotes[1])
                })
                .collect();
            (w.blocked_by)(&names.join(", "))
        }
        Reason::AtRisk => w.waiting_for_funding.to_string(),
        Reason::WaitsOnDropped { id, status } => {
            let title = by_id.get(id.as_str()).map_or(id.as_str(), |d| &*d.title);
            let name = format!("{}{}{}", w.quotes[0], clean_line(title), w.quotes[1]);
            (w.waits_on_dropped)(&name, w.status(*status))
        }
        Reason::FundingDenied => w.funding_denied_reason.to_string(),
        Reason::NotReached {
            period: Period::Year,
        } => (w.not_reached_in)(&plan.manifest.plan.year.to_string()),
        Reason::NotReached { period } => (w.not_reached_in)(&w.period(*period)),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn sentences(
    w: &Words,
    period: Period,
    year: i32,
    totals: &QuarterTotals,
    tracks: &[TrackCoverage],
    minimum: usize,
    attention: usize,
    closed: bool,
) -> Vec<String> {
    let period_name = w.period(period);
    let c = &totals.counts;
    let mut out = Vec::new();
    if c.initiatives == 0 {
        out.push((w.sentence_quarter_empty)(&period_name, year));
    } else {
        // Every status is named when it has initiatives (done always): they add up to the
        // total. Late, blocked and at risk are "of which".
        let mut parts = vec![w.count(w.n_done, c.done)];
        for (n, noun) in [
            (c.active, w.n_active),
            (c.planned, w.n_planned),
            (c.postponed, w.n_moved),
            (totals.brought_forward, w.n_brought_forward),
            (c.cancelled, w.n_cancelled),
        ] {
            if n > 0 {
                parts.push(w.count(noun, n));
            }
        }
        let of_which: Vec<Count> = [
            (c.late, w.n_late),
            (c.blocked, w.n_blocked),
            (c.at_risk, w.n_at_risk),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, noun)| w.count(noun, n))
        .collect();
        out.push((w.sentence_quarter_totals)(&QuarterTotalsSentence {
            period: &period_name,
            year,
            initiatives: w.count(w.n_initiatives, c.initiatives),
            parts: &parts,
            of_which: &of_which,
        }));
        if closed {
            let next_day = period.end(year).succ_opt().unwrap_or(period.end(year));
            out.push((w.sentence_not_reached)(
                w.count(w.n_initiatives, totals.not_reached),
                &period_name,
                &w.date(next_day),
            ));
        }
    }
    if totals.whole_year > 0 {
        out.push((w.sentence_ongoing)(
            w.count(w.n_initiatives, totals.whole_year),
        ));
        if closed && period == Period::Q(4) && totals.whole_year_not_reached > 0 {
            out.push((w.sentence_year_not_reached)(
                w.count(w.n_initiatives, totals.whole_year_not_reached),
                year,
            ));
        }
    }
    if totals.tracks > 0 {
        let short: Vec<&str> = tracks
            .iter()
            .filter(|t| !t.met)
            .map(|t| t.name.as_str())
            .collect();
        let short = match short.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), w.and),
        };
        out.push((w.sentence_year_minimum)(&YearMinimumSentence {
            period: &period_name,
            met: totals.tracks_met,
            total: w.count(w.n_tracks, totals.tracks),
            minimum: w.count(w.n_initiatives, minimum),
            done_met: (totals.tracks_met_done > 0)
                .then(|| w.count(w.n_tracks, totals.tracks_met_done)),
            short: &short,
        }));
    }
    if attention > 0 {
        out.push((w.sentence_attention)(w.count(w.n_initiatives, attention)));
    }
    out
}

/// A name as [`clean_line`] makes it, kept inline when short.
fn clean_name(name: &Name) -> Name {
    Name::from(clean_line(name))
}

/// The names cleaned for one line; borrowed when none needed cleaning.
fn clean_names(names: &[Name]) -> Cow<'_, [Name]> {
    if names
        .iter()
        .all(|n| matches!(clean_line_cow(n), Cow::Borrowed(_)))
    {
        Cow::Borrowed(names)
    } else {
        Cow::Owned(names.iter().map(clean_name).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::assess::history::tests::{d, init, status_change as change};
    use crate::model::LogEntry;

    /// The merge written as a scan of every event for each move: the reference the indexed
    /// merge must agree with (an initiative's last postponement takes its last move's period).
    fn merge_by_scanning(out: &mut Vec<Event>) {
        let moved: Vec<(String, Option<Period>)> = out
            .iter()
            .filter(|e| e.kind == EventKind::Moved)
            .map(|e| (e.id.clone(), e.to))
            .collect();
        for (id, to) in moved {
            if let Some(postponed) = out
                .iter_mut()
                .rev()
                .find(|e| e.kind == EventKind::Postponed && e.id == id)
            {
                postponed.to = to;
                out.retain(|e| !(e.kind == EventKind::Moved && e.id == id));
            }
        }
    }

    /// The net change of a status over a quarter (1 April to 30 June), whatever the order
    /// the log is written in, with or without `from`, and a change on the day the period
    /// began belonging to the period before.
    #[test]
    fn a_status_is_told_by_its_net_change_over_the_period() {
        use Status::*;
        // The file's status is the one its last change (by date) recorded: no hand edit.
        let net = |log: Vec<LogEntry>| {
            let last = log
                .iter()
                .filter_map(|e| e.status.as_ref().map(|c| (e.date, c.to)))
                .max_by_key(|(date, _)| *date)
                .map_or(Planned, |(_, to)| to);
            status_change(&init(last, log), d("2017-03-31"), d("2017-06-30"))
        };
        // Written out of order: done on 20 May after active on 2 May.
        assert_eq!(
            net(vec![
                change("2017-05-20", Some(Active), Done),
                change("2017-05-02", Some(Planned), Active),
            ]),
            Some((d("2017-05-20"), EventKind::Done))
        );
        // Through done and back to planned: no change.
        assert_eq!(
            net(vec![
                change("2017-04-10", None, Done),
                change("2017-04-12", Some(Done), Planned),
            ]),
            None
        );
        // A change on the day the period began is the period before's: active since then,
        // cancelled and taken up again within this one.
        assert_eq!(
            net(vec![
                change("2017-03-31", None, Active),
                change("2017-05-01", Some(Active), Cancelled),
                change("2017-05-03", Some(Cancelled), Active),
            ]),
            None
        );
        assert_eq!(
            net(vec![
                change("2017-03-31", None, Cancelled),
                change("2017-05-03", Some(Cancelled), Active),
            ]),
            Some((d("2017-05-03"), EventKind::Reopened))
        );
        assert_eq!(
            net(vec![
                change("2017-04-03", None, Active),
                change("2017-06-03", Some(Active), Planned)
            ]),
            None
        );
        assert_eq!(
            net(vec![
                change("2017-01-03", None, Active),
                change("2017-06-03", Some(Active), Planned),
            ]),
            Some((d("2017-06-03"), EventKind::BackToPlanned))
        );
        // Edited by hand to done after the last change (30 June): told in the next period,
        // from the day after it.
        let edited = init(Done, vec![change("2017-06-30", Some(Planned), Active)]);
        assert_eq!(
            status_change(&edited, d("2017-06-30"), d("2017-09-30")),
            Some((d("2017-07-01"), EventKind::Done))
        );
        assert_eq!(
            status_change(&edited, d("2017-03-31"), d("2017-06-30")),
            Some((d("2017-06-30"), EventKind::Started))
        );
    }

    fn event() -> impl Strategy<Value = Event> {
        (0..4usize, 1..4u32, 0..3usize, 0..5usize).prop_map(|(id, day, kind, to)| Event {
            date: NaiveDate::from_ymd_opt(2017, 4, day).expect("a day of April"),
            kind: [EventKind::Postponed, EventKind::Moved, EventKind::Done][kind],
            id: format!("i{id}"),
            title: format!("Titel {id}"),
            to: (to < 4).then(|| Period::ALL[to]),
        })
    }

    proptest! {
        /// Any mix of postponements, moves and other events of a few initiatives on a few
        /// days (several moves a day, moves without a postponement, two postponements a day)
        /// merges as the scan did, event for event and in the same order.
        #[test]
        fn merging_moves_agrees_with_scanning_every_event(events in prop::collection::vec(event(), 0..24)) {
            let mut fast = events.clone();
            merge_moves(&mut fast);
            let mut slow = events;
            merge_by_scanning(&mut slow);
            prop_assert_eq!(fast, slow);
        }
    }
}
