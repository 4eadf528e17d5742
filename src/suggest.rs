//! "Did you mean": the nearest of a set of names to what the user typed.
//!
//! Names are compared folded (case, repeated spaces, look-alike characters pasted from Word),
//! and in three forms each, so that Danish letters typed without their marks still find their
//! name: as written, with æ/ø/å spelt out in two letters (ae/oe/aa, Danish usage when the
//! letters are missing) and in one (a/o/a, as on a keyboard without them). `Agerup` finds
//! Ågerup, and `Gundsomagle` Gundsømagle, even when the catalogue also lists `Aagerup`.

use crate::model::catalogue_fold;
use crate::text::lookalike;

/// Folded for comparison: look-alikes made plain, then the catalogue's folding.
fn fold(name: &str) -> String {
    catalogue_fold(&lookalike::plain(name))
}

/// The forms a folded name is compared in: as it is, æ/ø/å → ae/oe/aa, and æ/ø/å → a/o/a.
fn forms(folded: &str) -> [String; 3] {
    let spelt = |two: bool| {
        let mut out = String::with_capacity(folded.len() + 4);
        for c in folded.chars() {
            match (c, two) {
                ('æ', true) => out.push_str("ae"),
                ('ø', true) => out.push_str("oe"),
                ('å', true) => out.push_str("aa"),
                ('æ' | 'å', false) => out.push('a'),
                ('ø', false) => out.push('o'),
                _ => out.push(c),
            }
        }
        out
    };
    [folded.to_string(), spelt(true), spelt(false)]
}

/// The smallest edit distance between any form of `a` and any form of `b` (both folded).
fn distance(a: &[String; 3], b: &[String; 3]) -> usize {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| strsim::damerau_levenshtein(x, y)))
        .min()
        .unwrap_or(usize::MAX)
}

/// Whether two spellings are the same name but for Danish letters (`Ågerup`, `Aagerup`).
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (forms(&fold(a)), forms(&fold(b)));
    a[0] == b[0] || a[1] == b[1] || a[2] == b[2]
}

/// The candidate closest to `typed`, if it is close enough to be a likely typo.
/// Comparison ignores case, repeated spaces, look-alike characters and Danish letters typed
/// without their marks.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_folded = fold(typed);
    if typed_folded.is_empty() {
        return None;
    }
    let typed_forms = forms(&typed_folded);
    let limit = (typed_folded.chars().count() / 3).max(2);
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let scored: Vec<(usize, &str)> = candidates
        .iter()
        .copied()
        .map(|c| (distance(&typed_forms, &forms(&fold(c))), c))
        .filter(|(d, _)| *d <= limit)
        .collect();
    let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
        return only_one_containing(&typed_folded, &candidates);
    };
    let mut at_best = scored.iter().filter(|(d, _)| *d == best).map(|(_, c)| *c);
    let first = at_best.next()?;
    // Two equally near names (`Q5` → Q1? Q4?): a guess would mislead, so make none,
    // unless they are spellings of the same name.
    match at_best.find(|c| !same_name(c, first)) {
        Some(_) => None,
        None => Some(first),
    }
}

/// A start of a name (`digitale`, `modelteater`) names it when no other name contains it.
fn only_one_containing<'a>(typed_folded: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if typed_folded.chars().count() < 4 {
        return None;
    }
    let mut found = candidates
        .iter()
        .copied()
        .filter(|c| fold(c).contains(typed_folded));
    let first = found.next()?;
    match found.find(|c| fold(c) != fold(first)) {
        Some(_) => None,
        None => Some(first),
    }
}

/// "did you mean `x`?" or nothing; see [`hint`].
pub fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(typed, candidates).map(|c| hint(typed, c))
}

/// "did you mean `x`?", and when what was typed holds look-alike or invisible characters
/// (pasted from Word), which and where: "`status` has an invisible U+00A0 NO-BREAK SPACE
/// after `status`; type it plainly: `status`" — so that `status` → `status` is not a riddle.
pub fn hint(typed: &str, meant: &str) -> String {
    match lookalike::describe(typed) {
        Some(where_) if fold(typed) == fold(meant) => {
            format!("it has {where_}; type it plainly: `{meant}`")
        }
        Some(where_) => format!("did you mean `{meant}`? (it has {where_})"),
        None => format!("did you mean `{meant}`?"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_ignores_far_names() {
        assert_eq!(
            nearest("trakcs", ["title", "tracks", "tags"]),
            Some("tracks")
        );
        assert_eq!(nearest("Hyge", ["Hygge", "Fordybelse"]), Some("Hygge"));
        assert_eq!(
            nearest("gundsomagle", ["Gundsømagle", "Viby"]),
            Some("Gundsømagle")
        );
        assert_eq!(nearest("xyzzy", ["Hygge", "Fordybelse"]), None);
        assert_eq!(nearest("", ["a"]), None);
        assert_eq!(nearest("Q5", ["Q1", "Q2", "Q3", "Q4"]), None);
        assert_eq!(
            nearest("digitale", ["Hygge", "Digitale forbindelser"]),
            Some("Digitale forbindelser")
        );
        assert_eq!(
            nearest("relationer", ["relationer-a", "relationer-b"]),
            None
        );
    }

    #[test]
    fn danish_letters_typed_without_marks() {
        let places = [
            "Ågerup",
            "Aagerup",
            "Gundsømagle",
            "Gundsoemagle",
            "Viby",
            "Ærø",
        ];
        for (typed, meant) in [
            ("Agerup", "Ågerup"),
            ("aagerup", "Aagerup"),
            ("Gundsomagle", "Gundsømagle"),
            ("gundsoemagle", "Gundsoemagle"),
            ("Aero", "Ærø"),
            ("Aeroe", "Ærø"),
            ("Ero", "Ærø"),
        ] {
            let found = nearest(typed, places).map(fold);
            assert!(
                found.is_some() && same_name(&found.clone().unwrap(), meant),
                "{typed} → {found:?}"
            );
        }
        assert_eq!(nearest("Agerup", ["Ågerup", "Aagerup"]), Some("Ågerup"));
    }

    #[test]
    fn look_alikes_are_named() {
        assert_eq!(nearest("status\u{a0}", ["status", "title"]), Some("status"));
        assert_eq!(
            hint("status\u{a0}", "status"),
            "it has an invisible U+00A0 NO-BREAK SPACE after `status`; type it plainly: `status`"
        );
        assert_eq!(hint("trakcs", "tracks"), "did you mean `tracks`?");
        assert_eq!(nearest("depends–on", ["depends-on"]), Some("depends-on"));
    }
}
