//! The one word wrapper, for the terminal (`show`, `status`) and the text memo alike.
//!
//! Words are found by a custom `textwrap` word separator that splits at spaces and keeps a
//! number with a full stop with the next word ("2. kvartal", "30. juni", "(1. kvartal)"), and
//! packed by `textwrap`'s first-fit algorithm. Widths are measured per word with
//! [`super::width`] (so ☀️ counts two columns; `textwrap`'s own measure sums characters). A
//! word longer than a line is never broken: it gets a line of its own.

use textwrap::core::{Fragment, Word};
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;

use super::width;

/// A word (or an item) with its display width and the width of what follows it on a line.
#[derive(Debug)]
struct Piece<'a> {
    text: &'a str,
    width: usize,
    gap: usize,
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.gap as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// "2.", "30.", "(1.": a number with a full stop, which belongs with the next word.
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_start_matches('(');
    match digits.strip_suffix('.') {
        Some(n) => !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()),
        None => false,
    }
}

/// Whether `word` belongs with the word after it, `next`: an ordinal ("2." kvartal, "30."
/// juni), or an English date's day before its month ("10" May, "(1" July).
fn binds(word: &str, next: &str) -> bool {
    if is_ordinal(word) {
        return true;
    }
    let day = word.trim_start_matches('(');
    let day = !day.is_empty() && day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit());
    let month = next.trim_end_matches(|c: char| !c.is_alphabetic());
    // The English months, as the English memo writes a date ("10 May 2017").
    day && crate::i18n::words(crate::cli::Lang::En)
        .months
        .contains(&month)
}

/// `text` with the space after each ordinal ("2. kvartal", "30. juni", "(1. kvartal)") and
/// after an English date's day ("10 May 2017") made a no-break space (U+00A0), for formats a
/// reader lays out (HTML, Word), so that they never break "1." from its word as the text
/// formats never do. Borrowed when there is none.
pub fn bind_ordinals(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut bound = false;
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.next() {
        out.push_str(word);
        if let Some(next) = words.peek() {
            let binds = binds(word, next);
            bound |= binds;
            out.push(if binds { '\u{a0}' } else { ' ' });
        }
    }
    if bound {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The word separator: words are separated by spaces (one or more); an ordinal, or an
/// English date's day, takes the next word with it, so "2. kvartal" and "10 May" are one
/// word to the wrapping.
fn words_keeping_ordinals(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c == ' ', start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, line.len()));
    }
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(words.len());
    for (s, e) in words {
        match joined.last_mut() {
            Some(last) if binds(&line[last.0..last.1], &line[s..e]) => last.1 = e,
            _ => joined.push((s, e)),
        }
    }
    Box::new(
        joined
            .into_iter()
            .map(move |(s, e)| Word::from(&line[s..e])),
    )
}

/// The display width of the widest word of `text` as [`wrap`] sees it (an ordinal and the
/// word after it count as one: "2. kvartal"), line by line: the narrowest column `text`
/// fits in without a word being split. 0 for blank text.
pub fn widest_word(text: &str) -> usize {
    text.lines()
        .flat_map(words_keeping_ordinals)
        .map(|w| width(w.word))
        .max()
        .unwrap_or(0)
}

/// Wraps one paragraph to lines of at most `max` columns (a longer word overflows on a line
/// of its own); the first line starts with `first`, the others with `rest`. Line breaks and
/// tabs in `text` count as spaces; runs of spaces become one. Always at least one line.
pub fn wrap(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    // Most texts of a memo are one line that fits, its words one space apart: the one line
    // the wrapping would make of them, without taking them apart.
    if !text.contains(['\n', '\r', '\t'])
        && !text.starts_with(' ')
        && !text.contains("  ")
        && width(first) + width(text) <= max
    {
        return vec![format!("{first}{text}").trim_end().to_string()];
    }
    wrap_words(text, max, first, rest)
}

