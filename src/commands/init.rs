//! `plan init DIR --year Y [--from OLD]`: a new plan folder. With `--from`, last year's
//! catalogue and rules carry over, and each initiative with a `follow_up` becomes a draft.

use std::fs;
use std::path::Path;

use crate::cli::InitArgs;
use crate::config::Config;
use crate::edit::{ensure_valid, manifest_for, NewInitiative};
use crate::error::{Failure, EXIT_OK};
use crate::i18n::{words, FollowUp};
use crate::load::{io_reason, load_plan, plan_from_folder, Folder};
use crate::lock::{PlanLock, LOCK_FILE};
use crate::model::{Plan, CROSS_CUTTING};
use crate::parse::DEFAULT_MANIFEST;
use crate::render::schema::{SchemaKind, SCHEMA_DIR};
use crate::text::clean_line;
use crate::write::{write_file, WriteOptions};

use super::{Out, Outcome};

pub fn run(config: &Config, args: &InitArgs, out: Out<'_>) -> Outcome {
    if !(1900..=2999).contains(&args.year) {
        return Err(Failure::usage(format!(
            "--year {} is not a plan year: write a year from 1900 to 2999, e.g. --year 2018",
            args.year
        ))
        .into());
    }
    let dir = &args.dir;
    // A workspace named as --from is said to be one first: inside it, a new folder is no
    // nested plan, but the workspace has nothing to start from.
    if let Some(from) = &args.from {
        refuse_a_workspace(from)?;
    }
    refuse_inside_a_plan(dir, args.from.as_deref(), Some(args.year))?;
    refuse_unless_empty(dir, args.force)?;

    let old = match &args.from {
        Some(from) => Some(load_plan(from).map_err(|e| {
            Failure::usage(format!(
                "cannot read the plan folder `{}`: {}",
                from.display(),
                io_reason(&e)
            ))
        })?),
        None => None,
    };
    let (source_text, old_title, old_year) = match &old {
        Some(plan) if plan.has_manifest => (
            plan.files[0].text.clone(),
            plan.manifest.plan.title.clone(),
            plan.manifest.plan.year,
        ),
        Some(plan) => (
            DEFAULT_MANIFEST.to_string(),
            plan.manifest.plan.title.clone(),
            plan.manifest.plan.year,
        ),
        None => {
            let default = crate::parse::default_manifest();
            (
                DEFAULT_MANIFEST.to_string(),
                default.plan.title,
                default.plan.year,
            )
        }
    };
    if args.from.is_some() && args.year <= old_year {
        let what = if args.year == old_year {
            "the year of"
        } else {
            "before the year of"
        };
        return Err(Failure::usage(format!(
            "--year {} is {what} the plan in `{}` ({old_year}): a plan started from it, with its follow-ups, is for a later year",
            args.year,
            args.from.as_deref().unwrap_or(Path::new(".")).display()
        ))
        .with_help(format!("e.g. --year {}", old_year + 1))
        .into());
    }
    // The old year is replaced only where it stands as a year ("120170 kr." stays).
    let replaced = crate::text::replace_year(&old_title, old_year, args.year);
    // Whether the title names its year at all (the same year again, as `init --year 2017`
    // from the built-in plan of 2017, changes nothing, and must not add it a second time).
    let names_its_year = crate::text::replace_year(&old_title, old_year, old_year + 1) != old_title;
    let title = match &args.title {
        Some(t) => t.clone(),
        None if names_its_year => replaced,
        None => format!("{old_title} {}", args.year),
    };
    let origin = match &args.from {
        Some(from) => format!(
            "Started with `plan init` on {}: the tracks, places and rules are those of {} ({old_year}).",
            config.today,
            from.display()
        ),
        None => format!(
            "Started with `plan init` on {}: the tracks and places are the 2017 Roskilde catalogue; change them to your plan's.",
            config.today
        ),
    };
    let manifest = manifest_for(
        &source_text,
        &title,
        args.year,
        None,
        &[title.clone(), origin],
    )?;

    let mut files = vec![("plan.toml".to_string(), manifest)];
    if let Some(old) = &old {
        files.extend(drafts(config, old));
    }
    let drafts_count = files.len() - 1;
    // Last year's folder had schemas for editors (`plan schema --write`): so does the new one,
    // and its files get the `#:schema` line.
    let schemas = args.from.as_ref().is_some_and(|from| {
        from.join(SCHEMA_DIR)
            .join(SchemaKind::Initiative.file_name())
            .is_file()
    });
    if schemas {
        for (relative, text) in files.iter_mut() {
            let kind = if relative == "plan.toml" {
                SchemaKind::Manifest
            } else {
                SchemaKind::Initiative
            };
            text.insert_str(0, &super::schema::directive_at(relative, kind));
        }
    }

    // The new folder is checked as a whole before anything is written.
    let empty = plan_from_folder(dir, Folder::default());
    ensure_valid(&empty, &files, "the new plan")?;

    fs::create_dir_all(dir).map_err(|e| {
        Failure::usage(format!(
            "cannot create `{}`: {}",
            dir.display(),
            io_reason(&e)
        ))
    })?;
    // Held while the files are written: no other plan command writes into the new folder.
    let _lock = PlanLock::acquire(dir)?;
    // Checked again under the lock: another command may have written into DIR meanwhile.
    refuse_unless_empty(dir, args.force)?;
    for (relative, text) in &files {
        // A link inside DIR is followed only to a file inside DIR.
        write_file(
            &dir.join(relative),
            text.as_bytes(),
            WriteOptions {
                force: args.force,
                within: Some(dir),
                ..WriteOptions::default()
            },
        )?;
        let display = crate::load::virtual_source(dir, relative, "").display();
        writeln!(out, "{}", clean_line(&display))?;
    }
    if let (true, Some(old)) = (schemas, &old) {
        super::schema::write_schemas(dir, &old.manifest.catalogue)?;
        let display = crate::load::virtual_source(dir, SCHEMA_DIR, "").display();
        writeln!(out, "{}/", clean_line(&display))?;
    }
    if let Some(from) = &args.from {
        writeln!(
            out,
            "a plan for {} with {drafts_count} follow-up{} from {}",
            args.year,
            if drafts_count == 1 { "" } else { "s" },
            from.display()
        )?;
    }
    if let Some(old) = &old {
        note_postponed_left_behind(old)?;
    }
    Ok(EXIT_OK)
}

