//! Rules on `depends_on`: unknown ids, loops, and order in the year.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::{Diagnostic, Rule, Suggest};
use crate::model::{Initiative, Links, Period, Plan, Span};
use crate::suggest::Names;

/// A `depends_on` entry that is no initiative's id, nor the name of an initiative file that
/// could not be read (that file has its own finding).
pub fn unknown(plan: &Plan, links: &Links<'_>, suggest: Suggest, out: &mut Vec<Diagnostic>) {
    if !links.any_unresolved() {
        return;
    }
    // An entry no initiative has the id of may still name a file no initiative was read
    // from: those are the only other ids.
    let unread: FxHashSet<&str> = links
        .unread()
        .iter()
        .map(|&f| plan.files[f].stem())
        .collect();
    let dangling: Vec<(&Initiative, &str, &Span)> = plan
        .initiatives
        .iter()
        .enumerate()
        .flat_map(|(i, init)| {
            links
                .of_initiative(i)
                .zip(init.depends_on.iter().zip(&init.spans.depends_on))
                .filter(|(target, _)| target.is_none())
                .map(move |(_, (dep, span))| (init, dep.as_str(), span))
        })
        .filter(|(_, dep, _)| !unread.contains(dep))
        .collect();
    if dangling.is_empty() {
        return;
    }
    // Every id is folded (and, for large plans, indexed) once for all dangling ids, and
    // only when there is one; an initiative does not depend on itself.
    let names;
    let meant: Vec<Option<&str>> = match suggest {
        Suggest::AmongIds => {
            names = Names::new(plan.all_ids());
            let queries: Vec<(&str, &str)> = dangling
                .iter()
                .map(|(init, dep, _)| (*dep, init.id.as_str()))
                .collect();
            names.nearest_each(&queries)
        }
        Suggest::Not => vec![None; dangling.len()],
    };
    for ((init, dep, span), meant) in dangling.into_iter().zip(meant) {
        let help = meant
            .map(|m| crate::suggest::hint(dep, m))
            .unwrap_or_else(|| {
                "an id is the name of an initiative file without `.toml`; `plan list` shows them"
                    .into()
            });
        out.push(
            Diagnostic::new(
                Rule::UnknownDependency,
                format!(
                    "`{}` depends on `{dep}`, which is not an initiative",
                    init.id
                ),
            )
            .at(init.file, span.range())
            .label("no initiative has this id")
            .help(help)
            .fix_opt(meant.map(|m| (span.range(), super::diagnostic::toml_string(m)))),
        );
    }
}

