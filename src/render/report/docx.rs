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
//!
//! The document is never one tree: `docx-rs` builds the parts around the body (styles,
//! numbering, header, section) and then each paragraph and table row of the body, whose XML
//! goes straight into the archive's `word/document.xml` (`package`). At 100,000
//! initiatives the whole tree and its XML took 1.6 GiB; this takes what the report itself
//! takes. The tests build the tree as well and compare the two documents.

use std::io::{self, Cursor, Seek, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, BuildXML, Docx, Header, Level, LevelJc, LevelText,
    NumberFormat, Numbering, PageMargin, Paragraph, RunFonts, SpecialIndentType, Start, TableRow,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::render::office::{self, Temporary};

use crate::i18n::{words, Words};
use crate::report::TrackCoverage;
use crate::report::{Item, Report};
use crate::text::bind_ordinals;

mod blocks;
/// The memo's paragraph styles (title, subtitle, headings 1 and 2, header), for the network memo's Word file too.
pub(crate) use blocks::styles;

use blocks::{
    bullet, heading, paragraph, plain, text, Align, Cell, CellIds, TableShape, A4, BODY_SIZE,
    BULLETS, MARGIN, TABLE_SIZE,
};

use super::{
    as_of_line, met_text, next_empty, next_heading, note_text, quarter_title, since_lines,
    status_text, tracks_text,
};

/// The table of the quarter's (or the ongoing) initiatives; the note column only when some
/// initiative has a note, as an empty column costs a fifth of an A4 page's width.
fn items_table<B: Body>(
    w: &Words,
    items: &[Item],
    with_period: bool,
    ids: &mut CellIds,
    body: &mut B,
) -> io::Result<()> {
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
    let table = TableShape::new(&headers, &widths, &[], false, items.len(), ids);
    let row = |index: usize, item: &Item| {
        let mut row = vec![item.title.to_string()];
        if with_period {
            row.push(bind_ordinals(&w.period(item.period)).into_owned());
        }
        row.extend([
            tracks_text(w, item),
            item.locations.join(", "),
            bind_ordinals(&status_text(w, item)).into_owned(),
        ]);
        if with_note {
            row.push(bind_ordinals(&note_text(w, item.latest_note.as_ref())).into_owned());
        }
        let cells: Vec<Cell> = row.into_iter().map(plain).collect();
        table.row(index, &cells)
    };
    body.table(&table, items, &row)
}

/// The paragraph id of the header line: fixed, and far above the ids `docx-rs` counts up
/// from 1 for the body's paragraphs (Word wants them below 0x80000000 and unique).
const HEADER_PARA_ID: &str = "7FFFFFFE";

/// Everything of the document but its body: A4 with 2 cm margins, the styles, the bullet
/// numbering and the header line with the plan's title and the quarter.
fn shell(report: &Report) -> Docx {
    let w = words(report.language);
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .id(HEADER_PARA_ID)
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
    // docx-rs links the numbering part when a paragraph of the body it holds has a bullet;
    // the body is streamed after this shell is built, so the link is always made (the part
    // is always written, with the bullets' numbering in it).
    docx.document_rels.has_numberings = true;
    docx
}

/// Where the body of the document goes, one block at a time, in order.
trait Body {
    /// A paragraph.
    fn paragraph(&mut self, paragraph: Paragraph) -> io::Result<()>;
    /// A table of `shape` with a row for each of `items`, made by `row` (its index and
    /// item) as they are written.
    fn table<T: Sync>(
        &mut self,
        shape: &TableShape,
        items: &[T],
        row: &(dyn Fn(usize, &T) -> TableRow + Sync),
    ) -> io::Result<()>;
}

/// The body of the memo, block by block into `body`: the sections and their content are
/// those of the Markdown and HTML memo.
fn body<B: Body>(report: &Report, body: &mut B) -> io::Result<()> {
    let w = words(report.language);
    let quarter = w.period(report.quarter);
    let ids = &mut CellIds::new();
    body.paragraph(
        Paragraph::new()
            .add_run(text(&report.plan.title))
            .style("Title"),
    )?;
    body.paragraph(
        Paragraph::new()
            .add_run(text(&format!(
                "{} · {}",
                quarter_title(w, report),
                as_of_line(w, report)
            )))
            .style("Subtitle"),
    )?;

    body.paragraph(heading(w.report_summary))?;
    body.paragraph(paragraph(&report.summary.join(" ")))?;

    body.paragraph(heading(&(w.report_quarter)(&quarter)))?;
    if report.initiatives.is_empty() {
        body.paragraph(paragraph(&(w.none_quarter)(&quarter)))?;
    } else {
        items_table(w, &report.initiatives, false, ids, body)?;
    }

    body.paragraph(heading(w.report_ongoing))?;
    if report.ongoing.is_empty() {
        body.paragraph(paragraph(w.none_ongoing))?;
    } else {
        items_table(w, &report.ongoing, true, ids, body)?;
    }

    body.paragraph(heading(&(w.report_tracks)(&quarter)))?;
    let tracks = TableShape::new(
        &[
            w.col_track,
            w.col_to_date,
            w.col_done,
            w.col_year,
            w.col_minimum,
            "",
        ],
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
        report.tracks.len(),
        ids,
    );
    let track_row = |index: usize, t: &TrackCoverage| {
        tracks.row(
            index,
            &[
                plain(t.name.clone()),
                plain(t.to_date.to_string()),
                plain(t.done.to_string()),
                plain(t.year.to_string()),
                plain(t.minimum.to_string()),
                Cell {
                    text: met_text(w, t),
                    bold: !t.met,
                },
            ],
        )
    };
    body.table(&tracks, &report.tracks, &track_row)?;
    if !report.cross_cutting_counts {
        body.paragraph(
            Paragraph::new().add_run(text(w.report_cross_cutting_note).italic().size(TABLE_SIZE)),
        )?;
    }

    body.paragraph(heading(w.report_attention))?;
    if report.attention.is_empty() {
        body.paragraph(paragraph(&(w.none_attention)(&w.date(report.as_of))))?;
    } else {
        for a in &report.attention {
            body.paragraph(bullet(vec![
                text(&a.title).bold(),
                text(&bind_ordinals(&format!(
                    " ({}, {}): {}",
                    w.period(a.period),
                    w.status(a.status),
                    a.explained.join("; ")
                ))),
            ]))?;
        }
    }

    body.paragraph(heading(&(w.report_since)(
        report.quarter.quarter().unwrap_or(1),
    )))?;
    let since = since_lines(w, report);
    if since.is_empty() {
        body.paragraph(paragraph(w.none_since))?;
    }
    for line in &since {
        body.paragraph(bullet(vec![text(line)]))?;
    }
    if !report.left_out.is_empty() {
        body.paragraph(heading(w.report_left_out))?;
        for file in &report.left_out {
            body.paragraph(bullet(vec![text(file)]))?;
        }
    }

    body.paragraph(heading(&next_heading(w, report)))?;
    if report.next.period.is_some() && !report.next.initiatives.is_empty() {
        let next = TableShape::new(
            &[w.col_title, w.col_tracks, w.col_places, w.col_status],
            &[44, 22, 20, 14],
            &[],
            false,
            report.next.initiatives.len(),
            ids,
        );
        let row = |index: usize, item: &Item| {
            next.row(
                index,
                &[
                    plain(item.title.to_string()),
                    plain(tracks_text(w, item)),
                    plain(item.locations.join(", ")),
                    plain(bind_ordinals(&status_text(w, item)).into_owned()),
                ],
            )
        };
        body.table(&next, &report.next.initiatives, &row)?;
    } else if !report.next.follow_ups.is_empty() {
        for f in &report.next.follow_ups {
            body.paragraph(bullet(vec![
                text(&f.title).bold(),
                text(&format!(": {}", f.follow_up)),
            ]))?;
        }
    } else {
        body.paragraph(paragraph(&next_empty(w, report)))?;
    }
    Ok(())
}

/// The whole document as one `docx-rs` tree, the way it was built before it was streamed:
/// for tests that the streamed document is the same document.
#[cfg(test)]
fn document(report: &Report) -> Docx {
    struct Tree(Option<Docx>);
    impl Body for Tree {
        fn paragraph(&mut self, paragraph: Paragraph) -> io::Result<()> {
            self.0 = self.0.take().map(|d| d.add_paragraph(paragraph));
            Ok(())
        }
        fn table<T: Sync>(
            &mut self,
            shape: &TableShape,
            items: &[T],
            row: &(dyn Fn(usize, &T) -> TableRow + Sync),
        ) -> io::Result<()> {
            let rows = items.iter().enumerate().map(|(i, item)| row(i, item));
            let table = rows.fold(shape.head(), docx_rs::Table::add_row);
            self.0 = self.0.take().map(|d| d.add_table(table));
            Ok(())
        }
    }
    let mut tree = Tree(Some(shell(report)));
    body(report, &mut tree).expect("building a tree does not fail");
    tree.0.expect("the tree")
}

/// The body written as `word/document.xml` into the zip archive, each block's XML built by
/// `docx-rs` (which escapes the text) and dropped once written, so that memory does not
/// grow with the number of initiatives.
struct Stream<'a, W: Write + Seek> {
    zip: &'a mut ZipWriter<W>,
}

