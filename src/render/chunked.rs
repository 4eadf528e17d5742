//! Long lists formatted on two cores and written in order: the items of a memo or a list at
//! 100,000 initiatives take longer to format than to load, and loading already uses both
//! cores.

use std::io::{self, Write};
use std::sync::mpsc::sync_channel;

/// Formats one item into a writer.
pub type FormatItem<'f, T> = dyn Fn(&mut dyn Write, &T) -> io::Result<()> + Sync + 'f;

/// Formats a run of consecutive items into a writer.
pub type FormatChunk<'f, T> = dyn Fn(&mut dyn Write, &[T]) -> io::Result<()> + Sync + 'f;

/// How many items [`write_each`] formats at a time.
const CHUNK: usize = 1_000;

/// Writes every item of `items` to `out`, in order, as `each` formats it. A list of more
/// than two chunks of [`CHUNK`] items is formatted a chunk at a time, every other chunk on a
/// second core, and each chunk is written as one buffer: the same bytes as formatting the
/// items one after the other into `out`.
///
/// Errors: the first error of `each` or of writing to `out`. The chunks before the one that
/// failed are written (of a short list, formatted straight into `out`, the items before).
pub fn write_each<T: Sync>(
    items: &[T],
    out: &mut dyn Write,
    each: &FormatItem<'_, T>,
) -> io::Result<()> {
    write_each_in(items, CHUNK, out, each)
}

/// [`write_each`] for a writer made once per chunk: `chunk` formats a run of consecutive
/// items (a CSV writer over them, say) into `out`. The same bytes as one call on all of
/// `items` when `chunk`'s output for a list is the concatenation of its output for the
/// list's parts.
pub fn write_chunks<T: Sync>(
    items: &[T],
    out: &mut dyn Write,
    chunk: &FormatChunk<'_, T>,
) -> io::Result<()> {
    write_chunks_in(items, CHUNK, out, chunk)
}

/// [`write_each`] with chunks of `chunk` items.
pub(crate) fn write_each_in<T: Sync>(
    items: &[T],
    chunk: usize,
    out: &mut dyn Write,
    each: &FormatItem<'_, T>,
) -> io::Result<()> {
    write_chunks_in(items, chunk, out, &|out, items| {
        for item in items {
            each(out, item)?;
        }
        Ok(())
    })
}

/// [`write_chunks`] with chunks of `size` items.
fn write_chunks_in<T: Sync>(
    items: &[T],
    size: usize,
    out: &mut dyn Write,
    each_chunk: &FormatChunk<'_, T>,
) -> io::Result<()> {
    let chunks: Vec<&[T]> = items.chunks(size.max(1)).collect();
    if chunks.len() < 3 {
        return chunks.iter().try_for_each(|chunk| each_chunk(out, chunk));
    }
    let format = |chunk: &[T]| -> io::Result<Vec<u8>> {
        let mut buffer = Vec::new();
        each_chunk(&mut buffer, chunk)?;
        Ok(buffer)
    };
    let format = &format;
    let chunks = &chunks;
    std::thread::scope(|scope| {
        let (send, receive) = sync_channel::<io::Result<Vec<u8>>>(1);
        scope.spawn(move || {
            for chunk in chunks.iter().skip(1).step_by(2) {
                let formatted = format(chunk);
                let failed = formatted.is_err();
                // The receiver is gone when writing failed: nothing more is wanted.
                if send.send(formatted).is_err() || failed {
                    break;
                }
            }
        });
        for (index, chunk) in chunks.iter().enumerate() {
            let buffer = if index % 2 == 0 {
                format(chunk)?
            } else {
                receive
                    .recv()
                    .map_err(|_| io::Error::other("the thread formatting the list stopped"))??
            };
            out.write_all(&buffer)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(out: &mut dyn Write, n: &usize) -> io::Result<()> {
        if *n == 77 {
            return Err(io::Error::other("item 77"));
        }
        writeln!(out, "- punkt {n}: Læsekreds")
    }

    /// In chunks on two cores or one item after the other, the same bytes, for every chunk
    /// size and list length around the point where the second core starts.
    #[test]
    fn chunks_on_two_cores_write_what_one_at_a_time_writes() {
        for len in [0, 1, 2, 5, 6, 7, 20, 60] {
            let items: Vec<usize> = (100..100 + len).collect();
            let mut one = Vec::new();
            for n in &items {
                line(&mut one, n).unwrap();
            }
            for chunk in 1..=7 {
                let mut chunked = Vec::new();
                write_each_in(&items, chunk, &mut chunked, &line).unwrap();
                assert_eq!(chunked, one, "{len} items, chunks of {chunk}");
            }
        }
    }

    /// A CSV writer made for each chunk writes what one writer over every row writes:
    /// quoted cells, Danish letters, a delimiter inside a cell, CRLF ends.
    #[test]
    fn a_csv_writer_per_chunk_writes_what_one_writer_writes() {
        use crate::cli::{Delimiter, Lang};
        let rows: Vec<[String; 3]> = (0..50)
            .map(|n| {
                [
                    format!("i-{n}"),
                    format!("Læsekreds; \"{n}\""),
                    "Viby, Jyllinge".to_string(),
                ]
            })
            .collect();
        let delimiter = Some(Delimiter(b';'));
        let mut one = Vec::new();
        let mut writer = crate::render::csv::writer_after_bom(&mut one, Lang::Da, delimiter);
        for row in &rows {
            crate::render::csv::row(&mut writer, row).unwrap();
        }
        writer.flush().unwrap();
        drop(writer);
        for size in [1, 4, 7, 50] {
            let mut chunked = Vec::new();
            write_chunks_in(&rows, size, &mut chunked, &|out, rows| {
                let mut writer = crate::render::csv::writer_after_bom(out, Lang::Da, delimiter);
                for row in rows {
                    crate::render::csv::row(&mut writer, row)?;
                }
                writer.flush()
            })
            .unwrap();
            assert_eq!(chunked, one, "chunks of {size}");
        }
        assert!(String::from_utf8(one)
            .unwrap()
            .contains("\"Læsekreds; \"\"7\"\"\""));
    }

    /// An item that cannot be formatted, on either core: its error comes back, and what
    /// was written is every item before its chunk.
    #[test]
    fn an_error_of_an_item_is_returned() {
        let items: Vec<usize> = (0..200).collect();
        for chunk in [3, 4, 10, 30] {
            let mut out = Vec::new();
            let err = write_each_in(&items, chunk, &mut out, &line).unwrap_err();
            assert_eq!(err.to_string(), "item 77");
            let text = String::from_utf8(out).unwrap();
            assert!(text.ends_with(&format!("punkt {}: Læsekreds\n", 77 / chunk * chunk - 1)));
        }
    }
}
