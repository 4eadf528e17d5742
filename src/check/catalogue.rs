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
    for name in &plan.unknown_names {
        let span = name.span.clone();
        let track = name.kind == NameKind::Track;
        let names = if track { &tracks } else { &places };
        let meant = *meant
            .entry((track, name.written.as_str()))
            .or_insert_with(|| names.nearest(&name.written));
        out.push(if track {
            unknown_track(name.file, &name.written, span, meant, catalogue)
        } else {
            unknown_location(name.file, &name.written, span, meant, catalogue)
        });
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
