//! A row's title (a whole clause or phrase of its text, never a cut word), its id (a whole
//! phrase of the title), and the initiative file made from it.
//!
//! A memo's Indsats cell is one or more sentences ("Udvikling og test af koncepter for
//! bogbussen med henblik på modernisering af det mobile tilbud …"). The title is, in this
//! order of preference:
//!
//! 1. the first sentence, when it fits in [`TITLE_MAX`] characters;
//! 2. else the longest start of it that ends before a clause boundary — a punctuation mark
//!    that ends a clause (a comma that does not separate the names of a list, `;`, `:`, a
//!    dash, a bracket) or a phrase that starts one ("med henblik på", "med fokus på", "pba",
//!    "i samarbejde med", "for at", "herunder" …; English "with a view to", "based on" …);
//! 3. else the longest start that ends before a preposition ("i", "på", "for", "samt" …),
//!    so the title ends with a whole noun phrase ("Udvikling og test af prototyper til
//!    biblioteks-koncepter");
//! 4. else before "og"/"eller"; 5. else at a word.
//!
//! A start is never cut inside one of the names kept whole (the row's tracks, such as
//! "Struktur for livet"), never ends in a small word ("og", "i", "med") and has at least a
//! few words. No "…" is added: the title is a whole phrase (only a single word longer than
//! the limit is cut, and ends in "…"); a title that is not the row's whole text is
//! *shortened*, and `plan import` lists those for review.

use super::words::{
    ABBREVIATIONS, CLAUSE_OPENERS, CLAUSE_STARTS, CONJUNCTIONS, ID_STOP_WORDS, PREPOSITIONS,
    WEAK_ENDINGS,
};
use super::Row;

/// The most characters of a title made from a row's text.
pub const TITLE_MAX: usize = 80;

/// The most characters of an imported id: short enough to type in `plan set`.
pub const ID_MAX: usize = 48;

/// The fewest characters a shortened title or id phrase must keep to say something.
const MIN: usize = 15;

/// A title made from a row's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    /// Whether it is not the row's whole text (a later sentence or the end of one left out).
    pub shortened: bool,
}

/// The title of an initiative's `text`, at most [`TITLE_MAX`] characters (see the module
/// docs); `keep` are names not to be cut inside (any case), such as the row's tracks.
pub fn make_title(text: &str, keep: &[&str]) -> Title {
    let whole = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let whole_trimmed = trim_end(&whole);
    let sentence = trim_end(first_sentence(&whole));
    let fits = |s: &str| s.chars().count() <= TITLE_MAX;
    let mut title = phrase(sentence, &fits, keep);
    if title.is_empty() && !sentence.is_empty() {
        // One word longer than a title may be (no space to end a phrase at): the only
        // cut inside a word, marked as such.
        title = sentence.chars().take(TITLE_MAX - 1).collect();
        title.push('…');
    }
    Title {
        shortened: title != whole_trimmed,
        text: title,
    }
}

/// [`make_title`]'s text, without names kept whole.
pub fn short_title(text: &str) -> String {
    make_title(text, &[]).text
}

/// Whether a phrase may end at byte `i` of a text (just before a space or punctuation).
type Boundary = dyn Fn(&str, usize) -> bool;

/// The longest whole phrase at the start of `sentence` that `fits` (see the module docs).
fn phrase(sentence: &str, fits: &dyn Fn(&str) -> bool, keep: &[&str]) -> String {
    let levels: [&Boundary; 4] = [
        &|s, i| is_clause_boundary(s, i),
        &|s, i| PREPOSITIONS.iter().any(|p| starts_ci(&s[i..], p)),
        &|s, i| CONJUNCTIONS.iter().any(|p| starts_ci(&s[i..], p)) && !in_list(&s[..i]),
        &|s, i| s.as_bytes()[i] == b' ',
    ];
    phrase_at(sentence, fits, keep, &levels)
}

