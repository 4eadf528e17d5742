//! `plan new TITLE --period P --track T…`: writes a new initiative file from flags.
//! The id is a slug of the title (or `--id`); an existing id is never overwritten. The file
//! goes into the folder the plan keeps that period's initiatives in (or `--folder`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::cli::NewArgs;
use crate::config::Config;
use crate::edit::{ensure_valid, unique_id, NewInitiative};
use crate::error::{Failure, EXIT_OK};
use crate::model::{Catalogue, Plan, CROSS_CUTTING};
use crate::parse::{is_valid_id, parse_date};
use crate::slug::{is_reserved, slugify, suggested_id};
use crate::text::clean_line;
use crate::write::{create_folder_inside, write_file, WriteOptions};

use super::{load_for_writing, Out, Outcome};

pub fn run(config: &Config, args: &NewArgs, out: Out<'_>) -> Outcome {
    let id = match &args.id {
        Some(id) if is_valid_id(id) && !is_reserved(id) => id.clone(),
        Some(id) => {
            let mut failure = Failure::usage(if is_reserved(id) {
                format!(
                    "`{id}` cannot be an id: Windows reserves it as a device name, so `{id}.toml` could not be a file there"
                )
            } else {
                format!(
                    "`{id}` is not a valid id: lowercase letters a-z, digits and '-', at most 64 characters"
                )
            });
            let suggested = suggested_id(id);
            if !suggested.is_empty() {
                failure = failure.with_help(format!("use --id {suggested}"));
            }
            return Err(failure.into());
        }
        None => {
            let slug = slugify(&args.title);
            if slug.is_empty() {
                return Err(Failure::usage(format!(
                    "cannot make an id from the title `{}`",
                    &args.title
                ))
                .with_help("give one with --id, e.g. --id hygge-viby")
                .into());
            }
            // A title such as "Con" gets `con-2`: `con.toml` cannot be a file on Windows.
            unique_id::<&str>(&slug, &[])
        }
    };
    let folder = match &args.folder {
        Some(f) => Some(sub_folder(f)?),
        None => None,
    };
    let deadline = match &args.deadline {
        Some(d) => Some(parse_date(d).ok_or_else(|| {
            Failure::invalid(format!(
                "--deadline {}",
                crate::parse::date_error(d, "2017-06-30")
            ))
        })?),
        None => None,
    };

    let (_lock, plan) = load_for_writing(config)?;
    if plan.all_ids().any(|known| known == id) {
        let existing = plan
            .files
            .iter()
            .find(|f| f.stem() == id)
            .map_or_else(|| id.clone(), |f| clean_line(&f.display()));
        return Err(Failure::invalid(format!(
            "an initiative with the id `{id}` exists already: {existing}"
        ))
        .with_help(format!(
            "choose another id with --id, e.g. --id {}",
            unique_id(&id, &plan.all_ids().collect::<Vec<_>>())
        ))
        .into());
    }

    let period = canonical_period(&args.period);
    // `--folder` wins; else the folder the plan keeps this period's initiatives in.
    let folder = folder.unwrap_or_else(|| folder_of_period(&plan, &period));
    let catalogue = &plan.manifest.catalogue;
    let initiative = NewInitiative {
        comments: vec![format!("Added with `plan new` on {}.", config.today)],
        title: args.title.clone(),
        description: args.description.clone(),
        period,
        tracks: args
            .tracks
            .iter()
            .map(|t| track_name(catalogue, t))
            .collect(),
        locations: args
            .locations
            .iter()
            .map(|l| catalogue.location(l).unwrap_or(l).to_string())
            .collect(),
        partners: args.partners.clone(),
        depends_on: args.depends_on.clone(),
        status: "planned".into(),
        deadline,
        tags: args.tags.clone(),
        added: Some(config.today),
        ..NewInitiative::default()
    };
    let relative = if folder.is_empty() {
        format!("{id}.toml")
    } else {
        format!("{folder}/{id}.toml")
    };
    // A `#:schema` line for editors, when `plan schema --write` has put the schema there.
    let schema = super::schema::directive(
        &plan.dir,
        &plan.dir.join(&relative),
        crate::render::schema::SchemaKind::Initiative,
    );
    let text = schema.unwrap_or_default() + &initiative.render();
    let display = crate::load::virtual_source(&plan.dir, &relative, "").display();
    refuse_a_nested_plan(&plan.dir, &folder)?;
    ensure_valid(
        &plan,
        &[(relative.clone(), text.clone())],
        &format!("`{}`", clean_line(&display)),
    )?;

    create_folder_inside(&plan.dir, &folder)?;
    write_file(
        &plan.dir.join(&relative),
        text.as_bytes(),
        WriteOptions {
            within: Some(&plan.dir),
            ..WriteOptions::default()
        },
    )
    .map_err(|e| e.without_force())?;
    writeln!(out, "{}", clean_line(&display))?;
    Ok(EXIT_OK)
}

