//! A row's title (its first clause, cut at a word), its id, and the initiative file made
//! from it.

use super::Row;

/// Words that do not end a title well.
const WEAK_ENDINGS: [&str; 38] = [
    "og", "eller", "i", "af", "på", "til", "med", "for", "om", "fra", "ved", "samt", "de", "det",
    "den", "en", "et", "som", "der", "at", "hvor", "herunder", "mod", "henblik", "bl.a.", "and",
    "or", "of", "in", "on", "to", "with", "for", "the", "a", "an", "at", "by",
];

/// A short title from an initiative's text: its first clause, cut to about 70 characters
/// at a word, without a dangling "og", "i", "med" at the end.
pub fn short_title(text: &str) -> String {
    const MAX: usize = 70;
    // Where a clause may end, and how long it must be by then to say something: a comma
    // often only separates the names of a list ("Jyllinge, Viby og Gadstrup").
    const BOUNDARIES: [(&str, usize); 7] = [
        (". ", 15),
        ("; ", 15),
        (": ", 15),
        (" – ", 15),
        (" - ", 15),
        (" (", 15),
        (", ", 35),
    ];
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut end = text.len();
    for (i, _) in text.char_indices() {
        let rest = &text[i..];
        let before = text[..i].chars().count();
        if BOUNDARIES
            .iter()
            .any(|(b, min)| rest.starts_with(b) && before >= *min)
        {
            end = i;
            break;
        }
    }
    let clause = text[..end].trim_end_matches(['.', ',', ':', ';']);
    let mut words: Vec<&str> = Vec::new();
    let mut length = 0;
    let mut cut = false;
    for word in clause.split(' ') {
        let added = word.chars().count() + usize::from(!words.is_empty());
        // One character is kept free for the "…" that marks a cut title.
        if length + added > MAX - 1 && !words.is_empty() {
            cut = true;
            break;
        }
        words.push(word);
        length += added;
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| WEAK_ENDINGS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let title = words.join(" ");
    let title = title.trim_end_matches(['.', ',', ':', ';', '-', '–']);
    let mut title: String = title.chars().take(MAX - 1).collect();
    if cut {
        title.push('…');
    }
    title
}

/// The initiative file for one row: its relative path (a fresh id, added to `taken`) and its
/// text. `source` names the memo in the file's header comment, when given.
pub fn row_file(row: &Row, taken: &mut Vec<String>, source: Option<&str>) -> (String, String) {
    use crate::edit::{unique_id, NewInitiative};
    let title = short_title(&row.text);
    let mut base = title_id(&title);
    if base.is_empty() {
        base = format!("row-{}", row.line);
    }
    let id = unique_id(&base, taken);
    taken.push(id.clone());
    let mut comments = vec![format!("{}, row {} of the memo.", row.heading, row.number)];
    if let Some(source) = source {
        comments.push(format!(
            "Imported by `plan import` from {source}, line {}.",
            row.line
        ));
    }
    let text = NewInitiative {
        comments,
        title,
        description: Some(row.text.clone()),
        period: row.period.as_str().to_string(),
        tracks: row.tracks.clone(),
        locations: row.locations.clone(),
        status: "planned".into(),
        ..NewInitiative::default()
    }
    .render();
    (format!("{id}.toml"), text)
}

/// The most characters of an imported id: short enough to type in `plan set`.
const ID_MAX: usize = 48;

/// An id for a title: its slug, cut at a word to at most 48 characters, without a dangling
/// "-i" or "-af".
pub fn title_id(title: &str) -> String {
    let slug = crate::slug::slugify(title);
    let mut parts: Vec<&str> = Vec::new();
    let mut length = 0;
    for part in slug.split('-') {
        let added = part.len() + usize::from(!parts.is_empty());
        if length + added > ID_MAX && !parts.is_empty() {
            break;
        }
        parts.push(part);
        length += added;
    }
    let weak: Vec<String> = WEAK_ENDINGS
        .iter()
        .map(|w| crate::slug::slugify(w))
        .collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| weak.iter().any(|w| w == p)) {
        parts.pop();
    }
    parts.join("-")
}
