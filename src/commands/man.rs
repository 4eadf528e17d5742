//! `plan man`: the man page (roff) on standard output; `plan man DIR` writes `plan.1` and
//! one page per subcommand (`plan-check.1` …) into DIR, each with the sections ENVIRONMENT,
//! FILES, EXIT STATUS and EXAMPLES after clap_mangen's own.

use clap::CommandFactory as _;
use clap_mangen::roff::{bold, italic, roman, Roff};

use crate::cli::{Cli, ManArgs};
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::write::{refuse_existing, write_atomic, WriteError};

use super::{Out, Outcome};

pub fn run(_config: &Config, args: &ManArgs, out: Out<'_>) -> Outcome {
    let pages = pages()?;
    match &args.dir {
        None => out.write_all(&pages[0].1)?,
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                Failure::usage(format!(
                    "cannot create `{}`: {}",
                    dir.display(),
                    crate::load::io_reason(&e)
                ))
            })?;
            // Every page can be written (new, or replaced with --force; never a folder), or
            // none is: an older set of pages is replaced whole or not at all.
            for (name, _) in &pages {
                if let Err(e) = refuse_existing(&dir.join(name), args.force) {
                    let failure = Failure::from(&e);
                    let help = if matches!(e, WriteError::Exists(_)) {
                        "use --force to replace the pages in that folder"
                    } else {
                        "move it out of the way first"
                    };
                    return Err(Failure {
                        message: format!("{}: no man page was written", failure.message),
                        help: Some(help.into()),
                        ..failure
                    }
                    .into());
                }
            }
            for (name, bytes) in &pages {
                write_atomic(&dir.join(name), bytes, args.force).map_err(Failure::from)?;
            }
            writeln!(
                out,
                "wrote {} man pages into {}",
                pages.len(),
                crate::text::clean_line(&dir.display().to_string())
            )?;
        }
    }
    Ok(EXIT_OK)
}

/// Every page as (file name, roff): `plan.1` first, then `plan-SUBCOMMAND.1` in the order of
/// the subcommands.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cli = Cli::command();
    cli.build();
    let mut pages = vec![("plan.1".to_string(), page(cli.clone(), None)?)];
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("plan-{}", sub.get_name());
        let command = sub
            .clone()
            .name(name.clone())
            .bin_name(format!("plan {}", sub.get_name()))
            .version(env!("CARGO_PKG_VERSION"));
        pages.push((format!("{name}.1"), page(command, Some(sub.get_name()))?));
    }
    Ok(pages)
}

fn page(command: clap::Command, sub: Option<&str>) -> std::io::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(command);
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    if sub.is_none() {
        man.render_subcommands_section(&mut out)?;
    }
    extra_sections(sub).to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// ENVIRONMENT, FILES, EXIT STATUS and EXAMPLES for the page of `sub` (`None`: `plan`).
fn extra_sections(sub: Option<&str>) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    let mut env: Vec<(&str, &str)> = vec![
        (
            "PLAN_DIR",
            "The plan folder, as --plans DIR (the flag wins).",
        ),
        (
            "PLAN_TODAY",
            "The as-of date, YYYY-MM-DD, as --today (the flag wins).",
        ),
        (
            "NO_COLOR",
            "When set and not empty, no colour (unless --color always).",
        ),
        (
            "CLICOLOR, CLICOLOR_FORCE, TERM",
            "CLICOLOR=0 turns colour off, CLICOLOR_FORCE on even through a pipe; TERM=dumb off.",
        ),
    ];
    if matches!(sub, None | Some("check")) {
        env.push(("PLAN_CHECK_FORMAT", "The default of plan check --format (text, concise, json, github, gitlab, sarif, junit)."));
    }
    for (name, text) in env {
        roff.control("TP", [])
            .text([bold(name)])
            .text([roman(text)]);
    }
    roff.control("SH", ["FILES"]);
    let files = [
        ("plans/", "The plan folder, when neither --plans nor PLAN_DIR names one: the nearest folder upward from the current one that holds plan.toml or a plans/ folder, never above the repository root (the folder holding .git)."),
        ("plans/plan.toml", "The plan: title, year, language, the catalogue of tracks and places, and [rules] (with [rules.severity])."),
        ("plans/**/*.toml", "One initiative per file; the file name is its id. Hidden files and folders are skipped."),
    ];
    for (name, text) in files {
        roff.control("TP", [])
            .text([italic(name)])
            .text([roman(text)]);
    }
    roff.control("SH", ["EXIT STATUS"]);
    let codes = [
        ("0", "All good (check: no errors; with --strict, no warnings either; always with --exit-zero)."),
        ("1", "The plan has errors (check; with --strict, warnings too), a change was refused because it would make the plan invalid, the input to a command cannot be used (a memo to import), or a file to write exists (without --force)."),
        ("2", "Usage error, or the folder or a file could not be read or written."),
    ];
    for (code, text) in codes {
        roff.control("TP", [])
            .text([bold(code)])
            .text([roman(text)]);
    }
    roff.control("SH", ["EXAMPLES"]);
    for (command, text) in examples(sub) {
        roff.control("TP", [])
            .text([bold(*command)])
            .text([roman(*text)]);
    }
    roff
}

