//! `plan list`: the chosen initiatives as a terminal table, Markdown, CSV or JSON.
//!
//! Table and Markdown are for people: in the plan's language. CSV and JSON are for programs
//! and spreadsheets: English keys, stable values (`"Q2"`, `"planned"`), as in design.md.

use std::io::{self, Write};

use comfy_table::{Color, ColumnConstraint, Width};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::cli::Lang;
use crate::i18n::Words;
use crate::load::source::SourceFile;
use crate::model::{Funding, Initiative, Name, Period, Status};
use crate::progress::Judgement;
use crate::text::clean_line;

use super::csv as convention;
use super::terminal::{framed_table, Paint};
use super::{cells, escape};
use crate::cli::Delimiter;

/// One initiative as listed, with its judgement at the as-of date.
pub struct Item<'a> {
    pub initiative: &'a Initiative,
    /// Its file (shown as [`SourceFile::display`]: `plans/q2/udearealer.toml`).
    pub file: &'a SourceFile,
    pub judgement: Judgement,
}

/// What was chosen, and how: `track_filter` is set when a track filter chose the items, so
/// that cross-cutting ones can be marked as included for touching every track.
pub struct Listing<'a> {
    pub items: Vec<Item<'a>>,
    pub track_filter: bool,
}

impl Listing<'_> {
    pub(crate) fn cross_cutting_shown(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.initiative.cross_cutting)
            .count()
    }
}

/// The tracks as people read them ([`Words::track_names`]), cleaned for a terminal.
pub(crate) fn tracks_text(init: &Initiative, words: &Words) -> String {
    let names: Vec<String> = words
        .track_names(init.cross_cutting, &init.tracks)
        .into_iter()
        .map(clean_line)
        .collect();
    names.join(", ")
}

/// "forsinket, blokeret, i risiko" — what the judgement flags, in the plan's language.
pub(crate) fn flags_text(judgement: &Judgement, words: &Words) -> String {
    let mut flags = Vec::new();
    if judgement.late() {
        flags.push(words.late);
    }
    if judgement.blocked() {
        flags.push(words.blocked);
    }
    if judgement.at_risk {
        flags.push(words.at_risk);
    }
    flags.join(", ")
}

