//! A comfy-table table printed a slice of rows at a time, laid out as the whole table would be.
//!
//! comfy-table lays a table out from all of its cells and formats every row before it returns
//! the first line: a table of 100,000 rows holds every cell and then every formatted line at
//! once (issue 16: 473 MiB for `plan list`). Here the column widths are worked out first, from
//! passes over the rows that keep only a few numbers per column, by the steps of comfy-table's
//! `ContentArrangement::Dynamic` (comfy-table 8.0.1, `src/utils/arrangement/`: `mod.rs`,
//! `constraint.rs`, `dynamic.rs`) reproduced one for one. Each slice of rows is then a table
//! of its own, printed by comfy-table with those widths fixed
//! ([`ColumnConstraint::Absolute`]): the header and top border with the first slice only, the
//! bottom border with the last, and between two slices the line comfy-table draws between
//! two rows. The output is the whole table's, byte for byte; the tests below compare the two
//! for random tables, and `render::list`'s for the list.
//!
//! A table without colour has its rows after the second slice drawn here ([`Drawing`]: the
//! steps of comfy-table's `format_row`, `align_line` and `draw_rows`, its wrapping
//! reproduced as [`split_line`]), once the second slice drawn so is the one comfy-table
//! prints: a slice of comfy-table is a table of cells, each cell's lines and each padded
//! line an allocation of its own (issue 16: at 100,000 rows most of `plan list`'s time).
//!
//! What comfy-table does not let one read back (a cell's or a column's delimiter, a row's
//! `max_height`, a cell's or a column's alignment and a column's padding) must keep its
//! default: the delimiter is a space, no row height is capped, text is aligned left with a
//! space either side. (The second slice would show most departures from it, but not a
//! cell aligned otherwise whose lines all fill their column.)

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::{
    Cell, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Table, Width,
};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::render::terminal::trim_line_end;

/// How a column's width is chosen: the [`ColumnConstraint`]s that the sliced layout knows
/// (widths in characters, padding included, as comfy-table counts them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// As wide as the widest line of the column: never wrapped.
    ContentWidth,
    /// At least this wide.
    LowerBoundary(u16),
    /// At least `lower`, and no wider than `upper` while there is room to spare.
    Boundaries { lower: u16, upper: u16 },
}

impl Constraint {
    /// The same constraint for comfy-table.
    fn comfy(self) -> ColumnConstraint {
        match self {
            Constraint::ContentWidth => ColumnConstraint::ContentWidth,
            Constraint::LowerBoundary(w) => ColumnConstraint::LowerBoundary(Width::Fixed(w)),
            Constraint::Boundaries { lower, upper } => ColumnConstraint::Boundaries {
                lower: Width::Fixed(lower),
                upper: Width::Fixed(upper),
            },
        }
    }

    /// The least width (padding included), as comfy-table's `constraint::min`.
    fn min(self) -> Option<u16> {
        match self {
            Constraint::ContentWidth => None,
            Constraint::LowerBoundary(w) | Constraint::Boundaries { lower: w, .. } => Some(w),
        }
    }

    /// The most width (padding included), as comfy-table's `constraint::max`.
    fn max(self) -> Option<u16> {
        match self {
            Constraint::Boundaries { upper, .. } => Some(upper),
            _ => None,
        }
    }
}

/// The rows of a table, handed out one at a time.
pub trait Rows {
    /// How many rows.
    fn count(&self) -> usize;
    /// The text of one cell (row `row`, column `column`), as given to [`Cell::new`]: lines
    /// split at `\n`, no styling.
    fn text(&self, row: usize, column: usize) -> String;
    /// Row `row`'s cells, styled, for printing; their text is [`Rows::text`]'s. Only their
    /// colour and attributes may be set (not their alignment or delimiter).
    fn cells(&self, row: usize) -> Vec<Cell>;
}

