//! The quarterly memo as plain data: what `plan report` writes, in every format. The
//! judgements come from [`super::judge`] (through [`super::summary`]); the fixed text from
//! [`crate::i18n`]. No formatting here beyond the summary sentences, which every format shares.
//!
//! Plan text is cleaned here (`clean_line`: no control characters, one line), so that no
//! format can pass an escape sequence on; each renderer still escapes for its own syntax.

use chrono::NaiveDate;
use serde::Serialize;

use super::history;
use super::judge::{Judgement, Reason};
use super::summary::{summarize_with, track_rows_through, PeriodRow, PlanHeader, Totals};
use crate::cli::Lang;
use crate::error::Failure;
use crate::i18n::words;
use crate::model::{Initiative, Name, Period, Plan, Status};
use crate::text::{clean_line, clean_line_cow};

use std::borrow::Cow;

mod sections;
use sections::{events, explain, make_item, sentences};

/// The memo of one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub plan: PlanHeader,
    /// `"da"` or `"en"`.
    pub lang: &'static str,
    #[serde(skip)]
    pub language: Lang,
    /// `"Q1"`..`"Q4"`.
    pub quarter: Period,
    pub as_of: NaiveDate,
    /// The summary: two to four sentences in the report's language.
    pub summary: Vec<String>,
    /// Counts of the quarter's own initiatives (`initiatives` below).
    pub totals: QuarterTotals,
    /// The quarter's initiatives that are not cross-cutting.
    pub initiatives: Vec<Item<'a>>,
    /// Whole-year initiatives, and the quarter's cross-cutting ones.
    pub ongoing: Vec<Item<'a>>,
    /// Track coverage through the end of the quarter, against the minimum.
    pub tracks: Vec<TrackCoverage>,
    pub cross_cutting_counts: bool,
    /// Everything in the plan that is late, blocked or at risk at the as-of date.
    pub attention: Vec<AttentionItem<'a>>,
    pub next: Next<'a>,
    /// The whole year by period (`year`, `Q1`..`Q4`): the timeline of the HTML report.
    pub timeline: Vec<PeriodRow>,
    /// The quarter had ended by the as-of date (the memo describes it at its close).
    pub closed: bool,
    /// What changed since the previous quarter's close (for Q1: since the year began), read
    /// from the history, in date order.
    pub since_last_quarter: Vec<Event>,
    /// Initiative files with errors (as shown, in path order): the memo may leave them out
    /// or show them incomplete.
    pub left_out: Vec<String>,
    /// Sub-folders of the plan folder with a `plan.toml` of their own (as shown): plans of
    /// their own, not in the memo.
    pub nested_plans: Vec<String>,
    /// Ids of the memo's initiatives (the quarter's and the whole-year ones) whose status
    /// rests on no dated change: it is taken to hold from the start of the plan.
    pub undated: Vec<String>,
}

/// What the memo is told besides the plan: the files it may leave out and the undated values
/// found when the plan was turned back to the as-of date.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub left_out: Vec<String>,
    /// The sub-folders left out as plans of their own (`nested-plan`), as shown.
    pub nested_plans: Vec<String>,
    pub undated: Vec<String>,
    /// The reasons for attention are not put in words ([`AttentionItem::explained`] left
    /// empty): for the JSON memo, which gives them as data.
    pub reasons_only: bool,
}

/// One change read from the history, for "Siden sidste kvartal".
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Event {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub id: String,
    pub title: String,
    /// For `moved`: the period it was moved to.
    pub to: Option<Period>,
}

