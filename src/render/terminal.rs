//! What every terminal renderer shares: colour (decided once, from `Config::color`), the
//! width to fit, and a table set up for both.

use std::io::IsTerminal;

use std::io::{self, Write};

use comfy_table::{
    Cell, Color, ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
    fn wrap(self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    pub fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }

    pub fn green(self, text: &str) -> String {
        self.wrap("32", text)
    }

    pub fn yellow(self, text: &str) -> String {
        self.wrap("33", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.wrap("2", text)
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

/// How the dashboard's tables are indented under their headings.
const INDENT: &str = "  ";

/// Writes a `plain_table`: indented, columns two spaces apart, no trailing spaces.
pub fn write_table(table: &mut Table, out: &mut dyn Write) -> io::Result<()> {
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    for line in table.lines() {
        writeln!(out, "{INDENT}{}", line.trim_end())?;
    }
    Ok(())
}

/// Cuts `text` to at most `width` columns, ending in "…" when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Joins items with `sep` into lines of at most `width` columns, never breaking an item.
/// Each item is `(plain, painted)`: the plain text is measured, the painted one written.
pub fn wrap_items(items: &[(String, String)], sep: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for (plain, painted) in items {
        let w = plain.width();
        if used > 0 && used + sep.width() + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push_str(sep);
            used += sep.width();
        }
        line.push_str(painted);
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
    fn truncates_and_wraps_by_display_width() {
        assert_eq!(truncate("Ågerup og Gundsømagle", 10), "Ågerup og…");
        assert_eq!(truncate("kort", 10), "kort");
        let items: Vec<(String, String)> = ["Jyllinge 7", "Viby 6", "Ågerup 3"]
            .iter()
            .map(|s| (s.to_string(), s.to_string()))
            .collect();
        assert_eq!(
            wrap_items(&items, " · ", 20),
            vec!["Jyllinge 7 · Viby 6", "Ågerup 3"]
        );
    }

    #[test]
    fn capitalizes_danish_letters() {
        assert_eq!(capitalize("ølejr"), "Ølejr");
        assert_eq!(capitalize(""), "");
    }
}
