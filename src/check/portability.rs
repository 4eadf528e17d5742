//! `toml-portability`: syntax that only TOML 1.1 reads. `plan` reads TOML 1.1 (the `toml`
//! crate), but Python's `tomllib` and editors on TOML 1.0 (taplo / Even Better TOML) reject
//! a file with
//!
//! - a newline, a comment or a comma after the last entry inside an inline table `{ … }`;
//! - the escapes `\xHH` and `\e` in a basic string;
//! - a time without seconds (`07:30`, `2017-06-30T07:30`).
//!
//! Each finding carries its fix (TOML 1.0 text for the span): the inline table on one line
//! without the last comma, `\u00HH` and `\u001B`, `:00` added to the time. An inline table
//! with a comment in it has no fix (joining its lines would lose the comment).
//!
//! The lexer is the TOML parser's own (`toml_parser`), so strings and comments are told
//! apart exactly as when the file is read. Only a file without syntax errors is scanned.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::Source;

use super::{Diagnostic, Rule};

/// What the help says, for every finding of the rule.
const WHO: &str =
    "Python's tomllib and editors on TOML 1.0 (taplo / Even Better TOML) cannot read it";

/// Every use of TOML 1.1-only syntax in `text` (a file that parsed without errors).
/// `inline_tables_plain`: the caller knows (from the parsed tree,
/// [`inline_tables_on_one_line`]) that every inline table is TOML 1.0; `false` when it
/// does not know.
pub fn toml_1_1_only(file: usize, text: &str, inline_tables_plain: bool) -> Vec<Diagnostic> {
    if !may_have_1_1_syntax(text, inline_tables_plain) {
        return Vec::new();
    }
    lexed(file, text)
}

