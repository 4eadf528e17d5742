//! Plan text is untrusted: the one place it is escaped for Markdown and guarded for CSV.
//! (HTML escaping is `html-escape`'s, in the HTML renderer; terminals get `text::clean`.)

use std::borrow::Cow;

use crate::text::{clean, clean_line};

/// Escapes plan text for Markdown that may begin a line (a paragraph): as `markdown_cell`,
/// and a leading `-`, `+`, `=` or `1.` cannot start a list or a heading.
pub fn markdown(text: &str) -> String {
    let mut out = markdown_cell(text);
    if let Some(first) = out.chars().next() {
        if matches!(first, '-' | '+' | '=') {
            out.insert(0, '\\');
        } else if first.is_ascii_digit() {
            let digits = out.chars().take_while(char::is_ascii_digit).count();
            if matches!(out[digits..].chars().next(), Some('.' | ')')) {
                out.insert(digits, '\\');
            }
        }
    }
    out
}

/// Escapes plan text for a Markdown table cell (or the middle of a line): control
/// characters and line breaks go, and every character GitHub would read as markup gets a
/// backslash, so `|` cannot end a cell. A cell cannot start a list, so `15. maj` stays as is.
pub fn markdown_cell(text: &str) -> String {
    let text = clean_line(text);
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '$' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A CSV cell a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or
/// line break) gets a `'` in front; the text is cleaned first (`text::clean`: control
/// characters removed, line breaks made `\n` and kept, since the CSV writer quotes them, and
/// no line starting a CI runner's command).
/// Borrowed when the text needed neither (most cells: no copy per cell).
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let text = clean(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\n']) {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_pipes_markup_and_list_starts() {
        assert_eq!(markdown("a | b"), r"a \| b");
        assert_eq!(markdown("<script>x</script>"), r"\<script\>x\</script\>");
        assert_eq!(markdown("*fed* _kursiv_"), r"\*fed\* \_kursiv\_");
        assert_eq!(markdown("[link](http://x)"), r"\[link\](http://x)");
        assert_eq!(markdown("=HYPERLINK(\"x\")"), "\\=HYPERLINK(\"x\")");
        assert_eq!(markdown("- punkt"), r"\- punkt");
        assert_eq!(markdown("2. kvartal"), r"2\. kvartal");
        assert_eq!(markdown(r"a\|b"), r"a\\\|b");
        assert_eq!(markdown("Ærø & Å"), r"Ærø \& Å");
        assert_eq!(
            markdown("linje 1\nlinje 2\u{1b}[31m"),
            r"linje 1 linje 2\[31m"
        );
        assert_eq!(markdown("Ågerup"), "Ågerup");
        assert_eq!(markdown_cell("15. maj 2017"), "15. maj 2017");
        assert_eq!(markdown_cell("- a | b"), r"- a \| b");
    }

    #[test]
    fn csv_cells_that_look_like_formulas_are_guarded() {
        for bad in [
            "=1+1",
            "+45 1234",
            "-2",
            "@SUM(A1)",
            "\tx",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(csv_cell(bad), format!("'{bad}"));
        }
        // A carriage return is a line break: kept as `\n`, and guarded.
        assert_eq!(csv_cell("\r=1"), "'\n=1");
        assert_eq!(csv_cell("a\r\n::error::x"), "a\n\\::error::x");
        assert_eq!(csv_cell("bell\u{7}"), "bell");
        assert_eq!(csv_cell("Hygge = godt"), "Hygge = godt");
        assert_eq!(csv_cell("2017-06-30"), "2017-06-30");
        assert_eq!(csv_cell(""), "");
    }
}
