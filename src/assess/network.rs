//! A workspace's members assessed together, as plain data: the network dashboard
//! (`plan status` at a workspace root) and the network memo (`plan report` there).
//!
//! Members keep their own catalogues: tracks are matched across members by name and alias,
//! case-insensitively and in either Unicode form (NFC/NFD, [`crate::model::catalogue_fold`]);
//! a track one member calls by another name (an alias another member lists) is one theme,
//! shown with each member's own name for it. Tags are matched the same way.

use chrono::NaiveDate;
use serde::Serialize;

use super::summary::summarize;
use crate::model::{catalogue_fold as fold, Plan, Status};
use crate::text::clean_line;

mod quarter;
pub use quarter::{memo, Coverage, Entry, MemberQuarter, NetworkMemo, Section};

/// One member, loaded: its name in the workspace, its folder as shown, its plan.
pub struct MemberPlan {
    pub name: String,
    pub path: String,
    pub plan: Plan,
    /// The ids whose status has no dated change behind it, as the plan was turned back
    /// ([`crate::assess::history::Rewound::undated_status`]): the network memo says how
    /// many of them it shows, as a plan's memo does.
    pub undated: Vec<String>,
}

/// A track or tag as matched across members.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Group {
    /// The name the first member that has it writes.
    pub name: String,
    /// `(member index, the member's own name for it)`, in member order.
    pub members: Vec<(usize, String)>,
}

/// Groups names across members: `names[m]` is member `m`'s names, each with its other
/// spellings (aliases). Two names are one group when any of their spellings fold alike.
pub fn group(names: &[Vec<(String, Vec<String>)>]) -> Vec<Group> {
    let mut groups: Vec<(Vec<String>, Group)> = Vec::new();
    for (m, list) in names.iter().enumerate() {
        for (name, aliases) in list {
            let keys: Vec<String> = std::iter::once(name)
                .chain(aliases)
                .map(|s| fold(s))
                .collect();
            let hits: Vec<usize> = groups
                .iter()
                .enumerate()
                .filter(|(_, (k, _))| k.iter().any(|x| keys.contains(x)))
                .map(|(i, _)| i)
                .collect();
            let target = match hits.first() {
                Some(&first) => {
                    // Groups that this name joins become one.
                    for &other in hits[1..].iter().rev() {
                        let (k, g) = groups.remove(other);
                        groups[first].0.extend(k);
                        groups[first].1.members.extend(g.members);
                    }
                    first
                }
                None => {
                    groups.push((
                        Vec::new(),
                        Group {
                            name: clean_line(name),
                            members: Vec::new(),
                        },
                    ));
                    groups.len() - 1
                }
            };
            let (k, g) = &mut groups[target];
            k.extend(keys);
            if !g.members.iter().any(|(i, n)| *i == m && n == name) {
                g.members.push((m, name.clone()));
            }
        }
    }
    groups
        .into_iter()
        .map(|(_, mut g)| {
            g.members.sort_by_key(|(i, _)| *i);
            g
        })
        .collect()
}

/// Each member's tracks as `(name, aliases)`.
fn tracks_of(members: &[MemberPlan]) -> Vec<Vec<(String, Vec<String>)>> {
    members
        .iter()
        .map(|m| {
            m.plan
                .manifest
                .catalogue
                .tracks
                .iter()
                .map(|t| (t.name.clone(), t.aliases.clone()))
                .collect()
        })
        .collect()
}

/// Each member's places as `(name, aliases)`.
fn locations_of(members: &[MemberPlan]) -> Vec<Vec<(String, Vec<String>)>> {
    members
        .iter()
        .map(|m| {
            m.plan
                .manifest
                .catalogue
                .locations
                .iter()
                .map(|l| (l.name.clone(), l.aliases.clone()))
                .collect()
        })
        .collect()
}

/// Whether a name is a track's or a place's, for [`per_member`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Track,
    Location,
}

