//! `plan.toml` into a [`Manifest`]: the plan, its rules and its catalogue, with whatever it
//! leaves out taken from the embedded default (the 2017 Roskilde catalogue).

use std::collections::HashMap;

use std::cell::OnceCell;

use toml::de::DeValue;
use toml::Spanned;

use super::reader::{parse_toml, Reader, Table};
use crate::check::{catalogue, fields, pasted, values, Diagnostic, Rule, Severity};
use crate::load::source::SourceFile;
use crate::model::names::from_name;
use crate::model::{Location, Manifest, PlanInfo, Rules, Track};

/// The embedded default manifest: the 2017 Roskilde catalogue.
pub const DEFAULT_MANIFEST: &str = include_str!("../model/default_plan.toml");

pub fn default_manifest() -> Manifest {
    let source = SourceFile {
        root: std::sync::Arc::new(crate::load::source::Root {
            dir: "<default>".into(),
            display: "<default>".into(),
        }),
        relative: "plan.toml".into(),
        text: DEFAULT_MANIFEST.to_string(),
        problem: None,
        released: None,
        reread: std::sync::OnceLock::new(),
        lines: Default::default(),
    };
    let mut diags = Vec::new();
    let manifest = manifest_with_fallback(0, &source, None, &mut diags);
    debug_assert!(
        diags.is_empty(),
        "the embedded default manifest has problems: {diags:?}"
    );
    manifest
}

/// Reads `plan.toml`. Parts it leaves out fall back to the embedded default catalogue, so a
/// manifest may hold only `[plan]`.
pub fn manifest(file: usize, source: &SourceFile, diags: &mut Vec<Diagnostic>) -> Manifest {
    let fallback = default_manifest();
    manifest_with_fallback(file, source, Some(fallback), diags)
}

fn manifest_with_fallback(
    file: usize,
    source: &SourceFile,
    fallback: Option<Manifest>,
    diags: &mut Vec<Diagnostic>,
) -> Manifest {
    let before = diags.len();
    let text = pasted::repair(&source.text);
    let blanked = OnceCell::new();
    let table = parse_toml(file, source, &text, &blanked, diags).unwrap_or_default();
    // Only syntax errors: a `toml-portability` warning does not stop the other checks.
    // A file that could not be read at all (`unreadable`) has no keys to miss either.
    let had_syntax_errors =
        source.problem.is_some() || diags[before..].iter().any(|d| d.rule == Rule::Syntax);
    let mut r = Reader { file, diags };
    r.unknown_keys(&table, &["plan", "rules", "track", "location"], "plan.toml");

    let mut info = fallback
        .as_ref()
        .map(|m| m.plan.clone())
        .unwrap_or(PlanInfo {
            title: String::new(),
            year: 2017,
            owner: None,
            issued: None,
            language: "da".into(),
        });
    match table.get("plan").map(|v| (v, v.get_ref())) {
        Some((_, DeValue::Table(plan))) => {
            r.unknown_keys(
                plan,
                &["title", "year", "owner", "issued", "language"],
                "[plan]",
            );
            if let Some(title) = r.text(plan, "title") {
                info.title = title.into_inner();
            } else if !plan.contains_key("title") && !had_syntax_errors {
                r.missing("title", "[plan]", "title = \"Handleplan 2018\"");
            }
            match plan.get("year") {
                Some(v) => match v.get_ref() {
                    n if super::reader::unreadable_number(n).is_some() => {}
                    DeValue::Integer(i) => match i.as_str().parse::<i32>() {
                        Ok(y) if (1900..=2999).contains(&y) => info.year = y,
                        _ => r.push(values::not_a_year(file, i.as_str(), v.span())),
                    },
                    _ => r.wrong_type(
                        "year",
                        v,
                        "a year such as 2017",
                        "write the year as a number, without quotes: year = 2017".into(),
                    ),
                },
                None if !had_syntax_errors => r.missing("year", "[plan]", "year = 2017"),
                None => {}
            }
            info.owner = r
                .string(plan, "owner")
                .map(Spanned::into_inner)
                .or(info.owner);
            if plan.contains_key("issued") {
                info.issued = r.date(plan, "issued").map(Spanned::into_inner);
            }
            if let Some(lang) = r.choice(
                plan,
                "language",
                &[("da", "da"), ("en", "en")],
                language_as_typed,
            ) {
                info.language = lang.into_inner().to_string();
            }
        }
        Some((v, _)) => r.wrong_type(
            "plan",
            v,
            "a [plan] table",
            "write it as a section: a line [plan], then title = \"…\" and year = 2017 below it"
                .into(),
        ),
        None if !had_syntax_errors && fallback.is_some() => {
            r.missing("plan", "plan.toml", "[plan] with title and year");
        }
        None => {}
    }

    let mut rules = fallback
        .as_ref()
        .map(|m| m.rules.clone())
        .unwrap_or_default();
    match table.get("rules").map(|v| (v, v.get_ref())) {
        Some((_, DeValue::Table(t))) => read_rules(&mut r, t, &mut rules),
        Some((v, _)) => r.wrong_type(
            "rules",
            v,
            "a [rules] table",
            "write it as a section: a line [rules], then min_per_track = 3 below it".into(),
        ),
        None => {}
    }

    let mut catalogue = fallback.map(|m| m.catalogue).unwrap_or_default();
    if table.contains_key("track") {
        catalogue.tracks = read_names(&mut r, &table, "track")
            .into_iter()
            .map(|(name, aliases)| Track { name, aliases })
            .collect();
    }
    if table.contains_key("location") {
        catalogue.locations = read_names(&mut r, &table, "location")
            .into_iter()
            .map(|(name, aliases)| Location { name, aliases })
            .collect();
    }
    Manifest {
        plan: info,
        rules,
        catalogue,
    }
}

