//! Characters that look like (or hide as) the plain ASCII a plan file needs, as Word and mail
//! programs paste them: curly quotes for `"`, a non-breaking space for a space, an en dash
//! for `-`, a zero-width space for nothing. [`lookalike`] names each with its Unicode code
//! point and name (from the Unicode Character Database, UnicodeData.txt) and the plain
//! character it stands for; [`describe`] says where such characters sit in a typed name.

/// A look-alike or invisible character: its code point and Unicode name, the plain text it
/// stands for (`""` for invisible ones that stand for nothing), and whether it can be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookalike {
    /// "U+201C LEFT DOUBLE QUOTATION MARK".
    pub name: &'static str,
    /// What to type instead: `"`, `'`, `-`, `=`, a space, or nothing.
    pub plain: &'static str,
    /// Whether a reader sees the character at all (a curly quote) or not (a no-break space).
    pub visible: bool,
}

/// The look-alike for `c`, if it is one. Letters (æ, ø, å) and ordinary punctuation are not.
pub fn lookalike(c: char) -> Option<Lookalike> {
    let (name, plain, visible) = match c {
        '\u{201C}' => ("U+201C LEFT DOUBLE QUOTATION MARK", "\"", true),
        '\u{201D}' => ("U+201D RIGHT DOUBLE QUOTATION MARK", "\"", true),
        '\u{201E}' => ("U+201E DOUBLE LOW-9 QUOTATION MARK", "\"", true),
        '\u{201F}' => ("U+201F DOUBLE HIGH-REVERSED-9 QUOTATION MARK", "\"", true),
        '\u{00AB}' => (
            "U+00AB LEFT-POINTING DOUBLE ANGLE QUOTATION MARK",
            "\"",
            true,
        ),
        '\u{00BB}' => (
            "U+00BB RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK",
            "\"",
            true,
        ),
        '\u{2033}' => ("U+2033 DOUBLE PRIME", "\"", true),
        '\u{FF02}' => ("U+FF02 FULLWIDTH QUOTATION MARK", "\"", true),
        '\u{2018}' => ("U+2018 LEFT SINGLE QUOTATION MARK", "'", true),
        '\u{2019}' => ("U+2019 RIGHT SINGLE QUOTATION MARK", "'", true),
        '\u{201A}' => ("U+201A SINGLE LOW-9 QUOTATION MARK", "'", true),
        '\u{201B}' => ("U+201B SINGLE HIGH-REVERSED-9 QUOTATION MARK", "'", true),
        '\u{2032}' => ("U+2032 PRIME", "'", true),
        '\u{00B4}' => ("U+00B4 ACUTE ACCENT", "'", true),
        '\u{2010}' => ("U+2010 HYPHEN", "-", true),
        '\u{2011}' => ("U+2011 NON-BREAKING HYPHEN", "-", true),
        '\u{2012}' => ("U+2012 FIGURE DASH", "-", true),
        '\u{2013}' => ("U+2013 EN DASH", "-", true),
        '\u{2014}' => ("U+2014 EM DASH", "-", true),
        '\u{2212}' => ("U+2212 MINUS SIGN", "-", true),
        '\u{FF1D}' => ("U+FF1D FULLWIDTH EQUALS SIGN", "=", true),
        '\u{00A0}' => ("U+00A0 NO-BREAK SPACE", " ", false),
        '\u{1680}' => ("U+1680 OGHAM SPACE MARK", " ", false),
        '\u{2000}' => ("U+2000 EN QUAD", " ", false),
        '\u{2001}' => ("U+2001 EM QUAD", " ", false),
        '\u{2002}' => ("U+2002 EN SPACE", " ", false),
        '\u{2003}' => ("U+2003 EM SPACE", " ", false),
        '\u{2004}' => ("U+2004 THREE-PER-EM SPACE", " ", false),
        '\u{2005}' => ("U+2005 FOUR-PER-EM SPACE", " ", false),
        '\u{2006}' => ("U+2006 SIX-PER-EM SPACE", " ", false),
        '\u{2007}' => ("U+2007 FIGURE SPACE", " ", false),
        '\u{2008}' => ("U+2008 PUNCTUATION SPACE", " ", false),
        '\u{2009}' => ("U+2009 THIN SPACE", " ", false),
        '\u{200A}' => ("U+200A HAIR SPACE", " ", false),
        '\u{202F}' => ("U+202F NARROW NO-BREAK SPACE", " ", false),
        '\u{205F}' => ("U+205F MEDIUM MATHEMATICAL SPACE", " ", false),
        '\u{3000}' => ("U+3000 IDEOGRAPHIC SPACE", " ", false),
        '\u{00AD}' => ("U+00AD SOFT HYPHEN", "", false),
        '\u{200B}' => ("U+200B ZERO WIDTH SPACE", "", false),
        '\u{200C}' => ("U+200C ZERO WIDTH NON-JOINER", "", false),
        '\u{200D}' => ("U+200D ZERO WIDTH JOINER", "", false),
        '\u{200E}' => ("U+200E LEFT-TO-RIGHT MARK", "", false),
        '\u{200F}' => ("U+200F RIGHT-TO-LEFT MARK", "", false),
        '\u{2060}' => ("U+2060 WORD JOINER", "", false),
        '\u{FEFF}' => ("U+FEFF ZERO WIDTH NO-BREAK SPACE", "", false),
        _ => return None,
    };
    Some(Lookalike {
        name,
        plain,
        visible,
    })
}

