//! The Danish texts of status and report output.

use super::{
    and_list, FollowUp, Noun, QuarterSentence, QuarterTotalsSentence, TracksSentence, Words,
    YearMinimumSentence,
};

/// The Danish table.
/// "forsinket" / "forsinkede": counted in the dashboard and in the timeline's "2 af 7".
const LATE: Noun = Noun {
    one: "forsinket",
    many: "forsinkede",
};

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
    funding_none: "ingen",
    funding_pending: "afventer",
    funding_granted: "bevilget",
    funding_denied: "afslået",
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
    cross_cutting_counted: |n| format!("{n} tæller med på hvert spor"),
    cross_cutting_not_counted: |n| format!("{n} tæller ikke med i minimum"),
    now: "nu",
    id_heading: "Id",
    title_heading: "Titel",
    status_heading: "Status",
    flags_heading: "Bemærkninger",
    no_match: "Ingen indsatser matcher.",
    shown_because_cross_cutting: |n| {
        let pronoun = if n.n == 1 { "den" } else { "de" };
        format!("{n} er med, fordi {pronoun} berører alle spor.")
    },
    file_label: "Fil",
    judgement_label: "Vurdering",
    on_track: "følger planen",
    nothing_to_note: "ingen bemærkninger",
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
    file_has_errors: "filen har fejl: plan check viser dem",
    report_as_of: |date| format!("Status pr. {date}"),
    report_summary: "Sammenfatning",
    report_quarter: |period| format!("Indsatser i {period}"),
    report_ongoing: "Tværgående og helårsindsatser",
    report_tracks: |period| format!("Sporene til og med {period}"),
    report_attention: "Kræver opmærksomhed",
    report_next: |period| format!("Næste kvartal: {period}"),
    report_next_year: |year| format!("Næste år: {year}"),
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
    n_late: LATE,
    late_of: |late, total| format!("{late} af {total} {}", LATE.form(late)),
    n_tracks: Noun {
        one: "spor",
        many: "spor",
    },
    n_cross_cutting: Noun {
        one: "tværgående indsats (alle spor)",
        many: "tværgående indsatser (alle spor)",
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
    sentence_ongoing: |initiatives| format!("Dertil kommer {initiatives}, der løber hele året."),
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
    sentence_attention: |initiatives| format!("{initiatives} kræver opmærksomhed."),
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
            status,
        } = s;
        format!("{follow_up}\n\nOpfølgning på »{title}« (`{id}`) fra handleplanen for {year} (status i planen for {year}: {status}).")
    },
    waits_on_dropped: |name, status| format!("venter på {name}, som er {status}"),
    funding_denied_reason: "fik afslag på finansiering",
    n_planned: Noun {
        one: "planlagt",
        many: "planlagte",
    },
    n_moved: Noun {
        one: "udskudt",
        many: "udskudte",
    },
    n_brought_forward: Noun {
        one: "fremrykket",
        many: "fremrykkede",
    },
    n_cancelled: Noun {
        one: "aflyst",
        many: "aflyste",
    },
    n_blocked: Noun {
        one: "blokeret",
        many: "blokerede",
    },
    n_at_risk: Noun {
        one: "i risiko",
        many: "i risiko",
    },
    n_statuses: Noun {
        one: "status",
        many: "statusser",
    },
    n_files: Noun {
        one: "fil",
        many: "filer",
    },
    sentence_quarter_totals: |s| {
        let QuarterTotalsSentence {
            period,
            year,
            initiatives,
            parts,
            of_which,
        } = s;
        let mut text = format!(
            "{period} {year} omfatter {initiatives}: {}",
            and_list(parts, "og")
        );
        if !of_which.is_empty() {
            text.push_str(&format!("; heraf {}", and_list(of_which, "og")));
        }
        text.push('.');
        text
    },
    sentence_not_reached: |count, period, next_day| {
        if count.n == 0 {
            format!("Ved udgangen af {period} var alle kvartalets indsatser færdige, udskudte eller aflyste.")
        } else {
            let they = if count.n == 1 {
                "den er forsinket"
            } else {
                "de er forsinkede"
            };
            format!("Ved udgangen af {period} var {count} ikke nået; {they} fra {next_day}.")
        }
    },
    sentence_year_minimum: |s| {
        let YearMinimumSentence {
            period,
            met,
            total,
            minimum,
            done_met,
            short,
        } = s;
        let mut text =
            format!("Årets plan når minimum på {met} af {total} (mindst {minimum} pr. spor)");
        if !short.is_empty() {
            text.push_str(&format!("; der mangler indsatser på {short}"));
        }
        text.push('.');
        if let Some(done_met) = done_met {
            text.push_str(&format!(
                " Til og med {period} er minimum nået med færdige indsatser alene på {done_met}."
            ));
        }
        text
    },
    sentence_undated: |count| {
        let which = if count.n == 1 { "hvilken" } else { "hvilke" };
        format!("{count} i notatet har ingen dato i historikken og regnes derfor fra årets start (plan check viser {which}).")
    },
    sentence_undated_edit: |count| {
        let which = if count.n == 1 { "hvilken" } else { "hvilke" };
        format!("{count} i notatet er rettet i filen efter den seneste daterede ændring, uden dato, og regnes fra dagen efter den (plan check viser {which}; plan history --from-git daterer rettelser, der er lagt i git).")
    },
    sentence_left_out: |count, files| {
        let incomplete = if count.n == 1 {
            "ufuldstændig"
        } else {
            "ufuldstændige"
        };
        format!("{count} med fejl kan mangle i notatet eller være {incomplete}: {files} (plan check viser, hvad der skal rettes).")
    },
    sentence_nested_plans: |n, folders| {
        let (what, has, it) = if n == 1 {
            (
                "1 undermappe".to_string(),
                "har sin egen plan.toml og er en plan for sig",
                "den",
            )
        } else {
            (
                format!("{n} undermapper"),
                "har hver sin plan.toml og er planer for sig",
                "dem",
            )
        };
        format!("{what} {has}, som ikke er med i notatet: {folders} (læs {it} med plan --plans).")
    },
    not_reached: "ikke nået",
    moved_to: |period| format!("flyttet til {period}"),
    report_since: |q| {
        if q == 1 {
            "Siden årets start".to_string()
        } else {
            "Siden sidste kvartal".to_string()
        }
    },
    since_new: Noun {
        one: "Ny",
        many: "Nye",
    },
    since_started: Noun {
        one: "Sat i gang",
        many: "Sat i gang",
    },
    since_reopened: Noun {
        one: "Genoptaget",
        many: "Genoptaget",
    },
    since_back_to_planned: Noun {
        one: "Tilbage til planlagt",
        many: "Tilbage til planlagt",
    },
    since_done: Noun {
        one: "Færdig",
        many: "Færdige",
    },
    since_postponed: Noun {
        one: "Udskudt",
        many: "Udskudt",
    },
    since_moved: Noun {
        one: "Flyttet",
        many: "Flyttet",
    },
    since_cancelled: Noun {
        one: "Aflyst",
        many: "Aflyst",
    },
    none_since: "Ingen ændringer er registreret i perioden.",
    report_left_out: "Udeladt",
    missing_in_year: |n| format!("mangler {n} i årets plan"),
    to_period: |period| format!("til {period}"),
    sentence_year_not_reached: |count, year| {
        format!("Af helårsindsatserne var {count} ikke nået ved udgangen af {year}.")
    },
    and: "og",
    not_reached_in: |period| format!("ikke nået i {period}"),
};