impl<W: Write + Seek> Body for Stream<'_, W> {
    fn paragraph(&mut self, paragraph: Paragraph) -> io::Result<()> {
        self.zip.write_all(&paragraph.build())
    }

    fn table<T: Sync>(
        &mut self,
        shape: &TableShape,
        items: &[T],
        row: &(dyn Fn(usize, &T) -> TableRow + Sync),
    ) -> io::Result<()> {
        let head = shape.head().build();
        let open = head
            .strip_suffix(TABLE_END)
            .ok_or_else(|| io::Error::other("docx-rs wrote a table without </w:tbl>"))?;
        self.zip.write_all(open)?;
        if shape.has_own_ids() {
            // Making and building the rows' XML is most of a long memo's time: rows are
            // made in chunks on two cores (each row's paragraph ids are its own, whichever
            // thread makes it) and written in order.
            let indexed: Vec<(usize, &T)> = items.iter().enumerate().collect();
            crate::render::chunked::write_each(&indexed, &mut *self.zip, &|out, &(i, item)| {
                out.write_all(&row(i, item).build())
            })?;
        } else {
            for (i, item) in items.iter().enumerate() {
                self.zip.write_all(&row(i, item).build())?;
            }
        }
        self.zip.write_all(TABLE_END)
    }
}

