//! A workspace's `plan.toml` (`[workspace]` with `members`, `exclude`, `title`, `language`),
//! read as the plan's own files are: every mistake a finding at its place, not the first one
//! only.

use std::cell::OnceCell;

use toml::de::DeValue;
use toml::Spanned;

use super::reader::{parse_toml, Reader};
use crate::check::{Diagnostic, Rule};
use crate::cli::Lang;
use crate::load::source::SourceFile;
use crate::workspace::WorkspaceManifest;

/// The keys of the `[workspace]` table.
pub const WORKSPACE_FIELDS: [&str; 4] = ["members", "exclude", "title", "language"];

/// Reads the workspace manifest `source` (file `file` of the findings' list). Every mistake
/// goes into `diags`: a syntax error, a key other than `[workspace]` and its four, a value of
/// the wrong type, no `members`, a language other than `da`/`en`, a member or exclude path
/// that is empty or absolute. Returns what could be read: the paths that are usable, the
/// title cleaned for one line, Danish when the language is not one of the two.
pub fn workspace_manifest(
    file: usize,
    source: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> WorkspaceManifest {
    let mut manifest = WorkspaceManifest {
        title: String::new(),
        language: Lang::Da,
        members: Vec::new(),
        exclude: Vec::new(),
    };
    let text = crate::check::pasted::repair(&source.text);
    let blanked = OnceCell::new();
    let Some(table) = parse_toml(file, source, &text, &blanked, diags) else {
        return manifest;
    };
    let mut r = Reader { file, diags };
    r.unknown_keys(&table, &["workspace"], "a workspace manifest");
    let Some(value) = table.get("workspace") else {
        r.missing("workspace", "a workspace manifest", "[workspace]");
        return manifest;
    };
    let DeValue::Table(ws) = value.get_ref() else {
        r.wrong_type(
            "workspace",
            value,
            "a [workspace] table",
            "write it as a section: a line [workspace], then members = [\"…\"] below it".into(),
        );
        return manifest;
    };
    r.unknown_keys(ws, &WORKSPACE_FIELDS, "[workspace]");
    if let Some(title) = r.string(ws, "title") {
        manifest.title = crate::text::clean_line(title.get_ref());
    }
    if let Some(lang) = r.choice(
        ws,
        "language",
        &[("da", Lang::Da), ("en", Lang::En)],
        |_| None,
    ) {
        manifest.language = lang.into_inner();
    }
    if !ws.contains_key("members") {
        r.missing(
            "members",
            "[workspace]",
            "members = [\"roskilde\", \"biblioteker/*\"]",
        );
    }
    for (key, paths) in [
        ("members", &mut manifest.members),
        ("exclude", &mut manifest.exclude),
    ] {
        let Some(list) = r.string_list(ws, key) else {
            continue;
        };
        for path in list.into_inner() {
            if usable_path(path.get_ref()) {
                paths.push(path.into_inner());
            } else {
                r.push(not_a_relative_folder(file, key, &path));
            }
        }
    }
    manifest
}

/// Whether a member or exclude path can name a folder below the workspace's.
fn usable_path(path: &str) -> bool {
    !path.trim().is_empty() && !std::path::Path::new(path).is_absolute()
}

fn not_a_relative_folder(file: usize, key: &str, path: &Spanned<String>) -> Diagnostic {
    let what = if key == "members" {
        "member"
    } else {
        "exclude"
    };
    Diagnostic::new(
        Rule::InvalidValue,
        format!(
            "{what} `{}` is not a relative folder path",
            path.get_ref()
        ),
    )
    .at(file, path.span())
    .label("not a folder below the workspace's")
    .help(format!(
        "write the folder relative to the workspace's plan.toml: {key} = [\"roskilde\", \"biblioteker/*\"]"
    ))
}
