//! `plan list`: the chosen initiatives as a terminal table, Markdown, CSV or JSON.
//!
//! Table and Markdown are for people: in the plan's language. CSV and JSON are for programs
//! and spreadsheets: English keys, stable values (`"Q2"`, `"planned"`), as in design.md.

use std::io::{self, Write};

use comfy_table::{Cell, Color};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::cli::Lang;
use crate::i18n::Words;
use crate::load::source::SourceFile;
use crate::model::{Funding, Initiative, Name, Period, Status};
use crate::progress::Judgement;
use crate::text::clean_line;

use super::csv as convention;
use super::sliced::{self, Constraint};
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

/// In a workspace's list, the member each item belongs to (`names[i]` is `items[i]`'s), and
/// the heading of their column ("Medlem").
pub struct Members<'m> {
    pub heading: &'static str,
    pub names: &'m [&'m str],
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

/// The least room the tracks get in the narrow layout (padding included).
const TRACKS_MIN: usize = 14;

/// How the list's terminal table is laid out.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Layout {
    /// Every field in its own column.
    Wide,
    /// The title under the id, the places under the tracks, the flags under the status.
    Narrow,
    /// One column, each initiative a block of lines (id, title, period and status, tracks):
    /// for ids too long to leave the narrow layout's other columns room.
    Stacked,
}

