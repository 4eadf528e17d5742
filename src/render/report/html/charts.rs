//! The memo's two inline SVG charts, built with `maud` like the page around them: the year's
//! initiatives on a quarter timeline, and the tracks against their minimum. Coordinates are
//! SVG units, written with one decimal; CSS scales the chart to the page.

use chrono::{Datelike, NaiveDate};
use maud::{html, Markup};

use crate::i18n::Words;
use crate::model::{Period, Status};
use crate::report::Report;
use crate::summary::PeriodRow;

/// The chart's total width in SVG units (scaled to the page by CSS).
const CHART_W: f64 = 680.0;

/// The colours of the statuses in the timeline, also its legend.
const STATUS_COLOURS: [(Status, &str); 5] = [
    (Status::Done, "#4f9a5a"),
    (Status::Active, "#5b8fc7"),
    (Status::Planned, "#c9d3de"),
    (Status::Postponed, "#e3b35c"),
    (Status::Cancelled, "#efefef"),
];

/// A coordinate with one decimal: "12.0".
fn f1(x: f64) -> String {
    format!("{x:.1}")
}

/// `<figure><svg …>` with its accessible title around `content`.
fn figure(title: &str, class: &str, height: f64, content: Markup) -> Markup {
    let (width, height) = (CHART_W.to_string(), height.to_string());
    html! {
        figure {
            svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
                viewBox={ "0 0 " (width) " " (height) }
                width=(width) height=(height) class=(class) {
                "\n" title { (title) } "\n"
                (content)
            }
        }
        "\n"
    }
}

/// Horizontal bars: per track, the whole year (light grey, or orange when the year's plan is
/// short of the minimum, whatever the state of its work), through the quarter (blue) and done
/// (green), with the minimum as a dashed line.
pub(super) fn track_chart(w: &Words, report: &Report) -> Markup {
    if report.tracks.is_empty() {
        return html! {};
    }
    let quarter = w.period(report.quarter);
    let longest = report
        .tracks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0);
    let label_w = (longest as f64 * 6.4 + 14.0).clamp(90.0, 250.0);
    let max_chars = ((label_w - 14.0) / 6.4) as usize;
    let x0 = label_w;
    let x1 = CHART_W - 40.0;
    let minimum = report.tracks[0].minimum;
    let top_count = report
        .tracks
        .iter()
        .map(|t| t.year.max(t.to_date))
        .chain([minimum, 1])
        .max()
        .unwrap_or(1) as f64;
    let scale = (x1 - x0) / top_count;
    let bar = |n: usize| n as f64 * scale;
    let row = 22.0;
    let top = 20.0;
    let legend_y = top + row * report.tracks.len() as f64 + 14.0;
    let mx = f1(x0 + minimum as f64 * scale);
    let legend = [
        ("#3b6ea5", (w.legend_to_date)(&quarter)),
        ("#f0b77d", w.legend_short.to_string()),
        ("#2f7a3e", w.col_done.to_lowercase()),
        ("#dbe3ec", w.legend_year.to_string()),
    ];
    let content = html! {
        @for (i, t) in report.tracks.iter().enumerate() {
            @let y = top + row * i as f64;
            text x=(f1(x0 - 8.0)) y=(f1(y + 14.0)) font-size="12" text-anchor="end" {
                (shorten(&t.name, max_chars))
            } "\n"
            rect x=(f1(x0)) y=(f1(y + 2.0)) width=(f1(bar(t.year))) height="16"
                fill=(if t.met { "#dbe3ec" } else { "#f0b77d" }) {} "\n"
            rect x=(f1(x0)) y=(f1(y + 5.0)) width=(f1(bar(t.to_date))) height="10"
                fill="#3b6ea5" {} "\n"
            @if t.done > 0 {
                rect x=(f1(x0)) y=(f1(y + 5.0)) width=(f1(bar(t.done))) height="10"
                    fill="#2f7a3e" {} "\n"
            }
            text x=(f1(x0 + bar(t.year.max(t.to_date)) + 5.0)) y=(f1(y + 14.0))
                font-size="11" fill="#333" {
                (t.to_date) "/" (t.year)
                @if !t.met {
                    " · " tspan fill="#a4262c" { ((w.missing_in_year)(t.minimum.saturating_sub(t.year))) }
                }
            } "\n"
        }
        line x1=(mx) y1=(f1(top - 4.0)) x2=(mx) y2=(f1(top + row * report.tracks.len() as f64))
            stroke="#a4262c" stroke-width="1.5" stroke-dasharray="4 3" {} "\n"
        text x=(mx) y=(f1(top - 7.0)) font-size="11" text-anchor="middle" fill="#a4262c" {
            (w.legend_minimum) " " (minimum)
        } "\n"
        (legend_row(x0, legend_y, &legend))
    };
    figure(w.chart_tracks, "tracks", legend_y + 14.0, content)
}

