//! The rule table against the `Rule` enum, its examples against the rules, and the README's
//! rules table against the table.

use super::*;
use std::collections::HashSet;

#[test]
fn the_table_has_one_row_per_rule_in_order() {
    assert_eq!(RULES.len(), Rule::all().len());
    for (row, &rule) in RULES.iter().zip(Rule::all()) {
        assert_eq!(row.rule, rule);
        assert!(!row.summary.is_empty() && !row.summary.contains('\n'));
        assert!(!row.explanation.is_empty());
        assert_ne!(row.example, row.fix);
    }
}

/// For the rules on one file, the example is found by its rule and the fix is not.
#[test]
fn the_single_file_examples_break_their_rule_and_the_fixes_do_not() {
    use crate::load::{plan_from_folder, Folder, SourceFile};
    let found = |text: &str| -> Vec<Rule> {
        let folder = Folder {
            manifest: None,
            initiatives: vec![SourceFile::from_bytes("laeseklub.toml", text.as_bytes())],
            ..Folder::default()
        };
        let plan = plan_from_folder(std::path::Path::new("plans"), folder);
        crate::check::check(&plan).iter().map(|d| d.rule).collect()
    };
    let single_file = [
        Rule::Syntax,
        Rule::TomlPortability,
        Rule::UnknownField,
        Rule::MissingField,
        Rule::InvalidValue,
        Rule::UnknownTrack,
        Rule::UnknownLocation,
        Rule::DeadlineOutsidePeriod,
        Rule::HistoryOrder,
        Rule::HistoryMismatch,
        Rule::HistoryDate,
        Rule::UndatedStatus,
    ];
    for rule in single_file {
        let info = rule.info();
        assert!(
            found(info.example).contains(&rule),
            "{rule}: {}",
            info.example
        );
        let after = found(info.fix);
        assert!(
            !after.contains(&rule),
            "{rule}'s fix still fails: {after:?}"
        );
        for other in [
            Rule::Syntax,
            Rule::UnknownField,
            Rule::MissingField,
            Rule::InvalidValue,
        ] {
            assert!(!after.contains(&other), "{rule}'s fix breaks {other}");
        }
    }
}

#[test]
fn rule_names_are_unique_kebab_case_and_round_trip() {
    crate::model::names::assert_names_agree::<Rule>();
    crate::model::names::assert_names_agree::<Severity>();
    let mut seen = HashSet::new();
    for &rule in Rule::all() {
        assert!(seen.insert(rule.name()), "duplicate rule name {rule}");
        assert!(rule
            .name()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-'));
        assert_eq!(Rule::from_name(rule.name()), Some(rule));
    }
    assert_eq!(
        Rule::DeadlineOutsidePeriod.name(),
        "deadline-outside-period"
    );
    assert_eq!(Rule::from_name("nope"), None);
}

#[test]
fn the_readme_rules_table_is_the_rule_table() {
    let readme = include_str!("../../../README.md");
    let start = readme
        .find("| rule | default | what |")
        .expect("README has a rules table");
    let table: String = readme[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        table,
        markdown_table(),
        "README's rules table differs from src/check/rule.rs"
    );
}
