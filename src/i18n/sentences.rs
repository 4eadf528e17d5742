//! The parts of the texts that take more than one part of the same type: each a small
//! struct, so the call site names every part (see [`super`]).

use super::Count;

/// The parts of the memo's first sentence: "2. kvartal 2017 omfatter 5 indsatser: …".
pub struct QuarterSentence<'a> {
    /// "2. kvartal" / "Q2".
    pub period: &'a str,
    /// The plan's year.
    pub year: i32,
    /// The quarter's initiatives, and of those the done, the active and the late ones.
    pub initiatives: Count,
    pub done: Count,
    pub active: Count,
    pub late: Count,
}

/// The parts of the memo's sentence on the tracks: "Til og med 2. kvartal har 3 af 4 spor …".
pub struct TracksSentence<'a> {
    /// "2. kvartal" / "Q2".
    pub period: &'a str,
    /// Tracks at or above the minimum, scheduled initiatives counted.
    pub met: usize,
    /// All tracks.
    pub total: Count,
    /// The minimum per track, in initiatives.
    pub minimum: Count,
    /// Tracks at or above the minimum with finished initiatives only.
    pub done_met: Count,
}

/// The parts of the memo's first sentence, whose numbers add up: "2. kvartal 2017 omfatter 7
/// indsatser: 2 færdige, 3 i gang, 1 flyttet og 1 aflyst; heraf 1 forsinket."
pub struct QuarterTotalsSentence<'a> {
    /// "2. kvartal" / "Q2".
    pub period: &'a str,
    pub year: i32,
    /// The quarter's initiatives.
    pub initiatives: Count,
    /// The counts by status that add up to `initiatives` (done first; no zero but done).
    pub parts: &'a [Count],
    /// Late, blocked and at risk, where not zero: "of which".
    pub of_which: &'a [Count],
}

/// The parts of the memo's sentence on the yearly minimum: "Årets plan når minimum (mindst 3
/// indsatser) på 6 af 7 spor; til og med 2. kvartal er det nået med færdige indsatser på 1 spor."
pub struct YearMinimumSentence<'a> {
    /// "2. kvartal" / "Q2".
    pub period: &'a str,
    /// Tracks whose year plan reaches the minimum.
    pub met: usize,
    /// All tracks.
    pub total: Count,
    /// The minimum per track, in initiatives.
    pub minimum: Count,
    /// Tracks whose done initiatives (through the quarter) reach the minimum; `None` when
    /// there are none (the clause is left out rather than saying "on 0 tracks").
    pub done_met: Option<Count>,
    /// The tracks whose year plan is short, as a list ("Fordybelse og Hygge"); empty when
    /// every track meets the minimum.
    pub short: &'a str,
}

/// The parts of the description of a draft that `plan init --from` carries over.
pub struct FollowUp<'a> {
    /// The old initiative's `follow_up` text.
    pub follow_up: &'a str,
    /// The old initiative's title.
    pub title: &'a str,
    /// The old initiative's id (its file name without `.toml`).
    pub id: &'a str,
    /// The old plan's year.
    pub year: i32,
    /// The old initiative's status as the file has it, in words ("aflyst" / "cancelled"):
    /// a follow-up of cancelled work reads differently from one of finished work.
    pub status: &'a str,
}