/// Writes the table of `header` and `rows`, its columns laid out by `constraints`, every
/// line without trailing spaces. `new_table` gives an empty table with the style, width and
/// colour wanted (its arrangement `Dynamic`, its width set, for the slices to apply);
/// `slice` is how many rows are formatted at once: with as many rows or fewer, or a table
/// that is not `Dynamic` with a width, the table is printed whole, as comfy-table lays it out.
/// Returns whether [`Drawing`] drew the second slice as comfy-table does (and so drew the
/// slices after it, if any) rather than comfy-table.
pub fn write(
    new_table: &(dyn Fn() -> Table + Sync),
    header: &[String],
    constraints: &[Constraint],
    rows: &(dyn Rows + Sync),
    slice: usize,
    out: &mut dyn Write,
) -> io::Result<bool> {
    let slice = slice.max(1);
    let mut first = new_table();
    first.set_header(header.to_vec());
    let count = rows.count();
    let sliced = count > slice
        && first.width().is_some()
        && matches!(first.content_arrangement(), ContentArrangement::Dynamic);
    for row in 0..if sliced { slice } else { count } {
        first.add_row(rows.cells(row));
    }
    let constrain = |table: &mut Table, constraints: &mut dyn Iterator<Item = ColumnConstraint>| {
        for (column, constraint) in table.column_iter_mut().zip(constraints) {
            column.set_constraint(constraint);
        }
    };
    if !sliced {
        constrain(&mut first, &mut constraints.iter().map(|c| c.comfy()));
        return write_lines(&first, out).map(|()| false);
    }
    let widths = content_widths(&first, header, constraints, rows);
    // A column's width with its padding: what `Absolute` asks for, and what a line fills.
    let outer: Vec<u16> = first
        .column_iter()
        .zip(&widths)
        .map(|(column, &w)| w.saturating_add(column.padding_width()))
        .collect();
    let fixed: Vec<ColumnConstraint> = outer
        .iter()
        .map(|&w| ColumnConstraint::Absolute(Width::Fixed(w)))
        .collect();
    let separator = row_separator(&first, &outer);
    // Each slice is drawn in the whole table's style (its borders decide which border
    // columns every line has); a top border is left out after the first slice, and a
    // bottom border before the last.
    let style = first.style();
    let top = usize::from(is_visible(style.top_border));
    let bottom = usize::from(is_visible(style.bottom_border));
    let slices = count.div_ceil(slice);
    // The lines of slice `index` (its table `made`, or made here), without trailing spaces,
    // each ended by a line feed, in one string: a slice formatted on another core is freed
    // here at once, not line by line (glibc's free of another thread's block is slow).
    let lines_of = |index: usize, made: Option<Table>| -> String {
        let mut table = made.unwrap_or_else(|| {
            let mut table = new_table();
            for row in index * slice..count.min((index + 1) * slice) {
                table.add_row(rows.cells(row));
            }
            table
        });
        constrain(&mut table, &mut fixed.iter().copied());
        let lines: Vec<String> = table.lines().collect();
        let end = if index < slices - 1 {
            lines.len() - bottom
        } else {
            lines.len()
        };
        let start = if index > 0 { top } else { 0 };
        let mut text = String::new();
        if index > 0 {
            if let Some(line) = &separator {
                text.push_str(line.trim_end());
                text.push('\n');
            }
        }
        for line in &lines[start..end] {
            text.push_str(&trim_line_end(line));
            text.push('\n');
        }
        text
    };
    // A table without colour has its rows drawn here ([`Drawing`]), without a comfy-table
    // table per slice: its cells, their lines and every padded line are allocations of
    // their own (at 100,000 rows, most of the table's time). Whether the drawing is
    // comfy-table's for this table (padding, alignment, style) is tried on the second
    // slice, which comfy-table prints too: the rest is drawn only if the two agree.
    let drawing =
        (!first.should_style()).then(|| Drawing::new(&first, &widths, &outer, &separator));
    out.write_all(lines_of(0, Some(first)).as_bytes())?;
    let second = lines_of(1, None);
    let slice_range = |index: usize| index * slice..count.min((index + 1) * slice);
    let last = |index: usize| index == slices - 1;
    let drawing = drawing.filter(|d| d.slice(rows, slice_range(1), last(1)) == second);
    out.write_all(second.as_bytes())?;
    // Formatting is most of the time a long table takes: the other slices are formatted on
    // two cores, each slice a chunk, and written in order.
    let rest: Vec<usize> = (2..slices).collect();
    super::chunked::write_each_in(&rest, 1, out, &|out, &index| {
        let text = match &drawing {
            Some(drawing) => drawing.slice(rows, slice_range(index), last(index)),
            None => lines_of(index, None),
        };
        out.write_all(text.as_bytes())
    })?;
    Ok(drawing.is_some())
}

/// How comfy-table draws a body row of a table without styling, its columns' content
/// widths fixed, their padding one space each side (comfy-table's default) and the text
/// aligned left (`format_row` and `align_line` in `utils/formatting/content_format.rs`,
/// `draw_rows` in `utils/formatting/borders.rs`): a cell's lines wrapped as
/// [`split_line`] wraps them, a row as high as its highest cell, the cells' lines joined by
/// the border characters of the content lines. [`write`] checks it against comfy-table's
/// own output for the second slice before it uses it for the rest.
struct Drawing {
    /// Each column's content width (padding excluded).
    widths: Vec<u16>,
    /// The border characters of a content line, each when drawn: left, between columns,
    /// right.
    left: Option<char>,
    junction: Option<char>,
    right: Option<char>,
    /// The line between two rows, without trailing spaces, if the style has one.
    separator: Option<String>,
    /// The bottom border, without trailing spaces, if the style has one.
    bottom: Option<String>,
}

