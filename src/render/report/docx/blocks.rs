//! The building blocks of the Word memo: page and type sizes, the styles, runs, headings,
//! paragraphs, bullets and tables with a shaded header row, as `docx-rs` values.

use docx_rs::{
    AlignmentType, Docx, IndentLevel, LineSpacing, NumberingId, Paragraph, Run, Shading, Style,
    StyleType, Table, TableCell, TableCellMargins, TableRow, WidthType,
};

/// A4 in twentieths of a point (210 × 297 mm).
pub(super) const A4: (u32, u32) = (11906, 16838);
/// 2 cm.
pub(super) const MARGIN: i32 = 1134;
/// The width between the margins.
pub(super) const TEXT_WIDTH: usize = 11906 - 2 * 1134;
/// Body text 11 pt, tables 9 pt (in half-points).
pub(super) const BODY_SIZE: usize = 22;
pub(super) const TABLE_SIZE: usize = 18;
/// docx-rs already defines numbering 1 (decimal); the bullet list is 2.
pub(super) const BULLETS: usize = 2;

pub(crate) fn styles(docx: Docx) -> Docx {
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
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(24)
            .bold()
            .color("1F3864")
            .line_spacing(LineSpacing::new().before(200).after(60))
            .outline_lvl(1),
    )
    .add_style(
        Style::new("Header", StyleType::Paragraph)
            .name("header")
            .based_on("Normal")
            .size(18)
            .color("595959"),
    )
}

pub(super) fn text(s: &str) -> Run {
    Run::new().add_text(s)
}

pub(super) fn heading(s: &str) -> Paragraph {
    Paragraph::new()
        .add_run(text(s))
        .style("Heading1")
        .keep_next(true)
}

pub(super) fn paragraph(s: &str) -> Paragraph {
    Paragraph::new()
        .add_run(text(s))
        .line_spacing(LineSpacing::new().after(120))
}

/// How a column's cells are aligned: text left, counts right.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Right,
}

/// A table filling the text width: `widths` are relative, the header row bold and shaded,
/// rows that do not split over a page break; with `keep`, the whole table stays on one page
/// with the paragraph after it. Made as its head (the table with its header row) and then
/// one row at a time, so that a long table is never whole in memory.
///
/// Each cell's paragraph has an id of its own from the table's range of [`CellIds`], so
/// that rows can be made on any thread: docx-rs counts paragraph ids per thread.
pub(super) struct TableShape {
    headers: Vec<String>,
    twips: Vec<usize>,
    align: Vec<Align>,
    keep: bool,
    /// The paragraph id of the header row's first cell; row `r`'s cell `c` (the header row
    /// is row 0) has this plus `r × columns + c`. None: ids from docx-rs's count.
    first_id: Option<u32>,
}

/// Paragraph ids for the cells of a document's tables, a range per table, from
/// [`CellIds::FIRST`]: above the ids docx-rs counts up on the thread that makes the body's
/// other paragraphs (from 1, once per process, never reset between documents: still far
/// below), below the header's (`HEADER_PARA_ID`) and Word's limit of
/// 0x80000000 (Word's extension of the format, [MS-DOCX], wants a `w14:paraId` below
/// 0x80000000 and unique in the document).
pub(super) struct CellIds(u32);

impl CellIds {
    /// Where cell ids start: room for a billion other paragraphs below.
    pub(super) const FIRST: u32 = 0x4000_0000;
    /// The first id not given to a cell.
    pub(super) const END: u32 = 0x7FFF_0000;

    pub(super) fn new() -> CellIds {
        CellIds(Self::FIRST)
    }

    /// The first of `count` ids for a table; None when they would run out (the tables of
    /// one document share about 1.07 billion), so that the table takes docx-rs's ids
    /// instead and its rows are made on one thread.
    pub(super) fn take(&mut self, count: usize) -> Option<u32> {
        let count = u32::try_from(count).ok()?;
        let end = self.0.checked_add(count).filter(|&end| end <= Self::END)?;
        Some(std::mem::replace(&mut self.0, end))
    }
}

impl TableShape {
    /// A table of `headers` and `rows` rows under them (their cells' paragraph ids taken
    /// from `ids`); `widths` relative, `align` by column (left when missing).
    pub(super) fn new(
        headers: &[&str],
        widths: &[usize],
        align: &[Align],
        keep: bool,
        rows: usize,
        ids: &mut CellIds,
    ) -> Self {
        let total: usize = widths.iter().sum();
        TableShape {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            twips: widths.iter().map(|w| w * TEXT_WIDTH / total).collect(),
            align: align.to_vec(),
            keep,
            first_id: ids.take(rows.saturating_add(1).saturating_mul(headers.len())),
        }
    }

    /// Whether every cell's paragraph has an id of the table's own: rows can then be made on
    /// any thread.
    pub(super) fn has_own_ids(&self) -> bool {
        self.first_id.is_some()
    }

    /// The paragraph id of cell `column` of row `row` (the header row is 0).
    fn id(&self, row: usize, column: usize) -> Option<String> {
        let first = self.first_id?;
        let offset = row * self.headers.len() + column;
        Some(format!("{:08X}", first as usize + offset))
    }

    fn align_of(&self, i: usize) -> Align {
        self.align.get(i).copied().unwrap_or(Align::Left)
    }

    fn cell(
        &self,
        s: &str,
        width: usize,
        header: bool,
        align: Align,
        bold: bool,
        id: Option<String>,
    ) -> TableCell {
        let mut run = Run::new().add_text(s).size(TABLE_SIZE);
        if header || bold {
            run = run.bold();
        }
        let mut p = Paragraph::new().add_run(run).keep_next(self.keep);
        if let Some(id) = id {
            p = p.id(id);
        }
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
    }

    /// The table with its header row only; [`TableShape::row`] makes the rest.
    pub(super) fn head(&self) -> Table {
        let header = TableRow::new(
            self.headers
                .iter()
                .zip(&self.twips)
                .enumerate()
                .map(|(i, (h, w))| self.cell(h, *w, true, self.align_of(i), false, self.id(0, i)))
                .collect(),
        )
        .cant_split();
        Table::new(vec![header])
            .set_grid(self.twips.clone())
            .width(TEXT_WIDTH, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(40, 80, 40, 80))
    }

    /// Row `index` of the table (0 is the first under the header row), a cell per heading.
    pub(super) fn row(&self, index: usize, cells: &[Cell]) -> TableRow {
        TableRow::new(
            cells
                .iter()
                .zip(&self.twips)
                .enumerate()
                .map(|(i, (c, w))| {
                    let id = self.id(index + 1, i);
                    self.cell(&c.text, *w, false, self.align_of(i), c.bold, id)
                })
                .collect(),
        )
        .cant_split()
    }
}

/// A table cell's text, and whether it is bold (a track short of the minimum).
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) bold: bool,
}

pub(super) fn plain(text: String) -> Cell {
    Cell { text, bold: false }
}

pub(super) fn bullet(runs: Vec<Run>) -> Paragraph {
    runs.into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}
