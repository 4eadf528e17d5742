//! Workspaces: a `plan.toml` with a `[workspace]` table names several plan folders (its
//! members), as Cargo's `[workspace]` does for packages. A command run at the workspace root
//! (or with `--workspace`) works across the members; each member keeps its own catalogue,
//! year and language.
//!
//! ```toml
//! [workspace]
//! title = "Brugernes Rum"        # the network's name, in its memo and dashboard
//! language = "da"                # the network memo's language: "da" (default) or "en"
//! members = ["../../plans", "libraries/*"]
//! exclude = ["libraries/old"]
//! ```
//!
//! Member paths are relative to the workspace folder; a path component may be a pattern with
//! `*` (any run of characters) and `?` (one character), matched against folder names (hidden
//! folders only by a pattern that starts with `.`). A literal member that is not a folder is
//! an error (exit 2), a pattern that matches nothing is not.

pub mod manifest;
pub mod members;

use std::path::{Component, Path, PathBuf};

pub use manifest::WorkspaceManifest;
pub use members::Member;

use crate::cli::Lang;
use crate::config::Config;
use crate::error::Failure;

/// A workspace: its folder (as given, relative to where `plan` runs), manifest and members.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub dir: PathBuf,
    pub manifest: WorkspaceManifest,
    /// The manifest file itself (shown as `DIR/plan.toml`), and every mistake in it: `plan
    /// check` reports them with the members' findings, every other command refuses to run.
    pub manifest_file: crate::load::source::SourceFile,
    pub manifest_findings: Vec<crate::check::Diagnostic>,
    /// The members in the order the manifest lists them (a pattern's matches sorted by name).
    pub members: Vec<Member>,
    /// The folders `exclude` names, links resolved: left out of the members, and of what
    /// `not-a-member` looks at.
    pub excluded: std::collections::HashSet<PathBuf>,
}

impl Workspace {
    /// What lies in the workspace folder outside its members ([`members::strays`]): the
    /// initiative files no member holds, and the plan folders neither members nor excluded.
    pub fn strays(&self) -> members::Strays {
        members::strays(&self.dir, &self.members, &self.excluded)
    }

    /// `path` (relative to the workspace folder) as shown: from where `plan` runs, `/`
    /// between folders, on one line.
    pub fn shown(&self, path: &Path) -> String {
        let path = normalise(&self.dir.join(path));
        crate::text::clean_line(&path.display().to_string().replace('\\', "/"))
    }
}

impl Workspace {
    /// The workspace whose manifest is `dir/plan.toml`, if that file has a `[workspace]`
    /// table. `Ok(None)`: no `plan.toml`, or a plan's. The mistakes of a manifest with a
    /// `[workspace]` table are kept as findings ([`Workspace::manifest_findings`]); a member
    /// folder that is missing is an error (exit 2).
    pub fn at(dir: &Path) -> Result<Option<Workspace>, Failure> {
        let path = dir.join("plan.toml");
        // Only a regular file is read here (a named pipe would block); whatever else is
        // there is the plan loader's to report.
        if !path.is_file() {
            return Ok(None);
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(None);
        };
        if !manifest::is_workspace(&text) {
            return Ok(None);
        }
        let display = crate::text::clean_line(&normalise(&path).display().to_string());
        let manifest_file = crate::load::source::virtual_source(dir, "plan.toml", &text);
        let mut manifest_findings = Vec::new();
        let manifest = crate::parse::workspace_manifest(0, &manifest_file, &mut manifest_findings);
        // `--fix` works in a member, never at the root: no finding may offer a fix here.
        for finding in &mut manifest_findings {
            finding.fix = None;
        }
        // In the file's order, as a plan's findings are (unknown keys came first).
        manifest_findings.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        // A manifest with mistakes is reported first (exit 1): its members as far as they
        // can be found, a missing one left to be told once the manifest is mended.
        let excluded = members::excluded(dir, &manifest);
        let members = match members::resolve(dir, &manifest, &excluded, &display) {
            Ok(members) => members,
            Err(_) if errors_in(&manifest_findings) > 0 => Vec::new(),
            Err(e) => return Err(e),
        };
        Ok(Some(Workspace {
            dir: dir.to_path_buf(),
            manifest,
            manifest_file,
            manifest_findings,
            members,
            excluded,
        }))
    }

