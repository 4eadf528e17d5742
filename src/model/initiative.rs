use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::Period;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
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

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Done => "done",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
        }
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
        Status::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("`{s}` is not a status"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
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

    pub fn as_str(self) -> &'static str {
        match self {
            Funding::None => "none",
            Funding::Pending => "pending",
            Funding::Granted => "granted",
            Funding::Denied => "denied",
        }
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
        Funding::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("`{s}` is not a funding state"))
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
