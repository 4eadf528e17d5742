//! Where the plan stands at an as-of date, as plain data: the numbers `plan status` shows and
//! `plan report` writes from. No formatting here.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use super::judge::{judge_with, CurrentPeriod, Judgement, Reason};
use crate::check::{location_counts, track_counts_through};
use crate::model::{ById, Initiative, Period, Plan, Status};

#[derive(Debug, Clone, Serialize)]
pub struct PlanHeader {
    pub title: String,
    pub year: i32,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Totals {
    pub initiatives: usize,
    pub planned: usize,
    pub active: usize,
    pub done: usize,
    pub postponed: usize,
    pub cancelled: usize,
    pub late: usize,
    pub blocked: usize,
    pub at_risk: usize,
}

impl Totals {
    /// Counts one initiative in.
    pub fn add(&mut self, status: Status, judgement: &Judgement) {
        self.initiatives += 1;
        match status {
            Status::Planned => self.planned += 1,
            Status::Active => self.active += 1,
            Status::Done => self.done += 1,
            Status::Postponed => self.postponed += 1,
            Status::Cancelled => self.cancelled += 1,
        }
        self.late += usize::from(judgement.late());
        self.blocked += usize::from(judgement.blocked());
        self.at_risk += usize::from(judgement.at_risk);
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodRow {
    pub period: Period,
    pub total: usize,
    pub done: usize,
    pub active: usize,
    pub planned: usize,
    pub postponed: usize,
    pub cancelled: usize,
    pub late: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TrackRow {
    pub name: String,
    /// Initiatives counting toward the minimum (cancelled ones excluded; cross-cutting ones
    /// only with `cross_cutting_counts`).
    pub count: usize,
    pub minimum: usize,
    pub met: bool,
    /// How many of `count` are done.
    pub done: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LocationRow {
    pub name: String,
    pub count: usize,
    pub minimum: Option<usize>,
}

/// An initiative that needs attention, and why. Its id and title are borrowed from the
/// plan (a large plan has tens of thousands of these); the memo's own additions may hold a
/// title it cleaned.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Attention<'a> {
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub period: Period,
    pub status: Status,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary<'a> {
    pub plan: PlanHeader,
    pub as_of: NaiveDate,
    /// `"Q1"`..`"Q4"`, `"not-started"` or `"over"`.
    pub current_period: &'static str,
    #[serde(skip)]
    pub current: CurrentPeriod,
    pub totals: Totals,
    pub periods: Vec<PeriodRow>,
    pub tracks: Vec<TrackRow>,
    /// Cross-cutting ("Alle spor") initiatives, not cancelled.
    pub cross_cutting: usize,
    pub cross_cutting_counts: bool,
    pub locations: Vec<LocationRow>,
    pub attention: Vec<Attention<'a>>,
}

/// Every initiative judged as of `as_of`, one at a time, its dependencies looked up in
/// `by_id` ([`Plan::by_id`]): the totals, the rows by period (in [`Period::ALL`]'s order)
/// and, in plan order, those that need attention. Each initiative and its judgement is also
/// handed to `each`, in plan order.
fn judged<'a>(
    plan: &'a Plan,
    as_of: NaiveDate,
    by_id: &ById<'a>,
    mut each: impl FnMut(&'a Initiative, &Judgement),
) -> (Totals, Vec<PeriodRow>, Vec<Attention<'a>>) {
    let year = plan.manifest.plan.year;
    let mut totals = Totals::default();
    let mut by_period: Vec<(Period, Totals)> = Period::ALL
        .iter()
        .map(|&p| (p, Totals::default()))
        .collect();
    let mut attention = Vec::new();
    for init in &plan.initiatives {
        let judgement = &judge_with(by_id, year, init, as_of);
        each(init, judgement);
        totals.add(init.status, judgement);
        if let Some((_, counts)) = by_period.iter_mut().find(|(p, _)| *p == init.period) {
            counts.add(init.status, judgement);
        }
        if judgement.needs_attention() {
            attention.push(Attention {
                id: Cow::Borrowed(&init.id),
                title: Cow::Borrowed(&init.title),
                period: init.period,
                status: init.status,
                reasons: judgement.reasons(),
            });
        }
    }
    let periods = by_period
        .into_iter()
        .map(|(period, t)| PeriodRow {
            period,
            total: t.initiatives,
            done: t.done,
            active: t.active,
            planned: t.planned,
            postponed: t.postponed,
            cancelled: t.cancelled,
            late: t.late,
        })
        .collect();
    (totals, periods, attention)
}

/// Computes the summary of `plan` as of `as_of`.
pub fn summarize(plan: &Plan, as_of: NaiveDate) -> Summary<'_> {
    summarize_on(
        plan,
        as_of,
        plan.initiatives.len() >= crate::load::parallel::SIDE_BY_SIDE_FROM,
    )
}

/// [`summarize`], judging and counting side by side or one after the other.
fn summarize_on(plan: &Plan, as_of: NaiveDate, side_by_side: bool) -> Summary<'_> {
    summarize_with(plan, as_of, &plan.by_id(), side_by_side, || (), |_, _| {}).0
}

/// [`summarize`] for a caller that needs more of the same pass (the memo): each initiative
/// and its judgement is handed to `each`, in plan order, as it is judged (so that nothing is
/// judged twice), and `beside()` is run with the counts by track and place, beside the
/// judging when `side_by_side`. `by_id` is the plan's [`Plan::by_id`].
/// Returns the summary and what `beside()` returned.
pub(crate) fn summarize_with<'a, X: Send>(
    plan: &'a Plan,
    as_of: NaiveDate,
    by_id: &ById<'a>,
    side_by_side: bool,
    beside: impl FnOnce() -> X + Send,
    each: impl FnMut(&'a Initiative, &Judgement),
) -> (Summary<'a>, X) {
    let info = &plan.manifest.plan;
    let rules = &plan.manifest.rules;
    let current = CurrentPeriod::of(info.year, as_of);
    // The judgements and the counts by track and place need nothing of each other: a large
    // plan has them made side by side.
    let judged = || judged(plan, as_of, by_id, each);
    let counted = || {
        // The whole year: every quarter up to the fourth.
        let tracks = track_rows_through(plan, 4);
        let locations: Vec<LocationRow> = location_counts(plan)
            .into_iter()
            .map(|(name, count)| LocationRow {
                name,
                count,
                minimum: rules.min_per_location.map(|m| m as usize),
            })
            .collect();
        let cross_cutting = plan
            .initiatives
            .iter()
            .filter(|i| i.cross_cutting && i.status != Status::Cancelled)
            .count();
        (tracks, locations, cross_cutting, beside())
    };
    let ((tracks, locations, cross_cutting, besides), (totals, periods, attention)) =
        crate::load::parallel::both(side_by_side, counted, judged);

    let summary = Summary {
        plan: PlanHeader {
            title: info.title.clone(),
            year: info.year,
        },
        as_of,
        current_period: current.key(),
        current,
        totals,
        periods,
        tracks,
        cross_cutting,
        cross_cutting_counts: rules.cross_cutting_counts,
        locations,
        attention,
    };
    (summary, besides)
}

/// Each track's coverage by the initiatives scheduled up to the end of quarter `last`
/// (the whole-year ones and those of quarters 1..=`last`), counted as for the minimum:
/// cancelled ones excluded, cross-cutting ones only with `cross_cutting_counts`.
pub fn track_rows_through(plan: &Plan, last: u8) -> Vec<TrackRow> {
    let minimum = plan.manifest.rules.min_per_track as usize;
    plan.manifest
        .catalogue
        .tracks
        .iter()
        .zip(track_counts_through(plan, last))
        .map(|(track, (count, done))| TrackRow {
            name: track.name.clone(),
            count,
            minimum,
            met: count >= minimum,
            done,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Side by side or one after the other, the summary is the same: on the shipped plan and
    /// on a generated one with every status, period and kind of track, at dates across the
    /// year (its initiatives turned back to each date, as `plan status` does).
    #[test]
    fn judged_and_counted_side_by_side_as_one_after_the_other() {
        for make in crate::assess::plans_to_compare() {
            for date in ["2017-02-01", "2017-05-15", "2017-09-30", "2018-01-10"] {
                let as_of = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
                let mut plan = make();
                crate::assess::history::rewind(&mut plan, as_of);
                let json = |side_by_side| {
                    serde_json::to_string(&summarize_on(&plan, as_of, side_by_side)).expect("json")
                };
                let together = json(true);
                assert_eq!(together, json(false), "{date}");
                assert!(together.contains("\"attention\":[{"), "{together}");
            }
        }
    }
}
