//! Plan text is untrusted: what reaches a terminal must not carry control characters,
//! escape sequences or bidirectional overrides from the files.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Removes control characters (except newline and tab), so that an escape sequence or a
/// bell in a title is not passed to the terminal.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(text.chars().filter(|&c| !is_unsafe(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Like `clean`, but on one line: newlines and tabs become spaces too.
pub fn clean_line(text: &str) -> String {
    clean(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

/// Replaces each byte of an unsafe character with `?`, keeping byte offsets valid, for
/// source excerpts whose spans point into the text.
pub fn mask(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if is_unsafe(c) {
                out.extend(std::iter::repeat_n('?', c.len_utf8()));
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

    #[test]
    fn escape_sequences_and_bells_are_removed() {
        assert_eq!(clean("Mødested\u{1b}[31m rød\u{7}"), "Mødested[31m rød");
        assert_eq!(clean("a\u{202E}b"), "ab");
        assert_eq!(clean("linje 1\nlinje 2"), "linje 1\nlinje 2");
        assert_eq!(clean_line("a\nb\tc"), "a b c");
    }

    #[test]
    fn mask_keeps_byte_offsets() {
        let text = "x\u{1b}y\u{85}z";
        let masked = mask(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked, "x?y??z");
    }
}
