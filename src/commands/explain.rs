//! `plan explain [RULE]`: a rule from the rule table — what it checks and why, a failing
//! example and its fix — or, without RULE, every rule with its default level and summary.
//! An unknown name is clap's usage error (exit 2), with the nearest rule suggested.

use crate::check::rule::{help_text, RuleInfo};
use crate::check::Rule;
use crate::cli::ExplainArgs;
use crate::config::Config;
use crate::error::EXIT_OK;

use super::{Out, Outcome};

pub fn run(_config: &Config, args: &ExplainArgs, out: Out<'_>) -> Outcome {
    match args.rule {
        Some(rule) => out.write_all(explain(rule).as_bytes())?,
        None => {
            writeln!(out, "{}", help_text())?;
            writeln!(out, "\n`plan explain RULE` explains one.")?;
        }
    }
    Ok(EXIT_OK)
}

/// One rule, explained: name and default level, summary, explanation, the example that
/// fails and the fix, each indented by four spaces.
pub fn explain(rule: Rule) -> String {
    let RuleInfo {
        severity,
        summary,
        explanation,
        example,
        fix,
        ..
    } = rule.info();
    let indent = |text: &str| -> String {
        text.lines()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    };
    let mut wrapped = crate::text::wrap(explanation, 88, "", "").join("\n");
    if let Some(fixable) = rule.fixable() {
        let line =
            format!("`plan check --fix` fixes {fixable}, when the fix brings no new finding.");
        wrapped = format!(
            "{wrapped}\n\n{}",
            crate::text::wrap(&line, 88, "", "").join("\n")
        );
    }
    // A rule of the workspace folder is judged at its root, whose plan.toml has no [rules].
    let level = if rule.of_workspace() {
        format!("Change its level for a run: plan check --deny/--warn/--allow {rule} (a workspace's plan.toml has no [rules]).")
    } else {
        format!("Change its level in plan.toml ([rules.severity] {rule} = \"error\" | \"warning\" | \"note\" | \"off\") \
         or for one run (plan check --deny/--warn/--allow {rule}).")
    };
    format!(
        "{rule} ({} by default): {summary}\n\n{wrapped}\n\nThis fails:\n\n{}\nFixed:\n\n{}\n{level}\n",
        severity.name(),
        indent(example),
        indent(fix),
    )
}
