//! The memo as one self-contained HTML file: inline CSS, no scripts, no external resources.
//! It prints on A4, and its tables are real `<table>`s with borders set both in CSS and as
//! attributes, so that they survive a paste into Word or Outlook. Two inline SVG charts: the
//! year's initiatives on a quarter timeline, and the tracks against their minimum.
//! All plan text is escaped (`encode_safe` in text, `encode_double_quoted_attribute` in
//! attributes).

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::Datelike;

use crate::i18n::{words, Words};
use crate::model::{Period, Status};
use crate::report::{Item, Report};

use super::{
    as_of_line, met_text, next_empty, next_heading, note_text, quarter_title, status_text,
    tracks_text,
};

const STYLE: &str = "
@page { size: A4; margin: 16mm 15mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Calibri, 'Segoe UI', Arial, Helvetica, sans-serif; font-size: 11pt;
  line-height: 1.35; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 10mm 0; }
h1 { font-size: 18pt; margin: 0 0 3pt; }
p.sub { color: #444; margin: 0 0 10pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1px solid #8a9bb0;
  break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; font-size: 9.5pt; }
th, td { border: 1px solid #9aa5b1; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #e6ecf2; }
td.n, th.n { text-align: right; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.warn { color: #a4262c; font-weight: bold; }
p.small { font-size: 9pt; color: #555; margin: 2pt 0 6pt; }
figure { margin: 4pt 0 8pt; break-inside: avoid; page-break-inside: avoid; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: Calibri, 'Segoe UI', Arial, Helvetica, sans-serif; }
@media print { body { max-width: none; padding: 0; } }
";

/// The colours of the statuses in the timeline, also its legend.
const STATUS_COLOURS: [(Status, &str); 5] = [
    (Status::Done, "#4f9a5a"),
    (Status::Active, "#5b8fc7"),
    (Status::Planned, "#c9d3de"),
    (Status::Postponed, "#e3b35c"),
    (Status::Cancelled, "#efefef"),
];

/// Escapes plan text (and anything else) for HTML element content.
pub fn esc(text: &str) -> String {
    html_escape::encode_safe(text).into_owned()
}

/// Escapes text for a double-quoted attribute value.
pub fn attr(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut html = String::new();
    page(&mut html, report).expect("writing to a String cannot fail");
    out.write_all(html.as_bytes())
}

fn page(h: &mut String, report: &Report) -> std::fmt::Result {
    let w = words(report.language);
    let quarter = w.period(report.quarter);
    writeln!(h, "<!DOCTYPE html>")?;
    writeln!(h, "<html lang=\"{}\">", report.lang)?;
    writeln!(h, "<head>")?;
    writeln!(h, "<meta charset=\"utf-8\">")?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        h,
        "<title>{} · {}</title>",
        esc(&report.plan.title),
        esc(&quarter_title(w, report))
    )?;
    writeln!(h, "<style>{STYLE}</style>")?;
    writeln!(h, "</head>")?;
    writeln!(h, "<body>")?;
    writeln!(h, "<h1>{}</h1>", esc(&report.plan.title))?;
    writeln!(
        h,
        "<p class=\"sub\"><strong>{}</strong> · {}</p>",
        esc(&quarter_title(w, report)),
        esc(&as_of_line(w, report))
    )?;

    writeln!(h, "<h2>{}</h2>", esc(w.report_summary))?;
    writeln!(h, "<p>{}</p>", esc(&report.summary.join(" ")))?;
    timeline(h, w, report)?;

    writeln!(
        h,
        "<h2>{}</h2>",
        esc(&w.report_quarter.replace("{period}", &quarter))
    )?;
    if report.initiatives.is_empty() {
        writeln!(
            h,
            "<p>{}</p>",
            esc(&w.none_quarter.replace("{period}", &quarter))
        )?;
    } else {
        items_table(h, w, &report.initiatives, false)?;
    }

    writeln!(h, "<h2>{}</h2>", esc(w.report_ongoing))?;
    if report.ongoing.is_empty() {
        writeln!(h, "<p>{}</p>", esc(w.none_ongoing))?;
    } else {
        items_table(h, w, &report.ongoing, true)?;
    }

    writeln!(
        h,
        "<h2>{}</h2>",
        esc(&w.report_tracks.replace("{period}", &quarter))
    )?;
    track_chart(h, w, report)?;
    tracks_table(h, w, report)?;
    if !report.cross_cutting_counts {
        writeln!(
            h,
            "<p class=\"small\">{}</p>",
            esc(w.report_cross_cutting_note)
        )?;
    }

    writeln!(h, "<h2>{}</h2>", esc(w.report_attention))?;
    if report.attention.is_empty() {
        writeln!(
            h,
            "<p>{}</p>",
            esc(&w.none_attention.replace("{date}", &w.date(report.as_of)))
        )?;
    } else {
        table_start(
            h,
            &[w.col_title, w.col_period, w.col_status, w.col_attention],
            &[],
        )?;
        for a in &report.attention {
            writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"warn\">{}</td></tr>",
                esc(&a.title),
                esc(&w.period(a.period)),
                esc(w.status(a.status)),
                esc(&a.explained.join("; "))
            )?;
        }
        writeln!(h, "</tbody></table>")?;
    }

    writeln!(h, "<h2>{}</h2>", esc(&next_heading(w, report)))?;
    if !report.next.initiatives.is_empty() {
        table_start(
            h,
            &[w.col_title, w.col_tracks, w.col_places, w.col_status],
            &[],
        )?;
        for item in &report.next.initiatives {
            writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&item.title),
                esc(&tracks_text(w, item)),
                esc(&item.locations.join(", ")),
                esc(&status_text(w, item))
            )?;
        }
        writeln!(h, "</tbody></table>")?;
    } else if !report.next.follow_ups.is_empty() {
        table_start(h, &[w.col_title, w.col_follow_up], &[])?;
        for f in &report.next.follow_ups {
            writeln!(
                h,
                "<tr><td>{}</td><td>{}</td></tr>",
                esc(&f.title),
                esc(&f.follow_up)
            )?;
        }
        writeln!(h, "</tbody></table>")?;
    } else {
        writeln!(h, "<p>{}</p>", esc(&next_empty(w, report)))?;
    }
    writeln!(h, "</body>")?;
    writeln!(h, "</html>")
}