    /// How many of the manifest's findings are errors.
    pub fn manifest_errors(&self) -> usize {
        errors_in(&self.manifest_findings)
    }

    /// The workspace a command works across, if any: the plan folder itself when it is a
    /// workspace root; with `--workspace`, the nearest workspace from the plan folder upward
    /// (up to the repository root), and none found is a usage error.
    pub fn for_config(config: &Config, wanted: bool) -> Result<Option<Workspace>, Failure> {
        if let Some(ws) = Workspace::at(&config.plans)? {
            return Ok(Some(ws));
        }
        if !wanted {
            return Ok(None);
        }
        // `..` taken back first: the plan folder found upward from a member's sub-folder is
        // `..`, whose parent is not the path's parent, `../..` (it looked in `../../..`).
        let start =
            normalise(&std::path::absolute(&config.plans).unwrap_or_else(|_| config.plans.clone()));
        let mut relative = config.plans.clone();
        for dir in start.ancestors().skip(1) {
            relative.push("..");
            if let Some(ws) = Workspace::at(dir)? {
                let mut ws = ws;
                ws.dir = normalise(&relative);
                for member in &mut ws.members {
                    member.path = normalise(&ws.dir.join(&member.relative));
                }
                return Ok(Some(ws));
            }
            if dir.join(".git").exists() {
                break;
            }
        }
        Err(Failure::usage(format!(
            "--workspace: no workspace manifest (a plan.toml with [workspace]) in `{}` or above it",
            crate::text::visible_line(&config.plans.display().to_string())
        ))
        .with_help("add a [workspace] table with members = [...] to the plan.toml of the folder above your plans"))
    }

    /// The network memo's language: `--lang`, else the manifest's.
    pub fn lang(&self, config: &Config) -> Lang {
        config.lang.unwrap_or(self.manifest.language)
    }

    /// The member named `name` (case-insensitively, in either Unicode form).
    pub fn member(&self, name: &str) -> Option<&Member> {
        let wanted = crate::model::catalogue_fold(name);
        self.members
            .iter()
            .find(|m| crate::model::catalogue_fold(&m.name) == wanted)
    }

    /// Whether the folder at `path` (as shown, from where `plan` runs) is a member's, however
    /// it is reached: a member's sub-folder that is a member too is no plan left out of it.
    pub fn is_member_folder(&self, path: &str) -> bool {
        std::fs::canonicalize(path)
            .is_ok_and(|folder| self.members.iter().any(|m| m.folder == folder))
    }

    /// The configuration for working on one member alone.
    pub fn member_config(&self, config: &Config, member: &Member) -> Config {
        let mut c = config.clone();
        c.plans = member.path.clone();
        c.plans_from = crate::config::PlansFrom::Member;
        c
    }
}

/// `path` with `.` components dropped and each `..` taking back the folder named before it,
/// when there is one (`examples/network/../../plans` → `plans`; `../plans` stays). Only for
/// paths built by joining a member's relative path to the workspace folder: the folders named
/// are real ones, so this is how a user would write the path.
pub fn normalise(path: &Path) -> PathBuf {
    let mut parts: Vec<Component<'_>> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                Some(Component::RootDir) | Some(Component::Prefix(_)) => {}
                _ => parts.push(part),
            },
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        return PathBuf::from(".");
    }
    parts.iter().collect()
}

/// How many of `findings` are errors.
fn errors_in(findings: &[crate::check::Diagnostic]) -> usize {
    findings
        .iter()
        .filter(|d| d.severity == crate::check::Severity::Error)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_takes_back_named_folders_only() {
        let n = |p: &str| normalise(Path::new(p)).display().to_string();
        assert_eq!(n("examples/network/../../plans"), "plans");
        assert_eq!(n("./../../plans"), "../../plans");
        assert_eq!(n("."), ".");
        assert_eq!(n("./eksempelby"), "eksempelby");
        assert_eq!(n("a/.."), ".");
        assert_eq!(n("/../x"), "/x");
    }
}
