//! The Danish texts of status and report output.

use super::{FollowUp, Noun, QuarterSentence, TracksSentence, Words};

/// The Danish table.
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
    quarter_long: |n| format!("{n}. kvartal"),
    cross_cutting: "alle spor",
    late: "forsinket",
    blocked: "blokeret",
    at_risk: "i risiko",
    late_since: |date| format!("forsinket siden {date}"),
    blocked_by: |ids| format!("venter på {ids}"),
    waiting_for_funding: "venter på finansiering",
    not_started: "året er ikke begyndt",
    year_over: "året er slut",
    as_of: "pr.",
    met: "opfyldt",
    short: "mangler",
    status_title: "Status",
    total: "I alt",
    period_heading: "Periode",
    periods_heading: "Perioder",
    tracks_heading: "Spor",
    locations_heading: "Steder",
    attention_heading: "Kræver opmærksomhed",
    nothing_needs_attention: "Intet er forsinket, blokeret eller i risiko.",
    min_per_track: |n| format!("mindst {n} pr. spor"),
    missing_n: |n| format!("mangler {n}"),
    cross_cutting_counted: |n| format!("{n} på alle spor tæller med på hvert spor"),
    cross_cutting_not_counted: |n| format!("{n} på alle spor tæller ikke med i minimum"),
    now: "nu",
    id_heading: "Id",
    title_heading: "Titel",
    status_heading: "Status",
    flags_heading: "Bemærk",
    no_match: "Ingen indsatser matcher.",
    shown_because_cross_cutting: |n| {
        format!("{n} på alle spor er med, fordi de berører alle spor.")
    },
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
    report_as_of: |date| format!("Status pr. {date}"),
    report_summary: "Sammenfatning",
    report_quarter: |period| format!("Indsatser i {period}"),
    report_ongoing: "Tværgående og helårsindsatser",
    report_tracks: |period| format!("Sporene til og med {period}"),
    report_attention: "Kræver opmærksomhed",
    report_next: |period| format!("Næste kvartal: {period}"),
    report_next_year: |year| format!("Videre i {year}"),
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
    none_quarter: |period| format!("Ingen indsatser i {period}."),
    none_ongoing: "Ingen tværgående eller helårsindsatser.",
    none_attention: |date| format!("Intet kræver opmærksomhed pr. {date}."),
    none_next: |period| format!("Ingen indsatser planlagt i {period}."),
    none_follow_up: |year| format!("Planen nævner ingen opfølgning i {year}."),
    n_initiatives: Noun {
        one: "indsats",
        many: "indsatser",
    },
    n_done: Noun {
        one: "færdig",
        many: "færdige",
    },
    n_active: Noun {
        one: "i gang",
        many: "i gang",
    },
    n_late: Noun {
        one: "forsinket",
        many: "forsinkede",
    },
    n_tracks: Noun {
        one: "spor",
        many: "spor",
    },
    sentence_quarter: |s| {
        let QuarterSentence {
            period,
            year,
            initiatives,
            done,
            active,
            late,
        } = s;
        format!("{period} {year} omfatter {initiatives}: {done}, {active} og {late}.")
    },
    sentence_quarter_empty: |period, year| format!("{period} {year} har ingen indsatser."),
    sentence_ongoing: |n| {
        if n == 1 {
            format!("Dertil kommer {n} indsats, der løber hele året.")
        } else {
            format!("Dertil kommer {n} indsatser, der løber hele året.")
        }
    },
    sentence_tracks: |s| {
        let TracksSentence {
            period,
            met,
            total,
            minimum,
            done_met,
        } = s;
        format!("Til og med {period} har {met} af {total} mindst {minimum}, som planen kræver; på {done_met} er minimum nået med færdige indsatser.")
    },
    sentence_attention: |n| {
        if n == 1 {
            format!("{n} indsats kræver opmærksomhed.")
        } else {
            format!("{n} indsatser kræver opmærksomhed.")
        }
    },
    report_cross_cutting_note: "Tværgående indsatser (alle spor) tæller ikke med i minimum.",
    chart_tracks: "Spor mod minimum",
    chart_timeline: "Årets indsatser pr. kvartal",
    legend_to_date: |period| format!("til og med {period}"),
    legend_year: "hele året",
    legend_minimum: "minimum",
    legend_short: "under minimum",
    quotes: ["»", "«"],
    follow_up_title: |title| format!("Opfølgning: {title}"),
    follow_up_of: |s| {
        let FollowUp {
            follow_up,
            title,
            id,
            year,
        } = s;
        format!("{follow_up}\n\nOpfølgning på «{title}» (`{id}`) fra handleplanen for {year}.")
    },
};