/// The layout for `width`: wide when the columns that do not wrap (id, period, tracks,
/// status, flags) fit at their content's width with room for the title and the places;
/// narrow when the longest id leaves the other three columns their room; else stacked.
fn layout(
    listing: &Listing<'_>,
    members: Option<&Members<'_>>,
    words: &Words,
    width: u16,
) -> Layout {
    type Text<'w> = &'w (dyn Fn(&Item<'_>) -> String + Sync);
    let columns: [(Text<'_>, &str); 5] = [
        (&|i| i.initiative.id.to_string(), words.id_heading),
        (&|i| words.period(i.initiative.period), words.period_heading),
        (
            &|i| tracks_text(i.initiative, words).replace(", ", "\n"),
            words.tracks_heading,
        ),
        (
            &|i| words.status(i.initiative.status).to_string(),
            words.status_heading,
        ),
        (
            &|i| flags_text(&i.judgement, words).replace(", ", "\n"),
            words.flags_heading,
        ),
    ];
    // Each column's widest line among `items`: in two halves side by side for a long list.
    let widest_in = |items: &[Item<'_>]| {
        columns.map(|(text, _)| {
            items
                .iter()
                .map(|i| text(i).lines().map(|l| l.width()).max().unwrap_or(0))
                .max()
                .unwrap_or(0)
        })
    };
    let (first, second) = sliced::on_two_halves(listing.items.len(), &|range| {
        widest_in(&listing.items[range])
    });
    let content = |c: usize| first[c].max(second[c]);
    let column = |c: usize| content(c).max(columns[c].1.width());
    let fixed: usize = (0..columns.len()).map(column).sum();
    // The member's column: its widest name, two spaces of padding and a separator.
    let member = members.map_or(0, |m| {
        m.names
            .iter()
            .map(|n| clean_line(n).width())
            .max()
            .unwrap_or(0)
            .max(m.heading.width())
            + 3
    });
    let width = usize::from(width);
    // Seven columns: two spaces of padding each, six separators.
    if fixed + member + TITLE_MIN + PLACES_MIN + 7 * 2 + 6 <= width {
        return Layout::Wide;
    }
    let id = if members.is_some() {
        longest_id_line(listing, members)
    } else {
        content(0)
    };
    let status = content(3).max(content(4)).max(columns[3].1.width());
    // Four columns: the id's, the period's and the status' with two spaces of padding each,
    // the tracks' with theirs counted, three separators.
    if id + 2 + column(1) + 2 + TRACKS_MIN + status + 2 + 3 <= width {
        Layout::Narrow
    } else {
        Layout::Stacked
    }
}

/// The widest id as the narrow layout shows it (`member/id` in a workspace's list), measured
/// without making the lines (a list of 100,000 is measured twice: layout and constraint).
fn longest_id_line(listing: &Listing<'_>, members: Option<&Members<'_>>) -> usize {
    (0..listing.items.len())
        .map(|i| {
            let id = listing.items[i].initiative.id.width();
            members.map_or(id, |m| m.names[i].width() + 1 + id)
        })
        .max()
        .unwrap_or(0)
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

/// How many rows of the list's table are formatted at once: what the table holds in memory
/// is this many rows, not the whole list (issue 16: 100,000 rows in one comfy-table table
/// took 473 MiB). The output does not depend on it. comfy-table prints the first two
/// slices (`sliced::write` draws the rest itself when it can), so fewer rows a slice is
/// less of the slower printing: 100 rather than 500 took a list of 10,000 initiatives from
/// 115 to 104 ms, of 100,000 from 1.11 to 1.07 s (alternated runs, with colour too).
const SLICE: usize = 100;

/// A table for the terminal, laid out to `width`; titles, tracks and places wrap.
pub fn table(
    listing: &Listing<'_>,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    table_in_slices(listing, None, words, paint, width, SLICE, out)
}

/// [`table`] of a workspace's list: the member's column first in the wide layout; in the
/// narrow one each initiative is named `member/id` above its title, as the writing commands
/// take it (`plan set eksempelby/læseklub …`).
pub fn table_of_members(
    listing: &Listing<'_>,
    members: &Members<'_>,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    table_in_slices(listing, Some(members), words, paint, width, SLICE, out)
}

/// [`table`], formatted `slice` rows at a time (the same output for every `slice`).
fn table_in_slices(
    listing: &Listing<'_>,
    members: Option<&Members<'_>>,
    words: &Words,
    paint: Paint,
    width: u16,
    slice: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if listing.items.is_empty() {
        return writeln!(out, "{}", words.no_match);
    }
    let layout = layout(listing, members, words, width);
    let id = match members {
        Some(m) => format!("{}/{}", m.heading, words.id_heading.to_lowercase()),
        None => words.id_heading.to_string(),
    };
    let tracks_heading = format!(
        "{} ({})",
        words.tracks_heading,
        words.locations_heading.to_lowercase()
    );
    let header: Vec<String> = match layout {
        Layout::Wide => members
            .map(|m| m.heading)
            .into_iter()
            .chain(headings(words))
            .map(str::to_string)
            .collect(),
        Layout::Narrow => vec![
            format!("{id} / {}", words.title_heading),
            words.period_heading.to_string(),
            tracks_heading,
            words.status_heading.to_string(),
        ],
        Layout::Stacked => vec![format!(
            "{id} / {}\n{} · {}\n{tracks_heading}",
            words.title_heading, words.period_heading, words.status_heading
        )],
    };
    // Ids never wrap (an id broken over two lines cannot be copied), nor periods.
    let constraints = match layout {
        Layout::Wide => {
            let member = members.map(|_| Constraint::ContentWidth);
            member
                .into_iter()
                .chain([
                    Constraint::ContentWidth,
                    Constraint::ContentWidth,
                    Constraint::LowerBoundary(TITLE_MIN as u16),
                    Constraint::ContentWidth,
                    // Places wrap well ("Jyllinge, Viby,"): the title gets what is left.
                    Constraint::Boundaries {
                        lower: PLACES_MIN as u16,
                        upper: PLACES_MIN as u16 + 8,
                    },
                    Constraint::ContentWidth,
                    Constraint::ContentWidth,
                ])
                .collect()
        }
        // The boundary counts the padding too.
        Layout::Narrow => vec![
            Constraint::LowerBoundary(longest_id_line(listing, members) as u16 + 2),
            Constraint::ContentWidth,
            Constraint::LowerBoundary(TRACKS_MIN as u16),
            Constraint::ContentWidth,
        ],
        Layout::Stacked => vec![Constraint::LowerBoundary(1)],
    };
    let rows = TableRows {
        items: &listing.items,
        members,
        words,
        paint,
        layout,
    };
    sliced::write(
        &|| framed_table(paint, width),
        &header,
        &constraints,
        &rows,
        slice,
        out,
    )?;
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

/// The rows of the list's terminal table: in the wide layout id, period, title, tracks,
/// places, status, flags; in the narrow one the title under the id, the places under the
/// tracks and the flags under the status.
struct TableRows<'l, 'a> {
    items: &'l [Item<'a>],
    members: Option<&'l Members<'l>>,
    words: &'l Words,
    paint: Paint,
    layout: Layout,
}

impl TableRows<'_, '_> {
    fn columns(&self) -> usize {
        match (self.layout, self.members) {
            (Layout::Wide, Some(_)) => 8,
            (Layout::Wide, None) => 7,
            (Layout::Narrow, _) => 4,
            (Layout::Stacked, _) => 1,
        }
    }

    /// The id as the narrow layout shows it: `member/id` in a workspace's list.
    fn id_line(items: &[Item<'_>], members: Option<&Members<'_>>, row: usize) -> String {
        let id = clean_line(&items[row].initiative.id);
        match members {
            Some(m) => format!("{}/{id}", clean_line(m.names[row])),
            None => id,
        }
    }

    /// The column of the plan's own layout that `column` shows: the member's column
    /// (`None`) comes first in a workspace's wide layout.
    fn own_column(&self, column: usize) -> Option<usize> {
        match (self.layout, self.members) {
            (Layout::Wide, Some(_)) => column.checked_sub(1),
            _ => Some(column),
        }
    }

    /// The colour of a cell: the status green when done, the flags red when late, yellow
    /// when blocked or at risk (in the narrow layout the flags' colour wins; in the stacked
    /// one the whole block has it).
    fn color(&self, item: &Item<'_>, column: usize) -> Option<Color> {
        let column = self.own_column(column)?;
        let flag_color = if item.judgement.late() {
            Some(Color::Red)
        } else if item.judgement.needs_attention() {
            Some(Color::Yellow)
        } else {
            None
        };
        let status_color = match item.initiative.status {
            Status::Done => Some(Color::Green),
            _ => None,
        };
        match (self.layout, column) {
            (Layout::Wide, 5) => status_color,
            (Layout::Wide, 6) => flag_color,
            (Layout::Narrow, 3) | (Layout::Stacked, _) => flag_color.or(status_color),
            _ => None,
        }
    }
}

impl sliced::Rows for TableRows<'_, '_> {
    fn count(&self) -> usize {
        self.items.len()
    }

    fn text(&self, row: usize, column: usize) -> String {
        let item = &self.items[row];
        let Some(column) = self.own_column(column) else {
            return self
                .members
                .map_or_else(String::new, |m| clean_line(m.names[row]));
        };
        let (init, words) = (item.initiative, self.words);
        // One track a line: track names have spaces, and a list of them wraps badly.
        let tracks = || tracks_text(init, words).replace(", ", "\n");
        let flags = || flags_text(&item.judgement, words).replace(", ", "\n");
        let stack = |a: String, b: String| {
            if b.is_empty() {
                a
            } else {
                format!("{a}\n{b}")
            }
        };
        // The places in brackets under (or after) the tracks.
        let places = || {
            let places = join_clean(&init.locations);
            if places.is_empty() {
                places
            } else {
                format!("({places})")
            }
        };
        match (self.layout, column) {
            (Layout::Stacked, _) => {
                let flags = flags_text(&item.judgement, words);
                let mut state = format!(
                    "{} · {}",
                    words.period(init.period),
                    words.status(init.status)
                );
                if !flags.is_empty() {
                    state = format!("{state} · {flags}");
                }
                let tracks = tracks_text(init, words);
                let places = places();
                [
                    Self::id_line(self.items, self.members, row),
                    clean_line(&init.title),
                    state,
                    if places.is_empty() {
                        tracks
                    } else {
                        format!("{tracks} {places}")
                    },
                ]
                .join("\n")
            }
            (_, 1) => words.period(init.period),
            (Layout::Wide, 0) => clean_line(&init.id),
            (Layout::Wide, 2) => clean_line(&init.title),
            (Layout::Wide, 3) => tracks(),
            (Layout::Wide, 4) => join_clean(&init.locations),
            (Layout::Wide, 5) => words.status(init.status).to_string(),
            (Layout::Wide, 6) => flags(),
            (Layout::Narrow, 0) => stack(
                Self::id_line(self.items, self.members, row),
                clean_line(&init.title),
            ),
            (Layout::Narrow, 2) => stack(tracks(), places()),
            (Layout::Narrow, 3) => stack(words.status(init.status).to_string(), flags()),
            _ => String::new(),
        }
    }

    fn cells(&self, row: usize) -> Vec<Cell> {
        let item = &self.items[row];
        (0..self.columns())
            .map(|column| {
                self.paint
                    .cell(self.text(row, column), self.color(item, column))
            })
            .collect()
    }
}

/// A Markdown (GitHub) table, in the plan's language.
pub fn markdown(listing: &Listing<'_>, words: &Words, out: &mut dyn Write) -> io::Result<()> {
    let head = headings(words);
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(head.len()))?;
    super::chunked::write_each(&listing.items, out, &|out, item| {
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
        writeln!(out, "| {} |", cells.join(" | "))
    })
}

/// The machine-readable record of an initiative: the keys of design.md.
/// One initiative as `list --format json` and `csv` write it; the field names are the JSON
/// keys and the CSV header. At a workspace root the same record, its member's name first
/// (`member`, absent from one plan's list).
#[derive(Serialize, Default)]
pub(crate) struct Record<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<&'a str>,
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
        Record::in_member(None, item.initiative, item.file, &item.judgement)
    }

    /// The record of initiative `i`, read from `file`, judged `judgement`; `member`: the
    /// workspace member it belongs to, at a workspace root.
    pub(crate) fn in_member(
        member: Option<&'a str>,
        i: &'a Initiative,
        file: &SourceFile,
        judgement: &Judgement,
    ) -> Record<'a> {
        Record {
            member,
            id: &i.id,
            file: file.display(),
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
            late: judgement.late(),
            blocked: judgement.blocked(),
            at_risk: judgement.at_risk,
        }
    }

    /// The record with nothing in it but the member's key: its field names are the CSV
    /// header of a workspace's list.
    pub(crate) fn of_members_header() -> Record<'static> {
        Record {
            member: Some(""),
            ..Record::default()
        }
    }
}

