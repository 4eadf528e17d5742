//! One initiative file as a format-preserving `toml_edit` document: read, edited value by
//! value (each keeping the comment at the end of its line), and written atomically.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::error::Failure;
use crate::parse::INITIATIVE_FIELDS;
use crate::write::{write_file, WriteError, WriteOptions};

/// One initiative file as a format-preserving document.
#[derive(Debug, Clone)]
pub struct InitiativeDoc {
    pub(super) path: PathBuf,
    pub(super) doc: DocumentMut,
    /// The file began with a byte-order mark: it is written back with one.
    pub(super) bom: bool,
    /// The text as read (BOM removed), to tell whether anything changed.
    pub(super) original: String,
    /// The bytes as read: the file is replaced only if it still has them.
    pub(super) read: Vec<u8>,
    /// How messages name the file.
    pub(super) display: String,
}

impl InitiativeDoc {
    /// Reads the file at `path`; `display` names it in messages.
    pub fn open(path: &Path, display: &str) -> anyhow::Result<InitiativeDoc> {
        let bytes = std::fs::read(path).map_err(|e| {
            Failure::usage(format!(
                "cannot read `{display}`: {}",
                crate::load::io_reason(&e)
            ))
        })?;
        Ok(InitiativeDoc::parse(path, display, &bytes)?)
    }

    /// Parses the bytes of a file; a file that is not UTF-8 TOML cannot be edited safely.
    pub fn parse(path: &Path, display: &str, bytes: &[u8]) -> Result<InitiativeDoc, Failure> {
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let broken = || {
            Failure::invalid(format!(
                "cannot change `{display}`: it is not a valid initiative file"
            ))
            .with_help("run `plan check` to see what is wrong with it, and fix that first")
        };
        // The text is kept as it is (CRLF included), so that an edit changes only its value.
        // A file that is not UTF-8 is named by its encoding, as `plan check` names it.
        let text = std::str::from_utf8(body).map_err(|_| {
            let problem = crate::load::decode(bytes).1;
            match problem {
                Some(p) => Failure::invalid(format!("cannot change `{display}`: {}", p.message))
                    .with_help(p.help.unwrap_or_default()),
                None => broken(),
            }
        })?;
        let doc = text.parse::<DocumentMut>().map_err(|_| broken())?;
        Ok(InitiativeDoc {
            path: path.to_path_buf(),
            doc,
            bom,
            original: text.to_string(),
            read: bytes.to_vec(),
            display: crate::text::clean_line(display),
        })
    }

    /// An empty document with no file behind it, to build a new file's text in.
    pub fn empty() -> InitiativeDoc {
        InitiativeDoc {
            path: PathBuf::new(),
            doc: DocumentMut::new(),
            bom: false,
            original: String::new(),
            read: Vec::new(),
            display: String::new(),
        }
    }

    /// The file the document was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text as it would be written (without a BOM). A file with Windows line endings
    /// keeps them.
    pub fn text(&self) -> String {
        let text = self.doc.to_string();
        if self.original.contains("\r\n") {
            text.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            text
        }
    }

    /// Whether the text to write differs from the text read.
    pub fn is_changed(&self) -> bool {
        self.text() != self.original
    }

    /// Writes the document over its file, atomically, through a link only to a file inside
    /// `within` (the plan folder). The file is replaced only if it still has the bytes it had
    /// when it was read ([`WriteError::Changed`]), and a read-only file only with `force`
    /// ([`WriteError::ReadOnly`]).
    pub fn write(&self, force: bool, within: &Path) -> Result<(), WriteError> {
        let mut bytes = Vec::new();
        if self.bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend_from_slice(self.text().as_bytes());
        write_file(
            &self.path,
            &bytes,
            WriteOptions {
                force,
                expected: Some(&self.read),
                within: Some(within),
            },
        )
    }

    pub(super) fn root(&mut self) -> &mut Table {
        self.doc.as_table_mut()
    }

