use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;

use super::names::{from_name, variant_name};

use super::Period;

/// Where an initiative stands, as written in `status = "…"`. The names are derived
/// (serde and clap, kebab-case); `ALL` is kept in step with the variants by a test.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default, ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
#[value(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Planned,
    Active,
    Done,
    Postponed,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Planned,
        Status::Active,
        Status::Done,
        Status::Postponed,
        Status::Cancelled,
    ];

    /// The word written in files and JSON (`planned`).
    pub fn as_str(self) -> &'static str {
        variant_name(&self)
    }

    /// Done or cancelled: nothing more is expected of it.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        from_name(s).ok_or_else(|| format!("`{s}` is not a status"))
    }
}

/// The state of an application for funding, as written in `funding = "…"`; names derived
/// like [`Status`]'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
#[value(rename_all = "kebab-case")]
pub enum Funding {
    None,
    Pending,
    Granted,
    Denied,
}

impl Funding {
    pub const ALL: [Funding; 4] = [
        Funding::None,
        Funding::Pending,
        Funding::Granted,
        Funding::Denied,
    ];

    /// The word written in files and JSON (`pending`).
    pub fn as_str(self) -> &'static str {
        variant_name(&self)
    }
}

impl fmt::Display for Funding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Funding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        from_name(s).ok_or_else(|| format!("`{s}` is not a funding state"))
    }
}

/// A change of one field recorded in a `[[log]]` entry: the value it changed to, and the
/// value it changed from when the entry says so (`status = { from = "planned", to = "active" }`);
/// the short form `status = "active"` records only `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Changed<T> {
    pub from: Option<T>,
    pub to: T,
}

/// One dated `[[log]]` entry: a note, a record of changes, or both. The history of an
/// initiative is its entries in date order (see `assess::history`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    pub date: NaiveDate,
    /// The note; empty when the entry only records changes.
    pub text: String,
    pub status: Option<Changed<Status>>,
    /// `to = None`: the field was removed.
    pub funding: Option<Changed<Option<Funding>>>,
    pub period: Option<Changed<Period>>,
    pub deadline: Option<Changed<Option<NaiveDate>>>,
    /// Canonical track names; "Alle spor" as [`crate::model::CROSS_CUTTING`]. Boxed, as the
    /// place names: few entries record them, and every entry would hold room for two lists.
    pub tracks: Option<Box<Changed<Vec<String>>>>,
    /// Canonical place names; a change that does not say `from` came from no places.
    pub locations: Option<Box<Changed<Vec<String>>>>,
    /// Changes of the title, owner, partners, tags and dependencies: one box for the five,
    /// as few entries record any of them.
    #[serde(flatten)]
    pub more: Option<Box<MoreChanges>>,
    /// Byte range of the entry in its file (empty for entries not read from a file).
    #[serde(skip)]
    pub span: Span,
}

/// The changes of a `[[log]]` entry to the fields the views show and judge by besides the
/// six above: the title (and who owns it) a memo names, the partners and tags a network
/// shares themes by, and the dependencies that make an initiative blocked. Lists are as
/// written (ids, tags, partners); a list or owner change that does not say `from` came from
/// none, a title change from the title it set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MoreChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Changed<String>>,
    /// `to = None`: the owner was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Changed<Option<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partners: Option<Changed<Vec<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Changed<Vec<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Changed<Vec<String>>>,
}

impl MoreChanges {
    fn is_empty(&self) -> bool {
        *self == MoreChanges::default()
    }
}

impl LogEntry {
    /// The entry's change of the title, if it records one.
    pub fn title(&self) -> Option<&Changed<String>> {
        self.more.as_ref()?.title.as_ref()
    }

    /// The entry's change of the owner, if it records one.
    pub fn owner(&self) -> Option<&Changed<Option<String>>> {
        self.more.as_ref()?.owner.as_ref()
    }

    /// The entry's change of the partners, if it records one.
    pub fn partners(&self) -> Option<&Changed<Vec<String>>> {
        self.more.as_ref()?.partners.as_ref()
    }

    /// The entry's change of the tags, if it records one.
    pub fn tags(&self) -> Option<&Changed<Vec<String>>> {
        self.more.as_ref()?.tags.as_ref()
    }

    /// The entry's change of the dependencies, if it records one.
    pub fn depends_on(&self) -> Option<&Changed<Vec<String>>> {
        self.more.as_ref()?.depends_on.as_ref()
    }

    /// A note without changes.
    pub fn note(date: NaiveDate, text: &str) -> LogEntry {
        LogEntry {
            date,
            text: text.to_string(),
            ..LogEntry::default()
        }
    }

    /// Whether the entry records a change of any field.
    pub fn has_changes(&self) -> bool {
        self.status.is_some()
            || self.funding.is_some()
            || self.period.is_some()
            || self.deadline.is_some()
            || self.tracks.is_some()
            || self.locations.is_some()
            || self.more.as_ref().is_some_and(|m| !m.is_empty())
    }
}

