//! `plan status`: the dashboard as text for a terminal, and as JSON.
//!
//! Text is laid out to a width (80 columns at least fits; a wider terminal is used), in the
//! plan's language, coloured only where colour means something: late and short in red,
//! met in green, blocked and waiting for money in yellow.

use std::io::{self, Write};

use comfy_table::{CellAlignment, Color, Row};

use crate::i18n::Words;
use crate::progress::{CurrentPeriod, Reason};
use crate::summary::{Summary, TrackRow};
use crate::text::{clean_line, truncate, width as text_width, wrap, wrap_items};

use super::terminal::{capitalize, plain_table, write_table, Paint};

/// The longest a track bar gets, in columns.
const BAR_MAX: usize = 24;

/// The dashboard as text.
pub fn text(
    summary: &Summary,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    header(summary, words, paint, width, out)?;
    totals(summary, words, paint, width, out)?;
    periods(summary, words, paint, width, out)?;
    tracks(summary, words, paint, width, out)?;
    locations(summary, words, paint, width, out)?;
    attention(summary, words, paint, width, out)
}

fn header(
    summary: &Summary,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    for line in wrap(&clean_line(&summary.plan.title), usize::from(width), "", "") {
        writeln!(out, "{}", paint.bold(&line))?;
    }
    writeln!(
        out,
        "{} {} {} · {}",
        words.status_title,
        words.as_of,
        words.date(summary.as_of),
        words.current_period(summary.current)
    )?;
    writeln!(out)
}

/// The totals by status, then the late, blocked and at-risk counts, beside the number of
/// initiatives; each list wraps at " · " to fit `width` (never inside an item).
fn totals(
    summary: &Summary,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    let t = &summary.totals;
    let lead = words.count(words.n_initiatives, t.initiatives).to_string();
    let pad = " ".repeat(text_width(&lead));
    let max = usize::from(width).saturating_sub(text_width(&lead) + 2);
    let count = |word: &str, n: usize| format!("{word} {n}");
    let statuses: Vec<(String, String)> = [
        count(words.status_planned, t.planned),
        count(words.status_active, t.active),
        count(words.status_done, t.done),
        count(words.status_postponed, t.postponed),
        count(words.status_cancelled, t.cancelled),
    ]
    .into_iter()
    .map(|text| (text.clone(), text))
    .collect();
    let flag = |word: &str, n: usize, red: bool| {
        let text = count(word, n);
        let painted = match (n, red) {
            (0, _) => text.clone(),
            (_, true) => paint.red(&text),
            (_, false) => paint.yellow(&text),
        };
        (text, painted)
    };
    let flags = [
        flag(words.late, t.late, true),
        flag(words.blocked, t.blocked, false),
        flag(words.at_risk, t.at_risk, false),
    ];
    let lines = wrap_items(&statuses, " · ", max)
        .into_iter()
        .chain(wrap_items(&flags, " · ", max));
    for (n, line) in lines.enumerate() {
        if n == 0 {
            writeln!(out, "{}  {line}", paint.bold(&lead))?;
        } else {
            writeln!(out, "{pad}  {line}")?;
        }
    }
    writeln!(out)
}

fn periods(
    summary: &Summary,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}", paint.bold(words.periods_heading))?;
    // Postponed and cancelled get a column only when some initiative is.
    let postponed = summary.periods.iter().any(|p| p.postponed > 0);
    let cancelled = summary.periods.iter().any(|p| p.cancelled > 0);
    let mut table = plain_table(paint, width);
    let mut head = vec![
        words.period_heading.to_string(),
        words.total.to_string(),
        capitalize(words.status_done),
        capitalize(words.status_active),
        capitalize(words.status_planned),
    ];
    if postponed {
        head.push(capitalize(words.status_postponed));
    }
    if cancelled {
        head.push(capitalize(words.status_cancelled));
    }
    head.push(capitalize(words.late));
    head.push(String::new());
    // A heading is never broken ("I" over "gang"), nor the marker ("←" over "nu"): bound
    // by no-break spaces, they keep their columns; at 60 columns the padding goes first.
    let head: Vec<String> = head.iter().map(|h| h.replace(' ', "\u{a0}")).collect();
    table.set_header(head);
    for row in &summary.periods {
        let current = match (summary.current, row.period.quarter()) {
            (CurrentPeriod::Quarter(now), Some(q)) => now == q,
            _ => false,
        };
        let mut cells = Row::from(vec![
            paint.cell(words.period(row.period), None),
            paint.cell(row.total, None),
            paint.cell(row.done, (row.done > 0).then_some(Color::Green)),
            paint.cell(row.active, None),
            paint.cell(row.planned, None),
        ]);
        if postponed {
            cells.add_cell(paint.cell(row.postponed, None));
        }
        if cancelled {
            cells.add_cell(paint.cell(row.cancelled, None));
        }
        cells.add_cell(paint.cell(row.late, (row.late > 0).then_some(Color::Red)));
        cells.add_cell(paint.cell(
            if current {
                format!("←\u{a0}{}", words.now)
            } else {
                String::new()
            },
            None,
        ));
        table.add_row(cells);
    }
    let columns = table.column_count();
    for column in table.column_iter_mut().skip(1).take(columns - 2) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    write_table(&mut table, out)?;
    writeln!(out)
}

