//! The memo as one self-contained HTML file: inline CSS, no scripts, no external resources.
//! It prints on A4, and its tables are real `<table>`s with borders set both in CSS and as
//! attributes, so that they survive a paste into Word or Outlook. Two inline SVG charts
//! (`charts.rs`): the year's initiatives on a quarter timeline, and the tracks against their
//! minimum.
//!
//! The page is built with `maud`: every text spliced in with `(…)` is escaped by the crate,
//! in element content and in attribute values alike, so plan text cannot become markup. The
//! only unescaped text is the fixed style sheet. The `"\n"` literals keep one element per
//! line, so the file reads well as source.

use std::io::{self, Write};

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::i18n::{words, Words};
use crate::report::{Item, Report};
use crate::text::bind_ordinals;

use super::{
    as_of_line, met_text, next_empty, next_heading, note_text, quarter_title, since_lines,
    status_text, tracks_text,
};

mod charts;

/// The page's style. A title's or a note's cell (`t`: plan text) may break a word too long
/// for its column (`overflow-wrap: anywhere`): a 130-letter title pushed the table past the
/// A4 page. That lets the table squeeze such a column to a letter's width beside a long
/// note, so a title's column keeps room for a long word (`min-width`: "Målgruppespecifikke"
/// broke in three). A period (`p`) stays on one line, and an ordinal keeps its word
/// elsewhere (`bind_ordinals`): "1." was left at a line's end.
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
td.t { overflow-wrap: anywhere; }
td.t:first-child { min-width: 11em; }
td.p { white-space: nowrap; }
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

/// Writes the memo as one HTML page (UTF-8). The lists of initiatives are written a row at
/// a time into the page made around them (a memo of 100,000 initiatives is not held as one
/// string, nor copied into the page it is part of).
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let w = words(report.language);
    write_around(page(report, PreEscaped(SLOT.to_string())), out, |out| {
        write_body(w, report, out)
    })
}

/// Where a part written on its own goes in the markup made around it. Plan text cannot
/// hold it: maud escapes every `<` of spliced text.
const SLOT: &str = "<plan-slot/>";

/// Writes `outer` with `inner` written where its one [`SLOT`] is.
fn write_around(
    outer: Markup,
    out: &mut dyn Write,
    inner: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let text = outer.into_string();
    let (before, after) = text.split_once(SLOT).expect("the markup has its slot");
    out.write_all(before.as_bytes())?;
    inner(out)?;
    out.write_all(after.as_bytes())
}

/// The sections of the memo ([`body`]), the two lists of initiatives written a row at a
/// time where their slots are.
fn write_body(w: &Words, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut lists = Vec::new();
    let text = body(w, report, &mut lists).into_string();
    let mut parts = text.split(SLOT);
    out.write_all(parts.next().unwrap_or_default().as_bytes())?;
    for (list, part) in lists.into_iter().zip(parts) {
        match list {
            List::Items(items, with_period) => write_items_table(w, items, with_period, out)?,
            List::Attention => write_table(
                &[w.col_title, w.col_period, w.col_status, w.col_attention],
                report.attention.iter().map(|a| {
                    html! {
                        tr {
                            td.t { (a.title) }
                            td.p { (w.period(a.period)) }
                            td { (w.status(a.status)) }
                            td.warn { (bind_ordinals(&a.explained.join("; "))) }
                        }
                    }
                }),
                out,
            )?,
            List::Next => write_table(
                &[w.col_title, w.col_tracks, w.col_places, w.col_status],
                report.next.initiatives.iter().map(|item| {
                    html! {
                        tr {
                            td.t { (item.title) }
                            td { (tracks_text(w, item)) }
                            td { (item.locations.join(", ")) }
                            td { (bind_ordinals(&status_text(w, item))) }
                        }
                    }
                }),
                out,
            )?,
        }
        out.write_all(part.as_bytes())?;
    }
    Ok(())
}

/// A long table of the memo, written a row at a time where [`body`] left a [`SLOT`].
enum List<'r> {
    /// Initiatives, with or without their period.
    Items(&'r [Item<'r>], bool),
    Attention,
    Next,
}

/// A [`SLOT`] in the body, for `list`, noted in `lists` (in the order of the page).
fn slot<'r>(lists: &mut Vec<List<'r>>, list: List<'r>) -> PreEscaped<&'static str> {
    lists.push(list);
    PreEscaped(SLOT)
}

fn page(report: &Report, body: Markup) -> Markup {
    let w = words(report.language);
    let title = &report.plan.title;
    html! {
        (DOCTYPE) "\n"
        html lang=(report.lang) {
            "\n"
            head {
                "\n" meta charset="utf-8";
                "\n" meta name="viewport" content="width=device-width, initial-scale=1";
                "\n" title { (title) " · " (quarter_title(w, report)) }
                "\n" style { (PreEscaped(STYLE)) }
                "\n"
            }
            "\n"
            body {
                "\n" h1 { (title) }
                "\n" p.sub {
                    strong { (bind_ordinals(&quarter_title(w, report))) } " · "
                    (bind_ordinals(&as_of_line(w, report)))
                }
                "\n" (body)
            }
            "\n"
        }
        "\n"
    }
}