impl Drawing {
    /// The drawing of `table`'s rows, its columns `widths` wide (`outer` with padding).
    fn new(table: &Table, widths: &[u16], outer: &[u16], separator: &Option<String>) -> Drawing {
        let (left, right, vertical) = sides(table);
        let lines = table.style().content_lines;
        // `draw_bottom_border`: a junction between every two columns, whether lines are
        // drawn between the columns or not.
        let border = table.style().bottom_border;
        let bottom = is_visible(border).then(|| {
            let sides = (left, right, true);
            border_line(border, sides, outer).trim_end().to_string()
        });
        Drawing {
            widths: widths.to_vec(),
            left: left.then(|| lines.left.unwrap_or(' ')),
            junction: vertical.then(|| lines.junction.unwrap_or(' ')),
            right: right.then(|| lines.right.unwrap_or(' ')),
            separator: separator.as_ref().map(|line| line.trim_end().to_string()),
            bottom,
        }
    }

    /// The rows `range` of `rows` as a slice after the first: each line without trailing
    /// spaces and ended by a line feed, the row separator before each row, and after the
    /// `last` slice the bottom border.
    fn slice(&self, rows: &dyn Rows, range: std::ops::Range<usize>, last: bool) -> String {
        let mut text = String::new();
        for row in range {
            if let Some(line) = &self.separator {
                text.push_str(line);
                text.push('\n');
            }
            let texts: Vec<String> = (0..self.widths.len())
                .map(|column| rows.text(row, column))
                .collect();
            let mut cells: Vec<Vec<Cow<'_, str>>> = Vec::with_capacity(self.widths.len());
            for (cell, &width) in texts.iter().zip(&self.widths) {
                let width = usize::from(width);
                let mut lines = Vec::new();
                for line in cell.split('\n') {
                    if line.width() > width {
                        lines.extend(split_line(line, width).into_iter().map(Cow::Owned));
                    } else {
                        lines.push(Cow::Borrowed(line));
                    }
                }
                cells.push(lines);
            }
            let height = cells.iter().map(Vec::len).max().unwrap_or(0);
            for index in 0..height {
                let start = text.len();
                if let Some(left) = self.left {
                    text.push(left);
                }
                for (column, (lines, &width)) in cells.iter().zip(&self.widths).enumerate() {
                    let width = usize::from(width);
                    // Padding, the line and the spaces that align it left, padding.
                    let line = lines.get(index).map_or("", |line| line.as_ref());
                    text.push(' ');
                    text.push_str(line);
                    let spaces = width.saturating_sub(line.width()) + 1;
                    text.extend(std::iter::repeat_n(' ', spaces));
                    if column + 1 == self.widths.len() {
                        if let Some(right) = self.right {
                            text.push(right);
                        }
                    } else if let Some(junction) = self.junction {
                        text.push(junction);
                    }
                }
                let kept = text[start..].trim_end().len();
                text.truncate(start + kept);
                text.push('\n');
            }
        }
        if let Some(bottom) = self.bottom.as_ref().filter(|_| last) {
            text.push_str(bottom);
            text.push('\n');
        }
        text
    }
}

fn write_lines(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", trim_line_end(&line))?;
    }
    Ok(())
}

/// Whether comfy-table draws a line of this style (`LineStyle::is_visible`).
fn is_visible(line: LineStyle) -> bool {
    line.left.is_some() || line.fill.is_some() || line.junction.is_some() || line.right.is_some()
}

/// The line comfy-table draws between two rows (`draw_horizontal_lines` in
/// `utils/formatting/borders.rs`), or `None` when the style has none.
/// `outer` are the columns' widths, padding included.
fn row_separator(table: &Table, outer: &[u16]) -> Option<String> {
    let style = table.style();
    let sep = style.row_separator;
    if !is_visible(sep) {
        return None;
    }
    Some(border_line(sep, sides(table), outer))
}

