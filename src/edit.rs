//! Changing the plan: one initiative's TOML document, edited in place and written atomically,
//! and the check every change passes before it is written.
//!
//! Edits go through `toml_edit`, so everything a coordinator wrote — comments, the order of
//! keys, fields the command does not touch — stays as it was. Only the changed value is
//! rewritten, and it keeps the comment at the end of its line.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml_edit::{Array, DocumentMut, Item, Table, Value};

use crate::check::check;
use crate::diag::{Diagnostic, Severity};
use crate::error::Failure;
use crate::i18n::{funding_from_user, period_from_user, status_from_user};
use crate::load::with_files;
use crate::model::{catalogue_fold as fold, Catalogue, Plan};
use crate::parse::{is_valid_id, parse_date, INITIATIVE_FIELDS};
use crate::render::diagnostics;
use crate::suggest::did_you_mean;
use crate::write::write_atomic;

/// Keys `plan set` changes as one value.
pub const SCALAR_KEYS: [&str; 8] = [
    "status",
    "period",
    "funding",
    "deadline",
    "owner",
    "title",
    "description",
    "follow_up",
];
/// Keys `plan set` changes as a list (`KEY=a,b`, `KEY+=x`, `KEY-=x`).
pub const LIST_KEYS: [&str; 5] = ["tracks", "locations", "partners", "tags", "depends_on"];
/// Keys an initiative cannot do without: `KEY=` is refused for these.
pub const REQUIRED_KEYS: [&str; 3] = ["title", "period", "tracks"];

/// One initiative file as a format-preserving document.
#[derive(Debug, Clone)]
pub struct InitiativeDoc {
    path: PathBuf,
    doc: DocumentMut,
    /// The file began with a byte-order mark: it is written back with one.
    bom: bool,
    /// The text as read (BOM removed), to tell whether anything changed.
    original: String,
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
        })
    }

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

    /// Writes the document over its file, atomically.
    pub fn write(&self) -> anyhow::Result<()> {
        let mut bytes = Vec::new();
        if self.bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend_from_slice(self.text().as_bytes());
        Ok(write_atomic(&self.path, &bytes, true)?)
    }

    fn root(&mut self) -> &mut Table {
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
                let last = array
                    .iter()
                    .last()
                    .and_then(|v| v.decor().prefix())
                    .and_then(|p| p.as_str())
                    .unwrap_or("\n    ");
                let indent = last.rsplit('\n').next().unwrap_or("    ");
                let prefix = format!("\n{indent}");
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

    fn multiline_array(&self, key: &str) -> bool {
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

    /// Adds a `[[log]]` note dated `date`, in date order (see [`history`]).
    pub fn append_log(&mut self, date: NaiveDate, text: &str) {
        self.add_note(date, text);
    }

    /// Replaces (or adds, in the canonical order of fields) a value, keeping the replaced
    /// value's decor: its end-of-line comment survives.
    fn replace_value(&mut self, key: &str, mut value: Value) {
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

    /// Applies one `plan set` change. Values are checked where only the command line can
    /// (dates, keys); everything else is checked with the plan's rules before writing.
    pub fn apply(&mut self, change: &Change, catalogue: &Catalogue) -> Result<(), Failure> {
        let key = change.key.as_str();
        match change.op {
            Op::Set if change.value.is_empty() => {
                if REQUIRED_KEYS.contains(&key) {
                    return Err(Failure::invalid(format!(
                        "`{key}` cannot be cleared: every initiative needs its {key}"
                    ))
                    .with_help(format!("set a new value instead: plan set ID {key}=…")));
                }
                self.remove(key);
            }
            Op::Set if LIST_KEYS.contains(&key) => {
                let items: Vec<String> = change
                    .value
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| canonical_item(key, s, catalogue))
                    .collect();
                self.set_list(key, &dedup(items));
            }
            Op::Set => match key {
                "deadline" => {
                    let date = parse_date(change.value.trim()).ok_or_else(|| {
                        Failure::invalid(crate::parse::date_error(
                            change.value.trim(),
                            "deadline=2017-06-30",
                        ))
                    })?;
                    self.set_date(key, date);
                }
                // Typed as the user sees them (`2. kvartal`, `færdig`), written as the format
                // spells them; anything else is written as typed and refused by the check.
                "period" => self.set_string(
                    key,
                    &period_from_user(&change.value)
                        .map_or_else(|| change.value.trim().to_string(), |p| p.to_string()),
                ),
                "status" => self.set_string(
                    key,
                    &status_from_user(&change.value)
                        .map_or_else(|| change.value.trim().to_string(), |s| s.to_string()),
                ),
                "funding" => self.set_string(
                    key,
                    &funding_from_user(&change.value)
                        .map_or_else(|| change.value.trim().to_string(), |f| f.to_string()),
                ),
                _ => self.set_string(key, &change.value),
            },
            Op::Add => {
                let item = canonical_item(key, change.value.trim(), catalogue);
                let present = self
                    .list(key)
                    .unwrap_or_default()
                    .iter()
                    .any(|i| same_item(key, i, &item, catalogue));
                if !present {
                    if self.doc.get(key).is_some() && self.list(key).is_none() {
                        // Not a list of strings today: replace it by a tidy list.
                        self.set_list(key, std::slice::from_ref(&item));
                    } else {
                        self.push_to_list(key, &item);
                    }
                }
            }
            Op::Remove => {
                let wanted = change.value.trim();
                let removed = self.remove_from_list(key, |i| same_item(key, i, wanted, catalogue));
                if removed == 0 {
                    let current = self.list(key).unwrap_or_default();
                    let help = did_you_mean(wanted, current.iter().map(String::as_str))
                        .unwrap_or_else(|| {
                            if current.is_empty() {
                                format!("`{key}` is empty")
                            } else {
                                format!("`{key}` is: {}", current.join(", "))
                            }
                        });
                    return Err(
                        Failure::invalid(format!("`{wanted}` is not in `{key}`")).with_help(help)
                    );
                }
            }
        }
        Ok(())
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
        array.remove(i);
        if let Some(next) = array.get_mut(i) {
            let rest = after_part(&raw(next.decor().prefix()));
            next.decor_mut().set_prefix(format!("{before}{rest}"));
        } else {
            let rest = after_part(array.trailing().as_str().unwrap_or(""));
            array.set_trailing(format!("{before}{rest}"));
        }
    }
}

fn tidy_array(items: &[String]) -> Array {
    let mut array: Array = items.iter().map(String::as_str).collect();
    array.fmt();
    array
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.iter().any(|o| fold(o) == fold(&item)) {
            out.push(item);
        }
    }
    out
}

