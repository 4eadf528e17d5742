//! `plan note ID TEXT`: appends a `[[log]]` entry dated with the as-of date.

use crate::cli::NoteArgs;
use crate::config::Config;
use crate::edit::{ensure_valid, find_file, InitiativeDoc};
use crate::error::{Failure, EXIT_OK};
use crate::text::clean_line;

use super::{load_for_writing, Out, Outcome};

pub fn run(config: &Config, args: &NoteArgs, out: Out<'_>) -> Outcome {
    // Words given without quotes (`plan note x Møde holdt i Viby`) are one note.
    let text = args.text.join(" ");
    if text.trim().is_empty() {
        return Err(Failure::usage("the note is empty")
            .with_help("plan note ID \"Første møde holdt i Viby.\"")
            .into());
    }
    let (_lock, plan) = load_for_writing(config)?;
    let index = find_file(&plan, &args.id)?;
    let source = plan.file(index);
    let mut doc = InitiativeDoc::open(&source.path(), &source.display())?;
    doc.refuse_before_added(config.today, "note")?;
    doc.append_log(config.today, &text)?;
    let display = clean_line(&source.display());
    ensure_valid(
        &plan,
        &[(source.relative.clone(), doc.text())],
        &format!("`{display}` with this note"),
    )?;
    doc.write(args.force, &plan.dir)?;
    writeln!(out, "{display}: note dated {}", config.today)?;
    Ok(EXIT_OK)
}
