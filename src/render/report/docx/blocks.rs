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

pub(super) fn styles(docx: Docx) -> Docx {
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
pub(super) struct TableShape {
    headers: Vec<String>,
    twips: Vec<usize>,
    align: Vec<Align>,
    keep: bool,
}

impl TableShape {
    pub(super) fn new(headers: &[&str], widths: &[usize], align: &[Align], keep: bool) -> Self {
        let total: usize = widths.iter().sum();
        TableShape {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            twips: widths.iter().map(|w| w * TEXT_WIDTH / total).collect(),
            align: align.to_vec(),
            keep,
        }
    }

    fn align_of(&self, i: usize) -> Align {
        self.align.get(i).copied().unwrap_or(Align::Left)
    }

    fn cell(&self, s: &str, width: usize, header: bool, align: Align, bold: bool) -> TableCell {
        let mut run = Run::new().add_text(s).size(TABLE_SIZE);
        if header || bold {
            run = run.bold();
        }
        let mut p = Paragraph::new().add_run(run).keep_next(self.keep);
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
                .map(|(i, (h, w))| self.cell(h, *w, true, self.align_of(i), false))
                .collect(),
        )
        .cant_split();
        Table::new(vec![header])
            .set_grid(self.twips.clone())
            .width(TEXT_WIDTH, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(40, 80, 40, 80))
    }

    /// One row of the table, a cell per heading.
    pub(super) fn row(&self, cells: &[Cell]) -> TableRow {
        TableRow::new(
            cells
                .iter()
                .zip(&self.twips)
                .enumerate()
                .map(|(i, (c, w))| self.cell(&c.text, *w, false, self.align_of(i), c.bold))
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