/// Tracks and places are written by their canonical name when the catalogue knows them.
fn canonical_item(key: &str, typed: &str, catalogue: &Catalogue) -> String {
    let known = match key {
        "tracks" if Catalogue::is_cross_cutting(typed) => Some(crate::model::CROSS_CUTTING),
        "tracks" => catalogue.track(typed),
        "locations" => catalogue.location(typed),
        _ => None,
    };
    known.map_or_else(|| typed.to_string(), str::to_string)
}

/// Whether two list entries name the same thing: by canonical name for tracks and places,
/// else ignoring case and repeated spaces.
fn same_item(key: &str, a: &str, b: &str, catalogue: &Catalogue) -> bool {
    fold(&canonical_item(key, a, catalogue)) == fold(&canonical_item(key, b, catalogue))
}

/// The fields of a new initiative file, written in the format's order as the shipped files
/// are, with comment lines at the top.
#[derive(Clone, Debug, Default)]
pub struct NewInitiative {
    pub comments: Vec<String>,
    pub title: String,
    pub description: Option<String>,
    pub period: String,
    pub tracks: Vec<String>,
    pub locations: Vec<String>,
    pub partners: Vec<String>,
    pub depends_on: Vec<String>,
    pub status: String,
    pub deadline: Option<NaiveDate>,
    pub funding: Option<String>,
    pub owner: Option<String>,
    pub tags: Vec<String>,
    pub follow_up: Option<String>,
    /// The day it was added to the plan (`plan new` during the year).
    pub added: Option<NaiveDate>,
}

