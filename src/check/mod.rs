//! `plan check`: every rule, each in a file named for what it checks, and the one list of
//! findings. The table of rules is [`rule`]; a finding is a [`Diagnostic`].
//!
//! Rules on how one file is written (`syntax`, `unknown-field`, `missing-field`,
//! `invalid-value`) are met while the parser reads the file: the parser calls this module's
//! constructors ([`syntax`], [`fields`], [`values`], [`ids`]) at the span it read, and the
//! findings travel in `Plan::diagnostics`. Every other rule runs in [`check`] on the parsed
//! plan: the catalogue names the parser could not resolve ([`catalogue`]), ids, dependencies,
//! deadlines, minimums and the dated history ([`history`]).

pub mod copies;
pub mod diagnostic;
pub mod rule;

pub mod catalogue;
pub mod entries;
pub mod fields;
pub mod ids;
pub mod portability;
pub mod syntax;
pub mod values;

mod deadlines;
mod dependencies;
mod history;
mod minimums;
pub mod pasted;

pub use minimums::{counted_on_track, location_counts, track_counts};

use crate::model::Plan;
pub use diagnostic::{Diagnostic, Fix};
pub use rule::{Rule, RuleInfo, Severity, RULES};

/// From how many initiatives [`check`] runs its two groups of cross-file rules on two cores
/// (below, starting a thread costs more than it saves).
const IN_PARALLEL_FROM: usize = 2_000;

/// Every finding for the plan, with `[rules.severity]` applied (rules set to `off` are
/// dropped), in file order, plan-level findings last.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    findings(plan, Suggest::AmongIds)
}

/// The findings of [`check`] (the same rules, files, places and order), without looking
/// for the id a dangling `depends_on` meant: its help says how to find ids, and it has no
/// fix. For the commands that only need to know which files have errors (`status`, `list`,
/// `show`, `report`): among 100,000 ids, "did you mean" is the dearest part of checking a
/// plan with many dangling dependencies.
pub fn check_without_suggestions(plan: &Plan) -> Vec<Diagnostic> {
    findings(plan, Suggest::Not)
}

/// Whether a dangling `depends_on` is given the id it most likely meant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suggest {
    AmongIds,
    Not,
}

fn findings(plan: &Plan, suggest: Suggest) -> Vec<Diagnostic> {
    // The cross-file rules in two groups, each in its order; a large plan runs the groups on
    // two cores. The findings come out in the same order either way.
    // The first group starts from the parser's findings: `ids::file_name_clashes` turns an
    // invalid file name's finding into the clash it is.
    let names_and_links = || {
        let mut found = plan.diagnostics.clone();
        catalogue::unknown_names(plan, &mut found);
        ids::duplicates(plan, &mut found);
        ids::file_name_clashes(plan, &mut found);
        dependencies::unknown(plan, suggest, &mut found);
        dependencies::cycles(plan, &mut found);
        dependencies::order(plan, &mut found);
        found
    };
    let dates_and_counts = || {
        let mut found = Vec::new();
        deadlines::outside_period(plan, &mut found);
        minimums::per_track(plan, &mut found);
        minimums::per_location(plan, &mut found);
        // "After today" is measured against the real date of the check, not `--today`.
        history::findings(plan, chrono::Local::now().date_naive(), &mut found);
        found
    };
    let (first, second) = if plan.initiatives.len() >= IN_PARALLEL_FROM {
        std::thread::scope(|scope| {
            let first = scope.spawn(names_and_links);
            let second = dates_and_counts();
            (first.join().expect("a rule thread panicked"), second)
        })
    } else {
        (names_and_links(), dates_and_counts())
    };
    let mut found = first;
    found.extend(second);

    let rules = &plan.manifest.rules;
    let mut out: Vec<Diagnostic> = found
        .into_iter()
        .filter_map(|mut d| {
            d.severity = rules.severity_of(d.rule)?;
            Some(d)
        })
        .collect();
    out.sort_by_key(|d| {
        (
            d.file.unwrap_or(usize::MAX),
            d.span.as_ref().map_or(0, |s| s.start),
            d.rule,
        )
    });
    out.dedup();
    out
}

