//! Plan-level rules: enough initiatives on each track and in each place.

use super::{Diagnostic, Rule};
use rustc_hash::FxHashMap;

use crate::model::{Initiative, Name, Period, Plan, Status};

/// The initiatives that count toward `track` among those scheduled up to the end of quarter
/// `last` (the whole-year ones and those of quarters 1..=`last`; 4 is the whole year):
/// cancelled ones excluded, cross-cutting ones only with `cross_cutting_counts`. The one
/// definition of a track's count, track by track: [`track_counts_through`] counts every
/// track in one pass as it does (tested against it), for the `min-per-track` rule and the
/// dashboard and memo.
pub fn counted_on_track<'p>(
    plan: &'p Plan,
    track: &'p str,
    last: u8,
) -> impl Iterator<Item = &'p Initiative> + 'p {
    let counts_cross = plan.manifest.rules.cross_cutting_counts;
    plan.initiatives
        .iter()
        .filter(move |i| counted_through(i, last) && i.touches_track(track, counts_cross))
}

/// Whether `init` is scheduled up to the end of quarter `last` (whole-year work always) and
/// not cancelled: counted toward its tracks.
fn counted_through(init: &Initiative, last: u8) -> bool {
    let scheduled = match init.period {
        Period::Year => true,
        Period::Q(q) => q <= last,
    };
    scheduled && counted(init)
}

/// Whether `init` counts toward anything: not cancelled, and its title, period and tracks
/// were read (not stand-ins, [`crate::model::Unreadable::required`]).
fn counted(init: &Initiative) -> bool {
    init.status != Status::Cancelled && !init.unreadable.required
}

/// How many initiatives count toward each track of the catalogue over the whole year, in
/// catalogue order (see [`counted_on_track`]).
pub fn track_counts(plan: &Plan) -> Vec<(String, usize)> {
    plan.manifest
        .catalogue
        .tracks
        .iter()
        .map(|t| t.name.clone())
        .zip(track_counts_through(plan, 4))
        .map(|(name, (count, _))| (name, count))
        .collect()
}

/// For each track of the catalogue, in catalogue order: how many initiatives scheduled
/// through quarter `last` (1–4; whole-year ones always) count toward it, as
/// [`counted_on_track`] counts them, and how many of those are done. One pass over the
/// initiatives, not one per track.
pub fn track_counts_through(plan: &Plan, last: u8) -> Vec<(usize, usize)> {
    let counts_cross = plan.manifest.rules.cross_cutting_counts;
    let names: Vec<&str> = plan
        .manifest
        .catalogue
        .tracks
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    let counted = plan.initiatives.iter().filter(|i| counted_through(i, last));
    count_names(&names, counted, |i| {
        if i.cross_cutting && counts_cross {
            Names::All
        } else {
            Names::These(&i.tracks)
        }
    })
}

/// Which names of the catalogue an initiative counts toward.
enum Names<'a> {
    All,
    These(&'a [Name]),
}

/// For each of `names`, how many of `initiatives` count toward it (each at most once), and
/// how many of those are done, in one pass: `names` are looked up by name, not compared
/// one by one.
fn count_names<'p>(
    names: &[&str],
    initiatives: impl Iterator<Item = &'p Initiative>,
    of: impl Fn(&'p Initiative) -> Names<'p>,
) -> Vec<(usize, usize)> {
    // A name written twice in the catalogue is one name: both get its count.
    let mut index: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(names.len(), Default::default());
    for (k, name) in names.iter().enumerate() {
        index.entry(name).or_insert(k);
    }
    let mut counts = vec![(0, 0); names.len()];
    let mut seen: Vec<usize> = Vec::new();
    for init in initiatives {
        let done = usize::from(init.status == Status::Done);
        let mut add = |k: usize| {
            counts[k].0 += 1;
            counts[k].1 += done;
        };
        match of(init) {
            Names::All => (0..names.len()).for_each(&mut add),
            Names::These(these) => {
                seen.clear();
                for name in these {
                    if let Some(&k) = index.get(name.as_str()) {
                        if !seen.contains(&k) {
                            seen.push(k);
                            add(k);
                        }
                    }
                }
            }
        }
    }
    names.iter().map(|name| counts[index[name]]).collect()
}

/// How many initiatives name each place of the catalogue (cancelled ones excluded).
pub fn location_counts(plan: &Plan) -> Vec<(String, usize)> {
    let names: Vec<&str> = plan
        .manifest
        .catalogue
        .locations
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    let counted = plan.initiatives.iter().filter(|i| counted(i));
    let counts = count_names(&names, counted, |i| Names::These(&i.locations));
    names
        .iter()
        .map(|n| n.to_string())
        .zip(counts.into_iter().map(|(count, _)| count))
        .collect()
}

pub fn per_track(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let rules = &plan.manifest.rules;
    let min = rules.min_per_track as usize;
    let uncounted = plan
        .initiatives
        .iter()
        .filter(|i| i.cross_cutting && counted(i))
        .count();
    for (track, count) in track_counts(plan) {
        if count >= min {
            continue;
        }
        let missing = min - count;
        let on_track: Vec<&str> = plan
            .initiatives
            .iter()
            .filter(|i| counted(i) && i.tracks.iter().any(|t| t == track))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass counts are the counts of the one definition, name by name, on the
    /// shipped plan, the test corpus and a generated plan with every status, period and kind
    /// of track, through each quarter, with and without cross-cutting work counted.
    #[test]
    fn one_pass_counts_agree_with_counting_name_by_name() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let plans = [root.join("plans"), root.join("tests/corpus")].map(|dir| {
            (
                format!("{dir:?}"),
                crate::parse::plan::load_plan(&dir).unwrap(),
            )
        });
        let varied = ("varied".to_string(), crate::assess::varied_plan(500));
        let mut done_counted = 0;
        for (dir, mut plan) in plans.into_iter().chain([varied]) {
            for counts_cross in [false, true] {
                plan.manifest.rules.cross_cutting_counts = counts_cross;
                for last in 1..=4 {
                    let by_name: Vec<(usize, usize)> = plan
                        .manifest
                        .catalogue
                        .tracks
                        .iter()
                        .map(|t| {
                            let counted: Vec<_> = counted_on_track(&plan, &t.name, last).collect();
                            let done = counted.iter().filter(|i| i.status == Status::Done);
                            (counted.len(), done.count())
                        })
                        .collect();
                    assert_eq!(track_counts_through(&plan, last), by_name, "{dir} Q{last}");
                    done_counted += by_name.iter().map(|(_, done)| done).sum::<usize>();
                }
            }
            for counts_cross in [false, true] {
                plan.manifest.rules.cross_cutting_counts = counts_cross;
                let by_name: Vec<(String, usize)> = plan
                    .manifest
                    .catalogue
                    .tracks
                    .iter()
                    .map(|t| (t.name.clone(), counted_on_track(&plan, &t.name, 4).count()))
                    .collect();
                assert_eq!(track_counts(&plan), by_name, "{dir:?}");
                let places: Vec<(String, usize)> = plan
                    .manifest
                    .catalogue
                    .locations
                    .iter()
                    .map(|l| {
                        let n = plan
                            .initiatives
                            .iter()
                            .filter(|i| {
                                i.status != Status::Cancelled
                                    && !i.unreadable.required
                                    && i.locations.iter().any(|x| *x == l.name)
                            })
                            .count();
                        (l.name.clone(), n)
                    })
                    .collect();
                assert_eq!(location_counts(&plan), places, "{dir:?}");
                assert!(by_name.iter().any(|(_, n)| *n > 0));
            }
        }
        assert!(done_counted > 0);
    }
}
