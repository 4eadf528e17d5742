//! `plan show ID`: one initiative in full, what it depends on and what depends on it.
//!
//! An unknown id is a usage error (exit 2) with "did you mean"; an id whose file is too
//! broken to read is an error in the plan (exit 1): `plan check` says why.

use crate::cli::ShowArgs;
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::i18n::words;
use crate::render::show::{self, Shown};
use crate::render::terminal::{self, Paint};
use crate::suggest::did_you_mean;

use crate::load::SourceFile;
use crate::model::{CatalogueIndex, Plan};

use super::{load_to_sum_up, Out, Outcome};

pub fn run(config: &Config, args: &ShowArgs, out: Out<'_>) -> Outcome {
    // Loaded without descriptions: of a plan's initiatives, one is shown in full.
    let mut plan = load_to_sum_up(config)?;
    let id = args.id.trim().trim_end_matches(".toml");
    if let Some(changed) = read_description_again(&mut plan, id) {
        let _ = super::warn(
            config,
            &format!(
                "`{}` changed while it was read: its description is left out; run `plan show {}` again",
                crate::text::clean_line(&changed),
                crate::text::clean_line(id)
            ),
        );
    }
    // The ids it depends on whose files have errors (no initiative was read from them, or
    // only stand-ins): said as such, not as "not in the plan".
    let with_errors: Vec<String> = plan
        .get(id)
        .map(|init| {
            init.depends_on
                .iter()
                .filter(|d| match plan.get(d) {
                    Some(dep) => dep.unreadable.required,
                    None => plan.all_ids().any(|known| known == d.as_str()),
                })
                .map(|d| d.to_string())
                .collect()
        })
        .unwrap_or_default();
    // One with stand-ins for its title, period or tracks is in no view on any date.
    let added = plan
        .get(id)
        .filter(|i| !i.unreadable.required)
        .and_then(|i| i.added);
    crate::assess::history::rewind(&mut plan, config.today);
    let Some(init) = plan.get(id) else {
        if let Some(added) = added {
            return Err(Failure::usage(format!(
                "`{id}` was added to the plan on {added}, after the as-of date {}",
                config.today
            ))
            .with_help(format!("give a later date: plan --today {added} show {id}"))
            .into());
        }
        if let Some(failure) = plan.not_read(id) {
            return Err(failure.into());
        }
        if plan.all_ids().any(|known| known == id) {
            return Err(Failure::invalid(format!(
                "the initiative `{id}` cannot be read: its file has errors"
            ))
            .with_help("run `plan check` to see them")
            .into());
        }
        let help = did_you_mean(id, plan.all_ids())
            .unwrap_or_else(|| "run `plan list` to see the ids".to_string());
        return Err(
            Failure::usage(format!("no initiative has the id `{}`", args.id))
                .with_help(help)
                .into(),
        );
    };
    let mut shown = Shown::of(&plan, init, config.today);
    shown.with_errors = with_errors;
    let paint = Paint {
        color: config.color,
    };
    let words = words(config.lang_for(&plan));
    show::text(&shown, words, paint, terminal::width(), out)?;
    drop(shown);
    super::leave(plan);
    Ok(EXIT_OK)
}

/// Reads again, from its file, the description of the initiative `id` in a plan loaded
/// without descriptions ([`super::TO_SUM_UP`]), with the parser that read the file first, so
/// that it is the same text. When the file has changed since it was loaded (or is gone), the
/// description is left out and the file's path (as shown) is returned, for a warning: the
/// rest of what is shown is as loaded.
fn read_description_again(plan: &mut Plan, id: &str) -> Option<String> {
    let index = plan.initiatives.iter().position(|i| i.id == id)?;
    let init = &plan.initiatives[index];
    let file = plan.file(init.file);
    let Some(text) = file.source() else {
        return Some(file.display());
    };
    let description = {
        let again = SourceFile::from_bytes(&file.relative, text.as_bytes());
        let catalogue = CatalogueIndex::new(&plan.manifest.catalogue);
        crate::parse::initiative(
            init.file,
            &again,
            &catalogue,
            &mut Vec::new(),
            &mut Vec::new(),
        )
        .and_then(|i| i.description)
    };
    plan.initiatives[index].description = description;
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::plan::{load_plan_keeping, Keep, Texts};

    fn lean(dir: &std::path::Path) -> Plan {
        load_plan_keeping(
            dir,
            Keep {
                texts: Texts::Release,
                descriptions: false,
            },
        )
        .unwrap()
    }

    /// The description comes back from the file as the parser read it; a file changed since
    /// it was loaded gives none, and its path for the warning.
    #[test]
    fn the_description_is_read_again_unless_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let text = "title = \"Læsekreds\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndescription = \"\"\"\nFørste linje.\nAnden linje.\"\"\"\n";
        std::fs::write(dir.path().join("laesekreds.toml"), text).unwrap();
        let mut plan = lean(dir.path());
        assert_eq!(plan.initiatives[0].description, None);
        assert_eq!(read_description_again(&mut plan, "laesekreds"), None);
        assert_eq!(
            plan.initiatives[0].description.as_deref(),
            Some("Første linje.\nAnden linje.")
        );

        let mut plan = lean(dir.path());
        std::fs::write(
            dir.path().join("laesekreds.toml"),
            text.replace("Første", "Ny"),
        )
        .unwrap();
        let changed = read_description_again(&mut plan, "laesekreds");
        assert!(changed.is_some_and(|p| p.ends_with("laesekreds.toml")));
        assert_eq!(plan.initiatives[0].description, None);
    }
}
