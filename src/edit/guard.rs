//! Which file a command changes, and the check every change passes before it is written:
//! a change that brings a new error is refused and nothing is written.

use std::collections::HashMap;
use std::io::Write as _;

use crate::check::check;
use crate::diag::{Diagnostic, Severity};
use crate::error::Failure;
use crate::load::with_files;
use crate::model::Plan;
use crate::parse::is_valid_id;
use crate::render::diagnostics;
use crate::suggest::did_you_mean;

/// The file of initiative `id` in a loaded plan: its index in `plan.files`.
pub fn find_file(plan: &Plan, id: &str) -> Result<usize, Failure> {
    // As `plan show` does: `udearealer.toml` or a path typed from a listing names the id.
    let id = id.trim().trim_end_matches(".toml");
    let id = id.rsplit('/').next().unwrap_or(id);
    let first = usize::from(plan.has_manifest);
    if is_valid_id(id) {
        if let Some(i) = (first..plan.files.len()).find(|&i| plan.files[i].stem() == id) {
            return Ok(i);
        }
    }
    // A file whose name is not a valid id (`Udearealer.toml`): say so, and how to rename it.
    // (Also when the id is typed as it should be: `udearealer` for `Udearealer.toml`.)
    let named = |stem: &str| {
        stem == id || (!is_valid_id(stem) && crate::slug::slugify(stem) == crate::slug::slugify(id))
    };
    if let Some(i) = (first..plan.files.len()).find(|&i| named(plan.files[i].stem())) {
        let file = &plan.files[i];
        let id = file.stem();
        let shown = crate::text::clean_line(&file.display());
        let lower = crate::slug::suggested_id(id);
        let wanted = file.path().with_file_name(format!("{lower}.toml"));
        let clash = (first..plan.files.len())
            .find(|&j| j != i && plan.files[j].stem() == lower)
            .map(|j| crate::text::clean_line(&plan.files[j].display()));
        let mut failure = Failure::invalid(format!(
            "`{shown}` cannot be changed: its file name is not a valid id (lowercase letters a-z, digits and '-', at most 64 characters)"
        ));
        failure = match clash {
            Some(other) => failure.with_help(format!(
                "`{other}` has the id `{lower}` already: the two files clash; give this one another name that is a valid id, e.g. `{}`",
                unique_id_near(&lower, plan)
            )),
            None if !lower.is_empty() => failure.with_help(format!(
                "rename it: mv {} {}",
                crate::text::shell_word(&file.path().display().to_string()),
                crate::text::shell_word(&wanted.display().to_string())
            )),
            None => failure,
        };
        return Err(failure);
    }
    if let Some(failure) = plan.not_read(id) {
        return Err(failure);
    }
    let ids = plan.all_ids().filter(|known| *known != id);
    let help = did_you_mean(id, ids)
        .unwrap_or_else(|| "`plan list` shows the ids (an id is a file name without .toml)".into());
    Err(Failure::usage(format!("no initiative has the id `{id}`")).with_help(help))
}

/// A free id beside `id` in the plan, as a file name.
fn unique_id_near(id: &str, plan: &Plan) -> String {
    format!(
        "{}.toml",
        super::unique_id(id, &plan.all_ids().collect::<Vec<_>>())
    )
}

/// What a change does to the plan's findings.
pub struct Checked {
    /// The plan as it would be after the change.
    pub plan: Plan,
    /// Errors in files that the change brings: any one refuses it.
    pub errors: Vec<Diagnostic>,
    /// Warnings it brings: shown, but the change is written.
    pub warnings: Vec<Diagnostic>,
}

/// Checks the plan with `changes` (relative path → new text) applied, with every rule of
/// `plan check`, and returns the findings that are new. Findings about the plan as a whole
/// (`min-per-track`) never refuse a change: a plan is filled one initiative at a time.
pub fn check_change(plan: &Plan, changes: &[(String, String)]) -> Checked {
    let key = |p: &Plan, d: &Diagnostic| {
        let file = d.file.map(|f| p.file(f).relative.clone());
        (d.rule, file, d.message.clone())
    };
    let mut before: HashMap<_, usize> = HashMap::new();
    for d in check(plan) {
        *before.entry(key(plan, &d)).or_default() += 1;
    }
    let after = with_files(plan, changes);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for mut d in check(&after) {
        if d.file.is_none() {
            continue;
        }
        // A refused change is not for `plan check --fix` to mend.
        d.fix = None;
        if let Some(n) = before.get_mut(&key(&after, &d)).filter(|n| **n > 0) {
            *n -= 1;
            continue;
        }
        match d.severity {
            Severity::Error => errors.push(d),
            Severity::Warning => warnings.push(d),
            Severity::Note => {}
        }
    }
    Checked {
        plan: after,
        errors,
        warnings,
    }
}

/// Checks a change; prints new warnings, and refuses (prints the errors, exit 1) when the
/// change brings an error. `what` names the change in the refusal ("`plans/x.toml`").
pub fn ensure_valid(
    plan: &Plan,
    changes: &[(String, String)],
    what: &str,
) -> Result<(), anyhow::Error> {
    let checked = check_change(plan, changes);
    let mut err = crate::stdio::stderr();
    // Findings go to standard error without colour: they explain a refusal or a warning,
    // and standard output stays for what the command produced.
    diagnostics::text(&checked.plan, &checked.warnings, false, &mut err)?;
    if checked.errors.is_empty() {
        return Ok(());
    }
    diagnostics::text(&checked.plan, &checked.errors, false, &mut err)?;
    err.flush()?;
    let n = checked.errors.len();
    Err(Failure::invalid(format!(
        "{what} would not pass `plan check` ({n} error{}): nothing was written",
        if n == 1 { "" } else { "s" }
    ))
    .into())
}
