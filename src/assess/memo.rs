//! The quarterly memo as plain data: what `plan report` writes, in every format. The
//! judgements come from [`super::judge`] (through [`super::summary`]); the fixed text from
//! [`crate::i18n`]. No formatting here beyond the summary sentences, which every format shares.
//!
//! Plan text is cleaned here (`clean_line`: no control characters, one line), so that no
//! format can pass an escape sequence on; each renderer still escapes for its own syntax.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::judge::{judge_all, Judgement, Reason};
use super::summary::{summarize, track_rows_through, PeriodRow, PlanHeader, Totals};
use crate::cli::Lang;
use crate::error::Failure;
use crate::i18n::{words, QuarterSentence, TracksSentence, Words};
use crate::model::{Initiative, Period, Plan, Status};
use crate::text::clean_line;

/// The memo of one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
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
    pub initiatives: Vec<Item>,
    /// Whole-year initiatives, and the quarter's cross-cutting ones.
    pub ongoing: Vec<Item>,
    /// Track coverage through the end of the quarter, against the minimum.
    pub tracks: Vec<TrackCoverage>,
    pub cross_cutting_counts: bool,
    /// Everything in the plan that is late, blocked or at risk at the as-of date.
    pub attention: Vec<AttentionItem>,
    pub next: Next,
    /// The whole year by period (`year`, `Q1`..`Q4`): the timeline of the HTML report.
    pub timeline: Vec<PeriodRow>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct QuarterTotals {
    /// The quarter's initiatives by status and judgement, cross-cutting ones included.
    #[serde(flatten)]
    pub counts: Totals,
    /// Whole-year initiatives (not part of the counts above).
    pub whole_year: usize,
    /// Tracks whose count through the quarter reaches the minimum.
    pub tracks_met: usize,
    /// Tracks whose done initiatives alone reach the minimum.
    pub tracks_met_done: usize,
    pub tracks: usize,
}

/// One initiative as the memo shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub period: Period,
    pub tracks: Vec<String>,
    pub cross_cutting: bool,
    pub locations: Vec<String>,
    pub status: Status,
    pub late: bool,
    pub blocked: bool,
    pub at_risk: bool,
    /// The newest log note dated on or before the as-of date.
    pub latest_note: Option<Note>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Note {
    pub date: NaiveDate,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TrackCoverage {
    pub name: String,
    /// Initiatives scheduled through the end of the quarter (whole-year ones included).
    pub to_date: usize,
    /// How many of `to_date` are done.
    pub done: usize,
    /// Initiatives scheduled in the whole year.
    pub year: usize,
    pub minimum: usize,
    /// `to_date >= minimum`.
    pub met: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AttentionItem {
    pub id: String,
    pub title: String,
    pub period: Period,
    pub status: Status,
    pub reasons: Vec<Reason>,
    /// The reasons in the report's language (dependencies named by title).
    #[serde(skip)]
    pub explained: Vec<String>,
}

/// The preview: the next quarter's initiatives, or after Q4 the follow-ups the plan names.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Next {
    /// The next quarter, or `null` after Q4.
    pub period: Option<Period>,
    pub initiatives: Vec<Item>,
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
            clean_line(text)
        ))),
    }
}

/// The as-of date of a report: an explicit date wins; else the end of the quarter when it is
/// already past, else today.
pub fn default_as_of(year: i32, quarter: u8, today: NaiveDate, explicit: bool) -> NaiveDate {
    let end = Period::Q(quarter).end(year);
    if !explicit && end < today {
        end
    } else {
        today
    }
}

