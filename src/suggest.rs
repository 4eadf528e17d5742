//! "Did you mean": the nearest of a set of names to what the user typed.

use crate::model::catalogue_fold as fold;

/// The candidate closest to `typed`, if it is close enough to be a likely typo.
/// Comparison ignores case and repeated spaces.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed_folded = fold(typed);
    if typed_folded.is_empty() {
        return None;
    }
    let limit = (typed_folded.chars().count() / 3).max(2);
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let scored: Vec<(usize, &str)> = candidates
        .iter()
        .copied()
        .map(|c| (strsim::damerau_levenshtein(&typed_folded, &fold(c)), c))
        .filter(|(d, _)| *d <= limit)
        .collect();
    let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
        return only_one_containing(&typed_folded, &candidates);
    };
    let mut at_best = scored.iter().filter(|(d, _)| *d == best).map(|(_, c)| *c);
    let first = at_best.next()?;
    // Two equally near names (`Q5` → Q1? Q4?): a guess would mislead, so make none,
    // unless they are spellings of the same name.
    match at_best.find(|c| fold(c) != fold(first)) {
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

/// "did you mean `x`?" or nothing.
pub fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(typed, candidates).map(|c| format!("did you mean `{c}`?"))
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
}
