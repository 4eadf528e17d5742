//! Every command at a workspace root (or with `--workspace`): across the members.
//!
//! - `status`, `list`, `report`: the network's dashboard, list and memo;
//! - `check`: every member's findings in one run, with the member's path, one exit code;
//! - `show MEMBER/ID` (or a plain ID found in one member only);
//! - `set`, `note`: `MEMBER/ID`; `new`: `--id MEMBER/ID` (or `MEMBER/` for the title's
//!   slug); `import`, `calendar`, `schema` and `check --fix`: refused, they work on one plan;
//! - `init`, `explain`, `completions`, `man` do not read a plan: run as elsewhere.

use std::io::Write as _;

use crate::assess::network::{LeftOut, MemberPlan};
use crate::cli::{CheckArgs, Command, ShowArgs};
use crate::config::Config;
use crate::error::Failure;
use crate::model::Plan;
use crate::text::clean_line;
use crate::workspace::{Member, Workspace};

use super::{load, load_unless_manifest_errors, Out, TO_READ};

mod views;
use views::{list, report, status};

/// Runs `command` across the workspace when the plan folder is a workspace root or
/// `--workspace` is given (`wanted`). `Ok(None)`: not a workspace command; run it as usual.
pub fn run(
    config: &Config,
    wanted: bool,
    command: &Command,
    out: Out<'_>,
) -> anyhow::Result<Option<u8>> {
    if matches!(
        command,
        Command::Init(_) | Command::Explain(_) | Command::Completions(_) | Command::Man(_)
    ) {
        return Ok(None);
    }
    let Some(ws) = Workspace::for_config(config, wanted)? else {
        return Ok(None);
    };
    if config.verbose {
        let _ = writeln!(
            crate::stdio::stderr(),
            "info: plan folder `{}` is a workspace with {} member{}",
            clean_line(&ws.dir.display().to_string()),
            ws.members.len(),
            if ws.members.len() == 1 { "" } else { "s" }
        );
    }
    let manifest_errors = ws.manifest_errors();
    if manifest_errors > 0 && !matches!(command, Command::Check(_)) {
        // Every mistake of the manifest, as `plan check` shows it, then why nothing ran.
        let plan = manifest_plan(&ws);
        crate::render::check::text::text(
            &plan,
            &ws.manifest_findings,
            config.color_stderr,
            &mut crate::stdio::stderr(),
        )?;
        return Err(Failure::invalid(format!(
            "the workspace manifest `{}` has {manifest_errors} error{}: nothing was run",
            crate::text::visible_line(&ws.manifest_file.display()),
            if manifest_errors == 1 { "" } else { "s" }
        ))
        .with_help("a workspace manifest holds only [workspace] with members = [\"folder\", \"libraries/*\"] and optional exclude, title and language")
        .into());
    }
    let code = match command {
        Command::Check(args) => check_all(&ws, config, args, out)?,
        Command::Status(args) => status(&ws, config, args, out)?,
        Command::List(args) => list(&ws, config, args, out)?,
        Command::Report(args) => report(&ws, config, args, out)?,
        Command::Show(args) => {
            let (member, id) = find_id(&ws, config, &args.id, true)?;
            let args = ShowArgs { id };
            super::show::run(&ws.member_config(config, member), &args, out)?
        }
        Command::Set(args) => {
            let (member, id) = find_id(&ws, config, &args.id, false)?;
            let mut args = args.clone();
            args.id = id;
            super::set::run(&ws.member_config(config, member), &args, out)?
        }
        Command::Note(args) => {
            let (member, id) = find_id(&ws, config, &args.id, false)?;
            let mut args = args.clone();
            args.id = id;
            super::note::run(&ws.member_config(config, member), &args, out)?
        }
        Command::New(args) => {
            let given = args.id.as_deref().unwrap_or_default();
            let Some((name, id)) = given.split_once('/') else {
                return Err(at_root(
                    "new",
                    &ws,
                    "--id MEMBER/ID (or --id MEMBER/ for an id from the title)",
                )
                .into());
            };
            let member = member_named(&ws, name)?;
            let mut args = args.clone();
            args.id = (!id.is_empty()).then(|| id.to_string());
            super::new::run(&ws.member_config(config, member), &args, out)?
        }
        Command::Import(_) => {
            return Err(at_root("import", &ws, "--plans MEMBER_FOLDER").into());
        }
        Command::History(_) => {
            return Err(at_root("history", &ws, "--plans MEMBER_FOLDER").into());
        }
        Command::Calendar(_) | Command::Schema(_) => {
            let name = if matches!(command, Command::Calendar(_)) {
                "calendar"
            } else {
                "schema"
            };
            return Err(Failure::usage(format!(
                "`plan {name}` works on one plan: run it inside a member, or give --plans MEMBER_FOLDER"
            ))
            .with_help(format!("the members are: {}", crate::text::visible_line(&member_list(&ws))))
            .into());
        }
        Command::Init(_) | Command::Explain(_) | Command::Completions(_) | Command::Man(_) => {
            return Ok(None)
        }
    };
    Ok(Some(code))
}

