//! The action-plan table of a memo, as rows: a pure function from text to rows and the
//! problems found, so that any text can be fed to it.
//!
//! The layout is the one of the Roskilde libraries' 2017 memo, as text:
//!
//! ```text
//! Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017      ← title (last line before the table)
//! Tidsplan<TAB>Indsats<TAB>Spor                                  ← the table's header
//! Generelt 2017<TAB>Udvikling og test af …<TAB>Indgang til fællesskab
//! <TAB>Minimum tre inkrementelle indsats …<TAB>Alle spor         ← same period: the first cell is empty
//! 1. kvartal 2017<TAB>…<TAB>Digitale forbindelser En lokal aktør ← several tracks run together
//!                                                                ← blank lines: a page break
//! <TAB><TAB>fællesskab                                           ← the rest of a row the break split
//! Venlig hilsen                                                  ← a line without a tab ends the table
//! ```
//!
//! - [`rows`]: the table's lines into rows, their period headings and the memo's date;
//! - [`names`]: the tracks of a track cell, and the places an initiative's text names;
//! - [`titles`]: a title (a whole clause or phrase) and an id for each row, and the row's
//!   initiative file;
//! - [`words`]: the Danish and English words the titles are cut by.

mod names;
mod rows;
mod titles;
mod words;

pub use names::{find_places, places_of, split_tracks, Places, SplitTracks, REFERENCE_MARKERS};
pub use rows::{parse, period_heading};
pub use titles::{make_title, row_file, short_title, title_id, Title, ID_MAX, TITLE_MAX};

use chrono::NaiveDate;

use crate::model::Period;

/// What the memo holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Memo {
    /// The line just before the table (the memo's heading), if any.
    pub title: Option<String>,
    /// A date line such as "14. december 2016" before the table.
    pub issued: Option<NaiveDate>,
    /// The year of the period headings.
    pub year: Option<i32>,
    pub rows: Vec<Row>,
    /// Everything that could not be read; the rows are not to be used when there is any.
    pub problems: Vec<Problem>,
    /// Lines after a blank line read as the rest of the row above (a row a page break split):
    /// `(line, line of the row it was joined to)`, said on standard error for review.
    pub joined: Vec<(usize, usize)>,
    /// How many invisible characters (soft hyphens, zero-width spaces, direction marks:
    /// [`crate::text::is_unsafe`]) the table's lines had, left out of every cell.
    pub invisible: usize,
}

/// One initiative of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line where the row begins.
    pub line: usize,
    /// The period heading as the memo writes it ("2. kvartal 2017").
    pub heading: String,
    pub period: Period,
    /// 1-based position of the row under its heading.
    pub number: usize,
    /// The Indsats cell, with a part split off by a page break joined again.
    pub text: String,
    /// The track cell as written (joined likewise).
    pub track_cell: String,
    /// Canonical track names in the order of the cell; "Alle spor" as [`CROSS_CUTTING`].
    pub tracks: Vec<String>,
    /// Places the text names where the initiative acts (canonical names, in order of first
    /// mention): not those it only refers to ([`REFERENCE_MARKERS`]).
    pub locations: Vec<String>,
    /// Places the text names only after a reference marker ("pba erfaringer fra Viby").
    pub referred: Vec<String>,
    /// The title made from the text, and whether it is shortened.
    pub title: Title,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the memo.
    pub line: usize,
    pub message: String,
    pub help: Option<String>,
}

#[cfg(test)]
mod tests;