/// A line across the table in `style`: its left end when `sides.0`, its junction between
/// two columns when `sides.2`, its right end when `sides.1` (a part the style lacks is a
/// space), the fill across each column of `outer` width.
fn border_line(style: LineStyle, sides: (bool, bool, bool), outer: &[u16]) -> String {
    let (left, right, junctions) = sides;
    let mut line = String::new();
    if left {
        line.push(style.left.unwrap_or(' '));
    }
    for (i, &width) in outer.iter().enumerate() {
        if i > 0 && junctions {
            line.push(style.junction.unwrap_or(' '));
        }
        line.extend(std::iter::repeat_n(
            style.fill.unwrap_or(' '),
            usize::from(width),
        ));
    }
    if right {
        line.push(style.right.unwrap_or(' '));
    }
    line
}

/// How many columns the borders take (`count_border_columns` in comfy-table's
/// `utils/arrangement/helper.rs`).
fn border_columns(table: &Table, columns: usize) -> usize {
    let (left, right, vertical) = sides(table);
    usize::from(left)
        + usize::from(right)
        + if vertical {
            columns.saturating_sub(1)
        } else {
            0
        }
}

/// Whether the table's style draws a left border, a right border and lines between
/// columns: any of its lines or content rows has that part (as comfy-table decides in
/// `count_border_columns` and `draw_horizontal_lines`).
fn sides(table: &Table) -> (bool, bool, bool) {
    let style = table.style();
    let lines = [
        style.top_border,
        style.header_separator,
        style.row_separator,
        style.bottom_border,
    ];
    let contents = [style.header_lines, style.content_lines];
    let has = |line: fn(&LineStyle) -> bool, content: fn(&ContentLineStyle) -> bool| {
        lines.iter().any(line) || contents.iter().any(content)
    };
    (
        has(|l| l.left.is_some(), |c| c.left.is_some()),
        has(|l| l.right.is_some(), |c| c.right.is_some()),
        has(|l| l.junction.is_some(), |c| c.junction.is_some()),
    )
}

/// The widest line of each column over the header and every row, at least 1
/// (`Table::column_max_content_widths`).
fn widest_lines(header: &[String], rows: &(dyn Rows + Sync), columns: usize) -> Vec<u16> {
    let note = |widest: &mut [u16], column: usize, text: &str| {
        let w = text.split('\n').map(|l| l.width()).max().unwrap_or(0);
        let w = u16::try_from(w).unwrap_or(u16::MAX).max(1);
        widest[column] = widest[column].max(w);
    };
    let mut widest = vec![0u16; columns];
    for (column, text) in header.iter().enumerate().take(columns) {
        note(&mut widest, column, text);
    }
    let over = |range: std::ops::Range<usize>| {
        let mut widest = vec![0u16; columns];
        for row in range {
            for column in 0..columns {
                note(&mut widest, column, &rows.text(row, column));
            }
        }
        widest
    };
    let (first, second) = on_two_halves(rows.count(), &over);
    for part in [first, second] {
        for (w, p) in widest.iter_mut().zip(part) {
            *w = (*w).max(p);
        }
    }
    widest
}

/// How many rows a pass over them takes before it is split over two cores.
pub(crate) const TWO_CORES_FROM: usize = 2_000;

/// `pass` over the rows `0..count` in two halves, side by side on two cores when there are
/// at least [`TWO_CORES_FROM`] rows (the passes of the layout read every cell's text, a
/// long list's slowest part on one core).
pub(crate) fn on_two_halves<T: Send>(
    count: usize,
    pass: &(dyn Fn(std::ops::Range<usize>) -> T + Sync),
) -> (T, T) {
    let middle = count / 2;
    crate::load::parallel::both(
        count >= TWO_CORES_FROM,
        || pass(0..middle),
        || pass(middle..count),
    )
}