/// Each loop is reported once, at the first initiative of the loop (by id).
pub fn cycles(plan: &Plan, links: &Links<'_>, out: &mut Vec<Diagnostic>) {
    // Most plans have no loop: one walk over the links says so, without putting the ids in
    // order (at 100,000 initiatives, the sort was most of this rule's time).
    if !links.any_loop() {
        return;
    }
    // The initiatives as numbers in id order, one per id (the one its id names).
    let mut nodes: Vec<(&str, u32)> = plan
        .initiatives
        .iter()
        .enumerate()
        .filter(|(i, init)| links.get(&init.id) == Some(*i))
        .map(|(i, init)| (init.id.as_str(), i as u32))
        .collect();
    nodes.sort_unstable();
    let mut number = vec![u32::MAX; plan.initiatives.len()];
    for (n, (_, i)) in nodes.iter().enumerate() {
        number[*i as usize] = n as u32;
    }
    // A node's `k`th dependency: None past its last, Some(None) for one that is no
    // initiative.
    let dep_of = |node: usize, k: usize| {
        links
            .entry(nodes[node].1 as usize, k)
            .map(|target| target.map(|t| number[t] as usize))
    };
    let mut reported: HashSet<Vec<usize>> = HashSet::new();
    // Iterative DFS with colours, from each id in order; a back edge closes a loop.
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state: Vec<u8> = vec![NEW; nodes.len()];
    for start in 0..nodes.len() {
        if state[start] != NEW {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        let mut path: Vec<usize> = vec![start];
        state[start] = ON_PATH;
        while let Some((node, next)) = stack.last_mut() {
            let Some(dep) = dep_of(*node, *next) else {
                state[*node] = DONE;
                stack.pop();
                path.pop();
                continue;
            };
            *next += 1;
            let Some(dep) = dep else {
                continue;
            };
            match state[dep] {
                NEW => {
                    state[dep] = ON_PATH;
                    stack.push((dep, 0));
                    path.push(dep);
                }
                ON_PATH => {
                    let from = path.iter().position(|&p| p == dep).unwrap_or(0);
                    let mut cycle: Vec<usize> = path[from..].to_vec();
                    // Rotate so the loop starts at its smallest id (numbers are in id
                    // order): one report per loop.
                    let min = cycle
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, n)| **n)
                        .map_or(0, |(i, _)| i);
                    cycle.rotate_left(min);
                    if reported.insert(cycle.clone()) {
                        let first = &plan.initiatives[nodes[cycle[0]].1 as usize];
                        let named: Vec<&str> = cycle.iter().map(|&n| nodes[n].0).collect();
                        report_cycle(first, &named, out);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The loop `cycle` (ids, the smallest first), reported at `first`, its first initiative.
fn report_cycle(first: &Initiative, cycle: &[&str], out: &mut Vec<Diagnostic>) {
    let next = cycle.get(1).copied().unwrap_or(cycle[0]);
    let span = first
        .depends_on
        .iter()
        .position(|d| d == next)
        .map(|i| first.spans.depends_on[i].range())
        .unwrap_or(0..0);
    let mut chain: Vec<&str> = cycle.to_vec();
    chain.push(cycle[0]);
    out.push(
        Diagnostic::new(
            Rule::DependencyCycle,
            format!(
                "initiatives depend on each other in a loop: {}",
                chain.join(" → ")
            ),
        )
        .at(first.file, span)
        .label("this dependency closes the loop")
        .help("remove one of the dependencies in the loop; an initiative cannot wait for itself"),
    );
}

/// A quarter initiative may not build on one in a later quarter. Whole-year initiatives run
/// all year and are never "later" or "earlier" than a quarter.
pub fn order(plan: &Plan, links: &Links<'_>, out: &mut Vec<Diagnostic>) {
    for (i, init) in plan.initiatives.iter().enumerate() {
        let Period::Q(own) = init.period else {
            continue;
        };
        let entries = links.of_initiative(i).zip(&init.depends_on);
        for ((target, dep), span) in entries.zip(&init.spans.depends_on) {
            let Some(other) = target.map(|t| &plan.initiatives[t]) else {
                continue;
            };
            let Period::Q(theirs) = other.period else {
                continue;
            };
            if theirs > own {
                out.push(
                    Diagnostic::new(
                        Rule::DependencyOrder,
                        format!(
                            "`{}` ({}) depends on `{dep}`, which is scheduled later ({})",
                            init.id, init.period, other.period
                        ),
                    )
                    .at(init.file, span.range())
                    .label(format!("scheduled for {}", other.period))
                    .help(format!(
                        "move `{}` to {} or later, or `{dep}` to {} or earlier",
                        init.id, other.period, init.period
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The loop walk as it was first written (a map by id, a map of colours): the reference
    /// the walk by numbers is held to.
    fn cycles_by_name(plan: &Plan) -> Vec<Vec<String>> {
        let by_id: HashMap<&str, &Initiative> = plan
            .initiatives
            .iter()
            .map(|i| (i.id.as_str(), i))
            .collect();
        let mut reported: Vec<Vec<&str>> = Vec::new();
        let mut state: HashMap<&str, u8> = HashMap::new();
        let mut ids: Vec<&str> = by_id.keys().copied().collect();
        ids.sort_unstable();
        for &start in &ids {
            if state.contains_key(start) {
                continue;
            }
            let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
            let mut path: Vec<&str> = vec![start];
            state.insert(start, 1);
            while let Some((node, next)) = stack.last_mut() {
                let deps = &by_id[*node].depends_on;
                if *next >= deps.len() {
                    state.insert(*node, 2);
                    stack.pop();
                    path.pop();
                    continue;
                }
                let dep = deps[*next].as_str();
                *next += 1;
                if !by_id.contains_key(dep) {
                    continue;
                }
                match state.get(dep) {
                    None => {
                        state.insert(dep, 1);
                        stack.push((dep, 0));
                        path.push(dep);
                    }
                    Some(1) => {
                        let from = path.iter().position(|&p| p == dep).unwrap_or(0);
                        let mut cycle: Vec<&str> = path[from..].to_vec();
                        let min = cycle
                            .iter()
                            .enumerate()
                            .min_by_key(|(_, id)| **id)
                            .map_or(0, |(i, _)| i);
                        cycle.rotate_left(min);
                        if !reported.contains(&cycle) {
                            reported.push(cycle);
                        }
                    }
                    _ => {}
                }
            }
        }
        reported
            .into_iter()
            .map(|c| c.into_iter().map(String::from).collect())
            .collect()
    }

    /// Plans of 60 initiatives with dependencies drawn at random (loops, self-loops, ids that
    /// are no initiative, and ids used by two files, of which the plan keeps one): the walk by numbers reports the loops
    /// the walk by name reported, in the same order, at the same places.
    #[test]
    fn the_walk_by_numbers_finds_the_loops_the_walk_by_name_found() {
        let mut next = crate::testing::seeded(2017);
        let mut loops = 0;
        for _ in 0..100 {
            let files: Vec<(String, String)> = (0..60)
                .map(|n| {
                    let deps: Vec<String> = (0..next(4))
                        .map(|_| format!("\"i-{}\"", next(70)))
                        .collect();
                    let text = format!(
                        "title = \"T\"\nperiod = \"Q{}\"\ntracks = [\"Hygge\"]\ndepends_on = [{}]\n",
                        1 + next(4),
                        deps.join(", ")
                    );
                    // One file in four has the id of another, in a sub-folder.
                    let name = if next(4) == 0 {
                        format!("dup/i-{}.toml", next(60))
                    } else {
                        format!("i-{n}.toml")
                    };
                    (name, text)
                })
                .collect();
            let plan = crate::testing::plan_of(None, &files);
            let mut found = Vec::new();
            cycles(&plan, &Links::of(&plan), &mut found);
            let expected = cycles_by_name(&plan);
            assert_eq!(found.len(), expected.len());
            for (d, cycle) in found.iter().zip(&expected) {
                let mut chain = cycle.clone();
                chain.push(cycle[0].clone());
                assert_eq!(
                    d.message,
                    format!(
                        "initiatives depend on each other in a loop: {}",
                        chain.join(" → ")
                    )
                );
                let first = plan.by_id()[cycle[0].as_str()];
                assert_eq!(d.file, Some(first.file));
            }
            loops += found.len();
        }
        assert!(loops > 20, "only {loops} loops");
    }
}
