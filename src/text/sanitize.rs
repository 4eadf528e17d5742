//! Plan text is untrusted: what reaches a terminal must not carry control characters,
//! escape sequences, bidirectional overrides or invisible characters from the files.
//!
//! One predicate, [`is_unsafe`], decides for a character alone, and [`judged`] where it
//! stands (a joiner or variation selector is kept only where it joins something); [`clean`]
//! and [`clean_line`] remove, [`mask`] keeps byte offsets for source excerpts, [`visible`]
//! names the character for a finding it caused.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use super::guard::{break_markers, guard};

/// Whether `c` must not reach a terminal as it is: every control character (`Cc`: C0, DEL,
/// C1), every `Bidi_Control` character, and every `Default_Ignorable_Code_Point` except the
/// variation selectors and the zero-width joiner that emoji are written with (☀️ is
/// U+2600 U+FE0F; 👩‍💻 joins two emoji with U+200D).
///
/// The ranges are `Default_Ignorable_Code_Point` from Unicode 16's DerivedCoreProperties.txt
/// (which includes all of `Bidi_Control`: U+061C, U+200E–U+200F, U+202A–U+202E,
/// U+2066–U+2069). Newline and tab are control characters too: callers that keep them say so.
///
/// And the 66 noncharacters (Unicode's `Noncharacter_Code_Point`: U+FDD0–U+FDEF and the
/// last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE …): not text, and U+FFFE
/// and U+FFFF are forbidden in XML 1.0, so that one of them in a title made the Word memo
/// a file Word refuses to open.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || (is_default_ignorable(c) && !is_emoji_joiner(c)) || is_noncharacter(c)
}

/// `Noncharacter_Code_Point` (Unicode 16, PropList.txt): U+FDD0–U+FDEF, and U+nFFFE and
/// U+nFFFF of each plane n.
fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// `Default_Ignorable_Code_Point` (Unicode 16, DerivedCoreProperties.txt).
fn is_default_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The ignorable characters that are kept: variation selectors (Mongolian, U+FE00–U+FE0F,
/// the supplement U+E0100–U+E01EF) and the zero-width joiner.
fn is_emoji_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{180B}'..='\u{180D}' | '\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{200D}'
    )
}

/// Each character of `text` with whether it is unsafe where it stands: [`is_unsafe`], and a
/// zero-width joiner or variation selector that is not part of what it is written for. Each
/// is looked at within its grapheme cluster (Unicode's UAX #29, extended):
///
/// - a zero-width joiner is kept between its cluster's characters, before one that is no
///   combining mark and no other invisible character (the joiner of 👩‍💻, UAX #29's rule
///   GB11, or of an Indic conjunct that GB9c joins), and after a virama (the conjuncts and
///   half-forms of the Brahmic scripts, Sinhala's ශ්‍රී among them); `Hyg\u{200d}ge`'s joins
///   nothing and only makes the word look like `Hygge`;
/// - an emoji or text presentation selector (U+FE00–U+FE0F) is kept after a symbol (U+2000
///   and above, not a letter: ☀️ is U+2600 U+FE0F; also © ® Ⓜ), or on a keycap (`1️⃣`: a
///   digit, `#` or `*`, U+FE0F, U+20E3); an ideographic variation selector (U+E0100–U+E01EF)
///   after a CJK ideograph; a Mongolian one after a Mongolian letter. After a letter (`e`,
///   `ø`) or at the start of text a selector selects nothing, and `Bø\u{fe0f}rn` only looks
///   like `Børn`.
pub fn judged(text: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    text.graphemes(true).flat_map(|cluster| {
        let mut chars = cluster.chars().peekable();
        let base = cluster.chars().next();
        let keycap = matches!(base, Some('0'..='9' | '#' | '*')) && cluster.ends_with('\u{20E3}');
        let mut before: Option<char> = None;
        std::iter::from_fn(move || {
            let c = chars.next()?;
            let alone = is_unsafe(c);
            let here = !alone
                && is_emoji_joiner(c)
                && match (c, before) {
                    (_, None) => true,
                    ('\u{200D}', Some(b)) => {
                        !is_virama(b)
                            && !chars
                                .peek()
                                .is_some_and(|&n| !is_combining_mark(n) && !is_default_ignorable(n))
                    }
                    (_, Some(_)) => !base.is_some_and(|b| selects(c, b, keycap)),
                };
            before = Some(c);
            Some((c, alone || here))
        })
    })
}