/// The content width (padding excluded) of each column of the whole table: the steps of
/// comfy-table's `arrange_content` for a `Dynamic` table with a width, every column visible.
/// `table` gives the style, the width and the columns' padding.
fn content_widths(
    table: &Table,
    header: &[String],
    constraints: &[Constraint],
    rows: &(dyn Rows + Sync),
) -> Vec<u16> {
    let columns: Vec<(u16, Option<Constraint>)> = table
        .column_iter()
        .enumerate()
        .map(|(i, c)| (c.padding_width(), constraints.get(i).copied()))
        .collect();
    let widest = widest_lines(header, rows, columns.len());
    let mut layout = Layout {
        widths: vec![None; columns.len()],
        remaining_width: 0,
        remaining_columns: 0,
    };
    // `constraint::evaluate`: what the constraints decide before the width is shared out.
    for (i, &(padding, constraint)) in columns.iter().enumerate() {
        let Some(constraint) = constraint else {
            continue;
        };
        if constraint == Constraint::ContentWidth {
            layout.widths[i] = Some(widest[i].max(1));
        }
        if let Some(min) = constraint.min() {
            if widest[i].wrapping_add(padding) <= min {
                layout.widths[i] = Some(without_padding(padding, min).max(1));
            }
        }
    }
    // `dynamic::ArrangementState::new`.
    let table_width = usize::from(table.width().unwrap_or(u16::MAX));
    let mut remaining = table_width.saturating_sub(border_columns(table, columns.len()));
    for (i, &(padding, _)) in columns.iter().enumerate() {
        if layout.widths[i].is_none() {
            remaining = remaining.saturating_sub(usize::from(padding));
        }
    }
    for (i, &(padding, _)) in columns.iter().enumerate() {
        if let Some(w) = layout.widths[i] {
            remaining = remaining.saturating_sub(usize::from(w.saturating_add(padding)));
        }
    }
    layout.remaining_width = remaining;
    layout.remaining_columns = layout.widths.iter().filter(|w| w.is_none()).count();

    // `enforce_lower_boundary_constraints`.
    if layout.remaining_columns > 0 {
        let mut try_again = true;
        while try_again {
            try_again = false;
            for (i, &(padding, constraint)) in columns.iter().enumerate() {
                if layout.widths[i].is_some() {
                    continue;
                }
                let Some(min) = constraint.and_then(Constraint::min) else {
                    continue;
                };
                if layout.average_space() >= usize::from(min) {
                    continue;
                }
                if !layout.fix(i, without_padding(padding, min)) {
                    break;
                }
                try_again = true;
            }
        }
    }

    // `find_columns_that_fit_into_average`.
    let mut found_smaller = true;
    while found_smaller {
        found_smaller = false;
        if layout.remaining_columns == 0 || layout.average_space() == 0 {
            break;
        }
        for (i, &(padding, constraint)) in columns.iter().enumerate() {
            if layout.widths[i].is_some() {
                continue;
            }
            if let Some(max) = constraint.and_then(Constraint::max) {
                let average_with_padding = layout.average_space() + usize::from(padding);
                if usize::from(max) <= average_with_padding
                    && widest[i].wrapping_add(padding) >= max
                {
                    if !layout.fix(i, without_padding(padding, max)) {
                        break;
                    }
                    found_smaller = true;
                    continue;
                }
            }
            if usize::from(widest[i]) <= layout.average_space() {
                if !layout.fix(i, widest[i]) {
                    break;
                }
                found_smaller = true;
            }
        }
    }

    // `optimize_space_after_split`: one pass over the rows for each column it looks at.
    if layout.remaining_columns > 0 {
        let mut found_smaller = true;
        while found_smaller {
            found_smaller = false;
            for i in 0..columns.len() {
                if layout.widths[i].is_some() {
                    continue;
                }
                let average = layout.average_space();
                let longest = longest_line_after_split(average, i, header, rows);
                if average.saturating_sub(longest) >= SPARE {
                    if !layout.fix(i, u16::try_from(longest).unwrap_or(u16::MAX)) {
                        break;
                    }
                    found_smaller = true;
                }
            }
        }
    }

    // `distribute_remaining_space`: the columns left share what is left, evenly.
    if layout.remaining_columns > 0 {
        let count = layout.remaining_columns;
        let space = layout.remaining_width.max(count);
        let (each, excess) = (space / count, space % count);
        let undecided = layout.widths.iter_mut().filter(|w| w.is_none());
        for (index, width) in undecided.enumerate() {
            let w = if index < excess { each + 1 } else { each };
            *width = Some(u16::try_from(w).unwrap_or(u16::MAX).max(1));
        }
    }
    layout.widths.into_iter().map(|w| w.unwrap_or(1)).collect()
}

/// How much of the average width a column must leave free, wrapped, to be given only what
/// it takes (`optimize_space_after_split`: "a considerable amount of space left").
const SPARE: usize = 3;

/// The arrangement's state (`dynamic::ArrangementState`): the widths decided so far (content
/// only), the width not yet given to a column, and how many columns still wait for theirs.
struct Layout {
    widths: Vec<Option<u16>>,
    remaining_width: usize,
    remaining_columns: usize,
}

impl Layout {
    fn average_space(&self) -> usize {
        self.remaining_width
            .checked_div(self.remaining_columns)
            .unwrap_or(0)
    }

    /// Gives column `i` the content width `width`; false when no column is left waiting.
    fn fix(&mut self, i: usize, width: u16) -> bool {
        self.widths[i] = Some(width.max(1));
        self.remaining_width = self.remaining_width.saturating_sub(usize::from(width));
        self.remaining_columns -= 1;
        self.remaining_columns > 0
    }
}

