//! Writing the dated history: `[[log]]` entries kept in date order, and the entry `plan set`
//! writes for each change of a field the history follows (see `assess::history`).

use chrono::NaiveDate;
use toml_edit::{value, Array, ArrayOfTables, InlineTable, Item, Table, Value};

use super::change::{text_as_list, LIST_KEYS};
use super::{string_value, InitiativeDoc};
use crate::error::Failure;

/// The fields whose changes `plan set` records, in the order an entry lists them: every
/// field a view shows or judges by. (The description and the follow-up are not dated: a
/// view as of a past day shows their text as it is now.)
pub const RECORDED_FIELDS: [&str; 11] = [
    "status",
    "funding",
    "period",
    "deadline",
    "tracks",
    "locations",
    "title",
    "owner",
    "partners",
    "tags",
    "depends_on",
];

/// A recorded field's value as written in the file: `None` when absent.
#[derive(Clone, Debug, PartialEq)]
pub enum Recorded {
    Text(String),
    /// A TOML date, as written (`2017-06-30`).
    Date(String),
    List(Vec<String>),
}

/// Whether `value` of `key` is one the files may hold, as far as a word field (`status`,
/// `funding`, `period`) goes: one of its words. Any other field's value: yes.
fn word_of_the_files(key: &str, value: Option<&Recorded>) -> bool {
    use crate::model::{Funding, Period, Status};
    let Some(Recorded::Text(word)) = value else {
        return true;
    };
    match key {
        "status" => Status::ALL.iter().any(|s| s.as_str() == word),
        "funding" => Funding::ALL.iter().any(|f| f.as_str() == word),
        "period" => Period::ALL.iter().any(|p| p.as_str() == word),
        _ => true,
    }
}

/// Whether two recorded values are one: lists as sets (the same places in another order
/// are no change of the initiative's places, only of how the file lists them).
fn same(a: &Option<Recorded>, b: &Option<Recorded>) -> bool {
    match (a, b) {
        (Some(Recorded::List(a)), Some(Recorded::List(b))) => {
            let (mut a, mut b) = (a.clone(), b.clone());
            a.sort_unstable();
            b.sort_unstable();
            a == b
        }
        _ => a == b,
    }
}

impl Recorded {
    fn to_value(&self) -> Value {
        match self {
            Recorded::Text(text) => Value::from(text.as_str()),
            Recorded::Date(date) => date
                .parse::<Value>()
                .unwrap_or_else(|_| Value::from(date.as_str())),
            Recorded::List(items) => {
                let mut array: Array = items.iter().map(String::as_str).collect();
                array.fmt();
                Value::Array(array)
            }
        }
    }
}

impl InitiativeDoc {
    /// The values of the recorded fields, as written now (a date as `2017-06-30`).
    pub fn recorded_values(&self) -> Vec<(&'static str, Option<Recorded>)> {
        RECORDED_FIELDS
            .iter()
            .map(|key| {
                let item = self.doc.get(key);
                let value = match item.and_then(Item::as_value) {
                    // A list field is read as `set` reads it (tags written as one text too).
                    Some(Value::String(s)) if LIST_KEYS.contains(key) => {
                        Some(Recorded::List(text_as_list(s.value())))
                    }
                    Some(Value::String(s)) => Some(Recorded::Text(s.value().clone())),
                    Some(Value::Datetime(d)) => Some(Recorded::Date(d.value().to_string())),
                    Some(Value::Array(_)) => self.list(key).map(Recorded::List),
                    _ => None,
                };
                // `status` left out is `planned`, a list left out is empty: the change from
                // it is recorded as such (`from = []`, which the history reads either way).
                let value = match (*key, value) {
                    ("status", None) => Some(Recorded::Text("planned".into())),
                    (key, None) if LIST_KEYS.contains(&key) && key != "tracks" => {
                        Some(Recorded::List(Vec::new()))
                    }
                    (_, value) => value,
                };
                (*key, value)
            })
            .collect()
    }

