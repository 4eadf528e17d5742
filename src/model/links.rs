//! The plan's dependencies resolved once: each `depends_on` entry as the initiative it names.

use rustc_hash::FxHashMap;

use super::Plan;

/// A `depends_on` entry that names no initiative of the plan.
const NONE: u32 = u32::MAX;

/// Every initiative's `depends_on`, each entry resolved to the index in `plan.initiatives`
/// of the initiative with that id, made by [`Links::of`] with one map by id for all the
/// rules that follow dependencies (at 100,000 initiatives, each rule building its own map
/// or searching the ids for every entry was most of their time).
///
/// Made from a plan and valid for it as it is: a plan changed afterwards (rewound, rebuilt)
/// needs new links. With two initiatives of one id (a plan assembled by hand; a loaded plan
/// keeps one), the id names the later, as [`Plan::by_id`] does.
#[derive(Debug)]
pub struct Links<'a> {
    by_id: FxHashMap<&'a str, u32>,
    /// Where each initiative's entries end in `targets`; they start where the previous
    /// initiative's end (0 for the first).
    ends: Vec<u32>,
    /// Each entry's initiative, or [`NONE`], in plan order, then in `depends_on` order.
    targets: Vec<u32>,
    /// [`Plan::files_without_initiative`], found once for the rules that read those names.
    unread: Vec<usize>,
}

impl<'a> Links<'a> {
    /// Resolves every `depends_on` entry of `plan`: one map by id, one lookup per entry.
    pub fn of(plan: &'a Plan) -> Links<'a> {
        Self::of_on(
            plan,
            plan.initiatives.len() >= crate::load::parallel::SIDE_BY_SIDE_FROM,
        )
    }

    /// [`Links::of`], the entries of the plan's two halves looked up side by side or all on
    /// this thread.
    fn of_on(plan: &'a Plan, side_by_side: bool) -> Links<'a> {
        let mut by_id: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher(plan.initiatives.len(), Default::default());
        for (i, init) in plan.initiatives.iter().enumerate() {
            by_id.insert(init.id.as_str(), index(i));
        }
        // Each entry's look-up misses the cache (the ids are all over the heap): a large
        // plan's entries are looked up in two halves, side by side.
        let resolve = |part: &[crate::model::Initiative]| {
            let mut ends = Vec::with_capacity(part.len());
            let mut targets = Vec::new();
            for init in part {
                targets.extend(
                    init.depends_on
                        .iter()
                        .map(|dep| by_id.get(dep.as_str()).copied().unwrap_or(NONE)),
                );
                ends.push(index(targets.len()));
            }
            (ends, targets)
        };
        let ((mut ends, mut targets), (later_ends, later_targets)) =
            crate::load::parallel::halves(side_by_side, &plan.initiatives, resolve);
        let offset = index(targets.len());
        ends.extend(
            later_ends
                .into_iter()
                .map(|end| index(end as usize + offset as usize)),
        );
        targets.extend(later_targets);
        Links {
            by_id,
            ends,
            targets,
            unread: plan.files_without_initiative(),
        }
    }

    /// The indices in `plan.files` of the files no initiative was read from
    /// ([`Plan::files_without_initiative`]), in path order.
    pub fn unread(&self) -> &[usize] {
        &self.unread
    }

    /// The index in `plan.initiatives` of the initiative with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|&i| i as usize)
    }

    /// The initiatives initiative `i`'s `depends_on` entries name, in order: None for an
    /// entry that names no initiative.
    pub fn of_initiative(&self, i: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        self.entries(i).iter().map(|&t| target(t))
    }

    /// Initiative `i`'s `k`th entry (0-based): None past its last, Some(None) for an
    /// entry that names no initiative.
    pub fn entry(&self, i: usize, k: usize) -> Option<Option<usize>> {
        self.entries(i).get(k).map(|&t| target(t))
    }

    fn entries(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.targets[start..self.ends[i] as usize]
    }

    /// Whether any entry names no initiative.
    pub fn any_unresolved(&self) -> bool {
        self.targets.contains(&NONE)
    }

    /// Whether initiatives depend on each other in a loop (an initiative on itself too):
    /// one walk over the numbers, in plan order. Which loops, and how each is named, is for
    /// the `dependency-cycle` rule to find; most plans have none.
    pub fn any_loop(&self) -> bool {
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; self.ends.len()];
        // (initiative, how many of its entries are walked)
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for start in 0..self.ends.len() {
            if state[start] != NEW {
                continue;
            }
            state[start] = ON_PATH;
            stack.push((start, 0));
            while let Some((node, walked)) = stack.last_mut() {
                let node = *node;
                let Some(&target) = self.entries(node).get(*walked) else {
                    state[node] = DONE;
                    stack.pop();
                    continue;
                };
                *walked += 1;
                if target == NONE {
                    continue;
                }
                let target = target as usize;
                match state[target] {
                    NEW => {
                        state[target] = ON_PATH;
                        stack.push((target, 0));
                    }
                    ON_PATH => return true,
                    _ => {}
                }
            }
        }
        false
    }
}

