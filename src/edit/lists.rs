//! List fields (`tracks`, `tags`, …): read as text, set tidily, and changed one value at a
//! time so that a list written over several lines keeps its layout and the comment beside
//! each value.

use toml_edit::{Array, Item, Value};

use super::{InitiativeDoc, REQUIRED_KEYS};

impl InitiativeDoc {
    /// The strings of a list field, or `None` when it is absent or not a list of strings.
    pub fn list(&self, key: &str) -> Option<Vec<String>> {
        let array = self.doc.get(key)?.as_array()?;
        array
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect()
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

fn tidy_array(items: &[String]) -> Array {
    let mut array: Array = items.iter().map(String::as_str).collect();
    array.fmt();
    array
}
