//! The `[workspace]` table of a workspace's `plan.toml`.

use crate::cli::Lang;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Failure;

    impl WorkspaceManifest {
        /// Reads a workspace manifest's text ([`crate::parse::workspace_manifest`]): the
        /// manifest, or the first of its mistakes as an error (exit 1).
        fn parse(text: &str, display: &str) -> Result<WorkspaceManifest, Failure> {
            let source =
                crate::load::source::virtual_source(std::path::Path::new(""), "plan.toml", text);
            let mut findings = Vec::new();
            let manifest = crate::parse::workspace_manifest(0, &source, &mut findings);
            match findings.first() {
                None => Ok(manifest),
                Some(d) => {
                    let place = d
                        .span
                        .as_ref()
                        .map(|s| {
                            let (line, column) = crate::load::source::line_col(text, s.start);
                            format!(":{line}:{column}")
                        })
                        .unwrap_or_default();
                    Err(Failure::invalid(format!(
                        "workspace manifest `{display}{place}`: {}",
                        crate::text::visible_line(&d.message)
                    )))
                }
            }
        }
    }

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
