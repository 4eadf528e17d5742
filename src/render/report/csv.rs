//! The quarter's initiatives as CSV for Excel: one row per initiative running in the quarter
//! (the quarter's own, then the whole-year ones), headers and values in the report's
//! language, written by the tool's one CSV convention ([`crate::render::csv`]: BOM, CRLF, `;`
//! for Danish and `,` for English unless `--delimiter` says otherwise, lists in one quoted
//! cell, formula-like cells guarded).

use std::collections::HashMap;
use std::io::{self, Write};

use crate::cli::Delimiter;
use crate::i18n::words;
use crate::render::csv::{self as convention, list_cell};
use crate::report::{AttentionItem, Report};

use super::status_text;

/// Writes the report's rows; `delimiter` overrides the language's separator.
pub fn render(
    report: &Report,
    delimiter: Option<Delimiter>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let w = words(report.language);
    let mut csv = convention::writer(out, report.language, delimiter)?;
    convention::row(
        &mut csv,
        [
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
        ],
    )?;
    // By id: a scan of the attention list for every row is quadratic in a large plan.
    let by_id: HashMap<&str, &AttentionItem> =
        report.attention.iter().map(|a| (&*a.id, a)).collect();
    let attention = |id: &str| {
        by_id
            .get(id)
            .map(|a| list_cell(&a.explained))
            .unwrap_or_default()
    };
    for item in report.initiatives.iter().chain(&report.ongoing) {
        let note = item.latest_note.as_ref();
        let tracks = w.track_names(item.cross_cutting, &item.tracks);
        let record = [
            item.id.to_string(),
            w.period(item.period),
            item.title.to_string(),
            list_cell(&tracks),
            (if item.cross_cutting { w.yes } else { w.no }).to_string(),
            list_cell(&item.locations),
            status_text(w, item),
            attention(&item.id),
            note.map(|n| n.date.to_string()).unwrap_or_default(),
            note.map(|n| n.text.to_string()).unwrap_or_default(),
        ];
        convention::row(&mut csv, &record)?;
    }
    // A spreadsheet has no summary: the files the memo may leave out get a row of their own,
    // the sentence in the title column, so that nobody takes the rows for the whole plan.
    if !report.left_out.is_empty() {
        let mut record = vec![String::new(); 10];
        record[0] = w.report_left_out.to_string();
        record[2] = (w.sentence_left_out)(
            w.count(w.n_files, report.left_out.len()),
            &report.left_out.join(", "),
        );
        convention::row(&mut csv, &record)?;
    }
    csv.flush()
}
