//! Excel workbooks (`rust_xlsxwriter`) for `plan list` and `plan report`: one sheet per
//! section, each a real Excel table (header row, filter buttons, banded rows) with the header
//! row frozen, dates stored as dates in the language's format, and columns as wide as their
//! content (long text wraps at about 45 characters, rows as high as their wrapped text).
//!
//! Plan text is always written as a string, never as a formula: a title `=HYPERLINK("x")` is
//! the text `=HYPERLINK("x")`. Text that a spreadsheet would run when edited (it starts with
//! `=`, `+`, `-` or `@`) also gets Excel's quote prefix, so it stays text after a user opens
//! and re-enters the cell. Control characters are removed (`clean_line`) before anything is
//! written.

use std::io;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, TableColumn, Workbook,
    Worksheet, XlsxError,
};

use crate::cli::Lang;
use crate::text::{clean_line, cut_at_word};

mod spool;
use spool::{Spool, SpoolReader};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Plan text or a fixed word; written as a string.
    Text(String),
    /// A date, stored as an Excel date with the language's date format.
    Date(NaiveDate),
    /// A count.
    Number(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text, or an empty cell for empty text.
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    /// A date, or an empty cell.
    pub fn date(date: Option<NaiveDate>) -> Cell {
        date.map_or(Cell::Empty, Cell::Date)
    }

    /// A count.
    pub fn count(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

/// Columns of long text (titles, notes) wrap at this width, in Excel's character units.
const WRAP_WIDTH: f64 = 45.0;
/// The height of one line of 11-point text, in points.
const LINE_HEIGHT: f64 = 15.0;
/// The summary sheet's one wide column.
const SUMMARY_WIDTH: f64 = 100.0;

/// How many lines `text` takes in a column `width` characters wide, wrapped at words. Excel
/// and LibreOffice do not all grow a row for wrapped text when they open a file, so the
/// height is set from this estimate (a tenth of slack for the word breaks).
fn lines_in(text: &str, width: f64) -> f64 {
    let n = text.chars().count() as f64;
    if n < width {
        1.0
    } else {
        (n / (width * 0.9).max(1.0)).ceil()
    }
}
/// A date column is at least this wide: "30. september 2017".
const DATE_WIDTH: f64 = 19.0;

/// The date format of `lang`: "30. juni 2017" in Danish, "30 June 2017" in English. The
/// locale prefix (`[$-406]` Danish, `[$-809]` English, UK) makes Excel and LibreOffice name
/// the month in that language whatever the reader's own settings.
pub fn date_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "[$-406]d. mmmm yyyy",
        Lang::En => "[$-809]d mmmm yyyy",
    }
}

/// Whether a spreadsheet would treat `text` as a formula when a user re-enters it.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@'])
}

/// A valid, unique sheet name: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with `'`.
fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let cleaned: String = clean_line(wanted)
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(['\'', ' ']);
    let base: String = if cleaned.is_empty() {
        "Ark".to_string()
    } else {
        cut_at_word(cleaned, 31, ' ').to_string()
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        name = format!("{}{suffix}", cut_at_word(&base, keep, ' '));
        n += 1;
    }
    name
}

/// A table for one sheet: headings, rows, and which columns hold long text that wraps.
pub struct SheetTable<'a> {
    /// The sheet's name; made valid and unique for Excel (31 characters, no `[]:*?/\`).
    pub name: &'a str,
    /// Lines above the table (a title, a sentence); the first is bold.
    pub above: Vec<String>,
    /// The table's column headings, in the report's language.
    pub headers: Vec<&'a str>,
    /// One row per record, a cell per heading, made when needed.
    pub rows: Rows<'a>,
    /// Written instead of the table when there are no rows.
    pub empty: String,
    /// Lines under the table (a note).
    pub below: Vec<String>,
}

