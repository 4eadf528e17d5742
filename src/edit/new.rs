//! New files: the text of a new initiative (`plan new`, `plan import`, `plan init --from`),
//! a `plan.toml` made from another, and a free id.

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item, Table, Value};

use crate::error::Failure;

use super::InitiativeDoc;

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
        let mut doc = InitiativeDoc::empty();
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

/// `id` if no one has it, else `id-2`, `id-3`, … (kept within 64 characters). A name
/// Windows reserves (`con`, `nul`, …, see [`crate::slug::is_reserved`]) counts as taken.
pub fn unique_id<S: AsRef<str>>(id: &str, taken: &[S]) -> String {
    let is_taken = |c: &str| taken.iter().any(|t| t.as_ref() == c);
    if !is_taken(id) && !crate::slug::is_reserved(id) {
        return id.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            // Cut after a whole word, as a long title's id is.
            let base = crate::text::cut_at_word(id, 64 - suffix.len(), '-');
            format!("{}{suffix}", base.trim_end_matches('-'))
        })
        .find(|c| !is_taken(c))
        .expect("some suffix is free")
}
