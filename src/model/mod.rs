//! The plan's data: initiatives, periods, statuses and the catalogue of tracks and places.

mod catalogue;
mod id;
mod initiative;
mod links;
pub mod names;
mod period;

pub use catalogue::{
    fold as catalogue_fold, Catalogue, CatalogueIndex, Location, Manifest, PlanInfo, Rules, Track,
    CROSS_CUTTING,
};
pub use id::is_valid_id;
pub use initiative::{
    Alias, Changed, Funding, Initiative, LogEntry, MoreChanges, Name, Span, Spans, Status,
    Unreadable,
};
pub use links::Links;
pub use period::Period;

use std::path::PathBuf;

use crate::check::diagnostic::Diagnostic;
use crate::load::source::SourceFile;
use crate::load::walk::Skipped;

/// Each initiative by its id ([`Plan::by_id`]); with two files of one id (a `duplicate-id`
/// finding), the later. A fast hash (rustc-hash): ids are short and looked up often.
pub type ById<'a> = rustc_hash::FxHashMap<&'a str, &'a Initiative>;

/// A loaded plan folder: the manifest, every initiative that could be read, the source of
/// every file (for diagnostics), and the findings made while reading.
#[derive(Debug)]
pub struct Plan {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// Whether `plan.toml` was present (else the embedded default catalogue is used).
    pub has_manifest: bool,
    pub files: Vec<SourceFile>,
    /// Initiatives of the files that are valid TOML (or whose required fields survived a
    /// syntax error), sorted by period then id; one with stand-ins for a required field is
    /// marked ([`Unreadable::required`]) and left out of the views.
    pub initiatives: Vec<Initiative>,
    /// Findings made while reading: syntax, fields and values.
    pub diagnostics: Vec<Diagnostic>,
    /// Entries of the plan folder that were not read (their findings are in `diagnostics`);
    /// kept so that a plan rebuilt with changed files (`with_files`) reports them too.
    pub skipped: Vec<Skipped>,
    /// Track and place names the catalogue does not know, as read (the rules in
    /// `check/catalogue.rs` report them).
    pub unknown_names: Vec<UnknownName>,
    /// The rule levels the run sets (`check --deny/--warn/--allow`; `None`: off), on top of
    /// those of `plan.toml` in `manifest.rules.severity` ([`Plan::set_levels`]). Kept apart so
    /// that a plan rebuilt with changed files (`with_files`, as `--fix` checks its fixes)
    /// lays them on its own `plan.toml`'s levels again.
    pub levels:
        std::collections::HashMap<crate::check::rule::Rule, Option<crate::check::rule::Severity>>,
}

/// Which catalogue a name was looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Track,
    Location,
}

/// A name in `tracks` or `locations` that is not in the catalogue, as written, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    pub kind: NameKind,
    pub written: String,
    /// Index into `Plan::files`.
    pub file: usize,
    /// Byte range of the name (with its quotes) in the file's text.
    pub span: std::ops::Range<usize>,
}

impl Plan {
    pub fn get(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    pub fn by_id(&self) -> ById<'_> {
        self.initiatives
            .iter()
            .map(|i| (i.id.as_str(), i))
            .collect()
    }

    /// Ids of the initiatives that list `id` in their `depends_on`.
    pub fn dependents(&self, id: &str) -> Vec<&Initiative> {
        self.initiatives
            .iter()
            .filter(|i| i.depends_on.iter().any(|d| d == id))
            .collect()
    }

    /// Every initiative id found: the stems of the initiative files (every file but a
    /// `plan.toml`), in path order, including files too broken to use. Derived from the
    /// files, so that no second copy of every id is kept.
    pub fn all_ids(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.files
            .iter()
            .filter(|f| f.relative != "plan.toml")
            .map(SourceFile::stem)
    }

    /// When an entry of the folder named `id.toml` was not read (a link out of the folder, a
    /// special file, a link to a file read under its own name…), the failure that says so,
    /// with the finding's words: the id is there, but not as an initiative. Exit 2 when
    /// there is no file to read or write (a special file, a link to nothing or out of the
    /// folder), else 1.
    pub fn not_read(&self, id: &str) -> Option<crate::error::Failure> {
        let name = format!("/{id}.toml");
        let entry = self
            .skipped
            .iter()
            .find(|s| s.display == name[1..] || s.display.ends_with(&name))?;
        let finding = crate::check::entries::skipped(entry);
        let message = format!(
            "`{}` is not read as the initiative `{id}`: {}",
            entry.display, finding.message
        );
        // No file of the plan folder to read or write there (a special file, a link to
        // nothing or out of the folder, a folder that cannot be listed): exit 2, as a write
        // refused for the same reason is. A file of the folder that may not count (a name
        // that is not UTF-8, a link to a hidden file, into a nested plan or to a file read
        // already under its own name) is bad input: exit 1.
        use crate::load::walk::SkipReason as Why;
        let failure = match entry.why {
            Why::NotAFile(_)
            | Why::BrokenLink
            | Why::LinkOutside { .. }
            | Why::UnreadableFolder(_) => crate::error::Failure::usage(message),
            Why::NameNotUtf8 { .. }
            | Why::LinkToHidden { .. }
            | Why::IntoNestedPlan { .. }
            | Why::LinkToListedFile { .. }
            | Why::NestedPlan => crate::error::Failure::invalid(message),
        };
        Some(match finding.help {
            Some(help) => failure.with_help(help),
            None => failure,
        })
    }

    /// Sets the run's rule levels ([`Plan::levels`]) over those of `plan.toml`.
    pub fn set_levels(
        &mut self,
        levels: std::collections::HashMap<
            crate::check::rule::Rule,
            Option<crate::check::rule::Severity>,
        >,
    ) {
        self.manifest.rules.severity.extend(levels.clone());
        self.levels = levels;
    }

    pub fn file(&self, index: usize) -> &SourceFile {
        &self.files[index]
    }

    /// The indices in `files` of the initiative files no initiative was read from, in path
    /// order: not readable or not text, not valid TOML (and missing a required field), a name
    /// that is not an id, or an id another file has. A loaded plan's initiatives have the
    /// ids of their files' names, so these are the only files whose names a rule on ids must
    /// read besides the initiatives. `plan.toml` is not an initiative file (as in
    /// [`Plan::all_ids`]).
    pub fn files_without_initiative(&self) -> Vec<usize> {
        let mut read = vec![false; self.files.len()];
        for init in &self.initiatives {
            if let Some(slot) = read.get_mut(init.file) {
                *slot = true;
            }
        }
        self.files
            .iter()
            .zip(read)
            .enumerate()
            .filter(|(_, (file, read))| !read && file.relative != "plan.toml")
            .map(|(i, _)| i)
            .collect()
    }
}
