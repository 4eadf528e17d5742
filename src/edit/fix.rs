//! `plan check --fix` and `--diff`: the fixes the rules attach to their findings
//! ([`crate::check::diagnostic::Fix`]: a span of the file's text and its replacement),
//! chosen so that none brings a new finding, applied to the files' text as it is.
//!
//! A fix replaces only the bytes of the value or key it is about, so comments, layout, the
//! order of keys, a byte-order mark and Windows line endings all stay as they were. The
//! replacements themselves are written by `toml_edit` (a quoted string, a bare key).
//!
//! Which fixes are taken:
//! - every fix the findings of `plan check` carry, and with `canonical` every track and place
//!   name written as an alias ([`crate::check::catalogue::canonical_fixes`]);
//! - not in `plan.toml`: its catalogue is what the other fixes are made from;
//! - of fixes that nest or overlap in one file, the outermost (the first);
//! - all at once when the plan with all of them brings no new finding, else file by file, and
//!   in a file whose fixes together bring one, one by one, each kept only if the plan with it
//!   and the ones kept before brings none;
//! - in rounds (at most [`ROUNDS`]) until none is left, since one fix can make another (a
//!   misspelt alias fixed, then, with `canonical`, written as its name): so a second `--fix`
//!   finds nothing to do.
//!
//! "New finding": a finding in a file (rule, file, message) that the plan did not have, or
//! more findings of a plan-wide rule (`min-per-track`) than before.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::check::diagnostic::Fix;
use crate::check::{catalogue::canonical_fixes, check, Diagnostic, Rule};
use crate::load::with_files;
use crate::model::Plan;
use crate::write::{write_file, WriteError, WriteOptions};

/// Up to how many files `plan check` (without `--fix`) makes sure that each finding it marks
/// fixable is one `--fix` would fix ([`keep_sure_fixes`]).
pub const VERIFIED_MARKS_UP_TO: usize = 2_000;

/// How many files `plan check` may read again (as changed by fixes) to verify its fixable
/// marks: files with fixes × files of the plan (one check of the whole plan per file with
/// fixes, at worst). 20,000 is about a third of a second; beyond it, verifying would make
/// `plan check` on 1,000 files with 30 fixable findings take seconds instead of milliseconds.
pub const VERIFY_BUDGET: usize = 20_000;

/// How many rounds of fixes at most (each round's fixes can enable the next round's).
pub const ROUNDS: usize = 4;

/// One file's text before and after its fixes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedFile {
    /// Index into `Plan::files` of the plan the fixes were made for.
    pub file: usize,
    /// The file's text as loaded (BOM dropped, CRLF as LF).
    pub before: String,
    /// The text with the fixes.
    pub after: String,
    /// How many fixes were applied.
    pub fixes: usize,
}

/// The fixes that would be applied to `plan`, file by file (in file order).
pub fn fix_plan(plan: &Plan, canonical: bool) -> Vec<FixedFile> {
    let mut texts: BTreeMap<usize, (String, usize)> = BTreeMap::new();
    let mut fixed_plan: Option<Plan> = None;
    for _ in 0..ROUNDS {
        let current = fixed_plan.as_ref().unwrap_or(plan);
        let found = check(current);
        let candidates = candidates(current, &found, canonical);
        if candidates.is_empty() {
            break;
        }
        let accepted = choose(current, &found, &candidates);
        if accepted.is_empty() {
            break;
        }
        let changes = changes_for(current, &accepted);
        for (file, fixes) in &accepted {
            let entry = texts
                .entry(*file)
                .or_insert_with(|| (plan.file(*file).text.clone(), 0));
            entry.1 += fixes.len();
        }
        let next = with_files(current, &changes);
        for (file, entry) in texts.iter_mut() {
            // File indexes stay: the same files, the same order.
            entry.0 = next.file(*file).text.clone();
        }
        fixed_plan = Some(next);
    }
    let fixed = texts
        .into_iter()
        .filter(|(file, (after, _))| *after != plan.file(*file).text)
        .map(|(file, (after, fixes))| FixedFile {
            file,
            before: plan.file(file).text.clone(),
            after,
            fixes,
        })
        .collect();
    fixed
}