fn read_rules(r: &mut Reader<'_>, t: &Table<'_>, rules: &mut Rules) {
    r.unknown_keys(
        t,
        &[
            "min_per_track",
            "cross_cutting_counts",
            "min_per_location",
            "severity",
        ],
        "[rules]",
    );
    let count = |r: &mut Reader<'_>, key: &str| -> Option<u32> {
        let v = t.get(key)?;
        match v.get_ref() {
            n if super::reader::unreadable_number(n).is_some() => None,
            DeValue::Integer(i) => match i.as_str().replace('_', "").parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    r.push(values::not_a_count(r.file, key, v.span()));
                    None
                }
            },
            _ => {
                r.wrong_type(
                    key,
                    v,
                    "a whole number",
                    format!("write a whole number, without quotes: {key} = 3"),
                );
                None
            }
        }
    };
    if let Some(n) = count(r, "min_per_track") {
        rules.min_per_track = n;
    }
    if let Some(n) = count(r, "min_per_location") {
        rules.min_per_location = Some(n);
    }
    if let Some(v) = t.get("cross_cutting_counts") {
        match v.get_ref() {
            DeValue::Boolean(b) => rules.cross_cutting_counts = *b,
            _ => r.wrong_type(
                "cross_cutting_counts",
                v,
                "true or false",
                "write true or false, without quotes: cross_cutting_counts = false".into(),
            ),
        }
    }
    if let Some(v) = t.get("severity") {
        let DeValue::Table(sev) = v.get_ref() else {
            r.wrong_type(
                "severity",
                v,
                "a [rules.severity] table",
                "write it as a section: a line [rules.severity], then a rule and its level below it, e.g. unknown-location = \"error\"".into(),
            );
            return;
        };
        let mut map = HashMap::new();
        for (key, value) in sev.iter() {
            let Some(rule) = Rule::from_name(key.get_ref()) else {
                r.push(fields::unknown_rule(r.file, key.get_ref(), key.span()));
                continue;
            };
            let level = match value.get_ref() {
                DeValue::String(s) if s == "off" => Some(None),
                DeValue::String(s) => from_name::<Severity>(s).map(Some),
                _ => None,
            };
            match level {
                Some(level) => {
                    map.insert(rule, level);
                }
                None => r.push(values::not_a_level(r.file, key.get_ref(), value.span())),
            }
        }
        rules.severity = map;
    }
}

/// Reads `[[track]]` or `[[location]]`: name and aliases.
fn read_names(r: &mut Reader<'_>, table: &Table<'_>, key: &str) -> Vec<(String, Vec<String>)> {
    let Some(value) = table.get(key) else {
        return Vec::new();
    };
    let DeValue::Array(entries) = value.get_ref() else {
        r.wrong_type(
            key,
            value,
            &format!("a list of [[{key}]] entries"),
            format!("start each entry with a line [[{key}]], then name = \"…\" below it"),
        );
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut spelt = Vec::new();
    for entry in entries.iter() {
        let DeValue::Table(t) = entry.get_ref() else {
            r.wrong_type(
                key,
                entry,
                &format!("a [[{key}]] entry"),
                format!("start each entry with a line [[{key}]], then name = \"…\" below it"),
            );
            continue;
        };
        r.unknown_keys(t, &["name", "aliases"], &format!("a [[{key}]] entry"));
        let name = r.text(t, "name");
        if !t.contains_key("name") {
            r.push(fields::missing_in_entry(
                r.file,
                key,
                "name",
                entry.span(),
                "name = \"Hygge\"",
            ));
        }
        let aliases = r
            .string_list(t, "aliases")
            .map(Spanned::into_inner)
            .unwrap_or_default();
        if let Some(name) = name {
            spelt.push((name, aliases));
        }
    }
    let entries: Vec<_> = spelt.iter().map(|(n, a)| (n, a.as_slice())).collect();
    catalogue::duplicate_names(r.file, key, &entries, r.diags);
    // A name given twice is one entry (with the aliases of both), whatever the finding's
    // severity: a place is never counted or shown twice.
    let mut at: HashMap<String, usize> = HashMap::new();
    for (name, aliases) in spelt {
        let aliases = aliases.into_iter().map(Spanned::into_inner);
        match at.entry(crate::model::catalogue_fold(name.get_ref())) {
            std::collections::hash_map::Entry::Occupied(first) => {
                out[*first.get()].1.extend(aliases);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(out.len());
                out.push((name.into_inner(), aliases.collect()));
            }
        }
    }
    out
}

/// The language a `language` value that is not `da` or `en` most likely means, for the
/// finding's fix: `"DA"`, `"dansk"`, `"Danish"` → `da`; `"EN"`, `"engelsk"`, `"English"` →
/// `en` (ISO 639-1 codes, as the key takes them).
fn language_as_typed(typed: &str) -> Option<&'static str> {
    match typed.trim().to_lowercase().as_str() {
        "da" | "dansk" | "danish" | "da-dk" | "da_dk" => Some("da"),
        "en" | "engelsk" | "english" | "en-gb" | "en-us" | "en_gb" | "en_us" => Some("en"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_default_is_the_2017_catalogue() {
        let m = default_manifest();
        assert_eq!(m.plan.year, 2017);
        assert_eq!(m.catalogue.tracks.len(), 7);
        assert_eq!(m.rules.min_per_track, 3);
        assert_eq!(
            m.catalogue.track("viden & vejledning"),
            Some("Viden og vejledning")
        );
        assert_eq!(m.catalogue.location("bogbus"), Some("Bogbussen"));
    }
}
