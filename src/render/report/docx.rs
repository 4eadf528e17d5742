//! The memo as a Word document (`docx-rs`): A4 with 2 cm margins, a header line with the
//! plan's title and the quarter, real headings (Word's "Heading 1" and "Title" styles, so the
//! navigation pane and a table of contents see them), the summary as a paragraph, and real
//! tables with a shaded header row. The sections and their content are those of the Markdown
//! and HTML memo, from the same [`Report`].
//!
//! The two charts of the HTML memo are not in the document: drawing them as pictures needs an
//! SVG renderer (`resvg`) that costs more build time than the README's set-up allows (see the
//! README). The tables carry the same numbers.
//!
//! Plan text has had its control characters removed in [`crate::report`]; `docx-rs` escapes
//! `<`, `&` and quotes when it writes the XML.

use std::io::{self, Cursor, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Header, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Run, RunFonts,
    Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableCellMargins,
    TableRow, WidthType,
};

use crate::i18n::{words, Words};
use crate::report::{Item, Report};

use super::{
    as_of_line, met_text, next_empty, next_heading, note_text, quarter_title, status_text,
    tracks_text,
};

/// A4 in twentieths of a point (210 × 297 mm).
const A4: (u32, u32) = (11906, 16838);
/// 2 cm.
const MARGIN: i32 = 1134;
/// The width between the margins.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;
/// Body text 11 pt, tables 9 pt (in half-points).
const BODY_SIZE: usize = 22;
const TABLE_SIZE: usize = 18;
/// docx-rs already defines numbering 1 (decimal); the bullet list is 2.
const BULLETS: usize = 2;

fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(36)
            .bold(),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(24)
            .color("595959")
            .line_spacing(LineSpacing::new().after(120)),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(28)
            .bold()
            .color("1F3864")
            .line_spacing(LineSpacing::new().before(280).after(100))
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Header", StyleType::Paragraph)
            .name("header")
            .based_on("Normal")
            .size(18)
            .color("595959"),
    )
}

fn text(s: &str) -> Run {
    Run::new().add_text(s)
}

fn heading(s: &str) -> Paragraph {
    Paragraph::new()
        .add_run(text(s))
        .style("Heading1")
        .keep_next(true)
}

fn paragraph(s: &str) -> Paragraph {
    Paragraph::new()
        .add_run(text(s))
        .line_spacing(LineSpacing::new().after(120))
}

