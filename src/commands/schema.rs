//! `plan schema`: the JSON Schemas of an initiative file and of `plan.toml`, made from the
//! plan's catalogue ([`crate::render::schema`]); `--write` puts both into the plan folder's
//! `.plan/schema/`, where editors find them through a `#:schema` line. Also: whether the
//! written schemas still fit the catalogue (`schema-outdated`, for `plan check`), and the
//! `#:schema` line that `new`, `import` and `init` put at the top of the files they write.

use std::path::Path;

use crate::check::{Diagnostic, Rule};
use crate::cli::SchemaArgs;
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::model::Plan;
use crate::render::schema::{schema_text, SchemaKind, SCHEMA_DIR};
use crate::text::clean_line;
use crate::write::{create_folder_inside, write_file, WriteOptions};

use super::{load_for_reading, load_for_writing, Out, Outcome};

pub fn run(config: &Config, args: &SchemaArgs, out: Out<'_>) -> Outcome {
    if !args.write {
        let plan = load_for_reading(config)?;
        let kind = args.kind.unwrap_or(SchemaKind::Initiative);
        write!(out, "{}", schema_text(kind, &plan.manifest.catalogue))?;
        return Ok(EXIT_OK);
    }
    let (_lock, plan) = load_for_writing(config)?;
    write_schemas(&plan.dir, &plan.manifest.catalogue)?;
    for kind in SchemaKind::ALL {
        writeln!(
            out,
            "wrote {}",
            clean_line(
                &config
                    .plans
                    .join(SCHEMA_DIR)
                    .join(kind.file_name())
                    .display()
                    .to_string()
            )
        )?;
    }
    Ok(EXIT_OK)
}

/// A `schema-outdated` finding for each schema in the plan folder's `.plan/schema/` that is
/// not the one `plan schema --write` would write now. None when there are none.
/// While `plan.toml` has errors its catalogue is not the one it means: none either (the
/// advice to write the schemas again would be refused until it is fixed).
pub fn outdated(plan: &Plan) -> Vec<Diagnostic> {
    let Some(severity) = plan.manifest.rules.severity_of(Rule::SchemaOutdated) else {
        return Vec::new();
    };
    if crate::check::manifest_has_errors(plan) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for kind in SchemaKind::ALL {
        let relative = format!("{SCHEMA_DIR}/{}", kind.file_name());
        let Ok(written) = std::fs::read_to_string(plan.dir.join(&relative)) else {
            continue;
        };
        if written != schema_text(kind, &plan.manifest.catalogue) {
            let mut d = Diagnostic::new(
                Rule::SchemaOutdated,
                format!("`{relative}` no longer fits plan.toml's catalogue and rules"),
            )
            .help("write the schemas again: plan schema --write");
            d.severity = severity;
            out.push(d);
        }
    }
    out
}

/// The `#:schema` line for a file written at `file` (a path in the plan folder `dir`) when
/// `dir` has the schema of `kind`: the path from the file's folder, for taplo / Even Better
/// TOML. `None` when the schema has not been written.
pub fn directive(dir: &Path, file: &Path, kind: SchemaKind) -> Option<String> {
    let schema = Path::new(SCHEMA_DIR).join(kind.file_name());
    if !dir.join(&schema).is_file() {
        return None;
    }
    let relative = file.strip_prefix(dir).ok()?;
    Some(directive_at(&relative.to_string_lossy(), kind))
}

/// The `#:schema` line (with its line break) for the file at `relative` (`/`-separated, in
/// the plan folder), whether or not the schema is there yet.
pub fn directive_at(relative: &str, kind: SchemaKind) -> String {
    let depth = relative.split('/').count().saturating_sub(1);
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    format!("#:schema {up}{SCHEMA_DIR}/{}\n", kind.file_name())
}

/// Writes both schemas for `catalogue` into `dir`'s `.plan/schema/` (replacing them).
pub fn write_schemas(dir: &Path, catalogue: &crate::model::Catalogue) -> Result<(), Failure> {
    create_folder_inside(dir, SCHEMA_DIR)?;
    // Both can be written (never over a folder), or neither is: one replaced and the other
    // refused left a schema of one catalogue beside one of another.
    for kind in SchemaKind::ALL {
        let path = dir.join(SCHEMA_DIR).join(kind.file_name());
        crate::write::refuse_existing(&path, true).map_err(|e| {
            let failure = Failure::from(&e);
            Failure {
                message: format!("{}: no schema was written", failure.message),
                ..failure
            }
        })?;
    }
    for kind in SchemaKind::ALL {
        let path = dir.join(SCHEMA_DIR).join(kind.file_name());
        let text = schema_text(kind, catalogue);
        write_file(
            &path,
            text.as_bytes(),
            WriteOptions {
                force: true,
                expected: None,
                within: Some(dir),
            },
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directive_is_relative_to_the_file_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(
            directive(root, &root.join("x.toml"), SchemaKind::Initiative),
            None
        );
        std::fs::create_dir_all(root.join(SCHEMA_DIR)).unwrap();
        std::fs::write(root.join(SCHEMA_DIR).join("initiative.json"), "{}").unwrap();
        assert_eq!(
            directive(root, &root.join("x.toml"), SchemaKind::Initiative).unwrap(),
            "#:schema ./.plan/schema/initiative.json\n"
        );
        assert_eq!(
            directive(root, &root.join("q2/x.toml"), SchemaKind::Initiative).unwrap(),
            "#:schema ../.plan/schema/initiative.json\n"
        );
        assert_eq!(
            directive(root, &root.join("a/b/x.toml"), SchemaKind::Initiative).unwrap(),
            "#:schema ../../.plan/schema/initiative.json\n"
        );
    }
}
