//! What every terminal renderer shares: colour (decided once, `config::Colours`, and
//! written as `anstyle` styles), the width to fit, and a table set up for both.

use std::io::IsTerminal;

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{
    Cell, Color, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Table,
    TableStyle, Width,
};

use crate::text::widest_word;

/// The narrowest width we lay out for, even when the terminal claims less.
const MIN_WIDTH: u16 = 40;
/// The width used when nothing says otherwise (a pipe, a file).
pub const DEFAULT_WIDTH: u16 = 80;

/// The width to fit: `COLUMNS` when set (shells set it for scripts that ask; tests pin it),
/// else the terminal's width when standard output is a terminal, else 80.
pub fn width() -> u16 {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0);
    let from_terminal = || {
        if std::io::stdout().is_terminal() {
            // comfy-table asks the terminal (crossterm) when it is writing to one.
            Table::new().width()
        } else {
            None
        }
    };
    from_env
        .or_else(from_terminal)
        .unwrap_or(DEFAULT_WIDTH)
        .max(MIN_WIDTH)
}

/// Colours with meaning: red for what is late or short, green for what is met, yellow for
/// what is blocked or waiting. With colour off, every method returns the text unchanged.
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    pub color: bool,
}

impl Paint {
    fn paint(self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    pub fn red(self, text: &str) -> String {
        self.paint(AnsiColor::Red.on_default(), text)
    }

    pub fn green(self, text: &str) -> String {
        self.paint(AnsiColor::Green.on_default(), text)
    }

    pub fn yellow(self, text: &str) -> String {
        self.paint(AnsiColor::Yellow.on_default(), text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    /// `error:` on standard error, as clap and rustc write it: bold red.
    pub fn error(self, text: &str) -> String {
        self.paint(AnsiColor::Red.on_default().bold(), text)
    }

    /// `warning:` on standard error: bold yellow.
    pub fn warning(self, text: &str) -> String {
        self.paint(AnsiColor::Yellow.on_default().bold(), text)
    }

    /// A table cell in `color` (or plain with colour off; the table decides via `table`).
    pub fn cell(self, text: impl ToString, color: Option<Color>) -> Cell {
        let cell = Cell::new(text);
        match (self.color, color) {
            (true, Some(c)) => cell.fg(c),
            _ => cell,
        }
    }
}

/// A table that never asks the environment: colour only when `paint.color`, laid out to
/// `width` (comfy-table ignores NO_COLOR and does not wrap when not writing to a terminal).
pub fn table(paint: Paint, width: u16) -> Table {
    let mut table = Table::new();
    table
        .force_no_tty()
        .set_width(width)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if paint.color {
        table.enforce_styling();
    }
    table
}

/// A borderless table for the dashboard's small tables: no lines but one under the header.
/// Write it with `write_table`, which indents it and sets the padding.
pub fn plain_table(paint: Paint, width: u16) -> Table {
    let mut t = table(paint, width.saturating_sub(INDENT.len() as u16));
    t.load_style(TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─')));
    t
}

/// A table for lists: a line under the header and between rows (titles wrap).
pub fn framed_table(paint: Paint, width: u16) -> Table {
    let mut t = table(paint, width);
    t.load_style(
        TableStyle::new()
            .header_separator(LineStyle::none().fill('═').junction('╪'))
            .row_separator(LineStyle::none().fill('─').junction('┼'))
            .content_lines(ContentLineStyle::none().junction('│'))
            .header_lines(ContentLineStyle::none().junction('│')),
    );
    t
}

/// `line` without the spaces at its end, those before the colour resets that end a coloured
/// last cell too: comfy-table paints a cell's padding in its colour, so that a coloured
/// status ends `"planlagt  \x1b[39m"`, which trimming alone leaves as it is. The escape
/// sequences (SGR, `ESC [ … m`) are kept, in their order; only spaces go. The tables here
/// set the foreground colour and attributes only, never a background, so no space removed
/// was visible.
pub fn trim_line_end(line: &str) -> std::borrow::Cow<'_, str> {
    let mut rest = line.trim_end();
    let mut resets = Vec::new();
    // Most lines have no colour, and end in something other than an SGR's `m`.
    while rest.ends_with('m') {
        let Some(start) = rest.rfind('\x1b') else {
            break;
        };
        let sequence = &rest[start..];
        let is_sgr = sequence
            .strip_prefix("\x1b[")
            .and_then(|s| s.strip_suffix('m'))
            .is_some_and(|params| params.bytes().all(|b| b.is_ascii_digit() || b == b';'));
        if !is_sgr {
            break;
        }
        resets.push(sequence);
        rest = rest[..start].trim_end();
    }
    if resets.is_empty() {
        return std::borrow::Cow::Borrowed(rest);
    }
    let mut trimmed = rest.to_string();
    trimmed.extend(resets.into_iter().rev());
    std::borrow::Cow::Owned(trimmed)
}

/// How the dashboard's tables are indented under their headings.
const INDENT: &str = "  ";

/// Writes a `plain_table`: indented, columns two spaces apart, no trailing spaces.
pub fn write_table(table: &mut Table, out: &mut dyn Write) -> io::Result<()> {
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    keep_words_whole(table);
    for line in table.lines() {
        writeln!(out, "{INDENT}{}", trim_line_end(&line))?;
    }
    Ok(())
}

/// The room, in display columns, that a table `width` columns wide (as given to
/// [`plain_table`]) leaves its first column when each other column is as narrow as its
/// widest word (header included, as `rows[0]`) and its padding allow: the most a cell of the
/// first column may take for the table to fit, as [`keep_words_whole`] lays it out.
pub fn room_for_first_column(width: u16, rows: &[Vec<String>]) -> usize {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let others: usize = (1..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| widest_word(c))
                .max()
                .unwrap_or(0)
                + 1
        })
        .sum();
    let gaps = columns.saturating_sub(1);
    usize::from(width.saturating_sub(INDENT.len() as u16)).saturating_sub(gaps + others + 1)
}

/// Sets the width of each column of `table` so that comfy-table wraps a cell between words,
/// never inside one ("Planlag/t") nor between "2." and "kvartal": each column is at least as
/// wide as its widest word (header included; an ordinal and its word count as one), and
/// columns are widened to their whole text, the cheapest first, while the table fits its
/// width. Widths include the padding: call it once the padding is set. A table whose words
/// do not fit side by side is wider than asked rather than cut mid-word.
pub fn keep_words_whole(table: &mut Table) {
    let columns = table.column_count();
    let mut word = vec![0usize; columns];
    let mut whole = vec![0usize; columns];
    for row in table.header().into_iter().chain(table.row_iter()) {
        for (i, cell) in row.cell_iter().enumerate().take(columns) {
            let content = cell.content();
            word[i] = word[i].max(widest_word(&content));
            let longest = content.lines().map(crate::text::width).max().unwrap_or(0);
            whole[i] = whole[i].max(longest);
        }
    }
    // One column between each two columns (a line, or a space where the style has none).
    let gaps = columns.saturating_sub(1);
    let available = table
        .width()
        .map_or(usize::MAX, |w| usize::from(w).saturating_sub(gaps));
    let pads: usize = table
        .column_iter()
        .map(|c| usize::from(c.padding_width()))
        .sum();
    if word.iter().sum::<usize>() + pads > available {
        // Too narrow for the padding too: the gap alone separates the columns.
        for column in table.column_iter_mut() {
            column.set_padding((0, 0));
        }
    }
    let mut widths: Vec<usize> = table
        .column_iter()
        .zip(&word)
        .map(|(column, w)| w + usize::from(column.padding_width()))
        .collect();
    let mut order: Vec<usize> = (0..columns).collect();
    order.sort_by_key(|&i| whole[i] - word[i]);
    for i in order {
        let extra = whole[i] - word[i];
        if widths.iter().sum::<usize>() + extra <= available {
            widths[i] += extra;
        }
    }
    for (column, w) in table.column_iter_mut().zip(widths) {
        let w = u16::try_from(w).unwrap_or(u16::MAX);
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
    }
}

/// Upper-cases the first letter: "færdig" → "Færdig".
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_line_end_removes_spaces_before_the_closing_resets_only() {
        assert_eq!(trim_line_end("a b  "), "a b");
        assert_eq!(
            trim_line_end("│ \x1b[31m late  \x1b[39m"),
            "│ \x1b[31m late\x1b[39m"
        );
        assert_eq!(
            trim_line_end("x \x1b[1m\x1b[32m ok \x1b[39m \x1b[0m "),
            "x \x1b[1m\x1b[32m ok\x1b[39m\x1b[0m"
        );
        // Only SGR sequences are looked through; anything else ends the trimming.
        assert_eq!(trim_line_end("a  \x1b]0;t\x07"), "a  \x1b]0;t\x07");
        assert!(matches!(
            trim_line_end("kept"),
            std::borrow::Cow::Borrowed("kept")
        ));
    }

    #[test]
    fn no_escape_codes_without_colour() {
        let off = Paint { color: false };
        assert_eq!(off.red("forsinket"), "forsinket");
        let on = Paint { color: true };
        assert_eq!(on.red("x"), "\u{1b}[31mx\u{1b}[0m");
        let mut t = table(off, 80);
        t.add_row(vec![off.cell("a", Some(Color::Red))]);
        assert!(!t.to_string().contains('\u{1b}'));
        let mut t = table(on, 80);
        t.add_row(vec![on.cell("a", Some(Color::Red))]);
        assert!(t.to_string().contains('\u{1b}'));
    }

    #[test]
    fn capitalizes_danish_letters() {
        assert_eq!(capitalize("ølejr"), "Ølejr");
        assert_eq!(capitalize(""), "");
    }
}