/// The sections of the memo, each element followed by a line break; a [`SLOT`] where each
/// list of initiatives goes (the quarter's, then the ongoing ones), unless it is empty.
fn body<'r>(w: &Words, report: &'r Report, lists: &mut Vec<List<'r>>) -> Markup {
    let quarter = w.period(report.quarter);
    html! {
        h2 { (w.report_summary) } "\n"
        p { (report.summary.join(" ")) } "\n"
        (charts::timeline(w, report))

        h2 { ((w.report_quarter)(&quarter)) } "\n"
        @if report.initiatives.is_empty() {
            p { ((w.none_quarter)(&quarter)) } "\n"
        } @else {
            (slot(lists, List::Items(&report.initiatives, false)))
        }

        h2 { (w.report_ongoing) } "\n"
        @if report.ongoing.is_empty() {
            p { (w.none_ongoing) } "\n"
        } @else {
            (slot(lists, List::Items(&report.ongoing, true)))
        }

        h2 { ((w.report_tracks)(&quarter)) } "\n"
        (charts::track_chart(w, report))
        (tracks_table(w, report))
        @if !report.cross_cutting_counts {
            p.small { (w.report_cross_cutting_note) } "\n"
        }

        h2 { (w.report_attention) } "\n"
        @if report.attention.is_empty() {
            p { ((w.none_attention)(&w.date(report.as_of))) } "\n"
        } @else {
            (slot(lists, List::Attention))
        }

        h2 { ((w.report_since)(report.quarter.quarter().unwrap_or(1))) } "\n"
        @let since = since_lines(w, report);
        @if since.is_empty() {
            p { (w.none_since) } "\n"
        } @else {
            ul {
                @for line in &since {
                    li { (bind_ordinals(line)) } "\n"
                }
            } "\n"
        }
        @if !report.left_out.is_empty() {
            h2 { (w.report_left_out) } "\n"
            ul {
                @for file in &report.left_out {
                    li { (file) } "\n"
                }
            } "\n"
        }

        h2 { (next_heading(w, report)) } "\n"
        @if !report.next.initiatives.is_empty() {
            (slot(lists, List::Next))
        } @else if !report.next.follow_ups.is_empty() {
            (table(
                &[w.col_title, w.col_follow_up],
                &[],
                report.next.follow_ups.iter().map(|f| html! {
                    tr { td.t { (f.title) } td.t { (f.follow_up) } }
                }),
            ))
        } @else {
            p { (next_empty(w, report)) } "\n"
        }
    }
}

/// A `<table>` with its header row and `rows`; `numeric` names the columns to right-align.
fn table(header: &[&str], numeric: &[usize], rows: impl Iterator<Item = Markup>) -> Markup {
    // The attributes repeat the CSS for Word and Outlook, which keep them when pasting.
    html! {
        table border="1" cellspacing="0" cellpadding="4" {
            thead {
                tr {
                    @for (i, cell) in header.iter().enumerate() {
                        th class=[numeric.contains(&i).then_some("n")] { (cell) }
                    }
                }
            }
            tbody {
                "\n"
                @for row in rows {
                    (row) "\n"
                }
            }
        }
        "\n"
    }
}

/// A table of initiatives, written a row at a time into the table made around them (as
/// [`table`] makes it: each row followed by a line break).
fn write_items_table(
    w: &Words,
    items: &[Item],
    with_period: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut header = vec![w.col_title];
    if with_period {
        header.push(w.col_period);
    }
    header.extend([w.col_tracks, w.col_places, w.col_status, w.col_note]);
    let rows = items.iter().map(|item| {
        let warn = item.late || item.blocked || item.at_risk;
        html! {
            tr {
                td.t { (item.title) }
                @if with_period {
                    td.p { (w.period(item.period)) }
                }
                td { (tracks_text(w, item)) }
                td { (item.locations.join(", ")) }
                td class=[warn.then_some("warn")] { (bind_ordinals(&status_text(w, item))) }
                td.t { (bind_ordinals(&note_text(w, item.latest_note.as_ref()))) }
            }
        }
    });
    write_table(&header, rows, out)
}

/// [`table`] (no numeric columns) with its `rows` written one at a time, not held.
fn write_table(
    header: &[&str],
    rows: impl Iterator<Item = Markup>,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The slot takes one row's place, line break included: each row but the last is
    // followed by its own.
    let shell = table(header, &[], std::iter::once(PreEscaped(SLOT.to_string())));
    write_around(shell, out, |out| {
        for (n, row) in rows.enumerate() {
            if n > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(row.into_string().as_bytes())?;
        }
        Ok(())
    })
}

fn tracks_table(w: &Words, report: &Report) -> Markup {
    let header = super::track_headings(w);
    let rows = report.tracks.iter().map(|t| {
        html! {
            tr {
                td { (t.name) }
                td.n { (t.to_date) }
                td.n { (t.done) }
                td.n { (t.year) }
                td.n { (t.minimum) }
                td class=[(!t.met).then_some("warn")] { (met_text(w, t)) }
            }
        }
    });
    table(&header, &[1, 2, 3, 4], rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_by_the_template() {
        let hostile = "<script>alert('x')</script> & \"y\"";
        let cell = html! { td title=(hostile) { (hostile) } }.into_string();
        assert_eq!(
            cell,
            "<td title=\"&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;y&quot;\">\
             &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;y&quot;</td>"
        );
        let t = table(
            &["a<b", "n"],
            &[1],
            std::iter::once(html! { tr { td { "1" } } }),
        );
        assert_eq!(
            t.into_string(),
            "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><thead><tr><th>a&lt;b</th>\
             <th class=\"n\">n</th></tr></thead><tbody>\n<tr><td>1</td></tr>\n</tbody></table>\n"
        );
    }
}