/// `<table>` with its header row; `numeric` names the columns to right-align.
fn table_start(h: &mut String, header: &[&str], numeric: &[usize]) -> std::fmt::Result {
    // The attributes repeat the CSS for Word and Outlook, which keep them when pasting.
    write!(
        h,
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><thead><tr>"
    )?;
    for (i, cell) in header.iter().enumerate() {
        let class = if numeric.contains(&i) {
            " class=\"n\""
        } else {
            ""
        };
        write!(h, "<th{class}>{}</th>", esc(cell))?;
    }
    writeln!(h, "</tr></thead><tbody>")
}

fn items_table(h: &mut String, w: &Words, items: &[Item], with_period: bool) -> std::fmt::Result {
    let mut header = vec![w.col_title];
    if with_period {
        header.push(w.col_period);
    }
    header.extend([w.col_tracks, w.col_places, w.col_status, w.col_note]);
    table_start(h, &header, &[])?;
    for item in items {
        write!(h, "<tr><td>{}</td>", esc(&item.title))?;
        if with_period {
            write!(h, "<td>{}</td>", esc(&w.period(item.period)))?;
        }
        let warn = item.late || item.blocked || item.at_risk;
        writeln!(
            h,
            "<td>{}</td><td>{}</td><td{}>{}</td><td>{}</td></tr>",
            esc(&tracks_text(w, item)),
            esc(&item.locations.join(", ")),
            if warn { " class=\"warn\"" } else { "" },
            esc(&status_text(w, item)),
            esc(&note_text(w, item.latest_note.as_ref()))
        )?;
    }
    writeln!(h, "</tbody></table>")
}

fn tracks_table(h: &mut String, w: &Words, report: &Report) -> std::fmt::Result {
    table_start(
        h,
        &[
            w.col_track,
            w.col_to_date,
            w.col_done,
            w.col_year,
            w.col_minimum,
            "",
        ],
        &[1, 2, 3, 4],
    )?;
    for t in &report.tracks {
        writeln!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td{}>{}</td></tr>",
            esc(&t.name),
            t.to_date,
            t.done,
            t.year,
            t.minimum,
            if t.met { "" } else { " class=\"warn\"" },
            esc(&met_text(w, t))
        )?;
    }
    writeln!(h, "</tbody></table>")
}

/// The chart's total width in SVG units (scaled to the page by CSS).
const CHART_W: f64 = 680.0;

