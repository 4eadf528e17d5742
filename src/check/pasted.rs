//! Text pasted from Word into a plan file: curly quotes where TOML needs straight ones
//! (`title = “Læseklub”`), a no-break space after a key (`status = "done"`), an en dash in a
//! date. Outside quoted text TOML reads such a character as a syntax error or as part of a
//! key, and its own message ("string values must be quoted", "unknown field `status`") points
//! away from the cause. [`findings`] names each character, its code point and where it is,
//! for the key at hand; [`repair`] gives the text with the quotes made straight and the
//! spaces made plain, byte for byte in the same places, so that the rest of the file is
//! still read and checked (the file keeps its `syntax` error, so nothing is accepted as is).
//!
//! Quoted text is left alone: „Læseklub“ inside a title is Danish typography, not an error.

use std::borrow::Cow;
use std::ops::Range;

use super::{Diagnostic, Rule};
use crate::text::lookalike::{self, Lookalike};

/// One look-alike character outside quoted text.
struct Hit {
    /// Byte offset in the text.
    at: usize,
    c: char,
    what: Lookalike,
    /// Same-length ASCII that keeps the TOML's meaning, when there is one.
    repair: Option<String>,
    /// What the fix writes for it, when not the look-alike's plain character: `'` for the
    /// curly quotes around text with a backslash (a literal string, where `\t` stays `\t`).
    plain: Option<&'static str>,
    /// On a curly quote that opens text holding both a backslash and a `'`: the fix doubles
    /// the text's backslashes, up to the closing quote (a basic string, escapes written out).
    escape_text: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Outside,
    Comment,
    /// A `"…"` string; `curly` when a curly quote opened it (then a curly quote closes it).
    Basic {
        curly: bool,
    },
    Literal {
        curly: bool,
    },
    MultiBasic,
    MultiLiteral,
}

/// Same byte length as `c`: `plain` padded with spaces on the outer side of the string.
fn padded(c: char, plain: &str, opening: bool) -> String {
    let pad = " ".repeat(c.len_utf8() - plain.len());
    if opening {
        format!("{pad}{plain}")
    } else {
        format!("{plain}{pad}")
    }
}

/// Walks the TOML text as its lexer does (strings, comments) and finds look-alikes outside
/// quoted text, and curly quotes that close a string a curly quote opened.
fn scan(text: &str) -> Vec<Hit> {
    // Every hit is a look-alike: a text with none (most Danish text: æ, ø, å are not) needs
    // no walk through its strings and comments.
    if !has_lookalike(text) {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut hits: Vec<Hit> = Vec::new();
    let mut state = State::Outside;
    // Of the string a curly `“` opened: whether its text has a backslash, and a `'`. Text
    // pasted from Word has no escapes: `“C:\temp”` means the backslash itself.
    let (mut backslash, mut apostrophe) = (false, false);
    // `at` is always on a character boundary: every jump lands on an ASCII byte or after a
    // whole character.
    let mut at = 0;
    while at < bytes.len() {
        // Comments and multi-line strings hold no hit: jump to what ends them.
        match state {
            State::Comment => {
                let Some(k) = memchr::memchr(b'\n', &bytes[at..]) else {
                    break;
                };
                at += k + 1;
                state = State::Outside;
                continue;
            }
            State::MultiBasic => {
                let Some(k) = memchr::memchr2(b'\\', b'"', &bytes[at..]) else {
                    break;
                };
                at += k;
                if bytes[at] == b'\\' {
                    at += 1 + char_len(text, at + 1);
                } else if text[at..].starts_with("\"\"\"") {
                    at += quote_run(&text[at..], '"');
                    state = State::Outside;
                } else {
                    at += 1;
                }
                continue;
            }
            State::MultiLiteral => {
                let Some(k) = memchr::memchr(b'\'', &bytes[at..]) else {
                    break;
                };
                at += k;
                if text[at..].starts_with("\'\'\'") {
                    at += quote_run(&text[at..], '\'');
                    state = State::Outside;
                } else {
                    at += 1;
                }
                continue;
            }
            _ => {}
        }
        let rest = &text[at..];
        let c = rest.chars().next().expect("a character starts here");
        let mut next = at + c.len_utf8();
        match state {
            State::Outside => match c {
                '#' => state = State::Comment,
                '"' if rest.starts_with("\"\"\"") => {
                    next = at + 3;
                    state = State::MultiBasic;
                }
                '"' => state = State::Basic { curly: false },
                '\'' if rest.starts_with("\'\'\'") => {
                    next = at + 3;
                    state = State::MultiLiteral;
                }
                '\'' => state = State::Literal { curly: false },
                _ => {
                    if let Some(what) = lookalike::lookalike(c) {
                        let repair = match what.plain {
                            "\"" => {
                                state = State::Basic { curly: true };
                                (backslash, apostrophe) = (false, false);
                                Some(padded(c, "\"", true))
                            }
                            "'" => {
                                state = State::Literal { curly: true };
                                Some(padded(c, "'", true))
                            }
                            " " | "" => Some(" ".repeat(c.len_utf8())),
                            _ => None,
                        };
                        hits.push(Hit {
                            at,
                            c,
                            what,
                            repair,
                            plain: None,
                            escape_text: false,
                        });
                    }
                }
            },
            State::Basic { curly: true } if c == '\\' => backslash = true,
            State::Basic { curly: true } if c == '\'' => apostrophe = true,
            State::Basic { curly } => match c {
                '\\' => next += char_len(text, next),
                '"' | '\n' => state = State::Outside,
                _ if curly && lookalike::lookalike(c).is_some_and(|l| l.plain == "\"") => {
                    let what = lookalike::lookalike(c).expect("checked");
                    let mut close = Hit {
                        at,
                        c,
                        what,
                        repair: Some(padded(c, "\"", false)),
                        plain: None,
                        escape_text: false,
                    };
                    // Text with a backslash: a literal string `'…'` keeps it as it is; with a
                    // `'` too, the backslashes are doubled in a basic string.
                    if let (true, Some(open)) = (backslash, hits.last_mut()) {
                        if apostrophe {
                            open.escape_text = true;
                        } else {
                            open.repair = Some(padded(open.c, "'", true));
                            open.plain = Some("'");
                            close.repair = Some(padded(c, "'", false));
                            close.plain = Some("'");
                        }
                    }
                    hits.push(close);
                    state = State::Outside;
                }
                _ => {}
            },
            State::Literal { curly } => match c {
                '\'' | '\n' => state = State::Outside,
                _ if curly && lookalike::lookalike(c).is_some_and(|l| l.plain == "'") => {
                    let what = lookalike::lookalike(c).expect("checked");
                    hits.push(Hit {
                        at,
                        c,
                        what,
                        repair: Some(padded(c, "'", false)),
                        plain: None,
                        escape_text: false,
                    });
                    state = State::Outside;
                }
                _ => {}
            },
            State::Comment | State::MultiBasic | State::MultiLiteral => {
                unreachable!("handled above")
            }
        }
        at = next;
    }
    hits
}

/// The byte length of the character at `at` of `text` (0 at its end).
fn char_len(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8)
}