/// On standard error: the old plan's postponed initiatives that have no `follow_up`, so got
/// no draft. Postponed work is what a coordinator most expects to find in next year's plan;
/// `init` drafts only what the plan says follows up, and says what it left behind.
fn note_postponed_left_behind(old: &Plan) -> std::io::Result<()> {
    use std::io::Write;
    let mut left: Vec<&str> = old
        .initiatives
        .iter()
        .filter(|i| i.status == crate::model::Status::Postponed && !i.unreadable.required)
        .filter(|i| i.follow_up.as_deref().is_none_or(|f| f.trim().is_empty()))
        .map(|i| i.id.as_str())
        .collect();
    if left.is_empty() {
        return Ok(());
    }
    left.sort_unstable();
    let n = left.len();
    writeln!(
        crate::stdio::stderr(),
        "note: {n} postponed initiative{} without a follow_up {} not carried over: {} (give {} a follow_up in the old plan and run again, or add {} with plan new)",
        if n == 1 { "" } else { "s" },
        if n == 1 { "was" } else { "were" },
        clean_line(&left.join(", ")),
        if n == 1 { "it" } else { "them" },
        if n == 1 { "it" } else { "them" },
    )
}

/// Refuses (exit 2) a new plan folder inside another plan's folder: inside `from`, or
/// below a folder whose `plan.toml` is a plan's (not a workspace's, whose members are
/// its sub-folders). That plan would leave the new one out of its own files (a
/// `nested-plan` note on every check): two years' plans belong beside each other, or in a
/// workspace.
/// `year`: the new plan's, for the hint's command (`import` has none to give).
pub(super) fn refuse_inside_a_plan(
    dir: &Path,
    from: Option<&Path>,
    year: Option<i32>,
) -> Result<(), Failure> {
    let inside = |folder: &Path| {
        // The hint names the real folders: the new one beside the plan it is inside.
        let name = dir
            .file_name()
            .map_or_else(|| "plans-new".into(), |n| n.to_string_lossy().into_owned());
        let beside = folder.parent().unwrap_or(Path::new("")).join(&name);
        let mut hint = format!(
            "start the new plan beside it, e.g. `plan init {}",
            crate::text::shell_word(&beside.display().to_string())
        );
        if let Some(year) = year {
            hint.push_str(&format!(" --year {year}"));
        }
        if let Some(from) = from {
            hint.push_str(&format!(
                " --from {}",
                crate::text::shell_word(&from.display().to_string())
            ));
        }
        hint.push('`');
        Failure::usage(format!(
            "`{}` is inside the plan folder `{}`, which would leave it out as a nested plan: nothing was written",
            crate::text::visible_line(&dir.display().to_string()),
            crate::text::visible_line(&folder.display().to_string())
        ))
        .with_help(hint)
    };
    let given_from = from;
    let dir = resolved(dir);
    let from = from.map(resolved);
    for folder in dir.ancestors().skip(1) {
        if from.as_deref() == Some(folder) {
            return Err(inside(given_from.unwrap_or(folder)));
        }
        let manifest = folder.join("plan.toml");
        if let Ok(text) = fs::read_to_string(&manifest) {
            if !crate::workspace::manifest::is_workspace(&text) {
                // Shown from where `plan` runs, as the user would name it.
                let here = std::env::current_dir().and_then(fs::canonicalize);
                let shown = match here.as_deref().map(|h| folder.strip_prefix(h)) {
                    Ok(Ok(relative)) if !relative.as_os_str().is_empty() => relative,
                    _ => folder,
                };
                return Err(inside(shown));
            }
        }
    }
    if from.as_deref() == Some(dir.as_path()) {
        return Err(inside(given_from.unwrap_or(&dir)));
    }
    Ok(())
}