const TABLE_END: &[u8] = b"</w:tbl>";
const BODY_START: &[u8] = b"<w:body>";

fn zip_error(err: zip::result::ZipError) -> io::Error {
    match err {
        zip::result::ZipError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// Writes the document as a docx (zip) archive to `out`: every part but the body as
/// `docx-rs` builds it, in the order its own packer writes them, and the body streamed
/// block by block between the opening of `word/document.xml` and its section properties.
/// The parts are deflated (docx-rs stores them uncompressed: 80 MB at 100,000 initiatives).
fn package<W: Write + Seek>(report: &Report, out: W) -> io::Result<W> {
    let parts = shell(report).build();
    if !parts.media.is_empty() || parts.taskpanes.is_some() || !parts.custom_items.is_empty() {
        return Err(io::Error::other(
            "the memo's docx has pictures or add-ins, which its packer does not write",
        ));
    }
    let document = &parts.document;
    let split = document
        .windows(BODY_START.len())
        .position(|w| w == BODY_START)
        .map(|at| at + BODY_START.len())
        .ok_or_else(|| io::Error::other("docx-rs wrote a document without <w:body>"))?;
    let (open, close) = document.split_at(split);

    let mut zip = ZipWriter::new(out);
    let folder = SimpleFileOptions::default();
    for dir in ["word/", "word/_rels", "_rels/", "docProps/"] {
        zip.add_directory(dir, folder).map_err(zip_error)?;
    }
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .unix_permissions(0o755);
    let part = |zip: &mut ZipWriter<W>, name: &str, bytes: &[u8]| -> io::Result<()> {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(bytes)
    };
    part(&mut zip, "[Content_Types].xml", &parts.content_type)?;
    part(&mut zip, "_rels/.rels", &parts.rels)?;
    part(&mut zip, "docProps/app.xml", &parts.doc_props.app)?;
    part(
        &mut zip,
        "docProps/core.xml",
        office::docx_core_properties(
            &format!(
                "{} · {}",
                report.plan.title,
                quarter_title(words(report.language), report)
            ),
            report.language,
            report.as_of,
        )
        .as_bytes(),
    )?;
    part(&mut zip, "docProps/custom.xml", &parts.doc_props.custom)?;
    part(
        &mut zip,
        "word/_rels/document.xml.rels",
        &parts.document_rels,
    )?;
    part(&mut zip, "word/document.xml", open)?;
    body(report, &mut Stream { zip: &mut zip })?;
    zip.write_all(close)?;
    part(
        &mut zip,
        "word/styles.xml",
        &office::docx_styles_in(&parts.styles, report.language),
    )?;
    part(&mut zip, "word/settings.xml", &parts.settings)?;
    part(&mut zip, "word/fontTable.xml", &parts.font_table)?;
    part(&mut zip, "word/comments.xml", &parts.comments)?;
    part(&mut zip, "word/numbering.xml", &parts.numberings)?;
    part(
        &mut zip,
        "word/commentsExtended.xml",
        &parts.comments_extended,
    )?;
    part(&mut zip, "word/footnotes.xml", &parts.footnotes)?;
    for (i, header) in parts.headers.iter().enumerate() {
        part(&mut zip, &format!("word/header{}.xml", i + 1), header)?;
        if let Some(rels) = parts.header_rels.get(i) {
            part(
                &mut zip,
                &format!("word/_rels/header{}.xml.rels", i + 1),
                rels,
            )?;
        }
    }
    for (i, footer) in parts.footers.iter().enumerate() {
        part(&mut zip, &format!("word/footer{}.xml", i + 1), footer)?;
        if let Some(rels) = parts.footer_rels.get(i) {
            part(
                &mut zip,
                &format!("word/_rels/footer{}.xml.rels", i + 1),
                rels,
            )?;
        }
    }
    zip.finish().map_err(zip_error)
}

/// The document's bytes (a zip archive; about 44 bytes per initiative in a table).
pub fn bytes(report: &Report) -> io::Result<Vec<u8>> {
    Ok(package(report, Cursor::new(Vec::new()))?.into_inner())
}

/// The document made into a [`Temporary`] file (in memory up to a megabyte), so that its
/// bytes (about 5 MB at 100,000 initiatives) are not in memory beside the plan; read it back
/// with [`Temporary::into_bytes`] once the plan is let go.
pub fn spooled(report: &Report) -> io::Result<Temporary> {
    package(report, Temporary::new())
}

/// Writes the document to `out`.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&bytes(report)?)
}

#[cfg(test)]
mod tests;