/// A JSON array, one object per initiative.
pub fn json(listing: &Listing<'_>, out: &mut dyn Write) -> io::Result<()> {
    // Each record is made as it is written: no list of all of them at once.
    crate::render::json::write_pretty_array(out, &listing.items, &|item, element| {
        element.write(&Record::of(item))
    })
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
    writer.flush()?;
    drop(writer);
    super::chunked::write_chunks(&listing.items, out, &|out, items| {
        let mut writer = convention::writer_after_bom(out, lang, delimiter);
        for item in items {
            convention::row(&mut writer, cells::values(&Record::of(item)))?;
        }
        writer.flush()
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;
    use crate::commands::list::{select, Filter, TrackFilter};
    use crate::i18n::words;
    use crate::load::{plan_from_folder, read_folder, SourceFile};
    use crate::model::Plan;

    /// The shipped plan (long Danish titles, cross-cutting initiatives, several tracks and
    /// places each, done and late ones) and initiatives that wrap awkwardly: a word longer
    /// than any column, wide letters, a long id, many places, no places.
    fn plan() -> Plan {
        let dir = Path::new("plans");
        let mut folder = read_folder(dir).expect("the shipped plans/ folder");
        let extra = [
            (
                "q2/ord.toml",
                "title = \"Gundsømagle-Jyllinge-Viby-Ågerup-Herfølge-Lejre-fællesskabsudviklingsprojekt på biblioteket\"\nperiod = \"Q2\"\ntracks = [\"Hygge\", \"Fordybelse\", \"Viden og vejledning\", \"En lokal aktør\"]\nlocations = [\"Viby\", \"Jyllinge\", \"Gundsømagle\", \"Ågerup\", \"Bogbussen\"]\ndeadline = 2017-04-01\n",
            ),
            (
                "q3/en-meget-lang-indsats-id-som-ikke-maa-brydes.toml",
                "title = \"中文 读书会 på Viby Bibliotek: æøå ÆØÅ\"\nperiod = \"Q3\"\ntracks = [\"Alle spor\"]\nstatus = \"done\"\n",
            ),
            (
                "aar/kort.toml",
                "title = \"Kort\"\nperiod = \"year\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\"]\nstatus = \"active\"\n",
            ),
        ];
        for (path, text) in extra {
            folder
                .initiatives
                .push(SourceFile::from_bytes(path, text.as_bytes()));
        }
        plan_from_folder(dir, folder)
    }

    /// Every initiative of `plan`, as `plan list` chooses them on 15 May 2017.
    fn everything(plan: &Plan) -> Listing<'_> {
        let today = NaiveDate::from_ymd_opt(2017, 5, 15).unwrap();
        Listing {
            items: select(plan, &Filter::default(), today),
            track_filter: false,
        }
    }

    fn render(listing: &Listing<'_>, lang: Lang, color: bool, width: u16, slice: usize) -> String {
        let mut out = Vec::new();
        let paint = Paint { color };
        table_in_slices(listing, None, words(lang), paint, width, slice, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A list longer than one slice ([`SLICE`]), as `plan list` prints it, is the table
    /// comfy-table lays out whole; long enough that the passes over it run on two cores
    /// ([`sliced::TWO_CORES_FROM`]).
    #[test]
    fn a_list_longer_than_a_slice_is_the_whole_table() {
        let dir = Path::new("plans");
        let mut folder = read_folder(dir).expect("the shipped plans/ folder");
        let words_ = [
            "Læsehold",
            "i",
            "Viby",
            "og",
            "fællesskaber",
            "på",
            "Bogbussen",
        ];
        let tracks = ["Hygge", "Fordybelse", "Alle spor", "En lokal aktør"];
        let places = ["Viby", "Jyllinge", "Gundsømagle", "Ågerup"];
        folder.initiatives = (0..sliced::TWO_CORES_FROM + SLICE / 2)
            .map(|n| {
                let title: Vec<&str> = (0..n % 17).map(|i| words_[(n + i) % 7]).collect();
                let text = format!(
                    "title = \"{} {n}\"\nperiod = \"Q{}\"\ntracks = [\"{}\"]\nlocations = [{}]\n",
                    title.join(" "),
                    n % 4 + 1,
                    tracks[n % 4],
                    places[..n % 5]
                        .iter()
                        .map(|p| format!("\"{p}\""))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                SourceFile::from_bytes(&format!("i{n}.toml"), text.as_bytes())
            })
            .collect();
        let plan = plan_from_folder(dir, folder);
        let listing = everything(&plan);
        assert!(listing.items.len() >= sliced::TWO_CORES_FROM);
        for width in [50, 80, 200] {
            let mut out = Vec::new();
            table(
                &listing,
                words(Lang::Da),
                Paint { color: false },
                width,
                &mut out,
            )
            .unwrap();
            let sliced = String::from_utf8(out).unwrap();
            let whole = render(&listing, Lang::Da, false, width, usize::MAX);
            assert_eq!(sliced, whole, "width {width}");
        }
    }

    /// Whether the wide layout fits, read in two halves on two cores, is what reading the
    /// list once decides (as first written), at every width around the boundary; the
    /// widest id is in the second half, so a half left out would move the boundary.
    #[test]
    fn fits_wide_in_two_halves_is_fits_wide_read_once() {
        fn read_once(listing: &Listing<'_>, words: &Words, width: u16) -> bool {
            let widest = |f: &dyn Fn(&Item<'_>) -> String, heading: &str| {
                listing
                    .items
                    .iter()
                    .map(|i| f(i).lines().map(|l| l.width()).max().unwrap_or(0))
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
            fixed + TITLE_MIN + PLACES_MIN + 7 * 2 + 6 <= usize::from(width)
        }
        let dir = Path::new("plans");
        let mut folder = read_folder(dir).expect("the shipped plans/ folder");
        let file = |id: &str, n: usize| {
            let text = format!("title = \"Læsehold {n}\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n");
            SourceFile::from_bytes(&format!("{id}.toml"), text.as_bytes())
        };
        folder.initiatives = (0..sliced::TWO_CORES_FROM)
            .map(|n| file(&format!("i{n:05}"), n))
            .chain([file("zz-laesehold-med-et-langt-navn-i-viby", 0)])
            .collect();
        let plan = plan_from_folder(dir, folder);
        let listing = everything(&plan);
        assert!(listing.items.len() > sliced::TWO_CORES_FROM);
        let words = words(Lang::Da);
        let boundary = |listing: &Listing<'_>| (40..300).find(|&w| read_once(listing, words, w));
        let mut first_half = everything(&plan);
        first_half.items.truncate(listing.items.len() / 2);
        assert_ne!(boundary(&listing), boundary(&first_half));
        for width in 40..300 {
            assert_eq!(
                layout(&listing, None, words, width) == Layout::Wide,
                read_once(&listing, words, width),
                "width {width}"
            );
        }
    }

    /// Printed a few rows at a time, the table is the one comfy-table lays out whole: in
    /// every layout, at every width, with colour on and off, with the cross-cutting note.
    #[test]
    fn the_table_in_slices_is_the_whole_table() {
        let plan = plan();
        let today = NaiveDate::from_ymd_opt(2017, 5, 15).unwrap();
        let hygge = Filter {
            track: Some(TrackFilter::Track("Hygge".into())),
            ..Filter::default()
        };
        let mut layouts = std::collections::HashSet::new();
        for (filter, track_filter) in [(Filter::default(), false), (hygge, true)] {
            let listing = Listing {
                items: select(&plan, &filter, today),
                track_filter,
            };
            assert!(listing.items.len() > 8, "{}", listing.items.len());
            for width in [40, 57, 80, 120, 200, 300] {
                for lang in [Lang::Da, Lang::En] {
                    for color in [false, true] {
                        let whole = render(&listing, lang, color, width, usize::MAX);
                        layouts.insert(layout(&listing, None, words(lang), width));
                        for slice in [1, 2, 7] {
                            assert_eq!(
                                render(&listing, lang, color, width, slice),
                                whole,
                                "width {width}, {lang:?}, colour {color}, slice {slice}"
                            );
                        }
                    }
                }
            }
        }
        assert_eq!(layouts.len(), 3, "every layout: {layouts:?}");
    }
}
