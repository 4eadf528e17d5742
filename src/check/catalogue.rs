//! `unknown-track` and `unknown-location`: names that are not in the plan's catalogue (its
//! `[[track]]` and `[[location]]` names and aliases). The parser looks each name up as it
//! reads it (the model keeps the catalogue's spelling) and keeps those it could not find in
//! `Plan::unknown_names`; the findings are made here.

use std::ops::Range;

use super::diagnostic::toml_string;
use super::diagnostic::Fix;
use super::{Diagnostic, Rule};
use crate::model::{Catalogue, NameKind, Plan, CROSS_CUTTING};
use crate::suggest::Names;
use rustc_hash::FxHashMap;

/// `duplicate-name`: the names and aliases of `plan.toml`'s `[[track]]` (`key` "track") or
/// `[[location]]` (`key` "location") entries, each entry its name and its aliases with their
/// spans in `file`, in file order. Names are matched as the catalogue matches them
/// ([`crate::model::catalogue_fold`]; every entry's name before any alias): a name an
/// earlier entry has, an alias that is another entry's name or an earlier entry's alias, and
/// a track spelt as cross-cutting work is ([`Catalogue::is_cross_cutting`]) are findings at
/// that spelling, the one never matched. An alias repeating its own entry's name is not one.
pub fn duplicate_names(
    file: usize,
    key: &str,
    entries: &[(&toml::Spanned<String>, &[toml::Spanned<String>])],
    out: &mut Vec<Diagnostic>,
) {
    let what = if key == "track" { "track" } else { "place" };
    let cross_cutting = |spelling: &toml::Spanned<String>| {
        let written = spelling.get_ref();
        Diagnostic::new(
            Rule::DuplicateName,
            format!("`{written}` names cross-cutting work (every track), not a track"),
        )
        .at(file, spelling.span())
        .label("read as cross-cutting in the initiatives")
        .help(format!(
            "give the track another name; an initiative on every track says tracks = [\"{CROSS_CUTTING}\"]"
        ))
    };
    // Each folded spelling, and the name of the entry that has it.
    let mut names: FxHashMap<String, &str> = FxHashMap::default();
    for &(name, _) in entries {
        let written = name.get_ref().as_str();
        if key == "track" && Catalogue::is_cross_cutting(written) {
            out.push(cross_cutting(name));
            continue;
        }
        match names.entry(crate::model::catalogue_fold(written)) {
            std::collections::hash_map::Entry::Occupied(first) => out.push(
                Diagnostic::new(
                    Rule::DuplicateName,
                    format!("the {what} `{}` is named twice in plan.toml", first.get()),
                )
                .at(file, name.span())
                .label(format!("a second [[{key}]] entry of this name"))
                .help(format!(
                    "keep one [[{key}]] entry for `{}`, with the aliases of both",
                    first.get()
                )),
            ),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(written);
            }
        }
    }
    let mut aliases: FxHashMap<String, &str> = FxHashMap::default();
    for &(name, own_aliases) in entries {
        let own = name.get_ref().as_str();
        for alias in own_aliases {
            let written = alias.get_ref();
            if key == "track" && Catalogue::is_cross_cutting(written) {
                out.push(cross_cutting(alias));
                continue;
            }
            let folded = crate::model::catalogue_fold(written);
            let first = names
                .get(&folded)
                .map(|first| (*first, "name"))
                .or_else(|| aliases.get(&folded).map(|first| (*first, "alias")));
            match first {
                // The same entry, or one read as part of it (a name given twice).
                Some((first, _))
                    if crate::model::catalogue_fold(first) == crate::model::catalogue_fold(own) => {
                }
                Some((first, as_what)) => out.push(
                    Diagnostic::new(
                        Rule::DuplicateName,
                        format!("`{written}` names two {what}s: `{first}` and `{own}`"),
                    )
                    .at(file, alias.span())
                    .label(format!(
                        "already the {as_what} of the {what} `{first}`: never read as `{own}`"
                    ))
                    .help(format!(
                        "a name or alias belongs to one [[{key}]] entry only: remove this alias"
                    )),
                ),
                None => {
                    aliases.insert(folded, own);
                }
            }
        }
    }
}