/// `text` with every look-alike replaced by what it stands for, and invisible ones dropped.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match lookalike(c) {
            Some(l) => out.push_str(l.plain),
            None => out.push(c),
        }
    }
    out
}

/// Where the look-alikes in a typed name are, in words: "a U+00A0 NO-BREAK SPACE after
/// `status`", "a U+2013 EN DASH between `a` and `b`". `None` when the name has none.
pub fn describe(typed: &str) -> Option<String> {
    let mut parts = Vec::new();
    for (at, c) in typed.char_indices() {
        let Some(l) = lookalike(c) else { continue };
        let before = plain(&typed[..at]);
        let after = plain(&typed[at + c.len_utf8()..]);
        let (before, after) = (before.trim(), after.trim());
        let place = match (before.is_empty(), after.is_empty()) {
            (true, true) => String::new(),
            (false, true) => format!(" after `{before}`"),
            (true, false) => format!(" before `{after}`"),
            (false, false) => format!(" between `{before}` and `{after}`"),
        };
        parts.push(format!("{}{}{place}", article(&l), l.name));
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(", "))
    }
}

/// "an invisible " or "a " in front of a character's name.
pub fn article(l: &Lookalike) -> &'static str {
    if l.visible {
        "a "
    } else {
        "an invisible "
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_plain_forms() {
        assert_eq!(plain("“Læseklub”"), "\"Læseklub\"");
        assert_eq!(plain("status\u{a0}"), "status ");
        assert_eq!(plain("a\u{200b}b–c"), "ab-c");
        assert_eq!(lookalike('æ'), None);
        assert_eq!(lookalike('"'), None);
        assert_eq!(lookalike(' '), None);
    }

    #[test]
    fn says_where_they_are() {
        assert_eq!(
            describe("status\u{a0}").as_deref(),
            Some("an invisible U+00A0 NO-BREAK SPACE after `status`")
        );
        assert_eq!(
            describe("depends–on").as_deref(),
            Some("a U+2013 EN DASH between `depends` and `on`")
        );
        assert_eq!(
            describe("\u{200b}Viby").as_deref(),
            Some("an invisible U+200B ZERO WIDTH SPACE before `Viby`")
        );
        assert_eq!(describe("Ågerup"), None);
    }
}
