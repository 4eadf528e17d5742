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

pub use minimums::{counted_on_track, location_counts, track_counts, track_counts_through};

use crate::load::parallel::{in_turns, Job};
use crate::model::{Links, Plan};
pub use diagnostic::{Diagnostic, Fix};
pub use rule::{Rule, RuleInfo, Severity, RULES};

/// Every finding for the plan, with `[rules.severity]` applied (rules set to `off` are
/// dropped), in file order, plan-level findings last.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    findings(plan, Suggest::AmongIds, Wanted::Every)
}

/// The findings of [`check`] (the same rules, files, places and order), without looking
/// for the id a dangling `depends_on` meant: its help says how to find ids, and it has no
/// fix. Among 100,000 ids, "did you mean" is the dearest part of checking a plan with many
/// dangling dependencies.
pub fn check_without_suggestions(plan: &Plan) -> Vec<Diagnostic> {
    findings(plan, Suggest::Not, Wanted::Every)
}

/// The findings of [`check_without_suggestions`] that are errors in a file (`file` set) or on
/// an entry of the folder (`path` set), in the same order: what the reading commands
/// (`status`, `list`, `show`, `report`) need to warn about files with errors, name them in a
/// memo, and refuse a `plan.toml` with errors. A rule that cannot give such a finding under
/// the plan's `[rules.severity]` is not run: the minimums (their findings are on no file) and,
/// by default, the rules whose findings are warnings (deadlines, the dated history).
pub fn errors_in_files(plan: &Plan) -> Vec<Diagnostic> {
    findings(plan, Suggest::Not, Wanted::ErrorsInFiles)
}

/// Whether a dangling `depends_on` is given the id it most likely meant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suggest {
    AmongIds,
    Not,
}

/// Which findings the caller keeps: every one, or only errors in files ([`errors_in_files`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wanted {
    Every,
    ErrorsInFiles,
}

impl Wanted {
    /// Whether a rule function whose findings are of `rules` is worth running: always for
    /// every finding; for errors in files, when one of `rules` is an error under the plan's
    /// `[rules.severity]`.
    fn runs(self, plan: &Plan, rules: &[Rule]) -> bool {
        self == Wanted::Every
            || rules
                .iter()
                .any(|&r| plan.manifest.rules.severity_of(r) == Some(Severity::Error))
    }
}

/// Whether the plan's `plan.toml` has an error (under its own severities): the rules that
/// judge by its catalogue and year (`unknown-track`, `unknown-location`,
/// `deadline-outside-period`, `min-per-track`, `min-per-location`, `history-date`,
/// `schema-outdated`) are then not run.
pub fn manifest_has_errors(plan: &Plan) -> bool {
    plan.has_manifest
        && plan.diagnostics.iter().any(|d| {
            d.file == Some(0) && plan.manifest.rules.severity_of(d.rule) == Some(Severity::Error)
        })
}

fn findings(plan: &Plan, suggest: Suggest, wanted: Wanted) -> Vec<Diagnostic> {
    let side_by_side = plan.initiatives.len() >= crate::load::parallel::SIDE_BY_SIDE_FROM;
    findings_on(plan, suggest, wanted, side_by_side)
}