/// [`wrap`], each word found and placed.
fn wrap_words(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    let text = text.replace(['\n', '\r', '\t'], " ");
    let pieces: Vec<Piece<'_>> = WordSeparator::Custom(words_keeping_ordinals)
        .find_words(&text)
        .map(|w| Piece {
            text: w.word,
            width: width(w.word),
            gap: 1,
        })
        .collect();
    // A first word too long for the room after a label (a web address after "Seneste note
    // (…):") starts on a line of its own under the label, as a long word further on does,
    // rather than run the label's line past the width.
    if !first.trim().is_empty()
        && width(first) > width(rest)
        && pieces.first().is_some_and(|p| width(first) + p.width > max)
    {
        let mut lines = vec![first.trim_end().to_string()];
        lines.extend(wrap_words(&text, max, rest, rest));
        return lines;
    }
    let widths = [
        max.saturating_sub(width(first)) as f64,
        max.saturating_sub(width(rest)) as f64,
    ];
    wrap_first_fit(&pieces, &widths)
        .into_iter()
        .enumerate()
        .map(|(n, line)| {
            let words: Vec<&str> = line.iter().map(|p| p.text).collect();
            let indent = if n == 0 { first } else { rest };
            format!("{indent}{}", words.join(" "))
                .trim_end()
                .to_string()
        })
        .collect()
}

/// Wraps text that may hold several paragraphs to `max` columns, keeping its own line breaks
/// (an empty line stays empty); empty lines at the start and the end are dropped.
pub fn wrap_paragraphs(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .flat_map(|paragraph| wrap(paragraph, max, "", ""))
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let leading = lines.iter().take_while(|l| l.is_empty()).count();
    lines.drain(..leading);
    lines
}