/// The rows of a table, made on demand: row `i` of `len` is `make(i)`, a cell per heading.
/// Each row is made twice, once to size the columns and once to write it, so that a table of
/// 100,000 rows is never whole in memory.
pub struct Rows<'a> {
    len: usize,
    make: Box<dyn Fn(usize) -> Vec<Cell> + 'a>,
}

impl<'a> Rows<'a> {
    /// A row for each of `items`, made by `make`.
    pub fn of<T>(items: &'a [T], make: impl Fn(&T) -> Vec<Cell> + 'a) -> Rows<'a> {
        Rows {
            len: items.len(),
            make: Box::new(move |i| make(&items[i])),
        }
    }

    /// Rows already made (a short table).
    pub fn made(rows: Vec<Vec<Cell>>) -> Rows<'a> {
        Rows {
            len: rows.len(),
            make: Box::new(move |i| rows[i].clone()),
        }
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The rows in order, each made now.
    pub fn iter(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        (0..self.len).map(|i| (self.make)(i))
    }
}

/// A workbook being made: sheets in order, the language's date format, and a header line
/// for printing (`left` and `right`, e.g. the plan title and the quarter).
///
/// The sheets are kept until [`Book::into_bytes`] writes the workbook, their table rows in a
/// [`Spool`]: the workbook is written after the caller has let go of the plan the rows were
/// made from (rust_xlsxwriter keeps a record of every row with a height of its own and of
/// every cell of a table, tens of megabytes for 100,000 rows, issue 16).
pub struct Book {
    lang: Lang,
    print_header: (String, String),
    created: Option<NaiveDate>,
    names: Vec<String>,
    sheets: Vec<Sheet>,
    spool: Spool,
}

/// A sheet waiting to be written.
enum Sheet {
    Text {
        name: String,
        lines: Vec<String>,
        bold: Vec<usize>,
    },
    Table(Table),
}

/// A table sheet waiting to be written: its rows are in the book's spool, in order.
struct Table {
    name: String,
    above: Vec<String>,
    headers: Vec<String>,
    rows: usize,
    empty: String,
    below: Vec<String>,
    /// A column is long when some cell in it is longer than [`WRAP_WIDTH`]: it wraps.
    long: Vec<bool>,
    /// Whether the column holds a date.
    has_date: Vec<bool>,
    /// The widest content of the column, in characters plus one.
    content: Vec<f64>,
}

fn to_io(err: XlsxError) -> io::Error {
    io::Error::other(err.to_string())
}

impl Book {
    /// A new workbook in `lang`; every sheet prints with `left` and `right` in its header.
    pub fn new(lang: Lang, left: &str, right: &str) -> Book {
        Book {
            lang,
            print_header: (clean_line(left), clean_line(right)),
            created: None,
            names: Vec::new(),
            sheets: Vec::new(),
            spool: Spool::new(),
        }
    }

    /// Dates the workbook's properties (created and modified) at `date`, midnight, instead of
    /// the moment it is written: a memo as of a date is then the same file whenever it is
    /// written.
    pub fn dated(&mut self, date: NaiveDate) -> io::Result<()> {
        excel_date(date)?;
        self.created = Some(date);
        Ok(())
    }

    fn name(&mut self, wanted: &str) -> String {
        let name = sheet_name(wanted, &self.names);
        self.names.push(name.clone());
        name
    }

    /// Adds a sheet of text lines only (the memo's summary): the first line bold and larger,
    /// the lines numbered in `bold` bold, all wrapped in a wide first column.
    pub fn text_sheet(&mut self, name: &str, lines: &[String], bold: &[usize]) -> io::Result<()> {
        let name = self.name(name);
        self.sheets.push(Sheet::Text {
            name,
            lines: lines.to_vec(),
            bold: bold.to_vec(),
        });
        Ok(())
    }