/// Whether the variation selector `selector` selects something of the cluster whose first
/// character is `base` (see [`judged`]).
fn selects(selector: char, base: char, keycap: bool) -> bool {
    match selector {
        '\u{FE00}'..='\u{FE0F}' => {
            keycap
                || matches!(base, '\u{A9}' | '\u{AE}' | '\u{24C2}')
                || (base >= '\u{2000}' && !base.is_alphabetic())
        }
        '\u{E0100}'..='\u{E01EF}' => matches!(
            base,
            '\u{3400}'..='\u{4DBF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{F900}'..='\u{FAFF}'
                | '\u{20000}'..='\u{3FFFF}'
        ),
        '\u{180B}'..='\u{180F}' => ('\u{1800}'..='\u{18AF}').contains(&base),
        _ => false,
    }
}

/// A virama (Unicode's `Indic_Syllabic_Category=Virama`, the Brahmic scripts of India and
/// Sri Lanka): a zero-width joiner after it asks for a half-form or conjunct.
fn is_virama(c: char) -> bool {
    matches!(
        c,
        '\u{094D}'
            | '\u{09CD}'
            | '\u{0A4D}'
            | '\u{0ACD}'
            | '\u{0B4D}'
            | '\u{0BCD}'
            | '\u{0C4D}'
            | '\u{0CCD}'
            | '\u{0D4D}'
            | '\u{0DCA}'
    )
}

/// Whether `text` has a character that only [`judged`] can tell about: a joiner or
/// variation selector.
fn has_joiner(text: &str) -> bool {
    text.chars().any(is_emoji_joiner)
}

/// Unsafe, keeping newline and tab (for multi-line text).
fn is_unsafe_in_text(c: char) -> bool {
    is_unsafe(c) && c != '\n' && c != '\t'
}

/// `text` without each character for which `drop(c, unsafe where it stands)` holds.
fn without(text: &str, drop: impl Fn(char, bool) -> bool) -> String {
    judged(text)
        .filter(|&(c, bad)| !drop(c, bad))
        .map(|(c, _)| c)
        .collect()
}

/// Whether `c` ends a line for some reader: line feed, carriage return, vertical tab, form
/// feed, next line (U+0085), line separator (U+2028) and paragraph separator (U+2029).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Every line break (a CR LF pair as one) replaced by `with`.
fn replace_breaks(text: &str, with: char) -> Cow<'_, str> {
    if !text.chars().any(is_line_break) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        out.push(if is_line_break(c) { with } else { c });
    }
    Cow::Owned(out)
}

/// Multi-line text without what must not reach a terminal: every line break becomes `\n`,
/// every other unsafe character but tab is removed (an escape sequence, a bell, a
/// right-to-left override, a zero-width space). For a format that escapes line breaks its
/// own way (GitHub's `%0A`); everything else uses [`clean`].
pub fn strip(text: &str) -> Cow<'_, str> {
    let text = replace_breaks(text, '\n');
    if text.chars().any(is_unsafe_in_text) || has_joiner(&text) {
        Cow::Owned(without(&text, |c, bad| bad && c != '\n' && c != '\t'))
    } else {
        text
    }
}

/// Cleans multi-line text: [`strip`], and no line may start a CI runner's command
/// ([`guard`]: `\::error`, `##\[`).
pub fn clean(text: &str) -> Cow<'_, str> {
    // Most text (every cell of a large plan's CSV) has no break and nothing unsafe: one pass
    // to see so, and `strip` would hand it back as it is.
    if surely_kept_in_line(text) || text.chars().all(kept_in_line) {
        return guard(text);
    }
    let text = strip(text);
    match guard(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(guarded) => Cow::Owned(guarded),
    }
}

/// Cleans text shown inside a line, so that it stays on that line: every line break and
/// tab becomes a space, every other unsafe character is removed, and `##[` is broken
/// (`##\[`). (A leading `::` is left: inside a line it starts nothing; the writers of
/// standard output and standard error guard the start of every line, [`crate::text::LineGuard`].)
pub fn clean_line(text: &str) -> String {
    clean_line_cow(text).into_owned()
}

/// [`clean_line`], borrowing `text` when there is nothing to clean (most text: ids, titles,
/// places; `plan list` cleans every one of a large plan): one scan to see so.
pub fn clean_line_cow(text: &str) -> Cow<'_, str> {
    if surely_kept_in_line(text) || text.chars().all(kept_in_line) {
        return break_markers(text);
    }
    Cow::Owned(clean_line_each(text))
}