    /// Sets a text field, keeping the comment at the end of its line.
    pub fn set_string(&mut self, key: &str, text: &str) {
        let multiline = key == "description"
            || text.contains('\n')
            || self
                .doc
                .get(key)
                .and_then(Item::as_value)
                .and_then(|v| v.as_str().map(|_| v))
                .is_some_and(|v| v.to_string().trim_start().starts_with("\"\"\""));
        self.replace_value(key, string_value(text, multiline));
    }

    pub fn set_date(&mut self, key: &str, date: NaiveDate) {
        let value = date
            .format("%Y-%m-%d")
            .to_string()
            .parse::<Value>()
            .expect("a YYYY-MM-DD date is a TOML value");
        self.replace_value(key, value);
    }

    /// Removes a field. Comment lines written above it are kept, above the line that follows.
    pub fn remove(&mut self, key: &str) -> bool {
        let Some(at) = self.root().iter().position(|(k, _)| k == key) else {
            return false;
        };
        let Some((old_key, _)) = self.root().remove_entry(key) else {
            return false;
        };
        let comments = old_key
            .leaf_decor()
            .prefix()
            .and_then(|p| p.as_str())
            .filter(|p| p.contains('#'))
            .map(str::to_string);
        let Some(comments) = comments else {
            return true;
        };
        // The next plain key in the file, else the end of the file.
        let root = self.root();
        let next_key = root
            .iter()
            .skip(at)
            .find(|(_, item)| item.is_value())
            .map(|(k, _)| k.to_string());
        if let Some(next) = next_key {
            if let Some(mut k) = root.key_mut(&next) {
                let old = k
                    .leaf_decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .unwrap_or("")
                    .to_string();
                k.leaf_decor_mut().set_prefix(format!("{comments}{old}"));
            }
        } else {
            let trailing = self.doc.trailing().as_str().unwrap_or("").to_string();
            self.doc.set_trailing(format!("{comments}{trailing}"));
        }
        true
    }

    /// Adds a `[[log]]` note dated `date`, after the entries dated on or before it. A log
    /// written in another shape is never dropped: a `[log]` table, dotted keys
    /// `log.date`/`log.text` or a `log = { … }` (one entry) becomes the first `[[log]]` entry,
    /// with every value it had; a list of inline tables gets one more.
    /// Any other `log` (text, a number, a list of text) refuses the note.
    pub fn append_log(&mut self, date: NaiveDate, text: &str) -> Result<(), Failure> {
        // A log in the usual shapes gets the note where its date belongs (see
        // [`super::history`]); the other shapes are handled below.
        if self.log_is_a_list() {
            self.add_note(date, text);
            return Ok(());
        }
        let mut entry = Table::new();
        entry.insert(
            "date",
            Item::Value(
                date.format("%Y-%m-%d")
                    .to_string()
                    .parse::<Value>()
                    .expect("a date is a TOML value"),
            ),
        );
        entry.insert("text", Item::Value(string_value(text, text.contains('\n'))));
        // A blank line before each entry, as in the shipped files.
        entry.decor_mut().set_prefix("\n");
        let display = self.display.clone();
        match self.doc.get_mut("log") {
            None => {
                let mut entries = ArrayOfTables::new();
                entries.push(entry);
                // A trailing comment at the end of the file stays at the end.
                self.root().insert("log", Item::ArrayOfTables(entries));
            }
            Some(Item::ArrayOfTables(entries)) => entries.push(entry),
            Some(Item::Value(Value::Array(entries)))
                if entries.iter().all(Value::is_inline_table) =>
            {
                let mut inline = entry.into_inline_table();
                inline.fmt();
                entries.push(inline);
            }
            Some(item @ Item::Table(_))
                if item.as_table().is_some_and(|t| {
                    (!t.is_implicit() || t.is_dotted()) && t.iter().all(|(_, v)| v.is_value())
                }) =>
            {
                // `[log]`, the natural typo for `[[log]]`, or dotted keys (`log.date = …`,
                // `log.text = …`): its values are the first entry.
                let Item::Table(mut first) = std::mem::take(item) else {
                    unreachable!("matched a table")
                };
                if first.is_dotted() {
                    first.set_dotted(false);
                    first.set_implicit(false);
                    first.decor_mut().set_prefix("\n");
                    for (mut key, _) in first.iter_mut() {
                        key.leaf_decor_mut().clear();
                        key.dotted_decor_mut().clear();
                    }
                }
                let mut entries = ArrayOfTables::new();
                entries.push(first);
                entries.push(entry);
                *item = Item::ArrayOfTables(entries);
            }
            Some(item @ Item::Value(Value::InlineTable(_))) => {
                // `log = { date = …, text = … }`: one entry, written out as `[[log]]`.
                let Item::Value(Value::InlineTable(first)) = std::mem::take(item) else {
                    unreachable!("matched an inline table")
                };
                let mut first = first.into_table();
                first.decor_mut().set_prefix("\n");
                let mut entries = ArrayOfTables::new();
                entries.push(first);
                entries.push(entry);
                self.root().remove("log");
                self.root().insert("log", Item::ArrayOfTables(entries));
            }
            Some(other) => {
                let what = match other {
                    Item::Value(Value::String(_)) => "text",
                    Item::Table(_) => "a table with tables inside",
                    Item::Value(Value::Array(_)) => "a list of values that are not tables",
                    _ => "a single value",
                };
                return Err(Failure::invalid(format!(
                    "`log` in `{display}` is {what}, not a list of dated notes: nothing was written"
                ))
                .with_help(
                    "write each note as a table: [[log]] with date = YYYY-MM-DD and text = \"…\" on the lines below; then run plan note again",
                ));
            }
        }
        Ok(())
    }

