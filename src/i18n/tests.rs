//! The two tables are complete, and every text with parts prints each of its parts.

use chrono::NaiveDate;

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

#[test]
fn counts_choose_singular_for_one() {
    assert_eq!(DA.count(DA.n_initiatives, 1).to_string(), "1 indsats");
    assert_eq!(DA.count(DA.n_initiatives, 0).to_string(), "0 indsatser");
    assert_eq!(DA.count(DA.n_late, 2).to_string(), "2 forsinkede");
    assert_eq!(EN.count(EN.n_late, 2).to_string(), "2 late");
    assert_eq!(EN.count(EN.n_tracks, 1).to_string(), "1 track");
    assert_eq!(
        (EN.sentence_ongoing)(EN.count(EN.n_initiatives, 1)),
        "In addition, 1 initiative runs all year."
    );
    assert_eq!(
        (EN.sentence_ongoing)(EN.count(EN.n_initiatives, 2)),
        "In addition, 2 initiatives run all year."
    );
    assert_eq!(
        (EN.sentence_attention)(EN.count(EN.n_initiatives, 1)),
        "1 initiative needs attention."
    );
    assert_eq!(
        (DA.sentence_attention)(DA.count(DA.n_initiatives, 2)),
        "2 indsatser kræver opmærksomhed."
    );
}

#[test]
fn typed_messages_fill_in_their_parts_verbatim() {
    // A part that itself looks like a placeholder is printed as it is, not filled in again.
    let text = (DA.follow_up_of)(&FollowUp {
        follow_up: "Gentag {title}",
        title: "Læseklub {id}",
        id: "laeseklub",
        year: 2017,
        status: "aflyst {year}",
    });
    assert_eq!(
        text,
        "Gentag {title}\n\nOpfølgning på »Læseklub {id}« (`laeseklub`) fra handleplanen for 2017 (status i planen for 2017: aflyst {year})."
    );
    assert_eq!((DA.report_quarter)("2. kvartal"), "Indsatser i 2. kvartal");
    assert_eq!((EN.missing_n)(3), "3 short");
}