impl NewInitiative {
    /// The file's text. Empty lists and absent values are left out.
    pub fn render(&self) -> String {
        let mut doc = InitiativeDoc {
            path: PathBuf::new(),
            doc: DocumentMut::new(),
            bom: false,
            original: String::new(),
        };
        doc.set_string("title", &self.title);
        if let Some(d) = self.description.as_deref().filter(|d| !d.is_empty()) {
            doc.set_string("description", d);
        }
        doc.set_string("period", &self.period);
        doc.set_list("tracks", &self.tracks);
        for (key, list) in [
            ("locations", &self.locations),
            ("partners", &self.partners),
            ("depends_on", &self.depends_on),
        ] {
            if !list.is_empty() {
                doc.set_list(key, list);
            }
        }
        doc.set_string("status", &self.status);
        if let Some(deadline) = self.deadline {
            doc.set_date("deadline", deadline);
        }
        for (key, value) in [("funding", &self.funding), ("owner", &self.owner)] {
            if let Some(v) = value {
                doc.set_string(key, v);
            }
        }
        if !self.tags.is_empty() {
            doc.set_list("tags", &self.tags);
        }
        if let Some(f) = &self.follow_up {
            doc.set_string("follow_up", f);
        }
        if let Some(added) = self.added {
            doc.set_date("added", added);
        }
        let header: String = self
            .comments
            .iter()
            .flat_map(|c| c.lines())
            .map(|line| format!("# {}\n", crate::text::clean_line(line)).replace("# \n", "#\n"))
            .collect();
        if let Some(mut key) = doc.root().key_mut("title") {
            key.leaf_decor_mut().set_prefix(header);
        }
        doc.text()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `KEY=VALUE` (for lists, `KEY=a,b`; `KEY=` clears)
    Set,
    /// `KEY+=VALUE`
    Add,
    /// `KEY-=VALUE`
    Remove,
}

/// One `KEY=VALUE`, `KEY+=X` or `KEY-=X` from the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    pub op: Op,
    pub value: String,
}

impl Change {
    /// Parses one change; an unknown key or an operator that does not fit it is a usage
    /// error (exit 2).
    pub fn parse(text: &str) -> Result<Change, Failure> {
        let Some(eq) = text.find('=') else {
            return Err(Failure::usage(format!(
                "`{text}` is not a change: write KEY=VALUE, KEY+=VALUE or KEY-=VALUE"
            ))
            .with_help("e.g. plan set ID status=done tags+=frivillige deadline=2017-06-30"));
        };
        let (mut key, value) = (&text[..eq], &text[eq + 1..]);
        let mut op = Op::Set;
        if let Some(k) = key.strip_suffix('+') {
            (key, op) = (k, Op::Add);
        } else if let Some(k) = key.strip_suffix('-') {
            (key, op) = (k, Op::Remove);
        }
        let key = key.trim();
        let all: Vec<&str> = SCALAR_KEYS
            .iter()
            .chain(LIST_KEYS.iter())
            .copied()
            .collect();
        if key == "log" {
            return Err(Failure::usage("`log` is not changed with `plan set`")
                .with_help("add a dated note with: plan note ID \"text\""));
        }
        if !all.contains(&key) {
            let help = did_you_mean(key, all.iter().copied())
                .unwrap_or_else(|| format!("the keys are: {}", all.join(", ")));
            return Err(Failure::usage(format!("unknown key `{key}`")).with_help(help));
        }
        if op != Op::Set && !LIST_KEYS.contains(&key) {
            let sign = if op == Op::Add { "+=" } else { "-=" };
            return Err(Failure::usage(format!(
                "`{key}{sign}` only works on lists ({}); `{key}` has one value",
                LIST_KEYS.join(", ")
            ))
            .with_help(format!("write {key}=VALUE")));
        }
        if op != Op::Set && value.trim().is_empty() {
            return Err(Failure::usage(format!(
                "`{text}` names nothing to add or remove"
            )));
        }
        Ok(Change {
            key: key.to_string(),
            op,
            value: value.to_string(),
        })
    }
}

/// A `plan.toml` made from another (`source`: last year's, or the embedded default): the
/// catalogue, rules and their comments carried over, `[plan]` given a new title, year and
/// issue date, and `comments` as the file's heading.
pub fn manifest_for(
    source: &str,
    title: &str,
    year: i32,
    issued: Option<NaiveDate>,
    comments: &[String],
) -> Result<String, Failure> {
    let mut doc = source.parse::<DocumentMut>().map_err(|_| {
        Failure::invalid("the old plan.toml is not valid TOML")
            .with_help("run `plan check` in the old plan folder, and fix it first")
    })?;
    if !doc.contains_table("plan") {
        doc.as_table_mut().insert("plan", Item::Table(Table::new()));
    }
    let plan = doc["plan"].as_table_mut().expect("[plan] is a table");
    let keep_decor = |plan: &mut Table, key: &str, mut value: Value| match plan.get_mut(key) {
        Some(item) => {
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            plan.insert(key, Item::Value(value));
        }
    };
    keep_decor(plan, "title", Value::from(title));
    keep_decor(plan, "year", Value::from(i64::from(year)));
    match issued {
        Some(date) => keep_decor(
            plan,
            "issued",
            date.format("%Y-%m-%d")
                .to_string()
                .parse::<Value>()
                .expect("a date is a TOML value"),
        ),
        None => {
            plan.remove("issued");
        }
    }
    let heading: String = comments
        .iter()
        .flat_map(|c| c.lines())
        .map(|line| format!("# {}\n", crate::text::clean_line(line)).replace("# \n", "#\n"))
        .collect();
    plan.decor_mut().set_prefix(heading);
    Ok(doc.to_string())
}