    /// Adds a sheet with one table: lines above, the table with a frozen header row and
    /// filters, lines below. No rows: the `empty` sentence instead of the table. The rows are
    /// made once, each as it goes into the spool.
    pub fn table_sheet(&mut self, table: SheetTable<'_>) -> io::Result<()> {
        let name = self.name(table.name);
        let ncols = table.headers.len();
        // Sizing the columns as the rows go by: long text wraps (a column is "long" when
        // some cell in it is longer than WRAP_WIDTH), a date column has room for the longest
        // month name, and every column is as wide as its widest content.
        let mut long = vec![false; ncols];
        let mut has_date = vec![false; ncols];
        let mut content = vec![0.0_f64; ncols];
        for cells in table.rows.iter() {
            for (c, cell) in cells.iter().enumerate().take(ncols) {
                let width = match cell {
                    Cell::Text(t) => {
                        let n = t.chars().count() as f64;
                        long[c] |= n > WRAP_WIDTH;
                        n + 1.0
                    }
                    Cell::Number(n) => n.to_string().len() as f64 + 1.0,
                    Cell::Date(_) => {
                        has_date[c] = true;
                        0.0
                    }
                    Cell::Empty => 0.0,
                };
                content[c] = content[c].max(width);
            }
            self.spool.put(&cells[..cells.len().min(ncols)])?;
        }
        self.sheets.push(Sheet::Table(Table {
            name,
            above: table.above,
            headers: table.headers.iter().map(|h| h.to_string()).collect(),
            rows: table.rows.len(),
            empty: table.empty,
            below: table.below,
            long,
            has_date,
            content,
        }));
        Ok(())
    }

    /// Writes the workbook: its bytes.
    pub fn into_bytes(self) -> io::Result<Vec<u8>> {
        let mut workbook = Workbook::new();
        // zlib's level 2 rather than its default 6: a list of 100,000 rows is written in
        // 0.3 s less (of 2.5 s), in a file 30 % larger (9.3 MB instead of 7.2 MB).
        workbook.set_zip_compression_level(2);
        if let Some(date) = self.created {
            let properties = DocProperties::new().set_creation_datetime(&excel_date(date)?);
            workbook.set_properties(&properties);
        }
        let mut rows = self.spool.read()?;
        // `&` starts a code in Excel's header syntax: `&&` is a literal ampersand.
        let header = print_header(&self.print_header.0, &self.print_header.1);
        for sheet in self.sheets {
            // Rows go to a temporary file as they are written, with their strings inline, so
            // that a sheet of 100,000 rows is not held in memory; every sheet is therefore
            // written top to bottom.
            let worksheet = workbook
                .add_worksheet_with_constant_memory()
                .map_err(to_io)?;
            let name = match &sheet {
                Sheet::Text { name, .. } => name,
                Sheet::Table(table) => &table.name,
            };
            worksheet.set_name(name).map_err(to_io)?;
            worksheet
                .set_paper_size(9) // A4
                .set_landscape()
                .set_header(&header);
            match sheet {
                Sheet::Text { lines, bold, .. } => write_text_sheet(worksheet, &lines, &bold)?,
                Sheet::Table(table) => write_table_sheet(worksheet, &table, self.lang, &mut rows)?,
            }
        }
        workbook.save_to_buffer().map_err(to_io)
    }
}

/// `date` as an Excel date (midnight).
fn excel_date(date: NaiveDate) -> io::Result<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(1900),
        date.month() as u8,
        date.day() as u8,
    )
    .map_err(to_io)
}

/// Writes a sheet of text lines: the first line bold and larger, the lines numbered in
/// `bold` bold, all wrapped in a wide first column.
fn write_text_sheet(sheet: &mut Worksheet, lines: &[String], bold: &[usize]) -> io::Result<()> {
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_column_width(0, SUMMARY_WIDTH).map_err(to_io)?;
    let mut tall_last = None;
    for (row, line) in lines.iter().enumerate() {
        let row = row as u32;
        if row == 0 {
            write_text(sheet, row, 0, line, &title)?;
            continue;
        }
        let format = if bold.contains(&(row as usize)) {
            wrap.clone().set_bold()
        } else {
            wrap.clone()
        };
        write_text(sheet, row, 0, line, &format)?;
        tall_last = tall_row(sheet, row, lines_in(line, SUMMARY_WIDTH))?;
    }
    if let Some(row) = tall_last {
        end_after_tall_row(sheet, row)?;
    }
    Ok(())
}