/// How many findings of one rule in one file the formats people read show (text, GitHub
/// annotations); the rest are one note "and N more". Ten show the pattern of a repeated
/// mistake; a file with thousands of the same finding (16,000 `[[log]]` tables without a
/// date) stays readable and fast to print. JSON is not capped.
pub const SHOWN_PER_FILE_AND_RULE: usize = 10;

/// The findings to show: at most `cap` of one rule in one file (in the order given), each
/// file's findings followed by one note per rule it had more of, saying how many more
/// ("and 15990 more …"). Findings on no file are all kept.
pub fn capped(diags: &[Diagnostic], cap: usize) -> Vec<Diagnostic> {
    use std::collections::BTreeMap;
    let mut out = Vec::with_capacity(diags.len().min(1024));
    let mut shown: BTreeMap<Rule, usize> = BTreeMap::new();
    let mut current: Option<usize> = None;
    let flush =
        |file: Option<usize>, shown: &mut BTreeMap<Rule, usize>, out: &mut Vec<Diagnostic>| {
            for (rule, seen) in std::mem::take(shown) {
                if let (Some(file), Some(more)) = (file, seen.checked_sub(cap).filter(|&n| n > 0)) {
                    out.push(and_more(file, rule, more, cap));
                }
            }
        };
    for d in diags {
        if d.file != current {
            flush(current, &mut shown, &mut out);
            current = d.file;
        }
        if d.file.is_none() {
            out.push(d.clone());
            continue;
        }
        let seen = shown.entry(d.rule).or_default();
        *seen += 1;
        if *seen <= cap {
            out.push(d.clone());
        }
    }
    flush(current, &mut shown, &mut out);
    out
}

/// The note that stands for the `more` findings of `rule` in `file` not shown.
fn and_more(file: usize, rule: Rule, more: usize, cap: usize) -> Diagnostic {
    let mut d = Diagnostic::new(
        rule,
        format!(
            "and {} more `{rule}` {} in this file",
            more,
            if more == 1 { "finding" } else { "findings" }
        ),
    )
    .in_file(file)
    .help(format!(
        "only the first {cap} of each rule in a file are shown; `plan check --format json` lists every finding"
    ));
    d.severity = Severity::Note;
    d
}

