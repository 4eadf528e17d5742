//! `plan check`'s findings, one file per output format: `text` (rustc style), `concise` (one
//! line a finding), `json`, `github` (workflow commands), `gitlab` (Code Quality JSON),
//! `sarif` (SARIF 2.1.0) and `junit` (JUnit XML); and `statistics` (findings per rule).
//!
//! Every renderer reads the same place of a finding through [`position`] (and [`location`]
//! where a format needs a file for every finding), so the formats cannot disagree about
//! where a finding is. Plan text in the findings is untrusted: each format escapes it for
//! its own syntax and removes characters a viewer must not get (`crate::text::clean`).
//!
//! The formats people read (`text`, `concise`, `github`) show at most
//! [`crate::check::SHOWN_PER_FILE_AND_RULE`] findings of one rule in one file, then one note
//! "and N more" ([`crate::check::capped`]); the formats for programs (`json`, `gitlab`,
//! `sarif`, `junit`) list every finding.
//!
//! Each format builds its record of a finding in one function (`line`, `Issue`, result …),
//! so a later mark on a finding (such as whether `--fix` can fix it) has one place per format.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;
pub mod text;

use crate::diag::Diagnostic;
use crate::model::Plan;

/// How many items the formats laid out an item at a time format as one chunk
/// ([`crate::render::chunked::write_each_in`]): findings in the text and GitHub formats,
/// per-file test suites in JUnit's. A finding takes many times a list row's work (its
/// source line found, masked and marked), so the findings of a plan of 10,000 files with
/// one in ten broken (about 1,000) are already shared over two cores: with the lists'
/// chunks of 1,000, they were laid out on one.
pub const FINDINGS_PER_CHUNK: usize = 100;

/// Where a finding is, as users see it: file (as displayed), 1-based line and column.
pub struct Position<'a> {
    pub file: Option<std::borrow::Cow<'a, str>>,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The file, line and column of `d`; all `None` for a finding on the whole plan. A finding
/// on an entry of the folder that is not a plan file (`Diagnostic::path`: a folder, a named
/// pipe) has that entry as its file, without a line.
pub fn position<'a>(plan: &'a Plan, d: &'a Diagnostic) -> Position<'a> {
    let Some(file) = d.file.map(|f| plan.file(f)) else {
        return Position {
            file: d.path.as_deref().map(std::borrow::Cow::Borrowed),
            line: None,
            column: None,
        };
    };
    // No line and column when the file changed since it was parsed (its text was let go).
    let (line, column) = match d.span.as_ref().and_then(|span| file.line_col(span.start)) {
        Some((l, c)) => (Some(l), Some(c)),
        None => (None, None),
    };
    Position {
        file: Some(std::borrow::Cow::Owned(file.display())),
        line,
        column,
    }
}

/// Where a finding is, for the formats that need a path for every finding (concise, GitHub,
/// GitLab, SARIF, JUnit): a finding on the whole plan (`min-per-track`, `dependency-cycle` …) is
/// placed on `plan.toml`, where the rule is set, or on the plan folder when there is no
/// `plan.toml`.
pub struct Location {
    /// The path as displayed (relative to where `plan` runs when the folder was given or
    /// found relative), with `/` separators, and otherwise the file's own name, line breaks
    /// and control characters too: SARIF percent-encodes it and GitLab's JSON escapes it, so
    /// that both point at the very file; a format read on a terminal or as a label (concise,
    /// JUnit) cleans it with [`crate::text::clean_line`].
    pub path: String,
    /// Whether `path` is a file (`false`: a folder — the plan folder, or an entry of it that
    /// is one, such as a folder that cannot be read).
    pub is_file: bool,
    /// 1-based line and column; `None` when the finding is on a whole file or folder.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The [`Location`] of `d`.
pub fn location(plan: &Plan, d: &Diagnostic) -> Location {
    let pos = position(plan, d);
    match pos.file {
        Some(file) => Location {
            // An entry that is not a plan file may be a folder (an unreadable one, a nested
            // plan) or a file (a dangling link, a workspace's stray initiative): as on disk.
            is_file: d.file.is_some() || !std::fs::metadata(&*file).is_ok_and(|m| m.is_dir()),
            path: path_text(&file),
            line: pos.line,
            column: pos.column,
        },
        None if plan.has_manifest => Location {
            path: path_text(&plan.file(0).display()),
            is_file: true,
            line: None,
            column: None,
        },
        None => Location {
            path: plan_folder(plan),
            is_file: false,
            line: None,
            column: None,
        },
    }
}

/// The plan folder as displayed: as given, `/` separators, `.` for the current folder;
/// control characters removed and line breaks made spaces, in every format (a finding on
/// the folder is not an annotation on a file, and its fingerprint stays as it was).
pub fn plan_folder(plan: &Plan) -> String {
    let text = location_path(&plan.dir.to_string_lossy());
    let text = text.strip_prefix("./").unwrap_or(&text);
    let text = text.trim_end_matches('/');
    if text.is_empty() {
        ".".to_string()
    } else {
        text.to_string()
    }
}

/// A stable fingerprint per finding, in the order of `diags`: 16 hex digits of a hash of
/// rule, path and message — not the line, so that a finding that moves down when a line is
/// added above keeps it — and, for the second and later findings with all three equal, of
/// the first's fingerprint and a counter. GitLab (`fingerprint`) and SARIF
/// (`partialFingerprints`) use it to follow a finding from one run to the next.
pub fn fingerprints(plan: &Plan, diags: &[Diagnostic]) -> Vec<String> {
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    diags
        .iter()
        .map(|d| {
            // Of the path as shown before paths kept their control characters, so that no
            // fingerprint changed with it.
            let path = location(plan, d).path;
            let path = crate::text::clean_line_cow(&path);
            let key = fnv1a64(&[d.rule.name(), &path, &d.message]);
            let nth = seen.entry(key).or_insert(0);
            *nth += 1;
            if *nth == 1 {
                format!("{key:016x}")
            } else {
                format!(
                    "{:016x}",
                    fnv1a64(&[&format!("{key:016x}"), &nth.to_string()])
                )
            }
        })
        .collect()
}

/// FNV-1a, 64 bits, over the parts with a 0xff byte between them (a byte UTF-8 never
/// has, so `("ab", "c")` and `("a", "bc")` differ). Written out here because the standard
/// library's hasher may change between Rust versions, and a fingerprint must not.
pub(crate) fn fnv1a64(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        let sep: &[u8] = if i == 0 { &[] } else { &[0xff] };
        for &byte in sep.iter().chain(part.as_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// A displayed path as a label on one line (JUnit's suite names): `/` separators, control
/// characters removed, line breaks made spaces.
pub fn location_path(display: &str) -> String {
    crate::text::clean_line(&path_text(display))
}

/// A displayed path with `/` separators, its characters otherwise kept ([`Location::path`]).
fn path_text(path: &str) -> String {
    path.replace('\\', "/")
}

/// What the one-line formats (concise, GitHub, GitLab, JUnit) add to a finding that
/// `plan check --fix` can mend.
pub(crate) const FIXABLE_NOTE: &str = " (fixable: plan check --fix)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_hash_is_fnv1a_and_separates_parts() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(&["a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(&["foobar"]), 0x8594_4171_f739_67e8);
        assert_ne!(fnv1a64(&["ab", "c"]), fnv1a64(&["a", "bc"]));
    }

