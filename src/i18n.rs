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
    // --- plan report ---
    /// "Status pr. {date}".
    pub report_as_of: &'static str,
    pub report_summary: &'static str,
    /// "Indsatser i {period}".
    pub report_quarter: &'static str,
    pub report_ongoing: &'static str,
    /// "Sporene til og med {period}".
    pub report_tracks: &'static str,
    pub report_attention: &'static str,
    /// "Næste kvartal: {period}".
    pub report_next: &'static str,
    /// "Videre i {year}": the preview of a Q4 report.
    pub report_next_year: &'static str,
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
    /// "Ingen indsatser i {period}."
    pub none_quarter: &'static str,
    pub none_ongoing: &'static str,
    /// "Intet kræver opmærksomhed pr. {date}."
    pub none_attention: &'static str,
    /// "Ingen indsatser planlagt i {period}."
    pub none_next: &'static str,
    /// "Planen nævner ingen opfølgning i {year}."
    pub none_follow_up: &'static str,
    /// Counted nouns, singular then plural, with `{n}`: use `Words::count`.
    pub n_initiatives: [&'static str; 2],
    pub n_done: [&'static str; 2],
    pub n_active: [&'static str; 2],
    pub n_late: [&'static str; 2],
    pub n_tracks: [&'static str; 2],
    /// "{period} {year} omfatter {initiatives}: {done}, {active} og {late}."
    pub sentence_quarter: &'static str,
    /// "{period} {year} har ingen indsatser."
    pub sentence_quarter_empty: &'static str,
    /// The whole-year initiatives besides the quarter's, singular then plural.
    pub sentence_ongoing: [&'static str; 2],
    /// "Til og med {period} har {met} af {total} mindst {minimum} …; på {done_met} …"
    pub sentence_tracks: &'static str,
    /// How many need attention, singular then plural.
    pub sentence_attention: [&'static str; 2],
    /// Below the track table when cross-cutting initiatives do not count.
    pub report_cross_cutting_note: &'static str,
    pub chart_tracks: &'static str,
    pub chart_timeline: &'static str,
    /// Legend of the track chart: scheduled through the quarter, done, whole year.
    pub legend_to_date: &'static str,
    pub legend_year: &'static str,
    pub legend_minimum: &'static str,
    pub legend_short: &'static str,
    /// Quotation marks around a title in running text: »…« in Danish, “…” in English.
    pub quotes: [&'static str; 2],
    /// The description of a draft that `plan init --from` carries over:
    /// "{follow_up}", "{title}", "{id}", "{year}" are filled in.
    pub follow_up_of: &'static str,
    /// The title of a draft made by `plan init --from`: "Opfølgning: {title}".
    pub follow_up_title: &'static str,
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
    report_as_of: "Status pr. {date}",
    report_summary: "Sammenfatning",
    report_quarter: "Indsatser i {period}",
    report_ongoing: "Tværgående og helårsindsatser",
    report_tracks: "Sporene til og med {period}",
    report_attention: "Kræver opmærksomhed",
    report_next: "Næste kvartal: {period}",
    report_next_year: "Videre i {year}",
    cross_cutting_label: "Tværgående (alle spor)",
    col_id: "Id",
    col_title: "Indsats",
    col_period: "Periode",
    col_tracks: "Spor",
    col_cross_cutting: "Tværgående",
    col_places: "Steder",
    col_status: "Status",
    col_attention: "Opmærksomhed",
    col_note: "Seneste note",
    col_note_date: "Notens dato",
    col_track: "Spor",
    col_to_date: "Til dato",
    col_done: "Færdige",
    col_year: "Hele året",
    col_minimum: "Minimum",
    col_follow_up: "Opfølgning",
    yes: "ja",
    no: "nej",
    none_quarter: "Ingen indsatser i {period}.",
    none_ongoing: "Ingen tværgående eller helårsindsatser.",
    none_attention: "Intet kræver opmærksomhed pr. {date}.",
    none_next: "Ingen indsatser planlagt i {period}.",
    none_follow_up: "Planen nævner ingen opfølgning i {year}.",
    n_initiatives: ["{n} indsats", "{n} indsatser"],
    n_done: ["{n} færdig", "{n} færdige"],
    n_active: ["{n} i gang", "{n} i gang"],
    n_late: ["{n} forsinket", "{n} forsinkede"],
    n_tracks: ["{n} spor", "{n} spor"],
    sentence_quarter: "{period} {year} omfatter {initiatives}: {done}, {active} og {late}.",
    sentence_quarter_empty: "{period} {year} har ingen indsatser.",
    sentence_ongoing: [
        "Dertil kommer {n} indsats, der løber hele året.",
        "Dertil kommer {n} indsatser, der løber hele året.",
    ],
    sentence_tracks: "Til og med {period} har {met} af {total} mindst {minimum}, som planen kræver; på {done_met} er minimum nået med færdige indsatser.",
    sentence_attention: [
        "{n} indsats kræver opmærksomhed.",
        "{n} indsatser kræver opmærksomhed.",
    ],
    report_cross_cutting_note: "Tværgående indsatser (alle spor) tæller ikke med i minimum.",
    chart_tracks: "Spor mod minimum",
    chart_timeline: "Årets indsatser pr. kvartal",
    legend_to_date: "til og med {period}",
    legend_year: "hele året",
    legend_minimum: "minimum",
    legend_short: "under minimum",
    quotes: ["»", "«"],
    follow_up_title: "Opfølgning: {title}",
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
    report_as_of: "Status as of {date}",
    report_summary: "Summary",
    report_quarter: "Initiatives in {period}",
    report_ongoing: "Cross-cutting and whole-year initiatives",
    report_tracks: "Tracks through {period}",
    report_attention: "Needs attention",
    report_next: "Next quarter: {period}",
    report_next_year: "On into {year}",
    cross_cutting_label: "Cross-cutting (all tracks)",
    col_id: "Id",
    col_title: "Initiative",
    col_period: "Period",
    col_tracks: "Tracks",
    col_cross_cutting: "Cross-cutting",
    col_places: "Places",
    col_status: "Status",
    col_attention: "Attention",
    col_note: "Latest note",
    col_note_date: "Note date",
    col_track: "Track",
    col_to_date: "To date",
    col_done: "Done",
    col_year: "Whole year",
    col_minimum: "Minimum",
    col_follow_up: "Follow-up",
    yes: "yes",
    no: "no",
    none_quarter: "No initiatives in {period}.",
    none_ongoing: "No cross-cutting or whole-year initiatives.",
    none_attention: "Nothing needs attention as of {date}.",
    none_next: "No initiatives planned for {period}.",
    none_follow_up: "The plan names no follow-up for {year}.",
    n_initiatives: ["{n} initiative", "{n} initiatives"],
    n_done: ["{n} done", "{n} done"],
    n_active: ["{n} active", "{n} active"],
    n_late: ["{n} late", "{n} late"],
    n_tracks: ["{n} track", "{n} tracks"],
    sentence_quarter: "{period} {year} has {initiatives}: {done}, {active} and {late}.",
    sentence_quarter_empty: "{period} {year} has no initiatives.",
    sentence_ongoing: [
        "In addition, {n} initiative runs all year.",
        "In addition, {n} initiatives run all year.",
    ],
    sentence_tracks: "Through {period}, {met} of {total} have at least {minimum}, as the plan requires; on {done_met}, the minimum is reached with finished initiatives.",
    sentence_attention: [
        "{n} initiative needs attention.",
        "{n} initiatives need attention.",
    ],
    report_cross_cutting_note: "Cross-cutting initiatives (all tracks) do not count toward the minimum.",
    chart_tracks: "Tracks against the minimum",
    chart_timeline: "The year's initiatives by quarter",
    legend_to_date: "through {period}",
    legend_year: "whole year",
    legend_minimum: "minimum",
    legend_short: "below the minimum",
    quotes: ["“", "”"],
    follow_up_title: "Follow-up: {title}",
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

    /// "3 indsatser" / "1 initiative": the singular form for 1, the plural otherwise.
    pub fn count(&self, forms: [&'static str; 2], n: usize) -> String {
        let form = if n == 1 { forms[0] } else { forms[1] };
        form.replace("{n}", &n.to_string())
    }

    /// "30. juni 2017" / "30 June 2017".
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self.months[date.month0() as usize];
        format!("{}{}{month} {}", date.day(), self.day_sep, date.year())
    }
}

/// A status as a user may type it on the command line: the file's word (`done`) or its name
/// in either language (`færdig`, `i gang`), in any case.
pub fn status_from_user(text: &str) -> Option<Status> {
    let typed = crate::model::catalogue_fold(text);
    Status::ALL.into_iter().find(|&s| {
        [s.as_str(), DA.status(s), EN.status(s)]
            .iter()
            .any(|name| crate::model::catalogue_fold(name) == typed)
    })
}

/// A funding state as a user may type it: `pending`, `afventer`, `afventer finansiering` …
pub fn funding_from_user(text: &str) -> Option<Funding> {
    let typed = crate::model::catalogue_fold(text);
    let short_da = |f: Funding| match f {
        Funding::None => "ingen",
        Funding::Pending => "afventer",
        Funding::Granted => "bevilget",
        Funding::Denied => "afslået",
    };
    Funding::ALL.into_iter().find(|&f| {
        [f.as_str(), short_da(f), DA.funding(f), EN.funding(f)]
            .iter()
            .any(|name| crate::model::catalogue_fold(name) == typed)
    })
}

/// A period as a user may type it: `Q2`, `2`, `2. kvartal`, `year`, `år`, `hele året`.
pub fn period_from_user(text: &str) -> Option<Period> {
    let typed = crate::model::catalogue_fold(text);
    let year_words = ["year", "whole year", "år", "aar", "hele året", "helår"];
    if year_words.contains(&typed.as_str()) {
        return Some(Period::Year);
    }
    let digits = typed
        .strip_prefix('q')
        .or_else(|| typed.strip_suffix(". kvartal"))
        .or_else(|| typed.strip_suffix(" kvartal"))
        .or_else(|| typed.strip_prefix("kvartal "))
        .unwrap_or(&typed);
    match digits {
        "1" => Some(Period::Q(1)),
        "2" => Some(Period::Q(2)),
        "3" => Some(Period::Q(3)),
        "4" => Some(Period::Q(4)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_may_type_statuses_periods_and_funding_as_they_see_them() {
        assert_eq!(status_from_user("færdig"), Some(Status::Done));
        assert_eq!(status_from_user("I GANG"), Some(Status::Active));
        assert_eq!(status_from_user("done"), Some(Status::Done));
        assert_eq!(status_from_user("klar"), None);
        assert_eq!(period_from_user("2. kvartal"), Some(Period::Q(2)));
        assert_eq!(period_from_user("q3"), Some(Period::Q(3)));
        assert_eq!(period_from_user("4"), Some(Period::Q(4)));
        assert_eq!(period_from_user("År"), Some(Period::Year));
        assert_eq!(period_from_user("Hele året"), Some(Period::Year));
        assert_eq!(period_from_user("Q5"), None);
        assert_eq!(funding_from_user("afventer"), Some(Funding::Pending));
        assert_eq!(funding_from_user("funding granted"), Some(Funding::Granted));
        assert_eq!(funding_from_user("none"), Some(Funding::None));
    }

    #[test]
    fn danish_and_english_dates_and_periods() {
        let d = NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
        assert_eq!(DA.date(d), "30. juni 2017");
        assert_eq!(EN.date(d), "30 June 2017");
        assert_eq!(DA.period(Period::Q(2)), "2. kvartal");
        assert_eq!(EN.period(Period::Q(2)), "Q2");
        assert_eq!(DA.status(Status::Done), "færdig");
    }

    /// Every entry of a table, by name. The pattern names every field (no `..`), so a new
    /// field that is not listed here does not compile: each one is checked below.
    fn entries(words: &Words) -> Vec<(&'static str, Vec<&'static str>)> {
        let Words {
            months,
            day_sep,
            status_planned,
            status_active,
            status_done,
            status_postponed,
            status_cancelled,
            funding_none,
            funding_pending,
            funding_granted,
            funding_denied,
            whole_year,
            quarter_long,
            cross_cutting,
            late,
            blocked,
            at_risk,
            late_since,
            blocked_by,
            waiting_for_funding,
            not_started,
            year_over,
            as_of,
            met,
            short,
            status_title,
            initiatives,
            total,
            period_heading,
            periods_heading,
            tracks_heading,
            locations_heading,
            attention_heading,
            nothing_needs_attention,
            min_per_track,
            missing_n,
            cross_cutting_counted,
            cross_cutting_not_counted,
            now,
            id_heading,
            title_heading,
            status_heading,
            flags_heading,
            no_match,
            shown_because_cross_cutting,
            file_label,
            judgement_label,
            on_track,
            partners_label,
            deadline_label,
            funding_label,
            owner_label,
            tags_label,
            follow_up_label,
            description_label,
            log_label,
            depends_on_label,
            dependents_label,
            none,
            not_in_plan,
            year_short,
            report_as_of,
            report_summary,
            report_quarter,
            report_ongoing,
            report_tracks,
            report_attention,
            report_next,
            report_next_year,
            cross_cutting_label,
            col_id,
            col_title,
            col_period,
            col_tracks,
            col_cross_cutting,
            col_places,
            col_status,
            col_attention,
            col_note,
            col_note_date,
            col_track,
            col_to_date,
            col_done,
            col_year,
            col_minimum,
            col_follow_up,
            yes,
            no,
            none_quarter,
            none_ongoing,
            none_attention,
            none_next,
            none_follow_up,
            n_initiatives,
            n_done,
            n_active,
            n_late,
            n_tracks,
            sentence_quarter,
            sentence_quarter_empty,
            sentence_ongoing,
            sentence_tracks,
            sentence_attention,
            report_cross_cutting_note,
            chart_tracks,
            chart_timeline,
            legend_to_date,
            legend_year,
            legend_minimum,
            legend_short,
            quotes,
            follow_up_of,
            follow_up_title,
        } = *words;
        vec![
            ("months", months.to_vec()),
            ("day_sep", vec![day_sep]),
            ("status_planned", vec![status_planned]),
            ("status_active", vec![status_active]),
            ("status_done", vec![status_done]),
            ("status_postponed", vec![status_postponed]),
            ("status_cancelled", vec![status_cancelled]),
            ("funding_none", vec![funding_none]),
            ("funding_pending", vec![funding_pending]),
            ("funding_granted", vec![funding_granted]),
            ("funding_denied", vec![funding_denied]),
            ("whole_year", vec![whole_year]),
            ("quarter_long", vec![quarter_long]),
            ("cross_cutting", vec![cross_cutting]),
            ("late", vec![late]),
            ("blocked", vec![blocked]),
            ("at_risk", vec![at_risk]),
            ("late_since", vec![late_since]),
            ("blocked_by", vec![blocked_by]),
            ("waiting_for_funding", vec![waiting_for_funding]),
            ("not_started", vec![not_started]),
            ("year_over", vec![year_over]),
            ("as_of", vec![as_of]),
            ("met", vec![met]),
            ("short", vec![short]),
            ("status_title", vec![status_title]),
            ("initiatives", vec![initiatives]),
            ("total", vec![total]),
            ("period_heading", vec![period_heading]),
            ("periods_heading", vec![periods_heading]),
            ("tracks_heading", vec![tracks_heading]),
            ("locations_heading", vec![locations_heading]),
            ("attention_heading", vec![attention_heading]),
            ("nothing_needs_attention", vec![nothing_needs_attention]),
            ("min_per_track", vec![min_per_track]),
            ("missing_n", vec![missing_n]),
            ("cross_cutting_counted", vec![cross_cutting_counted]),
            ("cross_cutting_not_counted", vec![cross_cutting_not_counted]),
            ("now", vec![now]),
            ("id_heading", vec![id_heading]),
            ("title_heading", vec![title_heading]),
            ("status_heading", vec![status_heading]),
            ("flags_heading", vec![flags_heading]),
            ("no_match", vec![no_match]),
            (
                "shown_because_cross_cutting",
                vec![shown_because_cross_cutting],
            ),
            ("file_label", vec![file_label]),
            ("judgement_label", vec![judgement_label]),
            ("on_track", vec![on_track]),
            ("partners_label", vec![partners_label]),
            ("deadline_label", vec![deadline_label]),
            ("funding_label", vec![funding_label]),
            ("owner_label", vec![owner_label]),
            ("tags_label", vec![tags_label]),
            ("follow_up_label", vec![follow_up_label]),
            ("description_label", vec![description_label]),
            ("log_label", vec![log_label]),
            ("depends_on_label", vec![depends_on_label]),
            ("dependents_label", vec![dependents_label]),
            ("none", vec![none]),
            ("not_in_plan", vec![not_in_plan]),
            ("year_short", vec![year_short]),
            ("report_as_of", vec![report_as_of]),
            ("report_summary", vec![report_summary]),
            ("report_quarter", vec![report_quarter]),
            ("report_ongoing", vec![report_ongoing]),
            ("report_tracks", vec![report_tracks]),
            ("report_attention", vec![report_attention]),
            ("report_next", vec![report_next]),
            ("report_next_year", vec![report_next_year]),
            ("cross_cutting_label", vec![cross_cutting_label]),
            ("col_id", vec![col_id]),
            ("col_title", vec![col_title]),
            ("col_period", vec![col_period]),
            ("col_tracks", vec![col_tracks]),
            ("col_cross_cutting", vec![col_cross_cutting]),
            ("col_places", vec![col_places]),
            ("col_status", vec![col_status]),
            ("col_attention", vec![col_attention]),
            ("col_note", vec![col_note]),
            ("col_note_date", vec![col_note_date]),
            ("col_track", vec![col_track]),
            ("col_to_date", vec![col_to_date]),
            ("col_done", vec![col_done]),
            ("col_year", vec![col_year]),
            ("col_minimum", vec![col_minimum]),
            ("col_follow_up", vec![col_follow_up]),
            ("yes", vec![yes]),
            ("no", vec![no]),
            ("none_quarter", vec![none_quarter]),
            ("none_ongoing", vec![none_ongoing]),
            ("none_attention", vec![none_attention]),
            ("none_next", vec![none_next]),
            ("none_follow_up", vec![none_follow_up]),
            ("n_initiatives", n_initiatives.to_vec()),
            ("n_done", n_done.to_vec()),
            ("n_active", n_active.to_vec()),
            ("n_late", n_late.to_vec()),
            ("n_tracks", n_tracks.to_vec()),
            ("sentence_quarter", vec![sentence_quarter]),
            ("sentence_quarter_empty", vec![sentence_quarter_empty]),
            ("sentence_ongoing", sentence_ongoing.to_vec()),
            ("sentence_tracks", vec![sentence_tracks]),
            ("sentence_attention", sentence_attention.to_vec()),
            ("report_cross_cutting_note", vec![report_cross_cutting_note]),
            ("chart_tracks", vec![chart_tracks]),
            ("chart_timeline", vec![chart_timeline]),
            ("legend_to_date", vec![legend_to_date]),
            ("legend_year", vec![legend_year]),
            ("legend_minimum", vec![legend_minimum]),
            ("legend_short", vec![legend_short]),
            ("quotes", quotes.to_vec()),
            ("follow_up_of", vec![follow_up_of]),
            ("follow_up_title", vec![follow_up_title]),
        ]
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .match_indices('{')
            .filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j]))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn both_tables_are_complete_and_agree_on_placeholders() {
        let (da, en) = (entries(&DA), entries(&EN));
        assert_eq!(da.len(), en.len());
        for ((key, da_texts), (_, en_texts)) in da.iter().zip(&en) {
            assert_eq!(da_texts.len(), en_texts.len(), "{key}");
            for (d, e) in da_texts.iter().zip(en_texts) {
                assert!(
                    !d.trim().is_empty() || *key == "day_sep",
                    "DA `{key}` is empty"
                );
                assert!(
                    !e.trim().is_empty() || *key == "day_sep",
                    "EN `{key}` is empty"
                );
                assert_eq!(placeholders(d), placeholders(e), "`{key}`: {d:?} / {e:?}");
            }
        }
        // Singular and plural forms both carry the count.
        for (key, texts) in da.iter().chain(&en) {
            if key.starts_with("n_") || key.starts_with("sentence_ongoing") {
                assert!(texts.iter().all(|t| t.contains("{n}")), "{key}");
            }
        }
    }

    #[test]
    fn counts_choose_singular_for_one() {
        assert_eq!(DA.count(DA.n_initiatives, 1), "1 indsats");
        assert_eq!(DA.count(DA.n_initiatives, 0), "0 indsatser");
        assert_eq!(EN.count(EN.n_late, 2), "2 late");
        assert_eq!(EN.count(EN.n_tracks, 1), "1 track");
    }
}
