//! What the fuzz targets (`fuzz/fuzz_targets/`) and the property tests
//! (`tests/cli/properties.rs`) do with a plan, in one place: build it from bytes in memory,
//! run it through every check and output, and the import and edit pipelines with the
//! assertions each must hold. Compiled only with the `testing` feature (the fuzz crate and
//! the crate's own tests turn it on) and for the unit tests; nothing here is part of the
//! command line.

use std::path::Path;

use chrono::NaiveDate;

use crate::check::check;
use crate::diag::{Diagnostic, Rule};
use crate::load::{plan_from_folder, Folder, SourceFile};
use crate::model::Plan;
use crate::render::diagnostics;

/// What the `manifest` fuzz target puts beside the fuzzed `plan.toml`: three valid
/// initiatives, so that the catalogue, the rules and their severities all come into play.
pub const BESIDE_MANIFEST: [(&str, &str); 3] = [
    (
        "laesehold.toml",
        "title = \"Læsehold i Viby\"\nperiod = \"Q1\"\ntracks = [\"Fordybelse\", \"Hygge\"]\nlocations = [\"Viby\"]\ndeadline = 2017-03-31\nfunding = \"pending\"\n",
    ),
    (
        "q2/it-cafe.toml",
        "title = \"IT-café\"\nperiod = \"Q2\"\ntracks = [\"Digitale forbindelser\"]\nlocations = [\"Bogbussen\"]\ndepends_on = [\"laesehold\"]\nstatus = \"active\"\n",
    ),
    (
        "aarsplan.toml",
        "title = \"Årsplan\"\nperiod = \"year\"\ntracks = [\"Alle spor\"]\ndepends_on = [\"it-cafe\"]\n",
    ),
];

/// Builds a plan from in-memory files: `manifest` is `plan.toml`'s bytes, `files` are
/// (path in the plan folder, bytes). The folder is named `plans`.
pub fn plan_of<P: AsRef<str>, B: AsRef<[u8]>>(manifest: Option<&[u8]>, files: &[(P, B)]) -> Plan {
    let folder = Folder {
        manifest: manifest.map(|m| SourceFile::from_bytes("plan.toml", m)),
        initiatives: files
            .iter()
            .map(|(path, bytes)| SourceFile::from_bytes(path.as_ref(), bytes.as_ref()))
            .collect(),
        ..Folder::default()
    };
    plan_from_folder(Path::new("plans"), folder)
}

/// A seeded stream of numbers for tests that draw plans at random, the same every run:
/// each call gives a number below `n` (a linear congruential generator, Knuth's MMIX
/// constants).
pub fn seeded(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    }
}

/// Checks the plan and renders every output a user could ask for (text with and without
/// colour, JSON, GitHub annotations, the dashboard data on a day inside and one after the
/// plan year, and a day in Q3). Any panic on the way is a finding. Returns the findings.
pub fn exercise(plan: &Plan) -> Vec<Diagnostic> {
    let diags = check(plan);
    let mut out = Vec::new();
    diagnostics::text(plan, &diags, false, &mut out).expect("text to memory");
    diagnostics::text(plan, &diags, true, &mut out).expect("text to memory");
    diagnostics::json(plan, &diags, &mut out).expect("json to memory");
    diagnostics::github(plan, &diags, &mut out).expect("github to memory");
    for (y, m, d) in [(2017, 5, 15), (2017, 8, 1), (2031, 1, 1)] {
        let day = NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
        let _ = crate::assess::summary::summarize(plan, day);
    }
    diags
}

/// The `import` pipeline on any bytes: memo text → rows → initiative files, as the command
/// writes them → a checked plan. Panics when an imported file is one the loader rejects
/// (a syntax error, an unknown field, a duplicate id): the import must never write those.
pub fn import_pipeline(bytes: &[u8]) {
    // As `plan import` reads it: UTF-8, or Windows-1252 and UTF-16 decoded.
    let Ok((text, _)) = crate::load::decode_text(bytes) else {
        return;
    };
    let catalogue = crate::parse::default_manifest().catalogue;
    let memo = crate::import::parse(&text, &catalogue);
    let mut taken: Vec<String> = Vec::new();
    let files: Vec<(String, String)> = memo
        .rows
        .iter()
        .map(|row| crate::import::row_file(row, &mut taken, None))
        .collect();
    let plan = plan_of(None, &files);
    for d in exercise(&plan) {
        assert!(
            !matches!(
                d.rule,
                Rule::Syntax | Rule::TomlPortability | Rule::UnknownField | Rule::DuplicateId
            ),
            "import wrote a file the loader rejects: {d:?}\n{}",
            d.file.map_or("", |f| plan.files[f].text.as_str())
        );
    }
}