    /// A finding in a file that changed on disk between loading and showing (its text let
    /// go, as above 2,000 files) claims no line, column or fix in any format: SARIF offers
    /// no fix at 1:1, the text no "writes … here"; every format says why the line is missing.
    #[test]
    fn a_file_changed_since_parsing_shows_no_line_and_no_fix_in_any_format() {
        use crate::parse::plan::{load_plan_keeping, Keep, Texts};
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("plan.toml"), crate::parse::DEFAULT_MANIFEST).unwrap();
        let good = "title = \"God\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n";
        std::fs::write(root.join("god.toml"), good).unwrap();
        // A dependency on no initiative, with a sure fix (`gud` → `god`): a cross-file
        // finding, so the file's text is let go after parsing.
        let dangling = "title = \"Dingler\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\
                        depends_on = [\"gud\"]\n";
        std::fs::write(root.join("dingler.toml"), dangling).unwrap();
        let lean = Keep {
            texts: Texts::KeepUpTo(0),
            descriptions: false,
        };
        let render = |diags: &[Diagnostic], plan: &Plan| {
            let mut outputs = Vec::new();
            type Render = fn(&Plan, &[Diagnostic], &mut dyn std::io::Write) -> std::io::Result<()>;
            let formats: [(&str, Render); 6] = [
                ("concise", concise::concise),
                ("github", github::github),
                ("gitlab", gitlab::gitlab),
                ("json", json::json),
                ("sarif", sarif::sarif),
                ("text", |p, d, o| text::text(p, d, false, o)),
            ];
            for (name, format) in formats {
                let mut out = Vec::new();
                format(plan, diags, &mut out).unwrap();
                outputs.push((name, String::from_utf8(out).unwrap()));
            }
            let mut out = Vec::new();
            junit::junit(plan, diags, false, &mut out).unwrap();
            outputs.push(("junit", String::from_utf8(out).unwrap()));
            outputs
        };

        // Unchanged: the line, the column and the fix are shown.
        let plan = load_plan_keeping(root, lean).unwrap();
        let mut diags = crate::check::check(&plan);
        assert!(diags.iter().any(|d| d.fix.is_some()), "{diags:?}");
        crate::check::read_again_for(&plan, &mut diags);
        let shown = render(&diags, &plan);
        for (format, out) in &shown {
            assert!(!out.contains("the file changed"), "{format}: {out}");
        }
        let sarif = &shown.iter().find(|(f, _)| *f == "sarif").unwrap().1;
        assert!(sarif.contains("\"fixes\""), "{sarif}");
        let text = &shown.iter().find(|(f, _)| *f == "text").unwrap().1;
        assert!(
            text.contains("dingler.toml:4:15") && text.contains("writes"),
            "{text}"
        );

        // Changed after loading: no line, column or fix, and the reason, in every format.
        let plan = load_plan_keeping(root, lean).unwrap();
        let mut diags = crate::check::check(&plan);
        std::fs::write(root.join("dingler.toml"), format!("# ny\n{dangling}")).unwrap();
        crate::check::read_again_for(&plan, &mut diags);
        let dangling_finding = diags
            .iter()
            .find(|d| d.rule == crate::check::Rule::UnknownDependency)
            .unwrap();
        assert_eq!(dangling_finding.fix, None);
        for (format, out) in render(&diags, &plan) {
            assert!(out.contains("the file changed while"), "{format}: {out}");
            assert!(!out.contains("dingler.toml:4"), "{format}: {out}");
            assert!(!out.contains("writes"), "{format}: {out}");
            assert!(!out.contains("\"fixes\""), "{format}: {out}");
            assert!(!out.contains("\"fixable\": true"), "{format}: {out}");
        }
    }
}
