//! The one CSV convention of every CSV the tool writes (`plan list --format csv`,
//! `plan report --format csv`), so that each opens in the spreadsheet of its reader:
//!
//! - UTF-8 with a byte-order mark (without it Excel shows æøå as mojibake);
//! - CRLF line ends (what Excel writes and RFC 4180 names);
//! - the separator follows the output language: `;` for Danish (Danish Excel splits on
//!   semicolons, as the comma is its decimal mark), `,` for English; `--delimiter` chooses
//!   another ([`crate::cli::Delimiter`]);
//! - a cell holding the separator, a quote or a line break is quoted by the `csv` crate, so a
//!   list cell ([`list_cell`]) never splits into several columns;
//! - a cell a spreadsheet would run as a formula is guarded with `'`
//!   ([`crate::render::escape::csv_cell`]).

use std::io::{self, Write};

use crate::cli::{Delimiter, Lang};
use crate::render::escape::csv_cell;

/// UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What joins the items of a list inside one cell: "Ågerup; Gundsømagle".
pub const LIST_SEPARATOR: &str = "; ";

/// Starts a CSV on `out` by the tool's convention: writes the byte-order mark and returns a
/// writer with `delimiter` (else the language's) and CRLF line ends.
pub fn writer(
    out: &mut dyn Write,
    lang: Lang,
    delimiter: Option<Delimiter>,
) -> io::Result<::csv::Writer<&mut dyn Write>> {
    out.write_all(BOM)?;
    Ok(writer_after_bom(out, lang, delimiter))
}

/// A [`writer`] that goes on after rows written by another (no byte order mark): for rows
/// formatted in chunks.
pub fn writer_after_bom(
    out: &mut dyn Write,
    lang: Lang,
    delimiter: Option<Delimiter>,
) -> ::csv::Writer<&mut dyn Write> {
    let Delimiter(delimiter) = delimiter.unwrap_or(match lang {
        Lang::Da => Delimiter(b';'),
        Lang::En => Delimiter(b','),
    });
    ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out)
}

/// Writes one row; every cell is cleaned of control characters and guarded against formulas.
pub fn row<S: AsRef<str>>(
    writer: &mut ::csv::Writer<&mut dyn Write>,
    cells: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    // Each cell written as it is cleaned: no copy of a cell that needs no change.
    for cell in cells {
        writer.write_field(csv_cell(cell.as_ref()).as_bytes())?;
    }
    writer.write_record(std::iter::empty::<&[u8]>())?;
    Ok(())
}

/// A list in one cell, items joined with [`LIST_SEPARATOR`]; the writer quotes the cell when
/// it holds the separator, so the row keeps its columns.
pub fn list_cell<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(lang: Lang, delimiter: Option<Delimiter>) -> Vec<u8> {
        let mut bytes = Vec::new();
        {
            let mut w = writer(&mut bytes, lang, delimiter).unwrap();
            row(&mut w, ["id", "places"]).unwrap();
            row(&mut w, ["a", &list_cell(&["Ågerup", "Gundsømagle"])]).unwrap();
            row(&mut w, ["b", "Viby, Gadstrup"]).unwrap();
            w.flush().unwrap();
        }
        bytes
    }

    #[test]
    fn danish_uses_semicolons_crlf_and_a_bom_and_quotes_lists() {
        let bytes = written(Lang::Da, None);
        assert!(bytes.starts_with(BOM));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(
            text,
            "id;places\r\na;\"Ågerup; Gundsømagle\"\r\nb;Viby, Gadstrup\r\n"
        );
    }

    #[test]
    fn english_uses_commas_and_a_chosen_delimiter_wins() {
        let text = String::from_utf8(written(Lang::En, None)[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "id,places\r\na,Ågerup; Gundsømagle\r\nb,\"Viby, Gadstrup\"\r\n"
        );
        let text =
            String::from_utf8(written(Lang::Da, Some(Delimiter(b'\t')))[3..].to_vec()).unwrap();
        assert!(text.starts_with("id\tplaces\r\n"), "{text}");
    }

    #[test]
    fn delimiters_on_the_command_line() {
        assert_eq!(Delimiter::parse(";"), Ok(Delimiter(b';')));
        assert_eq!(Delimiter::parse("tab"), Ok(Delimiter(b'\t')));
        assert_eq!(Delimiter::parse("\\t"), Ok(Delimiter(b'\t')));
        assert_eq!(Delimiter::parse("Comma"), Ok(Delimiter(b',')));
        assert_eq!(Delimiter::parse("|"), Ok(Delimiter(b'|')));
        for bad in ["", "ab", "a", "1", "\"", " ", "\n", "æ"] {
            assert!(Delimiter::parse(bad).is_err(), "{bad:?}");
        }
    }
}