/// `helper::absolute_width_with_padding`: a width with padding less the padding, at least 1.
fn without_padding(padding: u16, width: u16) -> u16 {
    width.saturating_sub(padding).max(1)
}

/// The widest line of column `column` (header included) once every line wider than
/// `average` is wrapped to it (`dynamic::longest_line_after_split`). The arrangement only
/// uses it when it leaves [`SPARE`] or more of `average` free, so the rows are read only
/// until a line leaves less: the answer is then some width that leaves less. (Read in two
/// halves, each stopping so: the wider of the two is the widest when neither stopped, and
/// leaves less than [`SPARE`] when either did.)
fn longest_line_after_split(
    average: usize,
    column: usize,
    header: &[String],
    rows: &(dyn Rows + Sync),
) -> usize {
    let content_width = usize::from(u16::try_from(average).unwrap_or(u16::MAX).max(1));
    let measure = |text: &str| {
        let mut longest = 0;
        for line in text.split('\n') {
            if line.width() > average {
                for part in split_line(line, content_width) {
                    longest = longest.max(part.width());
                }
            } else {
                longest = longest.max(line.width());
            }
        }
        longest
    };
    let header = header.get(column).map_or(0, |text| measure(text));
    let over = |range: std::ops::Range<usize>| {
        let mut longest = header;
        for row in range {
            if average.saturating_sub(longest) < SPARE {
                break;
            }
            longest = longest.max(measure(&rows.text(row, column)));
        }
        longest
    };
    let (first, second) = on_two_halves(rows.count(), &over);
    first.max(second)
}

/// comfy-table's `split_line` (`utils/formatting/content_split/mod.rs`, without the
/// `custom_styling` feature) for the space delimiter: `line` wrapped to `content_width`,
/// between words where it can, inside a word longer than a line.
fn split_line(line: &str, content_width: usize) -> Vec<String> {
    const DELIMITER: char = ' ';
    // The fewest characters left on a line for another word to be put on it.
    const MIN_FREE_CHARS: usize = 2;
    let check_if_full = |lines: &mut Vec<String>, line: String, length: usize| {
        if length > content_width.saturating_sub(MIN_FREE_CHARS) {
            lines.push(line);
            (String::new(), 0)
        } else {
            (line, length)
        }
    };
    let mut lines = Vec::new();
    let mut elements: Vec<Cow<'_, str>> = line.split(DELIMITER).map(Cow::Borrowed).collect();
    elements.reverse();
    let delimiter_width = 1;
    let mut current_line = String::new();
    let mut current_length = 0;
    while let Some(next) = elements.pop() {
        let next_length = next.width();
        let mut added_length = next_length + current_length;
        if !current_line.is_empty() {
            added_length += 1;
        }
        let mut remaining_width = content_width - current_length;
        if !current_line.is_empty() {
            remaining_width = remaining_width.saturating_sub(1);
        }
        if added_length <= content_width {
            if !current_line.is_empty() {
                current_line.push(DELIMITER);
                current_length += delimiter_width;
            }
            current_line.push_str(&next);
            current_length += next_length;
            (current_line, current_length) =
                check_if_full(&mut lines, current_line, current_length);
            continue;
        }
        if !current_line.is_empty() && remaining_width <= MIN_FREE_CHARS {
            elements.push(next);
            lines.push(current_line);
            current_line = String::new();
            current_length = 0;
            continue;
        }
        if next_length > content_width {
            let new_line = current_line.is_empty();
            if !new_line {
                current_line.push(DELIMITER);
            }
            let (head, tail) = split_long_word(remaining_width, &next);
            let (head, tail) = (head.to_string(), tail.to_string());
            if new_line && head.is_empty() {
                let mut chars = tail.chars();
                if let Some(c) = chars.next() {
                    current_line.push(c);
                }
                elements.push(Cow::Owned(chars.collect()));
            } else {
                current_line.push_str(&head);
                elements.push(Cow::Owned(tail));
            }
            lines.push(current_line);
            current_line = String::new();
            current_length = 0;
            continue;
        }
        lines.push(current_line);
        current_line = next.to_string();
        current_length = next_length;
        (current_line, current_length) = check_if_full(&mut lines, current_line, current_length);
    }
    if !current_line.is_empty() {
        lines.push(current_line);
    }
    lines
}