/// An entry's initiative as the links keep it: None for [`NONE`].
fn target(t: u32) -> Option<usize> {
    (t != NONE).then_some(t as usize)
}

/// An index as the links keep it: a plan has fewer than 2³² initiatives and entries.
fn index(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2^32 initiatives and dependencies")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan of files (name, `depends_on` entries as written), each in Q2 on one track.
    fn plan_of(files: &[(&str, &str)]) -> Plan {
        let files: Vec<(&str, String)> = files
            .iter()
            .map(|(name, deps)| {
                let text = format!(
                    "title = \"T\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndepends_on = [{deps}]\n"
                );
                (*name, text)
            })
            .collect();
        crate::testing::plan_of(None, &files)
    }

    fn ids<'p>(plan: &'p Plan, links: &Links<'_>, id: &str) -> Vec<Option<&'p str>> {
        let i = links.get(id).unwrap();
        links
            .of_initiative(i)
            .map(|t| t.map(|t| plan.initiatives[t].id.as_str()))
            .collect()
    }

    #[test]
    fn each_entry_names_its_initiative_or_none() {
        let plan = plan_of(&[
            ("a.toml", "\"b\", \"x\", \"c\""),
            ("b.toml", ""),
            ("c.toml", "\"b\""),
            ("Stor.toml", ""),
        ]);
        let links = Links::of(&plan);
        assert_eq!(ids(&plan, &links, "a"), [Some("b"), None, Some("c")]);
        assert_eq!(ids(&plan, &links, "b"), Vec::<Option<&str>>::new());
        assert_eq!(ids(&plan, &links, "c"), [Some("b")]);
        assert_eq!(links.get("x"), None);
        assert!(links.any_unresolved());
        assert!(!links.any_loop());
        // `Stor.toml` is no initiative: its name is not an id.
        let without: Vec<&str> = plan
            .files_without_initiative()
            .into_iter()
            .map(|f| plan.files[f].relative.as_str())
            .collect();
        assert_eq!(without, ["Stor.toml"]);
    }

    /// The two halves' entries looked up side by side: the same links as all on one
    /// thread, on the shipped plan and on a generated one with dependencies in every
    /// initiative's third and one dangling in its seventh, so that the second half's entries
    /// must be placed after the first's and keep their dangling ones.
    #[test]
    fn looked_up_side_by_side_as_one_after_the_other() {
        for make in crate::assess::plans_to_compare() {
            let mut plan = make();
            let n = plan.initiatives.len();
            for (i, init) in plan.initiatives.iter_mut().enumerate() {
                if i % 7 == 0 {
                    let mut entries = init.depends_on.to_vec();
                    entries.push(crate::model::Name::from(format!("ingen-{i}")));
                    init.depends_on = entries.into_boxed_slice();
                }
            }
            let (together, apart) = (Links::of_on(&plan, true), Links::of_on(&plan, false));
            assert_eq!(together.ends, apart.ends, "{n}");
            assert_eq!(together.targets, apart.targets, "{n}");
            assert_eq!(together.ends.len(), n);
            let second_half = &together.targets[together.ends[n / 2 - 1] as usize..];
            assert!(second_half.contains(&NONE) && second_half.iter().any(|&t| t != NONE));
            for i in [0, n / 2, n - 1] {
                let id = plan.initiatives[i].id.to_string();
                assert_eq!(together.get(&id), Some(i));
            }
        }
    }

    #[test]
    fn a_loop_is_seen_wherever_it_is() {
        let chain = |n: usize, back: Option<usize>| -> Plan {
            let names: Vec<(String, String)> = (0..n)
                .map(|i| {
                    let mut deps = Vec::new();
                    if i + 1 < n {
                        deps.push(format!("\"i-{:03}\"", i + 1));
                    }
                    if i + 1 == n {
                        if let Some(b) = back {
                            deps.push(format!("\"i-{b:03}\""));
                        }
                    }
                    (format!("i-{i:03}.toml"), deps.join(", "))
                })
                .collect();
            let borrowed: Vec<(&str, &str)> = names
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            plan_of(&borrowed)
        };
        assert!(!Links::of(&chain(50, None)).any_loop());
        for back in [0, 17, 49] {
            assert!(
                Links::of(&chain(50, Some(back))).any_loop(),
                "back to {back}"
            );
        }
        let plan = plan_of(&[("a.toml", "\"a\""), ("b.toml", "")]);
        assert!(Links::of(&plan).any_loop(), "an initiative on itself");
        assert!(!Links::of(&plan_of(&[("a.toml", "\"x\"")])).any_loop());
    }
}
