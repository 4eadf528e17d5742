//! Several new files written all or nothing (`plan import`): into a hidden staging folder
//! inside the plan folder, then each moved into place without replacing anything.

use std::io::Write;
use std::path::Path;

use super::{move_new, write_atomic, WriteError};
use crate::error::Failure;
use crate::load::io_reason;

/// Writes the files into a hidden staging folder inside the plan folder (the loader skips
/// it), then moves each into place without replacing anything. A write that fails (a full
/// disk), or anything already at one of the paths, leaves the plan folder as it was; a move
/// that fails (a file of that name appeared meanwhile) stops with the files already moved
/// in named, on standard output and in the error.
///
/// `dir` is the plan folder; `files` are (path relative to it, text); `display` shows a
/// relative path to the user; each file moved in is named on `out`. Errors: a [`Failure`]
/// (exit 2) naming the file and what was written, or an error writing to `out`.
pub fn write_staged(
    dir: &Path,
    files: &[(String, String)],
    display: &dyn Fn(&str) -> String,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let stage = tempfile::Builder::new()
        .prefix(".plan-import-")
        .tempdir_in(dir)
        .map_err(|e| {
            Failure::usage(format!(
                "cannot write into `{}`: {}; nothing was imported",
                dir.display(),
                io_reason(&e)
            ))
        })?;
    for (relative, text) in files {
        write_atomic(&stage.path().join(relative), text.as_bytes(), false).map_err(|e| {
            let reason = match &e {
                WriteError::Io { source, .. } => io_reason(source),
                other => other.to_string(),
            };
            Failure::usage(format!(
                "cannot write `{}`: {reason}; nothing was imported",
                display(relative)
            ))
        })?;
    }
    // Something already in the way of one of them (a folder named `x.toml`, a file the
    // plan does not read) stops the import before any file is moved in; only what appears
    // while the files are moved leaves some of them in place.
    if let Some((relative, _)) = files
        .iter()
        .find(|(relative, _)| dir.join(relative).symlink_metadata().is_ok())
    {
        return Err(Failure::usage(format!(
            "cannot write `{}`: something of that name is in the way; nothing was imported",
            display(relative)
        ))
        .with_help("move it out of the way, or rename the memo's row, and import again")
        .into());
    }
    let mut moved: Vec<String> = Vec::new();
    for (relative, _) in files {
        if let Err(e) = move_new(&stage.path().join(relative), &dir.join(relative)) {
            let reason = match &e {
                WriteError::Exists(_) => "something of that name is in the way".to_string(),
                WriteError::Io { source, .. } => io_reason(source),
                other => other.to_string(),
            };
            let written = if moved.is_empty() {
                "nothing was imported".to_string()
            } else {
                format!(
                    "only {} of {} files were written: {}",
                    moved.len(),
                    files.len(),
                    moved.join(", ")
                )
            };
            return Err(Failure::usage(format!(
                "cannot write `{}`: {reason}; {written}",
                display(relative)
            ))
            .into());
        }
        let shown = display(relative);
        writeln!(out, "{shown}")?;
        moved.push(shown);
    }
    Ok(())
}
