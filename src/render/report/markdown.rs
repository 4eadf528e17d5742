//! The memo as GitHub-flavoured Markdown, for wikis and for pasting into anything that reads
//! Markdown. Plan text is escaped so that it shows as written: `|` does not break a table,
//! `<script>` is text, `*` and `_` do not turn into emphasis.

use std::io::{self, Write};

use crate::i18n::{words, Words};
use crate::render::chunked::write_each;
use crate::render::escape::{markdown as escape_line, markdown_cell as escape};
use crate::report::{Item, Report};

use super::{
    as_of_line, met_text, next_empty, next_heading, note_text, quarter_title, since_lines,
    status_text, tracks_text,
};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let w = words(report.language);
    writeln!(out, "# {}", escape(&report.plan.title))?;
    writeln!(out)?;
    writeln!(
        out,
        "**{}** · {}",
        quarter_title(w, report),
        as_of_line(w, report)
    )?;
    writeln!(out)?;

    writeln!(out, "## {}", w.report_summary)?;
    writeln!(out)?;
    writeln!(out, "{}", escape_line(&report.summary.join(" ")))?;
    writeln!(out)?;

    let quarter = w.period(report.quarter);
    writeln!(out, "## {}", (w.report_quarter)(&quarter))?;
    writeln!(out)?;
    if report.initiatives.is_empty() {
        writeln!(out, "{}", (w.none_quarter)(&quarter))?;
    } else {
        items_table(w, &report.initiatives, false, out)?;
    }
    writeln!(out)?;

    writeln!(out, "## {}", w.report_ongoing)?;
    writeln!(out)?;
    if report.ongoing.is_empty() {
        writeln!(out, "{}", w.none_ongoing)?;
    } else {
        items_table(w, &report.ongoing, true, out)?;
    }
    writeln!(out)?;

    writeln!(out, "## {}", (w.report_tracks)(&quarter))?;
    writeln!(out)?;
    table_row(out, &super::track_headings(w))?;
    writeln!(out, "|---|--:|--:|--:|--:|---|")?;
    for t in &report.tracks {
        let met = met_text(w, t);
        let met = if t.met { met } else { format!("**{met}**") };
        table_row(
            out,
            &[
                &escape(&t.name),
                &t.to_date.to_string(),
                &t.done.to_string(),
                &t.year.to_string(),
                &t.minimum.to_string(),
                &met,
            ],
        )?;
    }
    if !report.cross_cutting_counts {
        writeln!(out)?;
        writeln!(out, "*{}*", w.report_cross_cutting_note)?;
    }
    writeln!(out)?;

    writeln!(out, "## {}", w.report_attention)?;
    writeln!(out)?;
    if report.attention.is_empty() {
        writeln!(out, "{}", (w.none_attention)(&w.date(report.as_of)))?;
    } else {
        write_each(&report.attention, out, &|out, a| {
            writeln!(
                out,
                "- **{}** ({}, {}): {}",
                escape(&a.title),
                w.period_in_text(a.period),
                w.status(a.status),
                escape(&a.explained.join("; "))
            )
        })?;
    }
    writeln!(out)?;

    writeln!(
        out,
        "## {}",
        (w.report_since)(report.quarter.quarter().unwrap_or(1))
    )?;
    writeln!(out)?;
    let since = since_lines(w, report);
    if since.is_empty() {
        writeln!(out, "{}", w.none_since)?;
    }
    write_each(&since, out, &|out, line| {
        writeln!(out, "- {}", escape_line(line))
    })?;
    writeln!(out)?;

    if !report.left_out.is_empty() {
        writeln!(out, "## {}", w.report_left_out)?;
        writeln!(out)?;
        write_each(&report.left_out, out, &|out, file| {
            writeln!(out, "- {}", escape_line(file))
        })?;
        writeln!(out)?;
    }

    writeln!(out, "## {}", next_heading(w, report))?;
    writeln!(out)?;
    if report.next.period.is_some() && !report.next.initiatives.is_empty() {
        table_row(
            out,
            &[w.col_title, w.col_tracks, w.col_places, w.col_status],
        )?;
        writeln!(out, "|---|---|---|---|")?;
        write_each(&report.next.initiatives, out, &|out, item| {
            table_row(
                out,
                &[
                    &escape(&item.title),
                    &escape(&tracks_text(w, item)),
                    &escape(&item.locations.join(", ")),
                    &escape(&status_text(w, item)),
                ],
            )
        })?;
    } else if !report.next.follow_ups.is_empty() {
        write_each(&report.next.follow_ups, out, &|out, f| {
            writeln!(out, "- **{}**: {}", escape(&f.title), escape(&f.follow_up))
        })?;
    } else {
        writeln!(out, "{}", next_empty(w, report))?;
    }
    Ok(())
}

fn items_table(
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
    table_row(out, &header)?;
    writeln!(out, "|{}", "---|".repeat(header.len()))?;
    write_each(items, out, &|out, item| {
        let period = w.period(item.period);
        let mut cells = vec![escape(&item.title)];
        if with_period {
            cells.push(escape(&period));
        }
        cells.extend([
            escape(&tracks_text(w, item)),
            escape(&item.locations.join(", ")),
            escape(&status_text(w, item)),
            escape(&note_text(w, item.latest_note.as_ref())),
        ]);
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        table_row(out, &cells)
    })
}

/// One table row of already-escaped cells.
fn table_row(out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}
