//! The plan as it was on a date, read from each initiative's dated history (`[[log]]` entries
//! that record changes, and `added`).
//!
//! The value of a field on day D is the value recorded by the last change on or before D;
//! before the first recorded change, the value it changed from (`from`; when the entry does
//! not say: `planned` for a status, no funding, deadline, owner, places, partners, tags or
//! dependencies, and the new value itself for a title, a period or the tracks, which every
//! initiative has). After the last recorded change the file's own (current) value holds, so
//! a hand edit made after it is seen, from the day after that change (on its day the
//! change's own value holds) — and reported by `plan check` (`history-mismatch`).
//! A field with no recorded change holds its current value from the start of the plan: an
//! *undated* value, counted in the memo when it is a status other than `planned`.
//!
//! Nothing dated after D survives: later notes and changes are dropped from the log, and an
//! initiative `added` after D is not part of the plan on D.

use chrono::NaiveDate;

use crate::model::{Changed, Initiative, LogEntry, Name, Period, Plan, Status, CROSS_CUTTING};

/// What [`rewind`] found while turning the plan back: the initiatives whose status on the
/// date rests on no dated change (ids, in the plan's order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rewound {
    pub undated_status: Vec<String>,
}

/// The log of `init` in date order (entries of one day in the order written).
pub fn in_date_order(log: &[LogEntry]) -> Vec<&LogEntry> {
    let mut entries: Vec<&LogEntry> = log.iter().collect();
    entries.sort_by_key(|e| e.date);
    entries
}

/// Which value of a field holds on `as_of`, given its recorded changes in date order and its
/// current value. Returns the value and whether it rests on a dated change.
fn value_on<T: Clone + PartialEq>(
    changes: &[(NaiveDate, &Changed<T>)],
    current: &T,
    initial: impl FnOnce(&Changed<T>) -> T,
    as_of: NaiveDate,
) -> (T, bool) {
    let Some(last) = changes.last() else {
        return (current.clone(), false);
    };
    match changes.iter().rposition(|(date, _)| *date <= as_of) {
        // After the last recorded change the file's value holds (the same, unless hand-edited):
        // a hand edit made after it holds from the next day, not on the change's own day.
        Some(i) if i == changes.len() - 1 && (*current == last.1.to || as_of > last.0) => {
            (current.clone(), *current == last.1.to)
        }
        Some(i) if i == changes.len() - 1 => (last.1.to.clone(), true),
        // Between two changes: the earlier one's value, unless the later one says it changed
        // from another, an undated change between them (a hand edit, which `plan set` then
        // wrote as `from`): that holds from the day after the earlier change, as a hand edit
        // after the last one does.
        Some(i) => match &changes[i + 1].1.from {
            Some(from) if *from != changes[i].1.to && as_of > changes[i].0 => (from.clone(), false),
            _ => (changes[i].1.to.clone(), true),
        },
        // Before the first recorded change: what it changed from, a value no dated change
        // is behind (held from the start of the plan).
        None => {
            let first = changes[0].1;
            (first.from.clone().unwrap_or_else(|| initial(first)), false)
        }
    }
}

