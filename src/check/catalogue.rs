//! `unknown-track` and `unknown-location`: names that are not in the plan's catalogue (its
//! `[[track]]` and `[[location]]` names and aliases). The parser looks each name up as it
//! reads it (the model keeps the catalogue's spelling) and keeps those it could not find in
//! `Plan::unknown_names`; the findings are made here.

use std::ops::Range;

use super::{Diagnostic, Rule};
use crate::model::{Catalogue, NameKind, Plan, CROSS_CUTTING};
use crate::suggest::did_you_mean;

/// Every track and place name the catalogue does not know.
pub fn unknown_names(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let catalogue = &plan.manifest.catalogue;
    for name in &plan.unknown_names {
        let span = name.span.clone();
        out.push(match name.kind {
            NameKind::Track => unknown_track(name.file, &name.written, span, catalogue),
            NameKind::Location => unknown_location(name.file, &name.written, span, catalogue),
        });
    }
}

/// A track that is neither in the catalogue nor "Alle spor".
fn unknown_track(
    file: usize,
    typed: &str,
    span: Range<usize>,
    catalogue: &Catalogue,
) -> Diagnostic {
    let help = did_you_mean(typed, catalogue.track_spellings()).unwrap_or_else(|| {
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
    .at(file, span)
    .label("not in the plan's tracks")
    .help(help)
}

/// A place that is not in the catalogue (only a warning by default: it is kept as written).
fn unknown_location(
    file: usize,
    typed: &str,
    span: Range<usize>,
    catalogue: &Catalogue,
) -> Diagnostic {
    let help = did_you_mean(typed, catalogue.location_spellings()).unwrap_or_else(|| {
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
    .at(file, span)
    .label("not in the plan's places")
    .help(help)
}
