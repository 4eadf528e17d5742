//! `plan list` at a workspace root: the chosen initiatives of every member, with a member
//! column, as Markdown, CSV, JSON or a workbook (the terminal table is a plan's list with
//! the member added: [`crate::render::list::table_of_members`]). The CSV's header and cells are read
//! from the JSON record's `Serialize` derive, as for a plan's own list.

use std::io::{self, Write};

use crate::i18n::network::NetworkWords;
use crate::i18n::Words;
use crate::load::source::SourceFile;
use crate::model::{Initiative, Name};
use crate::progress::Judgement;
use crate::render::list::Record;
use crate::render::terminal::capitalize;
use crate::render::{cells, escape};
use crate::text::clean_line;

/// One initiative of one member, with its judgement at the as-of date.
pub struct Row<'a> {
    pub member: &'a str,
    pub initiative: &'a Initiative,
    pub file: &'a SourceFile,
    pub judgement: Judgement,
}

fn tracks(init: &Initiative, w: &Words) -> String {
    let mut names: Vec<String> = Vec::new();
    if init.cross_cutting {
        names.push(capitalize(w.cross_cutting));
    }
    names.extend(init.tracks.iter().map(|t| clean_line(t)));
    names.join(", ")
}

fn flags(j: &Judgement, w: &Words) -> String {
    let mut f = Vec::new();
    if j.late() {
        f.push(w.late);
    }
    if j.blocked() {
        f.push(w.blocked);
    }
    if j.at_risk {
        f.push(w.at_risk);
    }
    f.join(", ")
}

fn cells_of(r: &Row<'_>, w: &Words) -> [String; 6] {
    let status = w.status(r.initiative.status);
    let flags = flags(&r.judgement, w);
    [
        clean_line(r.member),
        clean_line(&r.initiative.id),
        w.period(r.initiative.period),
        if flags.is_empty() {
            status.to_string()
        } else {
            format!("{status} ({flags})")
        },
        clean_line(&r.initiative.title),
        tracks(r.initiative, w),
    ]
}

fn header(nw: &NetworkWords) -> [&str; 6] {
    [
        nw.col_member,
        nw.col_id,
        nw.col_period,
        nw.col_status,
        nw.col_title,
        nw.col_track,
    ]
}

/// A Markdown table.
pub fn markdown(
    rows: &[Row<'_>],
    nw: &NetworkWords,
    w: &Words,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "| {} |", header(nw).join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(6))?;
    for r in rows {
        let cells: Vec<String> = cells_of(r, w)
            .iter()
            .map(|c| escape::markdown_cell(c))
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// The record of a plan's list ([`crate::render::list`]), its member first.
fn record<'a>(r: &'a Row<'a>) -> Record<'a> {
    Record::in_member(Some(r.member), r.initiative, r.file, &r.judgement)
}

/// A JSON array of records: a plan's list's records, each with `member` as its first key.
pub fn json(rows: &[Row<'_>], out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write_pretty_array(out, rows, &|r, element| element.write(&record(r)))
}

/// CSV by the tool's convention ([`crate::render::csv`]: byte-order mark, CRLF, the
/// language's separator or `--delimiter`, formula guard), the JSON keys as the header and
/// lists joined with "; ", with the member first.
pub fn csv(
    rows: &[Row<'_>],
    lang: crate::cli::Lang,
    delimiter: Option<crate::cli::Delimiter>,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::render::csv as convention;
    let mut writer = convention::writer(out, lang, delimiter)?;
    convention::row(&mut writer, cells::names(&Record::of_members_header()))?;
    for r in rows {
        convention::row(&mut writer, cells::values(&record(r)))?;
    }
    writer.flush()
}

/// An Excel workbook: one sheet with the columns of the table (member first) and the
/// places, tags and file; `title` is the workspace's title.
pub fn workbook(rows: &[Row<'_>], lang: crate::cli::Lang, title: &str) -> io::Result<Vec<u8>> {
    use crate::render::xlsx::{Book, Cell, Rows, SheetTable};
    let w = crate::i18n::words(lang);
    let nw = crate::i18n::network::network_words(lang);
    let o = crate::render::office::office_words(lang);
    let title = if title.is_empty() { nw.untitled } else { title };
    let mut book = Book::new(lang, title, o.sheet_list);
    let joined = |items: &[Name]| {
        items
            .iter()
            .map(|s| clean_line(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let table_rows = Rows::of(rows, |r| {
        let mut cells: Vec<Cell> = cells_of(r, w).into_iter().map(Cell::text).collect();
        cells.push(Cell::text(joined(&r.initiative.locations)));
        cells.push(Cell::text(joined(&r.initiative.tags)));
        cells.push(Cell::text(clean_line(&r.file.display())));
        cells
    });
    let mut headers = header(nw).to_vec();
    headers.extend([w.locations_heading, w.tags_label, w.file_label]);
    book.table_sheet(SheetTable {
        name: o.sheet_list,
        above: vec![clean_line(title)],
        headers,
        rows: table_rows,
        empty: w.no_match.to_string(),
        below: Vec::new(),
    })?;
    book.into_bytes()
}
