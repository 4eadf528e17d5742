//! The English texts of status and report output.

use super::{
    and_list, FollowUp, Noun, QuarterSentence, QuarterTotalsSentence, TracksSentence, Words,
    YearMinimumSentence,
};

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
    file_has_errors: "its file has errors: plan check shows them",
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
    late_of: |late, total| format!("{late} of {total} late"),
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
            status,
        } = s;
        format!("{follow_up}\n\nFollow-up of “{title}” (`{id}`) from the {year} plan (status in the {year} plan: {status}).")
    },
    waits_on_dropped: |name, status| format!("waits for {name}, which is {status}"),
    funding_denied_reason: "funding denied",
    n_planned: Noun {
        one: "planned",
        many: "planned",
    },
    n_moved: Noun {
        one: "postponed",
        many: "postponed",
    },
    n_brought_forward: Noun {
        one: "brought forward",
        many: "brought forward",
    },
    n_cancelled: Noun {
        one: "cancelled",
        many: "cancelled",
    },
    n_blocked: Noun {
        one: "blocked",
        many: "blocked",
    },
    n_at_risk: Noun {
        one: "at risk",
        many: "at risk",
    },
    n_statuses: Noun {
        one: "status",
        many: "statuses",
    },
    n_files: Noun {
        one: "file",
        many: "files",
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
            "{period} {year} has {initiatives}: {}",
            and_list(parts, "and")
        );
        if !of_which.is_empty() {
            text.push_str(&format!("; of these, {}", and_list(of_which, "and")));
        }
        text.push('.');
        text
    },
    sentence_not_reached: |count, period, next_day| {
        if count.n == 0 {
            format!("At the end of {period}, every initiative of the quarter was done, postponed or cancelled.")
        } else {
            let verb = if count.n == 1 { "was" } else { "were" };
            let they = if count.n == 1 { "it is" } else { "they are" };
            format!(
                "At the end of {period}, {count} {verb} not reached; {they} late from {next_day}."
            )
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
        let mut text = format!(
            "The year's plan meets the minimum on {met} of {total} (at least {minimum} per track)"
        );
        if !short.is_empty() {
            text.push_str(&format!("; {short} need more initiatives"));
        }
        text.push('.');
        if let Some(done_met) = done_met {
            text.push_str(&format!(
                " Through {period}, finished initiatives alone reach the minimum on {done_met}."
            ));
        }
        text
    },
    sentence_undated: |count| {
        let (verb, is) = if count.n == 1 {
            ("rests", "is")
        } else {
            ("rest", "are")
        };
        format!("{count} in this memo {verb} on changes without a date and {is} taken to hold from the start of the year (plan check shows which).")
    },
    sentence_undated_edit: |count| {
        let (was, is) = if count.n == 1 {
            ("was", "is")
        } else {
            ("were", "are")
        };
        format!("{count} in this memo {was} edited in the file after the last dated change, without a date, and {is} taken to hold from the day after it (plan check shows which; plan history --from-git dates edits committed to git).")
    },
    sentence_left_out: |count, files| {
        format!("{count} with errors may be missing from this memo or incomplete: {files} (plan check shows what to fix).")
    },
    sentence_nested_plans: |n, folders| {
        let (what, has, it) = if n == 1 {
            (
                "1 sub-folder".to_string(),
                "has a plan.toml of its own and is a plan of its own",
                "it",
            )
        } else {
            (
                format!("{n} sub-folders"),
                "have a plan.toml each and are plans of their own",
                "them",
            )
        };
        format!("{what} {has}, not in this memo: {folders} (read {it} with plan --plans).")
    },
    not_reached: "not reached",
    moved_to: |period| format!("moved to {}", the_whole_year(period)),
    report_since: |q| {
        if q == 1 {
            "Since the start of the year".to_string()
        } else {
            "Since last quarter".to_string()
        }
    },
    since_new: Noun {
        one: "New",
        many: "New",
    },
    since_started: Noun {
        one: "Started",
        many: "Started",
    },
    since_reopened: Noun {
        one: "Reopened",
        many: "Reopened",
    },
    since_back_to_planned: Noun {
        one: "Back to planned",
        many: "Back to planned",
    },
    since_done: Noun {
        one: "Done",
        many: "Done",
    },
    since_postponed: Noun {
        one: "Postponed",
        many: "Postponed",
    },
    since_moved: Noun {
        one: "Moved",
        many: "Moved",
    },
    since_cancelled: Noun {
        one: "Cancelled",
        many: "Cancelled",
    },
    none_since: "No change was recorded in the period.",
    report_left_out: "Left out",
    missing_in_year: |n| format!("{n} short in the year's plan"),
    to_period: |period| format!("to {}", the_whole_year(period)),
    sentence_year_not_reached: |count, year| {
        let verb = if count.n == 1 { "was" } else { "were" };
        format!("Of the whole-year initiatives, {count} {verb} not reached by the end of {year}.")
    },
    and: "and",
    not_reached_in: |period| format!("not reached in {period}"),
};

/// A period after "to" in a sentence: "the whole year" (not "to whole year"), a quarter as
/// it is.
fn the_whole_year(period: &str) -> String {
    if period == "whole year" {
        "the whole year".to_string()
    } else {
        period.to_string()
    }
}
