//! `plan list --format xlsx`: the chosen initiatives as one Excel table, in the plan's
//! language — the columns of the terminal table (id, period, title, tracks, places, status,
//! flags) and then the rest of the JSON record (deadline as a date, funding, owner, partners,
//! tags, dependencies, file). The rows are the [`Listing`] every list format writes.

use std::io;

use crate::cli::Lang;
use crate::i18n::words;
use crate::text::clean_line;

use super::list::{flags_text, tracks_text, Listing};
use super::office::office_words;
use super::xlsx::{Book, Cell, Rows, SheetTable};

fn joined<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| clean_line(s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The workbook, made and waiting to be written ([`Book::into_bytes`]): it no longer needs
/// `listing` or its plan. `title` is the plan's title, for the sheet and its print header.
pub fn workbook(listing: &Listing<'_>, lang: Lang, title: &str) -> io::Result<Book> {
    let w = words(lang);
    let o = office_words(lang);
    let mut book = Book::new(lang, title, o.sheet_list);
    let rows = Rows::of(&listing.items, |item| {
        let i = item.initiative;
        vec![
            Cell::text(clean_line(&i.id)),
            Cell::text(w.period(i.period)),
            Cell::text(clean_line(&i.title)),
            Cell::text(tracks_text(i, w)),
            Cell::text(joined(&i.locations)),
            Cell::text(w.status(i.status)),
            Cell::text(flags_text(&item.judgement, w)),
            Cell::date(i.deadline),
            Cell::text(i.funding.map(|f| w.funding(f)).unwrap_or_default()),
            Cell::text(i.owner.as_deref().map(clean_line).unwrap_or_default()),
            Cell::text(joined(&i.partners)),
            Cell::text(joined(&i.tags)),
            Cell::text(joined(&i.depends_on)),
            Cell::text(clean_line(&item.file.display())),
        ]
    });
    let shown = listing.cross_cutting_shown();
    let below = if listing.track_filter && shown > 0 {
        vec![(w.shown_because_cross_cutting)(
            w.count(w.n_cross_cutting, shown),
        )]
    } else {
        Vec::new()
    };
    book.table_sheet(SheetTable {
        name: o.sheet_list,
        above: vec![title.to_string()],
        headers: vec![
            w.id_heading,
            w.period_heading,
            w.title_heading,
            w.tracks_heading,
            w.locations_heading,
            w.status_heading,
            w.flags_heading,
            w.deadline_label,
            w.funding_label,
            w.owner_label,
            w.partners_label,
            w.tags_label,
            w.depends_on_label,
            w.file_label,
        ],
        rows,
        empty: w.no_match.to_string(),
        below,
    })?;
    Ok(book)
}
