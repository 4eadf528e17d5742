//! What every target does with a plan: check it, judge it and render every output a
//! user could ask for. Any panic on the way is a finding.

use std::path::Path;

use chrono::NaiveDate;
use plan::check::check;
use plan::load::{plan_from_folder, Folder, SourceFile};
use plan::render::diagnostics;

/// Builds the plan from in-memory files and runs it through everything.
pub fn exercise(manifest: Option<&[u8]>, initiatives: &[(&str, &[u8])]) {
    let folder = Folder {
        manifest: manifest.map(|bytes| SourceFile::from_bytes("plan.toml", bytes)),
        initiatives: initiatives
            .iter()
            .map(|(relative, bytes)| SourceFile::from_bytes(relative, bytes))
            .collect(),
    };
    let plan = plan_from_folder(Path::new("plans"), folder);
    let diags = check(&plan);
    let mut out = Vec::new();
    diagnostics::text(&plan, &diags, false, &mut out).expect("text to memory");
    diagnostics::text(&plan, &diags, true, &mut out).expect("text to memory");
    diagnostics::json(&plan, &diags, &mut out).expect("json to memory");
    diagnostics::github(&plan, &diags, &mut out).expect("github to memory");
    // The as-of judgements and the status data, on a day inside and after the plan year.
    for as_of in [(2017, 5, 15), (2031, 1, 1)] {
        let day = NaiveDate::from_ymd_opt(as_of.0, as_of.1, as_of.2).expect("a real date");
        let _ = plan::summary::summarize(&plan, day);
    }
}
