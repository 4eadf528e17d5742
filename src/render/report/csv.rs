//! The quarter's initiatives as CSV for Excel: one row per initiative running in the quarter
//! (the quarter's own, then the whole-year ones), headers and values in the report's
//! language. UTF-8 with a byte-order mark, so that Excel shows æøå; the separator is `;` for
//! Danish (Danish Excel splits on semicolons, as the comma is its decimal mark) and `,` for
//! English. Cells a spreadsheet would run as a formula are guarded with a leading `'`.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::i18n::words;
use crate::render::escape::csv_cell;
use crate::report::{AttentionItem, Report};

use super::{status_text, tracks_text};

/// UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let w = words(report.language);
    out.write_all(BOM)?;
    let delimiter = if report.lang == "da" { b';' } else { b',' };
    let mut csv = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    csv.write_record([
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
    ])?;
    // By id: a scan of the attention list for every row is quadratic in a large plan.
    let by_id: HashMap<&str, &AttentionItem> = report
        .attention
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let attention = |id: &str| {
        by_id
            .get(id)
            .map(|a| a.explained.join("; "))
            .unwrap_or_default()
    };
    for item in report.initiatives.iter().chain(&report.ongoing) {
        let note = item.latest_note.as_ref();
        let record = [
            item.id.clone(),
            w.period(item.period),
            item.title.clone(),
            tracks_text(w, item),
            (if item.cross_cutting { w.yes } else { w.no }).to_string(),
            item.locations.join(", "),
            status_text(w, item),
            attention(&item.id),
            note.map(|n| n.date.to_string()).unwrap_or_default(),
            note.map(|n| n.text.clone()).unwrap_or_default(),
        ];
        csv.write_record(record.iter().map(|cell| csv_cell(cell)))?;
    }
    csv.flush()
}