/// A word too wide for `max` columns broken into lines after its hyphens and slashes, as few
/// lines as first-fit packing gives ("eksempelby-kommunes-" / "biblioteker"); a piece
/// between two such marks that is wider still is left whole, and a word that fits (or has
/// neither mark) is one line. For names and paths that are one long word, such as a
/// member's folder in a table column.
pub fn break_after_hyphens(word: &str, max: usize) -> Vec<String> {
    if width(word) <= max {
        return vec![word.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in word.split_inclusive(['-', '/']) {
        if !line.is_empty() && width(&line) + width(piece) > max {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(piece);
    }
    lines.push(line);
    lines
}

/// Joins items with `sep` into lines of at most `max` columns, never breaking an item.
/// Each item is `(plain, painted)`: the plain text is measured, the painted one written.
pub fn wrap_items(items: &[(String, String)], sep: &str, max: usize) -> Vec<String> {
    if items.is_empty() {
        return Vec::new();
    }
    let pieces: Vec<Piece<'_>> = items
        .iter()
        .map(|(plain, painted)| Piece {
            text: painted,
            width: width(plain),
            gap: width(sep),
        })
        .collect();
    wrap_first_fit(&pieces, &[max as f64])
        .into_iter()
        .map(|line| {
            let items: Vec<&str> = line.iter().map(|p| p.text).collect();
            items.join(sep)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// A text that fits on its first line comes out as the words placed one by one
        /// would give it.
        #[test]
        fn a_line_that_fits_is_the_line_the_words_make(
            text in "([a-zæø.(1-3]|2\\. |☀️|\u{a0}| |  |\t|\n)*",
            max in 0usize..40,
            first in "(- |  |)",
        ) {
            proptest::prop_assert_eq!(wrap(&text, max, &first, "  "), wrap_words(&text, max, &first, "  "));
        }
    }

    #[test]
    fn ordinals_are_bound_to_their_word_by_a_no_break_space() {
        assert_eq!(
            bind_ordinals("forsinket siden 1. april 2017 (2. kvartal)"),
            "forsinket siden 1.\u{a0}april 2017 (2.\u{a0}kvartal)"
        );
        assert_eq!(bind_ordinals("Kap. 3 og nr. 2"), "Kap. 3 og nr. 2");
        assert_eq!(
            bind_ordinals("late since 1 April 2017 (10 May, 3 items)"),
            "late since 1\u{a0}April 2017 (10\u{a0}May, 3 items)"
        );
        assert!(matches!(
            bind_ordinals("i gang"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_long_name_breaks_after_its_hyphens_only() {
        let name = "eksempelby-kommunes-biblioteker-og-borgerservice";
        assert_eq!(
            break_after_hyphens(name, 20),
            ["eksempelby-kommunes-", "biblioteker-og-", "borgerservice"]
        );
        assert_eq!(break_after_hyphens(name, 60), [name]);
        // A piece wider than the room stays whole; a word without hyphens is one line.
        assert_eq!(
            break_after_hyphens("ab-cdefgh-ij", 4),
            ["ab-", "cdefgh-", "ij"]
        );
        assert_eq!(break_after_hyphens("ærøskøbing", 4), ["ærøskøbing"]);
        assert_eq!(
            break_after_hyphens("examples/network/eksempelby", 17),
            ["examples/network/", "eksempelby"]
        );
    }

    #[test]
    fn a_first_word_too_long_after_its_label_starts_the_next_line() {
        let url = format!("https://example.com/{}", "a".repeat(60));
        let lines = wrap(&url, 72, "  Seneste note (10. maj 2017): ", "    ");
        assert_eq!(
            lines,
            [
                "  Seneste note (10. maj 2017):".to_string(),
                format!("    {url}")
            ]
        );
        // A label no wider than the indent of the lines after it gains nothing.
        assert_eq!(wrap(&url, 40, "  ", "    "), [format!("  {url}")]);
    }

    #[test]
    fn wraps_at_words_with_a_hanging_indent() {
        let lines = wrap("en to tre fire fem seks", 12, "- ", "  ");
        assert_eq!(lines, ["- en to tre", "  fire fem", "  seks"]);
        assert!(lines.iter().all(|l| width(l) <= 12));
        assert_eq!(wrap("ærøskøbing", 4, "", ""), ["ærøskøbing"]);
        assert_eq!(wrap("", 10, "- ", "  "), ["-"]);
    }

    /// The English memo's dates too: "(10" ended a line, "May 2017)" began the next.
    #[test]
    fn an_english_dates_day_stays_with_its_month() {
        assert_eq!(
            wrap(
                "»Læseklub« (10 May 2017); »Hygge« (1 June 2017)",
                20,
                "",
                ""
            ),
            ["»Læseklub« (10 May", "2017); »Hygge«", "(1 June 2017)"]
        );
        // A number before another word is no day: "3 items" may break, "10 Mayfair" too.
        assert_eq!(wrap("abc 3 items", 5, "", ""), ["abc 3", "items"]);
        assert_eq!(wrap("at 10 Mayfair", 5, "", ""), ["at 10", "Mayfair"]);
    }

    #[test]
    fn ordinals_stay_with_the_next_word() {
        assert_eq!(
            wrap("forsinket (1. kvartal) og 30. juni", 13, "", ""),
            ["forsinket", "(1. kvartal)", "og 30. juni"]
        );
        assert_eq!(
            wrap("frist i 2. kvartal", 10, "", ""),
            ["frist i", "2. kvartal"]
        );
        assert_eq!(wrap("slut.  Ny", 20, "", ""), ["slut. Ny"]);
    }

    #[test]
    fn emoji_are_measured_by_their_display_width() {
        let lines = wrap("☀️ ☀️ ☀️ ☀️ ☀️ ☀️", 8, "", "");
        assert_eq!(lines, ["☀️ ☀️ ☀️", "☀️ ☀️ ☀️"]);
        assert!(lines.iter().all(|l| width(l) <= 8));
    }

    #[test]
    fn paragraphs_keep_their_line_breaks() {
        assert_eq!(
            wrap_paragraphs("Første netværksmøde holdt i Viby.", 20),
            vec!["Første netværksmøde", "holdt i Viby."]
        );
        assert_eq!(wrap_paragraphs("\na\n\nb\n", 20), vec!["a", "", "b"]);
    }

    #[test]
    fn items_are_never_broken() {
        let items: Vec<(String, String)> = ["Jyllinge 7", "Viby 6", "Ågerup 3"]
            .iter()
            .map(|s| (s.to_string(), s.to_string()))
            .collect();
        assert_eq!(
            wrap_items(&items, " · ", 20),
            vec!["Jyllinge 7 · Viby 6", "Ågerup 3"]
        );
        assert!(wrap_items(&[], " · ", 20).is_empty());
    }
}
