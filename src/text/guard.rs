//! CI runners read commands in what a program prints. GitHub Actions runs a line that starts
//! with `::` after its leading white space (`::error file=…::…`, `::stop-commands::…`), and
//! finds `##[` anywhere in a line (`##[error]…`); Azure Pipelines finds `##vso[` anywhere.
//! Plan text must never do that, so where it is printed:
//! - a line that would start with `::` gets a `\` in front of the `::` (`\::error …`), in
//!   place of the space before it if there is one (so that columns stay in place);
//! - `##[` and `##vso[` get a `\` before the `[` (`##\[error]`).
//!
//! [`guard`] does it to a text (every line of it: multi-line text, or a line that may start
//! one); [`LineGuard`] does it to everything written through it, line by line, which is how
//! standard output and standard error are written (`src/run.rs`), so that a title wrapped
//! onto a line of its own, or a renderer that forgot, cannot start a command either.
//! `check --format github` is written without it (its lines are workflow commands; plan
//! text in them is escaped as GitHub's rules say, its markers broken by [`break_markers`]); JSON passes through it unchanged, since
//! `render::json` escapes `##[` inside strings and no line of JSON starts with `::`.

use std::borrow::Cow;
use std::io::{self, Write};

/// The markers a runner finds anywhere in a line, up to the `[` that is escaped.
const ANYWHERE: [&str; 2] = ["##", "##vso"];

/// Whether `text` has a marker found anywhere: `##[` or `##vso[`.
fn has_marker(text: &str) -> bool {
    text.match_indices('[')
        .any(|(i, _)| ANYWHERE.iter().any(|m| text[..i].ends_with(m)))
}