/// The findings whose fix `plan check --fix` would apply (in the first round): those of
/// `diags` with a fix that is taken. Others keep their finding, without the fix.
///
/// Deciding that costs a check of the whole plan with the fixes, and one more per file with
/// fixes when together they bring a finding. So on a folder of more than
/// [`VERIFIED_MARKS_UP_TO`] files, or when the files with fixes times the files of the plan
/// exceed [`VERIFY_BUDGET`], the marks are the rules' offers as they are; `--fix` still
/// leaves out a fix that would bring a finding.
pub fn keep_sure_fixes(plan: &Plan, diags: &mut [Diagnostic]) {
    if diags.iter().all(|d| d.fix.is_none()) || plan.files.len() > VERIFIED_MARKS_UP_TO {
        return;
    }
    let candidates = candidates(plan, diags, false);
    if candidates.len().saturating_mul(plan.files.len()) > VERIFY_BUDGET {
        return;
    }
    let accepted = choose(plan, diags, &candidates);
    for d in diags.iter_mut() {
        let taken = match (d.file, &d.fix) {
            (Some(file), Some(fix)) => accepted.get(&file).is_some_and(|f| f.contains(fix)),
            _ => false,
        };
        if !taken {
            d.fix = None;
        }
    }
}

type ByFile = BTreeMap<usize, Vec<Fix>>;

/// The fixes on offer, by file: of nesting or overlapping ones, the outermost.
fn candidates(plan: &Plan, diags: &[Diagnostic], canonical: bool) -> ByFile {
    let mut by_file: ByFile = BTreeMap::new();
    let offered = diags
        .iter()
        .filter_map(|d| Some((d.file?, d.fix.clone()?)))
        .chain(if canonical {
            canonical_fixes(plan)
        } else {
            Vec::new()
        });
    for (file, fix) in offered {
        if plan.has_manifest && file == 0 {
            continue;
        }
        by_file.entry(file).or_default().push(fix);
    }
    for fixes in by_file.values_mut() {
        fixes.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        fixes.dedup();
        let mut kept: Vec<Fix> = Vec::with_capacity(fixes.len());
        for fix in fixes.drain(..) {
            let overlaps = kept.last().is_some_and(|last| {
                fix.span.start < last.span.end || fix.span.start == last.span.start
            });
            if !overlaps {
                kept.push(fix);
            }
        }
        *fixes = kept;
    }
    by_file.retain(|_, f| !f.is_empty());
    by_file
}

/// The fixes that together bring no new finding: all, when they do not; else, file by file,
/// a file's fixes together when they do not, else those kept one by one. (Each try is a
/// check of the whole plan with the fixes.)
fn choose(plan: &Plan, found: &[Diagnostic], candidates: &ByFile) -> ByFile {
    let before = findings(plan, found);
    if brings_nothing_new(plan, &before, candidates) {
        return candidates.clone();
    }
    let mut kept: ByFile = BTreeMap::new();
    for (file, fixes) in candidates {
        // A file's fixes together first (one check), one by one only when they fail.
        let mut trial = kept.clone();
        trial.insert(*file, fixes.clone());
        if brings_nothing_new(plan, &before, &trial) {
            kept = trial;
            continue;
        }
        for fix in fixes {
            let mut trial = kept.clone();
            trial.entry(*file).or_default().push(fix.clone());
            if brings_nothing_new(plan, &before, &trial) {
                kept = trial;
            }
        }
    }
    kept
}

fn changes_for(plan: &Plan, fixes: &ByFile) -> Vec<(String, String)> {
    fixes
        .iter()
        .map(|(file, fixes)| {
            let source = plan.file(*file);
            (source.relative.clone(), apply(&source.text, fixes))
        })
        .collect()
}

type Counted = HashMap<(Rule, Option<String>, String), usize>;

/// Whether the plan with `fixes` has no finding that `before` (the plan's) has not.
fn brings_nothing_new(plan: &Plan, before: &Counted, fixes: &ByFile) -> bool {
    let after = with_files(plan, &changes_for(plan, fixes));
    for (key, n) in findings(&after, &check(&after)) {
        // A status a fix makes readable (`"i gang"` → `"active"`) had no date before the fix
        // either: `undated-status` tells what was already so, it is not brought by the fix.
        if key.0 == Rule::UndatedStatus {
            continue;
        }
        let had = before.get(&key).copied().unwrap_or(0);
        if n > had {
            return false;
        }
    }
    true
}