/// The examples on a page: (command line, what it does).
fn examples(sub: Option<&str>) -> &'static [(&'static str, &'static str)] {
    match sub {
        None => &[
            (
                "plan --today 2017-05-15 status",
                "Where the plan stood in mid-May 2017.",
            ),
            ("plan check", "The plan against its rules."),
            (
                "plan report --quarter Q2 -o memo.md",
                "The memo for the second quarter, into a file.",
            ),
        ],
        Some("check") => &[
            (
                "plan check",
                "Every finding, rustc style, and a closing line.",
            ),
            (
                "plan check --format github",
                "Annotations on a GitHub pull request.",
            ),
            (
                "plan check --format sarif -o plan.sarif",
                "A SARIF log for code scanning.",
            ),
            (
                "plan check --format gitlab -o gl-code-quality-report.json",
                "A GitLab Code Quality report.",
            ),
            (
                "plan check --format junit -o plan-check.xml",
                "A JUnit report for Jenkins or Azure Pipelines.",
            ),
            (
                "plan check --warn min-per-track",
                "Keep a track that is still short a warning while the year runs.",
            ),
            (
                "plan check --statistics",
                "How many findings each rule made.",
            ),
        ],
        Some("explain") => &[
            ("plan explain", "Every rule with its default level."),
            (
                "plan explain unknown-track",
                "What unknown-track checks, why, an example and its fix.",
            ),
        ],
        Some("status") => &[(
            "plan --today 2017-05-15 status",
            "The dashboard as of 15 May 2017.",
        )],
        Some("list") => &[
            (
                "plan list --track Hygge --period Q2",
                "The second quarter's initiatives on one track.",
            ),
            ("plan list --late --format csv", "What is late, as CSV."),
        ],
        Some("show") => &[("plan show laeseklub", "One initiative in full.")],
        Some("report") => &[(
            "plan report --quarter Q2 --format html -o memo.html",
            "The memo as HTML.",
        )],
        Some("new") => &[(
            "plan new \"Læseklub\" --period Q2 --track Hygge",
            "A new initiative file.",
        )],
        Some("set") => &[(
            "plan set laeseklub status=done",
            "Mark an initiative done, keeping comments.",
        )],
        Some("note") => &[(
            "plan note laeseklub Første møde holdt",
            "Append a dated note.",
        )],
        Some("import") => &[(
            "plan import handleplan.tsv --dry-run",
            "Show what the table would become.",
        )],
        Some("init") => &[(
            "plan init plans-2018 --year 2018 --from plans",
            "Next year's plan from this year's.",
        )],
        Some("completions") => &[(
            "plan completions bash > ~/.local/share/bash-completion/completions/plan",
            "Completion for bash.",
        )],
        Some("man") => &[
            ("plan man | man -l -", "Read the page for plan."),
            (
                "plan man target/man",
                "Write plan.1 and plan-check.1 … into target/man.",
            ),
        ],
        Some("calendar") => &[(
            "plan calendar -o handleplan.ics",
            "Deadlines and quarter ends, for Outlook, Google or Apple calendars.",
        )],
        Some("history") => &[(
            "plan history --from-git --dry-run",
            "What the commits of the plan's files would add to its dated history.",
        )],
        Some("schema") => &[(
            "plan schema --write",
            "The JSON Schemas in .plan/schema/, for editors that check TOML while typing.",
        )],
        Some(_) => &[],
    }
}
