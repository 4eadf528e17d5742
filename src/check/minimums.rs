//! Plan-level rules: enough initiatives on each track and in each place.

use super::{Diagnostic, Rule};
use crate::model::{Plan, Status};

/// How many initiatives count toward each track of the catalogue, in catalogue order.
/// Cancelled initiatives do not count; cross-cutting ones only with `cross_cutting_counts`.
pub fn track_counts(plan: &Plan) -> Vec<(String, usize)> {
    let counts_cross = plan.manifest.rules.cross_cutting_counts;
    plan.manifest
        .catalogue
        .tracks
        .iter()
        .map(|t| {
            let n = plan
                .initiatives
                .iter()
                .filter(|i| i.status != Status::Cancelled && i.touches_track(&t.name, counts_cross))
                .count();
            (t.name.clone(), n)
        })
        .collect()
}

/// How many initiatives name each place of the catalogue (cancelled ones excluded).
pub fn location_counts(plan: &Plan) -> Vec<(String, usize)> {
    plan.manifest
        .catalogue
        .locations
        .iter()
        .map(|l| {
            let n = plan
                .initiatives
                .iter()
                .filter(|i| {
                    i.status != Status::Cancelled && i.locations.iter().any(|x| x == &l.name)
                })
                .count();
            (l.name.clone(), n)
        })
        .collect()
}

pub fn per_track(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let rules = &plan.manifest.rules;
    let min = rules.min_per_track as usize;
    let uncounted = plan
        .initiatives
        .iter()
        .filter(|i| i.cross_cutting && i.status != Status::Cancelled)
        .count();
    for (track, count) in track_counts(plan) {
        if count >= min {
            continue;
        }
        let missing = min - count;
        let on_track: Vec<&str> = plan
            .initiatives
            .iter()
            .filter(|i| i.status != Status::Cancelled && i.tracks.contains(&track))
            .map(|i| i.id.as_str())
            .collect();
        let mut help = format!(
            "add {missing} more initiative{} on this track",
            if missing == 1 { "" } else { "s" }
        );
        if !on_track.is_empty() {
            help.push_str(&format!(" (now: {})", on_track.join(", ")));
        }
        if uncounted > 0 && !rules.cross_cutting_counts {
            help.push_str(&format!(
                "; {uncounted} cross-cutting \"Alle spor\" initiative{} not counted (cross_cutting_counts = false)",
                if uncounted == 1 { " is" } else { "s are" }
            ));
        }
        out.push(
            Diagnostic::new(
                Rule::MinPerTrack,
                format!("track `{track}` has {count} initiative{} in the year; the plan requires at least {min}", if count == 1 { "" } else { "s" }),
            )
            .help(help),
        );
    }
}

pub fn per_location(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let Some(min) = plan.manifest.rules.min_per_location else {
        return;
    };
    let min = min as usize;
    for (place, count) in location_counts(plan) {
        if count < min {
            out.push(
                Diagnostic::new(
                    Rule::MinPerLocation,
                    format!("`{place}` has {count} initiative{} in the year; the plan requires at least {min}", if count == 1 { "" } else { "s" }),
                )
                .help(format!("add initiatives that name {place} in `locations`")),
            );
        }
    }
}