/// comfy-table's `split_long_word` (`content_split/normal.rs`): the head of `word` that fits
/// in `allowed_width` (whole graphemes), and the rest.
fn split_long_word(allowed_width: usize, word: &str) -> (&str, &str) {
    if word.bytes().all(|byte| (0x20..0x7f).contains(&byte)) {
        return word.split_at(word.len().min(allowed_width));
    }
    let mut current_width = 0;
    let mut split_index = word.len();
    for (index, grapheme) in word.grapheme_indices(true) {
        let width = grapheme.width();
        if current_width + width > allowed_width {
            split_index = index;
            break;
        }
        current_width += width;
    }
    word.split_at(split_index)
}

#[cfg(test)]
mod tests {
    use comfy_table::{presets, Color, TableStyle};
    use proptest::prelude::*;

    use super::*;
    use crate::render::terminal::{framed_table, Paint};

    /// Rows of plain strings; every third cell red.
    struct Plain(Vec<Vec<String>>);

    impl Rows for Plain {
        fn count(&self) -> usize {
            self.0.len()
        }

        fn text(&self, row: usize, column: usize) -> String {
            self.0[row][column].clone()
        }

        fn cells(&self, row: usize) -> Vec<Cell> {
            let paint = Paint { color: true };
            let colour = |i: usize| i.is_multiple_of(3).then_some(Color::Red);
            let row = &self.0[row];
            row.iter()
                .enumerate()
                .map(|(i, text)| paint.cell(text, colour(i)))
                .collect()
        }
    }

    fn render(
        new_table: &(dyn Fn() -> Table + Sync),
        header: &[String],
        constraints: &[Constraint],
        rows: &Plain,
        slice: usize,
    ) -> String {
        render_drawn(new_table, header, constraints, rows, slice).0
    }