/// Horizontal bars: per track, the whole year (light), through the quarter (blue, or orange
/// when short of the minimum) and done (green), with the minimum as a dashed line.
fn track_chart(h: &mut String, w: &Words, report: &Report) -> std::fmt::Result {
    if report.tracks.is_empty() {
        return Ok(());
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
    let row = 22.0;
    let top = 20.0;
    let legend_y = top + row * report.tracks.len() as f64 + 14.0;
    let height = legend_y + 14.0;
    let title = w.chart_tracks;
    writeln!(
        h,
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {CHART_W} {height}\" width=\"{CHART_W}\" height=\"{height}\" class=\"tracks\">",
        attr(title)
    )?;
    writeln!(h, "<title>{}</title>", esc(title))?;
    for (i, t) in report.tracks.iter().enumerate() {
        let y = top + row * i as f64;
        let name = shorten(&t.name, max_chars);
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            x0 - 8.0,
            y + 14.0,
            esc(&name)
        )?;
        let bar = |n: usize| n as f64 * scale;
        writeln!(
            h,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" fill=\"#dbe3ec\"/>",
            y + 2.0,
            bar(t.year)
        )?;
        let colour = if t.met { "#3b6ea5" } else { "#d9822b" };
        writeln!(
            h,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"{colour}\"/>",
            y + 5.0,
            bar(t.to_date)
        )?;
        if t.done > 0 {
            writeln!(
                h,
                "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"#2f7a3e\"/>",
                y + 5.0,
                bar(t.done)
            )?;
        }
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#333\">{}/{}</text>",
            x0 + bar(t.year.max(t.to_date)) + 5.0,
            y + 14.0,
            t.to_date,
            t.year
        )?;
    }
    let mx = x0 + minimum as f64 * scale;
    writeln!(
        h,
        "<line x1=\"{mx:.1}\" y1=\"{:.1}\" x2=\"{mx:.1}\" y2=\"{:.1}\" stroke=\"#a4262c\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
        top - 4.0,
        top + row * report.tracks.len() as f64
    )?;
    writeln!(
        h,
        "<text x=\"{mx:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#a4262c\">{} {minimum}</text>",
        top - 7.0,
        esc(w.legend_minimum)
    )?;
    let legend = [
        ("#3b6ea5", w.legend_to_date.replace("{period}", &quarter)),
        ("#d9822b", w.legend_short.to_string()),
        ("#2f7a3e", w.col_done.to_lowercase()),
        ("#dbe3ec", w.legend_year.to_string()),
    ];
    legend_row(h, x0, legend_y, &legend)?;
    writeln!(h, "</svg></figure>")
}

