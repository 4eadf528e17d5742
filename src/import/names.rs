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

/// Words after which the places a sentence names are ones the initiative learns from, refers
/// to or leads to later, not places where it acts: "… for bogbussen, Gundsømagle og Ågerup
/// pba erfaringer fra Jyllinge, Viby og Gadstrup" acts in the first three. Each reaches to
/// the end of its sentence (or a `;`). Matched as whole words, in any case.
pub const REFERENCE_MARKERS: &[&str] = &[
    // Learning from, building on.
    "pba",
    "p.b.a.",
    "på baggrund af",
    "erfaringer fra",
    "erfaringerne fra",
    "erfaring fra",
    "inspireret af",
    "inspiration fra",
    "efter model af",
    "efter model fra",
    "efter forbillede af",
    "ligesom",
    "som i",
    // Where a later step goes.
    "med henblik på implementering",
    "med henblik på udbredelse",
    "med henblik på udrulning",
    "med henblik på overførsel",
    // English.
    "based on",
    "building on",
    "inspired by",
    "inspiration from",
    "drawing on",
    "learning from",
    "experience from",
    "experiences from",
    "lessons from",
    "modelled on",
    "modeled on",
    "following the example of",
    "as in",
    "like in",
    "with a view to implementing",
    "for implementation in",
    "to be rolled out",
];

/// Markers of a comparison, which are common words besides ("som i foråret", "as in
/// 2017"): they refer elsewhere only when a name follows them ("som i Jyllinge", "ligesom i
/// Viby", "as in Gadstrup"), after at most a preposition.
const COMPARISONS: &[&str] = &["ligesom", "som i", "as in", "like in"];

/// Whether the next word after character `at` of `text`, past an "i", "på", "in" or "at",
/// begins with a capital letter.
fn names_follow(text: &[char], at: usize) -> bool {
    let rest: String = text.get(at..).unwrap_or_default().iter().take(60).collect();
    let mut words = rest.split_whitespace();
    let mut word = words.next();
    if word.is_some_and(|w| matches!(w, "i" | "på" | "in" | "at")) {
        word = words.next();
    }
    word.and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The places a text names, split by the rule of [`REFERENCE_MARKERS`].
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Places {
    /// Where the initiative acts: named at least once outside a reference (canonical names,
    /// in order of first such mention).
    pub acting: Vec<String>,
    /// Named only after a reference marker (canonical names, in order of first mention).
    pub referred: Vec<String>,
}

/// The places of the catalogue that the text names as whole words in any case, in the
/// order of their first mention, without those it only refers to ([`places_of`]).
pub fn find_places(text: &str, catalogue: &Catalogue) -> Vec<String> {
    places_of(text, catalogue).acting
}

/// The places of the catalogue the text names (names and aliases, as whole words in any
/// case), split into those where the initiative acts and those it only refers to: a place
/// every mention of which stands after a [`REFERENCE_MARKERS`] phrase in its sentence.
pub fn places_of(text: &str, catalogue: &Catalogue) -> Places {
    let original: Vec<char> = text.chars().collect();
    // Lowercase char for char, so that positions in the two agree.
    let haystack: Vec<char> = original
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let zones = reference_zones(&original, &haystack);
    let in_zone = |at: usize| zones.iter().any(|&(s, e)| s <= at && at < e);
    let mut acting: Vec<(usize, &str)> = Vec::new();
    let mut referred: Vec<(usize, &str)> = Vec::new();
    for place in &catalogue.locations {
        let mentions: Vec<usize> = std::iter::once(&place.name)
            .chain(&place.aliases)
            .flat_map(|spelling| find_words(&haystack, spelling))
            .collect();
        if let Some(at) = mentions.iter().copied().filter(|&at| !in_zone(at)).min() {
            acting.push((at, place.name.as_str()));
        } else if let Some(at) = mentions.iter().copied().min() {
            referred.push((at, place.name.as_str()));
        }
    }
    let names = |mut found: Vec<(usize, &str)>| {
        found.sort();
        found
            .into_iter()
            .map(|(_, name)| name.to_string())
            .collect()
    };
    Places {
        acting: names(acting),
        referred: names(referred),
    }
}

/// Character ranges of `text` from a reference marker to the end of its sentence: a `.`,
/// `!` or `?` before a space and a capital letter (not after a digit: "1. kvartal"), a `;`,
/// or the end. `haystack` is `text` in lowercase, char for char.
fn reference_zones(text: &[char], haystack: &[char]) -> Vec<(usize, usize)> {
    let ends_here = |i: usize| {
        text[i] == ';'
            || (matches!(text[i], '.' | '!' | '?')
                && text.get(i + 1) == Some(&' ')
                && text.get(i + 2).is_some_and(|c| c.is_uppercase())
                && !(i > 0 && text[i - 1].is_ascii_digit()))
    };
    // The end of the sentence at each position, in one pass from the end.
    let mut sentence_end = vec![text.len(); text.len() + 1];
    for i in (0..text.len()).rev() {
        sentence_end[i] = if ends_here(i) { i } else { sentence_end[i + 1] };
    }
    let mut zones = Vec::new();
    for marker in REFERENCE_MARKERS {
        for start in find_words(haystack, marker) {
            let after = start + marker.chars().count();
            if COMPARISONS.contains(marker) && !names_follow(text, after) {
                continue;
            }
            zones.push((start, sentence_end[start]));
        }
    }
    zones
}

fn find_words(haystack: &[char], word: &str) -> Vec<usize> {
    let needle: Vec<char> = word
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    if needle.is_empty() || needle.len() > haystack.len() {
        return Vec::new();
    }
    (0..=haystack.len() - needle.len())
        .filter(|&i| {
            haystack[i..i + needle.len()] == needle[..]
                && (i == 0 || !haystack[i - 1].is_alphanumeric())
                && haystack
                    .get(i + needle.len())
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .collect()
}