/// How a column's cells are aligned: text left, counts right.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A table filling the text width: `widths` are relative, the header row bold and shaded
/// rows that do not split over a page break; with `keep`, the whole table stays on one page
/// with the paragraph after it.
fn table(
    headers: &[&str],
    rows: Vec<Vec<Cell>>,
    widths: &[usize],
    align: &[Align],
    keep: bool,
) -> Table {
    let total: usize = widths.iter().sum();
    let twips: Vec<usize> = widths.iter().map(|w| w * TEXT_WIDTH / total).collect();
    let cell = |s: &str, width: usize, header: bool, align: Align, bold: bool| {
        let mut run = Run::new().add_text(s).size(TABLE_SIZE);
        if header || bold {
            run = run.bold();
        }
        let mut p = Paragraph::new().add_run(run).keep_next(keep);
        if align == Align::Right {
            p = p.align(AlignmentType::Right);
        }
        let mut cell = TableCell::new()
            .add_paragraph(p)
            .width(width, WidthType::Dxa);
        if header {
            cell = cell.shading(Shading::new().fill("D9E2F3"));
        }
        cell
    };
    let align_of = |i: usize| align.get(i).copied().unwrap_or(Align::Left);
    let mut table_rows = vec![TableRow::new(
        headers
            .iter()
            .zip(&twips)
            .enumerate()
            .map(|(i, (h, w))| cell(h, *w, true, align_of(i), false))
            .collect(),
    )
    .cant_split()];
    for row in rows {
        table_rows.push(
            TableRow::new(
                row.iter()
                    .zip(&twips)
                    .enumerate()
                    .map(|(i, (c, w))| cell(&c.text, *w, false, align_of(i), c.bold))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(table_rows)
        .set_grid(twips)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(40, 80, 40, 80))
}

/// A table cell's text, and whether it is bold (a track short of the minimum).
struct Cell {
    text: String,
    bold: bool,
}

fn plain(text: String) -> Cell {
    Cell { text, bold: false }
}

/// The table of the quarter's (or the ongoing) initiatives; the note column only when some
/// initiative has a note, as an empty column costs a fifth of an A4 page's width.
fn items_table(w: &Words, items: &[Item], with_period: bool) -> Table {
    let with_note = items.iter().any(|i| i.latest_note.is_some());
    let mut headers = vec![w.col_title];
    let mut widths = vec![36];
    if with_period {
        headers.push(w.col_period);
        widths.push(12);
    }
    headers.extend([w.col_tracks, w.col_places, w.col_status]);
    widths.extend([20, 18, 12]);
    if with_note {
        headers.push(w.col_note);
        widths.push(24);
    }
    let rows = items
        .iter()
        .map(|item| {
            let mut row = vec![item.title.clone()];
            if with_period {
                row.push(w.period(item.period));
            }
            row.extend([
                tracks_text(w, item),
                item.locations.join(", "),
                status_text(w, item),
            ]);
            if with_note {
                row.push(note_text(w, item.latest_note.as_ref()));
            }
            row.into_iter().map(plain).collect()
        })
        .collect();
    table(&headers, rows, &widths, &[], false)
}

fn bullet(runs: Vec<Run>) -> Paragraph {
    runs.into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

/// The document.
pub fn document(report: &Report) -> Docx {
    let w = words(report.language);
    let quarter = w.period(report.quarter);
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .add_run(text(&format!(
                "{} · {}",
                report.plan.title,
                quarter_title(w, report)
            )))
            .style("Header")
            .align(AlignmentType::Right),
    );
    let mut docx = styles(Docx::new())
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_size(BODY_SIZE)
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .header(header)
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));

    docx = docx
        .add_paragraph(
            Paragraph::new()
                .add_run(text(&report.plan.title))
                .style("Title"),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(text(&format!(
                    "{} · {}",
                    quarter_title(w, report),
                    as_of_line(w, report)
                )))
                .style("Subtitle"),
        );

    docx = docx
        .add_paragraph(heading(w.report_summary))
        .add_paragraph(paragraph(&report.summary.join(" ")));

    docx = docx.add_paragraph(heading(&(w.report_quarter)(&quarter)));
    docx = if report.initiatives.is_empty() {
        docx.add_paragraph(paragraph(&(w.none_quarter)(&quarter)))
    } else {
        docx.add_table(items_table(w, &report.initiatives, false))
    };

    docx = docx.add_paragraph(heading(w.report_ongoing));
    docx = if report.ongoing.is_empty() {
        docx.add_paragraph(paragraph(w.none_ongoing))
    } else {
        docx.add_table(items_table(w, &report.ongoing, true))
    };

    docx = docx.add_paragraph(heading(&(w.report_tracks)(&quarter)));
    let track_rows = report
        .tracks
        .iter()
        .map(|t| {
            vec![
                plain(t.name.clone()),
                plain(t.to_date.to_string()),
                plain(t.done.to_string()),
                plain(t.year.to_string()),
                plain(t.minimum.to_string()),
                Cell {
                    text: met_text(w, t),
                    bold: !t.met,
                },
            ]
        })
        .collect();
    docx = docx.add_table(table(
        &[
            w.col_track,
            w.col_to_date,
            w.col_done,
            w.col_year,
            w.col_minimum,
            "",
        ],
        track_rows,
        &[32, 12, 12, 12, 12, 20],
        &[
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        !report.cross_cutting_counts,
    ));
    if !report.cross_cutting_counts {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(text(w.report_cross_cutting_note).italic().size(TABLE_SIZE)),
        );
    }

    docx = docx.add_paragraph(heading(w.report_attention));
    if report.attention.is_empty() {
        docx = docx.add_paragraph(paragraph(&(w.none_attention)(&w.date(report.as_of))));
    } else {
        for a in &report.attention {
            docx = docx.add_paragraph(bullet(vec![
                text(&a.title).bold(),
                text(&format!(
                    " ({}, {}): {}",
                    w.period(a.period),
                    w.status(a.status),
                    a.explained.join("; ")
                )),
            ]));
        }
    }

    docx = docx.add_paragraph(heading(&next_heading(w, report)));
    if report.next.period.is_some() && !report.next.initiatives.is_empty() {
        let rows = report
            .next
            .initiatives
            .iter()
            .map(|item| {
                vec![
                    plain(item.title.clone()),
                    plain(tracks_text(w, item)),
                    plain(item.locations.join(", ")),
                    plain(status_text(w, item)),
                ]
            })
            .collect();
        docx = docx.add_table(table(
            &[w.col_title, w.col_tracks, w.col_places, w.col_status],
            rows,
            &[44, 22, 20, 14],
            &[],
            false,
        ));
    } else if !report.next.follow_ups.is_empty() {
        for f in &report.next.follow_ups {
            docx = docx.add_paragraph(bullet(vec![
                text(&f.title).bold(),
                text(&format!(": {}", f.follow_up)),
            ]));
        }
    } else {
        docx = docx.add_paragraph(paragraph(&next_empty(w, report)));
    }
    docx
}

/// Writes the document to `out`.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = Cursor::new(Vec::new());
    document(report)
        .build()
        .pack(&mut buffer)
        .map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(buffer.get_ref())
}
