//! Every fixed text of status and report output, one table per language. Adding a field
//! to `Words` makes the compiler demand it in both tables, so neither can miss a key.

use chrono::{Datelike, NaiveDate};

use crate::cli::Lang;
use crate::model::{Funding, Period, Status};
use crate::progress::{CurrentPeriod, Reason};

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
    /// "{n}. kvartal" / "Q{n}": use `quarter_name`.
    pub quarter_long: &'static str,
    pub cross_cutting: &'static str,
    pub late: &'static str,
    pub blocked: &'static str,
    pub at_risk: &'static str,
    /// "forsinket siden {date}".
    pub late_since: &'static str,
    /// "venter på {ids}".
    pub blocked_by: &'static str,
    pub waiting_for_funding: &'static str,
    pub not_started: &'static str,
    pub year_over: &'static str,
    pub as_of: &'static str,
    pub met: &'static str,
    pub short: &'static str,
    /// Heading of `plan status`: "Status".
    pub status_title: &'static str,
    /// "indsatser" / "initiatives".
    pub initiatives: &'static str,
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
    /// "mindst {n} pr. spor".
    pub min_per_track: &'static str,
    /// "mangler {n}": how many more a short track needs.
    pub missing_n: &'static str,
    /// "{n} på alle spor, tæller med".
    pub cross_cutting_counted: &'static str,
    /// "{n} på alle spor, tæller ikke med".
    pub cross_cutting_not_counted: &'static str,
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
    /// Note under a list filtered by track.
    pub shown_because_cross_cutting: &'static str,
    /// `plan show` labels.
    pub file_label: &'static str,
    pub judgement_label: &'static str,
    /// No late/blocked/at-risk judgement.
    pub on_track: &'static str,
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
    /// The whole year in a narrow column: "År" / "Year" (quarters are "Q1".."Q4").
    pub year_short: &'static str,
    /// The description of a draft that `plan init --from` carries over:
    /// "{follow_up}", "{title}", "{id}", "{year}" are filled in.
    pub follow_up_of: &'static str,
}

