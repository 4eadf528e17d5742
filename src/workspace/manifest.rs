//! The `[workspace]` table of a workspace's `plan.toml`.

use serde::Deserialize;

use crate::cli::Lang;
use crate::error::Failure;
use crate::text::clean_line;

/// What a workspace manifest says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceManifest {
    /// The network's name (default: "Workspace" / the folder's); shown in its dashboard and memo.
    pub title: String,
    /// The network memo's language (`language = "da"` or `"en"`; default Danish).
    pub language: Lang,
    /// Member folders as written: relative paths, components may be `*`/`?` patterns.
    pub members: Vec<String>,
    /// Folders left out, written like `members`.
    pub exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    workspace: Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    language: Option<String>,
    members: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

/// Whether `text` is a workspace manifest: TOML (possibly with mistakes elsewhere) whose
/// top level has a `[workspace]` table. A plan's `plan.toml` is not one.
pub fn is_workspace(text: &str) -> bool {
    match text.parse::<toml::Table>() {
        Ok(table) => table.contains_key("workspace"),
        // A broken manifest is a workspace's when a line opens the table, so that its
        // mistakes are told as a workspace manifest's.
        Err(_) => text
            .lines()
            .any(|l| l.trim_start().starts_with("[workspace]")),
    }
}

impl WorkspaceManifest {
    /// Reads a workspace manifest. `display` is its path as shown in errors. A mistake is
    /// an error (exit 1) naming the file, line and column, with the source line (toml's).
    pub fn parse(text: &str, display: &str) -> Result<WorkspaceManifest, Failure> {
        let file: File = toml::from_str(text).map_err(|e| {
            let place = e
                .span()
                .map(|s| {
                    let before = &text[..s.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    format!(":{line}:{column}")
                })
                .unwrap_or_default();
            Failure::invalid(format!(
                "workspace manifest `{display}{place}`: {}",
                clean_line(&e.to_string().replace('\n', " ").replace("  ", " "))
            ))
            .with_help("a workspace manifest holds only [workspace] with members = [\"folder\", \"libraries/*\"] and optional exclude, title and language")
        })?;
        let t = file.workspace;
        let language = match t.language.as_deref() {
            None | Some("da") => Lang::Da,
            Some("en") => Lang::En,
            Some(other) => {
                return Err(Failure::invalid(format!(
                    "workspace manifest `{display}`: language `{}` is neither \"da\" nor \"en\"",
                    clean_line(other)
                )))
            }
        };
        for path in t.members.iter().chain(&t.exclude) {
            if path.trim().is_empty() || std::path::Path::new(path).is_absolute() {
                return Err(Failure::invalid(format!(
                    "workspace manifest `{display}`: member `{}` must be a relative folder path",
                    clean_line(path)
                )));
            }
        }
        Ok(WorkspaceManifest {
            title: t.title.map(|s| clean_line(&s)).unwrap_or_default(),
            language,
            members: t.members,
            exclude: t.exclude,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_members_and_defaults() {
        let m = WorkspaceManifest::parse("[workspace]\nmembers = [\"a\", \"b/*\"]\n", "plan.toml")
            .unwrap();
        assert_eq!(m.members, ["a", "b/*"]);
        assert_eq!(m.language, Lang::Da);
        assert!(m.exclude.is_empty());
    }

    #[test]
    fn mistakes_name_the_place() {
        let err = WorkspaceManifest::parse(
            "[workspace]\nmembers = [\"a\"]\nmembrs = 1\n",
            "ws/plan.toml",
        )
        .unwrap_err();
        assert_eq!(err.code, 1);
        assert!(err.message.contains("ws/plan.toml:3:1"), "{}", err.message);
        let err = WorkspaceManifest::parse("[workspace]\nmembers = [\"/abs\"]\n", "p").unwrap_err();
        assert!(err.message.contains("relative"));
    }

    #[test]
    fn a_plan_manifest_is_not_a_workspace() {
        assert!(!is_workspace("[plan]\ntitle = \"x\"\nyear = 2017\n"));
        assert!(is_workspace("[workspace]\nmembers = []\n"));
        assert!(is_workspace("[workspace]\nmembers = [\n"));
    }
}
