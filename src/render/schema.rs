//! JSON Schemas (draft 2020-12) of the two kinds of file, for editors: taplo and Even
//! Better TOML read a `#:schema ./.plan/schema/initiative.json` line at the top of a TOML
//! file and give completion, descriptions and errors while typing.
//!
//! The initiative schema allows the plan's own track and place names and their aliases
//! (as the catalogue spells them; `plan` itself also takes any case) and "Alle spor". Every
//! key has a description, from the tables below, which tests keep equal to the keys the
//! parser reads (`parse::INITIATIVE_FIELDS`, the manifest's keys). A schema depends only on
//! the catalogue (and the rule names), so that `plan check` can tell when a written one no
//! longer matches it.

use serde_json::{json, Map, Value};

use crate::check::Rule;
use crate::model::{Catalogue, Funding, Period, Status};

/// Where `plan schema --write` puts the schemas, relative to the plan folder.
pub const SCHEMA_DIR: &str = ".plan/schema";

/// The two schemas: which file each describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// An initiative file (`plans/q2/laeseklub.toml`).
    Initiative,
    /// The plan's `plan.toml`.
    Manifest,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 2] = [SchemaKind::Initiative, SchemaKind::Manifest];

    /// The schema's file name in [`SCHEMA_DIR`].
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Initiative => "initiative.json",
            SchemaKind::Manifest => "manifest.json",
        }
    }
}

/// Each key of an initiative file with its description (the order of `INITIATIVE_FIELDS`).
pub const INITIATIVE_KEYS: [(&str, &str); 16] = [
    ("title", "What the initiative is, in a line (required)."),
    ("description", "The initiative in full; text over several lines in \"\"\" … \"\"\"."),
    ("period", "When it is due: \"year\" for the whole year, or the quarter \"Q1\"…\"Q4\" (required)."),
    ("tracks", "The plan's tracks the initiative is on, by name or alias; \"Alle spor\" when it touches every track (required, at least one)."),
    ("locations", "The places (libraries, areas) where it happens, by name or alias."),
    ("partners", "Who the library works with on it."),
    ("depends_on", "Ids (file names without .toml) of initiatives that must be done first."),
    ("status", "Where it stands: planned (the default), active, done, postponed or cancelled."),
    ("deadline", "A date it must be done by, as a TOML date without quotes: 2017-06-30."),
    ("funding", "Money for it: none, pending (waiting: the initiative is at risk), granted or denied."),
    ("owner", "Who is responsible."),
    ("tags", "Free words to find it by (`plan list --tag`)."),
    ("follow_up", "What comes after it, e.g. in next year's plan (`plan init --from`)."),
    ("added", "The day it was added to the plan (written by `plan new`); before it, it is not part of the plan."),
    ("log", "The dated history, in date order: [[log]] with a date, a note (text) and/or the changes it records, e.g. status = { from = \"planned\", to = \"active\" } (`plan note`, `plan set`)."),
    ("plan", "Which plan the file belongs to; accepted and not used."),
];

/// `[plan]`'s keys with their descriptions.
pub const PLAN_KEYS: [(&str, &str); 5] = [
    ("title", "The plan's title, as on the memo (required)."),
    ("year", "The plan year, four digits (required)."),
    ("owner", "Who issued the plan."),
    (
        "issued",
        "The date the plan was issued, as a TOML date: 2016-12-14.",
    ),
    (
        "language",
        "The language of reports and status: \"da\" (Danish) or \"en\" (English).",
    ),
];

/// `[rules]`'s keys with their descriptions.
pub const RULES_KEYS: [(&str, &str); 4] = [
    (
        "min_per_track",
        "At least this many initiatives on each track in the year (rule min-per-track).",
    ),
    (
        "cross_cutting_counts",
        "Whether \"Alle spor\" initiatives count toward every track's minimum.",
    ),
    (
        "min_per_location",
        "At least this many initiatives in each place (rule min-per-location); off when absent.",
    ),
    (
        "severity",
        "Rules turned up or down: rule name = \"error\", \"warning\" or \"off\".",
    ),
];