fn join_clean<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| clean_line(s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The least room a wrapped column (title, places) should get in the wide layout.
const TITLE_MIN: usize = 30;
const PLACES_MIN: usize = 14;

/// Whether every field can have its own column at `width`: the columns that do not wrap
/// (id, period, tracks, status, flags) at their content's width, and room for the title and
/// the places. Narrower, the title goes under the id and the places under the tracks.
fn fits_wide(listing: &Listing<'_>, words: &Words, width: u16) -> bool {
    let widest = |f: &dyn Fn(&Item<'_>) -> String, heading: &str| {
        listing
            .items
            .iter()
            .flat_map(|i| f(i).lines().map(|l| l.width()).collect::<Vec<_>>())
            .chain([heading.width()])
            .max()
            .unwrap_or(0)
    };
    let fixed = widest(&|i| i.initiative.id.to_string(), words.id_heading)
        + widest(&|i| words.period(i.initiative.period), words.period_heading)
        + widest(
            &|i| tracks_text(i.initiative, words).replace(", ", "\n"),
            words.tracks_heading,
        )
        + widest(
            &|i| words.status(i.initiative.status).to_string(),
            words.status_heading,
        )
        + widest(
            &|i| flags_text(&i.judgement, words).replace(", ", "\n"),
            words.flags_heading,
        );
    // Seven columns: two spaces of padding each, six separators.
    fixed + TITLE_MIN + PLACES_MIN + 7 * 2 + 6 <= usize::from(width)
}

/// The list's column headings (id, period, title, tracks, places, status, flags), for the
/// wide terminal table and the Markdown table alike.
fn headings(words: &Words) -> [&'static str; 7] {
    [
        words.id_heading,
        words.period_heading,
        words.title_heading,
        words.tracks_heading,
        words.locations_heading,
        words.status_heading,
        words.flags_heading,
    ]
}

/// A table for the terminal, laid out to `width`; titles, tracks and places wrap.
pub fn table(
    listing: &Listing<'_>,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    if listing.items.is_empty() {
        return writeln!(out, "{}", words.no_match);
    }
    let wide = fits_wide(listing, words, width);
    let mut table = framed_table(paint, width);
    if wide {
        table.set_header(headings(words).to_vec());
    } else {
        table.set_header(vec![
            format!("{} / {}", words.id_heading, words.title_heading),
            words.period_heading.to_string(),
            format!(
                "{} ({})",
                words.tracks_heading,
                words.locations_heading.to_lowercase()
            ),
            words.status_heading.to_string(),
        ]);
    }
    for item in &listing.items {
        let init = item.initiative;
        let flags = flags_text(&item.judgement, words).replace(", ", "\n");
        let flag_color = if item.judgement.late() {
            Some(Color::Red)
        } else if item.judgement.needs_attention() {
            Some(Color::Yellow)
        } else {
            None
        };
        let status = words.status(init.status);
        let status_color = match init.status {
            Status::Done => Some(Color::Green),
            _ => None,
        };
        let id = clean_line(&init.id);
        let title = clean_line(&init.title);
        // One track a line: track names have spaces, and a list of them wraps badly.
        let tracks = tracks_text(init, words).replace(", ", "\n");
        let places = join_clean(&init.locations);
        if wide {
            table.add_row(vec![
                paint.cell(id, None),
                paint.cell(words.period(init.period), None),
                paint.cell(title, None),
                paint.cell(tracks, None),
                paint.cell(places, None),
                paint.cell(status, status_color),
                paint.cell(flags, flag_color),
            ]);
        } else {
            let stack = |a: &str, b: &str| {
                if b.is_empty() {
                    a.to_string()
                } else {
                    format!("{a}\n{b}")
                }
            };
            // The places in brackets under the tracks.
            let places = if places.is_empty() {
                places
            } else {
                format!("({places})")
            };
            table.add_row(vec![
                paint.cell(stack(&id, &title), None),
                paint.cell(words.period(init.period), None),
                paint.cell(stack(&tracks, &places), None),
                paint.cell(stack(status, &flags), flag_color.or(status_color)),
            ]);
        }
    }
    // Ids never wrap (an id broken over two lines cannot be copied), nor periods.
    let constraints = if wide {
        vec![
            ColumnConstraint::ContentWidth,
            ColumnConstraint::ContentWidth,
            ColumnConstraint::LowerBoundary(Width::Fixed(TITLE_MIN as u16)),
            ColumnConstraint::ContentWidth,
            // Places wrap well ("Jyllinge, Viby,"): the title gets what is left.
            ColumnConstraint::Boundaries {
                lower: Width::Fixed(PLACES_MIN as u16),
                upper: Width::Fixed(PLACES_MIN as u16 + 8),
            },
            ColumnConstraint::ContentWidth,
            ColumnConstraint::ContentWidth,
        ]
    } else {
        let longest_id = listing
            .items
            .iter()
            .map(|i| i.initiative.id.len())
            .max()
            .unwrap_or(0);
        vec![
            // The boundary counts the padding too.
            ColumnConstraint::LowerBoundary(Width::Fixed(longest_id as u16 + 2)),
            ColumnConstraint::ContentWidth,
            ColumnConstraint::LowerBoundary(Width::Fixed(14)),
            ColumnConstraint::ContentWidth,
        ]
    };
    for (column, constraint) in table.column_iter_mut().zip(constraints) {
        column.set_constraint(constraint);
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    let shown = listing.cross_cutting_shown();
    if listing.track_filter && shown > 0 {
        writeln!(
            out,
            "{}",
            paint.dim(&(words.shown_because_cross_cutting)(
                words.count(words.n_cross_cutting, shown)
            ))
        )?;
    }
    Ok(())
}

/// A Markdown (GitHub) table, in the plan's language.
pub fn markdown(listing: &Listing<'_>, words: &Words, out: &mut dyn Write) -> io::Result<()> {
    let head = headings(words);
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(head.len()))?;
    for item in &listing.items {
        let init = item.initiative;
        let cells = [
            escape::markdown_cell(&init.id),
            words.period(init.period),
            escape::markdown_cell(&init.title),
            escape::markdown_cell(&tracks_text(init, words)),
            escape::markdown_cell(&init.locations.join(", ")),
            words.status(init.status).to_string(),
            flags_text(&item.judgement, words),
        ];
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// The machine-readable record of an initiative: the keys of design.md.
/// One initiative as `list --format json` and `csv` write it; the field names are the JSON
/// keys and the CSV header.
#[derive(Serialize, Default)]
struct Record<'a> {
    id: &'a str,
    file: String,
    title: &'a str,
    period: Period,
    tracks: &'a [Name],
    cross_cutting: bool,
    locations: &'a [Name],
    partners: &'a [Name],
    depends_on: &'a [Name],
    status: Status,
    deadline: Option<String>,
    funding: Option<Funding>,
    owner: Option<&'a str>,
    tags: &'a [Name],
    late: bool,
    blocked: bool,
    at_risk: bool,
}

impl<'a> Record<'a> {
    fn of(item: &'a Item<'a>) -> Record<'a> {
        let i = item.initiative;
        Record {
            id: &i.id,
            file: item.file.display(),
            title: &i.title,
            period: i.period,
            tracks: &i.tracks,
            cross_cutting: i.cross_cutting,
            locations: &i.locations,
            partners: &i.partners,
            depends_on: &i.depends_on,
            status: i.status,
            deadline: i.deadline.map(|d| d.to_string()),
            funding: i.funding,
            owner: i.owner.as_deref(),
            tags: &i.tags,
            late: item.judgement.late(),
            blocked: item.judgement.blocked(),
            at_risk: item.judgement.at_risk,
        }
    }
}

/// A JSON array, one object per initiative.
pub fn json(listing: &Listing<'_>, out: &mut dyn Write) -> io::Result<()> {
    // Each record is made as it is written: no list of all of them at once.
    struct Records<'l, 'a>(&'l [Item<'a>]);
    impl Serialize for Records<'_, '_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter().map(Record::of))
        }
    }
    crate::render::json::write_pretty(out, &Records(&listing.items))
}

/// CSV by the tool's one convention ([`crate::render::csv`]: BOM, CRLF, the language's
/// separator unless `delimiter` is given, formula-like cells guarded), the JSON keys as the
/// header, each list in one cell joined with "; " (quoted when that holds the separator).
pub fn csv(
    listing: &Listing<'_>,
    lang: Lang,
    delimiter: Option<Delimiter>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = convention::writer(out, lang, delimiter)?;
    // The header is the record's field names: the JSON keys.
    convention::row(&mut writer, cells::names(&Record::default()))?;
    for item in &listing.items {
        convention::row(&mut writer, cells::values(&Record::of(item)))?;
    }
    writer.flush()
}
