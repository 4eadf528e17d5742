//! Ids: `duplicate-id` (two files with one id), and, under `invalid-value`, a file name or a
//! `depends_on` entry that is not an id at all.

use std::collections::HashMap;
use std::ops::Range;

use super::{Diagnostic, Rule};
use crate::model::Plan;

/// A file whose name (`id`, its stem) is not a valid id. Such a file is read and checked but
/// counts toward nothing (`parse::plan` leaves it out of the plan's initiatives); a copy's
/// name (`udearealer (kopi)`) is named as a copy of its original ([`super::copies`]).
pub fn invalid_file_id(file: usize, id: &str) -> Diagnostic {
    let finding = match super::copies::copy_of(id) {
        Some(original) => Diagnostic::new(
            Rule::InvalidValue,
            format!(
                "`{id}` is a copy of `{original}` by its name (as Explorer and Finder name \
                 copies), not a valid id: it counts toward nothing"
            ),
        )
        .help(format!(
            "delete the copy if it is left over; if it is a new initiative, rename it, e.g. `{}-2.toml`",
            crate::slug::slugify(original)
        )),
        None => Diagnostic::new(
            Rule::InvalidValue,
            format!(
                "`{id}` is not a valid id (the file name is the initiative's id): \
                 the file counts toward nothing"
            ),
        )
        .help(format!(
            "rename the file to lowercase letters a-z, digits and '-', at most 64 characters, e.g. `{}.toml`",
            crate::slug::slugify(id)
        )),
    };
    finding.in_file(file)
}

/// A `depends_on` entry that is not an id.
pub fn invalid_dependency_id(file: usize, typed: &str, span: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        Rule::InvalidValue,
        format!("`{typed}` is not an initiative id"),
    )
    .at(file, span)
    .label("not an id")
    .help("an id is the file name without `.toml`: lowercase letters a-z, digits and '-'")
}

/// Two files, in any sub-folders, with the same id.
pub fn duplicates(plan: &Plan, out: &mut Vec<Diagnostic>) {
    // The first file of each id; a list only for the ids used again (one per file would be
    // 10,000 lists for a folder of 10,000 files).
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(plan.files.len());
    let mut again: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, file) in plan.files.iter().enumerate() {
        if plan.has_manifest && index == 0 {
            continue;
        }
        match first.entry(file.stem()) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(index);
            }
            std::collections::hash_map::Entry::Occupied(e) => {
                again
                    .entry(file.stem())
                    .or_insert_with(|| vec![*e.get()])
                    .push(index);
            }
        }
    }
    for (id, files) in again {
        if files.len() < 2 {
            continue;
        }
        let first = &plan.files[files[0]].display;
        for &other in &files[1..] {
            out.push(
                Diagnostic::new(
                    Rule::DuplicateId,
                    format!("the id `{id}` is used by two files: {first} and {}", plan.files[other].display),
                )
                .at(other, 0..0)
                .label("this file has the same name as another")
                .help(format!("rename one of them; ids are file names and must be unique in the whole folder (the plan uses {first})")),
            );
        }
    }
}