/// The year on a time axis: one row per period (whole year, Q1..Q4), its bar spanning the
/// period and split by status; late ones are counted beside it; the report's quarter is
/// shaded and the as-of date marked.
fn timeline(h: &mut String, w: &Words, report: &Report) -> std::fmt::Result {
    let year = report.plan.year;
    let x0 = 100.0;
    let x1 = CHART_W - 10.0;
    let span = x1 - x0;
    let days = f64::from(Period::Year.end(year).ordinal());
    let x_of = |date: chrono::NaiveDate| -> f64 {
        let start = Period::Year.start(year);
        let end = Period::Year.end(year);
        let clamped = date.clamp(start, end + chrono::Days::new(1));
        x0 + span * (clamped - start).num_days() as f64 / days
    };
    let row = 28.0;
    let top = 22.0;
    let rows = report.timeline.len() as f64;
    let bottom = top + row * rows;
    let legend_y = bottom + 26.0;
    let height = legend_y + 12.0;
    let title = w.chart_timeline;
    writeln!(
        h,
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {CHART_W} {height}\" width=\"{CHART_W}\" height=\"{height}\" class=\"timeline\">",
        attr(title)
    )?;
    writeln!(h, "<title>{}</title>", esc(title))?;
    // The report's quarter, shaded.
    let q = report.quarter;
    let (qx0, qx1) = (
        x_of(q.start(year)),
        x_of(q.end(year).succ_opt().unwrap_or(q.end(year))),
    );
    writeln!(
        h,
        "<rect x=\"{qx0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#fff4cc\"/>",
        top - 18.0,
        qx1 - qx0,
        bottom - top + 18.0
    )?;
    // Quarter boundaries and month names.
    for quarter in 1..=4u8 {
        let start = Period::Q(quarter).start(year);
        let x = x_of(start);
        writeln!(
            h,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"#b8c2cc\" stroke-width=\"1\"/>",
            top - 18.0
        )?;
        let label: String = w.months[start.month0() as usize].chars().take(3).collect();
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#555\">{}</text>",
            x + 4.0,
            top - 6.0,
            esc(&label)
        )?;
    }
    writeln!(
        h,
        "<line x1=\"{x1:.1}\" y1=\"{:.1}\" x2=\"{x1:.1}\" y2=\"{bottom:.1}\" stroke=\"#b8c2cc\" stroke-width=\"1\"/>",
        top - 18.0
    )?;
    for (i, p) in report.timeline.iter().enumerate() {
        let y = top + row * i as f64;
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            x0 - 8.0,
            y + 17.0,
            esc(&w.period(p.period))
        )?;
        let (bx0, bx1) = (
            x_of(p.period.start(year)) + 2.0,
            x_of(p.period.end(year).succ_opt().unwrap_or(p.period.end(year))) - 2.0,
        );
        let counts = [
            (Status::Done, p.done),
            (Status::Active, p.active),
            (Status::Planned, p.planned),
            (Status::Postponed, p.postponed),
            (Status::Cancelled, p.cancelled),
        ];
        if p.total == 0 {
            writeln!(
                h,
                "<rect x=\"{bx0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"20\" fill=\"none\" stroke=\"#c9d3de\" stroke-dasharray=\"3 3\"/>",
                y + 3.0,
                bx1 - bx0
            )?;
        } else {
            let mut x = bx0;
            for (status, n) in counts {
                if n == 0 {
                    continue;
                }
                let width = (bx1 - bx0) * n as f64 / p.total as f64;
                let colour = colour_of(status);
                writeln!(
                    h,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"20\" fill=\"{colour}\"><title>{}: {n}</title></rect>",
                    y + 3.0,
                    esc(w.status(status))
                )?;
                x += width;
            }
            if p.late > 0 {
                writeln!(
                    h,
                    "<rect x=\"{bx0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"20\" fill=\"none\" stroke=\"#a4262c\" stroke-width=\"2\"/>",
                    y + 3.0,
                    bx1 - bx0
                )?;
            }
        }
        // "7 indsatser", or "7 · 2 forsinkede" (the whole label must fit in a quarter).
        let label = if p.late > 0 {
            format!("{} · {}", p.total, w.count(w.n_late, p.late))
        } else {
            w.count(w.n_initiatives, p.total)
        };
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
            (bx0 + bx1) / 2.0,
            y + 17.0,
            if p.late > 0 { "#a4262c" } else { "#1a1a1a" },
            esc(&label)
        )?;
    }
    // The as-of date.
    let ax = x_of(report.as_of);
    writeln!(
        h,
        "<line x1=\"{ax:.1}\" y1=\"{:.1}\" x2=\"{ax:.1}\" y2=\"{:.1}\" stroke=\"#a4262c\" stroke-width=\"2\"/>",
        top - 18.0,
        bottom + 4.0
    )?;
    let anchor = if ax > x1 - 80.0 {
        "end"
    } else if ax < x0 + 80.0 {
        "start"
    } else {
        "middle"
    };
    writeln!(
        h,
        "<text x=\"{ax:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#a4262c\">{} {}</text>",
        bottom + 15.0,
        esc(w.as_of),
        esc(&w.date(report.as_of))
    )?;
    let legend: Vec<(&str, String)> = STATUS_COLOURS
        .iter()
        .map(|(status, colour)| (*colour, w.status(*status).to_string()))
        .collect();
    legend_row(h, x0, legend_y, &legend)?;
    writeln!(h, "</svg></figure>")
}

fn colour_of(status: Status) -> &'static str {
    STATUS_COLOURS
        .iter()
        .find(|(s, _)| *s == status)
        .map_or("#cccccc", |(_, c)| c)
}

/// A row of coloured squares with their labels, from `x` at baseline `y`.
fn legend_row(h: &mut String, x: f64, y: f64, entries: &[(&str, String)]) -> std::fmt::Result {
    let mut x = x;
    for (colour, label) in entries {
        writeln!(
            h,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{colour}\" stroke=\"#8a9bb0\" stroke-width=\"0.5\"/>",
            y - 9.0
        )?;
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"11\">{}</text>",
            x + 14.0,
            esc(label)
        )?;
        x += 14.0 + label.chars().count() as f64 * 6.2 + 16.0;
    }
    Ok(())
}

/// Cuts a label to `max` columns with an ellipsis (the table beside the chart has it whole).
fn shorten(text: &str, max: usize) -> String {
    crate::text::truncate(text, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(attr("a\"b<c"), "a&quot;b&lt;c");
        assert_eq!(shorten("Indgang til fællesskab", 10), "Indgang t…");
        assert_eq!(shorten("Hygge", 10), "Hygge");
    }
}