    /// Replaces (or adds, in the canonical order of fields) a value, keeping the replaced
    /// value's decor: its end-of-line comment survives.
    pub(super) fn replace_value(&mut self, key: &str, mut value: Value) {
        if let Some(item) = self.doc.get_mut(key) {
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            } else {
                value.decor_mut().set_prefix(" ");
            }
            // Assigning through `get_mut` keeps the key and the comments above it
            // (`Table::insert` would reformat the key and drop them).
            *item = Item::Value(value);
            return;
        }
        value.decor_mut().set_prefix(" ");
        self.insert_in_order(key, Item::Value(value));
    }

    /// Adds a new key after the last existing key that comes before it in the format's
    /// order (`title`, `description`, `period`, `tracks`, …), leaving the rest where it is.
    fn insert_in_order(&mut self, key: &str, item: Item) {
        let rank = |k: &str| INITIATIVE_FIELDS.iter().position(|f| *f == k);
        let Some(own) = rank(key) else {
            self.root().insert(key, item);
            return;
        };
        let root = self.root();
        let keys: Vec<String> = root.iter().map(|(k, _)| k.to_string()).collect();
        let at = keys
            .iter()
            .rposition(|k| rank(k).is_some_and(|r| r < own))
            .map_or(0, |i| i + 1);
        let moved: Vec<(toml_edit::Key, Item)> = keys[at..]
            .iter()
            .filter_map(|k| root.remove_entry(k))
            .collect();
        root.insert(key, item);
        for (k, v) in moved {
            root.insert_formatted(&k, v);
        }
    }
}

/// A TOML string value; `multiline` writes it as `"""` text starting on its own line, as the
/// shipped files write descriptions.
pub fn string_value(text: &str, multiline: bool) -> Value {
    if multiline {
        multiline_repr(text)
            .parse::<Value>()
            .expect("an escaped multi-line string is a TOML value")
    } else {
        Value::from(text)
    }
}

/// `"""` + newline + the text, escaped for a multi-line basic string.
pub fn multiline_repr(text: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    let mut quotes = 0;
    let count = text.chars().count();
    for (i, c) in text.chars().enumerate() {
        match c {
            '"' if quotes == 2 || i + 1 == count => {
                out.push_str("\\\"");
                quotes = 0;
            }
            '"' => {
                out.push('"');
                quotes += 1;
            }
            '\\' => {
                out.push_str("\\\\");
                quotes = 0;
            }
            '\n' | '\t' => {
                out.push(c);
                quotes = 0;
            }
            c if c.is_control() => {
                out.push_str(&format!("\\u{:04X}", c as u32));
                quotes = 0;
            }
            c => {
                out.push(c);
                quotes = 0;
            }
        }
    }
    out.push_str("\"\"\"");
    out
}
