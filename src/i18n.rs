//! Every fixed text of status and report output, one table per language. Adding a field
//! to `Words` makes the compiler demand it in both tables, so neither can miss a key.

use chrono::{Datelike, NaiveDate};

use crate::cli::Lang;
use crate::model::{Funding, Period, Status};

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