/// Refuses (exit 2) a `folder` of the plan (relative, `/`-separated) that is, or is inside,
/// a folder holding a `plan.toml` of its own: a plan of its own, which this plan leaves out
/// (the file would be no initiative of this plan, and judged by a catalogue not its own).
fn refuse_a_nested_plan(dir: &Path, folder: &str) -> Result<(), Failure> {
    let mut inner = dir.to_path_buf();
    for segment in folder.split('/').filter(|s| !s.is_empty()) {
        inner.push(segment);
        if crate::load::walk::holds_plan(&inner) {
            let shown = inner
                .strip_prefix(dir)
                .unwrap_or(&inner)
                .display()
                .to_string();
            return Err(Failure::usage(format!(
                "--folder `{folder}`: `{}` holds a plan.toml of its own, a plan of its own that this plan leaves out: nothing was written",
                shown.replace('\\', "/")
            ))
            .with_help("choose a folder of this plan, or run `plan new` with --plans on that plan"));
        }
    }
    Ok(())
}

/// `--folder`: a relative path of `[a-z0-9-]` segments, so that it stays in the plan folder;
/// no segment a name Windows reserves for a device (`aux`, `nul`: no such folder there).
fn sub_folder(folder: &str) -> Result<String, Failure> {
    let trimmed = folder.trim_end_matches('/');
    let ok = !trimmed.is_empty()
        && trimmed.split('/').all(|seg| {
            !seg.is_empty()
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    if !ok {
        return Err(Failure::usage(format!(
            "--folder `{folder}` is not a sub-folder name: use lowercase letters a-z, digits, '-' and '/' (e.g. q3)"
        )));
    }
    if let Some(reserved) = trimmed.split('/').find(|seg| is_reserved(seg)) {
        return Err(Failure::usage(format!(
            "--folder `{folder}`: `{reserved}` is a name Windows reserves for a device, so no folder can have it there"
        ))
        .with_help("choose another name, e.g. q3"));
    }
    Ok(trimmed.to_string())
}

/// The sub-folder (relative, `/`-separated; empty for the root) that holds most of the
/// plan's initiatives of `period` (`"Q2"`, `"year"`): `q2` in a plan kept in `q1/`…`q4/`,
/// `aar` for the whole year in the shipped plan. The root when the plan has none of that
/// period; on a tie, the root if it is among the most used, else the first folder by name.
fn folder_of_period(plan: &Plan, period: &str) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for initiative in plan
        .initiatives
        .iter()
        .filter(|i| !i.unreadable.period && i.period.as_str() == period)
    {
        let relative = &plan.file(initiative.file).relative;
        let folder = relative.rsplit_once('/').map_or("", |(folder, _)| folder);
        *counts.entry(folder.to_string()).or_default() += 1;
    }
    // BTreeMap order puts the root ("") first, then folders by name; `max_by_key` keeps
    // the last of equal maxima, so the order is reversed to keep the first.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(folder, _)| folder)
        .unwrap_or_default()
}

/// `q2`, `2. kvartal` → `Q2`, `år` → `year`; anything else is kept for the rules to reject.
fn canonical_period(typed: &str) -> String {
    crate::i18n::period_from_user(typed).map_or_else(|| typed.to_string(), |p| p.to_string())
}

fn track_name(catalogue: &Catalogue, typed: &str) -> String {
    if Catalogue::is_cross_cutting(typed) {
        return CROSS_CUTTING.to_string();
    }
    catalogue.track(typed).unwrap_or(typed).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_folders_stay_inside() {
        assert_eq!(sub_folder("q3").unwrap(), "q3");
        assert_eq!(sub_folder("2017/q3/").unwrap(), "2017/q3");
        for bad in [
            "..", "../x", "/tmp", "Q3", "a//b", "", ".hidden", "a/./b", "aux", "q3/nul", "com1",
        ] {
            assert!(sub_folder(bad).is_err(), "{bad}");
        }
    }
}