/// Findings counted by what they are: in a file (rule, file, message); about the plan (rule).
fn findings(plan: &Plan, diags: &[Diagnostic]) -> Counted {
    let mut out = HashMap::new();
    for d in diags {
        let key = match d.file {
            Some(f) => (
                d.rule,
                Some(plan.file(f).relative.clone()),
                d.message.clone(),
            ),
            None => (d.rule, None, String::new()),
        };
        *out.entry(key).or_default() += 1;
    }
    out
}

/// `text` with each fix's span replaced (fixes sorted, not overlapping).
pub fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for fix in fixes {
        let span = clamp(text, &fix.span);
        if span.start < at {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(&fix.replacement);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The bytes of a file whose loaded text was `before` (as read: `raw`, with its BOM and line
/// endings) with the text changed to `after`: the BOM and every line ending are kept, and
/// only the changed stretches are replaced (each found by a diff of the two texts by
/// character), so that a line no fix touched keeps its bytes, in a file whose lines end in
/// CRLF, LF or both. A line break a stretch writes ends as the line it is written into
/// does. `None` when `raw` does not load as `before` (the file changed since it was read).
pub fn raw_bytes(raw: &[u8], before: &str, after: &str) -> Option<Vec<u8>> {
    let (loaded, problem) = crate::load::encoding::decode(raw);
    if problem.is_some() || loaded != before {
        return None;
    }
    let bom: &[u8] = if raw.starts_with(b"\xEF\xBB\xBF") {
        b"\xEF\xBB\xBF"
    } else {
        b""
    };
    let body = &raw[bom.len()..];
    // Where each loaded byte is in `body`: a loaded LF that was a CR LF starts at its CR.
    let mut raw_at = Vec::with_capacity(before.len() + 1);
    let mut i = 0;
    while i < body.len() {
        raw_at.push(i);
        i += if body[i] == b'\r' && body.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
    }
    raw_at.push(body.len());
    // The byte offset of each character of both texts (and of their ends): the diff counts
    // characters.
    let offsets = |text: &str| -> Vec<usize> {
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect()
    };
    let (old_at, new_at) = (offsets(before), offsets(after));
    let mut out = Vec::with_capacity(raw.len() + after.len() / 8);
    out.extend_from_slice(bom);
    let mut copied = 0; // bytes of `body` written so far
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .diff_chars(before, after);
    for op in diff.ops() {
        let (old, new) = (op.old_range(), op.new_range());
        if matches!(op.tag(), similar::DiffTag::Equal) {
            continue;
        }
        let (start, end) = (raw_at[old_at[old.start]], raw_at[old_at[old.end]]);
        out.extend_from_slice(&body[copied..start]);
        // The line it is written into ends in CRLF: so do the line breaks it writes.
        let line_end = body[end..].iter().position(|&b| b == b'\n');
        let crlf = match line_end {
            Some(at) => at > 0 && body[end + at - 1] == b'\r',
            None => body.windows(2).any(|w| w == b"\r\n"),
        };
        let text = &after[new_at[new.start]..new_at[new.end]];
        if crlf {
            out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
        } else {
            out.extend_from_slice(text.as_bytes());
        }
        copied = end;
    }
    out.extend_from_slice(&body[copied..]);
    Some(out)
}

/// Writes a fixed file over itself, atomically, only if it still has the text it was fixed
/// from ([`WriteError::Changed`] else); a read-only file is not written.
pub fn write_fixed(plan: &Plan, fixed: &FixedFile) -> Result<(), WriteError> {
    let path = plan.file(fixed.file).path();
    let raw = std::fs::read(&path).map_err(|e| WriteError::Io {
        path: path.clone(),
        source: e,
    })?;
    let bytes = raw_bytes(&raw, &fixed.before, &fixed.after)
        .ok_or_else(|| WriteError::Changed(path.clone()))?;
    write_file(
        &path,
        &bytes,
        WriteOptions {
            force: false,
            expected: Some(&raw),
            within: Some(&plan.dir),
        },
    )
}

/// Where the paths of a diff start: the folder `plan` runs in, or the plan folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffBase {
    /// Every fixed file is below the current folder: its path as shown (`plans/q2/x.toml`).
    Here,
    /// Some fixed file is not (`plan check` run in `plans/q2` for a file of `q1`, or an
    /// absolute `--plans`): `git apply` takes no path with `..` or a leading `/`, so every
    /// path is relative to the plan folder (`q1/x.toml`), and the diff is applied there.
    PlanFolder,
}

/// A unified diff of the fixed files, for `plan check --diff`, with where its paths start
/// ([`DiffBase`]): `a/` and `b/` before each path, the path quoted as git quotes one
/// (`"a/tab\tname.toml"`) when it holds a control character, a `"`, a `\` or a character
/// that must not reach a terminal (as octal escapes of its bytes), so that `git apply` takes
/// it from that folder. It is a diff of the files' bytes as `--fix` would write them (read
/// again from disk): a file with a byte-order mark or Windows line endings keeps them in the
/// diff's lines, as `git apply` needs. A file that cannot be read again as it was loaded is
/// diffed as loaded.
pub fn unified_diff(plan: &Plan, fixed: &[FixedFile]) -> (String, DiffBase) {
    let below_here = |shown: &str| {
        !shown.starts_with('/')
            && !std::path::Path::new(shown).is_absolute()
            && !shown.split(['/', '\\']).any(|part| part == "..")
    };
    let base = if fixed
        .iter()
        .all(|f| below_here(&plan.file(f.file).display()))
    {
        DiffBase::Here
    } else {
        DiffBase::PlanFolder
    };
    let mut out = String::new();
    for f in fixed {
        let file = plan.file(f.file);
        // `./q2/x.toml` (with `--plans .`) is `q2/x.toml` to git, which refuses a `.` part.
        let name = match base {
            DiffBase::Here => file
                .display()
                .split('/')
                .filter(|part| *part != ".")
                .collect::<Vec<_>>()
                .join("/"),
            DiffBase::PlanFolder => file.relative.clone(),
        };
        let (a, b) = (git_path("a/", &name), git_path("b/", &name));
        let raw = std::fs::read(file.path()).ok().and_then(|raw| {
            let after = raw_bytes(&raw, &f.before, &f.after)?;
            Some((String::from_utf8(raw).ok()?, String::from_utf8(after).ok()?))
        });
        let (before, after) = match &raw {
            Some((before, after)) => (before.as_str(), after.as_str()),
            None => (f.before.as_str(), f.after.as_str()),
        };
        let diff = similar::TextDiff::from_lines(before, after);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&a, &b)
                .to_string(),
        );
    }
    (out, base)
}