/// Whether every character of `text` stays as it is in one line ([`kept_in_line`]), told
/// from its bytes without decoding characters: printable ASCII, and the characters U+00C0
/// to U+033F (æ, ø, å, the rest of Latin's letters and the combining accents), whose first
/// byte is C3 to CC; none of them is unsafe or a line break. A byte 0x80–0xBF can only
/// follow such a first byte, as `text` is valid UTF-8. `false` says nothing: the text may
/// have other characters that are kept (`–` and `’`, U+2013 and U+2019, are not taken here).
fn surely_kept_in_line(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' '..=b'~' | 0x80..=0xBF | 0xC3..=0xCC))
}

/// Whether `c` stays as it is in one line of text, whatever stands around it: printable
/// ASCII at once, otherwise neither unsafe nor a line break nor a joiner or variation
/// selector (kept or not as [`judged`] says).
fn kept_in_line(c: char) -> bool {
    (' '..='~').contains(&c) || !(is_unsafe(c) || is_line_break(c) || is_emoji_joiner(c))
}

/// [`clean_line`] a character at a time.
fn clean_line_each(text: &str) -> String {
    let text = replace_breaks(text, ' ');
    let text: String = judged(&text)
        .filter_map(|(c, bad)| match c {
            '\t' => Some(' '),
            _ if bad => None,
            c => Some(c),
        })
        .collect();
    break_markers(&text).into_owned()
}

/// Whether a source excerpt shows `c` masked: an unsafe character (`bad`: where it stands,
/// [`judged`]), or a line break other than the excerpt's own `\n` (U+2028 and U+2029 are no
/// control characters, but some readers end a line at them; the others are controls).
fn is_masked(c: char, bad: bool) -> bool {
    (bad && c != '\n' && c != '\t') || (is_line_break(c) && c != '\n')
}

/// A source excerpt with each unsafe character, and each line break other than `\n`,
/// replaced by one `?`, and `span` (a byte range of `text`, on character boundaries) moved
/// to the same characters of the result: for an excerpt whose renderer counts the column
/// of a marker by characters (`text` of `plan check`), so that `file:line:column` is the
/// one every other format gives.
pub fn mask_chars(
    text: &str,
    span: std::ops::Range<usize>,
) -> (Cow<'_, str>, std::ops::Range<usize>) {
    if !text
        .chars()
        .any(|c| is_masked(c, is_unsafe(c)) || is_emoji_joiner(c))
    {
        return (Cow::Borrowed(text), span);
    }
    let mut out = String::with_capacity(text.len());
    let (mut start, mut end) = (None, None);
    let mut at = 0;
    for (c, bad) in judged(text) {
        if at >= span.start && start.is_none() {
            start = Some(out.len());
        }
        if at >= span.end && end.is_none() {
            end = Some(out.len());
        }
        out.push(if is_masked(c, bad) { '?' } else { c });
        at += c.len_utf8();
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

/// Text shown inside one line, as [`clean_line`], but with every other unsafe character
/// shown as its escape ([`visible`]) instead of removed: for an error message that quotes
/// what the user typed or named (``unknown track `Hygge\u{200b}` ``), which must not look
/// like a valid name. Our own words have no such character.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    if surely_kept_in_line(text) || text.chars().all(kept_in_line) {
        return break_markers(text);
    }
    let text = replace_breaks(text, ' ').replace('\t', " ");
    Cow::Owned(break_markers(&visible(&text)).into_owned())
}

