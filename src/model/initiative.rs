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

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    pub date: NaiveDate,
    pub text: String,
}

/// Where the values of an initiative stand in its file, for diagnostics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spans {
    pub period: Range<usize>,
    pub tracks: Range<usize>,
    /// One span per entry of `depends_on`, in order.
    pub depends_on: Vec<Range<usize>>,
    pub deadline: Option<Range<usize>>,
    /// Track and place names written otherwise than the catalogue's own spelling (an alias,
    /// another case): for `plan check --fix --canonical`.
    pub aliases: Vec<Alias>,
}

/// A track or place name written as an alias (or in another case) of a catalogue name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The catalogue's name.
    pub canonical: String,
    /// Byte range of the name (with its quotes) in the file's text.
    pub span: Range<usize>,
}

/// One initiative, read from one file. Names of tracks and places are canonical
/// (aliases resolved); unknown ones were reported and left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    pub id: String,
    /// Index into `Plan::files`.
    pub file: usize,
    pub title: String,
    pub description: Option<String>,
    pub period: Period,
    pub tracks: Vec<String>,
    /// Named "Alle spor": it touches every track.
    pub cross_cutting: bool,
    pub locations: Vec<String>,
    pub partners: Vec<String>,
    pub depends_on: Vec<String>,
    pub status: Status,
    pub deadline: Option<NaiveDate>,
    pub funding: Option<Funding>,
    pub owner: Option<String>,
    pub tags: Vec<String>,
    pub follow_up: Option<String>,
    pub log: Vec<LogEntry>,
    pub spans: Spans,
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
