//! The memo as an Excel workbook: a summary sheet, then one sheet with one table per
//! section — the quarter's initiatives, the cross-cutting and whole-year ones, the tracks
//! against the minimum, what needs attention, and the next quarter (after Q4: the
//! follow-ups). Headers and values in the report's language; the rows are the same as the CSV
//! memo's, from the same [`Report`].

use rustc_hash::FxHashMap;
use std::io::{self, Write};

use crate::i18n::{words, Words};
use crate::progress::Reason;
use crate::render::office::office_words;
use crate::render::xlsx::{Book, Cell, Rows, SheetTable};
use crate::report::{AttentionItem, Item, Report};

use super::{
    as_of_line, met_text, next_empty, next_heading, quarter_title, since_lines, status_text,
    tracks_text,
};

/// The workbook, made and waiting to be written ([`Book::into_bytes`]): it no longer needs
/// `report` or its plan.
pub fn workbook(report: &Report) -> io::Result<Book> {
    let w = words(report.language);
    let o = office_words(report.language);
    let quarter = w.period(report.quarter);
    let heading = format!("{} · {}", quarter_title(w, report), as_of_line(w, report));
    let mut book = Book::new(
        report.language,
        &report.plan.title,
        &quarter_title(w, report),
    );
    book.dated(report.as_of)?;

    let mut summary = vec![report.plan.title.clone(), heading.clone(), String::new()];
    summary.push(w.report_summary.to_string());
    summary.extend(report.summary.iter().cloned());
    book.text_sheet(o.sheet_summary, &summary, &[3])?;

    // What each initiative needs attention for, by id: looked up for every row.
    let attention: FxHashMap<&str, &AttentionItem> =
        report.attention.iter().map(|a| (&*a.id, a)).collect();
    let item_headers = vec![
        w.col_id,
        w.col_period,
        w.col_title,
        w.col_tracks,
        w.col_cross_cutting,
        w.col_places,
        w.col_status,
        w.col_attention,
        w.col_note_date,
        w.col_note,
    ];
    let quarter_heading = (w.report_quarter)(&quarter);
    book.table_sheet(SheetTable {
        name: &quarter_heading,
        above: vec![quarter_heading.clone(), heading.clone()],
        headers: item_headers.clone(),
        rows: item_rows(w, &report.initiatives, &attention),
        empty: (w.none_quarter)(&quarter),
        below: Vec::new(),
    })?;
    book.table_sheet(SheetTable {
        name: w.report_ongoing,
        above: vec![w.report_ongoing.to_string(), heading.clone()],
        headers: item_headers,
        rows: item_rows(w, &report.ongoing, &attention),
        empty: w.none_ongoing.to_string(),
        below: Vec::new(),
    })?;

    let tracks_heading = (w.report_tracks)(&quarter);
    book.table_sheet(SheetTable {
        name: o.sheet_tracks,
        above: vec![tracks_heading, heading.clone()],
        headers: vec![
            w.col_track,
            w.col_to_date,
            w.col_done,
            w.col_year,
            w.col_minimum,
            o.col_met,
        ],
        rows: Rows::of(&report.tracks, |t| {
            vec![
                Cell::text(t.name.clone()),
                Cell::count(t.to_date),
                Cell::count(t.done),
                Cell::count(t.year),
                Cell::count(t.minimum),
                Cell::text(met_text(w, t)),
            ]
        }),
        empty: String::new(),
        below: if report.cross_cutting_counts {
            Vec::new()
        } else {
            vec![w.report_cross_cutting_note.to_string()]
        },
    })?;

    book.table_sheet(SheetTable {
        name: w.report_attention,
        above: vec![w.report_attention.to_string(), heading.clone()],
        headers: vec![
            w.col_id,
            w.col_title,
            w.col_period,
            w.col_status,
            w.col_attention,
            o.col_late_since,
        ],
        rows: Rows::of(&report.attention, |a| {
            let since = a.reasons.iter().find_map(|r| match r {
                Reason::Late { since } => Some(*since),
                _ => None,
            });
            vec![
                Cell::text(a.id.clone()),
                Cell::text(a.title.clone()),
                Cell::text(w.period(a.period)),
                Cell::text(w.status(a.status)),
                Cell::text(a.explained.join("; ")),
                Cell::date(since),
            ]
        }),
        empty: (w.none_attention)(&w.date(report.as_of)),
        below: Vec::new(),
    })?;

    let mut since = vec![
        (w.report_since)(report.quarter.quarter().unwrap_or(1)),
        heading.clone(),
        String::new(),
    ];
    let changes = since_lines(w, report);
    if changes.is_empty() {
        since.push(w.none_since.to_string());
    }
    since.extend(changes);
    if !report.left_out.is_empty() {
        since.push(String::new());
        since.push(w.report_left_out.to_string());
        since.extend(report.left_out.iter().cloned());
    }
    let bold = if report.left_out.is_empty() {
        vec![0]
    } else {
        vec![0, since.len() - report.left_out.len() - 1]
    };
    book.text_sheet(
        &(w.report_since)(report.quarter.quarter().unwrap_or(1)),
        &since,
        &bold,
    )?;

    next_sheet(&mut book, w, report, &heading)?;
    Ok(book)
}

/// The rows of the quarter's or the ongoing initiatives; `attention` holds what each
/// initiative (by id) needs attention for.
fn item_rows<'a>(
    w: &'a Words,
    items: &'a [Item],
    attention: &'a FxHashMap<&str, &AttentionItem>,
) -> Rows<'a> {
    Rows::of(items, move |item| {
        let note = item.latest_note.as_ref();
        vec![
            Cell::text(item.id.clone()),
            Cell::text(w.period(item.period)),
            Cell::text(item.title.clone()),
            Cell::text(tracks_text(w, item)),
            Cell::text(if item.cross_cutting { w.yes } else { w.no }),
            Cell::text(item.locations.join(", ")),
            Cell::text(status_text(w, item)),
            Cell::text(
                attention
                    .get(&*item.id)
                    .map(|a| a.explained.join("; "))
                    .unwrap_or_default(),
            ),
            Cell::date(note.map(|n| n.date)),
            Cell::text(note.map(|n| n.text.clone()).unwrap_or_default()),
        ]
    })
}

fn next_sheet(book: &mut Book, w: &Words, report: &Report, heading: &str) -> io::Result<()> {
    let o = office_words(report.language);
    let above = vec![next_heading(w, report), heading.to_string()];
    if report.next.period.is_some() {
        book.table_sheet(SheetTable {
            name: o.sheet_next,
            above,
            headers: vec![
                w.col_id,
                w.col_title,
                w.col_tracks,
                w.col_places,
                w.col_status,
            ],
            rows: Rows::of(&report.next.initiatives, |item| {
                vec![
                    Cell::text(item.id.clone()),
                    Cell::text(item.title.clone()),
                    Cell::text(tracks_text(w, item)),
                    Cell::text(item.locations.join(", ")),
                    Cell::text(status_text(w, item)),
                ]
            }),
            empty: next_empty(w, report),
            below: Vec::new(),
        })
    } else {
        book.table_sheet(SheetTable {
            name: o.sheet_follow_up,
            above,
            headers: vec![w.col_id, w.col_title, w.col_follow_up],
            rows: Rows::of(&report.next.follow_ups, |f| {
                vec![
                    Cell::text(f.id.clone()),
                    Cell::text(f.title.clone()),
                    Cell::text(f.follow_up.clone()),
                ]
            }),
            empty: next_empty(w, report),
            below: Vec::new(),
        })
    }
}

/// Writes the workbook to `out`.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&workbook(report)?.into_bytes()?)
}