/// `id` if no one has it, else `id-2`, `id-3`, … (kept within 64 characters).
pub fn unique_id(id: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == id) {
        return id.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let mut base = id.to_string();
            base.truncate(64 - suffix.len());
            format!("{}{suffix}", base.trim_end_matches('-'))
        })
        .find(|c| !taken.contains(c))
        .expect("some suffix is free")
}

/// The file of initiative `id` in a loaded plan: its index in `plan.files`.
pub fn find_file(plan: &Plan, id: &str) -> Result<usize, Failure> {
    // As `plan show` does: `udearealer.toml` or a path typed from a listing names the id.
    let id = id.trim().trim_end_matches(".toml");
    let id = id.rsplit('/').next().unwrap_or(id);
    let first = usize::from(plan.has_manifest);
    if is_valid_id(id) {
        if let Some(i) = (first..plan.files.len()).find(|&i| plan.files[i].stem() == id) {
            return Ok(i);
        }
    }
    let ids = plan.all_ids.iter().map(String::as_str);
    let help = did_you_mean(id, ids)
        .unwrap_or_else(|| "`plan list` shows the ids (an id is a file name without .toml)".into());
    Err(Failure::usage(format!("no initiative has the id `{id}`")).with_help(help))
}

/// What a change does to the plan's findings.
pub struct Checked {
    /// The plan as it would be after the change.
    pub plan: Plan,
    /// Errors in files that the change brings: any one refuses it.
    pub errors: Vec<Diagnostic>,
    /// Warnings it brings: shown, but the change is written.
    pub warnings: Vec<Diagnostic>,
}

/// Checks the plan with `changes` (relative path → new text) applied, with every rule of
/// `plan check`, and returns the findings that are new. Findings about the plan as a whole
/// (`min-per-track`) never refuse a change: a plan is filled one initiative at a time.
pub fn check_change(plan: &Plan, changes: &[(String, String)]) -> Checked {
    let key = |p: &Plan, d: &Diagnostic| {
        let file = d.file.map(|f| p.file(f).relative.clone());
        (d.rule, file, d.message.clone())
    };
    let mut before: HashMap<_, usize> = HashMap::new();
    for d in check(plan) {
        *before.entry(key(plan, &d)).or_default() += 1;
    }
    let after = with_files(plan, changes);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for d in check(&after) {
        if d.file.is_none() {
            continue;
        }
        if let Some(n) = before.get_mut(&key(&after, &d)).filter(|n| **n > 0) {
            *n -= 1;
            continue;
        }
        match d.severity {
            Severity::Error => errors.push(d),
            Severity::Warning => warnings.push(d),
        }
    }
    Checked {
        plan: after,
        errors,
        warnings,
    }
}

/// Checks a change; prints new warnings, and refuses (prints the errors, exit 1) when the
/// change brings an error. `what` names the change in the refusal ("`plans/x.toml`").
pub fn ensure_valid(
    plan: &Plan,
    changes: &[(String, String)],
    what: &str,
) -> Result<(), anyhow::Error> {
    let checked = check_change(plan, changes);
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    // Findings go to standard error without colour: they explain a refusal or a warning,
    // and standard output stays for what the command produced.
    diagnostics::text(&checked.plan, &checked.warnings, false, &mut err)?;
    if checked.errors.is_empty() {
        return Ok(());
    }
    diagnostics::text(&checked.plan, &checked.errors, false, &mut err)?;
    err.flush()?;
    let n = checked.errors.len();
    Err(Failure::invalid(format!(
        "{what} would not pass `plan check` ({n} error{}): nothing was written",
        if n == 1 { "" } else { "s" }
    ))
    .into())
}

#[cfg(test)]
mod tests;

pub mod history;
