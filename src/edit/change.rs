//! What `plan set` understands: one `KEY=VALUE`, `KEY+=X` or `KEY-=X` from the command line,
//! and how it is applied to an initiative's document.

use toml_edit::{Item, Value};

use crate::error::Failure;
use crate::i18n::{funding_from_user, period_from_user, status_from_user};
use crate::model::{catalogue_fold as fold, Catalogue};
use crate::parse::parse_date;
use crate::suggest::did_you_mean;

use super::InitiativeDoc;

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

/// A list field written as one text (`tags = "kultur, børn"`) as the list it means: its
/// comma-separated parts, trimmed, empty ones left out.
pub(super) fn text_as_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}
/// Keys an initiative cannot do without: `KEY=` is refused for these.
pub const REQUIRED_KEYS: [&str; 3] = ["title", "period", "tracks"];

impl InitiativeDoc {
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
                let items = dedup(items);
                if self.multiline_array(key) && self.list(key).is_some() {
                    // A list over several lines keeps its layout and the comments beside the
                    // values that stay; the new values are added at its end.
                    self.remove_from_list(key, |i| {
                        !items.iter().any(|n| same_item(key, i, n, catalogue))
                    });
                    for item in &items {
                        let present = self
                            .list(key)
                            .unwrap_or_default()
                            .iter()
                            .any(|i| same_item(key, i, item, catalogue));
                        if !present {
                            self.push_to_list(key, item);
                        }
                    }
                } else {
                    self.set_list(key, &items);
                }
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
            Op::Add | Op::Remove => {
                // A list written as one text (`tags = "kultur, børn"`) becomes a list of its
                // comma-separated parts; a list with values that are not text is refused.
                self.list_as_written(key)?;
            }
        }
        match change.op {
            Op::Set => {}
            Op::Add => {
                let item = canonical_item(key, change.value.trim(), catalogue);
                let present = self
                    .list(key)
                    .unwrap_or_default()
                    .iter()
                    .any(|i| same_item(key, i, &item, catalogue));
                if !present {
                    self.push_to_list(key, &item);
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

impl InitiativeDoc {
    /// Makes `key` a list of text that `+=` and `-=` can work on, without losing a value:
    /// absent or a list of text, it is left as it is; one text is turned into the list of
    /// its comma-separated parts (as `KEY=a,b` is read); anything else (a number, a table,
    /// a list with a value that is not text) refuses the change.
    fn list_as_written(&mut self, key: &str) -> Result<(), Failure> {
        let Some(item) = self.doc.get(key) else {
            return Ok(());
        };
        if self.list(key).is_some() {
            return Ok(());
        }
        if let Some(text) = item.as_str() {
            let parts = text_as_list(text);
            self.set_list(key, &parts);
            return Ok(());
        }
        let what = match item {
            Item::Value(Value::Array(_)) => "a list with values that are not text",
            Item::Value(Value::InlineTable(_)) | Item::Table(_) => "a table",
            Item::ArrayOfTables(_) => "a list of tables",
            _ => "not text",
        };
        Err(Failure::invalid(format!(
            "`{key}` in `{}` is {what}, not a list of text: nothing was written",
            self.display
        ))
        .with_help(format!(
            "change it by hand into a list such as {key} = [\"a\", \"b\"] (`plan check` shows where), or replace it: plan set ID {key}=a,b"
        )))
    }
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