/// [`findings`], the jobs of rules taken in turns by two threads or run one after the other.
fn findings_on(
    plan: &Plan,
    suggest: Suggest,
    wanted: Wanted,
    side_by_side: bool,
) -> Vec<Diagnostic> {
    // The cross-file rules in six jobs, each in its order; on a large plan two threads take
    // the jobs in turns. The findings come out in the same order either way.
    // The first job starts from the parser's findings: `ids::file_name_clashes` turns an
    // invalid file name's finding into the clash it is.
    // While plan.toml has errors, its catalogue and year are (partly) the built-in ones: the
    // rules that judge by them would report what is not wrong (every track of the plan
    // unknown, every track short), so they wait until it is fixed, as a compiler stops
    // after a syntax error.
    let manifest_trusted = !manifest_has_errors(plan);
    let runs = |rules: &[Rule]| wanted.runs(plan, rules);
    let by_catalogue = |rules: &[Rule]| manifest_trusted && runs(rules);
    // Every dependency looked up once, for all the rules that follow them.
    let links = &Links::of(plan);
    // A job: rules that add their findings to a list of the job's own.
    fn job<'a>(rules: impl FnOnce(&mut Vec<Diagnostic>) + Send + 'a) -> Job<'a, Vec<Diagnostic>> {
        Box::new(move || {
            let mut found = Vec::new();
            rules(&mut found);
            found
        })
    }
    // Each job's findings, in the jobs' order: the rules' order as it always was.
    let jobs: Vec<Job<'_, Vec<Diagnostic>>> = vec![
        job(|found| {
            found.extend_from_slice(&plan.diagnostics);
            if by_catalogue(&[Rule::UnknownTrack, Rule::UnknownLocation]) {
                catalogue::unknown_names(plan, found);
            }
            if runs(&[Rule::DuplicateId]) {
                ids::duplicates(plan, links, found);
            }
            ids::file_name_clashes(plan, links, found);
        }),
        // Looking for the ids dangling dependencies meant: on a plan with many, the longest.
        job(|found| {
            if runs(&[Rule::UnknownDependency]) {
                dependencies::unknown(plan, links, suggest, found);
            }
        }),
        job(|found| {
            if runs(&[Rule::DependencyCycle]) {
                dependencies::cycles(plan, links, found);
            }
            if runs(&[Rule::DependencyOrder]) {
                dependencies::order(plan, links, found);
            }
            if by_catalogue(&[Rule::DeadlineOutsidePeriod]) {
                deadlines::outside_period(plan, found);
            }
        }),
        // The minimums' findings are on no file.
        job(|found| {
            if wanted == Wanted::Every && manifest_trusted {
                minimums::per_track(plan, found);
                minimums::per_location(plan, found);
            }
        }),
        job(|found| {
            if runs(&[
                Rule::HistoryOrder,
                Rule::HistoryDate,
                Rule::HistoryMismatch,
                Rule::UndatedStatus,
            ]) {
                // "After today" is measured against the real date of the check, not `--today`.
                history::findings(plan, chrono::Local::now().date_naive(), found);
            }
        }),
        job(|found| {
            if runs(&[Rule::DependsOnDropped]) {
                history::dropped(plan, links, found);
            }
        }),
    ];
    let found: Vec<Diagnostic> = in_turns(side_by_side, jobs).into_iter().flatten().collect();

    let rules = &plan.manifest.rules;
    let mut out: Vec<Diagnostic> = found
        .into_iter()
        .filter_map(|mut d| {
            d.severity = rules.severity_of(d.rule)?;
            let in_file = d.file.is_some() || d.path.is_some();
            match wanted {
                Wanted::ErrorsInFiles if d.severity != Severity::Error || !in_file => None,
                _ => Some(d),
            }
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

/// Reads again, on every core, the texts (let go after parsing) of the files `findings`
/// are in, and where their lines start: what showing each finding at its line and column
/// would read one file at a time in the formats made on one core (JSON, GitLab, SARIF,
/// JUnit). `plan check` calls it before every format but the statistics; the text formats
/// laid out on two cores then find the texts read. Nothing is read for a text that was
/// kept, or twice for one read already (each file's text is read once, whichever core
/// asks first).
///
/// A finding in a file that changed (or went) since it was parsed has no line left to show
/// and no place left to write its fix: its fix is dropped and its message ends with
/// [`FILE_CHANGED`], so that no format shows a line, a column or a fix it does not have
/// (SARIF's fix regions, GitLab's line, the text's "writes … here").
pub fn read_again_for(plan: &Plan, findings: &mut [Diagnostic]) {
    crate::load::parallel::on_every_core(findings, |_, part| {
        for d in part {
            if let (Some(file), Some(span)) = (d.file, d.span.as_ref()) {
                plan.file(file).line_col(span.start);
            }
        }
    });
    for d in findings {
        if let (Some(file), Some(_)) = (d.file, &d.span) {
            if plan.file(file).source().is_none() {
                d.fix = None;
                d.message = format!("{} ({FILE_CHANGED})", d.message);
            }
        }
    }
}

/// What a finding in a file that changed since it was parsed says in place of its line.
pub const FILE_CHANGED: &str =
    "the file changed while `plan` was reading the folder; run it again to see the line";

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
        let files: Vec<(String, String)> = (0..1_200)
            .map(|n| {
                let dep = match n % 10 {
                    0 => format!("lasekreds-{:05}", n + 1),
                    5 => format!("xq-{n}"),
                    _ => format!("laesekreds-{:05}", (n + 1) % 1_200),
                };
                let text = format!(
                    "title = \"Læsekreds {n}\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndepends_on = [\"{dep}\"]\n"
                );
                (format!("laesekreds-{n:05}.toml"), text)
            })
            .collect();
        crate::testing::plan_of(None, &files)
    }

    /// 2,400 initiatives (enough for the rules to run side by side), one in ten with each
    /// kind of finding the cross-file rules give: dangling, looping and out-of-order
    /// dependencies, unknown tracks and places, deadlines outside the period, a history out
    /// of order; and one each of a repeated id, a history date outside the year, a status
    /// the history contradicts, a status without a date and a dependency on cancelled work.
    fn plan_with_every_kind_of_finding() -> Plan {
        let manifest = "[plan]\ntitle = \"Prøve\"\nyear = 2017\n\n[rules]\nmin_per_track = 3\n\n[[track]]\nname = \"Hygge\"\n\n[[track]]\nname = \"Fordybelse\"\n\n[[location]]\nname = \"Roskilde\"\n";
        let files: Vec<(String, String)> = (0..2_400)
            .map(|n| {
                let (mut period, mut tracks, mut place) = ("Q2", "Hygge", "Roskilde");
                let mut more = String::new();
                let mut status = "planned";
                match n {
                    15 => status = "cancelled",
                    19 => more = "depends_on = [\"i-00015\"]\n".into(),
                    25 => status = "done",
                    29 => more = "[[log]]\ndate = 2016-05-01\ntext = \"før året\"\n".into(),
                    39 => {
                        more = "[[log]]\ndate = 2017-03-01\nstatus = { from = \"planned\", to = \"active\" }\n".into()
                    }
                    _ => {}
                }
                match n % 10 {
                    0 => more = format!("depends_on = [\"xq-{n}\"]\n"),
                    1 => tracks = "Ukendt spor",
                    2 => more = format!("depends_on = [\"i-{:05}\"]\n", n + 1),
                    3 => more = format!("depends_on = [\"i-{:05}\"]\n", n - 1),
                    4 => {
                        period = "Q1";
                        more = format!("depends_on = [\"i-{:05}\"]\n", n + 4);
                    }
                    5 => more = "deadline = 2017-11-01\n".into(),
                    6 => {
                        more = "[[log]]\ndate = 2017-05-01\ntext = \"b\"\n\n[[log]]\ndate = 2017-03-01\ntext = \"a\"\n".into()
                    }
                    7 => place = "Ingensteds",
                    8 => period = "Q3",
                    _ => {}
                }
                let text = format!(
                    "title = \"Læsekreds {n}\"\nperiod = \"{period}\"\ntracks = [\"{tracks}\"]\nlocations = [\"{place}\"]\nstatus = \"{status}\"\n{more}"
                );
                (format!("i-{n:05}.toml"), text)
            })
            .chain([(
                "q2/i-00040.toml".to_string(),
                "title = \"Samme id\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n".to_string(),
            )])
            .collect();
        crate::testing::plan_of(Some(manifest.as_bytes()), &files)
    }

    /// The reading commands' check ([`errors_in_files`]) gives exactly the errors in files of
    /// the full check, in its order: on the shipped plan, on the corpus of broken files, and
    /// on a large plan with every kind of cross-file finding, under the default severities
    /// and under severities that make warnings errors and turn errors off.
    #[test]
    fn errors_in_files_are_the_full_checks_errors_in_files() {
        let expected = |plan: &Plan| -> Vec<Diagnostic> {
            check_without_suggestions(plan)
                .into_iter()
                .filter(|d| d.severity == Severity::Error && (d.file.is_some() || d.path.is_some()))
                .collect()
        };
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // Each rule made an error in turn, the others as they are by default.
        let each_rule_an_error = |plan: &mut Plan, name: &str| {
            for info in &RULES {
                plan.manifest.rules.severity.clear();
                plan.manifest
                    .rules
                    .severity
                    .insert(info.rule, Some(Severity::Error));
                let (got, wanted) = (errors_in_files(plan), expected(plan));
                assert!(
                    got == wanted,
                    "{name}, {} an error: {} findings, not {}",
                    info.rule,
                    got.len(),
                    wanted.len()
                );
            }
            plan.manifest.rules.severity.clear();
        };
        for dir in ["plans", "tests/corpus"] {
            let mut plan = crate::load::load_plan(&root.join(dir)).expect(dir);
            let errors = errors_in_files(&plan);
            assert_eq!(errors, expected(&plan), "{dir}");
            if dir == "tests/corpus" {
                assert!(errors.len() > 10, "{errors:?}");
            }
            each_rule_an_error(&mut plan, dir);
        }
        let mut plan = plan_with_every_kind_of_finding();
        each_rule_an_error(&mut plan, "generated");
        let by_default = errors_in_files(&plan);
        assert_eq!(by_default, expected(&plan));
        let rules_found = |found: &[Diagnostic]| -> std::collections::BTreeSet<Rule> {
            found.iter().map(|d| d.rule).collect()
        };
        let all = rules_found(&check(&plan));
        for rule in [
            Rule::UnknownDependency,
            Rule::DependencyCycle,
            Rule::DependencyOrder,
            Rule::UnknownTrack,
            Rule::UnknownLocation,
            Rule::DeadlineOutsidePeriod,
            Rule::HistoryOrder,
            Rule::HistoryDate,
            Rule::HistoryMismatch,
            Rule::UndatedStatus,
            Rule::DependsOnDropped,
            Rule::DuplicateId,
        ] {
            assert!(all.contains(&rule), "{rule} not found: {all:?}");
        }
        // The jobs of rules taken in turns or run one after the other: the same findings.
        for wanted in [Wanted::Every, Wanted::ErrorsInFiles] {
            assert_eq!(
                findings_on(&plan, Suggest::AmongIds, wanted, true),
                findings_on(&plan, Suggest::AmongIds, wanted, false)
            );
        }
        // Warnings made errors, errors turned off or made warnings.
        let severity = &mut plan.manifest.rules.severity;
        severity.insert(Rule::HistoryOrder, Some(Severity::Error));
        severity.insert(Rule::DeadlineOutsidePeriod, Some(Severity::Error));
        severity.insert(Rule::UnknownLocation, Some(Severity::Error));
        severity.insert(Rule::DependencyCycle, None);
        severity.insert(Rule::UnknownTrack, Some(Severity::Warning));
        let changed = errors_in_files(&plan);
        assert_eq!(changed, expected(&plan));
        let found = rules_found(&changed);
        assert!(found.contains(&Rule::HistoryOrder) && found.contains(&Rule::UnknownLocation));
        assert!(!found.contains(&Rule::DependencyCycle) && !found.contains(&Rule::UnknownTrack));
        assert_ne!(changed, by_default);
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