/// The printed page's header: `left` at the left, `right` at the right, each `&` doubled
/// (a lone `&` starts a code), in at most the 255 characters Excel takes: a longer plan
/// title is cut at the left with "…" (rust_xlsxwriter dropped the whole header and wrote a
/// warning of its own to standard error, once per sheet).
fn print_header(left: &str, right: &str) -> String {
    const MOST: usize = 255;
    let right = right.replace('&', "&&");
    let room = MOST.saturating_sub("&L&R".len() + right.chars().count());
    let mut kept = String::new();
    let mut used = 0;
    let whole = left
        .chars()
        .map(|c| if c == '&' { 2 } else { 1 })
        .sum::<usize>()
        <= room;
    for c in left.chars() {
        let needs = if c == '&' { 2 } else { 1 };
        // Room for "…" unless the whole title fits.
        if !whole && used + needs + 1 > room {
            kept.push('…');
            break;
        }
        if c == '&' {
            kept.push_str("&&");
        } else {
            kept.push(c);
        }
        used += needs;
    }
    format!("&L{kept}&R{right}")
}

/// Writes a table sheet, its rows the next `table.rows` of `rows`.
fn write_table_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    lang: Lang,
    rows: &mut SpoolReader,
) -> io::Result<()> {
    let bold = Format::new().set_bold();
    let plain = Format::new();
    let mut row: u32 = 0;
    for (i, line) in table.above.iter().enumerate() {
        write_text(sheet, row, 0, line, if i == 0 { &bold } else { &plain })?;
        row += 1;
    }
    if !table.above.is_empty() {
        row += 1;
    }
    if table.rows == 0 {
        write_text(sheet, row, 0, &table.empty, &plain)?;
        return Ok(());
    }
    let header_row = row;
    let top = Format::new().set_align(FormatAlign::Top);
    let wrap = top.clone().set_text_wrap();
    let date = top.clone().set_num_format(date_format(lang));
    let ncols = table.headers.len();
    // The table (and its header row) first: the rows under it follow in order.
    let last_row = header_row + table.rows as u32;
    // The table style shades the header in Excel; LibreOffice does not draw table styles,
    // so the header also gets its own bold, shaded format.
    let header_format = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E2F3))
        .set_border_bottom(FormatBorder::Thin);
    let columns: Vec<TableColumn> = table
        .headers
        .iter()
        .map(|h| {
            TableColumn::new()
                .set_header(clean_line(h))
                .set_header_format(&header_format)
        })
        .collect();
    let xtable = rust_xlsxwriter::Table::new().set_columns(&columns);
    sheet
        .add_table(header_row, 0, last_row, (ncols - 1) as u16, &xtable)
        .map_err(to_io)?;
    sheet.set_freeze_panes(header_row + 1, 0).map_err(to_io)?;
    sheet
        .set_repeat_rows(header_row, header_row)
        .map_err(to_io)?;
    // Printed, every column on one page's width (as many pages down as it takes): a table
    // split by column left its last column alone on a page.
    sheet.set_print_fit_to_pages(1, 0);
    // A cell's format: top-aligned, long text also wrapped, a date in the language's date
    // format. Every column but the first gets a format of its own (a column with a date
    // the date format, else one with long text the wrapped one, else top-aligned), and
    // its cells of that format are written without one: rust_xlsxwriter looks a
    // cell's format up by hashing all of it (at 100,000 rows, a fifth of writing the
    // sheet). The first column keeps a format per cell, since the lines above and below
    // the table (unformatted) are in it and would take the column's.
    let format_of = |c: usize, cell: &Cell| -> Option<&Format> {
        match cell {
            Cell::Text(_) if table.long[c] => Some(&wrap),
            Cell::Text(_) | Cell::Number(_) => Some(&top),
            Cell::Date(_) => Some(&date),
            Cell::Empty => None,
        }
    };
    let column_format: Vec<Option<&Format>> = (0..ncols)
        .map(|c| match c {
            0 => None,
            _ if table.has_date[c] => Some(&date),
            _ if table.long[c] => Some(&wrap),
            _ => Some(&top),
        })
        .collect();
    for (c, format) in column_format.iter().enumerate() {
        if let Some(format) = format {
            sheet.set_column_format(c as u16, format).map_err(to_io)?;
        }
    }
    let mut tall_last = None;
    let mut cells = Vec::with_capacity(ncols);
    for r in 0..table.rows {
        rows.next_row(&mut cells)?;
        let at = header_row + 1 + r as u32;
        let lines = cells
            .iter()
            .zip(&table.long)
            .map(|(cell, long)| match cell {
                Cell::Text(t) if *long => lines_in(t, WRAP_WIDTH),
                _ => 1.0,
            })
            .fold(1.0, f64::max);
        tall_last = tall_row(sheet, at, lines)?;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let Some(format) = format_of(c, cell) else {
                continue;
            };
            // The column's own format (the same object): the cell takes it by having none.
            let inherits = column_format[c].is_some_and(|f| std::ptr::eq(f, format));
            match cell {
                Cell::Text(text) => write_text_as(sheet, at, col, text, format, inherits)?,
                Cell::Date(d) if inherits => {
                    sheet
                        .write_datetime(at, col, &excel_date(*d)?)
                        .map_err(to_io)?;
                }
                Cell::Date(d) => {
                    sheet
                        .write_date_with_format(at, col, &excel_date(*d)?, format)
                        .map_err(to_io)?;
                }
                Cell::Number(n) if inherits => {
                    sheet.write_number(at, col, *n).map_err(to_io)?;
                }
                Cell::Number(n) => {
                    sheet
                        .write_number_with_format(at, col, *n, format)
                        .map_err(to_io)?;
                }
                Cell::Empty => {}
            }
        }
    }
    for (at, line) in (last_row + 2..).zip(&table.below) {
        write_text(sheet, at, 0, line, &plain)?;
    }
    if let (Some(row), true) = (tall_last, table.below.is_empty()) {
        end_after_tall_row(sheet, row)?;
    }
    // Widths: as wide as the content, long text wrapped at WRAP_WIDTH, dates room for the
    // longest month name, headers (with their filter button) never cut.
    for (c, heading) in table.headers.iter().enumerate() {
        let header = heading.chars().count() as f64 + 4.0;
        let mut width = header.max(table.content[c]).min(WRAP_WIDTH);
        if table.has_date[c] {
            width = width.max(DATE_WIDTH);
        }
        sheet.set_column_width(c as u16, width).map_err(to_io)?;
    }
    Ok(())
}