/// The `edit` pipeline on any bytes: the first line is a change, the rest an initiative
/// file. A first line `note TEXT` appends a note (as `plan note`); any other first line is
/// one or more `plan set` changes separated by `;`. Whatever the file and the change, the
/// result is valid TOML with nothing lost, or the change is refused and the document is
/// untouched. Nothing lost: every key but the changed one keeps its value; a note keeps
/// every earlier log entry; `+=` keeps every earlier value of the list, `-=` adds none.
pub fn edit_pipeline(bytes: &[u8]) {
    use crate::edit::{Change, InitiativeDoc};
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let (first, file) = text.split_once('\n').unwrap_or((text, ""));
    let Ok(mut doc) = InitiativeDoc::parse(Path::new("fuzz.toml"), "fuzz.toml", file.as_bytes())
    else {
        return;
    };
    let Ok(before) = toml::from_str::<toml::Table>(&doc.text()) else {
        return;
    };
    let untouched = doc.text();
    let catalogue = crate::parse::default_manifest().catalogue;
    let day = NaiveDate::from_ymd_opt(2017, 5, 15).expect("a real date");
    let (changed_keys, result): (Vec<String>, Result<(), crate::error::Failure>) =
        if let Some(note) = first.strip_prefix("note ") {
            (vec!["log".into()], doc.append_log(day, note))
        } else {
            let changes: Vec<Change> = first
                .split(';')
                .filter_map(|c| Change::parse(c).ok())
                .collect();
            let keys = changes.iter().map(|c| c.key.clone()).collect();
            let mut result = Ok(());
            for change in &changes {
                result = doc.apply(change, &catalogue);
                if result.is_err() {
                    break;
                }
            }
            if result.is_ok() {
                // What `+=` and `-=` promise, checked change by change on a fresh copy.
                check_list_changes(file, &changes, &catalogue);
            }
            (keys, result)
        };
    if result.is_err() {
        // `plan set` stops at the first refused change and writes nothing; a refused
        // note leaves the document as it was.
        if first.starts_with("note ") {
            assert_eq!(doc.text(), untouched, "a refused note changed the document");
        }
        return;
    }
    let written = doc.text();
    let after: toml::Table = toml::from_str(&written)
        .unwrap_or_else(|e| panic!("the edit made invalid TOML: {e}\n{written}"));
    for (key, value) in &before {
        if changed_keys.iter().any(|k| k == key) {
            continue;
        }
        assert_eq!(
            after.get(key),
            Some(value),
            "`{key}` was changed or lost\n{written}"
        );
    }
    if first.starts_with("note ") {
        let old: Vec<toml::Value> = match before.get("log") {
            None => Vec::new(),
            Some(toml::Value::Array(entries)) => entries.clone(),
            Some(table @ toml::Value::Table(_)) => vec![table.clone()],
            Some(other) => panic!("a note was added to a log that is {other:?}"),
        };
        let new = after["log"].as_array().expect("the log is a list");
        assert_eq!(new.len(), old.len() + 1, "{written}");
        // The note goes where its date belongs: the earlier entries keep their order around it.
        let kept = (0..new.len()).any(|at| {
            let mut rest = new.to_vec();
            rest.remove(at);
            rest == old
        });
        assert!(kept, "earlier log entries changed\n{written}");
    }
}

/// Applies each `+=`/`-=` change alone to the file and checks that `+=` keeps every value
/// the list had and `-=` adds none.
fn check_list_changes(
    file: &str,
    changes: &[crate::edit::Change],
    catalogue: &crate::model::Catalogue,
) {
    use crate::edit::{InitiativeDoc, Op};
    let values = |text: &str, key: &str| -> Vec<String> {
        let table: toml::Table = toml::from_str(text).expect("valid TOML");
        match table.get(key) {
            Some(toml::Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(toml::Value::String(s)) => s
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        }
    };
    for change in changes.iter().filter(|c| c.op != Op::Set) {
        let mut doc = InitiativeDoc::parse(Path::new("fuzz.toml"), "fuzz.toml", file.as_bytes())
            .expect("parsed before");
        if doc.apply(change, catalogue).is_err() {
            continue;
        }
        let (old, new) = (values(file, &change.key), values(&doc.text(), &change.key));
        match change.op {
            Op::Add => {
                for v in &old {
                    assert!(
                        new.contains(v),
                        "`{v}` lost from `{}`\n{}",
                        change.key,
                        doc.text()
                    );
                }
            }
            _ => {
                for v in &new {
                    assert!(
                        old.contains(v),
                        "`{v}` added to `{}` by -=\n{}",
                        change.key,
                        doc.text()
                    );
                }
            }
        }
    }
}