    /// Records the changes between `before` (from [`Self::recorded_values`]) and now as one
    /// `[[log]]` entry dated `date`, in date order; returns the fields it records. Nothing is
    /// written when no recorded field changed.
    pub fn record_changes(
        &mut self,
        date: NaiveDate,
        before: &[(&'static str, Option<Recorded>)],
    ) -> Result<Vec<&'static str>, Failure> {
        self.record_changes_as(date, before, &|_, value| value)
    }

    /// [`Self::record_changes`], the values now read through `names` as `before`'s were
    /// (`plan set`: track and place names as the catalogue spells them, so that an alias
    /// written again as its name is no change).
    pub fn record_changes_as(
        &mut self,
        date: NaiveDate,
        before: &[(&'static str, Option<Recorded>)],
        names: &dyn Fn(&'static str, Option<Recorded>) -> Option<Recorded>,
    ) -> Result<Vec<&'static str>, Failure> {
        let after: Vec<_> = self
            .recorded_values()
            .into_iter()
            .map(|(key, value)| (key, names(key, value)))
            .collect();
        // A value no file may hold (`period=Q5`) is refused by the check of the changed
        // file, at the field: not recorded, so that it is not refused a second time in the
        // entry ("`Q5` is not a valid period", twice).
        let changes: Vec<(&'static str, Option<Recorded>, Option<Recorded>)> = before
            .iter()
            .zip(after)
            .filter(|(_, (key, new))| word_of_the_files(key, new.as_ref()))
            .map(|((key, old), (_, new))| (*key, old.clone(), new))
            .collect();
        // A back-dated change of a field whose history goes on after that day would land
        // before that later change, and the file (set to the new value) would not end where
        // its history does. (`plan history --from-git` records past changes through
        // [`Self::record`], leaving the file's values as they are: that is its purpose.)
        let changed: Vec<&'static str> = changes
            .iter()
            .filter(|(_, old, new)| !same(old, new))
            .map(|(key, _, _)| *key)
            .collect();
        if !changed.is_empty() {
            self.refuse_before_added(date, "change")?;
        }
        if let Some((key, later)) = self.changed_after(date, &changed) {
            return Err(Failure::invalid(format!(
                "`{key}` of `{}` has a change recorded on {later}, after {date}: a change dated {date} would come before it, so the history would not end at the value set; nothing was written",
                self.display
            ))
            .with_help(format!(
                "give a date on or after {later} (plan --today {later} set …), or write the earlier entry in [[log]] by hand"
            )));
        }
        self.record(date, &changes)
    }

    /// Records `changes` (field, from, to) as one `[[log]]` entry dated `date`, in date order;
    /// a change whose from and to are equal (lists in any order) is left out. Returns the fields recorded. A `log`
    /// that is not a list of entries (`[log]`, `log = "…"`) refuses it: nothing is recorded
    /// over it.
    pub fn record(
        &mut self,
        date: NaiveDate,
        changes: &[(&'static str, Option<Recorded>, Option<Recorded>)],
    ) -> Result<Vec<&'static str>, Failure> {
        let mut entry = Table::new();
        entry.insert("date", value(toml_date(date)));
        let mut changed = Vec::new();
        for (key, old, new) in changes {
            if same(old, new) {
                continue;
            }
            let mut change = InlineTable::new();
            if let Some(old) = old {
                change.insert("from", old.to_value());
            }
            if let Some(new) = new {
                change.insert("to", new.to_value());
            }
            change.fmt();
            entry.insert(key, value(change));
            changed.push(*key);
        }
        if changed.is_empty() {
            return Ok(changed);
        }
        if !self.log_is_a_list() {
            return Err(Failure::invalid(format!(
                "`log` in `{}` is not a list of [[log]] entries, so the change cannot be recorded: nothing was written",
                self.display
            ))
            .with_help("write each entry as a table: [[log]] with date = YYYY-MM-DD on the line below; then run the command again"));
        }
        self.insert_log_entry(date, entry);
        Ok(changed)
    }

    /// Refuses a `[[log]]` entry (`what`: "change", "note") dated before the day the
    /// initiative was `added` to the plan: before it, the initiative is not in the plan, and
    /// the entry would never be read.
    pub fn refuse_before_added(&self, date: NaiveDate, what: &str) -> Result<(), Failure> {
        let added = self
            .doc
            .get("added")
            .and_then(Item::as_value)
            .and_then(value_date);
        match added {
            Some(added) if date < added => Err(Failure::invalid(format!(
                "`{}` was added to the plan on {added}: a {what} dated {date} would come before the initiative existed; nothing was written",
                self.display
            ))
            .with_help(format!(
                "give a date on or after {added} (plan --today {added} …), or change `added` if the initiative was in the plan earlier"
            ))),
            _ => Ok(()),
        }
    }

    /// Whether `log` is absent, `[[log]]` entries, or a list of inline tables.
    pub(super) fn log_is_a_list(&self) -> bool {
        match self.doc.get("log") {
            None | Some(Item::ArrayOfTables(_)) => true,
            Some(Item::Value(Value::Array(entries))) => entries.iter().all(Value::is_inline_table),
            _ => false,
        }
    }

    /// Adds a note dated `date`, after the entries of that day and before later ones.
    pub fn add_note(&mut self, date: NaiveDate, text: &str) {
        let mut entry = Table::new();
        entry.insert("date", value(toml_date(date)));
        entry.insert("text", Item::Value(string_value(text, text.contains('\n'))));
        self.insert_log_entry(date, entry);
    }

    /// The first of `keys` that a `[[log]]` entry dated after `date` changes, with the latest
    /// such date: `None` when the history of every key ends on or before `date`.
    fn changed_after(
        &self,
        date: NaiveDate,
        keys: &[&'static str],
    ) -> Option<(&'static str, NaiveDate)> {
        let entries: Vec<(Option<NaiveDate>, Vec<&str>)> = match self.doc.get("log") {
            Some(Item::ArrayOfTables(entries)) => entries
                .iter()
                .map(|t| (table_date(t), t.iter().map(|(k, _)| k).collect()))
                .collect(),
            Some(Item::Value(Value::Array(entries))) => entries
                .iter()
                .filter_map(Value::as_inline_table)
                .map(|t| {
                    let date = t.get("date").and_then(value_date);
                    (date, t.iter().map(|(k, _)| k).collect())
                })
                .collect(),
            _ => Vec::new(),
        };
        keys.iter().find_map(|&key| {
            entries
                .iter()
                .filter(|(d, keys)| d.is_some_and(|d| d > date) && keys.contains(&key))
                .filter_map(|(d, _)| *d)
                .max()
                .map(|later| (key, later))
        })
    }

    /// Inserts `entry` into `[[log]]` after the last entry dated on or before `date` (or
    /// without a readable date), so that a back-dated entry lands where its date belongs.
    fn insert_log_entry(&mut self, date: NaiveDate, mut entry: Table) {
        // A blank line before each entry, as in the shipped files.
        entry.decor_mut().set_prefix("\n");
        let date_of = table_date;
        match self.doc.get_mut("log") {
            Some(Item::ArrayOfTables(entries)) => {
                let at = entries
                    .iter()
                    .collect::<Vec<_>>()
                    .iter()
                    .rposition(|t| date_of(t).is_none_or(|d| d <= date))
                    .map_or(0, |i| i + 1);
                if at == entries.len() {
                    entries.push(entry);
                    return;
                }
                // Tables of an array are written in the order of their positions: the entries
                // are pushed again in the new order, each given the position of the one it
                // follows, so that what comes after the log stays after it.
                let mut tables: Vec<Table> = entries.iter().cloned().collect();
                let positions: Vec<Option<isize>> = tables.iter().map(Table::position).collect();
                tables.insert(at, entry);
                let mut rebuilt = ArrayOfTables::new();
                let mut last = positions.first().copied().flatten();
                for (i, mut table) in tables.into_iter().enumerate() {
                    let position = if i < at {
                        positions[i]
                    } else if i == at {
                        last
                    } else {
                        positions[i - 1]
                    };
                    if let Some(p) = position {
                        table.set_position(Some(p));
                        last = Some(p);
                    }
                    rebuilt.push(table);
                }
                *entries = rebuilt;
            }
            Some(Item::Value(Value::Array(entries))) => {
                let at = entries
                    .iter()
                    .collect::<Vec<_>>()
                    .iter()
                    .rposition(|v| {
                        v.as_inline_table()
                            .and_then(|t| t.get("date"))
                            .and_then(value_date)
                            .is_none_or(|d| d <= date)
                    })
                    .map_or(0, |i| i + 1);
                let mut inline = entry.into_inline_table();
                inline.fmt();
                entries.insert(at, inline);
            }
            _ => {
                // Comments at the end of a file without a log belong to its fields (a cleared
                // field's comment is kept there): they stay above the first entry.
                let trailing = self.doc.trailing().as_str().unwrap_or("").to_string();
                if !trailing.trim().is_empty() {
                    let comments = if trailing.ends_with('\n') {
                        trailing
                    } else {
                        format!("{trailing}\n")
                    };
                    entry.decor_mut().set_prefix(format!("{comments}\n"));
                    self.doc.set_trailing("");
                }
                let mut entries = ArrayOfTables::new();
                entries.push(entry);
                self.root().insert("log", Item::ArrayOfTables(entries));
            }
        }
    }
}

/// The `date` of a `[[log]]` entry, when it is a valid TOML date.
fn table_date(entry: &Table) -> Option<NaiveDate> {
    entry
        .get("date")
        .and_then(Item::as_value)
        .and_then(value_date)
}

/// A TOML date value as a date; `None` for any other value.
fn value_date(value: &Value) -> Option<NaiveDate> {
    let d = value.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

/// A date as a TOML date value.
fn toml_date(date: NaiveDate) -> Value {
    date.format("%Y-%m-%d")
        .to_string()
        .parse::<Value>()
        .expect("a date is a TOML value")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn doc(text: &str) -> InitiativeDoc {
        InitiativeDoc::parse(Path::new("x.toml"), "x.toml", text.as_bytes()).unwrap()
    }

    const FILE: &str = "title = \"X\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndate = 2017-02-01\ntext = \"a\"\n\n[[log]]\ndate = 2017-05-01\ntext = \"c\"\n";

    #[test]
    fn a_back_dated_note_lands_where_its_date_belongs() {
        let mut d1 = doc(FILE);
        d1.add_note(d("2017-03-01"), "b");
        let text = d1.text();
        let (a, b, c) = (
            text.find("\"a\"").unwrap(),
            text.find("\"b\"").unwrap(),
            text.find("\"c\"").unwrap(),
        );
        assert!(a < b && b < c, "{text}");
        // Before every entry, and after every entry.
        let mut d2 = doc(FILE);
        d2.add_note(d("2017-01-01"), "first");
        d2.add_note(d("2017-12-01"), "last");
        let text = d2.text();
        assert!(
            text.find("first").unwrap() < text.find("\"a\"").unwrap(),
            "{text}"
        );
        assert!(
            text.find("last").unwrap() > text.find("\"c\"").unwrap(),
            "{text}"
        );
    }

    #[test]
    fn a_change_is_recorded_with_where_it_came_from() {
        let mut d1 = doc(FILE);
        let before = d1.recorded_values();
        d1.set_string("status", "postponed");
        d1.set_string("period", "Q3");
        let recorded = d1.record_changes(d("2017-04-03"), &before).unwrap();
        assert_eq!(recorded, ["status", "period"]);
        let text = d1.text();
        assert!(
            text.contains("[[log]]\ndate = 2017-04-03\nstatus = { from = \"planned\", to = \"postponed\" }\nperiod = { from = \"Q1\", to = \"Q3\" }\n"),
            "{text}"
        );
        assert!(text.find("2017-04-03").unwrap() < text.find("2017-05-01").unwrap());
        // Nothing recorded when nothing recorded changed.
        let before = d1.recorded_values();
        assert!(d1
            .record_changes(d("2017-04-04"), &before)
            .unwrap()
            .is_empty());
        // A log in another shape is not written over.
        let mut d2 = doc("title = \"X\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\nlog = \"t\"\n");
        let before = d2.recorded_values();
        d2.set_string("status", "active");
        assert!(d2.record_changes(d("2017-04-03"), &before).is_err());
    }
}
