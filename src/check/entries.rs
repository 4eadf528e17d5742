//! `unreadable`, `name-encoding`, `link-outside`, `nested-plan` and `not-a-member`: entries of
//! the plan folder (or the workspace folder) that are not read as plan files. The walk (`load/walk.rs`) keeps them as [`Skipped`]; the parser turns
//! each into a finding here, so that nothing on disk is left out without a word.

use super::{Diagnostic, Rule};
use crate::load::source::ReadProblem;
use crate::load::walk::{SkipReason, Skipped};

/// The finding for an entry the walk did not read. The entry's name is shown as the walk
/// gives it (not-UTF-8 bytes as U+FFFD); renderers clean it like any plan text.
pub fn skipped(entry: &Skipped) -> Diagnostic {
    let d = match &entry.why {
        SkipReason::UnreadableFolder(reason) => Diagnostic::new(
            Rule::Unreadable,
            format!("the folder could not be read: {reason}; its files are not checked"),
        )
        .help("give the user running plan permission to read and open the folder (chmod u+rx)"),
        SkipReason::NameNotUtf8 { folder } => Diagnostic::new(
            Rule::NameEncoding,
            if *folder {
                "the folder's name is not UTF-8; its files are not read"
            } else {
                "the file's name is not UTF-8; it is not read"
            },
        )
        .help("rename it with plain letters (æ ø å as ae oe aa in a file name), e.g. with `mv` or the file manager"),
        SkipReason::NotAFile(what) => {
            Diagnostic::new(Rule::Unreadable, format!("the entry is {what}; it is not read"))
                .help("an initiative is a regular file; remove the entry or put the file back")
        }
        SkipReason::BrokenLink => Diagnostic::new(
            Rule::Unreadable,
            "the link leads to nothing (its target is missing, or a loop of links); it is not read",
        )
        .help("remove the link, or put the file it names back"),
        SkipReason::LinkOutside { target } => Diagnostic::new(
            Rule::LinkOutside,
            format!("the link leads out of the plan folder (to {target}); it is not followed"),
        )
        .help("copy the file or folder into the plan folder if it belongs to the plan"),
        SkipReason::LinkToHidden { target } => Diagnostic::new(
            Rule::LinkOutside,
            format!("the link leads to a hidden entry ({target}), which is not part of the plan; it is not followed"),
        )
        .help("move the file or folder out of the hidden folder if it belongs to the plan, or remove the link"),
        SkipReason::IntoNestedPlan { plan } => Diagnostic::new(
            Rule::NestedPlan,
            format!("the link leads into {plan}, a plan of its own (it has a plan.toml); it is not followed"),
        )
        .help("remove the link; check that plan on its own with --plans, or list both plans in a workspace"),
        SkipReason::LinkToListedFile { target } => Diagnostic::new(
            Rule::DuplicateId,
            format!("the link leads to the file read as {target}: one file is one initiative, and it is not read again under the link's name"),
        )
        .help("remove the link; to show one initiative under two tracks or places, list both in its file"),
        SkipReason::NestedPlan => Diagnostic::new(
            Rule::NestedPlan,
            "the folder holds a plan.toml of its own: it is a plan of its own, and its files are not read as this plan's",
        )
        .help(format!(
            "check it on its own (`plan check --plans={}`), or list both in a workspace; if its files belong to this plan, remove its plan.toml",
            crate::text::shell_word(&entry.display)
        )),
    };
    d.at_path(entry.display.clone())
}

/// What an entry of a workspace folder that no member holds is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outside {
    /// An initiative file beside the workspace's `plan.toml`.
    FileBesideManifest,
    /// An initiative file in a sub-folder no member holds.
    File,
    /// A sub-folder with a `plan.toml` of its own, neither a member nor excluded.
    Plan,
}

/// `not-a-member`: an entry of a workspace folder no member holds (`display`, as shown).
pub fn outside_members(display: &str, kind: Outside) -> Diagnostic {
    let file = "the file is in the workspace folder but in no member's: no command reads it";
    let d = match kind {
        Outside::Plan => Diagnostic::new(
            Rule::NotAMember,
            "the folder holds a plan, but it is not a member of the workspace: no command at the workspace root reads it",
        )
        .help("name it in the workspace's members = [...], or in exclude = [...] to leave it out on purpose"),
        Outside::File => Diagnostic::new(Rule::NotAMember, file).help(
            "move it into a member's folder, or name its folder in the workspace's members = [...]",
        ),
        Outside::FileBesideManifest => Diagnostic::new(Rule::NotAMember, file)
            .help("move it into a member's folder: the workspace's own folder holds no initiatives"),
    };
    d.at_path(display)
}

/// A plan file that could not be read at all (no permission, replaced by a named pipe).
pub fn unreadable_file(file: usize, problem: &ReadProblem) -> Diagnostic {
    Diagnostic::new(Rule::Unreadable, problem.message.clone())
        .help_opt(problem.help.clone())
        .in_file(file)
}
