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

/// A funding state as a user may type it: `pending`, `afventer`, `afventer finansiering` …
pub fn funding_from_user(text: &str) -> Option<Funding> {
    let typed = catalogue_fold(text);
    let short_da = |f: Funding| match f {
        Funding::None => "ingen",
        Funding::Pending => "afventer",
        Funding::Granted => "bevilget",
        Funding::Denied => "afslået",
    };
    Funding::ALL.into_iter().find(|&f| {
        [f.as_str(), short_da(f), DA.funding(f), EN.funding(f)]
            .iter()
            .any(|name| catalogue_fold(name) == typed)
    })
}

/// A period as a user may type it: `Q2`, `2`, `2. kvartal`, `year`, `år`, `hele året`.
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
    }
}