fn member_list(ws: &Workspace) -> String {
    ws.members
        .iter()
        .map(|m| m.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A writing command at a workspace root without a member: a usage error.
fn at_root(command: &str, ws: &Workspace, how: &str) -> Failure {
    Failure::usage(format!(
        "`plan {command}` at a workspace root needs the member to write into: {how}"
    ))
    .with_help(format!(
        "the members are: {}",
        crate::text::visible_line(&member_list(ws))
    ))
}

fn member_named<'a>(ws: &'a Workspace, name: &str) -> Result<&'a Member, Failure> {
    ws.member(name).ok_or_else(|| {
        let mut failure = Failure::usage(format!("no workspace member is named `{}`", name));
        failure = failure.with_help(
            crate::suggest::did_you_mean(name, ws.members.iter().map(|m| m.name.as_str()))
                .map(|s| format!("{s} (members: {})", member_list(ws)))
                .unwrap_or_else(|| format!("the members are: {}", member_list(ws))),
        );
        failure
    })
}

/// The member and id `typed` names: `MEMBER/ID`, or (when `plain` is allowed) an id that
/// exactly one member has. An id several members have is a usage error listing them.
fn find_id<'a>(
    ws: &'a Workspace,
    config: &Config,
    typed: &str,
    plain: bool,
) -> anyhow::Result<(&'a Member, String)> {
    if let Some((name, id)) = typed.rsplit_once('/') {
        if let Some(member) = ws.member(name) {
            return Ok((member, id.to_string()));
        }
        // An id has no `/`: what comes before it names a member, and there is none of
        // that name (`list --member` says it the same way).
        return Err(member_named(ws, name).unwrap_err().into());
    }
    if !plain {
        return Err(Failure::usage(format!(
            "at a workspace root, name the initiative as MEMBER/ID, not `{}`",
            typed
        ))
        .with_help(format!(
            "the members are: {}",
            crate::text::visible_line(&member_list(ws))
        ))
        .into());
    }
    let id = typed.trim().trim_end_matches(".toml");
    // A member whose plan.toml has errors cannot be shown: it is a candidate only when no
    // other member has the id (and then says why it cannot be shown).
    let (mut found, mut broken) = (Vec::new(), Vec::new());
    for member in &ws.members {
        let plan = load(&ws.member_config(config, member))?;
        if plan.all_ids().any(|known| known == id) {
            if crate::check::manifest_has_errors(&plan) {
                broken.push(member);
            } else {
                found.push(member);
            }
        }
    }
    if found.is_empty() && broken.len() > 1 {
        let names: Vec<&str> = broken.iter().map(|m| m.name.as_str()).collect();
        return Err(Failure::invalid(format!(
            "the id `{}` is only in members that cannot be shown: the plan.toml of {} has errors",
            id,
            crate::text::visible_line(&names.join(", "))
        ))
        .with_help("`plan check` lists every problem")
        .into());
    }
    if found.is_empty() {
        found = broken;
    }
    match found.as_slice() {
        [one] => Ok((one, id.to_string())),
        [] => Err(Failure::usage(format!(
            "no member of the workspace has an initiative `{}`",
            typed
        ))
        .with_help("run `plan list` to see the ids, and give MEMBER/ID")
        .into()),
        several => {
            let candidates: Vec<String> =
                several.iter().map(|m| format!("{}/{id}", m.name)).collect();
            Err(
                Failure::usage(format!("the id `{}` is in several members", id))
                    .with_help(format!(
                        "name one of them: {}",
                        crate::text::visible_line(&candidates.join(", "))
                    ))
                    .into(),
            )
        }
    }
}