/// A byte range of a file's text in half the room of a `Range<usize>`: every initiative
/// keeps several. Offsets beyond 4 GiB (no plan file is near) are clamped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// The byte range.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: clamp(range.start),
            end: clamp(range.end),
        }
    }
}

/// Where the values of an initiative stand in its file, for diagnostics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spans {
    pub period: Span,
    pub tracks: Span,
    /// One span per entry of `depends_on`, in order.
    pub depends_on: Box<[Span]>,
    pub deadline: Option<Span>,
    /// The values of `status`, `funding` and `period`, where written.
    pub status: Option<Span>,
    pub funding: Option<Span>,
    pub added: Option<Span>,
    /// Track and place names written otherwise than the catalogue's own spelling (an alias,
    /// another case): for `plan check --fix --canonical`.
    pub aliases: Box<[Alias]>,
}

/// A track or place name written as an alias (or in another case) of a catalogue name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The catalogue's name.
    pub canonical: String,
    /// Byte range of the name (with its quotes) in the file's text.
    pub span: Range<usize>,
}

/// A short text of an initiative kept in large numbers (a track or place name, a tag, a
/// partner, an id it depends on): up to 24 bytes it is kept inline, without a heap
/// allocation of its own; it reads as a `&str`.
pub type Name = compact_str::CompactString;

/// One initiative, read from one file. Names of tracks and places are canonical
/// (aliases resolved); unknown ones were reported and left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    pub id: Name,
    /// Index into `Plan::files`.
    pub file: usize,
    pub title: Box<str>,
    pub description: Option<Box<str>>,
    pub period: Period,
    pub tracks: Box<[Name]>,
    /// Named "Alle spor": it touches every track.
    pub cross_cutting: bool,
    pub locations: Box<[Name]>,
    pub partners: Box<[Name]>,
    pub depends_on: Box<[Name]>,
    pub status: Status,
    pub deadline: Option<NaiveDate>,
    pub funding: Option<Funding>,
    pub owner: Option<Box<str>>,
    pub tags: Box<[Name]>,
    pub follow_up: Option<Box<str>>,
    /// Dated notes and changes, as written in the file (in date order unless hand-edited).
    pub log: Box<[LogEntry]>,
    /// The day the initiative was added to the plan (`added = 2017-04-10`, written by `plan
    /// new`); before it, the initiative is not part of the plan. `None`: from the start.
    pub added: Option<NaiveDate>,
    pub spans: Spans,
    /// Fields that do not hold what the file says: a default for a value that could not be
    /// read, or a stand-in for a missing or unusable title, period or tracks ([`Unreadable`]).
    pub unreadable: Unreadable,
}

/// Which of an initiative's fields do not hold what the file says.
///
/// `status` and `funding`: the key was written with a value that could not be read (or the
/// file has a syntax error, which may have taken the key's line), and the field holds the
/// default (`status` planned, `funding` none). A key left out of a valid file is not
/// unreadable: the default is what the file says.
///
/// `period` and `required`: a required field (`title`, `period`, `tracks` with at least one
/// known track) is missing or could not be used, and a stand-in fills it (an empty title,
/// the whole year, no track). Such an initiative is kept so that `plan check` reports every
/// other problem of its file at once (an unknown dependency, an undated status) instead of
/// after the first is fixed; the rules that judge by a stand-in leave it alone (`period`:
/// deadlines, the order of dependencies; `required`: the minimums), and every view leaves it
/// out ([`crate::assess::history::rewind`]), as the warning on standard error says. (The
/// order of dependencies needs no check of its own: it judges quarters only, and the
/// stand-in period is the whole year.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unreadable {
    pub status: bool,
    pub funding: bool,
    pub period: bool,
    pub required: bool,
}

impl Initiative {
    /// Whether the initiative counts toward `track` (directly, or as cross-cutting).
    pub fn touches_track(&self, track: &str, cross_cutting_counts: bool) -> bool {
        self.tracks.iter().any(|t| t == track) || (self.cross_cutting && cross_cutting_counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_and_funding_names_are_derived_and_all_lists_every_variant() {
        super::super::names::assert_names_agree::<Status>();
        super::super::names::assert_names_agree::<Funding>();
        assert_eq!(Status::ALL.as_slice(), Status::value_variants());
        assert_eq!(Funding::ALL.as_slice(), Funding::value_variants());
        assert_eq!(Status::Postponed.as_str(), "postponed");
        assert_eq!("cancelled".parse::<Status>(), Ok(Status::Cancelled));
        assert_eq!("granted".parse::<Funding>(), Ok(Funding::Granted));
        assert!("Done".parse::<Status>().is_err());
    }
}
