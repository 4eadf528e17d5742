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
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&typed_folded, &fold(c)), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
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
    }
}