/// Every track and place name the catalogue does not know.
pub fn unknown_names(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let catalogue = &plan.manifest.catalogue;
    if plan.unknown_names.is_empty() {
        return;
    }
    // The catalogue's spellings folded once, and each name looked up once: a large plan
    // repeats the same few misspellings thousands of times.
    let tracks = Names::new(catalogue.track_spellings());
    let places = Names::new(catalogue.location_spellings());
    let mut meant: FxHashMap<(bool, &str), Option<&str>> = FxHashMap::default();
    // Each file's initiative, for the names it lists already.
    let of_file: FxHashMap<usize, &crate::model::Initiative> =
        plan.initiatives.iter().map(|i| (i.file, i)).collect();
    for name in &plan.unknown_names {
        let span = name.span.clone();
        let track = name.kind == NameKind::Track;
        let names = if track { &tracks } else { &places };
        let meant = *meant
            .entry((track, name.written.as_str()))
            .or_insert_with(|| names.nearest(&name.written));
        // `["Hyge", "Hygge"]`: the name meant is listed already, and the fix would list it
        // twice; the entry is to go instead.
        let listed = meant.and_then(|m| {
            let canonical = if track {
                catalogue.track(m)
            } else {
                catalogue.location(m)
            }?;
            let init = of_file.get(&name.file)?;
            let list = if track { &init.tracks } else { &init.locations };
            list.iter()
                .any(|n| n.as_str() == canonical)
                .then_some(canonical)
        });
        let mut d = if track {
            unknown_track(name.file, &name.written, span, meant, catalogue)
        } else {
            unknown_location(name.file, &name.written, span, meant, catalogue)
        };
        if let Some(canonical) = listed {
            d.fix = None;
            d.help = Some(format!(
                "`{}` is listed already: remove this entry",
                crate::text::visible(canonical)
            ));
        }
        out.push(d);
    }
}

/// A track that is neither in the catalogue nor "Alle spor"; `meant`, the spelling it is
/// nearest to.
fn unknown_track(
    file: usize,
    typed: &str,
    span: Range<usize>,
    meant: Option<&str>,
    catalogue: &Catalogue,
) -> Diagnostic {
    let help = meant
        .map(|m| crate::suggest::hint(typed, m))
        .unwrap_or_else(|| {
            format!(
                "the tracks are: {}; or \"{CROSS_CUTTING}\"",
                catalogue
                    .tracks
                    .iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    Diagnostic::new(
        Rule::UnknownTrack,
        format!("unknown track `{}`", crate::text::visible(typed)),
    )
    .at(file, span.clone())
    .label("not in the plan's tracks")
    .help(help)
    .fix_opt(meant.map(|m| (span, toml_string(m))))
}

/// A place that is not in the catalogue (only a warning by default: it is kept as written);
/// `meant`, the spelling it is nearest to.
fn unknown_location(
    file: usize,
    typed: &str,
    span: Range<usize>,
    meant: Option<&str>,
    catalogue: &Catalogue,
) -> Diagnostic {
    let help = meant
        .map(|m| crate::suggest::hint(typed, m))
        .unwrap_or_else(|| {
            format!(
                "the places are: {}; add it to plan.toml's [[location]] if it is new",
                catalogue
                    .locations
                    .iter()
                    .map(|l| l.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    Diagnostic::new(
        Rule::UnknownLocation,
        format!("unknown place `{}`", crate::text::visible(typed)),
    )
    .at(file, span.clone())
    .label("not in the plan's places")
    .help(help)
    .fix_opt(meant.map(|m| (span, toml_string(m))))
}

/// For `plan check --fix --canonical`: every track and place name written as an alias, or
/// in another case, replaced by the catalogue's name. Aliases are allowed, so these are
/// fixes without a finding: `(file, fix)`.
pub fn canonical_fixes(plan: &Plan) -> Vec<(usize, Fix)> {
    plan.initiatives
        .iter()
        .flat_map(|init| {
            init.spans.aliases.iter().map(|alias| {
                let fix = Fix {
                    span: alias.span.clone(),
                    replacement: toml_string(&alias.canonical),
                };
                (init.file, fix)
            })
        })
        .collect()
}