/// Bar lengths: one unit is up to three columns, scaled down when counts are large; the
/// longest bar at most `most` columns.
fn bar(row: &TrackRow, max_units: usize, most: usize) -> String {
    let per_unit = (most / max_units.max(1)).clamp(1, 3);
    let scaled = |n: usize| {
        if max_units * per_unit <= most {
            n * per_unit
        } else {
            (n * most).div_ceil(max_units)
        }
    };
    let filled = scaled(row.count);
    let missing = scaled(row.minimum).saturating_sub(filled);
    format!("{}{}", "█".repeat(filled), "░".repeat(missing))
}

fn tracks(
    summary: &Summary,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    let minimum = summary.tracks.first().map_or(0, |t| t.minimum);
    writeln!(
        out,
        "{} ({})",
        paint.bold(words.tracks_heading),
        (words.min_per_track)(minimum)
    )?;
    let max_units = summary
        .tracks
        .iter()
        .map(|t| t.count.max(t.minimum))
        .max()
        .unwrap_or(1);
    // The bars give way before the track names wrap: at most BAR_MAX columns, fewer (down
    // to 8) when the names, counts and verdicts would not fit beside them.
    let verdicts = summary
        .tracks
        .iter()
        .map(|t| {
            if t.met {
                text_width(words.met)
            } else {
                text_width(&(words.missing_n)(t.minimum - t.count))
            }
        })
        .max()
        .unwrap_or(0);
    let names = summary
        .tracks
        .iter()
        .map(|t| text_width(&clean_line(&t.name)))
        .max()
        .unwrap_or(0);
    let beside = 2 + names + 1 + 3 + 1 + verdicts + 2 * 3;
    let most = usize::from(width).saturating_sub(beside).clamp(8, BAR_MAX);
    let mut table = plain_table(paint, width);
    for row in &summary.tracks {
        let verdict = if row.met {
            paint.cell(words.met, Some(Color::Green))
        } else {
            paint.cell((words.missing_n)(row.minimum - row.count), Some(Color::Red))
        };
        table.add_row(vec![
            paint.cell(clean_line(&row.name), None),
            paint
                .cell(row.count, None)
                .set_alignment(CellAlignment::Right),
            paint.cell(
                bar(row, max_units, most),
                Some(if row.met { Color::Green } else { Color::Red }),
            ),
            verdict,
        ]);
    }
    write_table(&mut table, out)?;
    if summary.cross_cutting > 0 {
        let note = if summary.cross_cutting_counts {
            words.cross_cutting_counted
        } else {
            words.cross_cutting_not_counted
        };
        let note = note(words.count(words.n_cross_cutting, summary.cross_cutting));
        for line in wrap(&note, usize::from(width).saturating_sub(2), "", "") {
            writeln!(out, "  {}", paint.dim(&line))?;
        }
    }
    writeln!(out)
}

fn locations(
    summary: &Summary,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    if summary.locations.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", paint.bold(words.locations_heading))?;
    let items: Vec<(String, String)> = summary
        .locations
        .iter()
        .map(|l| {
            let plain = format!("{} {}", clean_line(&l.name), l.count);
            let painted = match l.minimum {
                Some(min) if l.count < min => paint.red(&plain),
                _ => plain.clone(),
            };
            (plain, painted)
        })
        .collect();
    for line in wrap_items(&items, " · ", usize::from(width).saturating_sub(2)) {
        writeln!(out, "  {line}")?;
    }
    writeln!(out)
}

fn attention(
    summary: &Summary,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    if summary.attention.is_empty() {
        writeln!(out, "{}", paint.bold(words.attention_heading))?;
        return writeln!(out, "{}", paint.green(words.nothing_needs_attention));
    }
    writeln!(
        out,
        "{} ({})",
        paint.bold(words.attention_heading),
        summary.attention.len()
    )?;
    let room = usize::from(width).saturating_sub(4);
    for item in &summary.attention {
        let plain: Vec<String> = item.reasons.iter().map(|r| words.reason(r)).collect();
        let painted: Vec<String> = item
            .reasons
            .iter()
            .zip(&plain)
            .map(|(r, text)| match r {
                Reason::Late { .. } => paint.red(text),
                _ => paint.yellow(text),
            })
            .collect();
        let head = format!(
            "{} ({}):",
            clean_line(&item.id),
            words.period_in_text(item.period)
        );
        let reasons = plain.join("; ");
        // The reasons follow the id when they fit on the line, else they get their own.
        if 2 + text_width(&head) + 1 + text_width(&reasons) <= usize::from(width) {
            writeln!(out, "  {} {}", paint.bold(&head), painted.join("; "))?;
        } else if 4 + text_width(&reasons) <= usize::from(width) {
            writeln!(out, "  {}", paint.bold(&head))?;
            writeln!(out, "    {}", painted.join("; "))?;
        } else {
            writeln!(out, "  {}", paint.bold(&head))?;
            for reason in &painted {
                writeln!(out, "    {reason}")?;
            }
        }
        writeln!(out, "    {}", truncate(&clean_line(&item.title), room))?;
    }
    Ok(())
}

/// The summary as JSON: the keys of design.md ("Machine-readable output"), and more.
pub fn json(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write_pretty(out, summary)
}