pub const DA: Words = Words {
    months: [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    day_sep: ". ",
    status_planned: "planlagt",
    status_active: "i gang",
    status_done: "færdig",
    status_postponed: "udskudt",
    status_cancelled: "aflyst",
    funding_none: "ingen finansiering",
    funding_pending: "afventer finansiering",
    funding_granted: "finansiering bevilget",
    funding_denied: "finansiering afslået",
    whole_year: "Hele året",
    quarter_long: "{n}. kvartal",
    cross_cutting: "alle spor",
    late: "forsinket",
    blocked: "blokeret",
    at_risk: "i risiko",
    late_since: "forsinket siden {date}",
    blocked_by: "venter på {ids}",
    waiting_for_funding: "venter på finansiering",
    not_started: "året er ikke begyndt",
    year_over: "året er slut",
    as_of: "pr.",
    met: "opfyldt",
    short: "mangler",
    status_title: "Status",
    initiatives: "indsatser",
    total: "I alt",
    period_heading: "Periode",
    periods_heading: "Perioder",
    tracks_heading: "Spor",
    locations_heading: "Steder",
    attention_heading: "Kræver opmærksomhed",
    nothing_needs_attention: "Intet er forsinket, blokeret eller i risiko.",
    min_per_track: "mindst {n} pr. spor",
    missing_n: "mangler {n}",
    cross_cutting_counted: "{n} på alle spor tæller med på hvert spor",
    cross_cutting_not_counted: "{n} på alle spor tæller ikke med i minimum",
    now: "nu",
    id_heading: "Id",
    title_heading: "Titel",
    status_heading: "Status",
    flags_heading: "Bemærk",
    no_match: "Ingen indsatser matcher.",
    shown_because_cross_cutting: "{n} på alle spor er med, fordi de berører alle spor.",
    file_label: "Fil",
    judgement_label: "Vurdering",
    on_track: "ingen bemærkninger",
    partners_label: "Partnere",
    deadline_label: "Frist",
    funding_label: "Finansiering",
    owner_label: "Ansvarlig",
    tags_label: "Emneord",
    follow_up_label: "Opfølgning",
    description_label: "Beskrivelse",
    log_label: "Log",
    depends_on_label: "Afhænger af",
    dependents_label: "Afhængige",
    none: "ingen",
    not_in_plan: "findes ikke i planen",
    year_short: "År",
    follow_up_of: "{follow_up}\n\nOpfølgning på «{title}» (`{id}`) fra handleplanen for {year}.",
};

pub const EN: Words = Words {
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    day_sep: " ",
    status_planned: "planned",
    status_active: "active",
    status_done: "done",
    status_postponed: "postponed",
    status_cancelled: "cancelled",
    funding_none: "no funding",
    funding_pending: "funding pending",
    funding_granted: "funding granted",
    funding_denied: "funding denied",
    whole_year: "Whole year",
    quarter_long: "Q{n}",
    cross_cutting: "all tracks",
    late: "late",
    blocked: "blocked",
    at_risk: "at risk",
    late_since: "late since {date}",
    blocked_by: "blocked by {ids}",
    waiting_for_funding: "waiting for funding",
    not_started: "the year has not begun",
    year_over: "the year is over",
    as_of: "as of",
    met: "met",
    short: "short",
    status_title: "Status",
    initiatives: "initiatives",
    total: "Total",
    period_heading: "Period",
    periods_heading: "Periods",
    tracks_heading: "Tracks",
    locations_heading: "Places",
    attention_heading: "Needs attention",
    nothing_needs_attention: "Nothing is late, blocked or at risk.",
    min_per_track: "at least {n} per track",
    missing_n: "{n} short",
    cross_cutting_counted: "{n} on all tracks count toward every track",
    cross_cutting_not_counted: "{n} on all tracks do not count toward the minimum",
    now: "now",
    id_heading: "Id",
    title_heading: "Title",
    status_heading: "Status",
    flags_heading: "Flags",
    no_match: "No initiatives match.",
    shown_because_cross_cutting: "{n} on all tracks are included: they touch every track.",
    file_label: "File",
    judgement_label: "Judgement",
    on_track: "on track",
    partners_label: "Partners",
    deadline_label: "Deadline",
    funding_label: "Funding",
    owner_label: "Owner",
    tags_label: "Tags",
    follow_up_label: "Follow-up",
    description_label: "Description",
    log_label: "Log",
    depends_on_label: "Depends on",
    dependents_label: "Depended on by",
    none: "none",
    not_in_plan: "not in the plan",
    year_short: "Year",
    follow_up_of: "{follow_up}\n\nFollow-up of “{title}” (`{id}`) from the {year} plan.",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

impl Words {
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
            Period::Q(q) => self.quarter_long.replace("{n}", &q.to_string()),
        }
    }

    /// Why an initiative needs attention: "forsinket siden 1. april 2017", "venter på x, y",
    /// "venter på finansiering".
    pub fn reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::Late { since } => self.late_since.replace("{date}", &self.date(*since)),
            Reason::Blocked { by } => self.blocked_by.replace("{ids}", &by.join(", ")),
            Reason::AtRisk => self.waiting_for_funding.to_string(),
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

    /// "Q2" / "År": a period in a narrow column.
    pub fn period_short(&self, period: Period) -> String {
        match period {
            Period::Year => self.year_short.to_string(),
            Period::Q(_) => period.as_str().to_string(),
        }
    }

    /// "30. juni 2017" / "30 June 2017".
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self.months[date.month0() as usize];
        format!("{}{}{month} {}", date.day(), self.day_sep, date.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_english_dates_and_periods() {
        let d = NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
        assert_eq!(DA.date(d), "30. juni 2017");
        assert_eq!(EN.date(d), "30 June 2017");
        assert_eq!(DA.period(Period::Q(2)), "2. kvartal");
        assert_eq!(EN.period(Period::Q(2)), "Q2");
        assert_eq!(DA.status(Status::Done), "færdig");
    }
}
