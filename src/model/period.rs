use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// When an initiative runs: the whole year, or one quarter. The default is the whole year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Period {
    #[default]
    Year,
    Q(u8),
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::Year,
        Period::Q(1),
        Period::Q(2),
        Period::Q(3),
        Period::Q(4),
    ];

    /// The word a file writes: `year`, `Q1` … `Q4` (exactly so; the parser accepts no other).
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Q(1) => "Q1",
            Period::Q(2) => "Q2",
            Period::Q(3) => "Q3",
            _ => "Q4",
        }
    }

    /// The quarter number, if this is a quarter.
    pub fn quarter(self) -> Option<u8> {
        match self {
            Period::Year => None,
            Period::Q(q) => Some(q),
        }
    }

    /// First day of the period in `year`.
    pub fn start(self, year: i32) -> NaiveDate {
        let month = match self {
            Period::Year => 1,
            Period::Q(q) => u32::from(q) * 3 - 2,
        };
        NaiveDate::from_ymd_opt(year, month, 1).expect("valid quarter start")
    }

    /// Last day of the period in `year`.
    pub fn end(self, year: i32) -> NaiveDate {
        let next = match self {
            Period::Year | Period::Q(4) => NaiveDate::from_ymd_opt(year + 1, 1, 1),
            Period::Q(q) => NaiveDate::from_ymd_opt(year, u32::from(q) * 3 + 1, 1),
        };
        next.and_then(|d| d.pred_opt()).expect("valid quarter end")
    }

    pub fn contains(self, year: i32, date: NaiveDate) -> bool {
        self.start(year) <= date && date <= self.end(year)
    }

    /// The quarter a date falls in (ignoring the year).
    pub fn quarter_of(date: NaiveDate) -> Period {
        Period::Q(date.quarter() as u8)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarter_bounds() {
        assert_eq!(Period::Q(1).start(2017), d(2017, 1, 1));
        assert_eq!(Period::Q(1).end(2017), d(2017, 3, 31));
        assert_eq!(Period::Q(2).end(2017), d(2017, 6, 30));
        assert_eq!(Period::Q(3).start(2017), d(2017, 7, 1));
        assert_eq!(Period::Q(4).end(2017), d(2017, 12, 31));
        assert_eq!(Period::Year.end(2017), d(2017, 12, 31));
        assert!(Period::Q(2).contains(2017, d(2017, 6, 30)));
        assert!(!Period::Q(2).contains(2017, d(2017, 7, 1)));
    }

    #[test]
    fn the_file_words_are_the_names() {
        // The one place a file's `period` words come from (the parser reads them so); what
        // users may type besides (`2. kvartal`, `år`) is `i18n::period_from_user`.
        assert_eq!(
            Period::ALL.map(Period::as_str),
            ["year", "Q1", "Q2", "Q3", "Q4"]
        );
    }
}