/// [`visible`], but line breaks and tabs stay as they are: for a finding's message, label and
/// help, which quote what the file says (``"`Q2\u{200b}` is not a valid period"``); the
/// renderers show a line break inside one line as a space.
pub fn visible_keeping_breaks(text: &str) -> Cow<'_, str> {
    let hidden = |(c, bad): (char, bool)| bad && !is_line_break(c) && c != '\t';
    if surely_kept_in_line(text) || !judged(text).any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (c, bad) in judged(text) {
        if hidden((c, bad)) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Shows every unsafe character (newline and tab included) as its Rust escape, `\u{200b}`,
/// for a finding that the character caused: "unknown place `Viby\u{200b}`" instead of an
/// "unknown place `Viby`" that looks right. Safe text is returned as it is.
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().any(|c| is_unsafe(c) || is_emoji_joiner(c)) {
        let mut out = String::with_capacity(text.len() + 8);
        for (c, bad) in judged(text) {
            if bad {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// What the bytes tell is kept in a line is kept character by character: printable
        /// ASCII and the characters it takes, beside those around them that are not kept
        /// (the C0 controls, DEL, the controls U+0080–U+009F, the soft hyphen U+00AD,
        /// U+034F, the line breaks U+2028 and U+2029).
        #[test]
        fn surely_kept_is_kept(
            text in "([\u{7F}-\u{BF}]|[ -~]|[\u{C0}-\u{360}]|\u{AD}|\u{34F}|[\x00-\x1F]|\u{2028}|\u{2029}){0,8}"
        ) {
            if surely_kept_in_line(&text) {
                proptest::prop_assert!(text.chars().all(kept_in_line), "{:?}", text);
            }
        }

        /// The shortcut for text with nothing to clean cleans as the character-wise way.
        #[test]
        fn clean_line_takes_no_wrong_shortcut(
            text in "([ -~æøåÆØÅ]|\\PC|\\pC|\t|\r|\n|\u{2028}|\u{200B}|\u{200D}|\u{FE0F}|##\\[)*"
        ) {
            proptest::prop_assert_eq!(clean_line(&text), clean_line_each(&text));
        }

        /// `clean`'s shortcut for text with nothing to strip cleans as stripping and then
        /// guarding every line does (a leading `::`, `##[`, breaks and tabs included).
        #[test]
        fn clean_takes_no_wrong_shortcut(
            text in "([ -~æøåÆØÅ]|\\PC|\\pC|\t|\r|\n|\u{2028}|\u{200B}|\u{200D}|\u{FE0F}|##\\[|::| ::)*"
        ) {
            let slow = guard(&strip(&text)).into_owned();
            proptest::prop_assert_eq!(clean(&text), slow);
        }
    }

    /// The shortcut is taken for Danish text, and not for characters outside its range.
    #[test]
    fn danish_text_is_seen_kept_from_its_bytes() {
        assert!(surely_kept_in_line("Ærø og Ålborg: læsekreds for børn"));
        assert!(surely_kept_in_line(""));
        for other in ["’", "–", "\u{A0}", "\u{AD}", "a\tb", "\u{7F}"] {
            assert!(!surely_kept_in_line(other), "{other:?}");
        }
    }

    #[test]
    fn escape_sequences_and_bells_are_removed() {
        assert_eq!(clean("Mødested\u{1b}[31m rød\u{7}"), "Mødested[31m rød");
        assert_eq!(clean("a\u{202E}b"), "ab");
        assert_eq!(clean("linje 1\nlinje 2"), "linje 1\nlinje 2");
        assert_eq!(clean_line("a\nb\tc"), "a b c");
    }

    #[test]
    fn noncharacters_are_removed_and_their_neighbours_kept() {
        for c in [
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
            assert_eq!(clean_line(&format!("Non{c}tegn")), "Nontegn", "{c:?}");
        }
        for c in ['\u{FFFD}', '\u{FDCF}', '\u{FDF0}', '\u{1FFFD}', '\u{FFFC}'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn every_line_break_is_a_line_break() {
        for br in [
            "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        ] {
            let text = format!("Ny{br}::error file=README.md::forged");
            assert_eq!(
                clean_line(&text),
                "Ny ::error file=README.md::forged",
                "{br:?}"
            );
            assert_eq!(
                clean(&text),
                "Ny\n\\::error file=README.md::forged",
                "{br:?}"
            );
        }
        assert_eq!(clean_line("Ny ##[error]x"), "Ny ##\\[error]x");
        assert_eq!(clean("a\n  ##[group]b"), "a\n  ##\\[group]b");
    }

    #[test]
    fn bidi_controls_and_invisible_characters_are_removed() {
        for c in [
            '\u{061C}',
            '\u{200B}',
            '\u{200C}',
            '\u{200E}',
            '\u{2060}',
            '\u{2066}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{E0041}',
            '\u{9B}',
            '\u{7F}',
        ] {
            assert_eq!(
                clean(&format!("Viby{c}J")),
                "VibyJ",
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn emoji_keep_their_variation_selectors_and_joiners() {
        for emoji in [
            "☀️",
            "❤️",
            "👩‍💻",
            "👩‍👩‍👧",
            "👍🏽",
            "1️⃣",
            "#️⃣",
            "©️",
            "❤️‍🔥",
            "क्‍ष",
            "ශ්‍රී",
            "≩︀",
            "葛󠄀",
        ] {
            assert_eq!(clean(emoji), emoji);
            assert_eq!(clean_line(emoji), emoji);
            assert_eq!(visible(emoji), emoji);
            assert_eq!(mask_chars(emoji, 0..0).0, emoji);
        }
        assert_eq!(clean("Ærø ÅÆØ café"), "Ærø ÅÆØ café");
    }

    /// A joiner or variation selector that joins or selects nothing is an invisible character
    /// like any other: `Hyg\u{200d}ge` would look like `Hygge`.
    #[test]
    fn joiners_that_join_nothing_are_invisible_characters() {
        for (text, seen) in [
            ("Hyg\u{200d}ge", r"Hyg\u{200d}ge"),
            ("Hygge\u{200d}", r"Hygge\u{200d}"),
            ("\u{200d}Hygge", r"\u{200d}Hygge"),
            ("👩\u{200d}", r"👩\u{200d}"),
            ("👩\u{200d}\u{301}", "👩\\u{200d}\u{301}"),
            ("Hygge\u{fe0f}", r"Hygge\u{fe0f}"),
            ("\u{fe0f}Viby", r"\u{fe0f}Viby"),
            ("1\u{fe0f}", r"1\u{fe0f}"),
            ("Viby\u{e0100}", r"Viby\u{e0100}"),
            ("Bø\u{fe0f}rn", r"Bø\u{fe0f}rn"),
            ("Å\u{fe0e}", r"Å\u{fe0e}"),
        ] {
            assert_eq!(visible(text), seen, "{text:?}");
            let plain: String = seen
                .replace(r"\u{200d}", "")
                .replace(r"\u{fe0f}", "")
                .replace(r"\u{fe0e}", "");
            let plain = plain.replace(r"\u{e0100}", "");
            assert_eq!(clean_line(text), plain, "{text:?}");
            assert_eq!(clean(text), plain, "{text:?}");
            assert!(
                !mask_chars(text, 0..0).0.contains([
                    '\u{200d}',
                    '\u{fe0f}',
                    '\u{fe0e}',
                    '\u{e0100}'
                ]),
                "{text:?}"
            );
        }
    }

    #[test]
    fn visible_line_keeps_one_line_and_names_the_invisible_character() {
        assert_eq!(visible_line("Hygge\u{200b}"), r"Hygge\u{200b}");
        assert_eq!(
            visible_line("a\nb\tc\u{1b}[31m ##[x]"),
            r"a b c\u{1b}[31m ##\[x]"
        );
        assert_eq!(visible_line("Ærø ☀️"), "Ærø ☀️");
    }

    #[test]
    fn visible_names_the_invisible_character() {
        assert_eq!(visible("Viby\u{200b}"), r"Viby\u{200b}");
        assert_eq!(visible("a\u{202e}b\u{1b}"), r"a\u{202e}b\u{1b}");
        assert_eq!(visible("Viby ☀️"), "Viby ☀️");
    }

    #[test]
    fn mask_hides_unicode_line_separators() {
        assert_eq!(mask_chars("a\u{2028}b\u{2029}c\nd", 0..0).0, "a?b?c\nd");
    }

    #[test]
    fn mask_chars_puts_one_mark_per_character_and_moves_the_span() {
        let text = "status\u{200b} = \"x\"";
        let at = text.find('=').unwrap();
        let (masked, span) = mask_chars(text, at..at + 1);
        assert_eq!(masked, "status? = \"x\"");
        assert_eq!(&masked[span.clone()], "=");
        // The column a renderer counts in characters is the same as in the file.
        assert_eq!(
            masked[..span.start].chars().count(),
            text[..at].chars().count()
        );
        let (same, span) = mask_chars("plain", 1..3);
        assert_eq!((same.as_ref(), span), ("plain", 1..3));
        // A span over the hidden character itself covers its one mark.
        let (masked, span) = mask_chars(text, 6..9);
        assert_eq!(&masked[span], "?");
    }

    #[test]
    fn mask_chars_hides_controls_and_other_line_ends() {
        let text = "x\u{1b}y\u{85}z\u{200b}";
        let (masked, span) = mask_chars(text, 5..6);
        assert_eq!(masked, "x?y?z?");
        assert_eq!(&masked[span], "z");
    }
}
