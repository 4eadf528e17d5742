//! Every fixed text of status and report output, one table per language (`da.rs`, `en.rs`).
//!
//! A text with parts filled in is a function in the table, not a string with `{placeholders}`:
//! the call site names each part by type (or by field of a small struct where two parts share
//! a type), so a misspelt or forgotten part does not compile. A number in front of a noun is a
//! [`Count`], which chooses the singular or plural form itself. Adding a field to `Words` makes
//! the compiler demand it in both tables. What users *type* (`færdig`, `2. kvartal`, `år`) is
//! read by [`input`], not by these tables.

use chrono::{Datelike, NaiveDate};

use crate::cli::Lang;
use crate::model::{Funding, Period, Status};
use crate::progress::{CurrentPeriod, Reason};

mod count;
mod da;
mod en;
pub mod input;
pub mod network;
mod sentences;

pub use count::{Count, Noun};
pub use da::DA;
pub use en::EN;
pub use input::{funding_from_user, period_from_user, status_from_user};
pub use sentences::{
    FollowUp, QuarterSentence, QuarterTotalsSentence, TracksSentence, YearMinimumSentence,
};

/// The fixed texts of one language. Labels are plain strings; texts with parts are functions.
pub struct Words {
    /// Month names, January first, as used in dates ("30. juni 2017").
    pub months: [&'static str; 12],
    /// What follows the day number in a date: ". " in Danish ("30. juni"), " " in English.
    pub day_sep: &'static str,
    pub status_planned: &'static str,
    pub status_active: &'static str,
    pub status_done: &'static str,
    pub status_postponed: &'static str,
    pub status_cancelled: &'static str,
    pub funding_none: &'static str,
    pub funding_pending: &'static str,
    pub funding_granted: &'static str,
    pub funding_denied: &'static str,
    /// "Hele året" / "Whole year".
    pub whole_year: &'static str,
    /// "2. kvartal" / "Q2", from the quarter's number: use `Words::period`.
    pub quarter_long: fn(u8) -> String,
    pub cross_cutting: &'static str,
    pub late: &'static str,
    pub blocked: &'static str,
    pub at_risk: &'static str,
    /// "forsinket siden 1. april 2017", given the date as written.
    pub late_since: fn(&str) -> String,
    /// "venter på x, y", given the list as written.
    pub blocked_by: fn(&str) -> String,
    pub waiting_for_funding: &'static str,
    pub not_started: &'static str,
    pub year_over: &'static str,
    pub as_of: &'static str,
    pub met: &'static str,
    /// Heading of `plan status`: "Status".
    pub status_title: &'static str,
    /// Column of totals.
    pub total: &'static str,
    /// "Periode" / "Period".
    pub period_heading: &'static str,
    /// "Perioder" / "Periods".
    pub periods_heading: &'static str,
    /// "Spor" / "Tracks".
    pub tracks_heading: &'static str,
    /// "Steder" / "Places".
    pub locations_heading: &'static str,
    /// "Kræver opmærksomhed" / "Needs attention".
    pub attention_heading: &'static str,
    /// When nothing is late, blocked or at risk.
    pub nothing_needs_attention: &'static str,
    /// "mindst 2 pr. spor".
    pub min_per_track: fn(usize) -> String,
    /// "mangler 1": how many more a short track needs.
    pub missing_n: fn(usize) -> String,
    /// "3 tværgående indsatser (alle spor) tæller med på hvert spor", given the count of
    /// [`Words::n_cross_cutting`].
    pub cross_cutting_counted: fn(Count) -> String,
    /// "3 tværgående indsatser (alle spor) tæller ikke med i minimum" (the report's wording).
    pub cross_cutting_not_counted: fn(Count) -> String,
    /// Marks the current period.
    pub now: &'static str,
    /// "Id".
    pub id_heading: &'static str,
    /// "Titel" / "Title".
    pub title_heading: &'static str,
    /// "Status".
    pub status_heading: &'static str,
    /// Column of late/blocked/at-risk marks.
    pub flags_heading: &'static str,
    /// `plan list` when no initiative matches.
    pub no_match: &'static str,
    /// Note under a list filtered by track, given how many cross-cutting ones it shows.
    pub shown_because_cross_cutting: fn(Count) -> String,
    /// `plan show` labels.
    pub file_label: &'static str,
    pub judgement_label: &'static str,
    /// No late/blocked/at-risk judgement of work still to do (planned, active).
    pub on_track: &'static str,
    /// No judgement of work that is over (done, cancelled) or set aside (postponed).
    pub nothing_to_note: &'static str,
    pub partners_label: &'static str,
    pub deadline_label: &'static str,
    pub funding_label: &'static str,
    pub owner_label: &'static str,
    pub tags_label: &'static str,
    pub follow_up_label: &'static str,
    pub description_label: &'static str,
    pub log_label: &'static str,
    pub depends_on_label: &'static str,
    pub dependents_label: &'static str,
    /// An empty list.
    pub none: &'static str,
    /// A dependency that names no initiative.
    pub not_in_plan: &'static str,
    /// A dependency whose file is there but has errors: "filen har fejl: plan check".
    pub file_has_errors: &'static str,
    /// "Status pr. 30. juni 2017", given the date as written.
    pub report_as_of: fn(&str) -> String,
    pub report_summary: &'static str,
    /// "Indsatser i 2. kvartal", given the period as written.
    pub report_quarter: fn(&str) -> String,
    pub report_ongoing: &'static str,
    /// "Sporene til og med 2. kvartal".
    pub report_tracks: fn(&str) -> String,
    pub report_attention: &'static str,
    /// "Næste kvartal: 3. kvartal".
    pub report_next: fn(&str) -> String,
    /// "Næste år: 2018": the preview of a Q4 report.
    pub report_next_year: fn(i32) -> String,
    /// How a cross-cutting initiative's tracks are named.
    pub cross_cutting_label: &'static str,
    pub col_id: &'static str,
    pub col_title: &'static str,
    pub col_period: &'static str,
    pub col_tracks: &'static str,
    pub col_cross_cutting: &'static str,
    pub col_places: &'static str,
    pub col_status: &'static str,
    pub col_attention: &'static str,
    pub col_note: &'static str,
    pub col_note_date: &'static str,
    pub col_track: &'static str,
    pub col_to_date: &'static str,
    pub col_done: &'static str,
    pub col_year: &'static str,
    pub col_minimum: &'static str,
    pub col_follow_up: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// "Ingen indsatser i 2. kvartal."
    pub none_quarter: fn(&str) -> String,
    pub none_ongoing: &'static str,
    /// "Intet kræver opmærksomhed pr. 30. juni 2017."
    pub none_attention: fn(&str) -> String,
    /// "Ingen indsatser planlagt i 3. kvartal."
    pub none_next: fn(&str) -> String,
    /// "Planen nævner ingen opfølgning i 2018."
    pub none_follow_up: fn(i32) -> String,
    /// Counted nouns, singular and plural: use `Count`.
    /// "indsats" / "initiative".
    pub n_initiatives: Noun,
    /// "færdig" / "done".
    pub n_done: Noun,
    /// "i gang" / "active".
    pub n_active: Noun,
    /// "forsinket" / "late".
    pub n_late: Noun,
    /// "2 af 7 forsinkede" / "2 of 7 late": how many of a quarter's initiatives are late,
    /// in the memo's timeline (late, total).
    pub late_of: fn(usize, usize) -> String,
    /// "spor" / "track".
    pub n_tracks: Noun,
    /// "tværgående indsats (alle spor)" / "cross-cutting initiative (all tracks)".
    pub n_cross_cutting: Noun,
    /// "2. kvartal 2017 omfatter 5 indsatser: 2 færdige, 2 i gang og 1 forsinket."
    pub sentence_quarter: fn(&QuarterSentence) -> String,
    /// "2. kvartal 2017 har ingen indsatser."
    pub sentence_quarter_empty: fn(&str, i32) -> String,
    /// "Dertil kommer 2 indsatser, der løber hele året." (English verbs agree with the count.)
    pub sentence_ongoing: fn(Count) -> String,
    /// "Til og med 2. kvartal har 3 af 4 spor mindst 2 indsatser, …".
    pub sentence_tracks: fn(&TracksSentence) -> String,
    /// "2 indsatser kræver opmærksomhed."
    pub sentence_attention: fn(Count) -> String,
    /// Below the track table when cross-cutting initiatives do not count.
    pub report_cross_cutting_note: &'static str,
    pub chart_tracks: &'static str,
    pub chart_timeline: &'static str,
    /// Legend of the track chart: "til og med 2. kvartal".
    pub legend_to_date: fn(&str) -> String,
    pub legend_year: &'static str,
    pub legend_minimum: &'static str,
    pub legend_short: &'static str,
    /// Quotation marks around a title in running text: »…« in Danish, “…” in English.
    pub quotes: [&'static str; 2],
    /// The description of a draft that `plan init --from` carries over.
    pub follow_up_of: fn(&FollowUp) -> String,
    /// The title of a draft made by `plan init --from`: "Opfølgning: Læseklub".
    pub follow_up_title: fn(&str) -> String,
    /// "venter på »X«, som er aflyst": the dependency (as written) and its status.
    pub waits_on_dropped: fn(&str, &str) -> String,
    /// Planned or active work whose funding was denied: "finansiering afvist".
    pub funding_denied_reason: &'static str,
    /// "planlagt" / "planned", "udskudt" / "postponed" (postponed, or moved to a later period),
    /// "fremrykket" / "brought forward" (moved to an earlier quarter), "aflyst" /
    /// "cancelled", "blokeret" / "blocked", "i risiko" / "at risk".
    pub n_planned: Noun,
    pub n_moved: Noun,
    pub n_brought_forward: Noun,
    pub n_cancelled: Noun,
    pub n_blocked: Noun,
    pub n_at_risk: Noun,
    /// "status" / "status(es)": statuses without a date.
    pub n_statuses: Noun,
    /// "fil" / "file".
    pub n_files: Noun,
    /// The memo's first sentence; its numbers add up.
    pub sentence_quarter_totals: fn(&QuarterTotalsSentence) -> String,
    /// At the quarter's close: "Ved udgangen af 2. kvartal var 5 indsatser ikke nået; de er
    /// forsinkede fra 1. juli 2017." Given the count, the period and the next day.
    pub sentence_not_reached: fn(Count, &str, &str) -> String,
    /// Whether the year's plan meets the minimum on each track, and the progress so far.
    pub sentence_year_minimum: fn(&YearMinimumSentence) -> String,
    /// "2 statusser har ingen dato i historikken og regnes fra årets start …".
    pub sentence_undated: fn(Count) -> String,
    /// "1 status er rettet i filen efter den seneste daterede ændring, uden dato, og regnes
    /// fra dagen efter den …".
    pub sentence_undated_edit: fn(Count) -> String,
    /// "2 filer med fejl kan mangle eller være ufuldstændige: a.toml, b.toml." Given the
    /// count and the files as shown.
    pub sentence_left_out: fn(Count, &str) -> String,
    /// "1 undermappe har sin egen plan.toml …: plans/q3." Given how many and the folders as
    /// shown.
    pub sentence_nested_plans: fn(usize, &str) -> String,
    /// The mark of an initiative not reached by the end of its quarter: "ikke nået".
    pub not_reached: &'static str,
    /// "flyttet til 3. kvartal", given the period as written.
    pub moved_to: fn(&str) -> String,
    /// The heading of the changes since the previous quarter's close ("Siden sidste
    /// kvartal"); for Q1, since the year began.
    pub report_since: fn(u8) -> String,
    /// Labels of the changes, in the order the memo lists them; the form for one change
    /// and for several ("Ny" / "Nye").
    pub since_new: Noun,
    pub since_started: Noun,
    pub since_reopened: Noun,
    pub since_back_to_planned: Noun,
    pub since_done: Noun,
    pub since_postponed: Noun,
    pub since_moved: Noun,
    pub since_cancelled: Noun,
    /// No change was recorded.
    pub none_since: &'static str,
    /// The heading of the files left out: "Udeladt" / "Left out".
    pub report_left_out: &'static str,
    /// A memo whose quarter has not ended: the under-minimum label is "mangler N i årets
    /// plan"; given N.
    pub missing_in_year: fn(usize) -> String,
    /// "til 3. kvartal" / "to Q3": where a change moved an initiative.
    pub to_period: fn(&str) -> String,
    /// At the close of Q4: "Af helårsindsatserne var 2 ikke nået ved udgangen af 2017."
    pub sentence_year_not_reached: fn(Count, i32) -> String,
    /// "og" / "and", between the last two of a list of names.
    pub and: &'static str,
    /// The attention reason of work the ended quarter did not reach: "ikke nået i 2. kvartal".
    pub not_reached_in: fn(&str) -> String,
}

/// "a, b og c" / "a, b and c": counts joined as a list, `and` before the last.
pub(crate) fn and_list(items: &[Count], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(Count::to_string).collect();
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

/// The table of a language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

impl Words {
    /// The tracks of an initiative as people read them, one name a part: a cross-cutting
    /// one first names itself "Tværgående (alle spor)" / "Cross-cutting (all tracks)". The
    /// one way every list, memo, spreadsheet and calendar writes an initiative's tracks.
    pub fn track_names<'a, S: AsRef<str>>(
        &self,
        cross_cutting: bool,
        tracks: &'a [S],
    ) -> Vec<&'a str> {
        let mut parts: Vec<&'a str> = Vec::with_capacity(tracks.len() + 1);
        if cross_cutting {
            parts.push(self.cross_cutting_label);
        }
        parts.extend(tracks.iter().map(AsRef::as_ref));
        parts
    }

    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Planned => self.status_planned,
            Status::Active => self.status_active,
            Status::Done => self.status_done,
            Status::Postponed => self.status_postponed,
            Status::Cancelled => self.status_cancelled,
        }
    }

    pub fn funding(&self, funding: Funding) -> &'static str {
        match funding {
            Funding::None => self.funding_none,
            Funding::Pending => self.funding_pending,
            Funding::Granted => self.funding_granted,
            Funding::Denied => self.funding_denied,
        }
    }

    /// "2. kvartal" / "Q2"; "Hele året" / "Whole year".
    pub fn period(&self, period: Period) -> String {
        match period {
            Period::Year => self.whole_year.to_string(),
            Period::Q(q) => (self.quarter_long)(q),
        }
    }

    /// Why an initiative needs attention: "forsinket siden 1. april 2017", "venter på x, y",
    /// "venter på finansiering".
    pub fn reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::Late { since } => (self.late_since)(&self.date(*since)),
            Reason::Blocked { by } => (self.blocked_by)(&by.join(", ")),
            Reason::AtRisk => self.waiting_for_funding.to_string(),
            Reason::WaitsOnDropped { id, status } => {
                (self.waits_on_dropped)(id, self.status(*status))
            }
            Reason::FundingDenied => self.funding_denied_reason.to_string(),
            Reason::NotReached { period } => {
                (self.not_reached_in)(&self.period(*period).to_lowercase())
            }
        }
    }

    /// "2. kvartal", "året er ikke begyndt" or "året er slut".
    pub fn current_period(&self, current: CurrentPeriod) -> String {
        match current {
            CurrentPeriod::NotStarted => self.not_started.to_string(),
            CurrentPeriod::Over => self.year_over.to_string(),
            CurrentPeriod::Quarter(q) => self.period(Period::Q(q)),
        }
    }

    /// A period inside a line of text, after other words: "hele året" / "whole year" (the
    /// whole year's name is written small there), "2. kvartal" / "Q2".
    pub fn period_in_text(&self, period: Period) -> String {
        match period {
            Period::Year => self.whole_year.to_lowercase(),
            Period::Q(q) => (self.quarter_long)(q),
        }
    }

    /// "3 indsatser" / "1 initiative": `n` of `noun`, which prints its singular form for 1.
    pub fn count(&self, noun: Noun, n: usize) -> Count {
        Count::new(n, noun)
    }

    /// "30. juni 2017" / "30 June 2017".
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self.months[date.month0() as usize];
        format!("{}{}{month} {}", date.day(), self.day_sep, date.year())
    }
}

#[cfg(test)]
mod tests;