/// `path` made absolute with its links resolved, as far as it exists (a new folder's
/// path ends in folders not made yet, kept as written).
fn resolved(path: &Path) -> std::path::PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    for existing in absolute.ancestors() {
        if let Ok(real) = existing.canonicalize() {
            let rest = absolute.strip_prefix(existing).unwrap_or(Path::new(""));
            return real.join(rest);
        }
    }
    absolute
}

/// Refuses (exit 2) `--from` a workspace's root: its `plan.toml` has no catalogue or
/// rules to carry over; a member's folder has.
fn refuse_a_workspace(from: &Path) -> Result<(), Failure> {
    match fs::read_to_string(from.join("plan.toml")) {
        Ok(text) if crate::workspace::manifest::is_workspace(&text) => {
            Err(Failure::usage(format!(
                "`{}` is a workspace, not a plan: name one of its members' folders with --from",
                from.display()
            )))
        }
        _ => Ok(()),
    }
}

/// Without `--force`, refuses (exit 1) a `dir` that exists and is not empty.
fn refuse_unless_empty(dir: &Path, force: bool) -> Result<(), Failure> {
    if force || is_empty_or_missing(dir)? {
        return Ok(());
    }
    // Refused like any overwrite without --force: exit 1.
    Err(Failure::invalid(format!(
        "`{}` exists and is not empty: nothing was written",
        dir.display()
    ))
    .with_help(
        "name a new folder, or add --force to write into it (files of the same name are replaced)",
    ))
}

fn is_empty_or_missing(dir: &Path) -> Result<bool, Failure> {
    match fs::read_dir(dir) {
        // The lock file a plan command leaves behind is not content.
        Ok(entries) => Ok(entries
            .flatten()
            .all(|e| e.file_name() == std::ffi::OsStr::new(LOCK_FILE))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Ok(false),
        Err(e) => Err(Failure::usage(format!(
            "cannot read `{}`: {}",
            dir.display(),
            io_reason(&e)
        ))),
    }
}

/// One draft per old initiative with a follow-up: the whole new year, planned, with the
/// old one's tracks, places, partners and tags, and a description that says where it came
/// from. It keeps the old id: the new folder is empty, and the id links the two years.
fn drafts(config: &Config, old: &Plan) -> Vec<(String, String)> {
    let w = words(config.lang_for(old));
    let year = old.manifest.plan.year;
    let mut out = Vec::new();
    // One whose title, period or tracks could not be read has stand-ins for them: no draft.
    let mut sorted: Vec<_> = old
        .initiatives
        .iter()
        .filter(|i| !i.unreadable.required)
        .collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    for init in sorted {
        let Some(follow_up) = init
            .follow_up
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
        else {
            continue;
        };
        let strings = |names: &[crate::model::Name]| -> Vec<String> {
            names.iter().map(|n| n.to_string()).collect()
        };
        let mut tracks = strings(&init.tracks);
        if init.cross_cutting {
            tracks.push(CROSS_CUTTING.to_string());
        }
        let description = (w.follow_up_of)(&FollowUp {
            follow_up,
            title: &init.title,
            id: &init.id,
            year,
            status: w.status(init.status),
        });
        let draft = NewInitiative {
            comments: vec![format!(
                "Follow-up of {} in the {year} plan, {} there (plan init --from).",
                old.file(init.file).relative,
                init.status.as_str()
            )],
            // The old title tells the drafts apart (several follow-ups read alike).
            title: (w.follow_up_title)(&init.title),
            description: Some(description),
            period: "year".into(),
            tracks,
            locations: strings(&init.locations),
            partners: strings(&init.partners),
            tags: strings(&init.tags),
            status: "planned".into(),
            ..NewInitiative::default()
        };
        out.push((format!("{}.toml", init.id), draft.render()));
    }
    out
}