/// Gives `row` the height of `lines` lines of text when that is more than one, at most the
/// 409 points Excel allows a row (a 2,000-character note asked for 750: Excel shows what
/// fits, and the whole text in the cell's editing line): the row, if so (a sheet whose last
/// row is tall is ended with [`end_after_tall_row`]).
fn tall_row(sheet: &mut Worksheet, row: u32, lines: f64) -> io::Result<Option<u32>> {
    /// Excel's largest row height, in points ("Excel specifications and limits").
    const MAX_ROW_HEIGHT: f64 = 409.0;
    if lines <= 1.0 {
        return Ok(None);
    }
    sheet
        .set_row_height(row, (lines * LINE_HEIGHT).min(MAX_ROW_HEIGHT))
        .map_err(to_io)?;
    Ok(Some(row))
}

/// Ends a sheet whose last row has a height of its own (`row`). rust_xlsxwriter 0.102 in
/// constant-memory mode writes such a last row's `<row>` element a second time when it saves
/// (Excel then reports a problem with the file); an unformatted blank cell under it makes the
/// row be written out while the sheet is being filled, as every other row is. The blank
/// cell itself is not written, only an empty `<row>` element for it.
fn end_after_tall_row(sheet: &mut Worksheet, row: u32) -> io::Result<()> {
    sheet
        .write_blank(row + 1, 0, &Format::new())
        .map_err(to_io)?;
    Ok(())
}