/// The year on a time axis: one row per period (whole year, Q1..Q4), its bar spanning the
/// period and split by status; late ones are counted beside it; the report's quarter is
/// shaded and the as-of date marked.
pub(super) fn timeline(w: &Words, report: &Report) -> Markup {
    let year = report.plan.year;
    let x0 = 100.0;
    let x1 = CHART_W - 10.0;
    let span = x1 - x0;
    let days = f64::from(Period::Year.end(year).ordinal());
    let x_of = |date: NaiveDate| -> f64 {
        let start = Period::Year.start(year);
        let end = Period::Year.end(year);
        let clamped = date.clamp(start, end + chrono::Days::new(1));
        x0 + span * (clamped - start).num_days() as f64 / days
    };
    // The first day after a period, where its bar ends.
    let after = |p: Period| x_of(p.end(year).succ_opt().unwrap_or(p.end(year)));
    let row = 28.0;
    let top = 22.0;
    let bottom = top + row * report.timeline.len() as f64;
    let legend_y = bottom + 26.0;
    let q = report.quarter;
    let (qx0, qx1) = (x_of(q.start(year)), after(q));
    let ax = x_of(report.as_of);
    let anchor = if ax > x1 - 80.0 {
        "end"
    } else if ax < x0 + 80.0 {
        "start"
    } else {
        "middle"
    };
    let legend: Vec<(&str, String)> = STATUS_COLOURS
        .iter()
        .map(|(status, colour)| (*colour, w.status(*status).to_string()))
        .collect();
    let content = html! {
        // The report's quarter, shaded.
        rect x=(f1(qx0)) y=(f1(top - 18.0)) width=(f1(qx1 - qx0)) height=(f1(bottom - top + 18.0))
            fill="#fff4cc" {} "\n"
        // Quarter boundaries and month names.
        @for quarter in 1..=4u8 {
            @let start = Period::Q(quarter).start(year);
            @let x = f1(x_of(start));
            line x1=(x) y1=(f1(top - 18.0)) x2=(x) y2=(f1(bottom))
                stroke="#b8c2cc" stroke-width="1" {} "\n"
            text x=(f1(x_of(start) + 4.0)) y=(f1(top - 6.0)) font-size="11" fill="#555" {
                (w.months[start.month0() as usize].chars().take(3).collect::<String>())
            } "\n"
        }
        line x1=(f1(x1)) y1=(f1(top - 18.0)) x2=(f1(x1)) y2=(f1(bottom))
            stroke="#b8c2cc" stroke-width="1" {} "\n"
        @for (i, p) in report.timeline.iter().enumerate() {
            @let y = top + row * i as f64;
            @let (bx0, bx1) = (x_of(p.period.start(year)) + 2.0, after(p.period) - 2.0);
            text x=(f1(x0 - 8.0)) y=(f1(y + 17.0)) font-size="12" text-anchor="end" {
                (w.period(p.period))
            } "\n"
            @if p.total == 0 {
                rect x=(f1(bx0)) y=(f1(y + 3.0)) width=(f1(bx1 - bx0)) height="20" fill="none"
                    stroke="#c9d3de" stroke-dasharray="3 3" {} "\n"
            } @else {
                @for (status, n, x, width) in segments(p, bx0, bx1) {
                    rect x=(f1(x)) y=(f1(y + 3.0)) width=(f1(width)) height="20"
                        fill=(colour_of(status)) {
                        title { (w.status(status)) ": " (n) }
                    } "\n"
                }
                @if p.late > 0 {
                    rect x=(f1(bx0)) y=(f1(y + 3.0)) width=(f1(bx1 - bx0)) height="20" fill="none"
                        stroke="#a4262c" stroke-width="2" {} "\n"
                }
            }
            // "7 indsatser", or "2 af 7 forsinkede" (the whole label must fit in a quarter;
            // "7 · 2 forsinkede" said neither what 7 was nor how the two numbers relate).
            text x=(f1((bx0 + bx1) / 2.0)) y=(f1(y + 17.0)) font-size="11" text-anchor="middle"
                fill=(if p.late > 0 { "#a4262c" } else { "#1a1a1a" })
                stroke="#ffffff" stroke-width="3" paint-order="stroke" {
                @if p.late > 0 {
                    ((w.late_of)(p.late, p.total))
                } @else {
                    (w.count(w.n_initiatives, p.total))
                }
            } "\n"
        }
        // The as-of date.
        line x1=(f1(ax)) y1=(f1(top - 18.0)) x2=(f1(ax)) y2=(f1(bottom + 4.0))
            stroke="#a4262c" stroke-width="2" {} "\n"
        text x=(f1(ax)) y=(f1(bottom + 15.0)) font-size="11" text-anchor=(anchor) fill="#a4262c" {
            (w.as_of) " " (w.date(report.as_of))
        } "\n"
        (legend_row(x0, legend_y, &legend))
    };
    figure(w.chart_timeline, "timeline", legend_y + 12.0, content)
}

