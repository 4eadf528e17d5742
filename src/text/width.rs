//! Display width, measured per string (never summed per character), and the one truncation.
//!
//! A character's own width is wrong inside a sequence: ☀️ is U+2600 (one column alone) with
//! U+FE0F (none alone), and together they take two. `unicode-width` measures a whole string
//! with such sequences; truncation cuts between grapheme clusters (`unicode-segmentation`),
//! so a sequence is kept or dropped whole.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `text` takes in a fixed-width terminal font: æ, ø and å one (also written
/// decomposed), CJK and emoji two. Escape codes are not expected (plan text is cleaned).
pub fn width(text: &str) -> usize {
    text.width()
}

/// A source excerpt for a renderer that places its markers by adding up each character's
/// own width (`annotate-snippets`): an emoji variation selector (U+FE0F) after a
/// one-column character makes that character two columns wide on a terminal (☀️, ❤️) but
/// adds nothing character by character, so every marker after it would stand one column
/// short. Each such selector becomes U+2007 FIGURE SPACE — as many bytes (spans into the
/// text stay valid), one column — and the character is shown in its one-column text form.
pub fn for_markers(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    use unicode_width::UnicodeWidthChar;
    if !text.contains('\u{FE0F}') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut before: Option<char> = None;
    for c in text.chars() {
        let widened = c == '\u{FE0F}' && before.is_some_and(|b| b.width() == Some(1));
        out.push(if widened { '\u{2007}' } else { c });
        before = Some(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Cuts `text` to at most `max` columns, ending in "…" when cut (no space before it); a
/// grapheme cluster (ø written as o + U+0308, ☀️, 👩‍💻) is kept or dropped whole.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for cluster in text.graphemes(true) {
        let w = width(cluster);
        if used + w + 1 > max {
            break;
        }
        out.push_str(cluster);
        used += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `text` in at most `max` characters (not columns: Excel's sheet names and ids count
/// characters), cut after a whole word: at the last `separator` among its first `max + 1`
/// characters that keeps at least half of `max`, else after the `max`th character; never
/// ending in `separator`. Whole when it fits. `("Cross-cutting and whole-year initiatives",
/// 31, ' ')` is `"Cross-cutting and whole-year"`.
pub fn cut_at_word(text: &str, max: usize, separator: char) -> &str {
    let mut cut = None;
    let mut end = text.len();
    for (i, (at, c)) in text.char_indices().enumerate() {
        if i == max {
            end = at;
        }
        if c == separator && i >= max / 2 && i <= max {
            cut = Some(at);
        }
        if i >= max {
            break;
        }
    }
    if end == text.len() {
        return text;
    }
    text[..cut.unwrap_or(end)].trim_end_matches(separator)
}

/// `text` with spaces after it up to `to` columns.
pub fn pad_right(text: &str, to: usize) -> String {
    format!("{text}{}", " ".repeat(to.saturating_sub(width(text))))
}

/// `text` with spaces before it up to `to` columns.
pub fn pad_left(text: &str, to: usize) -> String {
    format!("{}{text}", " ".repeat(to.saturating_sub(width(text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After the change, adding up each character's width gives the columns the line takes.
    #[test]
    fn an_excerpt_for_markers_adds_up_to_its_width() {
        use unicode_width::UnicodeWidthChar;
        for line in [
            "tracks = [\"☀️\", \"Hyge\"]",
            "❤️ Æøå 👍 👍\u{FE0F}",
            "plain",
        ] {
            let shown = for_markers(line.into());
            assert_eq!(shown.len(), line.len(), "{line}");
            let summed: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert_eq!(summed, width(line), "{line}");
        }
    }

    #[test]
    fn cut_at_word_cuts_after_a_whole_word_or_at_the_limit() {
        assert_eq!(cut_at_word("kort", 31, ' '), "kort");
        assert_eq!(cut_at_word(&"x".repeat(31), 31, ' '), "x".repeat(31));
        assert_eq!(cut_at_word("abc def", 3, ' '), "abc");
        assert_eq!(cut_at_word("ab cdefgh", 6, ' '), "ab cde");
        assert_eq!(
            cut_at_word("Ærø på tværs af øerne", 12, ' '),
            "Ærø på tværs"
        );
        assert_eq!(cut_at_word("Ærø på tværs af øerne", 11, ' '), "Ærø på");
        assert_eq!(
            cut_at_word("samarbejde-med-skoler", 16, '-'),
            "samarbejde-med"
        );
        assert_eq!(cut_at_word("a-b-c", 2, '-'), "a");
    }

    #[test]
    fn emoji_with_a_variation_selector_take_two_columns() {
        assert_eq!(width("☀️"), 2);
        assert_eq!(width("❤️ Hygge"), 8);
        assert_eq!(width("Ågerup"), 6);
        assert_eq!(width("A\u{30a}gerup"), 6);
    }

    #[test]
    fn truncates_by_display_width_per_cluster() {
        assert_eq!(truncate("Ågerup og Gundsømagle", 10), "Ågerup og…");
        assert_eq!(truncate("kort", 10), "kort");
        assert_eq!(truncate("Indgang til fællesskab", 9), "Indgang…");
        assert_eq!(truncate("☀️☀️☀️☀️", 5), "☀️☀️…");
        assert!(width(&truncate("Sol ☀️❤️☀️❤️☀️❤️ og regn", 9)) <= 9);
        assert_eq!(truncate("o\u{308}o\u{308}o\u{308}", 2), "o\u{308}…");
    }

    #[test]
    fn danish_letters_pad_as_one_column() {
        assert_eq!(pad_right("Fælles", 8), "Fælles  ");
        assert_eq!(pad_left("Ø", 3), "  Ø");
    }
}
