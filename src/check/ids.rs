//! Ids: `duplicate-id` (two files with one id), and, under `invalid-value`, a file name or a
//! `depends_on` entry that is not an id at all, a file name Windows reserves (`con.toml`),
//! and a file name that is no id and clashes with another file's once lowercased.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::{Diagnostic, Rule};
use crate::model::{Links, Plan};

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
pub fn file_name_clashes(plan: &Plan, links: &Links<'_>, found: &mut [Diagnostic]) {
    // Which file has each name (the first, as a scan would find it), made when first needed:
    // looked up for every file whose name is not an id (a scan of every file for each was
    // quadratic in a large plan).
    let mut by_stem: Option<FxHashMap<&str, usize>> = None;
    // A file whose name is not an id has no initiative (the parser keeps none from it).
    for &index in links.unread() {
        let file = &plan.files[index];
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
pub fn duplicates(plan: &Plan, links: &Links<'_>, out: &mut Vec<Diagnostic>) {
    // Of two files with one id, the parser reads an initiative from one at most, and an
    // initiative has its file's name as id: every repeated id is the name of a file no
    // initiative was read from. So only those files' names are gathered, each with the
    // files of that name (a list per file would be 100,000 lists in a large folder).
    let mut files_of: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for &index in links.unread() {
        files_of
            .entry(plan.files[index].stem())
            .or_default()
            .push(index);
    }
    for (id, files) in &mut files_of {
        if let Some(init) = links.get(id) {
            files.push(plan.initiatives[init].file);
        }
        files.sort_unstable();
    }
    for (id, files) in files_of {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// [`file_name_clashes`] as first written: every file's name read.
    fn clashes_as_first_written(plan: &Plan, found: &mut [Diagnostic]) {
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

    /// Plans of 80 files drawn at random, with and without `plan.toml`: names repeated in
    /// sub-folders, names that are no id (some clashing with another file's once
    /// lowercased), a `plan.toml` in a sub-folder, files that are not TOML or lack a field,
    /// and dependencies on all of these and on `plan`. The rules that look only at the
    /// files no initiative was read from find what they found when they looked at every
    /// file's name.
    #[test]
    fn looking_at_unread_files_finds_what_looking_at_every_file_found() {
        let mut next = crate::testing::seeded(16);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let manifest = std::fs::read(root.join("plans/plan.toml")).expect("plans/plan.toml");
        let (mut repeated, mut dangling, mut clashes) = (0, 0, 0);
        for _ in 0..60 {
            let files: Vec<(String, String)> = (0..80)
                .map(|n| {
                    let deps: Vec<String> = (0..next(3))
                        .map(|_| match next(4) {
                            0 => format!("\"x-{}\"", next(90)),
                            // `plan.toml` is no initiative; a `plan.toml` in a sub-folder is.
                            1 if next(4) == 0 => "\"plan\"".to_string(),
                            _ => format!("\"i-{}\"", next(90)),
                        })
                        .collect();
                    let text = match next(8) {
                        0 => "title = \"T\"\nperiod = [\n".to_string(),
                        1 => "period = \"Q2\"\ntracks = [\"Hygge\"]\n".to_string(),
                        _ => format!(
                            "title = \"T\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndepends_on = [{}]\n",
                            deps.join(", ")
                        ),
                    };
                    let name = match next(7) {
                        0 => format!("dup/i-{}.toml", next(80)),
                        1 => format!("dup/x-{}.toml", next(80)),
                        2 => format!("I-{}.toml", next(80)),
                        3 if next(5) == 0 => "sub/plan.toml".to_string(),
                        _ => format!("i-{n}.toml"),
                    };
                    (name, text)
                })
                .collect();
            let with_manifest = next(2) == 0;
            let plan = crate::testing::plan_of(with_manifest.then_some(&manifest[..]), &files);
            let links = Links::of(&plan);

            // Names that clash once lowercased, as found among every file's name.
            let mut expected = plan.diagnostics.clone();
            clashes_as_first_written(&plan, &mut expected);
            let mut got = plan.diagnostics.clone();
            file_name_clashes(&plan, &links, &mut got);
            assert_eq!(got, expected);
            clashes += got
                .iter()
                .filter(|d| d.help.as_deref().is_some_and(|h| h.contains("clashes")))
                .count();

            // Repeated ids, as found among every file's name but `plan.toml`'s: the first
            // file of each name, and each later file of it.
            let mut files_of: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
            for (index, file) in plan.files.iter().enumerate() {
                if plan.has_manifest && index == 0 {
                    continue;
                }
                files_of.entry(file.stem()).or_default().push(index);
            }
            let every = &plan.files;
            let mut expected: Vec<(usize, String)> = files_of
                .iter()
                .flat_map(|(id, files)| {
                    let first = every[files[0]].display();
                    files[1..].iter().map(move |&other| {
                        let message = format!(
                            "the id `{id}` is used by two files: {first} and {}",
                            every[other].display()
                        );
                        (other, message)
                    })
                })
                .collect();
            let mut found = Vec::new();
            duplicates(&plan, &links, &mut found);
            let mut got: Vec<(usize, String)> = found
                .into_iter()
                .map(|d| (d.file.expect("in a file"), d.message))
                .collect();
            expected.sort();
            got.sort();
            assert_eq!(got, expected);
            repeated += got.len();

            // Dangling dependencies, as found against every file's name.
            let every_name: Vec<&str> = plan.all_ids().collect();
            let expected: Vec<(usize, String)> = plan
                .initiatives
                .iter()
                .flat_map(|init| init.depends_on.iter().map(move |dep| (init, dep)))
                .filter(|(_, dep)| !every_name.contains(&dep.as_str()))
                .map(|(init, dep)| {
                    let message = format!(
                        "`{}` depends on `{dep}`, which is not an initiative",
                        init.id
                    );
                    (init.file, message)
                })
                .collect();
            let mut found = Vec::new();
            crate::check::dependencies::unknown(
                &plan,
                &links,
                crate::check::Suggest::Not,
                &mut found,
            );
            let got: Vec<(usize, String)> = found
                .into_iter()
                .map(|d| (d.file.expect("in a file"), d.message))
                .collect();
            assert_eq!(got, expected);
            dangling += got.len();
        }
        assert!(repeated > 100, "only {repeated} repeated ids");
        assert!(clashes > 20, "only {clashes} clashing names");
        assert!(dangling > 100, "only {dangling} dangling dependencies");
    }
}