/// [`phrase`] for an id, which says more when long: a cut before "og" is as good as one
/// before a preposition ("Udvikling og test af tilbagevendende koncepter", not "Udvikling
/// og test").
fn phrase_for_id(title: &str, fits: &dyn Fn(&str) -> bool, keep: &[&str]) -> String {
    let levels: [&Boundary; 3] = [
        &|s, i| is_clause_boundary(s, i),
        &|s, i| {
            PREPOSITIONS.iter().any(|p| starts_ci(&s[i..], p))
                || (CONJUNCTIONS.iter().any(|p| starts_ci(&s[i..], p)) && !in_list(&s[..i]))
        },
        &|s, i| s.as_bytes()[i] == b' ',
    ];
    phrase_at(title, fits, keep, &levels)
}

/// The longest start of `sentence` that `fits`, ending where the first of `levels` that
/// allows any says a phrase may end (the last level: any word, with no least length).
fn phrase_at(
    sentence: &str,
    fits: &dyn Fn(&str) -> bool,
    keep: &[&str],
    levels: &[&Boundary],
) -> String {
    if fits(sentence) {
        return sentence.to_string();
    }
    // No phrase longer than a title is ever wanted: the rest of a long text is not looked
    // at (a memo row of a megabyte is read in linear time).
    let head = match sentence.char_indices().nth(TITLE_MAX + 1) {
        Some((end, _)) => &sentence[..end],
        None => sentence,
    };
    // A kept name may begin in the head and end after it.
    let mut reach =
        (head.len() + keep.iter().map(|k| k.len()).max().unwrap_or(0)).min(sentence.len());
    while !sentence.is_char_boundary(reach) {
        reach += 1;
    }
    let kept = kept_spans(&sentence[..reach], keep);
    for (level, at) in levels.iter().enumerate() {
        let min = if level + 1 == levels.len() { 1 } else { MIN };
        let best = head
            .char_indices()
            .filter(|&(i, c)| i > 0 && matches!(c, ' ' | ',' | ';' | ':') && at(sentence, i))
            .filter(|&(i, _)| !kept.iter().any(|&(s, e)| s < i && i < e))
            .map(|(i, _)| without_weak_ending(trim_end(&head[..i])))
            .filter(|p| p.chars().count() >= min && fits(p))
            .max_by_key(|p| p.len());
        if let Some(best) = best {
            return best;
        }
    }
    String::new()
}

/// Whether `before` ends inside a list of names ("Jyllinge, Viby"): a comma within its last
/// three words. An "og" there joins the list's last name, so no phrase ends before it.
fn in_list(before: &str) -> bool {
    before.rsplit(' ').take(3).any(|w| w.ends_with(','))
}

/// Whether a clause may end at byte `i` of `s` (just before a space or punctuation).
fn is_clause_boundary(s: &str, i: usize) -> bool {
    let rest = &s[i..];
    if rest.starts_with(" (") || CLAUSE_STARTS.iter().any(|c| starts_ci(rest, c)) {
        return true;
    }
    let Some(after) = rest.strip_prefix(", ") else {
        return false;
    };
    // A comma between the names of a list ("Jyllinge, Viby og Gadstrup", "temaer,
    // kampagner mm.") is no boundary: the list goes on with "og" or ends within three words.
    let words: Vec<String> = after.split(' ').take(4).map(|w| w.to_lowercase()).collect();
    if words
        .first()
        .is_some_and(|w| CLAUSE_OPENERS.contains(&w.trim_end_matches(',')))
    {
        return true;
    }
    let list = words.iter().take(4).skip(1).any(|w| {
        matches!(
            w.as_str(),
            "og" | "eller" | "samt" | "and" | "or" | "&" | "mm." | "m.m." | "osv." | "etc."
        )
    }) || words.iter().take(3).any(|w| w.ends_with(','));
    !list
}