/// The kinds of change "Siden sidste kvartal" tells, in the order it tells them.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    New,
    Started,
    /// Done, cancelled or postponed work taken up again (planned or active once more).
    Reopened,
    /// Work started and put back to planned.
    BackToPlanned,
    Done,
    Postponed,
    Moved,
    Cancelled,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct QuarterTotals {
    /// The quarter's initiatives by status and judgement, cross-cutting ones included:
    /// `planned + active + done + postponed + cancelled + brought_forward = initiatives`,
    /// and `late`, `blocked`, `at_risk` are "of which". An initiative moved out of the
    /// quarter to a later period is counted as `postponed`, one moved to an earlier quarter
    /// as `brought_forward` (both are listed as moved).
    #[serde(flatten)]
    pub counts: Totals,
    /// The quarter's initiatives moved to an earlier quarter (work brought forward, not put
    /// off): in `counts.initiatives`, in none of its statuses.
    pub brought_forward: usize,
    /// Whole-year initiatives (not part of the counts above).
    pub whole_year: usize,
    /// Tracks whose count through the quarter reaches the minimum.
    pub tracks_met: usize,
    /// Tracks whose done initiatives alone reach the minimum.
    pub tracks_met_done: usize,
    pub tracks: usize,
    /// Of the quarter's initiatives, those neither done, cancelled nor postponed (or moved)
    /// by its last day; 0 until the quarter has ended.
    pub not_reached: usize,
    /// At the close of Q4: whole-year initiatives neither done, cancelled nor postponed.
    pub whole_year_not_reached: usize,
}

/// One initiative as the memo shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Item<'a> {
    pub id: Cow<'a, str>,
    /// Cleaned for one line ([`crate::text::clean_line`]); borrowed from the plan when
    /// there was nothing to clean (a memo of a large plan has many items).
    pub title: Cow<'a, str>,
    pub period: Period,
    /// Track names, cleaned for one line; borrowed from the plan when there was nothing to
    /// clean (a memo of a large plan has many items).
    pub tracks: Cow<'a, [Name]>,
    pub cross_cutting: bool,
    pub locations: Cow<'a, [Name]>,
    pub status: Status,
    pub late: bool,
    pub blocked: bool,
    pub at_risk: bool,
    /// The newest log note dated on or before the as-of date.
    pub latest_note: Option<Note<'a>>,
    /// The quarter has ended and this initiative of it was neither done, cancelled nor
    /// postponed by its last day.
    pub not_reached: bool,
    /// Moved out of the memo's quarter: the period it was moved to.
    pub moved_to: Option<Period>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Note<'a> {
    pub date: NaiveDate,
    pub text: Cow<'a, str>,
}

impl Item<'_> {
    /// The item with its own copies of the texts it borrowed from its plan (a network's
    /// memo keeps items of plans it lets go).
    pub fn into_owned(self) -> Item<'static> {
        Item {
            id: Cow::Owned(self.id.into_owned()),
            title: Cow::Owned(self.title.into_owned()),
            tracks: Cow::Owned(self.tracks.into_owned()),
            locations: Cow::Owned(self.locations.into_owned()),
            latest_note: self.latest_note.map(|n| Note {
                date: n.date,
                text: Cow::Owned(n.text.into_owned()),
            }),
            ..self
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TrackCoverage {
    pub name: String,
    /// Initiatives scheduled through the end of the quarter (whole-year ones included).
    pub to_date: usize,
    /// How many of `to_date` are done.
    pub done: usize,
    /// Initiatives scheduled in the whole year (not cancelled).
    pub year: usize,
    pub minimum: usize,
    /// The year's plan meets the minimum: `year >= minimum` (progress is `to_date`, `done`).
    pub met: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AttentionItem<'a> {
    /// Borrowed from the plan, as every item's.
    pub id: Cow<'a, str>,
    /// Cleaned for one line; borrowed from the plan when there was nothing to clean.
    pub title: Cow<'a, str>,
    pub period: Period,
    pub status: Status,
    pub reasons: Vec<Reason>,
    /// The reasons in the report's language (dependencies named by title); empty when the
    /// memo was built with [`Context::reasons_only`].
    #[serde(skip)]
    pub explained: Vec<String>,
}

/// The preview: the next quarter's initiatives, or after Q4 the follow-ups the plan names.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Next<'a> {
    /// The next quarter, or `null` after Q4.
    pub period: Option<Period>,
    pub initiatives: Vec<Item<'a>>,
    /// After Q4: initiatives with a `follow_up`.
    pub follow_ups: Vec<FollowUp>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FollowUp {
    pub id: String,
    pub title: String,
    pub follow_up: String,
}

/// Reads a quarter argument: `Q1`..`Q4` in any case, or `1`..`4`.
pub fn parse_quarter(text: &str) -> Result<u8, Failure> {
    match crate::i18n::period_from_user(text) {
        Some(Period::Q(q)) => Ok(q),
        _ => Err(Failure::usage(format!(
            "`{}` is not a quarter: use Q1, Q2, Q3 or Q4",
            text
        ))),
    }
}

/// The as-of date of a report: the end of the quarter when it is already past (a memo of an
/// ended quarter describes it at its close, whatever day it is written), else `today`.
pub fn default_as_of(year: i32, quarter: u8, today: NaiveDate) -> NaiveDate {
    Period::Q(quarter).end(year).min(today)
}

/// Builds the memo of `quarter` (1..=4) as of `as_of`, in `lang`, from `plan` as it was on
/// `as_of` (see [`super::history::rewind`]).
pub fn build(plan: &Plan, quarter: u8, as_of: NaiveDate, lang: Lang) -> Report<'_> {
    build_with(plan, quarter, as_of, lang, Context::default())
}