/// The schema of `kind` for a plan with `catalogue`.
pub fn schema(kind: SchemaKind, catalogue: &Catalogue) -> Value {
    match kind {
        SchemaKind::Initiative => initiative(catalogue),
        SchemaKind::Manifest => manifest(),
    }
}

/// The schema as written to a file and printed: pretty JSON ending in a line break.
pub fn schema_text(kind: SchemaKind, catalogue: &Catalogue) -> String {
    let mut text = serde_json::to_string_pretty(&schema(kind, catalogue))
        .expect("a JSON value always serializes");
    text.push('\n');
    text
}

fn described(keys: &[(&str, &str)], mut properties: Vec<(&str, Value)>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, description) in keys {
        let at = properties
            .iter()
            .position(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("no schema for `{key}`"));
        let (_, mut value) = properties.remove(at);
        if let Value::Object(map) = &mut value {
            map.insert("description".into(), json!(description));
        }
        out.insert((*key).into(), value);
    }
    out
}

fn names<'a>(pairs: impl Iterator<Item = (&'a String, &'a Vec<String>)>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for (name, aliases) in pairs {
        for spelling in std::iter::once(name).chain(aliases) {
            if !out.contains(&spelling.as_str()) {
                out.push(spelling);
            }
        }
    }
    out
}

/// One of `names`: as the catalogue spells them (what an editor offers), or in any other
/// case, as `plan` reads them (a pattern, since JSON Schema has no case-blind `enum`).
fn any_case(names: &[&str]) -> Value {
    let alternatives: Vec<String> = names.iter().map(|n| case_blind(n)).collect();
    json!({
        "type": "string",
        "anyOf": [
            {"enum": names},
            {"pattern": format!("^(?:{})$", alternatives.join("|"))}
        ]
    })
}

/// A regular expression (ECMA 262) for `name` in any case: `[hH][yY]…`.
fn case_blind(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let lower: Vec<char> = c.to_lowercase().collect();
        let upper: Vec<char> = c.to_uppercase().collect();
        match (lower.as_slice(), upper.as_slice()) {
            ([l], [u]) if l != u => out.extend(['[', *l, *u, ']']),
            _ if "\\^$.|?*+()[]{}".contains(c) => out.extend(['\\', c]),
            _ => out.push(c),
        }
    }
    out
}

const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

fn date() -> Value {
    // A TOML date reaches a JSON Schema validator as a string (taplo's, and the tests').
    json!({"type": "string", "format": "date", "pattern": DATE})
}

/// A change recorded in a `[[log]]` entry: the new value, or `{ from, to }`.
fn changed(value: Value) -> Value {
    json!({
        "description": "A recorded change: the new value, or { from = …, to = … } (to left out: the field was removed).",
        "anyOf": [
            value.clone(),
            {"type": "object", "additionalProperties": false, "properties": {"from": value.clone(), "to": value}}
        ]
    })
}

fn strings() -> Value {
    json!({"type": "array", "items": {"type": "string"}})
}

