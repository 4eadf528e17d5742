//! What the fuzz targets (`fuzz/fuzz_targets/`) and the property tests
//! (`tests/cli/properties.rs`) do with a plan, in one place: build it from bytes in memory,
//! run it through every check and output, and the import and edit pipelines with the
//! assertions each must hold. Compiled only with the `testing` feature (the fuzz crate and
//! the crate's own tests turn it on); nothing here is part of the command line.

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
    };
    plan_from_folder(Path::new("plans"), folder)
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
        let _ = crate::summary::summarize(plan, day);
    }
    diags
}

/// The `import` pipeline on any bytes: memo text → rows → initiative files, as the command
/// writes them → a checked plan. Panics when an imported file is one the loader rejects
/// (a syntax error, an unknown field, a duplicate id): the import must never write those.
pub fn import_pipeline(bytes: &[u8]) {
    let (text, problem) = crate::load::decode(bytes);
    if problem.is_some() {
        return;
    }
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
                Rule::Syntax | Rule::UnknownField | Rule::DuplicateId
            ),
            "import wrote a file the loader rejects: {d:?}\n{}",
            d.file.map_or("", |f| plan.files[f].text.as_str())
        );
    }
}