/// [`build`], told which files it may leave out and which statuses are undated.
pub fn build_with(
    plan: &Plan,
    quarter: u8,
    as_of: NaiveDate,
    lang: Lang,
    context: Context,
) -> Report<'_> {
    let side_by_side = plan.initiatives.len() >= crate::load::parallel::SIDE_BY_SIDE_FROM;
    build_on(plan, quarter, as_of, lang, context, side_by_side)
}

/// [`build_with`], the counts by track (through the year and through the quarter) made
/// beside the judging pass that makes the summary and the quarter's items, or after it;
/// the attention items put in words in two halves side by side, or in one.
fn build_on<'a>(
    plan: &'a Plan,
    quarter: u8,
    as_of: NaiveDate,
    lang: Lang,
    context: Context,
    side_by_side: bool,
) -> Report<'a> {
    let w = words(lang);
    let period = Period::Q(quarter);
    let year = plan.manifest.plan.year;
    let closed = as_of >= period.end(year);
    // Each initiative is judged once, for the whole plan's summary and for the quarter's
    // items as well: the items are made as the summary's pass hands each one over, and the
    // tracks through the quarter are counted beside it (a large plan on a second core).
    let by_id = plan.by_id();
    let mut totals = QuarterTotals::default();
    let mut initiatives = Vec::new();
    let mut ongoing = Vec::new();
    let mut next_initiatives = Vec::new();
    let each = |init: &'a Initiative, judgement: &Judgement| {
        // Moved out of this quarter to another quarter: still the quarter's, listed as moved,
        // when the plan had it here (its period before its first move) or it was here when
        // the quarter began. Work moved here and away again before the quarter began is not
        // the quarter's; work moved to the whole year runs through it as whole-year work.
        // (The quarter began the day before its first: a move on its first day is its own.)
        let began = period.start(year).pred_opt().unwrap_or(period.start(year));
        let moved_out = init.period != period
            && init.period != Period::Year
            && init.log.iter().any(|e| e.period.is_some())
            && history::moves(init, as_of)
                .first()
                .is_some_and(|(original, _, _)| {
                    *original == period || history::status_and_period_on(init, began).1 == period
                });
        if init.period == period || moved_out {
            let mut shown = make_item(init, judgement, as_of);
            if moved_out {
                if matches!((init.period, period), (Period::Q(to), Period::Q(from)) if to < from) {
                    totals.counts.initiatives += 1;
                    totals.brought_forward += 1;
                } else {
                    totals.counts.add(Status::Postponed, &Judgement::default());
                }
                shown.moved_to = Some(init.period);
                // Judged in the quarter it moved to (its memo says late or blocked), not in
                // this one, whose numbers leave it out of "of which": the row agrees.
                shown.late = false;
                shown.blocked = false;
                shown.at_risk = false;
            } else {
                totals.counts.add(init.status, judgement);
                if closed && matches!(init.status, Status::Planned | Status::Active) {
                    shown.not_reached = true;
                    totals.not_reached += 1;
                }
            }
            if init.cross_cutting {
                ongoing.push(shown);
            } else {
                initiatives.push(shown);
            }
            // Moved on to the next quarter: part of its plan too, and of the preview.
            if moved_out && init.period == Period::Q(quarter + 1) {
                next_initiatives.push(make_item(init, judgement, as_of));
            }
            return;
        }
        if init.period == Period::Year {
            totals.whole_year += 1;
            let mut shown = make_item(init, judgement, as_of);
            // The close of Q4 is the close of the year: whole-year work not done by then was
            // not reached either.
            if closed && quarter == 4 && matches!(init.status, Status::Planned | Status::Active) {
                shown.not_reached = true;
                totals.whole_year_not_reached += 1;
            }
            ongoing.push(shown);
        } else if init.period == Period::Q(quarter + 1) {
            next_initiatives.push(make_item(init, judgement, as_of));
        }
    };
    // The tracks through the quarter are counted beside the summary, which counts them
    // through the year.
    let (summary, to_date) = summarize_with(
        plan,
        as_of,
        &by_id,
        side_by_side,
        || track_rows_through(plan, quarter),
        each,
    );

    let year_counts = summary.tracks;
    let tracks: Vec<TrackCoverage> = to_date
        .into_iter()
        .map(|row| {
            let year = year_counts
                .iter()
                .find(|y| y.name == row.name)
                .map_or(row.count, |y| y.count);
            TrackCoverage {
                year,
                name: clean_line(&row.name),
                to_date: row.count,
                done: row.done,
                minimum: row.minimum,
                met: year >= row.minimum,
            }
        })
        .collect();
    totals.tracks = tracks.len();
    totals.tracks_met = tracks.iter().filter(|t| t.met).count();
    totals.tracks_met_done = tracks.iter().filter(|t| t.done >= t.minimum).count();

    // Each blocking dependency's title is looked up in `by_id`: by id, not by scanning the
    // plan.
    let mut attention_in = summary.attention;
    // Where each initiative already needing attention is, by id: looked up for every one not
    // reached (a scan of the list for each was quadratic at a large plan's close).
    let mut attention_at = attention_in
        .iter()
        .enumerate()
        .map(|(at, a)| (a.id.clone(), at))
        .collect::<rustc_hash::FxHashMap<Cow<'_, str>, usize>>();
    // At the close, what the quarter did not reach needs attention (it is late from the next
    // day): said first, in the quarter's order.
    for item in initiatives.iter().chain(&ongoing).filter(|i| i.not_reached) {
        let reason = Reason::NotReached {
            period: if item.period == Period::Year {
                Period::Year
            } else {
                period
            },
        };
        match attention_at.get(item.id.as_ref()) {
            Some(&at) => attention_in[at].reasons.insert(0, reason),
            None => {
                attention_at.insert(item.id.clone(), attention_in.len());
                attention_in.push(super::summary::Attention {
                    id: item.id.clone(),
                    title: item.title.clone(),
                    period: item.period,
                    status: item.status,
                    reasons: vec![reason],
                });
            }
        }
    }
    drop(attention_at);
    attention_in.sort_by(|a, b| (a.period, &a.id).cmp(&(b.period, &b.id)));
    // Each item explained in words: a large plan's list in two halves, side by side.
    let item = |a: super::summary::Attention<'a>| -> AttentionItem<'a> {
        AttentionItem {
            explained: if context.reasons_only {
                Vec::new()
            } else {
                a.reasons
                    .iter()
                    .map(|r| explain(w, plan, &by_id, r))
                    .collect()
            },
            id: a.id,
            // The title kept when there is nothing to clean (a large plan's memo has many).
            title: match a.title {
                Cow::Borrowed(title) => clean_line_cow(title),
                Cow::Owned(title) => Cow::Owned(clean_line(&title)),
            },
            period: a.period,
            status: a.status,
            reasons: a.reasons,
        }
    };
    let later = if side_by_side {
        attention_in.split_off(attention_in.len() / 2)
    } else {
        Vec::new()
    };
    let item = &item;
    let (later, mut attention) = crate::load::parallel::both(
        side_by_side,
        || later.into_iter().map(item).collect::<Vec<_>>(),
        || attention_in.into_iter().map(item).collect::<Vec<_>>(),
    );
    attention.extend(later);

    let next = if quarter < 4 {
        Next {
            period: Some(Period::Q(quarter + 1)),
            initiatives: next_initiatives,
            follow_ups: Vec::new(),
        }
    } else {
        Next {
            period: None,
            initiatives: Vec::new(),
            follow_ups: plan
                .initiatives
                .iter()
                .filter(|i| i.status != Status::Cancelled)
                .filter_map(|i| {
                    let text = clean_line(i.follow_up.as_deref()?);
                    (!text.trim().is_empty()).then(|| FollowUp {
                        id: i.id.to_string(),
                        title: clean_line(&i.title),
                        follow_up: text,
                    })
                })
                .collect(),
        }
    };

    let since = if quarter == 1 {
        Period::Year
            .start(year)
            .pred_opt()
            .unwrap_or(Period::Year.start(year))
    } else {
        Period::Q(quarter - 1).end(year)
    };
    let since_last_quarter = events(plan, since, as_of);
    let in_quarter: rustc_hash::FxHashSet<&str> = initiatives
        .iter()
        .chain(&ongoing)
        .map(|item| item.id.as_ref())
        .collect();
    let undated: Vec<String> = context
        .undated
        .into_iter()
        .filter(|id| in_quarter.contains(id.as_str()))
        .collect();
    drop(in_quarter);

    let minimum = plan.manifest.rules.min_per_track as usize;
    let mut sentences = sentences(
        w,
        period,
        year,
        &totals,
        &tracks,
        minimum,
        attention.len(),
        closed,
    );
    // An undated status is either one no dated change is behind (held from the year's
    // start) or one edited in the file after its last dated change (held from the day
    // after it): each said as it is counted.
    let edited = undated
        .iter()
        .filter(|id| {
            by_id
                .get(id.as_str())
                .is_some_and(|init| init.log.iter().any(|e| e.status.is_some()))
        })
        .count();
    if undated.len() > edited {
        sentences.push((w.sentence_undated)(
            w.count(w.n_statuses, undated.len() - edited),
        ));
    }
    if edited > 0 {
        sentences.push((w.sentence_undated_edit)(w.count(w.n_statuses, edited)));
    }
    let nested_plans: Vec<String> = context.nested_plans.iter().map(|f| clean_line(f)).collect();
    if !nested_plans.is_empty() {
        sentences.push((w.sentence_nested_plans)(
            nested_plans.len(),
            &nested_plans.join(", "),
        ));
    }
    if !context.left_out.is_empty() {
        let files: Vec<String> = context.left_out.iter().map(|f| clean_line(f)).collect();
        sentences.push((w.sentence_left_out)(
            w.count(w.n_files, files.len()),
            &files.join(", "),
        ));
    }
    Report {
        plan: PlanHeader {
            title: clean_line(&summary.plan.title),
            year,
        },
        lang: match lang {
            Lang::Da => "da",
            Lang::En => "en",
        },
        language: lang,
        quarter: period,
        as_of,
        summary: sentences,
        totals,
        initiatives,
        ongoing,
        tracks,
        cross_cutting_counts: summary.cross_cutting_counts,
        attention,
        next,
        timeline: summary.periods,
        closed,
        since_last_quarter,
        left_out: context.left_out.iter().map(|f| clean_line(f)).collect(),
        nested_plans,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Side by side (the track counts beside the judging pass, the attention items in two
    /// halves) or one after the other, the memo is the same: on the shipped plan and on a
    /// generated one with moves, status changes and follow-ups, for every quarter at dates
    /// before, in and after it.
    #[test]
    fn summary_and_items_side_by_side_as_one_after_the_other() {
        for make in crate::assess::plans_to_compare() {
            for date in [
                "2017-02-01",
                "2017-05-15",
                "2017-06-30",
                "2017-09-30",
                "2018-01-10",
            ] {
                let as_of = d(date);
                let mut plan = make();
                let rewound = crate::assess::history::rewind(&mut plan, as_of);
                for quarter in 1..=4 {
                    let memo = |side_by_side, reasons_only| {
                        let context = Context {
                            left_out: vec!["q2/brudt.toml".into()],
                            nested_plans: vec!["q3".into()],
                            undated: rewound.undated_status.clone(),
                            reasons_only,
                        };
                        build_on(&plan, quarter, as_of, Lang::Da, context, side_by_side)
                    };
                    let json = |side_by_side, reasons_only| {
                        serde_json::to_string(&memo(side_by_side, reasons_only)).expect("json")
                    };
                    let together = json(true, false);
                    assert_eq!(together, json(false, false), "Q{quarter} {date}");
                    // The JSON memo, built without the reasons in words, is the same.
                    assert_eq!(together, json(true, true), "Q{quarter} {date}");
                    let worded = memo(true, false);
                    assert!(!worded.attention.is_empty(), "Q{quarter} {date}");
                    // In period and id order, each reason in words as `explain` says it.
                    assert!(worded
                        .attention
                        .windows(2)
                        .all(|p| (p[0].period, &p[0].id) < (p[1].period, &p[1].id)));
                    let by_id = plan.by_id();
                    for a in &worded.attention {
                        let again: Vec<String> = a
                            .reasons
                            .iter()
                            .map(|r| sections::explain(words(Lang::Da), &plan, &by_id, r))
                            .collect();
                        assert_eq!(a.explained, again, "Q{quarter} {date} {}", a.id);
                    }
                    assert!(worded
                        .attention
                        .iter()
                        .all(|a| a.explained.len() == a.reasons.len()));
                    assert!(memo(true, true)
                        .attention
                        .iter()
                        .all(|a| a.explained.is_empty()));
                    assert!(together.contains("\"initiatives\":[{"), "{together}");
                }
            }
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn quarters_in_any_case_or_as_numbers() {
        for (text, q) in [("Q1", 1), ("q2", 2), ("3", 3), (" Q4 ", 4)] {
            assert_eq!(parse_quarter(text), Ok(q), "{text}");
        }
        for bad in ["Q0", "Q5", "5", "year", "", "QQ1", "Q2x", "K2"] {
            let err = parse_quarter(bad).unwrap_err();
            assert_eq!(err.code, crate::error::EXIT_USAGE, "{bad}");
        }
    }

    #[test]
    fn as_of_is_the_quarter_end_when_past() {
        let today = d("2017-08-10");
        assert_eq!(default_as_of(2017, 2, today), d("2017-06-30"));
        // The quarter of today, and a quarter still to come: today.
        assert_eq!(default_as_of(2017, 3, today), today);
        assert_eq!(default_as_of(2017, 4, today), today);
        // The last day of the quarter is not past yet.
        assert_eq!(default_as_of(2017, 2, d("2017-06-30")), d("2017-06-30"));
        // A year later, an ended quarter is still described at its close.
        assert_eq!(default_as_of(2017, 1, d("2018-06-01")), d("2017-03-31"));
    }
}