fn colour_of(status: Status) -> &'static str {
    STATUS_COLOURS
        .iter()
        .find(|(s, _)| *s == status)
        .map_or("#cccccc", |(_, c)| c)
}

/// A row of coloured squares with their labels, from `x` at baseline `y`.
fn legend_row(x: f64, y: f64, entries: &[(&str, String)]) -> Markup {
    let mut next = x;
    let placed = entries.iter().map(|(colour, label)| {
        let x = next;
        next += 14.0 + label.chars().count() as f64 * 6.2 + 16.0;
        (x, colour, label)
    });
    html! {
        @for (x, colour, label) in placed {
            rect x=(f1(x)) y=(f1(y - 9.0)) width="10" height="10" fill=(colour)
                stroke="#8a9bb0" stroke-width="0.5" {} "\n"
            text x=(f1(x + 14.0)) y=(f1(y)) font-size="11" { (label) } "\n"
        }
    }
}

/// The parts of a period's bar from `x0` to `x1`, one per status present, in the legend's
/// order: status, count, left edge, width.
fn segments(p: &PeriodRow, x0: f64, x1: f64) -> Vec<(Status, usize, f64, f64)> {
    let counts = [
        (Status::Done, p.done),
        (Status::Active, p.active),
        (Status::Planned, p.planned),
        (Status::Postponed, p.postponed),
        (Status::Cancelled, p.cancelled),
    ];
    let mut x = x0;
    let mut out = Vec::new();
    for (status, n) in counts.into_iter().filter(|&(_, n)| n > 0) {
        let width = (x1 - x0) * n as f64 / p.total as f64;
        out.push((status, n, x, width));
        x += width;
    }
    out
}

/// Cuts a label to `max` columns with an ellipsis (the table beside the chart has it whole).
fn shorten(text: &str, max: usize) -> String {
    crate::text::truncate(text, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened_with_an_ellipsis() {
        assert_eq!(shorten("Indgang til fællesskab", 10), "Indgang t…");
        assert_eq!(shorten("Hygge", 10), "Hygge");
    }

    #[test]
    fn legend_labels_are_escaped() {
        let row = legend_row(0.0, 20.0, &[("#fff", "<b>fed</b>".to_string())]).into_string();
        assert_eq!(
            row,
            "<rect x=\"0.0\" y=\"11.0\" width=\"10\" height=\"10\" fill=\"#fff\" \
             stroke=\"#8a9bb0\" stroke-width=\"0.5\"></rect>\n\
             <text x=\"14.0\" y=\"20.0\" font-size=\"11\">&lt;b&gt;fed&lt;/b&gt;</text>\n"
        );
    }
}
