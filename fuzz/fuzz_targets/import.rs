//! `plan import` of arbitrary text: read the memo's table, turn every row into an
//! initiative file as the command does, and load and check those files. The files the
//! import writes must always be TOML the loader reads: a syntax error in them is a bug.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plan::diag::Rule;
use plan::import::{parse, row_file};
use plan::load::{decode, plan_from_folder, Folder, SourceFile};
use plan::parse::default_manifest;

fuzz_target!(|data: &[u8]| {
    let (text, problem) = decode(data);
    if problem.is_some() {
        return;
    }
    let catalogue = default_manifest().catalogue;
    let memo = parse(&text, &catalogue);
    let mut taken: Vec<String> = Vec::new();
    let files: Vec<SourceFile> = memo
        .rows
        .iter()
        .map(|row| {
            let (path, text) = row_file(row, &mut taken, None);
            SourceFile::from_bytes(&path, text.as_bytes())
        })
        .collect();
    let plan = plan_from_folder(
        Path::new("plans"),
        Folder {
            manifest: None,
            initiatives: files,
        },
    );
    let diags = plan::check::check(&plan);
    for d in &diags {
        assert!(
            !matches!(d.rule, Rule::Syntax | Rule::UnknownField | Rule::DuplicateId),
            "import wrote a file the loader rejects: {d:?}\n{}",
            d.file.map_or("", |f| plan.files[f].text.as_str())
        );
    }
});
