//! The memo as plain text for e-mail: at most 72 characters a line (longer words are left
//! whole), no escape codes, lists instead of wide tables so that it also reads in a
//! proportional font; the one table (tracks) lines up in a fixed-width font, æøå included.

use std::io::{self, Write};

use crate::i18n::{words, Words};
use crate::render::chunked::write_each;
use crate::report::{Item, Report};
use crate::text::{pad_left, pad_right, widest_word, width, wrap};

use super::{
    as_of_line, met_text, next_empty, next_heading, quarter_title, since_lines, status_text,
    tracks_text,
};

/// The width of the text.
pub const WIDTH: usize = 72;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let w = words(report.language);
    let head = wrap(&report.plan.title, WIDTH, "", "");
    for line in &head {
        writeln!(out, "{line}")?;
    }
    let sub = format!("{} · {}", quarter_title(w, report), as_of_line(w, report));
    writeln!(out, "{sub}")?;
    let rule = head
        .iter()
        .chain([&sub])
        .map(|l| width(l))
        .max()
        .unwrap_or(0);
    writeln!(out, "{}", "=".repeat(rule))?;

    heading(out, w.report_summary)?;
    paragraph(out, &report.summary.join(" "))?;

    let quarter = w.period(report.quarter);
    heading(out, &(w.report_quarter)(&quarter))?;
    if report.initiatives.is_empty() {
        paragraph(out, &(w.none_quarter)(&quarter))?;
    }
    write_each(&report.initiatives, out, &|out, item| {
        item_block(out, w, item, false)
    })?;

    heading(out, w.report_ongoing)?;
    if report.ongoing.is_empty() {
        paragraph(out, w.none_ongoing)?;
    }
    write_each(&report.ongoing, out, &|out, item| {
        item_block(out, w, item, true)
    })?;

    heading(out, &(w.report_tracks)(&quarter))?;
    let header = super::track_headings(w).map(String::from);
    let mut rows = vec![header];
    for t in &report.tracks {
        rows.push([
            t.name.clone(),
            t.to_date.to_string(),
            t.done.to_string(),
            t.year.to_string(),
            t.minimum.to_string(),
            met_text(w, t),
        ]);
    }
    let mut widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    // The numbers keep their columns; a track's name longer than the room left wraps in
    // its own (at least 16 columns), its further lines under it.
    let others: usize = widths[1..].iter().sum::<usize>() + 2 * 5;
    // Never narrower than its longest word (`wrap` breaks no word): the numbers stay in
    // their columns.
    let longest_word = rows.iter().map(|r| widest_word(&r[0])).max().unwrap_or(0);
    widths[0] = widths[0]
        .min(WIDTH.saturating_sub(others).max(16))
        .max(longest_word);
    for row in &rows {
        let names = wrap(&row[0], widths[0], "", "");
        let mut line = pad_right(&names[0], widths[0]);
        for c in 1..5 {
            line.push_str("  ");
            line.push_str(&pad_left(&row[c], widths[c]));
        }
        line.push_str("  ");
        line.push_str(&row[5]);
        writeln!(out, "{}", line.trim_end())?;
        for more in &names[1..] {
            writeln!(out, "{more}")?;
        }
    }
    if !report.cross_cutting_counts {
        writeln!(out)?;
        paragraph(out, w.report_cross_cutting_note)?;
    }

    heading(out, w.report_attention)?;
    if report.attention.is_empty() {
        paragraph(out, &(w.none_attention)(&w.date(report.as_of)))?;
    }
    write_each(&report.attention, out, &|out, a| {
        let first = format!(
            "{} ({}, {})",
            a.title,
            w.period_in_text(a.period),
            w.status(a.status)
        );
        lines(out, &wrap(&first, WIDTH, "- ", "  "))?;
        for reason in &a.explained {
            lines(out, &wrap(reason, WIDTH, "  ", "    "))?;
        }
        Ok(())
    })?;

    heading(
        out,
        &(w.report_since)(report.quarter.quarter().unwrap_or(1)),
    )?;
    let since = since_lines(w, report);
    if since.is_empty() {
        paragraph(out, w.none_since)?;
    }
    write_each(&since, out, &|out, line| {
        lines(out, &wrap(line, WIDTH, "- ", "  "))
    })?;

    if !report.left_out.is_empty() {
        heading(out, w.report_left_out)?;
        write_each(&report.left_out, out, &|out, file| {
            lines(out, &wrap(file, WIDTH, "- ", "  "))
        })?;
    }

    heading(out, &next_heading(w, report))?;
    if report.next.period.is_some() {
        write_each(&report.next.initiatives, out, &|out, item| {
            lines(out, &wrap(&item.title, WIDTH, "- ", "  "))?;
            field(out, w.col_tracks, &tracks_text(w, item))?;
            field(out, w.col_places, &item.locations.join(", "))?;
            field(out, w.col_status, &status_text(w, item))
        })?;
    }
    write_each(&report.next.follow_ups, out, &|out, f| {
        lines(out, &wrap(&f.title, WIDTH, "- ", "  "))?;
        lines(out, &wrap(&f.follow_up, WIDTH, "  ", "  "))
    })?;
    if report.next.initiatives.is_empty() && report.next.follow_ups.is_empty() {
        paragraph(out, &next_empty(w, report))?;
    }
    Ok(())
}

fn item_block(out: &mut dyn Write, w: &Words, item: &Item, with_period: bool) -> io::Result<()> {
    lines(out, &wrap(&item.title, WIDTH, "- ", "  "))?;
    if with_period {
        field(out, w.col_period, &w.period(item.period))?;
    }
    field(out, w.col_tracks, &tracks_text(w, item))?;
    field(out, w.col_places, &item.locations.join(", "))?;
    field(out, w.col_status, &status_text(w, item))?;
    match &item.latest_note {
        // "Seneste note (12. juni 2017): …"
        Some(note) => field(
            out,
            &format!("{} ({})", w.col_note, w.date(note.date)),
            &note.text,
        ),
        None => Ok(()),
    }
}

/// "  Spor: Hygge, Fordybelse", wrapped under its value; nothing when the value is empty.
fn field(out: &mut dyn Write, label: &str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    let first = format!("  {label}: ");
    let rest = " ".repeat(4);
    let wrapped = wrap(value, WIDTH, &first, &rest);
    lines(out, &wrapped)
}

fn heading(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "-".repeat(width(title)))
}

fn paragraph(out: &mut dyn Write, text: &str) -> io::Result<()> {
    lines(out, &wrap(text, WIDTH, "", ""))
}

fn lines(out: &mut dyn Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