/// The length of the run of `quote` (at most five) that `rest` starts with: the closing
/// delimiter of a multi-line string is the last three of such a run (TOML lets one or two
/// quotes of the text stand right before it).
fn quote_run(rest: &str, quote: char) -> usize {
    rest.bytes()
        .take_while(|&b| b == quote as u8)
        .count()
        .min(5)
}

/// Whether `text` has a look-alike character anywhere (in quoted text too). Only the
/// characters outside ASCII are decoded.
fn has_lookalike(text: &str) -> bool {
    let bytes = text.as_bytes();
    let is_lookalike = |at: usize| {
        let c = text[at..].chars().next().expect("a character starts here");
        lookalike::lookalike(c).is_some()
    };
    // A lead byte is never inside a character, so each one found starts one.
    let [a, b, c, d, e] = LOOKALIKE_LEADS;
    memchr::memchr3_iter(a, b, c, bytes).any(is_lookalike)
        || memchr::memchr2_iter(d, e, bytes).any(is_lookalike)
}

/// The first bytes (in UTF-8) of every look-alike character: U+00A0–U+00BB start with
/// 0xC2, U+1680 with 0xE1, U+2000–U+2212 with 0xE2, U+3000 with 0xE3, U+FEFF and the
/// full-width forms with 0xEF. Danish letters (æ, ø, å: 0xC3) are not among them, so most
/// texts are passed over at memchr's speed. A test holds the list to the look-alike table.
const LOOKALIKE_LEADS: [u8; 5] = [0xC2, 0xE2, 0xEF, 0xE1, 0xE3];

/// The text with every repairable look-alike outside quoted text replaced by same-length
/// ASCII (byte offsets, and so every span, stay valid). Borrowed when there is none.
pub fn repair(text: &str) -> Cow<'_, str> {
    let hits = scan(text);
    if hits.iter().all(|h| h.repair.is_none()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for hit in &hits {
        let Some(repair) = &hit.repair else { continue };
        out.push_str(&text[from..hit.at]);
        out.push_str(repair);
        from = hit.at + hit.c.len_utf8();
    }
    out.push_str(&text[from..]);
    debug_assert_eq!(out.len(), text.len());
    Cow::Owned(out)
}

