//! The quarterly memo ([`crate::report::Report`]) in each format, one file per format.
//! The phrases every format shares (status with its judgements, tracks, notes) are here.

pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
pub mod xlsx;

use std::io::{self, Write};

use crate::assess::memo::EventKind;
use crate::cli::Delimiter;
use crate::cli::ReportFormat;
use crate::i18n::Words;
use crate::report::{Item, Note, Report, TrackCoverage};

/// The headings of the memo's table of tracks (track, to date, done, whole year, minimum,
/// and an empty one over met / short), in every memo format.
pub(super) fn track_headings(w: &Words) -> [&'static str; 6] {
    [
        w.col_track,
        w.col_to_date,
        w.col_done,
        w.col_year,
        w.col_minimum,
        "",
    ]
}

/// Writes `report` in `format` to `out`; `delimiter` is the CSV separator chosen with
/// `--delimiter` (the other formats ignore it).
pub fn render(
    format: ReportFormat,
    report: &Report,
    delimiter: Option<Delimiter>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Markdown => markdown::render(report, out),
        ReportFormat::Text => text::render(report, out),
        ReportFormat::Html => html::render(report, out),
        ReportFormat::Csv => csv::render(report, delimiter, out),
        ReportFormat::Json => json::render(report, out),
        ReportFormat::Xlsx => xlsx::render(report, out),
        ReportFormat::Docx => docx::render(report, out),
    }
}

/// "2. kvartal 2017" / "Q2 2017".
pub(crate) fn quarter_title(w: &Words, report: &Report) -> String {
    format!("{} {}", w.period(report.quarter), report.plan.year)
}

/// "Status pr. 30. juni 2017".
pub(crate) fn as_of_line(w: &Words, report: &Report) -> String {
    (w.report_as_of)(&w.date(report.as_of))
}

/// The tracks of an initiative; a cross-cutting one is named as such.
pub(crate) fn tracks_text(w: &Words, item: &Item) -> String {
    w.track_names(item.cross_cutting, &item.tracks).join(", ")
}

/// "i gang, ikke nået, forsinket, i risiko": the status, whether the quarter closed without
/// it, where it was moved, and the as-of judgements.
pub(crate) fn status_text(w: &Words, item: &Item) -> String {
    let moved = item.moved_to.map(|p| (w.moved_to)(&w.period_in_text(p)));
    let mut parts = vec![w.status(item.status)];
    if let Some(moved) = &moved {
        parts.push(moved);
    }
    if item.not_reached {
        parts.push(w.not_reached);
    }
    if item.late {
        parts.push(w.late);
    }
    if item.blocked {
        parts.push(w.blocked);
    }
    if item.at_risk {
        parts.push(w.at_risk);
    }
    parts.join(", ")
}

/// "20. april 2017: Første netværksmøde holdt i Viby."
pub(crate) fn note_text(w: &Words, note: Option<&Note>) -> String {
    note.map(|n| format!("{}: {}", w.date(n.date), n.text))
        .unwrap_or_default()
}

/// "opfyldt" / "mangler 1": whether the year's plan meets the minimum (the table shows the
/// year's count beside it).
pub(crate) fn met_text(w: &Words, track: &TrackCoverage) -> String {
    if track.met {
        w.met.to_string()
    } else {
        (w.missing_n)(track.minimum.saturating_sub(track.year))
    }
}

/// "Siden sidste kvartal": one line per kind of change that happened, "Sat i gang: »A«
/// (2. maj 2017); »B« (…)"; moves say where to. Plan text as in the report (cleaned, not
/// escaped): each format escapes it.
pub(crate) fn since_lines(w: &Words, report: &Report) -> Vec<String> {
    let kinds = [
        (EventKind::New, w.since_new),
        (EventKind::Started, w.since_started),
        (EventKind::Reopened, w.since_reopened),
        (EventKind::BackToPlanned, w.since_back_to_planned),
        (EventKind::Done, w.since_done),
        (EventKind::Postponed, w.since_postponed),
        (EventKind::Moved, w.since_moved),
        (EventKind::Cancelled, w.since_cancelled),
    ];
    let mut out = Vec::new();
    for (kind, label) in kinds {
        let events: Vec<String> = report
            .since_last_quarter
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                let mut text = format!(
                    "{}{}{} ({}",
                    w.quotes[0],
                    e.title,
                    w.quotes[1],
                    w.date(e.date)
                );
                if let Some(to) = e.to {
                    text.push_str(&format!(", {}", (w.to_period)(&w.period_in_text(to))));
                }
                text.push(')');
                text
            })
            .collect();
        let label = label.form(events.len());
        if !events.is_empty() {
            out.push(format!("{label}: {}", events.join("; ")));
        }
    }
    out
}

/// The heading of the preview: "Næste kvartal: 3. kvartal" or, after Q4, "Næste år: 2018".
pub(crate) fn next_heading(w: &Words, report: &Report) -> String {
    match report.next.period {
        Some(period) => (w.report_next)(&w.period(period)),
        None => (w.report_next_year)(report.plan.year + 1),
    }
}

/// What the preview says when it is empty.
pub(crate) fn next_empty(w: &Words, report: &Report) -> String {
    match report.next.period {
        Some(period) => (w.none_next)(&w.period(period)),
        None => (w.none_follow_up)(report.plan.year + 1),
    }
}