/// Checks one table. The pattern names every field (no `..`), so a field added to `Words`
/// and not listed here does not compile: each one is checked.
fn check_table(lang: &str, words: &Words) {
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
        status_title,
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
        nothing_to_note,
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
        file_has_errors,
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
        late_of,
        n_tracks,
        n_cross_cutting,
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
        waits_on_dropped,
        funding_denied_reason,
        n_planned,
        n_moved,
        n_brought_forward,
        n_cancelled,
        n_blocked,
        n_at_risk,
        n_statuses,
        n_files,
        sentence_quarter_totals,
        sentence_not_reached,
        sentence_year_minimum,
        sentence_undated,
        sentence_undated_edit,
        sentence_left_out,
        sentence_nested_plans,
        not_reached,
        moved_to,
        report_since,
        since_new,
        since_started,
        since_reopened,
        since_back_to_planned,
        since_done,
        since_postponed,
        since_moved,
        since_cancelled,
        none_since,
        report_left_out,
        missing_in_year,
        to_period,
        not_reached_in,
        sentence_year_not_reached,
        and,
    } = *words;
    let check = |key: &str, text: String, parts: &[&str]| {
        assert!(!text.trim().is_empty(), "{lang} `{key}` is empty");
        assert!(!text.contains('{'), "{lang} `{key}`: {text:?}");
        for part in parts {
            assert!(
                text.contains(part),
                "{lang} `{key}` leaves out {part:?}: {text:?}"
            );
        }
    };
    assert!(months.iter().all(|m| !m.is_empty()), "{lang} months");
    assert!(quotes.iter().all(|q| !q.is_empty()), "{lang} quotes");
    assert!(day_sep.ends_with(' '), "{lang} day_sep");
    for (key, label) in [
        ("status_planned", status_planned),
        ("status_active", status_active),
        ("status_done", status_done),
        ("status_postponed", status_postponed),
        ("status_cancelled", status_cancelled),
        ("funding_none", funding_none),
        ("funding_pending", funding_pending),
        ("funding_granted", funding_granted),
        ("funding_denied", funding_denied),
        ("whole_year", whole_year),
        ("cross_cutting", cross_cutting),
        ("late", late),
        ("blocked", blocked),
        ("at_risk", at_risk),
        ("waiting_for_funding", waiting_for_funding),
        ("not_started", not_started),
        ("year_over", year_over),
        ("as_of", as_of),
        ("met", met),
        ("status_title", status_title),
        ("total", total),
        ("period_heading", period_heading),
        ("periods_heading", periods_heading),
        ("tracks_heading", tracks_heading),
        ("locations_heading", locations_heading),
        ("attention_heading", attention_heading),
        ("nothing_needs_attention", nothing_needs_attention),
        ("now", now),
        ("id_heading", id_heading),
        ("title_heading", title_heading),
        ("status_heading", status_heading),
        ("flags_heading", flags_heading),
        ("no_match", no_match),
        ("file_label", file_label),
        ("judgement_label", judgement_label),
        ("on_track", on_track),
        ("nothing_to_note", nothing_to_note),
        ("partners_label", partners_label),
        ("deadline_label", deadline_label),
        ("funding_label", funding_label),
        ("owner_label", owner_label),
        ("tags_label", tags_label),
        ("follow_up_label", follow_up_label),
        ("description_label", description_label),
        ("log_label", log_label),
        ("depends_on_label", depends_on_label),
        ("dependents_label", dependents_label),
        ("none", none),
        ("not_in_plan", not_in_plan),
        ("file_has_errors", file_has_errors),
        ("report_summary", report_summary),
        ("report_ongoing", report_ongoing),
        ("report_attention", report_attention),
        ("cross_cutting_label", cross_cutting_label),
        ("col_id", col_id),
        ("col_title", col_title),
        ("col_period", col_period),
        ("col_tracks", col_tracks),
        ("col_cross_cutting", col_cross_cutting),
        ("col_places", col_places),
        ("col_status", col_status),
        ("col_attention", col_attention),
        ("col_note", col_note),
        ("col_note_date", col_note_date),
        ("col_track", col_track),
        ("col_to_date", col_to_date),
        ("col_done", col_done),
        ("col_year", col_year),
        ("col_minimum", col_minimum),
        ("col_follow_up", col_follow_up),
        ("yes", yes),
        ("no", no),
        ("none_ongoing", none_ongoing),
        ("report_cross_cutting_note", report_cross_cutting_note),
        ("chart_tracks", chart_tracks),
        ("chart_timeline", chart_timeline),
        ("legend_year", legend_year),
        ("legend_minimum", legend_minimum),
        ("legend_short", legend_short),
        ("funding_denied_reason", funding_denied_reason),
        ("not_reached", not_reached),
        ("none_since", none_since),
        ("report_left_out", report_left_out),
    ] {
        check(key, label.to_string(), &[]);
    }
    for (key, noun) in [
        ("n_initiatives", n_initiatives),
        ("n_done", n_done),
        ("n_active", n_active),
        ("n_late", n_late),
        ("since_new", since_new),
        ("since_started", since_started),
        ("since_reopened", since_reopened),
        ("since_back_to_planned", since_back_to_planned),
        ("since_done", since_done),
        ("since_postponed", since_postponed),
        ("since_moved", since_moved),
        ("since_cancelled", since_cancelled),
        ("n_tracks", n_tracks),
        ("n_cross_cutting", n_cross_cutting),
        ("n_planned", n_planned),
        ("n_moved", n_moved),
        ("n_brought_forward", n_brought_forward),
        ("n_cancelled", n_cancelled),
        ("n_blocked", n_blocked),
        ("n_at_risk", n_at_risk),
        ("n_statuses", n_statuses),
        ("n_files", n_files),
    ] {
        check(key, noun.one.to_string(), &[]);
        check(key, noun.many.to_string(), &[]);
    }
    check("quarter_long", quarter_long(7), &["7"]);
    check("late_since", late_since("‹a›"), &["‹a›"]);
    check("blocked_by", blocked_by("‹a›"), &["‹a›"]);
    check("min_per_track", min_per_track(7), &["7"]);
    check("missing_n", missing_n(7), &["7"]);
    for n in [1, 7] {
        let count = Count::new(n, n_cross_cutting);
        let n = n.to_string();
        check("cross_cutting_counted", cross_cutting_counted(count), &[&n]);
        check(
            "cross_cutting_not_counted",
            cross_cutting_not_counted(count),
            &[&n],
        );
        check(
            "shown_because_cross_cutting",
            shown_because_cross_cutting(count),
            &[&n],
        );
    }
    check("report_as_of", report_as_of("‹a›"), &["‹a›"]);
    check("report_quarter", report_quarter("‹a›"), &["‹a›"]);
    check("report_tracks", report_tracks("‹a›"), &["‹a›"]);
    check("report_next", report_next("‹a›"), &["‹a›"]);
    check("report_next_year", report_next_year(2099), &["2099"]);
    check("none_quarter", none_quarter("‹a›"), &["‹a›"]);
    check("none_attention", none_attention("‹a›"), &["‹a›"]);
    check("none_next", none_next("‹a›"), &["‹a›"]);
    check("none_follow_up", none_follow_up(2099), &["2099"]);
    check(
        "sentence_quarter",
        sentence_quarter(&QuarterSentence {
            period: "‹a›",
            year: 2099,
            initiatives: Count::new(11, n_initiatives),
            done: Count::new(12, n_done),
            active: Count::new(13, n_active),
            late: Count::new(14, n_late),
        }),
        &[
            "‹a›",
            "2099",
            &Count::new(11, n_initiatives).to_string(),
            &Count::new(12, n_done).to_string(),
            &Count::new(13, n_active).to_string(),
            &Count::new(14, n_late).to_string(),
        ],
    );
    check(
        "sentence_quarter_empty",
        sentence_quarter_empty("‹a›", 2099),
        &["2099", "‹a›"],
    );
    check(
        "sentence_ongoing",
        sentence_ongoing(Count::new(7, n_initiatives)),
        &[&Count::new(7, n_initiatives).to_string()],
    );
    check(
        "sentence_tracks",
        sentence_tracks(&TracksSentence {
            period: "‹a›",
            met: 5,
            total: Count::new(16, n_tracks),
            minimum: Count::new(17, n_initiatives),
            done_met: Count::new(18, n_tracks),
        }),
        &[
            "‹a›",
            "5",
            &Count::new(16, n_tracks).to_string(),
            &Count::new(17, n_initiatives).to_string(),
            &Count::new(18, n_tracks).to_string(),
        ],
    );
    check(
        "sentence_attention",
        sentence_attention(Count::new(1, n_initiatives)),
        &[&Count::new(1, n_initiatives).to_string()],
    );
    check("legend_to_date", legend_to_date("‹a›"), &["‹a›"]);
    check(
        "follow_up_of",
        follow_up_of(&FollowUp {
            follow_up: "‹a›",
            title: "‹b›",
            id: "‹c›",
            year: 2099,
            status: "‹d›",
        }),
        &["‹a›", "‹b›", "‹c›", "2099", "‹d›"],
    );
    check("follow_up_title", follow_up_title("‹a›"), &["‹a›"]);
    check(
        "waits_on_dropped",
        waits_on_dropped("‹a›", "‹b›"),
        &["‹a›", "‹b›"],
    );
    let parts = [Count::new(21, n_done), Count::new(22, n_moved)];
    let of_which = [Count::new(23, n_late), Count::new(24, n_blocked)];
    check(
        "sentence_quarter_totals",
        sentence_quarter_totals(&QuarterTotalsSentence {
            period: "‹a›",
            year: 2099,
            initiatives: Count::new(45, n_initiatives),
            parts: &parts,
            of_which: &of_which,
        }),
        &[
            "‹a›",
            "2099",
            &Count::new(45, n_initiatives).to_string(),
            &parts[0].to_string(),
            &parts[1].to_string(),
            &of_which[0].to_string(),
            &of_which[1].to_string(),
        ],
    );
    check(
        "sentence_not_reached",
        sentence_not_reached(Count::new(3, n_initiatives), "‹a›", "‹b›"),
        &["3", "‹a›", "‹b›"],
    );
    check(
        "sentence_year_minimum",
        sentence_year_minimum(&YearMinimumSentence {
            period: "‹a›",
            met: 5,
            total: Count::new(16, n_tracks),
            minimum: Count::new(17, n_initiatives),
            done_met: Some(Count::new(18, n_tracks)),
            short: "‹b›",
        }),
        &[
            "‹a›",
            "‹b›",
            "5",
            &Count::new(16, n_tracks).to_string(),
            &Count::new(17, n_initiatives).to_string(),
            &Count::new(18, n_tracks).to_string(),
        ],
    );
    check(
        "sentence_year_not_reached",
        sentence_year_not_reached(Count::new(19, n_initiatives), 2099),
        &[&Count::new(19, n_initiatives).to_string(), "2099"],
    );
    check("and", and.to_string(), &[]);
    check(
        "sentence_undated",
        sentence_undated(Count::new(7, n_statuses)),
        &[&Count::new(7, n_statuses).to_string()],
    );
    check(
        "sentence_undated_edit",
        sentence_undated_edit(Count::new(7, n_statuses)),
        &[&Count::new(7, n_statuses).to_string()],
    );
    check(
        "sentence_left_out",
        sentence_left_out(Count::new(7, n_files), "‹a›"),
        &[&Count::new(7, n_files).to_string(), "‹a›"],
    );
    check(
        "sentence_nested_plans",
        sentence_nested_plans(7, "‹a›"),
        &["7", "‹a›"],
    );
    check(
        "sentence_nested_plans",
        sentence_nested_plans(1, "‹a›"),
        &["1", "‹a›"],
    );
    check("moved_to", moved_to("‹a›"), &["‹a›"]);
    check("report_since", report_since(1), &[]);
    check("report_since", report_since(2), &[]);
    check("missing_in_year", missing_in_year(7), &["7"]);
    check("late_of", late_of(2, 7), &["2", "7"]);
    check("to_period", to_period("‹a›"), &["‹a›"]);
    check("not_reached_in", not_reached_in("‹a›"), &["‹a›"]);
}

#[test]
fn both_tables_are_complete_and_print_every_part() {
    check_table("DA", &DA);
    check_table("EN", &EN);
}