/// A track or place name typed once for the whole workspace, as each member calls it: the
/// name is looked up (name or alias, any case, either Unicode form) in every member's
/// catalogue, and the track or place it names is matched across members as [`group`] does.
/// `None` for a member that has no such track or place.
pub fn per_member(members: &[MemberPlan], kind: Kind, typed: &str) -> Vec<Option<String>> {
    let names = match kind {
        Kind::Track => tracks_of(members),
        Kind::Location => locations_of(members),
    };
    let groups = group(&names);
    let wanted = fold(typed);
    let mut out = vec![None; members.len()];
    for g in &groups {
        let hit = g.members.iter().any(|(m, name)| {
            fold(name) == wanted
                || names[*m]
                    .iter()
                    .any(|(n, aliases)| n == name && aliases.iter().any(|a| fold(a) == wanted))
        });
        if hit {
            for (m, name) in &g.members {
                out[*m].get_or_insert_with(|| name.clone());
            }
        }
    }
    out
}

/// Each member's tags (on initiatives not cancelled), each once (folded).
fn tags_of(members: &[MemberPlan]) -> Vec<Vec<(String, Vec<String>)>> {
    members
        .iter()
        .map(|m| {
            let mut seen = std::collections::HashSet::new();
            m.plan
                .initiatives
                .iter()
                .filter(|i| i.status != Status::Cancelled)
                .flat_map(|i| i.tags.iter())
                .filter(|t| seen.insert(fold(t)))
                .map(|t| (t.to_string(), Vec::new()))
                .collect()
        })
        .collect()
}

/// One member's row of the dashboard.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MemberRow {
    pub member: String,
    pub path: String,
    pub title: String,
    pub year: i32,
    pub initiatives: usize,
    pub done: usize,
    pub late: usize,
    pub blocked: usize,
    pub at_risk: usize,
    /// Tracks whose count reaches the member's minimum, of `tracks`.
    pub tracks_met: usize,
    pub tracks: usize,
}

/// A track or tag that more than one member works on.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Theme {
    /// `"track"` or `"tag"`.
    pub kind: &'static str,
    pub name: String,
    /// The members that work on it (in manifest order), each with its own name for it.
    pub members: Vec<ThemeMember>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ThemeMember {
    pub member: String,
    /// The member's own spelling.
    pub name: String,
}

/// What the network's dashboard and memo leave out: a whole member, whose `plan.toml` has
/// errors (its year and rules cannot be trusted, so nothing of it is shown), or a member's
/// initiative files with errors (they may be missing or incomplete).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// The member's name in the workspace.
    pub member: String,
    /// The whole member is left out.
    pub whole: bool,
    /// The files, as shown (the member's folder joined with the file's path): its
    /// `plan.toml` when `whole`; else its initiative files with errors in path order, then
    /// the entries of its folder that could not be read.
    pub files: Vec<String>,
    /// Sub-folders of the member with a `plan.toml` of their own (and no members), as
    /// shown: plans of their own, not in the member's numbers.
    pub nested_plans: Vec<String>,
}

impl LeftOut {
    /// `left_out` with every text made one line for showing ([`clean_line`]).
    pub(super) fn cleaned(left_out: Vec<LeftOut>) -> Vec<LeftOut> {
        left_out
            .into_iter()
            .map(|l| LeftOut {
                member: clean_line(&l.member),
                whole: l.whole,
                files: l.files.iter().map(|f| clean_line(f)).collect(),
                nested_plans: l.nested_plans.iter().map(|f| clean_line(f)).collect(),
            })
            .collect()
    }
}

/// The network dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkStatus {
    pub title: String,
    pub as_of: NaiveDate,
    pub members: Vec<MemberRow>,
    /// Sums over the members (`member`, `path`, `title` empty, `year` 0).
    pub totals: MemberRow,
    pub themes: Vec<Theme>,
    /// The members, and members' files, not in the numbers above.
    pub left_out: Vec<LeftOut>,
}

