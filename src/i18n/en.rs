//! The English texts of status and report output.

use super::{FollowUp, Noun, QuarterSentence, TracksSentence, Words};

/// The English table.
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
    funding_none: "none",
    funding_pending: "pending",
    funding_granted: "granted",
    funding_denied: "denied",
    whole_year: "Whole year",
    quarter_long: |n| format!("Q{n}"),
    cross_cutting: "all tracks",
    late: "late",
    blocked: "blocked",
    at_risk: "at risk",
    late_since: |date| format!("late since {date}"),
    blocked_by: |ids| format!("blocked by {ids}"),
    waiting_for_funding: "waiting for funding",
    not_started: "the year has not begun",
    year_over: "the year is over",
    as_of: "as of",
    met: "met",
    status_title: "Status",
    total: "Total",
    period_heading: "Period",
    periods_heading: "Periods",
    tracks_heading: "Tracks",
    locations_heading: "Places",
    attention_heading: "Needs attention",
    nothing_needs_attention: "Nothing is late, blocked or at risk.",
    min_per_track: |n| format!("at least {n} per track"),
    missing_n: |n| format!("{n} short"),
    cross_cutting_counted: |n| {
        let verb = if n.n == 1 { "counts" } else { "count" };
        format!("{n} {verb} toward every track")
    },
    cross_cutting_not_counted: |n| {
        let verb = if n.n == 1 { "does" } else { "do" };
        format!("{n} {verb} not count toward the minimum")
    },
    now: "now",
    id_heading: "Id",
    title_heading: "Title",
    status_heading: "Status",
    flags_heading: "Remarks",
    no_match: "No initiatives match.",
    shown_because_cross_cutting: |n| {
        let (verb, rest) = if n.n == 1 {
            ("is", "it touches")
        } else {
            ("are", "they touch")
        };
        format!("{n} {verb} included: {rest} every track.")
    },
    file_label: "File",
    judgement_label: "Judgement",
    on_track: "on track",
    nothing_to_note: "nothing to note",
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
    report_as_of: |date| format!("Status as of {date}"),
    report_summary: "Summary",
    report_quarter: |period| format!("Initiatives in {period}"),
    report_ongoing: "Cross-cutting and whole-year initiatives",
    report_tracks: |period| format!("Tracks through {period}"),
    report_attention: "Needs attention",
    report_next: |period| format!("Next quarter: {period}"),
    report_next_year: |year| format!("Next year: {year}"),
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
    none_quarter: |period| format!("No initiatives in {period}."),
    none_ongoing: "No cross-cutting or whole-year initiatives.",
    none_attention: |date| format!("Nothing needs attention as of {date}."),
    none_next: |period| format!("No initiatives planned for {period}."),
    none_follow_up: |year| format!("The plan names no follow-up for {year}."),
    n_initiatives: Noun {
        one: "initiative",
        many: "initiatives",
    },
    n_done: Noun {
        one: "done",
        many: "done",
    },
    n_active: Noun {
        one: "active",
        many: "active",
    },
    n_late: Noun {
        one: "late",
        many: "late",
    },
    n_tracks: Noun {
        one: "track",
        many: "tracks",
    },
    n_cross_cutting: Noun {
        one: "cross-cutting initiative (all tracks)",
        many: "cross-cutting initiatives (all tracks)",
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
        format!("{period} {year} has {initiatives}: {done}, {active} and {late}.")
    },
    sentence_quarter_empty: |period, year| format!("{period} {year} has no initiatives."),
    sentence_ongoing: |initiatives| {
        let verb = if initiatives.n == 1 { "runs" } else { "run" };
        format!("In addition, {initiatives} {verb} all year.")
    },
    sentence_tracks: |s| {
        let TracksSentence {
            period,
            met,
            total,
            minimum,
            done_met,
        } = s;
        format!("Through {period}, {met} of {total} have at least {minimum}, as the plan requires; on {done_met}, the minimum is reached with finished initiatives.")
    },
    sentence_attention: |initiatives| {
        let verb = if initiatives.n == 1 { "needs" } else { "need" };
        format!("{initiatives} {verb} attention.")
    },
    report_cross_cutting_note:
        "Cross-cutting initiatives (all tracks) do not count toward the minimum.",
    chart_tracks: "Tracks against the minimum",
    chart_timeline: "The year's initiatives by quarter",
    legend_to_date: |period| format!("through {period}"),
    legend_year: "whole year",
    legend_minimum: "minimum",
    legend_short: "below the minimum",
    quotes: ["“", "”"],
    follow_up_title: |title| format!("Follow-up: {title}"),
    follow_up_of: |s| {
        let FollowUp {
            follow_up,
            title,
            id,
            year,
        } = s;
        format!("{follow_up}\n\nFollow-up of “{title}” (`{id}`) from the {year} plan.")
    },
};