/// Loads the members (all, or those `only` names), for a command that shows them, and
/// what it leaves out: a member whose `plan.toml` has errors is left out with a warning
/// (its findings on standard error) and the others are shown; a member's initiative files
/// with errors are named as a single plan's are. Each member's plan is turned back to the
/// day `as_of` gives for it ([`crate::assess::history::rewind`]), as one plan's views are:
/// the network's memo of a closed quarter describes every member at that quarter's close.
/// Errors: an unknown member in `only`; a member folder that cannot be read; every member
/// wanted left out (exit 1).
fn load_members(
    ws: &Workspace,
    config: &Config,
    only: &[String],
    as_of: &dyn Fn(&crate::model::Plan) -> chrono::NaiveDate,
) -> anyhow::Result<(Vec<MemberPlan>, Vec<LeftOut>)> {
    for name in only {
        member_named(ws, name)?;
    }
    let mut plans = Vec::new();
    let mut left_out = Vec::new();
    for member in &ws.members {
        if !only.is_empty() && !only.iter().any(|n| ws.member(n) == Some(member)) {
            continue;
        }
        let loaded =
            load_unless_manifest_errors(&ws.member_config(config, member), TO_READ, &|p| {
                ws.is_member_folder(p)
            })?;
        let (
            mut plan,
            super::Excluded {
                files,
                nested_plans,
            },
        ) = match loaded {
            Ok(loaded) => loaded,
            Err(broken) => {
                super::warn(
                    config,
                    &format!(
                        "the member `{}` is left out: `{}` has errors, so its year and rules cannot be trusted",
                        clean_line(&member.name),
                        clean_line(&broken.manifest)
                    ),
                )?;
                writeln!(
                    crate::stdio::stderr(),
                    "help: `plan check --plans {}` lists them",
                    crate::text::shell_word(&member.path.display().to_string())
                )?;
                left_out.push(LeftOut {
                    member: member.name.clone(),
                    whole: true,
                    files: vec![broken.manifest],
                    nested_plans: Vec::new(),
                });
                continue;
            }
        };
        if !files.is_empty() || !nested_plans.is_empty() {
            left_out.push(LeftOut {
                member: member.name.clone(),
                whole: false,
                files,
                nested_plans,
            });
        }
        let day = as_of(&plan);
        let rewound = crate::assess::history::rewind(&mut plan, day);
        plans.push(MemberPlan {
            undated: rewound.undated_status,
            name: member.name.clone(),
            path: member.path.display().to_string().replace('\\', "/"),
            plan,
        });
    }
    if plans.is_empty() && !left_out.is_empty() {
        let broken: Vec<&str> = left_out.iter().map(|l| l.member.as_str()).collect();
        return Err(Failure::invalid(format!(
            "no member can be shown: the plan.toml of {} has errors",
            crate::text::visible_line(&broken.join(", "))
        ))
        .with_help("`plan check` lists every problem")
        .into());
    }
    Ok((plans, left_out))
}

