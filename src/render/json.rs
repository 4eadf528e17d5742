//! The one JSON writer of every JSON output (`check`, `status`, `list`, `report`).
//!
//! `serde_json` escapes only U+0000–U+001F, `"` and `\`; everything else reaches the reader
//! as it is. Plan text is untrusted, and JSON is read in terminals and CI logs too, so inside
//! every string this writer also escapes, as `\uXXXX` (a surrogate pair above U+FFFF):
//! - every character [`is_unsafe`] names: DEL, the C1 controls (U+0080–U+009F, among them
//!   U+009B, a terminal's CSI), bidi controls and invisible characters;
//! - the line and paragraph separators U+2028 and U+2029, which some readers end a line at;
//! - the `[` of a runner's command marker, `##[` (GitHub Actions finds it anywhere in a line)
//!   and `##vso[` (Azure Pipelines), so that `"##[error]…"` in a title is not run as a
//!   workflow command when the JSON is printed in a CI log.
//!
//! A reader that parses the JSON gets the original text back, character for character.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::text::is_unsafe;

/// Writes `value` as indented JSON (two spaces, as `serde_json::to_writer_pretty`) with the
/// escapes above, then a newline.
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    // The serializer writes a piece per token: into a buffer of its own type rather than
    // through `out`'s dynamic calls one by one (a large plan's list is millions of pieces).
    let mut buffered = io::BufWriter::with_capacity(16 * 1024, &mut *out);
    let mut serializer = serde_json::Serializer::with_formatter(
        &mut buffered,
        SafeFormatter(PrettyFormatter::new()),
    );
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(buffered)?;
    buffered.flush()
}

/// Writes an array of one record per item of `items` as [`write_pretty`] writes it (the
/// same bytes), then a newline; `record` hands an item's record to [`Element::write`] (a
/// record may borrow from its item). A long list is formatted on two cores, a chunk of
/// items at a time ([`super::chunked`]): `list --format json` at 100,000 initiatives is
/// 2.9 million lines.
///
/// Each record is laid out by itself, by a formatter that takes the steps of `serde_json`'s
/// pretty one but starts as deep as the record is.
///
/// Errors: those of writing to `out`, or of a record's `Serialize`; `record` is called once
/// per item and must write one record.
pub fn write_pretty_array<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    record: &RecordFn<'_, T>,
) -> io::Result<()> {
    write_array(out, items, record, 1)?;
    out.write_all(b"\n")
}

/// Hands one item's record to [`Element::write`].
pub type RecordFn<'r, T> = dyn Fn(&T, &mut Element<'_>) -> io::Result<()> + Sync + 'r;

/// The array of [`write_pretty_array`], its items `depth` levels deep (its brackets one
/// less), without a newline after it. Its brackets and the line breaks, commas and
/// indentation between its items are [`Pretty`]'s steps, as each record's own are.
fn write_array<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    record: &RecordFn<'_, T>,
    depth: usize,
) -> io::Result<()> {
    let mut layout = Pretty::at(depth - 1);
    let mut start = Vec::new();
    layout.open(&mut start, b"[")?;
    if let Some((first, rest)) = items.split_first() {
        layout.item(&mut start, true)?;
        record(first, &mut Element::new(&mut start, depth))?;
        out.write_all(&start)?;
        start.clear();
        super::chunked::write_chunks(rest, out, &|out, items| {
            let mut chunk = Vec::new();
            for item in items {
                Pretty::at(depth).item(&mut chunk, false)?;
                record(item, &mut Element::new(&mut chunk, depth))?;
            }
            out.write_all(&chunk)
        })?;
        layout.has_value = true;
    }
    layout.close(&mut start, b"]")?;
    out.write_all(&start)
}

/// Where one value is written: the text so far (the value's first line already indented),
/// and how deep the value is.
pub struct Element<'b> {
    out: &'b mut Vec<u8>,
    depth: usize,
}

impl<'b> Element<'b> {
    fn new(out: &'b mut Vec<u8>, depth: usize) -> Element<'b> {
        Element { out, depth }
    }

    /// Appends `value` laid out as [`write_pretty`] lays out a document (without the final
    /// newline), as deep as the element is.
    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let mut serializer = serde_json::Serializer::with_formatter(
            &mut *self.out,
            SafeFormatter(Pretty::at(self.depth)),
        );
        value.serialize(&mut serializer).map_err(io::Error::from)
    }
}