/// Breaks `##[` and `##vso[` with a `\` before the `[`.
pub fn break_markers(text: &str) -> Cow<'_, str> {
    if !has_marker(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    for (i, c) in text.char_indices() {
        if c == '[' && ANYWHERE.iter().any(|m| text[..i].ends_with(m)) {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Whether a line, white space at its start removed (as the runner trims it), starts with
/// `::`.
fn starts_command(line: &str) -> bool {
    line.trim_start().starts_with("::")
}

/// One line (or the part after a carriage return) with a `\` before a leading `::`. When a
/// space stands before the `::`, the `\` takes its place, so that the columns of a table or
/// an indented text stay where they are.
fn guard_start(line: &str, out: &mut String) {
    if starts_command(line) {
        let at = line.len() - line.trim_start().len();
        let indent = &line[..at];
        out.push_str(indent.strip_suffix(' ').unwrap_or(indent));
        out.push('\\');
        out.push_str(&line[at..]);
    } else {
        out.push_str(line);
    }
}

/// Both rules on every line of `text` (lines end at `\n` or `\r`, as a runner reads them).
pub fn guard(text: &str) -> Cow<'_, str> {
    // Most text (a CSV cell, a title) is one line without `:` or `[`: nothing to change.
    if !text
        .bytes()
        .any(|b| matches!(b, b'\n' | b'\r' | b':' | b'['))
    {
        return Cow::Borrowed(text);
    }
    let needs = has_marker(text) || text.split(['\n', '\r']).any(starts_command);
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    for line in text.split_inclusive(['\n', '\r']) {
        guard_start(line, &mut out);
    }
    match break_markers(&out) {
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(broken) => Cow::Owned(broken),
    }
}

/// Whether [`guard`] could change `line`, told from its bytes without decoding it: `false`
/// only when every carriage return in it is followed by a newline (a CRLF line end, CSV's),
/// it does not start (after ASCII blanks) with `::` or a non-ASCII character
/// (which may be a blank), and has no `[` right after `##` or `##vso`. Most lines are written
/// on at once. The same test as the writer makes of a piece of many lines
/// ([`starts_badly`], [`next_rare_stop`]), on one.
fn may_need_guard(line: &[u8]) -> bool {
    starts_badly(line) || next_rare_stop(line, 0) != usize::MAX
}

/// Whether a line (ending with its `\n`, if any) starts, after ASCII blanks, with `::` or a
/// non-ASCII character: the part of [`may_need_guard`] that looks at the line's start.
fn starts_badly(line: &[u8]) -> bool {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c'))
        .unwrap_or(line.len());
    let rest = &line[start..];
    rest.starts_with(b"::") || rest.first().is_some_and(|&b| b >= 0x80)
}

/// Where in `lines`, from `from` on, the first byte is that makes [`may_need_guard`] stop
/// its line: a carriage return that does not end the line (CRLF's), or the `[` of a
/// marker; `usize::MAX` when there is none. These are rare, so they are looked for with
/// one search through the rest of the piece, not line by line.
fn next_rare_stop(lines: &[u8], from: usize) -> usize {
    memchr::memchr2_iter(b'\r', b'[', &lines[from..])
        .map(|i| from + i)
        .find(|&i| {
            if lines[i] == b'\r' {
                lines.get(i + 1) != Some(&b'\n')
            } else {
                ANYWHERE.iter().any(|m| lines[..i].ends_with(m.as_bytes()))
            }
        })
        .unwrap_or(usize::MAX)
}

/// A writer that applies [`guard`] to each line written through it. A line is held until
/// its end (`\n`) or a flush, so that a marker written in two pieces is still seen.
pub struct LineGuard<W: Write> {
    inner: W,
    line: Vec<u8>,
}

impl<W: Write> LineGuard<W> {
    pub fn new(inner: W) -> LineGuard<W> {
        LineGuard {
            inner,
            line: Vec::new(),
        }
    }

    fn emit(&mut self, bytes: &[u8]) -> io::Result<()> {
        if !may_need_guard(bytes) {
            return self.inner.write_all(bytes);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => self.inner.write_all(guard(text).as_bytes()),
            // Not text (never written by `plan`): passed on as it is.
            Err(_) => self.inner.write_all(bytes),
        }
    }
}

impl<W: Write> Write for LineGuard<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        // The line held from the last write is finished first.
        if !self.line.is_empty() {
            let Some(end) = memchr::memchr(b'\n', rest) else {
                self.line.extend_from_slice(rest);
                return Ok(buf.len());
            };
            let (head, tail) = rest.split_at(end + 1);
            let mut line = std::mem::take(&mut self.line);
            line.extend_from_slice(head);
            self.emit(&line)?;
            rest = tail;
        }
        // Then every whole line: written on in one piece up to the first the guard must
        // read (a large output is a few writes, not one per line).
        // Each line's start is read; the rare bytes that stop a line anywhere in it are
        // searched for once through the piece, and again only past a line they stopped, so
        // that the piece is read once however many of its lines are stopped.
        let whole = memchr::memrchr(b'\n', rest).map_or(0, |last| last + 1);
        let (lines, tail) = rest.split_at(whole);
        let mut rare = next_rare_stop(lines, 0);
        let (mut start, mut written) = (0, 0);
        while start < lines.len() {
            let end = memchr::memchr(b'\n', &lines[start..]).map_or(lines.len(), |e| start + e + 1);
            if rare < end || starts_badly(&lines[start..end]) {
                self.inner.write_all(&lines[written..start])?;
                self.emit(&lines[start..end])?;
                written = end;
                if rare < end {
                    rare = next_rare_stop(lines, end);
                }
            }
            start = end;
        }
        self.inner.write_all(&lines[written..])?;
        self.line.extend_from_slice(tail);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            self.emit(&line)?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for LineGuard<W> {
    /// The last line, if it has no newline, is written too (errors cannot be told here).
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A line let through without being read is one the guard would leave as it is:
        /// carriage returns anywhere, CRLF ends, blanks of every kind, `::`, `##[`. One
        /// line, as the writer hands them over: a newline only at its end.
        #[test]
        fn a_line_let_through_is_never_one_the_guard_changes(
            line in "([ -~æø│─Æ]|\r|\t|\u{0B}|\u{0C}|\u{85}|\u{A0}|\u{2003}|\u{3000}|\u{2028}|::|##\\[|##vso\\[)*(\n|\r\n)?"
        ) {
            if !may_need_guard(line.as_bytes()) {
                proptest::prop_assert_eq!(guard(&line), line.as_str());
            }
        }
    }

    proptest::proptest! {
        /// Written through the writer in any pieces, a text comes out as the guard makes
        /// each of its lines: whole lines let through in one piece are the lines it leaves.
        #[test]
        fn the_writer_guards_every_line_however_the_text_is_cut(
            text in "([ -~æø]|\n|\r\n|\r|\t|\u{0B}|\u{A0}|\u{3000}|::|##\\[|##vso\\[)*",
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let expected: String = text.split_inclusive('\n').map(|line| guard(line)).collect();
            let mut out = Vec::new();
            {
                let mut w = LineGuard::new(&mut out);
                let mut cuts: Vec<usize> = cuts
                    .into_iter()
                    .filter(|&c| c < text.len() && text.is_char_boundary(c))
                    .collect();
                cuts.sort_unstable();
                let mut at = 0;
                for cut in cuts.into_iter().chain([text.len()]) {
                    w.write_all(&text.as_bytes()[at..cut]).unwrap();
                    at = cut;
                }
                w.flush().unwrap();
            }
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    /// One large piece, as a table slice or a chunk of a list is handed over, in which many
    /// lines start with a character the guard must read (a table's `─┼─` rules, a wrapped
    /// line starting with Æ) and some hold what it changes: the lines the guard makes of
    /// each line; and the same without any such line.
    #[test]
    fn a_large_piece_comes_out_as_its_lines_guarded_one_by_one() {
        let line = |n: usize| match n % 7 {
            0 => "───┼──────┼────\n".to_string(),
            1 => format!("Ærø {n} │ x\n"),
            2 if n % 70 == 2 => format!("  ::error::{n}\n"),
            3 if n % 91 == 3 => format!("a ##[group] {n}\r\n"),
            4 if n % 113 == 4 => format!("ok\r::warning::{n}\n"),
            _ => format!("id-{n:05} │ Læsekreds │ Q2\n"),
        };
        let plain = |n: usize| format!("id-{n:05} │ Læsekreds │ Q2\n");
        for make in [&line as &dyn Fn(usize) -> String, &plain] {
            let text: String = (0..20_000).map(make).collect();
            let expected: String = text.split_inclusive('\n').map(|l| guard(l)).collect();
            let mut out = Vec::new();
            {
                let mut w = LineGuard::new(&mut out);
                w.write_all(text.as_bytes()).unwrap();
                w.flush().unwrap();
            }
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    /// The quick test only lets through lines the guard leaves as they are.
    #[test]
    fn a_line_let_through_unread_is_one_the_guard_leaves_alone() {
        let samples = [
            "  \"id\": \"a\",\n",
            "::error::x\n",
            " \t::warning::x\n",
            "\u{a0}::error::x\n",
            "\u{2003}::error::x\n",
            "a ##[group] b\n",
            "a ##vso[task] b\n",
            "a #[x] ## [y]\n",
            "ok\r::error::x\n",
            "ok\r::error::x\r\n",
            "id;titel;spor\r\n",
            "a;b\r",
            "\r\n",
            "Læseklub: 2017-05-01 [a]\n",
            "│ ::error::x │ Q2\n",
            "───┼───\n",
            "Ærø::x\n",
            "\n",
            "",
        ];
        for line in samples {
            if !may_need_guard(line.as_bytes()) {
                assert_eq!(guard(line), line, "{line:?}");
            }
        }
        assert!(may_need_guard(b"::x"));
        assert!(may_need_guard(b"a ##[b"));
        assert!(!may_need_guard(b"  \"id\": \"a\",\n"));
        assert!(may_need_guard("\u{3000}::x\n".as_bytes()));
        // A CSV row's CRLF end is let through; a carriage return inside a line is not.
        assert!(!may_need_guard(b"id;titel\r\n"));
        assert!(may_need_guard(b"ok\r::error::x\r\n"));
    }

    #[test]
    fn a_line_that_would_start_a_command_gets_a_backslash() {
        assert_eq!(
            guard("Ny\n::error file=README.md::x"),
            "Ny\n\\::error file=README.md::x"
        );
        assert_eq!(guard("  \t::stop-commands::t"), "  \t\\::stop-commands::t");
        assert_eq!(guard(" ::error::x  │ Q1"), "\\::error::x  │ Q1");
        assert_eq!(guard("    ::error::x"), "   \\::error::x");
        assert_eq!(guard("a\r::warning::x"), "a\r\\::warning::x");
        assert_eq!(guard("\u{3000}::x"), "\u{3000}\\::x");
        assert_eq!(guard("a ::b :: c"), "a ::b :: c");
        assert_eq!(guard("ingen"), "ingen");
    }

    #[test]
    fn runner_markers_anywhere_are_broken() {
        assert_eq!(guard("Ny ##[error]x"), "Ny ##\\[error]x");
        assert_eq!(
            guard("x ##vso[task.setvariable]y"),
            "x ##vso\\[task.setvariable]y"
        );
        assert_eq!(guard("##[group]"), "##\\[group]");
        assert_eq!(guard("# [a] #[b]"), "# [a] #[b]");
    }

    #[test]
    fn the_writer_guards_lines_written_in_pieces() {
        let mut out = Vec::new();
        {
            let mut w = LineGuard::new(&mut out);
            for piece in ["ok\n   :", ":error::x\n#", "#[w", "arning]y\nend ::"] {
                w.write_all(piece.as_bytes()).unwrap();
            }
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ok\n  \\::error::x\n##\\[warning]y\nend ::"
        );
    }
}
