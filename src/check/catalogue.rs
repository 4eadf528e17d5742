//! `unknown-track` and `unknown-location`: names that are not in the plan's catalogue (its
//! `[[track]]` and `[[location]]` names and aliases). The parser looks each name up as it
//! reads it (the model keeps the catalogue's spelling); the findings are made here.

use std::ops::Range;

use super::{Diagnostic, Rule};
use crate::model::{Catalogue, CROSS_CUTTING};
use crate::suggest::did_you_mean;

/// A track that is neither in the catalogue nor "Alle spor".
pub fn unknown_track(
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
    Diagnostic::new(Rule::UnknownTrack, format!("unknown track `{typed}`"))
        .at(file, span)
        .label("not in the plan's tracks")
        .help(help)
}

/// A place that is not in the catalogue (only a warning by default: it is kept as written).
pub fn unknown_location(
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
    Diagnostic::new(Rule::UnknownLocation, format!("unknown place `{typed}`"))
        .at(file, span)
        .label("not in the plan's places")
        .help(help)
}