/// Every member checked, the findings gathered into one plan-shaped list (every member's
/// files one after the other, each finding moved to its file's new place), so that every
/// check format writes one document and the run has one exit code.
/// A plan-shaped list holding only the workspace's manifest file, for its findings.
fn manifest_plan(ws: &Workspace) -> Plan {
    let mut plan = Plan {
        dir: ws.dir.clone(),
        manifest: crate::parse::default_manifest(),
        has_manifest: false,
        files: vec![ws.manifest_file.clone()],
        initiatives: Vec::new(),
        diagnostics: Vec::new(),
        unknown_names: Vec::new(),
        skipped: Vec::new(),
        levels: Default::default(),
    };
    plan.manifest.plan.title = ws.manifest.title.clone();
    plan
}

/// `not-a-member`: the workspace folder's initiative files no member holds and its plan
/// folders that are not members ([`Workspace::strays`]), at their paths as shown.
fn stray_findings(ws: &Workspace) -> Vec<crate::check::Diagnostic> {
    use crate::check::entries::{outside_members, Outside};
    let strays = ws.strays();
    let files = strays.files.iter().map(|f| {
        // Beside the workspace's plan.toml: its folder is the workspace, no member.
        let beside = f.parent().is_none_or(|p| p.as_os_str().is_empty());
        let kind = if beside {
            Outside::FileBesideManifest
        } else {
            Outside::File
        };
        outside_members(&ws.shown(f), kind)
    });
    let plans = strays
        .plans
        .iter()
        .map(|p| outside_members(&ws.shown(p), Outside::Plan));
    files.chain(plans).collect()
}

fn check_all(
    ws: &Workspace,
    config: &Config,
    args: &CheckArgs,
    out: Out<'_>,
) -> anyhow::Result<u8> {
    super::check::refuse_before_checking(args)?;
    if args.fix || args.diff {
        return Err(Failure::usage(
            "`plan check --fix` and `--diff` work on one plan, not at a workspace root",
        )
        .with_help(if ws.members.is_empty() {
            "run them inside a member, or with --plans MEMBER_FOLDER; the workspace's plan.toml is mended by hand".to_string()
        } else {
            format!(
                "run them inside a member, or with --plans MEMBER_FOLDER (members: {})",
                crate::text::visible_line(&member_list(ws))
            )
        })
        .into());
    }
    // The workspace's own plan.toml is the first file: its mistakes are findings too.
    let mut all = manifest_plan(ws);
    // A member's sub-folder that is a member too is a nested plan the workspace checks
    // already: no `nested-plan` note sends the user to check it on its own.
    let a_member = |d: &crate::check::Diagnostic| {
        d.rule == crate::check::Rule::NestedPlan
            && d.path.as_deref().is_some_and(|p| ws.is_member_folder(p))
    };
    // The workspace's own findings at the levels given for the run (its manifest has no
    // `[rules]`): `--allow not-a-member` silences them, `--deny` makes them errors.
    let levels = super::check::levels(args)?;
    let mut diags: Vec<_> = ws
        .manifest_findings
        .iter()
        .cloned()
        .chain(stray_findings(ws))
        .filter_map(|mut d| match levels.get(&d.rule) {
            Some(Some(level)) => {
                d.severity = *level;
                Some(d)
            }
            Some(None) => None,
            None => Some(d),
        })
        .collect();
    let mut waiting = Vec::new();
    for member in &ws.members {
        let mut plan = load(&ws.member_config(config, member))?;
        plan.set_levels(super::check::levels(args)?);
        let offset = all.files.len();
        waiting.extend(super::check::waiting_for(&plan));
        for mut d in super::check::member_findings(&plan) {
            if a_member(&d) {
                continue;
            }
            // Fixes are applied inside a member (`--fix` is refused here): not offered.
            d.fix = None;
            d.file = match d.file {
                Some(f) => Some(f + offset),
                // A finding on the whole plan is placed on the member's plan.toml, or without
                // one on the member's folder; one on an entry of the folder (a nested plan, a
                // link out) keeps its path.
                None if d.path.is_some() => None,
                None if plan.has_manifest => Some(offset),
                None => {
                    d.path = Some(member.path.display().to_string().replace('\\', "/"));
                    None
                }
            };
            diags.push(d);
        }
        all.files.append(&mut plan.files);
    }
    super::check::finish(config, args, &all, diags, &waiting, out)
}