/// The first sentence of `text`: up to a `.`, `!` or `?` followed by a space and a capital
/// letter, where the word before is no abbreviation ("bl.a.", "Dr."), no initials ("A.P.
/// Møller", "H.C. Andersen") and no number ("1. kvartal").
fn first_sentence(text: &str) -> &str {
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &text[i + 1..];
        let Some(next) = rest.strip_prefix(' ').and_then(|r| r.chars().next()) else {
            continue;
        };
        if !next.is_uppercase() {
            continue;
        }
        // The word before the mark (its last few letters are enough, and keep this linear).
        let mut word: Vec<char> = text[..i]
            .chars()
            .rev()
            .take_while(|c| *c != ' ')
            .take(12)
            .flat_map(char::to_lowercase)
            .collect();
        word.reverse();
        let word: String = word.into_iter().collect();
        if c == '.'
            && (word.chars().last().is_some_and(|c| c.is_ascii_digit())
                || ABBREVIATIONS.contains(&word.as_str())
                || word.split('.').all(|letter| letter.chars().count() == 1))
        {
            continue;
        }
        return &text[..i];
    }
    text
}

/// Byte ranges of `s` where one of `keep` stands (any case).
fn kept_spans(s: &str, keep: &[&str]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for name in keep.iter().filter(|n| n.contains(' ')) {
        for (i, _) in s.char_indices() {
            if let Some(len) = match_len_ci(&s[i..], name) {
                spans.push((i, i + len));
            }
        }
    }
    spans
}

/// Whether `hay` starts with `needle`, in any case.
fn starts_ci(hay: &str, needle: &str) -> bool {
    match_len_ci(hay, needle).is_some()
}

/// The byte length in `hay` of `needle` at its start, compared in any case.
fn match_len_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut chars = hay.char_indices();
    for n in needle.chars() {
        let (_, h) = chars.next()?;
        if !h.to_lowercase().eq(n.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or(hay.len(), |(i, _)| i))
}

fn trim_end(s: &str) -> &str {
    s.trim_end_matches(['.', ',', ':', ';', '-', '–', '—', ' '])
}

/// `s` without small words at its end ("… i forbindelse med" → "…").
fn without_weak_ending(s: &str) -> String {
    let mut words: Vec<&str> = s.split(' ').collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| WEAK_ENDINGS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    trim_end(&words.join(" ")).to_string()
}

/// The initiative file for one row: its relative path (a fresh id, added to `taken`) and its
/// text. `source` names the memo in the file's header comment, when given.
pub fn row_file(row: &Row, taken: &mut Vec<String>, source: Option<&str>) -> (String, String) {
    use crate::edit::{unique_id, NewInitiative};
    let keep: Vec<&str> = row.tracks.iter().map(String::as_str).collect();
    let mut base = title_id_keeping(&row.title.text, &keep);
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
    if row.title.shortened {
        comments
            .push("The title was made from the memo's text (the description): review it.".into());
    }
    let text = NewInitiative {
        comments,
        title: row.title.text.clone(),
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

/// An id for a title: its slug when that has at most [`ID_MAX`] characters, else the slug
/// of the longest whole phrase at the title's start that fits (as for titles), so that it
/// never ends mid-phrase ("relationerne-til-lokalomraaderne-styrkes", not "…-styrkes-frem").
pub fn title_id(title: &str) -> String {
    title_id_keeping(title, &[])
}

fn title_id_keeping(title: &str, keep: &[&str]) -> String {
    let slug = crate::slug::slugify(title);
    if slug.len() <= ID_MAX {
        return slug;
    }
    // Too long: without its small words ("af", "og", "i" …), and if need be the longest
    // whole phrase that fits that way.
    let fits = |s: &str| compact_slug(s).len() <= ID_MAX;
    let shorter = compact_slug(&phrase_for_id(trim_end(title), &fits, keep));
    if !shorter.is_empty() {
        return shorter;
    }
    // One word longer than an id may be: cut it.
    let mut cut = slug[..ID_MAX].to_string();
    while cut.ends_with('-') {
        cut.pop();
    }
    cut
}

/// The slug of `s` without [`ID_STOP_WORDS`]: "Fokuseret indsats for kommunikation og
/// synliggørelse" → `fokuseret-indsats-kommunikation-synliggoerelse`.
fn compact_slug(s: &str) -> String {
    // Word by word: `slugify` cuts a long text at 64 characters.
    s.split_whitespace()
        .map(crate::slug::slugify)
        .flat_map(|w| {
            w.split('-')
                .filter(|p| !p.is_empty() && !ID_STOP_WORDS.contains(p))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join("-")
}