/// [`toml_1_1_only`] by lexing the whole of `text`, however likely a finding is.
fn lexed(file: usize, text: &str) -> Vec<Diagnostic> {
    let tokens: Vec<Token> = Source::new(text).lex().collect();
    let mut out = Vec::new();
    // Open brackets: `true` for an inline table `{`, `false` for `[`.
    let mut open: Vec<bool> = Vec::new();
    let mut table: Option<OpenTable> = None;
    for (n, token) in tokens.iter().enumerate() {
        let span = token.span().start()..token.span().end();
        let raw = &text[span.clone()];
        let in_table = open.last() == Some(&true);
        match token.kind() {
            TokenKind::LeftCurlyBracket => {
                if table.is_none() {
                    table = Some(OpenTable {
                        first: n,
                        found: None,
                        commented: false,
                    });
                }
                open.push(true);
            }
            TokenKind::LeftSquareBracket => open.push(false),
            TokenKind::RightSquareBracket => {
                open.pop();
            }
            TokenKind::RightCurlyBracket => {
                open.pop();
                if !open.contains(&true) {
                    if let Some(OpenTable {
                        first,
                        found: Some((at, what)),
                        commented,
                    }) = table.take()
                    {
                        let whole = tokens[first].span().start()..span.end;
                        let mut d = finding(file, at, format!("{what} inside an inline table"))
                            .help(format!(
                                "{WHO}; write the inline table on one line, without a comma after its last entry{}",
                                if commented { ", and move the comment above it" } else { "" }
                            ));
                        if !commented {
                            d = d.fix(whole.clone(), one_line(text, &tokens[first..=n]));
                        }
                        out.push(d);
                    }
                    table = None;
                }
            }
            TokenKind::Newline | TokenKind::Comment if in_table => {
                let what = if token.kind() == TokenKind::Comment {
                    "a comment"
                } else {
                    "a line break"
                };
                if let Some(t) = &mut table {
                    t.found.get_or_insert((span.clone(), what));
                    t.commented |= token.kind() == TokenKind::Comment;
                }
            }
            TokenKind::Comment => {
                if let Some(t) = &mut table {
                    t.commented = true;
                }
            }
            TokenKind::Comma if in_table && closes_after(&tokens[n + 1..]) => {
                if let Some(t) = &mut table {
                    t.found
                        .get_or_insert((span.clone(), "a comma after the last entry"));
                }
            }
            TokenKind::BasicString | TokenKind::MlBasicString => {
                for (at, escape, replacement) in new_escapes(raw) {
                    let at = span.start + at.start..span.start + at.end;
                    out.push(
                        finding(file, at.clone(), format!("the escape `{escape}`"))
                            .help(format!("{WHO}; write it as `{replacement}`"))
                            .fix(at, replacement),
                    );
                }
            }
            TokenKind::Atom => {
                if let Some(end) = time_without_seconds(raw) {
                    let at = span.start..span.start + end;
                    out.push(
                        finding(
                            file,
                            at.clone(),
                            format!("the time `{}` without seconds", &raw[..end]),
                        )
                        .help(format!("{WHO}; add the seconds: `{}:00`", &raw[..end]))
                        .fix(at.end..at.end, ":00"),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `text` has any of the characters 1.1-only syntax needs: `{`, a backslash, or a
/// `:` between digits. Most plan files have none, and are not lexed a second time.
fn may_have_1_1_syntax(text: &str, inline_tables_plain: bool) -> bool {
    let b = text.as_bytes();
    // One pass over the text for the three bytes (most files have none of them).
    memchr::memchr3_iter(b'{', b'\\', b':', b).any(|i| match b[i] {
        b'{' => !inline_tables_plain,
        b'\\' => true,
        _ => i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit),
    })
}

/// Whether every inline table of the parsed `table` (of `text`) stands on one line with no
/// comment in it and no comma before its `}` (`status = { from = "planned", to = "done"
/// }`): such tables are TOML 1.0. Read from the parser's tree, so a `{` inside a string is
/// no table. A `#` or `,` inside a string of the table answers `false` (the file is then
/// lexed, which tells them apart).
pub fn inline_tables_on_one_line(table: &DeTable<'_>, text: &str) -> bool {
    fn plain(value: &Spanned<DeValue<'_>>, text: &str) -> bool {
        match value.get_ref() {
            DeValue::Table(inner) => {
                let written = text.get(value.span()).unwrap_or("");
                if let Some(body) = written.strip_prefix('{') {
                    let Some(body) = body.strip_suffix('}') else {
                        return false;
                    };
                    let one_line = memchr::memchr3(b'\n', b'\r', b'#', body.as_bytes()).is_none();
                    return one_line && !body.trim_end().ends_with(',');
                }
                inner.values().all(|v| plain(v, text))
            }
            DeValue::Array(items) => items.iter().all(|v| plain(v, text)),
            _ => true,
        }
    }
    table.values().all(|v| plain(v, text))
}

/// The outermost inline table being read.
struct OpenTable {
    /// Index of its `{` token.
    first: usize,
    /// Its first 1.1-only part: where, and what (`a line break`).
    found: Option<(Range<usize>, &'static str)>,
    /// Whether a comment stands anywhere inside it (then there is no fix).
    commented: bool,
}

fn finding(file: usize, span: Range<usize>, what: String) -> Diagnostic {
    Diagnostic::new(Rule::TomlPortability, format!("{what} is TOML 1.1 only"))
        .at(file, span)
        .label("TOML 1.1 only")
}

/// Whether only blanks, line breaks and comments stand between here and a `}`.
fn closes_after(rest: &[Token]) -> bool {
    rest.iter()
        .find(|t| {
            !matches!(
                t.kind(),
                TokenKind::Whitespace | TokenKind::Newline | TokenKind::Comment
            )
        })
        .is_some_and(|t| t.kind() == TokenKind::RightCurlyBracket)
}

/// The inline table `tokens` (from `{` to its `}`) on one line: each run of blanks and line
/// breaks one space (none before a comma), no comma after the last entry, and the 1.1-only
/// escapes and times inside written as TOML 1.0. Only for a table without comments.
fn one_line(text: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for (n, token) in tokens.iter().enumerate() {
        let raw = &text[token.span().start()..token.span().end()];
        match token.kind() {
            TokenKind::Whitespace | TokenKind::Newline => blank = true,
            TokenKind::Comma if closes_after(&tokens[n + 1..]) => {}
            kind => {
                if blank && kind != TokenKind::Comma && !out.is_empty() {
                    out.push(' ');
                }
                blank = false;
                match kind {
                    TokenKind::BasicString | TokenKind::MlBasicString => {
                        let mut fixed = raw.to_string();
                        for (at, _, replacement) in new_escapes(raw).into_iter().rev() {
                            fixed.replace_range(at, &replacement);
                        }
                        out.push_str(&fixed);
                    }
                    TokenKind::Atom => match time_without_seconds(raw) {
                        Some(end) => {
                            out.push_str(&raw[..end]);
                            out.push_str(":00");
                            out.push_str(&raw[end..]);
                        }
                        None => out.push_str(raw),
                    },
                    _ => out.push_str(raw),
                }
            }
        }
    }
    out
}

/// The `\xHH` and `\e` escapes in the raw text of a basic string (quotes included): where,
/// as written, and the TOML 1.0 escape for the same character.
fn new_escapes(raw: &str) -> Vec<(Range<usize>, String, String)> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'x') if raw.get(i + 2..i + 4).is_some() => {
                let hex = &raw[i + 2..i + 4];
                out.push((i..i + 4, format!("\\x{hex}"), format!("\\u00{hex}")));
                i += 4;
            }
            Some(b'e') => {
                out.push((i..i + 2, "\\e".into(), "\\u001B".into()));
                i += 2;
            }
            // Any other escape (`\\`, `\"`, `\u…`, a line-ending backslash): skip its
            // character, so that `\\x` is not read as `\x`.
            _ => i += 2,
        }
    }
    out
}

/// For an atom that is a time or a date-time whose time has no seconds (`07:30`,
/// `2017-06-30T07:30Z`, `07:30+01:00`), the end of the `HH:MM` in it.
fn time_without_seconds(atom: &str) -> Option<usize> {
    let b = atom.as_bytes();
    let start = if b.len() > 10 && b[4] == b'-' && b[7] == b'-' && matches!(b[10], b'T' | b't') {
        11
    } else {
        0
    };
    let hh_mm = b.get(start..start + 5)?;
    let shaped = hh_mm[0].is_ascii_digit()
        && hh_mm[1].is_ascii_digit()
        && hh_mm[2] == b':'
        && hh_mm[3].is_ascii_digit()
        && hh_mm[4].is_ascii_digit();
    (shaped && b.get(start + 5) != Some(&b':')).then_some(start + 5)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The first look at the bytes never spares the lexer a file it finds something in:
        /// texts made of the characters the findings are made of (valid TOML or not).
        #[test]
        fn the_first_look_misses_no_finding(
            text in "([a-z0-9 =,#:.\"'{}\\\\\\[\\]\n-]|\"\\\\x41\"|07:30|\\{ *\n){0,24}"
        ) {
            if !super::may_have_1_1_syntax(&text, false) {
                proptest::prop_assert_eq!(super::lexed(0, &text), vec![]);
            }
        }
    }

    /// The parsed tree's answer on inline tables only ever spares the lexer a file without
    /// findings: the findings are those of lexing every file, `{` in strings and keys too.
    #[test]
    fn the_tree_spares_the_lexer_only_files_without_findings() {
        let cases = [
            "extra = [\"{\", { x = \"}\",\n}]\n",
            "\"{\" = { x = \"}\",\n}\n",
            "a = { x = 1, }\n",
            "a = { x = 1 } # { y = 2,\n",
            "status = { from = \"planned\", to = \"done\" }\n",
            "t = { a = { b = 1 }, c = [1, 2] }\n",
            "d = \"\"\"\n{ x,\n}\"\"\"\n",
            "e = { a = \"#\" }\n",
            "f = { a = \",\" }\n",
            "[[log]]\ndate = 2017-01-01\nstatus = { to = \"done\" }\n",
            "g = { a = 1,\n  b = 2 }\n",
            "h = { a = 1 # note\n}\n",
        ];
        for text in cases {
            let table = DeTable::parse(text).expect("valid TOML 1.1").into_inner();
            let plain = inline_tables_on_one_line(&table, text);
            assert_eq!(
                toml_1_1_only(0, text, plain),
                toml_1_1_only(0, text, false),
                "{text:?}"
            );
        }
        // And it does spare the lexer the usual one-line table.
        let text = "status = { from = \"planned\", to = \"done\" }\n";
        let table = DeTable::parse(text).unwrap().into_inner();
        assert!(inline_tables_on_one_line(&table, text));
    }

    use super::*;

    fn fixed(text: &str) -> String {
        let mut text = text.to_string();
        let mut fixes: Vec<_> = toml_1_1_only(0, &text, false)
            .into_iter()
            .filter_map(|d| d.fix)
            .collect();
        // Outer fixes include the inner ones: apply those not inside another, from the end.
        fixes.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        let mut outer: Vec<crate::check::Fix> = Vec::new();
        for f in fixes {
            if outer.last().is_none_or(|o| f.span.start >= o.span.end) {
                outer.push(f);
            }
        }
        for f in outer.into_iter().rev() {
            text.replace_range(f.span, &f.replacement);
        }
        text
    }

    #[test]
    fn each_kind_is_found_and_fixed_to_toml_1_0() {
        let text = "a = { x = 1,\n  y = \"\\e[0m\", # c\n}\nb = { x = 1, }\nc = \"\\x41 \\\\x\"\nd = 07:30\ne = 2017-06-30T07:30Z\nf = 07:30:00+01:00\ng = { t = 1979-05-27T07:32, s = \"\\x41\",\n}\n";
        let found = toml_1_1_only(0, text, false);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the escape `\\e` is TOML 1.1 only",
                "a line break inside an inline table is TOML 1.1 only",
                "a comma after the last entry inside an inline table is TOML 1.1 only",
                "the escape `\\x41` is TOML 1.1 only",
                "the time `07:30` without seconds is TOML 1.1 only",
                "the time `2017-06-30T07:30` without seconds is TOML 1.1 only",
                "the time `1979-05-27T07:32` without seconds is TOML 1.1 only",
                "the escape `\\x41` is TOML 1.1 only",
                "a comma after the last entry inside an inline table is TOML 1.1 only",
            ]
        );
        assert!(found[1].fix.is_none(), "a commented table has no fix");
        assert_eq!(
            fixed(text),
            "a = { x = 1,\n  y = \"\\u001B[0m\", # c\n}\nb = { x = 1 }\nc = \"\\u0041 \\\\x\"\nd = 07:30:00\ne = 2017-06-30T07:30:00Z\nf = 07:30:00+01:00\ng = { t = 1979-05-27T07:32:00, s = \"\\u0041\" }\n"
        );
    }

    #[test]
    fn toml_1_0_is_not_flagged() {
        let text = "a = { x = [\n 1, # one\n 2,\n] }\nb = \"\\\\e \\\\x41 \\u001B\"\nc = 07:30:00\nd = '\\x41'\n[t]\ne = 1979-05-27\n";
        assert_eq!(toml_1_1_only(0, text, false), vec![]);
    }
}