/// One `syntax` finding per line that holds look-alikes outside quoted text, naming each
/// character and where it is for the key at hand, with the line as it should read (also its
/// fix: the line with those characters made plain). Also
/// returns those lines' byte ranges, where the TOML parser's own errors only repeat it.
pub fn findings(file: usize, text: &str) -> (Vec<Diagnostic>, Vec<Range<usize>>) {
    let hits = scan(text);
    let mut diags = Vec::new();
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let start = text[..hits[i].at].rfind('\n').map_or(0, |n| n + 1);
        let end = text[hits[i].at..]
            .find('\n')
            .map_or(text.len(), |n| hits[i].at + n);
        let on_line: Vec<&Hit> = hits[i..].iter().take_while(|h| h.at < end).collect();
        i += on_line.len();
        lines.push(start..end);
        diags.push(finding(file, text, start..end, &on_line));
    }
    (diags, lines)
}

fn finding(file: usize, text: &str, line: Range<usize>, hits: &[&Hit]) -> Diagnostic {
    let source = &text[line.clone()];
    let plain_line = lookalike::plain(source).trim_end().to_string();
    // The key at hand: what stands before `=` on the line, made plain.
    let equals = plain_line.find('=');
    let key = equals
        .map(|e| plain_line[..e].trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty());
    let first = hits[0];
    let span = first.at..first.at + first.c.len_utf8();
    let quotes = hits.iter().all(|h| matches!(h.what.plain, "\"" | "'"));
    let mut names: Vec<&str> = hits.iter().map(|h| h.what.name).collect();
    names.dedup();
    let names = names.join(", ");
    let of_key = key
        .as_deref()
        .map(|k| format!(" `{k}`"))
        .unwrap_or_default();
    // The fix (`plan check --fix`): the line with each of these characters made plain;
    // quoted text, where such a character is typography, is left as it is.
    let mut fixed = String::with_capacity(source.len());
    let mut from = line.start;
    let mut escaping = false;
    for h in hits {
        if escaping {
            fixed.push_str(&text[from..h.at].replace('\\', "\\\\"));
        } else {
            fixed.push_str(&text[from..h.at]);
        }
        escaping = h.escape_text;
        fixed.push_str(h.plain.unwrap_or(h.what.plain));
        from = h.at + h.c.len_utf8();
    }
    fixed.push_str(&text[from..line.end]);
    // What the help says the line should read is what the fix writes, when that is a line
    // of TOML on its own (`‘it’s’` made straight is not: then the help says no line).
    let should_read = fixed.trim_end();
    let reads = toml::from_str::<toml::Table>(should_read).is_ok();
    let should_read = |advice: &str| {
        if reads {
            format!("{advice}; the line should read: {should_read}")
        } else {
            advice.to_string()
        }
    };
    let (message, help) = if quotes {
        (
            format!("curly quotes around{of_key}'s value: TOML needs straight quotes ({names})"),
            should_read("curly quotes must be straight ones (Word curls them as you type)"),
        )
    } else {
        let in_key = |h: &Hit| {
            let column = h.at - line.start;
            equals.is_none_or(|e| lookalike::plain(&source[..column]).len() < e)
        };
        let described: Vec<String> = hits
            .iter()
            .map(|h| {
                let column = h.at - line.start;
                let place = if in_key(h) {
                    let before = lookalike::plain(&source[..column]);
                    let before = before.trim();
                    if before.is_empty() {
                        "at the start of the line".to_string()
                    } else {
                        format!("after `{before}`")
                    }
                } else {
                    let after = lookalike::plain(&source[column + h.c.len_utf8()..]);
                    let where_ = if after.split('#').next().unwrap_or("").trim().is_empty() {
                        "after"
                    } else {
                        "in"
                    };
                    match &key {
                        Some(k) => format!("{where_} the value of `{k}`"),
                        None => format!("{where_} the value"),
                    }
                };
                format!("{}{} {place}", lookalike::article(&h.what), h.what.name)
            })
            .collect();
        let mut described = described;
        described.dedup();
        let fix = if hits.iter().all(|h| !h.what.visible) {
            "delete it or type an ordinary space"
        } else {
            "type the plain character instead (Word replaces it as you type)"
        };
        (described.join(", "), should_read(fix))
    };
    Diagnostic::new(Rule::Syntax, message)
        .at(file, span)
        .label(first.what.name)
        .help(help)
        .fix(line, fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every look-alike character starts with one of the bytes the quick test looks for,
    /// so no text with one is passed over.
    #[test]
    fn every_lookalike_starts_with_a_byte_looked_for() {
        let mut seen = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if lookalike::lookalike(c).is_some() {
                let mut buf = [0u8; 4];
                let first = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(
                    LOOKALIKE_LEADS.contains(&first),
                    "{c:?} starts with {first:#x}"
                );
                assert!(has_lookalike(&format!("title = \"æøå\"\n{c}")), "{c:?}");
                seen += 1;
            }
        }
        assert!(seen > 40, "{seen}");
        assert!(!has_lookalike("title = \"Læsekreds på Ærø\"\n"));
    }

    #[test]
    fn curly_quotes_are_made_straight_in_place() {
        let text = "title = “Læseklub”\nperiod = \"Q2\"\n";
        let repaired = repair(text);
        assert_eq!(repaired.len(), text.len());
        assert_eq!(repaired, "title =   \"Læseklub\"  \nperiod = \"Q2\"\n");
        let (diags, lines) = findings(0, text);
        assert_eq!(diags.len(), 1);
        assert_eq!(lines, vec![0..text.find('\n').unwrap()]);
        let d = &diags[0];
        assert!(
            d.message.starts_with("curly quotes around `title`'s value"),
            "{}",
            d.message
        );
        assert!(
            d.help
                .as_deref()
                .unwrap()
                .ends_with("read: title = \"Læseklub\""),
            "{:?}",
            d.help
        );
    }

    /// Text between curly quotes has no escapes: `“C:\temp\new”` is the backslashes
    /// themselves. The fix wrote `"C:\temp\new"`, a tab and a line break to TOML.
    #[test]
    fn a_backslash_between_curly_quotes_keeps_its_meaning() {
        let cases = [
            (
                "title = “C:\\temp\\new”\n",
                "title = 'C:\\temp\\new'",
                Some("C:\\temp\\new"),
            ),
            ("title = “abc\\”\n", "title = 'abc\\'", Some("abc\\")),
            (
                "title = “Bo's C:\\temp”\n",
                "title = \"Bo's C:\\\\temp\"",
                None,
            ),
            (
                "title = “Bo's hus”\n",
                "title = \"Bo's hus\"",
                Some("Bo's hus"),
            ),
        ];
        for (text, line, read) in cases {
            let (diags, _) = findings(0, text);
            let fix = diags[0].fix.as_ref().expect("a fix");
            assert_eq!(fix.replacement, line, "{text}");
            assert!(diags[0].help.as_deref().unwrap().ends_with(line), "{text}");
            // The fixed line means the text that was pasted.
            let fixed: toml::Table = toml::from_str(&format!("{line}\n")).unwrap();
            let pasted = text.split('“').nth(1).unwrap().split('”').next().unwrap();
            assert_eq!(fixed["title"].as_str(), Some(pasted), "{text}");
            // And the file is read meanwhile as the fix will write it, where that keeps
            // every byte in its place.
            if let Some(read) = read {
                let repaired: toml::Table = toml::from_str(&repair(text)).unwrap();
                assert_eq!(repaired["title"].as_str(), Some(read), "{text}");
            }
        }
    }

    /// The help gives no line that is not TOML: `‘it’s’` made straight is `'it's'`.
    #[test]
    fn the_help_says_no_line_that_would_not_read() {
        for text in ["title = ‘it’s’\n", "title = “a “inner” b”\n"] {
            let (diags, _) = findings(0, text);
            let help = diags[0].help.as_deref().unwrap();
            assert!(!help.contains("should read"), "{text}: {help}");
        }
        let (diags, _) = findings(0, "title = “Læseklub”\n");
        assert!(diags[0].help.as_deref().unwrap().contains("should read"));
    }

    #[test]
    fn a_quote_before_the_closing_delimiter_stays_inside_the_text() {
        for text in [
            "partners = [\"borgere\", \"\"\"'\"\"\"\", \"\u{feff}\"]\n",
            "partners = ['''a'''''', \"\u{feff}\"]\n",
        ] {
            assert!(scan(text).is_empty(), "{text}");
        }
        assert_eq!(scan("a = \"\"\"x\"\"\"\"\"\nb\u{a0}= 1\n").len(), 1);
    }

    #[test]
    fn quoted_text_and_comments_are_left_alone() {
        for text in [
            "title = \"„Læseklub“ i Viby\"\n",
            "title = 'Bibliotekets “Café”'\n",
            "# “kommentar” med\u{a0}mellemrum\n",
            "description = \"\"\"\nLinje “1”\u{a0}\n\"\"\"\n",
        ] {
            assert!(scan(text).is_empty(), "{text}");
            assert!(matches!(repair(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn invisible_characters_are_named_where_they_are() {
        let text = "status\u{a0}= \"done\"\n";
        assert_eq!(repair(text), "status  = \"done\"\n");
        let (diags, _) = findings(0, text);
        assert_eq!(
            diags[0].message,
            "an invisible U+00A0 NO-BREAK SPACE after `status`"
        );
        let (diags, _) = findings(0, "deadline = 2017–06–30\n");
        assert_eq!(
            diags[0].message,
            "a U+2013 EN DASH in the value of `deadline`"
        );
    }
}
