//! `plan new TITLE --period P --track T…`: writes a new initiative file from flags.
//! The id is a slug of the title (or `--id`); an existing id is never overwritten.

use crate::cli::NewArgs;
use crate::config::Config;
use crate::edit::{ensure_valid, unique_id, NewInitiative};
use crate::error::{Failure, EXIT_OK};
use crate::model::{Catalogue, CROSS_CUTTING};
use crate::parse::{is_valid_id, parse_date};
use crate::slug::{is_reserved, slugify};
use crate::text::clean_line;
use crate::write::{create_folder_inside, write_file, WriteOptions};

use super::{load_for_writing, Out, Outcome};

pub fn run(config: &Config, args: &NewArgs, out: Out<'_>) -> Outcome {
    let id = match &args.id {
        Some(id) if is_reserved(id) => {
            return Err(Failure::usage(format!(
                "`{id}` cannot be an id: Windows reserves it as a device name, so `{id}.toml` could not be a file there"
            ))
            .with_help(format!("use --id {}", unique_id(id, &[])))
            .into());
        }
        Some(id) if is_valid_id(id) => id.clone(),
        Some(id) => {
            let slug = slugify(id);
            let mut failure = Failure::usage(format!(
                "`{id}` is not a valid id: lowercase letters a-z, digits and '-', at most 64 characters"
            ));
            if !slug.is_empty() {
                failure = failure.with_help(format!("use --id {slug}"));
            }
            return Err(failure.into());
        }
        None => {
            let slug = slugify(&args.title);
            if slug.is_empty() {
                return Err(Failure::usage(format!(
                    "cannot make an id from the title `{}`",
                    clean_line(&args.title)
                ))
                .with_help("give one with --id, e.g. --id hygge-viby")
                .into());
            }
            // A title such as "Con" gets `con-2`: `con.toml` cannot be a file on Windows.
            unique_id(&slug, &[])
        }
    };
    let folder = match &args.folder {
        Some(f) => sub_folder(f)?,
        None => String::new(),
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
    if plan.all_ids.contains(&id) {
        let existing = plan
            .files
            .iter()
            .find(|f| f.stem() == id)
            .map_or_else(|| id.clone(), |f| clean_line(&f.display));
        return Err(Failure::invalid(format!(
            "an initiative with the id `{id}` exists already: {existing}"
        ))
        .with_help(format!(
            "choose another id with --id, e.g. --id {}",
            unique_id(&id, &plan.all_ids)
        ))
        .into());
    }

    let catalogue = &plan.manifest.catalogue;
    let initiative = NewInitiative {
        comments: vec![format!("Added with `plan new` on {}.", config.today)],
        title: args.title.clone(),
        description: args.description.clone(),
        period: canonical_period(&args.period),
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
        ..NewInitiative::default()
    };
    let text = initiative.render();
    let relative = if folder.is_empty() {
        format!("{id}.toml")
    } else {
        format!("{folder}/{id}.toml")
    };
    let display = crate::load::virtual_source(&plan.dir, &relative, "").display;
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
    )?;
    writeln!(out, "{}", clean_line(&display))?;
    Ok(EXIT_OK)
}

/// `--folder`: a relative path of `[a-z0-9-]` segments, so that it stays in the plan folder.
fn sub_folder(folder: &str) -> Result<String, Failure> {
    let trimmed = folder.trim_end_matches('/');
    let ok = !trimmed.is_empty()
        && trimmed.split('/').all(|seg| {
            !seg.is_empty()
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(Failure::usage(format!(
            "--folder `{folder}` is not a sub-folder name: use lowercase letters a-z, digits, '-' and '/' (e.g. q3)"
        )))
    }
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
        for bad in ["..", "../x", "/tmp", "Q3", "a//b", "", ".hidden", "a/./b"] {
            assert!(sub_folder(bad).is_err(), "{bad}");
        }
    }
}
