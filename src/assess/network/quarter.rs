//! The network memo (`plan report` at a workspace root) as plain data: each member's
//! quarter, and the sections that set the members' items side by side by theme.

use chrono::NaiveDate;
use serde::Serialize;

use super::{group, tracks_of, LeftOut, MemberPlan};
use crate::assess::memo::{build_with, default_as_of, Item};
use crate::cli::Lang;
use crate::model::{catalogue_fold as fold, Period, Status};
use crate::text::clean_line;

/// One member in the network memo.
#[derive(Debug, Clone, Serialize)]
pub struct MemberQuarter {
    pub member: String,
    pub title: String,
    pub year: i32,
    pub as_of: NaiveDate,
    /// The quarter's own initiatives.
    pub initiatives: usize,
    pub done: usize,
    /// Whole-year initiatives running through the quarter.
    pub whole_year: usize,
    pub tracks_met: usize,
    pub tracks: usize,
    /// How many of the initiatives the memo shows of this member have a status with no
    /// dated change behind it (counted from the year's start).
    pub undated: usize,
}

/// What one member has on a track or theme this quarter, and what it reached.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub member: String,
    /// The member's own name for the track or tag.
    pub name: String,
    /// The quarter's initiatives and the whole-year ones on it.
    pub items: Vec<Item<'static>>,
    /// How many of `items` are done.
    pub done: usize,
    /// For a track: the member's coverage through the quarter against its minimum.
    pub coverage: Option<Coverage>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Coverage {
    pub to_date: usize,
    pub done: usize,
    /// Initiatives on the track in the member's whole year (not cancelled): what `met` judges.
    pub year: usize,
    pub minimum: usize,
    pub met: bool,
}

/// A track or shared theme in the memo, with an entry per member that has it.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// `"track"` or `"tag"`.
    pub kind: &'static str,
    pub name: String,
    pub entries: Vec<Entry>,
}

/// The network memo of one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkMemo {
    pub title: String,
    /// `"da"` or `"en"`.
    pub lang: &'static str,
    #[serde(skip)]
    pub language: Lang,
    pub quarter: Period,
    pub members: Vec<MemberQuarter>,
    /// Every track of any member, matched across members.
    pub tracks: Vec<Section>,
    /// Tags more than one member has on initiatives running this quarter.
    pub themes: Vec<Section>,
    /// The members, and members' files, the memo leaves out.
    pub left_out: Vec<LeftOut>,
}

/// The network memo of `quarter` (1..=4). Each member is judged as of its own default date
/// for the quarter (its year may differ): `today` when given, else the quarter's end when
/// it is past. `left_out`: what loading the workspace left out (members not among
/// `members`, files not read in full).
pub fn memo(
    title: &str,
    members: &[MemberPlan],
    left_out: Vec<LeftOut>,
    quarter: u8,
    today: NaiveDate,
    lang: Lang,
) -> NetworkMemo {
    let reports: Vec<_> = members
        .iter()
        .map(|m| {
            let as_of = default_as_of(m.plan.manifest.plan.year, quarter, today);
            let context = crate::assess::memo::Context {
                undated: m.undated.clone(),
                ..Default::default()
            };
            build_with(&m.plan, quarter, as_of, lang, context)
        })
        .collect();
    let running = |m: usize| -> Vec<&Item> {
        reports[m]
            .initiatives
            .iter()
            .chain(&reports[m].ongoing)
            .collect()
    };
    let member_rows = members
        .iter()
        .zip(&reports)
        .map(|(m, r)| MemberQuarter {
            member: m.name.clone(),
            title: r.plan.title.clone(),
            year: r.plan.year,
            as_of: r.as_of,
            initiatives: r.totals.counts.initiatives,
            done: r.totals.counts.done,
            whole_year: r.totals.whole_year,
            tracks_met: r.totals.tracks_met,
            tracks: r.totals.tracks,
            undated: r.undated.len(),
        })
        .collect();

    let tracks = group(&tracks_of(members))
        .into_iter()
        .map(|g| Section {
            kind: "track",
            name: g.name,
            entries: g
                .members
                .iter()
                .map(|(m, name)| {
                    let items: Vec<Item> = running(*m)
                        .into_iter()
                        .filter(|i| !i.cross_cutting && i.tracks.iter().any(|t| t == name))
                        .cloned()
                        .collect();
                    let coverage = reports[*m]
                        .tracks
                        .iter()
                        .find(|t| t.name == clean_line(name))
                        .map(|t| Coverage {
                            to_date: t.to_date,
                            done: t.done,
                            year: t.year,
                            minimum: t.minimum,
                            met: t.met,
                        });
                    entry(&members[*m].name, name, items, coverage)
                })
                .collect(),
        })
        .collect();

    let tags: Vec<Vec<(String, Vec<String>)>> = (0..members.len())
        .map(|m| {
            let mut seen = std::collections::HashSet::new();
            running(m)
                .into_iter()
                .filter_map(|i| members[m].plan.get(&i.id))
                .flat_map(|i| i.tags.iter())
                .filter(|t| seen.insert(fold(t)))
                .map(|t| (t.to_string(), Vec::new()))
                .collect()
        })
        .collect();
    let themes = group(&tags)
        .into_iter()
        .filter(|g| g.members.len() > 1)
        .map(|g| Section {
            kind: "tag",
            name: g.name,
            entries: g
                .members
                .iter()
                .map(|(m, name)| {
                    let items: Vec<Item> = running(*m)
                        .into_iter()
                        .filter(|i| {
                            members[*m]
                                .plan
                                .get(&i.id)
                                .is_some_and(|init| init.tags.iter().any(|t| fold(t) == fold(name)))
                        })
                        .cloned()
                        .collect();
                    entry(&members[*m].name, name, items, None)
                })
                .collect(),
        })
        .collect();

    NetworkMemo {
        title: clean_line(title),
        lang: match lang {
            Lang::Da => "da",
            Lang::En => "en",
        },
        language: lang,
        quarter: Period::Q(quarter),
        members: member_rows,
        tracks,
        themes,
        left_out: LeftOut::cleaned(left_out),
    }
}

fn entry(member: &str, name: &str, items: Vec<Item<'_>>, coverage: Option<Coverage>) -> Entry {
    let items: Vec<Item<'static>> = items.into_iter().map(Item::into_owned).collect();
    Entry {
        member: member.to_string(),
        name: clean_line(name),
        done: items.iter().filter(|i| i.status == Status::Done).count(),
        items,
        coverage,
    }
}