/// Builds the memo of `quarter` (1..=4) as of `as_of`, in `lang`.
pub fn build(plan: &Plan, quarter: u8, as_of: NaiveDate, lang: Lang) -> Report {
    let w = words(lang);
    let period = Period::Q(quarter);
    let summary = summarize(plan, as_of);
    let judged = judge_all(plan, as_of);
    let item = |init: &Initiative, judgement: &Judgement| make_item(init, judgement, as_of);

    let mut totals = QuarterTotals::default();
    let mut initiatives = Vec::new();
    let mut ongoing = Vec::new();
    let mut next_initiatives = Vec::new();
    for (init, judgement) in &judged {
        if init.period == period {
            totals.counts.add(init.status, judgement);
        }
        if init.period == Period::Year {
            totals.whole_year += 1;
        }
        if init.period == Period::Year || (init.period == period && init.cross_cutting) {
            ongoing.push(item(init, judgement));
        } else if init.period == period {
            initiatives.push(item(init, judgement));
        } else if init.period == Period::Q(quarter + 1) {
            next_initiatives.push(item(init, judgement));
        }
    }

    let year_counts = summary.tracks;
    let tracks: Vec<TrackCoverage> = track_rows_through(plan, quarter)
        .into_iter()
        .map(|row| TrackCoverage {
            year: year_counts
                .iter()
                .find(|y| y.name == row.name)
                .map_or(row.count, |y| y.count),
            name: clean_line(&row.name),
            to_date: row.count,
            done: row.done,
            minimum: row.minimum,
            met: row.met,
        })
        .collect();
    totals.tracks = tracks.len();
    totals.tracks_met = tracks.iter().filter(|t| t.met).count();
    totals.tracks_met_done = tracks.iter().filter(|t| t.done >= t.minimum).count();

    // Each blocking dependency's title is looked up here: by id, not by scanning the plan.
    let by_id = plan.by_id();
    let attention = summary
        .attention
        .into_iter()
        .map(|a| AttentionItem {
            explained: a.reasons.iter().map(|r| explain(w, &by_id, r)).collect(),
            id: a.id,
            title: clean_line(&a.title),
            period: a.period,
            status: a.status,
            reasons: a.reasons,
        })
        .collect::<Vec<_>>();

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
                        id: i.id.clone(),
                        title: clean_line(&i.title),
                        follow_up: text,
                    })
                })
                .collect(),
        }
    };

    let year = plan.manifest.plan.year;
    let minimum = plan.manifest.rules.min_per_track as usize;
    let sentences = sentences(w, period, year, &totals, minimum, attention.len());
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
    }
}

fn make_item(init: &Initiative, judgement: &Judgement, as_of: NaiveDate) -> Item {
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
            text: clean_line(entry.text.trim()),
        });
    Item {
        id: init.id.clone(),
        title: clean_line(&init.title),
        period: init.period,
        tracks: init.tracks.iter().map(|t| clean_line(t)).collect(),
        cross_cutting: init.cross_cutting,
        locations: init.locations.iter().map(|l| clean_line(l)).collect(),
        status: init.status,
        late: judgement.late(),
        blocked: judgement.blocked(),
        at_risk: judgement.at_risk,
        latest_note,
    }
}

/// One reason in words: dates in the language's style, dependencies by title.
fn explain(w: &Words, by_id: &HashMap<&str, &Initiative>, reason: &Reason) -> String {
    match reason {
        Reason::Late { since } => (w.late_since)(&w.date(*since)),
        Reason::Blocked { by } => {
            let names: Vec<String> = by
                .iter()
                .map(|id| {
                    let title = by_id
                        .get(id.as_str())
                        .map_or(id.as_str(), |d| d.title.as_str());
                    format!("{}{}{}", w.quotes[0], clean_line(title), w.quotes[1])
                })
                .collect();
            (w.blocked_by)(&names.join(", "))
        }
        Reason::AtRisk => w.waiting_for_funding.to_string(),
    }
}

fn sentences(
    w: &Words,
    period: Period,
    year: i32,
    totals: &QuarterTotals,
    minimum: usize,
    attention: usize,
) -> Vec<String> {
    let period_name = w.period(period);
    let mut out = Vec::new();
    if totals.counts.initiatives == 0 {
        out.push((w.sentence_quarter_empty)(&period_name, year));
    } else {
        out.push((w.sentence_quarter)(&QuarterSentence {
            period: &period_name,
            year,
            initiatives: w.count(w.n_initiatives, totals.counts.initiatives),
            done: w.count(w.n_done, totals.counts.done),
            active: w.count(w.n_active, totals.counts.active),
            late: w.count(w.n_late, totals.counts.late),
        }));
    }
    if totals.whole_year > 0 {
        out.push((w.sentence_ongoing)(
            w.count(w.n_initiatives, totals.whole_year),
        ));
    }
    if totals.tracks > 0 {
        out.push((w.sentence_tracks)(&TracksSentence {
            period: &period_name,
            met: totals.tracks_met,
            total: w.count(w.n_tracks, totals.tracks),
            minimum: w.count(w.n_initiatives, minimum),
            done_met: w.count(w.n_tracks, totals.tracks_met_done),
        }));
    }
    if attention > 0 {
        out.push((w.sentence_attention)(w.count(w.n_initiatives, attention)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn as_of_is_the_quarter_end_when_past_unless_given() {
        let today = d("2017-08-10");
        assert_eq!(default_as_of(2017, 2, today, false), d("2017-06-30"));
        // The quarter of today, and a quarter still to come: today.
        assert_eq!(default_as_of(2017, 3, today, false), today);
        assert_eq!(default_as_of(2017, 4, today, false), today);
        // The last day of the quarter is not past yet.
        assert_eq!(
            default_as_of(2017, 2, d("2017-06-30"), false),
            d("2017-06-30")
        );
        // An explicit date wins, even after the quarter.
        assert_eq!(default_as_of(2017, 2, today, true), today);
    }
}