/// `serde_json`'s pretty layout (two spaces a level) starting `depth` levels deep: the
/// same steps as its `PrettyFormatter`, which always starts at the top.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// The layout of a value `depth` levels deep, nothing written yet.
    fn at(depth: usize) -> Pretty {
        Pretty {
            depth,
            has_value: false,
        }
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// An object written as [`write_pretty`] writes it (the same bytes), a field at a time, so
/// that a long list among its fields ([`PrettyObject::array`]) is formatted on two cores as
/// [`write_pretty_array`] formats it. The fields must be given in the order the object's
/// `Serialize` gives them, and with the same names: a test of each use compares the two.
pub struct PrettyObject<'w> {
    out: &'w mut dyn Write,
    /// [`Pretty`]'s steps for the object itself: inside its braces, whether a field came.
    layout: Pretty,
}

impl<'w> PrettyObject<'w> {
    /// Starts the top object of a document.
    pub fn begin(out: &'w mut dyn Write) -> io::Result<PrettyObject<'w>> {
        Self::at(out, 0)
    }

    /// Starts an object `depth` levels deep.
    fn at(out: &'w mut dyn Write, depth: usize) -> io::Result<PrettyObject<'w>> {
        let mut layout = Pretty::at(depth);
        layout.open(out, b"{")?;
        Ok(PrettyObject { out, layout })
    }

    /// `"name": ` on a line of its own, after a comma from the second field on (a plain
    /// name: no character JSON escapes).
    fn key(&mut self, name: &str) -> io::Result<Vec<u8>> {
        let mut text = Vec::new();
        self.layout.item(&mut text, !self.layout.has_value)?;
        self.layout.has_value = true;
        text.push(b'"');
        text.extend_from_slice(name.as_bytes());
        text.extend_from_slice(b"\": ");
        Ok(text)
    }

    /// The field `name` with `value`.
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> io::Result<()> {
        let mut text = self.key(name)?;
        Element::new(&mut text, self.layout.depth).write(value)?;
        self.out.write_all(&text)
    }

    /// The field `name` with an array of one record per item of `items`, as
    /// [`write_pretty_array`] writes it.
    pub fn array<T: Sync>(
        &mut self,
        name: &str,
        items: &[T],
        record: &RecordFn<'_, T>,
    ) -> io::Result<()> {
        let text = self.key(name)?;
        self.out.write_all(&text)?;
        write_array(self.out, items, record, self.layout.depth + 1)
    }

    /// The field `name` with an object written a field at a time; end it with
    /// [`PrettyObject::end`] before the next field of this one.
    pub fn object(&mut self, name: &str) -> io::Result<PrettyObject<'_>> {
        let text = self.key(name)?;
        self.out.write_all(&text)?;
        PrettyObject::at(&mut *self.out, self.layout.depth)
    }

    /// Closes the object (a top object without a newline after it).
    pub fn end(mut self) -> io::Result<()> {
        self.layout.close(self.out, b"}")
    }
}

/// Whether `c` is written as `\uXXXX` inside a JSON string (besides what `serde_json`
/// escapes itself).
fn needs_escape(c: char) -> bool {
    is_unsafe(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A `serde_json` formatter that escapes what [`needs_escape`] names and the `[` of a
/// command marker inside strings, and lays out the rest as the wrapped formatter does.
struct SafeFormatter<F>(F);

fn escape_char<W: ?Sized + Write>(writer: &mut W, c: char) -> io::Result<()> {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        write!(writer, "\\u{unit:04x}")?;
    }
    Ok(())
}

/// Whether the `[` at byte `i` of `text` ends `##[` or `##vso[`.
fn ends_command_marker(text: &str, i: usize) -> bool {
    let before = &text[..i];
    before.ends_with("##") || before.ends_with("##vso")
}

impl<F: Formatter> Formatter for SafeFormatter<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // A fragment is a run of the string between the characters serde_json escapes, so
        // a `##[` of the text is always within one fragment.
        let bytes = fragment.as_bytes();
        // Most text is printable ASCII without a `[`: nothing to escape, no character to
        // decode (control characters are ASCII below 0x20 or 0x7F).
        if bytes
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) && b != b'[')
        {
            return writer.write_all(bytes);
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) || (c == '[' && ends_command_marker(fragment, i)) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                escape_char(writer, c)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn c1_del_bidi_and_invisible_characters_are_escaped() {
        let text = "a\u{9b}31m\u{9d}b\u{7f}c\u{202e}d\u{200b}e\u{2028}f\u{e0041}g\u{85}";
        let out = json(&serde_json::json!({ "title": text }));
        assert_eq!(
            out,
            "{\n  \"title\": \"a\\u009b31m\\u009db\\u007fc\\u202ed\\u200be\\u2028f\\udb40\\udc41g\\u0085\"\n}\n"
        );
        assert!(!out.chars().any(|c| needs_escape(c) && c != '\n'));
        // Parsed back, the text is what it was.
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["title"], text);
    }

    #[test]
    fn command_markers_are_broken_and_the_rest_is_as_serde_json_writes_it() {
        let value = serde_json::json!({
            "a": ["##[error]x", "##vso[task.setvariable]y", "[ok] # [fine]", "Ærø ☀️ 👩‍💻"],
            "b": {"n": 1, "q": "\"\n\\"}
        });
        let out = json(&value);
        assert!(out.contains(r###""##\u005berror]x""###), "{out}");
        assert!(
            out.contains(r###""##vso\u005btask.setvariable]y""###),
            "{out}"
        );
        assert!(!out.contains("##["), "{out}");
        let plain = serde_json::to_string_pretty(&value).unwrap();
        let plain = plain
            .replace("##[", "##\\u005b")
            .replace("##vso[", "##vso\\u005b");
        assert_eq!(out, format!("{plain}\n"));
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value);
    }

    /// The array written a record at a time, a long one on two cores, is the array
    /// written as one document, byte for byte: empty, one record, and lists around the
    /// lengths where a second chunk and the second core start (2,002 records: a first one,
    /// then three chunks) and well past them, with records holding nested lists and
    /// objects, empty ones, line breaks, quotes, command markers and characters that are
    /// escaped; and so is an object written a field at a time with such lists in it, one
    /// of them in a nested object, beside plain and empty fields.
    #[test]
    fn an_array_written_a_record_at_a_time_is_the_array_written_at_once() {
        let record = |n: &usize| -> serde_json::Value {
            serde_json::json!({
                "id": format!("i-{n}"),
                "title": format!("Læsekreds\n\"{n}\" ##[error] \u{2028}\u{9b}"),
                "tracks": if n.is_multiple_of(3) { vec![] } else { vec!["Hygge", "Fordybelse"] },
                "nested": { "list": [n, n + 1], "empty": {} },
                "none": null,
            })
        };
        for len in [0, 1, 2, 3, 999, 1_000, 1_001, 2_001, 2_002, 2_003, 4_001] {
            let items: Vec<usize> = (0..len).collect();
            let mut at_once = Vec::new();
            let all: Vec<serde_json::Value> = items.iter().map(record).collect();
            write_pretty(&mut at_once, &all).unwrap();
            let mut in_chunks = Vec::new();
            write_pretty_array(&mut in_chunks, &items, &|n, element| {
                element.write(&record(n))
            })
            .unwrap();
            assert!(
                at_once == in_chunks,
                "{len} records:\n{}\n---\n{}",
                String::from_utf8_lossy(&at_once[..at_once.len().min(400)]),
                String::from_utf8_lossy(&in_chunks[..in_chunks.len().min(400)])
            );
            let whole = serde_json::json!({
                "a": "første",
                "list": all,
                "inner": { "period": null, "list": all, "empty": [] },
                "none": {},
                "z": [1, 2],
            });
            let mut at_once = Vec::new();
            write_pretty(&mut at_once, &whole).unwrap();
            let each: &RecordFn<'_, usize> = &|n, element| element.write(&record(n));
            let mut by_field = Vec::new();
            let mut object = PrettyObject::begin(&mut by_field).unwrap();
            // (`json!` keeps an object's keys in byte order: the fields are given so.)
            object.field("a", "første").unwrap();
            let mut inner = object.object("inner").unwrap();
            inner.array("empty", &items[..0], each).unwrap();
            inner.array("list", &items, each).unwrap();
            inner.field("period", &None::<u8>).unwrap();
            inner.end().unwrap();
            object.array("list", &items, each).unwrap();
            object.object("none").unwrap().end().unwrap();
            object.field("z", &[1, 2]).unwrap();
            object.end().unwrap();
            by_field.push(b'\n');
            assert!(
                at_once == by_field,
                "{len} records:\n{}\n---\n{}",
                String::from_utf8_lossy(&at_once[..at_once.len().min(600)]),
                String::from_utf8_lossy(&by_field[..by_field.len().min(600)])
            );
        }
    }
}