    /// [`render`], and whether the rows were drawn by [`Drawing`].
    fn render_drawn(
        new_table: &(dyn Fn() -> Table + Sync),
        header: &[String],
        constraints: &[Constraint],
        rows: &Plain,
        slice: usize,
    ) -> (String, bool) {
        let mut out = Vec::new();
        let drawn = write(new_table, header, constraints, rows, slice, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), drawn)
    }

    /// Words that wrap in every way comfy-table wraps: short and long, Danish letters, wide
    /// (CJK) letters, runs of spaces, empty lines, an emoji sequence, a word longer than
    /// any column.
    fn cell_text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("a"),
            Just("Læsehold"),
            Just("på"),
            Just("ø"),
            Just("udearealer"),
            Just("Bogbussen"),
            Just("中文字"),
            Just("🙂\u{200d}↕\u{fe0f}"),
            Just(""),
            Just(" "),
            Just("\n"),
            Just("Digitale-forbindelser-i-Jyllinge-og-Gundsømagle-hele-året"),
            Just("x"),
        ];
        prop::collection::vec(word, 0..14).prop_map(|words| words.join(" "))
    }

    fn constraint() -> impl Strategy<Value = Constraint> {
        prop_oneof![
            Just(Constraint::ContentWidth),
            (1u16..40).prop_map(Constraint::LowerBoundary),
            (1u16..30, 0u16..20).prop_map(|(lower, extra)| Constraint::Boundaries {
                lower,
                upper: lower + extra,
            }),
        ]
    }

    fn table_case() -> impl Strategy<Value = (Vec<Constraint>, Vec<String>, Vec<Vec<String>>)> {
        (1usize..8).prop_flat_map(|columns| {
            (
                prop::collection::vec(constraint(), columns),
                prop::collection::vec(cell_text(), columns),
                prop::collection::vec(prop::collection::vec(cell_text(), columns), 2..12),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Sliced or whole, a table prints the same: in the list's style, in one with every
        /// border, and in ones with only a top and a bottom border (each drawn once); in
        /// colour, and without, when the rows after the first two slices are drawn without
        /// comfy-table (and must be, for these styles).
        #[test]
        fn slices_print_as_the_whole_table(
            (constraints, header, rows) in table_case(),
            width in 1u16..220,
            slice in 1usize..5,
            style in 0..4,
            color in any::<bool>(),
        ) {
            let new_table = || {
                let mut table = framed_table(Paint { color }, width);
                if style == 1 {
                    table.load_style(presets::UTF8_FULL);
                }
                // Corners on one outer line only: the side borders and the lines between
                // columns come from it, on every line.
                if style == 2 {
                    table.load_style(
                        TableStyle::new()
                            .top_border(LineStyle::new('┌', '─', '┬', '┐'))
                            .bottom_border(LineStyle::none().fill('─')),
                    );
                }
                if style == 3 {
                    table.load_style(
                        TableStyle::new()
                            .top_border(LineStyle::none().fill('─'))
                            .bottom_border(LineStyle::new('└', '─', '┴', '┘')),
                    );
                }
                table
            };
            let rows = Plain(rows);
            let whole = render(&new_table, &header, &constraints, &rows, usize::MAX);
            let (sliced, drawn) = render_drawn(&new_table, &header, &constraints, &rows, slice);
            prop_assert_eq!(sliced, whole);
            let sliced_at_all = rows.count() > slice;
            prop_assert_eq!(drawn, sliced_at_all && !color);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// The wrapping that decides the widths is comfy-table's own: a line wrapped here
        /// reads as comfy-table prints it in a column of that width.
        #[test]
        fn lines_wrap_as_comfy_table_wraps_them(
            line in cell_text().prop_map(|l| l.replace('\n', "")),
            width in 1u16..40,
        ) {
            let mut table = Table::new();
            table.load_style(presets::NOTHING).add_row(vec![line.clone()]);
            let column = table.column_mut(0).unwrap();
            column.set_padding((0, 0));
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width)));
            let comfy: Vec<String> = table.lines().map(|l| l.trim_end().to_string()).collect();
            let ours: Vec<String> = if line.width() > usize::from(width) {
                split_line(&line, usize::from(width))
            } else {
                vec![line]
            };
            let ours: Vec<String> = ours.iter().map(|l| l.trim_end().to_string()).collect();
            prop_assert_eq!(ours, comfy);
        }
    }

    /// Every table width and bound near the content's widths, where each step of the
    /// arrangement turns: a bounded column (places) beside one that wraps (a title).
    #[test]
    fn every_width_and_bound_near_the_content() {
        let rows = Plain(vec![
            vec![
                "id-1".into(),
                "Bogbussen, Viby, Jyllinge".into(),
                "Læsehold i Viby og Jyllinge hele året".into(),
            ],
            vec!["id-22".into(), "Ågerup".into(), "Kort".into()],
            vec![
                "id-333".into(),
                "Gundsømagle, Herfølge".into(),
                "Udviklingsprojekt for fællesskaber".into(),
            ],
        ]);
        let header = ["Id".to_string(), "Steder".to_string(), "Titel".to_string()];
        for width in 10..=90 {
            let new_table = || framed_table(Paint { color: false }, width);
            for lower in 8..=26 {
                for upper in lower..=lower + 4 {
                    for title in [10, 20, 30] {
                        let constraints = [
                            Constraint::ContentWidth,
                            Constraint::Boundaries { lower, upper },
                            Constraint::LowerBoundary(title),
                        ];
                        let whole = render(&new_table, &header, &constraints, &rows, 3);
                        let sliced = render(&new_table, &header, &constraints, &rows, 1);
                        assert_eq!(sliced, whole, "width {width}, {constraints:?}");
                    }
                }
            }
        }
    }

    /// A table of many slices, formatted on two cores, whose output fails part way (a
    /// closed pipe): the error comes back, and what was written before it is the table's
    /// beginning.
    #[test]
    fn a_failed_write_part_way_is_returned() {
        struct Full(Vec<u8>);
        impl Write for Full {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.0.len() > 2_000 {
                    return Err(io::Error::from(io::ErrorKind::BrokenPipe));
                }
                self.0.extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let rows = Plain(
            (0..400)
                .map(|n| vec![format!("id-{n}"), format!("Læsekreds nummer {n}")])
                .collect(),
        );
        let header = ["Id".to_string(), "Titel".to_string()];
        let constraints = [Constraint::ContentWidth, Constraint::ContentWidth];
        let new_table = || framed_table(Paint { color: false }, 60);
        let mut full = Full(Vec::new());
        let err = write(&new_table, &header, &constraints, &rows, 7, &mut full).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        let whole = render(&new_table, &header, &constraints, &rows, 7);
        assert!(whole.as_bytes().starts_with(&full.0));
        assert!(full.0.len() > 2_000 && full.0.len() < whole.len());
    }

    #[test]
    fn the_separator_between_slices_is_the_one_between_rows() {
        let rows = Plain(vec![
            vec!["a".into(), "b".into()],
            vec!["c".into(), "d".into()],
            vec!["e".into(), "f".into()],
        ]);
        let header = ["x".to_string(), "y".to_string()];
        let new_table = || framed_table(Paint { color: false }, 40);
        let constraints = [Constraint::ContentWidth, Constraint::ContentWidth];
        let sliced = render(&new_table, &header, &constraints, &rows, 1);
        assert_eq!(
            sliced,
            " x │ y\n═══╪═══\n a │ b\n───┼───\n c │ d\n───┼───\n e │ f\n"
        );
        assert_eq!(
            sliced,
            render(&new_table, &header, &constraints, &rows, usize::MAX)
        );
    }
}
