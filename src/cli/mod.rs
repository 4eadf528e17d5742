//! The command line, as clap sees it. Resolved into a `Config` by `config.rs`.

mod reading;
mod values;
mod writing;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use reading::*;
pub use values::*;
pub use writing::*;

#[derive(Debug, Parser)]
#[command(
    name = "plan",
    version,
    about = "Keep a yearly action plan as plain TOML files, check it, and show where it stands",
    long_about = "Keep a yearly action plan as plain TOML files — one file per initiative in a \
plans/ folder — check it against the plan's rules, and show where it stands.\n\n\
Exit codes: 0 all good; 1 the plan has errors (check; with --strict, warnings too), a \
change was refused because it would make the plan invalid, the input to a command cannot be \
used (a memo to import), or a file to write exists (without --force); 2 usage error, or the \
folder or a file could not be read or written."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// The plan folder [default: the nearest folder upward that has plan.toml or plans/, up to the repository root]
    #[arg(
        long,
        global = true,
        env = "PLAN_DIR",
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub plans: Option<PathBuf>,
    /// Judge progress as of this date, YYYY-MM-DD [default: $PLAN_TODAY, else today]
    #[arg(
        long,
        global = true,
        value_name = "DATE",
        help_heading = "Global options"
    )]
    pub today: Option<String>,
    /// Language of reports and status text [default: the plan's language]
    #[arg(long, global = true, value_enum, help_heading = "Global options")]
    pub lang: Option<Lang>,
    /// When to use colour on standard output and standard error (auto honours NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        help_heading = "Global options"
    )]
    pub color: ColorChoice,
    /// Say on standard error which plan folder was used, how many files were read, and how long it took
    #[arg(long, short = 'v', global = true, help_heading = "Global options")]
    pub verbose: bool,
    /// Work across the members of the workspace above the plan folder (the default at a workspace root)
    #[arg(long, global = true, help_heading = "Global options")]
    pub workspace: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Da,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// The `--color` choice read from the raw arguments before clap parses them, so that
    /// clap's own help and errors follow it too: the last `--color WHEN` or `--color=WHEN`
    /// before a `--`. `Auto` when there is none, or when WHEN is not a choice (clap then
    /// reports that usage error).
    pub fn from_args<I, S>(args: I) -> ColorChoice
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut choice = ColorChoice::Auto;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let arg = arg.as_ref().to_string_lossy().into_owned();
            let value = match arg.as_str() {
                "--" => break,
                "--color" => args
                    .next()
                    .map(|v| v.as_ref().to_string_lossy().into_owned()),
                _ => arg.strip_prefix("--color=").map(str::to_string),
            };
            if let Some(v) = value.and_then(|v| ColorChoice::from_str(&v, false).ok()) {
                choice = v;
            }
        }
        choice
    }
}

impl From<ColorChoice> for anstream::ColorChoice {
    fn from(choice: ColorChoice) -> Self {
        match choice {
            ColorChoice::Auto => anstream::ColorChoice::Auto,
            ColorChoice::Always => anstream::ColorChoice::Always,
            ColorChoice::Never => anstream::ColorChoice::Never,
        }
    }
}

impl From<ColorChoice> for clap::ColorChoice {
    fn from(choice: ColorChoice) -> Self {
        match choice {
            ColorChoice::Auto => clap::ColorChoice::Auto,
            ColorChoice::Always => clap::ColorChoice::Always,
            ColorChoice::Never => clap::ColorChoice::Never,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the plan against its rules; every problem, with file:line:column
    #[command(after_help = crate::check::rule::help_text())]
    Check(CheckArgs),
    /// Where the plan stands: totals, quarters, tracks, what needs attention
    Status(StatusArgs),
    /// A table of initiatives, with filters
    List(ListArgs),
    /// One initiative in full, with what depends on it
    Show(ShowArgs),
    /// The quarterly memo, in Danish or English
    Report(ReportArgs),
    /// Write a new initiative file
    New(NewArgs),
    /// Change fields of an initiative, keeping comments and layout
    Set(SetArgs),
    /// Add a dated progress note to an initiative, where its date belongs in the log
    Note(NoteArgs),
    /// Fill in the dated history from git: the commits that changed status, funding or period
    History(HistoryArgs),
    /// Turn an action-plan table (tab-separated text) into initiative files
    Import(ImportArgs),
    /// Start a new plan folder, optionally from last year's
    Init(InitArgs),
    /// Print the JSON Schema of an initiative file or plan.toml, for editors (taplo); --write puts both into .plan/schema/
    Schema(SchemaArgs),
    /// Deadlines and quarter ends as an iCalendar file, for Outlook, Google and Apple calendars
    Calendar(CalendarArgs),
    /// What a rule checks, why, a failing example and its fix; without RULE, every rule
    Explain(ExplainArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand into a folder
    Man(ManArgs),
}

impl Command {
    /// Whether the command reads no date: what it prints is the same on every day (`explain`,
    /// `completions`, `man`, `schema`). `PLAN_TODAY` set to something that is no date is
    /// then no reason to fail: `source <(plan completions bash)` in a shell's start-up file
    /// would break without a word.
    pub fn reads_no_date(&self) -> bool {
        matches!(
            self,
            Command::Explain(_) | Command::Completions(_) | Command::Man(_) | Command::Schema(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_help_lists_the_rule_table() {
        use clap::CommandFactory;
        let mut cli = Cli::command();
        let check = cli.find_subcommand_mut("check").expect("check");
        let help = check.render_long_help().to_string();
        assert!(
            help.trim_end().ends_with(&crate::check::rule::help_text()),
            "{help}"
        );
        for info in &crate::check::RULES {
            let line = help
                .lines()
                .find(|l| l.split_whitespace().next() == Some(info.rule.name()))
                .unwrap_or_else(|| panic!("{} is not in check --help", info.rule));
            assert!(
                line.contains(info.severity.name()) && line.ends_with(info.summary),
                "{line}"
            );
        }
    }

    #[test]
    fn the_colour_choice_is_read_before_clap() {
        let choice = |args: &[&str]| ColorChoice::from_args(args.iter().copied());
        assert_eq!(choice(&["plan", "status"]), ColorChoice::Auto);
        assert_eq!(
            choice(&["plan", "--color", "never", "--help"]),
            ColorChoice::Never
        );
        assert_eq!(
            choice(&["plan", "list", "--color=always"]),
            ColorChoice::Always
        );
        assert_eq!(
            choice(&["plan", "--color=never", "x", "--color", "always"]),
            ColorChoice::Always
        );
        assert_eq!(choice(&["plan", "--color", "purple"]), ColorChoice::Auto);
        assert_eq!(choice(&["plan", "--", "--color=never"]), ColorChoice::Auto);
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
