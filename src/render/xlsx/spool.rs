//! The rows of a workbook's tables, kept between being made and being written, in a
//! [`Temporary`] file (in memory up to a megabyte): a table of 100,000 rows then costs neither memory nor the plan it was
//! made from.
//!
//! A row is its number of cells (`u16`), then each cell: a tag byte and its value — text as
//! its length in bytes (`u32`) and its UTF-8 bytes, a date as its day number from 1 January
//! of year 1 (`i32`), a number as its IEEE 754 bits (`u64`); all little-endian.

use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use super::Cell;
use crate::render::office::Temporary;
use chrono::NaiveDate;

const EMPTY: u8 = 0;
const TEXT: u8 = 1;
const DATE: u8 = 2;
const NUMBER: u8 = 3;

/// Rows being put away, in order.
pub(super) struct Spool {
    out: BufWriter<Temporary>,
}

impl Spool {
    pub(super) fn new() -> Spool {
        Spool {
            out: BufWriter::new(Temporary::new()),
        }
    }

    /// Puts away one row.
    pub(super) fn put(&mut self, cells: &[Cell]) -> io::Result<()> {
        let count = u16::try_from(cells.len()).map_err(io::Error::other)?;
        self.out.write_all(&count.to_le_bytes())?;
        for cell in cells {
            match cell {
                Cell::Empty => self.out.write_all(&[EMPTY])?,
                Cell::Text(text) => {
                    let len = u32::try_from(text.len()).map_err(io::Error::other)?;
                    self.out.write_all(&[TEXT])?;
                    self.out.write_all(&len.to_le_bytes())?;
                    self.out.write_all(text.as_bytes())?;
                }
                Cell::Date(date) => {
                    self.out.write_all(&[DATE])?;
                    self.out
                        .write_all(&chrono::Datelike::num_days_from_ce(date).to_le_bytes())?;
                }
                Cell::Number(n) => {
                    self.out.write_all(&[NUMBER])?;
                    self.out.write_all(&n.to_bits().to_le_bytes())?;
                }
            }
        }
        Ok(())
    }

    /// The rows put away, from the first.
    pub(super) fn read(self) -> io::Result<SpoolReader> {
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        Ok(SpoolReader {
            input: BufReader::new(file),
        })
    }
}

/// Rows read back in the order they were put away.
pub(super) struct SpoolReader {
    input: BufReader<Temporary>,
}

impl SpoolReader {
    fn bytes<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let mut bytes = [0; N];
        self.input.read_exact(&mut bytes)?;
        Ok(bytes)
    }

    /// The next row, into `cells` (cleared first). A row that was not put away is an
    /// `UnexpectedEof` error.
    pub(super) fn next_row(&mut self, cells: &mut Vec<Cell>) -> io::Result<()> {
        cells.clear();
        let count = u16::from_le_bytes(self.bytes()?);
        for _ in 0..count {
            let [tag] = self.bytes()?;
            let cell = match tag {
                EMPTY => Cell::Empty,
                TEXT => {
                    let len = u32::from_le_bytes(self.bytes()?) as usize;
                    let mut text = vec![0; len];
                    self.input.read_exact(&mut text)?;
                    Cell::Text(String::from_utf8(text).map_err(io::Error::other)?)
                }
                DATE => {
                    let days = i32::from_le_bytes(self.bytes()?);
                    Cell::Date(
                        NaiveDate::from_num_days_from_ce_opt(days)
                            .ok_or_else(|| io::Error::other("a date out of range"))?,
                    )
                }
                NUMBER => Cell::Number(f64::from_bits(u64::from_le_bytes(self.bytes()?))),
                _ => return Err(io::Error::other("an unknown cell in the spool")),
            };
            cells.push(cell);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of cell comes back as it went in, in order, also past the part kept in
    /// memory; reading past the last row is an error, not an empty row.
    #[test]
    fn rows_come_back_as_they_were_put_away() {
        let date = NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
        let row = vec![
            Cell::text("Læsehest 🐴 = \u{202e}"),
            Cell::Empty,
            Cell::Date(date),
            Cell::Number(-2.5),
            Cell::text("x".repeat(1000)),
        ];
        let mut spool = Spool::new();
        // More than IN_MEMORY bytes: the spool goes to a file on the way.
        let n = crate::render::office::IN_MEMORY / 1000 + 10;
        assert!(n * 1000 > crate::render::office::IN_MEMORY);
        for i in 0..n {
            let mut r = row.clone();
            r.push(Cell::count(i));
            spool.put(&r).unwrap();
        }
        spool.put(&[]).unwrap();
        let mut back = spool.read().unwrap();
        let mut cells = Vec::new();
        for i in 0..n {
            back.next_row(&mut cells).unwrap();
            let mut r = row.clone();
            r.push(Cell::count(i));
            assert_eq!(cells, r);
        }
        back.next_row(&mut cells).unwrap();
        assert!(cells.is_empty());
        let past = back.next_row(&mut cells).unwrap_err();
        assert_eq!(past.kind(), io::ErrorKind::UnexpectedEof);
    }
}
