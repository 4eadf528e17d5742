//! Findings as JUnit XML, the test-report format Jenkins, Azure Pipelines
//! (`PublishTestResults`, `testResultsFormat: JUnit`) and GitLab read.
//!
//! Layout: one `<testsuite>` per file of the plan folder, named by its path, so the CI page
//! lists every file that was checked; a file without findings has one passing test case
//! (`ok`). Each finding is a `<testcase>` named `RULE at LINE:COLUMN` (or `RULE`, for a
//! finding on a whole file; ` (2)`, ` (3)` … after a name already used in the suite) whose
//! `classname` is the file. An error is a `<failure>`; a warning passes, with the finding in
//! `<system-out>`, unless `--strict` makes warnings fail the run — then it is a
//! `<failure>` too, so the report agrees with the exit code. Findings on the whole plan go to
//! `plan.toml`'s suite (or the plan folder's, when there is no `plan.toml`).
//!
//! Plan text is escaped for XML 1.0: `&`, `<`, `>`, `"`, `'` as entities, and characters
//! XML 1.0 does not allow at all (C0 controls but tab, line feed and carriage return;
//! U+FFFE, U+FFFF) removed, after the usual removal of terminal-unsafe characters.

use std::io::{self, Write};

use crate::diag::{Diagnostic, Severity};
use crate::model::Plan;
use crate::text::{clean, clean_line};

use super::{location, Location};

/// Writes the JUnit XML document. `strict`: warnings fail, as with `plan check --strict`.
pub fn junit(
    plan: &Plan,
    diags: &[Diagnostic],
    strict: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    // One suite per file, in file order, written a suite at a time (a plan of 100,000 files
    // is not held as one document): each file's findings, in their order. A finding on the
    // whole plan goes to `plan.toml`'s suite; one on the folder (no `plan.toml`) or on an
    // entry that could not be read, to a suite of its own after the files'.
    let mut by_file: Vec<Vec<&Diagnostic>> = vec![Vec::new(); plan.files.len()];
    let mut others: Vec<(String, Vec<&Diagnostic>)> = Vec::new();
    for d in diags {
        match d.file {
            Some(file) => by_file[file].push(d),
            None if plan.has_manifest && d.path.is_none() => by_file[0].push(d),
            None => {
                let path = super::location_path(&location(plan, d).path);
                match others.iter_mut().find(|(p, _)| *p == path) {
                    Some((_, cases)) => cases.push(d),
                    None => others.push((path, vec![d])),
                }
            }
        }
    }
    // A note never fails, not even with --strict.
    let failing = |d: &Diagnostic| {
        d.severity == Severity::Error || (strict && d.severity == Severity::Warning)
    };
    let tests: usize = by_file.iter().map(|c| c.len().max(1)).sum::<usize>()
        + others.iter().map(|(_, c)| c.len()).sum::<usize>();
    let failures = diags.iter().filter(|d| failing(d)).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="plan check" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    // The files' suites are laid out on two cores, a chunk of suites at a time (a plan of
    // 100,000 files has as many suites); the few others after them, on this core.
    let files: Vec<(usize, &[&Diagnostic])> = by_file
        .iter()
        .enumerate()
        .map(|(file, cases)| (file, cases.as_slice()))
        .collect();
    let file_suite = |out: &mut dyn Write, &(file, cases): &(usize, &[&Diagnostic])| {
        let path = super::location_path(&plan.file(file).display());
        suite(plan, &path, cases, &failing, out)
    };
    crate::render::chunked::write_each_in(&files, super::FINDINGS_PER_CHUNK, out, &file_suite)?;
    for (path, cases) in &others {
        suite(plan, path, cases, &failing, out)?;
    }
    writeln!(out, "</testsuites>")
}

/// Writes one `<testsuite>`: `path` as displayed, `cases` the findings of that file (or of
/// the folder, or of an entry that could not be read), in their order; none makes one
/// passing test case, `ok`. `failing` tells which findings are failures.
fn suite(
    plan: &Plan,
    path: &str,
    cases: &[&Diagnostic],
    failing: &(dyn Fn(&Diagnostic) -> bool + Sync),
    out: &mut dyn Write,
) -> io::Result<()> {
    let cases: Vec<(&Diagnostic, Location)> =
        cases.iter().map(|&d| (d, location(plan, d))).collect();
    let path = xml(path);
    let suite_failures = cases.iter().filter(|(d, _)| failing(d)).count();
    writeln!(
        out,
        r#"  <testsuite name="{path}" tests="{}" failures="{suite_failures}" errors="0" skipped="0">"#,
        cases.len().max(1)
    )?;
    let mut names: std::collections::HashMap<String, usize> = Default::default();
    if cases.is_empty() {
        writeln!(out, r#"    <testcase name="ok" classname="{path}"/>"#)?;
    }
    for (d, loc) in &cases {
        let mut name = match (loc.line, loc.column) {
            (Some(line), Some(column)) => format!("{} at {line}:{column}", d.rule.name()),
            (Some(line), None) => format!("{} at {line}", d.rule.name()),
            _ => d.rule.name().to_string(),
        };
        // Test names are unique within a suite (CI pages merge or flag equal names).
        let nth = names.entry(name.clone()).or_insert(0);
        *nth += 1;
        if *nth > 1 {
            name.push_str(&format!(" ({nth})"));
        }
        let mut body = format!("{}[{}]: {}", d.severity.name(), d.rule.name(), d.message);
        let place = match (loc.line, loc.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", clean_line(&loc.path)),
            _ => clean_line(&loc.path),
        };
        body.push_str(&format!("\n --> {place}"));
        if let Some(help) = &d.help {
            body.push_str(&format!("\nhelp: {help}"));
        }
        if d.fix.is_some() {
            body.push_str(&format!("\n{}", super::FIXABLE_NOTE.trim()));
        }
        writeln!(
            out,
            r#"    <testcase name="{}" classname="{path}">"#,
            xml(&name)
        )?;
        if failing(d) {
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                xml(&d.message),
                d.rule.name(),
                xml(&body)
            )?;
        } else {
            writeln!(out, "      <system-out>{}</system-out>", xml(&body))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    Ok(())
}

/// Plan text as XML 1.0 character data or attribute value: terminal-unsafe characters and
/// the characters XML 1.0 forbids removed, the five markup characters as entities, line
/// breaks kept (as `&#10;`, so that they survive in attribute values too).
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if allowed_in_xml(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML 1.0's `Char` production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD,
/// U+10000–U+10FFFF.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            xml(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(xml("bell\u{7} esc\u{1b}[31m nul\u{0}"), "bell esc[31m nul");
        assert_eq!(xml("a\u{FFFE}b\u{FFFF}c"), "abc");
        assert_eq!(xml("to\nlinjer"), "to&#10;linjer");
        assert_eq!(xml("Ærø 👩‍💻"), "Ærø 👩‍💻");
        assert!(!allowed_in_xml('\u{1}'));
        assert!(allowed_in_xml('\u{10FFFF}'));
    }
}