/// How many characters a cell holds at most (Excel's specifications and limits: "Total
/// number of characters that a cell can contain: 32,767"; rust_xlsxwriter refuses more).
pub const CELL_CHARACTERS: usize = 32_767;

/// `text` cut to [`CELL_CHARACTERS`], ending in "…" when cut (a memo's list of the files
/// it leaves out can be longer in a large plan).
fn within_cell(text: String) -> String {
    match text.char_indices().nth(CELL_CHARACTERS) {
        None => text,
        Some(_) => {
            let (end, _) = text
                .char_indices()
                .nth(CELL_CHARACTERS - 1)
                .expect("longer than the limit");
            format!("{}…", &text[..end])
        }
    }
}

/// Writes text as a string (never a formula); formula-like text also gets the quote prefix.
/// Text longer than a cell holds is cut ([`within_cell`]).
fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> io::Result<()> {
    write_text_as(sheet, row, col, text, format, false)
}

/// [`write_text`] in `format`; with `inherits`, `format` is the column's own and the cell
/// is written without one (formula-like text still gets its quote prefix).
fn write_text_as(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
    inherits: bool,
) -> io::Result<()> {
    let text = within_cell(clean_line(text));
    if text.is_empty() {
        return Ok(());
    }
    if looks_like_formula(&text) {
        let quoted = format.clone().set_quote_prefix();
        sheet.write_string_with_format(row, col, text, &quoted)
    } else if inherits {
        sheet.write_string(row, col, text)
    } else {
        sheet.write_string_with_format(row, col, text, format)
    }
    .map_err(to_io)?;
    Ok(())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod cell_tests {
    use super::*;

    /// A text longer than a cell holds is cut to the limit, ending in "…", and written.
    #[test]
    fn a_text_longer_than_a_cell_holds_is_cut() {
        let long = "æ".repeat(CELL_CHARACTERS + 10);
        let cut = within_cell(long);
        assert_eq!(cut.chars().count(), CELL_CHARACTERS);
        assert!(cut.ends_with('…'));
        let exact = "a".repeat(CELL_CHARACTERS);
        assert_eq!(within_cell(exact.clone()), exact);
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        write_text(sheet, 0, 0, &"x".repeat(40_000), &Format::new()).expect("written, cut");
    }

    /// The printed header holds at most the 255 characters Excel takes, `&` doubled and
    /// never split from its pair; a title that fits is whole.
    #[test]
    fn the_print_header_fits_excel_s_limit() {
        let right = "2. kvartal 2017 · pr. 30. juni 2017";
        assert_eq!(
            print_header("Læs & lær", right),
            format!("&LLæs && lær&R{right}")
        );
        for title in [
            "Å".repeat(400),
            "&".repeat(300),
            format!("{}&xy", "a".repeat(213)),
        ] {
            let header = print_header(&title, right);
            assert!(header.chars().count() <= 255, "{}", header.chars().count());
            assert!(header.ends_with(&format!("…&R{right}")), "{header}");
            let left = &header[2..header.find("&R").unwrap()];
            // An even run of `&` before the "…": no lone `&` starting a code.
            let ampersands = left
                .trim_end_matches('…')
                .chars()
                .rev()
                .take_while(|&c| c == '&')
                .count();
            assert_eq!(ampersands % 2, 0, "{header}");
        }
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_header(print_header(&"Å".repeat(400), right));
        assert!(book.save_to_buffer().is_ok());
    }
}