/// The dashboard of `members` as of `as_of`; `left_out`: what loading the workspace left
/// out (members not among `members`, files not read in full).
pub fn status(
    title: &str,
    members: &[MemberPlan],
    left_out: Vec<LeftOut>,
    as_of: NaiveDate,
) -> NetworkStatus {
    let summaries: Vec<_> = members.iter().map(|m| summarize(&m.plan, as_of)).collect();
    let rows: Vec<MemberRow> = members
        .iter()
        .zip(&summaries)
        .map(|(m, s)| MemberRow {
            member: m.name.clone(),
            path: m.path.clone(),
            title: clean_line(&s.plan.title),
            year: s.plan.year,
            initiatives: s.totals.initiatives,
            done: s.totals.done,
            late: s.totals.late,
            blocked: s.totals.blocked,
            at_risk: s.totals.at_risk,
            tracks_met: s.tracks.iter().filter(|t| t.met).count(),
            tracks: s.tracks.len(),
        })
        .collect();
    let mut totals = MemberRow {
        member: String::new(),
        path: String::new(),
        title: String::new(),
        year: 0,
        initiatives: 0,
        done: 0,
        late: 0,
        blocked: 0,
        at_risk: 0,
        tracks_met: 0,
        tracks: 0,
    };
    for r in &rows {
        totals.initiatives += r.initiatives;
        totals.done += r.done;
        totals.late += r.late;
        totals.blocked += r.blocked;
        totals.at_risk += r.at_risk;
        totals.tracks_met += r.tracks_met;
        totals.tracks += r.tracks;
    }
    // A member works on a track when an initiative counts on it.
    let works_on_track = |m: usize, name: &str| {
        summaries[m]
            .tracks
            .iter()
            .any(|t| t.name == name && t.count > 0)
    };
    let mut themes = Vec::new();
    for (kind, groups) in [
        ("track", group(&tracks_of(members))),
        ("tag", group(&tags_of(members))),
    ] {
        for g in groups {
            let working: Vec<ThemeMember> = g
                .members
                .iter()
                .filter(|(m, name)| kind == "tag" || works_on_track(*m, name))
                .map(|(m, name)| ThemeMember {
                    member: members[*m].name.clone(),
                    name: clean_line(name),
                })
                .collect();
            let distinct = {
                let mut names: Vec<&str> = working.iter().map(|w| w.member.as_str()).collect();
                names.dedup();
                names.len()
            };
            if distinct > 1 {
                themes.push(Theme {
                    kind,
                    name: g.name,
                    members: working,
                });
            }
        }
    }
    NetworkStatus {
        title: clean_line(title),
        as_of,
        members: rows,
        totals,
        themes,
        left_out: LeftOut::cleaned(left_out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        list.iter()
            .map(|(n, a)| (n.to_string(), a.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn tracks_match_by_alias_case_and_unicode_form() {
        let groups = group(&[
            names(&[
                ("Indgang til fællesskab", &["Indgang til fællesskaber"]),
                ("Hygge", &[]),
            ]),
            names(&[("INDGANG TIL FÆLLESSKABER", &[]), ("Fordybelse", &[])]),
            // "Ågerup" written decomposed (A + combining ring).
            names(&[("hygge", &[]), ("A\u{30A}gerup", &[])]),
            names(&[("Ågerup", &[])]),
        ]);
        let shape: Vec<(&str, Vec<usize>)> = groups
            .iter()
            .map(|g| (g.name.as_str(), g.members.iter().map(|(m, _)| *m).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                ("Indgang til fællesskab", vec![0, 1]),
                ("Hygge", vec![0, 2]),
                ("Fordybelse", vec![1]),
                ("A\u{30A}gerup", vec![2, 3]),
            ]
        );
        // Each member keeps its own name.
        assert_eq!(groups[0].members[1].1, "INDGANG TIL FÆLLESSKABER");
    }

    #[test]
    fn a_name_joining_two_groups_merges_them() {
        let groups = group(&[
            names(&[("A", &[])]),
            names(&[("B", &[])]),
            names(&[("C", &["a", "b"])]),
        ]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members.len(), 3);
    }
}