fn collect<'a, T>(
    log: &[&'a LogEntry],
    field: impl Fn(&'a LogEntry) -> Option<&'a Changed<T>>,
) -> Vec<(NaiveDate, &'a Changed<T>)> {
    log.iter()
        .filter_map(|e| field(e).map(|c| (e.date, c)))
        .collect()
}

/// The initiative as it was on `as_of`; `None` when it was added to the plan after that day.
/// The second value says whether its status rests on a dated change (or is `planned`).
pub fn initiative_on(init: &Initiative, as_of: NaiveDate) -> Option<(Initiative, bool)> {
    let mut then = init.clone();
    let dated = turn_back(&mut then, as_of)?;
    Some((then, dated))
}

/// [`initiative_on`] in place: turns `init` back to `as_of`. `None` (and `init` untouched)
/// when it was added after that day; else whether its status rests on a dated change (or is
/// `planned`). An initiative with no dated history is left as it is, without a copy.
pub fn turn_back(init: &mut Initiative, as_of: NaiveDate) -> Option<bool> {
    if init.added.is_some_and(|added| added > as_of) {
        return None;
    }
    if init.log.is_empty() {
        // No recorded change: every value holds from the start of the plan.
        return Some(init.status == Status::Planned);
    }
    // Most initiatives have nothing recorded after `as_of`, in date order: every field holds
    // its current value and the log is kept as it is, so only the status's footing is read
    // (as the full turning back below finds it, without a list per field). The tracks too
    // come out as they are: a parsed initiative never has the cross-cutting track among its
    // `tracks` (it is `cross_cutting`), which the full turning back would move there.
    if nothing_after(&init.log, as_of) {
        let last_status = init.log.iter().rev().find_map(|e| e.status.as_ref());
        return Some(
            init.status == Status::Planned || last_status.is_some_and(|c| c.to == init.status),
        );
    }
    turn_back_in_full(init, as_of)
}

/// Whether `log` records nothing on or after `as_of` and is in date order: [`turn_back`]
/// then leaves the initiative as it is. (On the day of the last change, that change's value
/// holds rather than a hand edit made after it: read in full.)
fn nothing_after(log: &[LogEntry], as_of: NaiveDate) -> bool {
    log.iter().all(|e| e.date < as_of) && log.is_sorted_by_key(|e| e.date)
}

/// [`turn_back`] of an initiative with a log, field by field.
fn turn_back_in_full(init: &mut Initiative, as_of: NaiveDate) -> Option<bool> {
    let log = in_date_order(&init.log);

    let (status, dated) = value_on(
        &collect(&log, |e| e.status.as_ref()),
        &init.status,
        |_| Status::Planned,
        as_of,
    );
    let status_dated = dated || status == Status::Planned;
    let funding = value_on(
        &collect(&log, |e| e.funding.as_ref()),
        &init.funding,
        |_| None,
        as_of,
    )
    .0;
    let period = value_on(
        &collect(&log, |e| e.period.as_ref()),
        &init.period,
        |first| first.to,
        as_of,
    )
    .0;
    let deadline = value_on(
        &collect(&log, |e| e.deadline.as_ref()),
        &init.deadline,
        |_| None,
        as_of,
    )
    .0;
    let track_changes = collect(&log, |e| e.tracks.as_deref());
    let tracks = (!track_changes.is_empty()).then(|| {
        let mut written_tracks: Vec<String> = init.tracks.iter().map(Name::to_string).collect();
        if init.cross_cutting {
            written_tracks.push(CROSS_CUTTING.to_string());
        }
        value_on(
            &track_changes,
            &written_tracks,
            |first| first.to.clone(),
            as_of,
        )
        .0
    });
    let locations = names_on(&log, |e| e.locations.as_deref(), &init.locations, as_of);
    let partners = names_on(&log, LogEntry::partners, &init.partners, as_of);
    let tags = names_on(&log, LogEntry::tags, &init.tags, as_of);
    let depends_on = names_on(&log, LogEntry::depends_on, &init.depends_on, as_of);
    let title_changes = collect(&log, LogEntry::title);
    let title = (!title_changes.is_empty()).then(|| {
        let written = init.title.to_string();
        value_on(&title_changes, &written, |first| first.to.clone(), as_of).0
    });
    let owner_changes = collect(&log, LogEntry::owner);
    let owner = (!owner_changes.is_empty()).then(|| {
        let written = init.owner.as_deref().map(str::to_string);
        value_on(&owner_changes, &written, |_| None, as_of).0
    });
    // Entries of one day keep the order they were written in.
    let mut order: Vec<usize> = (0..init.log.len()).collect();
    order.sort_by_key(|&i| init.log[i].date);
    drop(log);

    init.status = status;
    init.funding = funding;
    init.period = period;
    init.deadline = deadline;
    if let Some(tracks) = tracks {
        init.cross_cutting = tracks.iter().any(|t| t == CROSS_CUTTING);
        init.tracks = tracks
            .into_iter()
            .filter(|t| t != CROSS_CUTTING)
            .map(Name::from)
            .collect();
    }
    for (field, then) in [
        (&mut init.locations, locations),
        (&mut init.partners, partners),
        (&mut init.tags, tags),
        (&mut init.depends_on, depends_on),
    ] {
        if let Some(then) = then {
            *field = then;
        }
    }
    if let Some(title) = title {
        init.title = title.into_boxed_str();
    }
    if let Some(owner) = owner {
        init.owner = owner.map(String::into_boxed_str);
    }
    let in_order = order.windows(2).all(|w| w[0] < w[1]);
    let all_kept = init.log.iter().all(|e| e.date <= as_of);
    if !(in_order && all_kept) {
        let mut entries: Vec<Option<LogEntry>> = std::mem::take(&mut init.log)
            .into_vec()
            .into_iter()
            .map(Some)
            .collect();
        init.log = order
            .into_iter()
            .filter_map(|i| entries[i].take())
            .filter(|e| e.date <= as_of)
            .collect();
    }
    Some(status_dated)
}

/// The names a list field (places, partners, tags, dependencies) held on `as_of`, from its
/// recorded changes and its `current` value; `None` when no change is recorded (it holds its
/// current value). Before the first change: its `from`, or no names when it does not say.
fn names_on<'a>(
    log: &[&'a LogEntry],
    field: impl Fn(&'a LogEntry) -> Option<&'a Changed<Vec<String>>>,
    current: &[Name],
    as_of: NaiveDate,
) -> Option<Box<[Name]>> {
    let changes = collect(log, field);
    if changes.is_empty() {
        return None;
    }
    let written: Vec<String> = current.iter().map(Name::to_string).collect();
    let then = value_on(&changes, &written, |_| Vec::new(), as_of).0;
    Some(then.into_iter().map(Name::from).collect())
}

/// Turns `plan` back to the day `as_of`: every initiative as it was then (see the module
/// docs), without what was added later and without those whose title, period or tracks
/// could not be read ([`crate::model::Unreadable::required`]: only `plan check` judges
/// them), sorted by period then id as loaded. Works in place: no second copy of the plan's
/// initiatives.
pub fn rewind(plan: &mut Plan, as_of: NaiveDate) -> Rewound {
    let mut rewound = Rewound::default();
    let mut moved = false;
    plan.initiatives.retain_mut(|init| {
        if init.unreadable.required {
            return false;
        }
        let period = init.period;
        match turn_back(init, as_of) {
            Some(dated) => {
                if !dated {
                    rewound.undated_status.push(init.id.to_string());
                }
                moved |= init.period != period;
                true
            }
            None => false,
        }
    });
    if moved {
        plan.initiatives
            .sort_unstable_by(|a, b| (a.period, &a.id).cmp(&(b.period, &b.id)));
    }
    rewound
}

/// The status and the period of `init` on `date`, as [`turn_back`] finds them (the file's own
/// values after the last recorded change, from the day after it when they were edited by
/// hand).
pub fn status_and_period_on(init: &Initiative, date: NaiveDate) -> (Status, Period) {
    let log = in_date_order(&init.log);
    let (status, _) = value_on(
        &collect(&log, |e| e.status.as_ref()),
        &init.status,
        |_| Status::Planned,
        date,
    );
    let (period, _) = value_on(
        &collect(&log, |e| e.period.as_ref()),
        &init.period,
        |first| first.to,
        date,
    );
    (status, period)
}

/// The period an initiative had before its first recorded move, if it was moved at all by
/// `as_of`: `(from, to, date)` of each move on or before `as_of`, in date order.
pub fn moves(init: &Initiative, as_of: NaiveDate) -> Vec<(Period, Period, NaiveDate)> {
    let log = in_date_order(&init.log);
    let mut previous: Option<Period> = None;
    let mut out = Vec::new();
    for entry in log {
        let Some(change) = &entry.period else {
            continue;
        };
        let from = change.from.or(previous);
        previous = Some(change.to);
        if entry.date > as_of {
            break;
        }
        if let Some(from) = from {
            if from != change.to {
                out.push((from, change.to, entry.date));
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// An initiative `x` of Q2 on Hygge with `status` and `log`, for the history's tests.
    pub(crate) fn init(status: Status, log: Vec<LogEntry>) -> Initiative {
        Initiative {
            id: "x".into(),
            file: 0,
            title: "X".into(),
            description: None,
            period: Period::Q(2),
            tracks: Box::new(["Hygge".into()]),
            cross_cutting: false,
            locations: Box::default(),
            partners: Box::default(),
            depends_on: Box::default(),
            status,
            deadline: None,
            funding: None,
            owner: None,
            tags: Box::default(),
            follow_up: None,
            log: log.into(),
            added: None,
            spans: Default::default(),
            unreadable: Default::default(),
        }
    }

    pub(crate) fn status_change(date: &str, from: Option<Status>, to: Status) -> LogEntry {
        LogEntry {
            status: Some(Changed { from, to }),
            ..LogEntry::note(d(date), "")
        }
    }

    fn status_change_on(date: NaiveDate, to: Status) -> LogEntry {
        LogEntry {
            status: Some(Changed {
                from: Some(Status::Planned),
                to,
            }),
            ..LogEntry::note(date, "")
        }
    }

    /// An initiative with nothing recorded after the day, in date order, is turned back
    /// without going field by field: the same initiative and the same footing of its status
    /// as going field by field, on a generated plan (the shipped one has no history yet) at
    /// dates across the year, with statuses edited by hand after their last change, track
    /// changes (to and from every track), status changes written out of date order, and
    /// two status changes in date order after the rest (the last one holds).
    #[test]
    fn turning_back_at_once_as_field_by_field() {
        let (mut at_once, mut in_full) = (0, 0);
        for make in crate::assess::plans_to_compare() {
            let mut plan = make();
            for (k, init) in plan.initiatives.iter_mut().enumerate() {
                if init.log.is_empty() {
                    continue;
                }
                match k % 4 {
                    // Edited by hand after its last recorded change.
                    0 => init.status = Status::Done,
                    1 => {
                        let mut tracks: Vec<String> =
                            init.tracks.iter().map(Name::to_string).collect();
                        tracks.push(CROSS_CUTTING.to_string());
                        init.cross_cutting = true;
                        let mut log = init.log.to_vec();
                        log.push(LogEntry {
                            tracks: Some(Box::new(Changed {
                                from: Some(vec!["Hygge".to_string()]),
                                to: tracks,
                            })),
                            ..LogEntry::note(log[0].date, "")
                        });
                        init.log = log.into_boxed_slice();
                    }
                    // A status change written after a later entry.
                    2 => {
                        let mut log = init.log.to_vec();
                        let earlier = log[0].date.pred_opt().expect("a day before");
                        log.push(status_change_on(earlier, Status::Active));
                        init.log = log.into_boxed_slice();
                    }
                    // Two status changes in date order after the rest: the last holds.
                    _ => {
                        let mut log = init.log.to_vec();
                        let last = log.iter().map(|e| e.date).max().expect("a log");
                        log.push(status_change_on(
                            last.succ_opt().expect("a day"),
                            Status::Cancelled,
                        ));
                        log.push(status_change_on(
                            last.succ_opt().and_then(|d| d.succ_opt()).expect("a day"),
                            Status::Postponed,
                        ));
                        init.log = log.into_boxed_slice();
                        init.status = Status::Postponed;
                    }
                }
            }
            for date in [
                "2016-12-01",
                "2017-02-10",
                "2017-05-15",
                "2017-08-01",
                "2018-01-10",
            ] {
                let as_of = d(date);
                for init in &plan.initiatives {
                    if init.log.is_empty() {
                        continue;
                    }
                    let (mut fast, mut full) = (init.clone(), init.clone());
                    let found = turn_back(&mut fast, as_of);
                    let expected = if init.added.is_some_and(|added| added > as_of) {
                        None
                    } else {
                        turn_back_in_full(&mut full, as_of)
                    };
                    assert_eq!(found, expected, "{} on {date}", init.id);
                    assert_eq!(fast, full, "{} on {date}", init.id);
                    if nothing_after(&init.log, as_of) {
                        at_once += 1;
                    } else {
                        in_full += 1;
                    }
                }
            }
        }
        assert!(at_once > 100 && in_full > 100, "{at_once} {in_full}");
    }

    #[test]
    fn the_value_on_a_day_is_the_last_change_on_or_before_it() {
        let i = init(
            Status::Done,
            vec![
                // Out of date order on purpose: the history is read by date.
                status_change("2017-06-15", Some(Status::Active), Status::Done),
                status_change("2017-05-02", Some(Status::Planned), Status::Active),
            ],
        );
        let on = |date| initiative_on(&i, d(date)).unwrap();
        assert_eq!(on("2017-05-01").0.status, Status::Planned);
        assert_eq!(on("2017-05-02").0.status, Status::Active);
        assert_eq!(on("2017-06-14").0.status, Status::Active);
        assert_eq!(on("2017-06-15").0.status, Status::Done);
        assert!(on("2017-05-01").1 && on("2017-06-15").1);
        assert_eq!(on("2017-05-10").0.log.len(), 1);
    }

    #[test]
    fn an_undated_status_holds_from_the_start_and_is_named() {
        let i = init(
            Status::Active,
            vec![LogEntry::note(d("2017-02-01"), "a note")],
        );
        let (then, dated) = initiative_on(&i, d("2017-01-05")).unwrap();
        assert_eq!(then.status, Status::Active);
        assert!(!dated);
        assert!(then.log.is_empty());
        // A hand edit after the last recorded change is seen after it, and is undated.
        let i = init(
            Status::Done,
            vec![status_change("2017-05-02", None, Status::Active)],
        );
        assert_eq!(
            initiative_on(&i, d("2017-05-01")).unwrap().0.status,
            Status::Planned
        );
        let (then, dated) = initiative_on(&i, d("2017-07-01")).unwrap();
        assert_eq!((then.status, dated), (Status::Done, false));
    }

    #[test]
    fn added_later_is_not_in_the_plan_and_moves_keep_where_they_came_from() {
        let mut i = init(Status::Planned, vec![]);
        i.added = Some(d("2017-04-10"));
        assert!(initiative_on(&i, d("2017-04-09")).is_none());
        assert!(initiative_on(&i, d("2017-04-10")).is_some());
        i.period = Period::Q(3);
        i.log = Box::new([LogEntry {
            period: Some(Changed {
                from: Some(Period::Q(1)),
                to: Period::Q(3),
            }),
            ..LogEntry::note(d("2017-04-03"), "")
        }]);
        assert_eq!(
            initiative_on(&i, d("2017-04-10")).unwrap().0.period,
            Period::Q(3)
        );
        i.added = None;
        assert_eq!(
            initiative_on(&i, d("2017-03-31")).unwrap().0.period,
            Period::Q(1)
        );
        assert_eq!(
            moves(&i, d("2017-12-31")),
            vec![(Period::Q(1), Period::Q(3), d("2017-04-03"))]
        );
        assert!(moves(&i, d("2017-04-02")).is_empty());
    }
}