/// `prefix` and `path` as a path of a diff's `---`/`+++` line: as it is, or in double quotes
/// with C escapes when it holds a control character, `"`, `\` or a character that must not
/// reach a terminal ([`crate::text::is_unsafe`]: its bytes in octal), as git writes such a
/// name and `git apply` reads it.
fn git_path(prefix: &str, path: &str) -> String {
    let plain = |c: char| !c.is_control() && c != '"' && c != '\\' && !crate::text::is_unsafe(c);
    let whole = format!("{prefix}{path}");
    if whole.chars().all(plain) {
        return whole;
    }
    let mut out = String::from("\"");
    for c in whole.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if plain(c) => out.push(c),
            c => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("\\{byte:03o}"));
                }
            }
        }
    }
    out.push('"');
    out
}

/// A unified diff as it may reach a terminal: each line without what must not reach one
/// ([`crate::text::strip`]), but for what `git apply` needs of a file's own bytes: the CR
/// of a line that ends in CR LF, and the byte-order mark at the start of a file's first line
/// (after the diff's ` `, `-` or `+`, in a hunk that starts at line 1). A line with other
/// such characters (a bell in a comment, a bidi control) is shown without them, and a patch
/// that changes such a line does not apply: `plan check --fix` writes it.
pub fn shown_diff(diff: &str) -> String {
    let mut out = String::with_capacity(diff.len());
    // Whether the line is the first of a hunk that starts at a file's first line (`@@ -1,`
    // or `@@ -0,0 +1,`): the one that may begin with the file's byte-order mark, on either
    // side of the change.
    let mut first_lines = false;
    for line in diff.split_inclusive('\n') {
        let (body, end) = if let Some(body) = line.strip_suffix("\r\n") {
            (body, "\r\n")
        } else if let Some(body) = line.strip_suffix('\n') {
            (body, "\n")
        } else {
            (line, "")
        };
        let at_start = first_lines;
        first_lines = body.starts_with("@@ -1,") || body.starts_with("@@ -1 ");
        let first_line_kind = body.chars().next();
        let marked = [" \u{FEFF}", "-\u{FEFF}", "+\u{FEFF}"]
            .into_iter()
            .filter(|_| at_start)
            .find(|m| body.starts_with(m));
        // A `-` line and the `+` line that replaces it both begin a file: both may keep it.
        if at_start && first_line_kind == Some('-') {
            first_lines = true;
        }
        let body = match marked {
            Some(m) => {
                out.push_str(m);
                &body[m.len()..]
            }
            None => body,
        };
        out.push_str(&crate::text::strip(body));
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_diff_keeps_crlf_and_the_bom_and_nothing_else_unsafe() {
        let diff = "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n \u{FEFF}title = \"a\u{202e}b\"\r\n-period = \"q2\"\r\n+period = \"Q2\"\r\n";
        assert_eq!(
            shown_diff(diff),
            "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n \u{FEFF}title = \"ab\"\r\n-period = \"q2\"\r\n+period = \"Q2\"\r\n"
        );
        assert_eq!(shown_diff("+x\u{1b}[31m\ry\n"), "+x[31m\ny\n");
        // The mark is kept only where a file begins: the first lines of a hunk at line 1.
        let later = "@@ -5,1 +5,1 @@\n \u{FEFF}x\n";
        assert_eq!(shown_diff(later), "@@ -5,1 +5,1 @@\n x\n");
        let replaced = "@@ -1,1 +1,1 @@\n-\u{FEFF}a\r\n+\u{FEFF}b\r\n \u{FEFF}c\n";
        assert_eq!(
            shown_diff(replaced),
            "@@ -1,1 +1,1 @@\n-\u{FEFF}a\r\n+\u{FEFF}b\r\n c\n"
        );
    }

    #[test]
    fn raw_bytes_keep_the_bom_and_crlf() {
        let raw = b"\xEF\xBB\xBFtitle = \"a\"\r\nperiod = \"q2\" # x\r\n";
        let before = "title = \"a\"\nperiod = \"q2\" # x\n";
        let after = "title = \"a\"\nperiod = \"Q2\" # x\n";
        let out = raw_bytes(raw, before, after).unwrap();
        assert_eq!(out, b"\xEF\xBB\xBFtitle = \"a\"\r\nperiod = \"Q2\" # x\r\n");
        // A change over a line end keeps CRLF in what it writes.
        let after = "title = \"b\"\nperiod = \"Q2\" # x\n";
        let out = raw_bytes(raw, before, after).unwrap();
        assert_eq!(out, b"\xEF\xBB\xBFtitle = \"b\"\r\nperiod = \"Q2\" # x\r\n");
        assert_eq!(raw_bytes(b"other", before, after), None);
        // Lines ending in CRLF and in LF in one file: each keeps its own ending, the
        // lines between two changes too (they all became CRLF).
        let raw = b"title = \"a\"\r\nperiod = \"q2\"\ntracks = [\"hygge\"]\r\n";
        let before = "title = \"a\"\nperiod = \"q2\"\ntracks = [\"hygge\"]\n";
        let after = "title = \"a\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n";
        assert_eq!(
            raw_bytes(raw, before, after).unwrap(),
            b"title = \"a\"\r\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\r\n"
        );
        // A line break written ends as the line it is written into: a line put before the
        // CRLF line of `tracks` ends in CRLF, one within the LF line of `period` in LF.
        let after = "title = \"a\"\nperiod = \"Q2\"\nstatus = \"done\"\ntracks = [\"hygge\"]\n";
        assert_eq!(
            raw_bytes(raw, before, after).unwrap(),
            b"title = \"a\"\r\nperiod = \"Q2\"\nstatus = \"done\"\r\ntracks = [\"hygge\"]\r\n"
        );
        let after = "title = \"a\"\nperiod = \"Q2\" # to\n# linjer\ntracks = [\"hygge\"]\n";
        assert_eq!(
            raw_bytes(raw, before, after).unwrap(),
            b"title = \"a\"\r\nperiod = \"Q2\" # to\n# linjer\ntracks = [\"hygge\"]\r\n"
        );
        // Plain files are replaced byte for byte.
        assert_eq!(
            raw_bytes(before.as_bytes(), before, after).unwrap(),
            after.as_bytes()
        );
    }

    #[test]
    fn nested_fixes_keep_the_outermost() {
        let fix = |s: Range<usize>, r: &str| Fix {
            span: s,
            replacement: r.into(),
        };
        assert_eq!(
            apply("abcdef", &[fix(0..1, "A"), fix(2..4, "CD")]),
            "AbCDef"
        );
        assert_eq!(apply("abc", &[fix(0..3, "x"), fix(1..2, "y")]), "x");
    }
}
