//! What users type on the command line for a status, a funding state or a period, in either
//! language: `færdig`, `afventer`, `2. kvartal`, `år`. The words shown in output live in the
//! language tables (`da.rs`, `en.rs`); the words accepted as input are read here, from those
//! tables and from the extra short forms below.

use crate::model::{catalogue_fold, Funding, Period, Status};

use super::{DA, EN};

/// A status as a user may type it on the command line: the file's word (`done`) or its name
/// in either language (`færdig`, `i gang`), in any case.
pub fn status_from_user(text: &str) -> Option<Status> {
    let typed = catalogue_fold(text);
    Status::ALL.into_iter().find(|&s| {
        [s.as_str(), DA.status(s), EN.status(s)]
            .iter()
            .any(|name| catalogue_fold(name) == typed)
    })
}

/// Danish words for a funding state besides the table's own (`afslået`): `afvist` is the
/// common word for denied, and each may be followed by "finansiering" ("afventer
/// finansiering", "ingen finansiering").
const FUNDING_DA_MORE: [(Funding, &str); 1] = [(Funding::Denied, "afvist")];

/// A funding state as a user may type it: `pending`, `afventer`, `afvist`, `afventer
/// finansiering`, `funding pending` …
pub fn funding_from_user(text: &str) -> Option<Funding> {
    let typed = catalogue_fold(text);
    let typed = typed
        .strip_suffix(" finansiering")
        .or_else(|| typed.strip_prefix("finansiering "))
        .or_else(|| typed.strip_prefix("funding "))
        .unwrap_or(&typed);
    Funding::ALL.into_iter().find(|&f| {
        [f.as_str(), DA.funding(f), EN.funding(f)]
            .into_iter()
            .chain(
                FUNDING_DA_MORE
                    .iter()
                    .filter(|(g, _)| *g == f)
                    .map(|(_, w)| *w),
            )
            .any(|name| catalogue_fold(name) == typed)
    })
}

/// The words besides the file's own that the command line takes for `key` (`status`,
/// `funding`, `period`), for a finding that lists the valid values: the Danish ones.
pub fn other_words_for(key: &str) -> Option<Vec<&'static str>> {
    match key {
        "status" => Some(Status::ALL.iter().map(|&s| DA.status(s)).collect()),
        "funding" => Some(
            Funding::ALL
                .iter()
                .map(|&f| DA.funding(f))
                .chain(FUNDING_DA_MORE.iter().map(|(_, w)| *w))
                .collect(),
        ),
        "period" => Some(vec![
            "år",
            "1. kvartal",
            "2. kvartal",
            "3. kvartal",
            "4. kvartal",
        ]),
        _ => None,
    }
}

/// A period as a user may type it: `Q2`, `2`, `2. kvartal`, `quarter 2`, `year`, `år`,
/// `hele året`. The one parser of typed periods (the command line, and memo headings in
/// `plan import`); files hold only [`Period::as_str`]'s words.
pub fn period_from_user(text: &str) -> Option<Period> {
    let typed = catalogue_fold(text);
    let year_words = ["year", "whole year", "år", "aar", "hele året", "helår"];
    if year_words.contains(&typed.as_str()) {
        return Some(Period::Year);
    }
    let digits = typed
        .strip_prefix('q')
        .or_else(|| typed.strip_suffix(". kvartal"))
        .or_else(|| typed.strip_suffix(" kvartal"))
        .or_else(|| typed.strip_prefix("kvartal "))
        .or_else(|| typed.strip_suffix(". quarter"))
        .or_else(|| typed.strip_suffix(" quarter"))
        .or_else(|| typed.strip_prefix("quarter "))
        .unwrap_or(&typed);
    match digits {
        "1" => Some(Period::Q(1)),
        "2" => Some(Period::Q(2)),
        "3" => Some(Period::Q(3)),
        "4" => Some(Period::Q(4)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_may_type_statuses_periods_and_funding_as_they_see_them() {
        assert_eq!(status_from_user("færdig"), Some(Status::Done));
        assert_eq!(status_from_user("I GANG"), Some(Status::Active));
        assert_eq!(status_from_user("done"), Some(Status::Done));
        assert_eq!(status_from_user("klar"), None);
        assert_eq!(period_from_user("2. kvartal"), Some(Period::Q(2)));
        assert_eq!(period_from_user("q3"), Some(Period::Q(3)));
        assert_eq!(period_from_user("4"), Some(Period::Q(4)));
        assert_eq!(period_from_user("År"), Some(Period::Year));
        assert_eq!(period_from_user("Hele året"), Some(Period::Year));
        assert_eq!(period_from_user("Q5"), None);
        assert_eq!(funding_from_user("afventer"), Some(Funding::Pending));
        assert_eq!(funding_from_user("funding granted"), Some(Funding::Granted));
        assert_eq!(funding_from_user("none"), Some(Funding::None));
        assert_eq!(funding_from_user("afvist"), Some(Funding::Denied));
        assert_eq!(funding_from_user("Afslået"), Some(Funding::Denied));
        assert_eq!(
            funding_from_user("afventer finansiering"),
            Some(Funding::Pending)
        );
        assert_eq!(funding_from_user("ingen finansiering"), Some(Funding::None));
        assert_eq!(
            funding_from_user("finansiering bevilget"),
            Some(Funding::Granted)
        );
        assert_eq!(funding_from_user("funding denied"), Some(Funding::Denied));
        assert_eq!(funding_from_user("afvst"), None);
    }
}
