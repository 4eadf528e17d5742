//! Ids: `duplicate-id` (two files with one id), and, under `invalid-value`, a file name or a
//! `depends_on` entry that is not an id at all, a file name Windows reserves (`con.toml`),
//! and a file name that is no id and clashes with another file's once lowercased.

use rustc_hash::FxHashMap;
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
            crate::slug::suggested_id(id)
        )),
    };
    finding.in_file(file)
}

/// A file whose name is a valid id that Windows reserves for a device (`con.toml`,
/// `nul.toml`, `com1.toml`; see [`crate::slug::is_reserved`]): the plan cannot be checked
/// out or copied there.
pub fn reserved_file_id(file: usize, id: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::InvalidValue,
        format!("`{id}` cannot be an id: Windows reserves `{id}` as a device name"),
    )
    .in_file(file)
    .help(format!(
        "rename the file, e.g. to `{id}-2.toml`: on Windows a file named `{id}.toml` cannot be made or opened, so the plan could not be checked out or copied there"
    ))
}

/// A file whose name is not a valid id, where the id its name would be renamed to
/// (`laeseklub` for `Laeseklub.toml`) is another file's already: the two clash, and the
/// help names a free id instead of a rename onto the other file.
fn file_id_clash(file: usize, id: &str, other: &str, free: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::InvalidValue,
        format!("`{id}` is not a valid id (the file name is the initiative's id)"),
    )
    .in_file(file)
    .help(format!(
        "its lowercase name clashes with {other}, which has that id already: give this file another name that is a valid id, e.g. `{free}.toml`, or merge the two"
    ))
}

/// Where a file's name is not a valid id and the id [`invalid_file_id`] would advise is
/// another file's already (`Laeseklub.toml` beside `laeseklub.toml`), replaces the parser's
/// finding with one that names the clash: a rename onto an existing file is never advised.
pub fn file_name_clashes(plan: &Plan, found: &mut [Diagnostic]) {
    // Which file has each name (the first, as a scan would find it), made when first needed:
    // looked up for every file whose name is not an id (a scan of every file for each was
    // quadratic in a large plan).
    let mut by_stem: Option<FxHashMap<&str, usize>> = None;
    for (index, file) in plan.files.iter().enumerate() {
        if plan.has_manifest && index == 0 {
            continue;
        }
        let id = file.stem();
        if crate::model::is_valid_id(id) {
            continue;
        }
        let wanted = crate::slug::suggested_id(id);
        let by_stem = by_stem.get_or_insert_with(|| {
            let mut map = FxHashMap::default();
            for (j, f) in plan.files.iter().enumerate() {
                map.entry(f.stem()).or_insert(j);
            }
            map
        });
        // The suggestion is never the file's own name (that name is not an id).
        let Some(&other) = by_stem.get(wanted.as_str()).filter(|&&j| j != index) else {
            continue;
        };
        let other = plan.files[other].display();
        let free = (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|c| !by_stem.contains_key(c.as_str()))
            .expect("some number is free");
        let parsers = invalid_file_id(index, id);
        for d in found.iter_mut().filter(|d| **d == parsers) {
            *d = file_id_clash(index, id, &other, &free);
        }
    }
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
    let mut first: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(plan.files.len(), Default::default());
    let mut again: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
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
        let first = &plan.files[files[0]].display();
        for &other in &files[1..] {
            out.push(
                Diagnostic::new(
                    Rule::DuplicateId,
                    format!("the id `{id}` is used by two files: {first} and {}", plan.files[other].display()),
                )
                .at(other, 0..0)
                .label("this file has the same name as another")
                .help(format!("rename one of them; ids are file names and must be unique in the whole folder (the plan uses {first})")),
            );
        }
    }
}
