//! `plan set ID KEY=VALUE…`: changes fields of one initiative, keeping comments and layout.
//! The file is checked with the plan's rules before it is written, or not touched at all.

use crate::cli::SetArgs;
use crate::config::Config;
use crate::edit::history::Recorded;
use crate::edit::{ensure_valid, find_file, Change, InitiativeDoc};
use crate::error::EXIT_OK;
use crate::text::clean_line;

use super::{load_for_writing, Out, Outcome};

pub fn run(config: &Config, args: &SetArgs, out: Out<'_>) -> Outcome {
    // Every change is understood before anything is read or written.
    let changes = args
        .changes
        .iter()
        .map(|c| Change::parse(c))
        .collect::<Result<Vec<_>, _>>()?;
    let (_lock, plan) = load_for_writing(config)?;
    let index = find_file(&plan, &args.id)?;
    let source = plan.file(index);
    let mut doc = InitiativeDoc::open(&source.path(), &source.display())?;
    // Lists of names as the catalogue spells them: an alias written again as the name
    // (`fællesskaber` → `fællesskab`) is no change of the initiative's tracks or places.
    let catalogue = &plan.manifest.catalogue;
    let names = |key: &'static str, value: Option<Recorded>| match (key, value) {
        ("tracks", Some(Recorded::List(names))) => Some(Recorded::List(
            names
                .into_iter()
                .map(|n| catalogue.track(&n).map_or(n, str::to_string))
                .collect(),
        )),
        ("locations", Some(Recorded::List(names))) => Some(Recorded::List(
            names
                .into_iter()
                .map(|n| catalogue.location(&n).map_or(n, str::to_string))
                .collect(),
        )),
        (_, value) => value,
    };
    let before: Vec<_> = doc
        .recorded_values()
        .into_iter()
        .map(|(key, value)| (key, names(key, value)))
        .collect();
    // The keys whose change changed the file: a value set to what it was is not "changed".
    let mut keys: Vec<&str> = Vec::new();
    for change in &changes {
        let text = doc.text();
        doc.apply(change, &plan.manifest.catalogue)?;
        if doc.text() != text {
            keys.push(change.key.as_str());
        }
    }
    // Each change of a field the history follows is recorded, dated by the as-of date.
    let recorded = doc.record_changes_as(config.today, &before, &names)?;
    let display = clean_line(&source.display());
    if !doc.is_changed() {
        writeln!(out, "{display}: unchanged")?;
        return Ok(EXIT_OK);
    }
    ensure_valid(
        &plan,
        &[(source.relative.clone(), doc.text())],
        &format!("`{display}` with this change"),
    )?;
    doc.write(args.force, &plan.dir)?;
    write!(
        out,
        "{display}: changed {}",
        clean_line(&dedup(keys).join(", "))
    )?;
    if recorded.is_empty() {
        writeln!(out)?;
    } else {
        writeln!(
            out,
            " (history: {} dated {})",
            recorded.join(", "),
            config.today
        )?;
    }
    Ok(EXIT_OK)
}

fn dedup(keys: Vec<&str>) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for k in keys {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}
