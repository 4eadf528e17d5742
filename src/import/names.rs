//! Catalogue names in the memo's text: the tracks a track cell runs together, and the
//! places an initiative's text mentions.

use crate::model::{catalogue_fold as fold, Catalogue, CROSS_CUTTING};

/// A track cell split into tracks.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SplitTracks {
    /// Canonical names in the order of the cell, each once.
    pub tracks: Vec<String>,
    /// Phrases that are no track, as written.
    pub unknown: Vec<String>,
}

/// Splits a cell such as "En lokal aktør Indgang til fællesskab Hygge" into the tracks it
/// names: at each word, the longest name or alias that starts there (case-insensitive);
/// words that start none are gathered into unknown phrases.
pub fn split_tracks(cell: &str, catalogue: &Catalogue) -> SplitTracks {
    let mut names: Vec<(Vec<String>, &str)> = Vec::new();
    for track in &catalogue.tracks {
        for spelling in std::iter::once(&track.name).chain(&track.aliases) {
            names.push((words(spelling), track.name.as_str()));
        }
    }
    for spelling in [CROSS_CUTTING, "All tracks"] {
        names.push((words(spelling), CROSS_CUTTING));
    }
    names.retain(|(w, _)| !w.is_empty());
    names.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));

    let cell_words = words(cell);
    let original: Vec<&str> = cell
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = SplitTracks::default();
    let mut unknown: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < cell_words.len() {
        let found = names
            .iter()
            .find(|(w, _)| cell_words[i..].starts_with(w.as_slice()));
        match found {
            Some((w, canonical)) => {
                if !unknown.is_empty() {
                    out.unknown.push(unknown.join(" "));
                    unknown.clear();
                }
                if !out.tracks.iter().any(|t| t == canonical) {
                    out.tracks.push(canonical.to_string());
                }
                i += w.len();
            }
            None => {
                unknown.push(original[i]);
                i += 1;
            }
        }
    }
    if !unknown.is_empty() {
        out.unknown.push(unknown.join(" "));
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// The places of the catalogue that the text names, as whole words in any case, in the
/// order of their first mention.
pub fn find_places(text: &str, catalogue: &Catalogue) -> Vec<String> {
    let haystack: Vec<char> = text.to_lowercase().chars().collect();
    let mut found: Vec<(usize, &str)> = Vec::new();
    for place in &catalogue.locations {
        let first = std::iter::once(&place.name)
            .chain(&place.aliases)
            .filter_map(|spelling| find_word(&haystack, spelling))
            .min();
        if let Some(at) = first {
            found.push((at, place.name.as_str()));
        }
    }
    found.sort();
    found
        .into_iter()
        .map(|(_, name)| name.to_string())
        .collect()
}

fn find_word(haystack: &[char], word: &str) -> Option<usize> {
    let needle: Vec<char> = word.to_lowercase().chars().collect();
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len()).find(|&i| {
        haystack[i..i + needle.len()] == needle[..]
            && (i == 0 || !haystack[i - 1].is_alphanumeric())
            && haystack
                .get(i + needle.len())
                .is_none_or(|c| !c.is_alphanumeric())
    })
}