fn initiative(catalogue: &Catalogue) -> Value {
    let mut tracks = names(catalogue.tracks.iter().map(|t| (&t.name, &t.aliases)));
    for spelling in Catalogue::cross_cutting_spellings() {
        tracks.push(spelling);
    }
    let places = names(catalogue.locations.iter().map(|l| (&l.name, &l.aliases)));
    let words = |all: Vec<&'static str>| json!({"type": "string", "enum": all});
    let properties = described(
        &INITIATIVE_KEYS,
        vec![
            ("title", json!({"type": "string", "minLength": 1})),
            ("description", json!({"type": "string"})),
            (
                "period",
                words(Period::ALL.iter().map(|p| p.as_str()).collect()),
            ),
            (
                "tracks",
                json!({"type": "array", "minItems": 1, "items": any_case(&tracks)}),
            ),
            (
                "locations",
                json!({"type": "array", "items": any_case(&places)}),
            ),
            ("partners", strings()),
            (
                "depends_on",
                json!({"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"}}),
            ),
            (
                "status",
                words(Status::ALL.iter().map(|s| s.as_str()).collect()),
            ),
            ("deadline", date()),
            (
                "funding",
                words(Funding::ALL.iter().map(|f| f.as_str()).collect()),
            ),
            ("owner", json!({"type": "string"})),
            ("tags", strings()),
            ("follow_up", json!({"type": "string"})),
            ("added", date()),
            (
                "log",
                json!({
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["date"],
                        "properties": {
                            "date": {"description": "The day of the note or change.", "type": "string", "format": "date", "pattern": DATE},
                            "text": {"description": "What happened.", "type": "string", "minLength": 1},
                            "status": changed(words(Status::ALL.iter().map(|s| s.as_str()).collect())),
                            "funding": changed(words(Funding::ALL.iter().map(|f| f.as_str()).collect())),
                            "period": changed(words(Period::ALL.iter().map(|p| p.as_str()).collect())),
                            "deadline": changed(date()),
                            "tracks": changed(json!({"type": "array", "items": any_case(&tracks)})),
                            "locations": changed(json!({"type": "array", "items": any_case(&places)})),
                            "title": changed(json!({"type": "string", "minLength": 1})),
                            "owner": changed(json!({"type": "string"})),
                            "partners": changed(strings()),
                            "tags": changed(strings()),
                            "depends_on": changed(json!({"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"}})),
                        }
                    }
                }),
            ),
            ("plan", json!({})),
        ],
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "An initiative of the plan",
        "description": "One initiative of a yearly action plan (plan). Written by `plan schema --write` from the plan's catalogue; `plan check` says when it is out of date.",
        "type": "object",
        "additionalProperties": false,
        "required": ["title", "period", "tracks"],
        "properties": properties,
    })
}

fn manifest() -> Value {
    let count = || json!({"type": "integer", "minimum": 0});
    let plan = described(
        &PLAN_KEYS,
        vec![
            ("title", json!({"type": "string", "minLength": 1})),
            (
                "year",
                json!({"type": "integer", "minimum": 1900, "maximum": 2999}),
            ),
            ("owner", json!({"type": "string"})),
            ("issued", date()),
            ("language", json!({"type": "string", "enum": ["da", "en"]})),
        ],
    );
    let rule_names: Vec<&str> = Rule::all().iter().map(|r| r.name()).collect();
    let rules = described(
        &RULES_KEYS,
        vec![
            ("min_per_track", count()),
            ("cross_cutting_counts", json!({"type": "boolean"})),
            ("min_per_location", count()),
            (
                "severity",
                json!({
                    "type": "object",
                    "propertyNames": {"enum": rule_names},
                    "additionalProperties": {"type": "string", "enum": ["error", "warning", "off"]}
                }),
            ),
        ],
    );
    let entry = |what: &str| {
        json!({
            "type": "array",
            "description": format!("The plan's {what}s: [[{what}]] with a name and its aliases (other spellings)."),
            "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["name"],
                "properties": {
                    "name": {"description": format!("The {what}'s name, as reports show it."), "type": "string", "minLength": 1},
                    "aliases": {"description": "Other spellings that mean it (any case).", "type": "array", "items": {"type": "string"}}
                }
            }
        })
    };
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "plan.toml",
        "description": "The plan: its title and year, its rules and its catalogue of tracks and places.",
        "type": "object",
        "additionalProperties": false,
        "required": ["plan"],
        "properties": {
            "plan": {"description": "The plan itself.", "type": "object", "additionalProperties": false, "required": ["title", "year"], "properties": plan},
            "rules": {"description": "The plan's rules.", "type": "object", "additionalProperties": false, "properties": rules},
            "track": entry("track"),
            "location": entry("location"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_parser_reads_has_a_description() {
        let keys: Vec<&str> = INITIATIVE_KEYS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, crate::parse::INITIATIVE_FIELDS);
        let schema = schema(SchemaKind::Initiative, &Catalogue::default());
        for (key, value) in schema["properties"].as_object().unwrap() {
            assert!(value["description"].is_string(), "{key}");
        }
        assert_eq!(case_blind("Viden & v.1"), "[vV][iI][dD][eE][nN] & [vV]\\.1");
        let manifest = schema_text(SchemaKind::Manifest, &Catalogue::default());
        assert!(manifest.contains("min_per_location") && manifest.ends_with("}\n"));
    }
}
