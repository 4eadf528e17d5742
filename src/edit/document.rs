//! One initiative file as a format-preserving `toml_edit` document: read, edited value by
//! value (each keeping the comment at the end of its line), and written atomically.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::error::Failure;
use crate::parse::INITIATIVE_FIELDS;
use crate::write::{write_file, WriteError, WriteOptions};

use super::REQUIRED_KEYS;

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
        let text = std::str::from_utf8(body).map_err(|_| broken())?;
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

    /// The strings of a list field, or `None` when it is absent or not a list of strings.
    pub fn list(&self, key: &str) -> Option<Vec<String>> {
        let array = self.doc.get(key)?.as_array()?;
        array
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect()
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

    /// Sets a list field to a tidy one-line list.
    pub fn set_list(&mut self, key: &str, items: &[String]) {
        self.replace_value(key, Value::Array(tidy_array(items)));
    }

    /// Adds one entry to a list field (creating it). A list written over several lines keeps
    /// its layout and comments; a one-line list stays tidy.
    pub fn push_to_list(&mut self, key: &str, item: &str) {
        let multiline = self.multiline_array(key);
        match self.doc.get_mut(key).and_then(Item::as_array_mut) {
            Some(array) if multiline => {
                // The indentation of the last entry, without the comment that may end the
                // line before it.
                let raw = |r: Option<&toml_edit::RawString>| {
                    r.and_then(|r| r.as_str()).unwrap_or("").to_string()
                };
                // The indentation of the last entry, without the comment that may end the
                // line before it.
                let last_prefix = raw(array.iter().last().and_then(|v| v.decor().prefix()));
                let indent = match last_prefix.rsplit_once('\n') {
                    Some((_, indent)) => indent.to_string(),
                    None => "    ".to_string(),
                };
                // The comment ending the last entry's line (after its comma, in the list's
                // trailing text; without a comma, in the entry's suffix) stays on that line:
                // it goes before the new entry's line break.
                let (before, rest) = if array.trailing_comma() || array.is_empty() {
                    let trailing = raw(Some(array.trailing()));
                    let (before, rest) = split_line_end(&trailing);
                    array.set_trailing(rest);
                    (before, String::new())
                } else {
                    let last = array.iter_mut().last().expect("a list with entries");
                    let suffix = raw(last.decor().suffix());
                    let (before, rest) = split_line_end(&suffix);
                    last.decor_mut().set_suffix("");
                    (before, rest)
                };
                if !rest.is_empty() {
                    let trailing = raw(Some(array.trailing()));
                    array.set_trailing(format!("{rest}{trailing}"));
                }
                let prefix = format!("{before}\n{indent}");
                let mut value = Value::from(item);
                value.decor_mut().set_prefix(prefix);
                value.decor_mut().set_suffix("");
                array.push_formatted(value);
            }
            _ => {
                let mut items = self.list(key).unwrap_or_default();
                items.push(item.to_string());
                self.set_list(key, &items);
            }
        }
    }

    /// Removes the entries of a list field for which `matches` holds; an optional list left
    /// empty is removed. Returns how many were removed.
    pub fn remove_from_list(&mut self, key: &str, matches: impl Fn(&str) -> bool) -> usize {
        let Some(items) = self.list(key) else {
            return 0;
        };
        let keep: Vec<String> = items.iter().filter(|i| !matches(i)).cloned().collect();
        let removed = items.len() - keep.len();
        if removed == 0 {
            return 0;
        }
        if keep.is_empty() && !REQUIRED_KEYS.contains(&key) {
            self.remove(key);
        } else if self.multiline_array(key) {
            if let Some(array) = self.doc.get_mut(key).and_then(Item::as_array_mut) {
                remove_keeping_comments(array, |v| v.as_str().is_some_and(&matches));
            }
        } else {
            self.set_list(key, &keep);
        }
        removed
    }

    /// Whether the list field is written over several lines.
    pub(super) fn multiline_array(&self, key: &str) -> bool {
        self.doc
            .get(key)
            .and_then(Item::as_array)
            .is_some_and(|a| Value::Array(a.clone()).to_string().contains('\n'))
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

    /// Appends a `[[log]]` entry, after any there are. A log written in another shape is
    /// never dropped: a `[log]` table or a `log = { … }` (one entry) becomes the first
    /// `[[log]]` entry, with every value it had; a list of inline tables gets one more.
    /// Any other `log` (text, a number, a list of text) refuses the note.
    pub fn append_log(&mut self, date: NaiveDate, text: &str) -> Result<(), Failure> {
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
                if item
                    .as_table()
                    .is_some_and(|t| !t.is_implicit() && t.iter().all(|(_, v)| v.is_value())) =>
            {
                // `[log]`, the natural typo for `[[log]]`: its values are the first entry.
                let Item::Table(first) = std::mem::take(item) else {
                    unreachable!("matched a table")
                };
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

/// Splits the text after a list entry at its first line break: what ends the entry's line
/// (spaces and a comment), and the rest (the line break and what follows). Without a line
/// break, everything but spaces is the rest.
fn split_line_end(text: &str) -> (String, String) {
    match text.find('\n') {
        Some(n) => (text[..n].to_string(), text[n..].to_string()),
        None if text.trim().is_empty() => (String::new(), String::new()),
        None => (String::new(), text.to_string()),
    }
}

/// Removes entries from a list written over several lines. The comment at the end of the
/// line before a removed entry is stored in that entry's prefix: it moves to the next one,
/// and the removed entry's own comments go with it.
fn remove_keeping_comments(array: &mut Array, remove: impl Fn(&Value) -> bool) {
    let raw =
        |r: Option<&toml_edit::RawString>| r.and_then(|r| r.as_str()).unwrap_or("").to_string();
    let mut i = array.len();
    while i > 0 {
        i -= 1;
        if !array.get(i).is_some_and(&remove) {
            continue;
        }
        let own = raw(array.get(i).and_then(|v| v.decor().prefix()));
        // The comment ending the previous entry's line: up to the first newline.
        let before = own.find('\n').map_or("", |n| &own[..n]).to_string();
        let after_part = |next: &str| {
            next.find('\n')
                .map_or(next.to_string(), |n| next[n..].to_string())
        };
        // A comment kept must still end its line, or it would swallow what follows.
        let join = |rest: String| {
            if before.contains('#') && !rest.starts_with('\n') {
                format!("{before}\n{rest}")
            } else {
                format!("{before}{rest}")
            }
        };
        array.remove(i);
        if let Some(next) = array.get_mut(i) {
            let rest = after_part(&raw(next.decor().prefix()));
            next.decor_mut().set_prefix(join(rest));
        } else {
            let rest = after_part(array.trailing().as_str().unwrap_or(""));
            array.set_trailing(join(rest));
        }
    }
}

pub(super) fn tidy_array(items: &[String]) -> Array {
    let mut array: Array = items.iter().map(String::as_str).collect();
    array.fmt();
    array
}