/// Counts of errors and warnings (notes are not counted).
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let count = |severity| diags.iter().filter(|d| d.severity == severity).count();
    (count(Severity::Error), count(Severity::Warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: Option<usize>, rule: Rule, n: usize) -> Diagnostic {
        let d = Diagnostic::new(rule, format!("{n}"));
        match file {
            Some(f) => d.at(f, n..n),
            None => d,
        }
    }

    #[test]
    fn capped_keeps_the_first_of_each_rule_in_each_file_and_says_how_many_more() {
        let mut diags = Vec::new();
        for n in 0..5 {
            diags.push(at(Some(0), Rule::MissingField, n));
            diags.push(at(Some(0), Rule::InvalidValue, n));
        }
        diags.push(at(Some(1), Rule::MissingField, 0));
        for n in 0..4 {
            diags.push(at(None, Rule::MinPerTrack, n));
        }
        let shown = capped(&diags, 2);
        let summary: Vec<(Option<usize>, Rule, Severity, &str)> = shown
            .iter()
            .map(|d| (d.file, d.rule, d.severity, d.message.as_str()))
            .collect();
        use Rule::*;
        use Severity::*;
        assert_eq!(
            summary,
            [
                (Some(0), MissingField, Error, "0"),
                (Some(0), InvalidValue, Error, "0"),
                (Some(0), MissingField, Error, "1"),
                (Some(0), InvalidValue, Error, "1"),
                (
                    Some(0),
                    MissingField,
                    Note,
                    "and 3 more `missing-field` findings in this file"
                ),
                (
                    Some(0),
                    InvalidValue,
                    Note,
                    "and 3 more `invalid-value` findings in this file"
                ),
                (Some(1), MissingField, Error, "0"),
                (None, MinPerTrack, Error, "0"),
                (None, MinPerTrack, Error, "1"),
                (None, MinPerTrack, Error, "2"),
                (None, MinPerTrack, Error, "3"),
            ]
        );
        // The "and N more" notes are not counted as errors or warnings.
        assert_eq!(counts(&shown), (9, 0));
        assert_eq!(capped(&diags, 10), diags);
    }

    /// Enough initiatives for the id index and the look-ups on two cores, some with a
    /// dangling `depends_on` (typos of real ids, and ids near nothing).
    fn plan_with_dangling_dependencies() -> Plan {
        use crate::load::{plan_from_folder, Folder, SourceFile};
        let files: Vec<SourceFile> = (0..1_200)
            .map(|n| {
                let dep = match n % 10 {
                    0 => format!("lasekreds-{:05}", n + 1),
                    5 => format!("xq-{n}"),
                    _ => format!("laesekreds-{:05}", (n + 1) % 1_200),
                };
                let text = format!(
                    "title = \"Læsekreds {n}\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndepends_on = [\"{dep}\"]\n"
                );
                SourceFile::from_bytes(&format!("laesekreds-{n:05}.toml"), text.as_bytes())
            })
            .collect();
        let folder = Folder {
            manifest: None,
            initiatives: files,
            ..Folder::default()
        };
        plan_from_folder(std::path::Path::new("plans"), folder)
    }

    #[test]
    fn without_suggestions_the_same_findings_with_no_guess() {
        let plan = plan_with_dangling_dependencies();
        let full = check(&plan);
        let lean = check_without_suggestions(&plan);
        assert_eq!(full.len(), lean.len());
        let mut guessed = 0;
        for (f, l) in full.iter().zip(&lean) {
            assert_eq!(
                (f.rule, f.file, &f.span, &f.message, f.severity),
                (l.rule, l.file, &l.span, &l.message, l.severity)
            );
            if f.rule == Rule::UnknownDependency {
                assert!(l.fix.is_none(), "{l:?}");
                assert!(l.help.as_deref().is_some_and(|h| h.contains("plan list")));
                if f.fix.is_some() {
                    guessed += 1;
                    assert!(f
                        .help
                        .as_deref()
                        .is_some_and(|h| h.contains("did you mean")));
                }
            } else {
                assert_eq!(f, l);
            }
        }
        // Every typo (one in ten) was given its id; the ids near nothing were not.
        assert_eq!(guessed, 120);
        let dangling = full
            .iter()
            .filter(|d| d.rule == Rule::UnknownDependency)
            .count();
        assert_eq!(dangling, 240);
    }

    /// The look-ups spread over two cores give, in order, what one look-up at a time gives.
    #[test]
    fn look_ups_on_two_cores_are_those_made_one_at_a_time() {
        let plan = plan_with_dangling_dependencies();
        let names = crate::suggest::Names::new(plan.all_ids());
        let queries: Vec<(String, String)> = plan
            .initiatives
            .iter()
            .flat_map(|i| {
                i.depends_on
                    .iter()
                    .map(|d| (d.to_string(), i.id.to_string()))
            })
            .collect();
        let queries: Vec<(&str, &str)> = queries
            .iter()
            .map(|(d, i)| (d.as_str(), i.as_str()))
            .collect();
        let each = names.nearest_each(&queries);
        let one_at_a_time: Vec<Option<&str>> = queries
            .iter()
            .map(|(typed, except)| names.nearest_other_than(typed, except))
            .collect();
        assert_eq!(each, one_at_a_time);
        assert!(each.iter().filter(|m| m.is_some()).count() > 1_000);
    }
}
