//! The command line, as clap sees it. Resolved into a `Config` by `config.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "plan",
    version,
    about = "Keep a yearly action plan as plain TOML files, check it, and show where it stands",
    long_about = "Keep a yearly action plan as plain TOML files — one file per initiative in a \
plans/ folder — check it against the plan's rules, and show where it stands.\n\n\
Exit codes: 0 all good; 1 the plan has errors (check; with --strict, warnings too), or a \
change was refused because it would make the plan invalid; 2 usage error, or the folder or a \
file could not be read or written."
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

/// A value parser for an option whose words the command parses itself (in English and in
/// Danish, `2. kvartal`, `færdig`): any text is accepted here, and the file words (`Q2`,
/// `done`) are offered to shell completion as possible values, hidden from `--help`, which
/// names them in prose.
#[derive(Clone, Copy)]
pub struct Words(fn() -> Vec<&'static str>);

impl Words {
    /// The periods as written in files: `year`, `Q1` … `Q4`.
    pub const PERIODS: Words = Words(|| {
        crate::model::Period::ALL
            .iter()
            .map(|p| p.as_str())
            .collect()
    });
    /// The quarters: `Q1` … `Q4`.
    pub const QUARTERS: Words = Words(|| {
        crate::model::Period::ALL
            .iter()
            .map(|p| p.as_str())
            .filter(|p| p.starts_with('Q'))
            .collect()
    });
    /// The statuses as written in files: `planned`, `active` ….
    pub const STATUSES: Words = Words(|| {
        crate::model::Status::ALL
            .iter()
            .map(|s| s.as_str())
            .collect()
    });
}

impl clap::builder::TypedValueParser for Words {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
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

/// `plan check --format`: where the findings go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc style, with the source line (the default)
    Text,
    /// One line a finding: file:line:col: severity[rule] message
    Concise,
    /// One JSON document: plan, summary, diagnostics
    Json,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// GitLab Code Quality report (JSON)
    Gitlab,
    /// SARIF 2.1.0 (GitHub code scanning, Azure DevOps)
    Sarif,
    /// JUnit XML (Jenkins, Azure Pipelines), a test suite per file
    Junit,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format
    #[arg(
        long,
        value_enum,
        env = "PLAN_CHECK_FORMAT",
        default_value_t = CheckFormat::Text
    )]
    pub format: CheckFormat,
    /// Write the findings to FILE (atomically, replacing it) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Treat warnings as errors (exit 1)
    #[arg(long)]
    pub strict: bool,
    /// Apply every sure fix (findings marked fixable), keeping comments and layout; then check again
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff and write nothing (exit 1 if there are any)
    #[arg(long, conflicts_with_all = ["output", "statistics", "quiet"])]
    pub diff: bool,
    /// With --fix or --diff: also write track and place aliases as the catalogue's names
    #[arg(long)]
    pub canonical: bool,
    /// Make RULE an error, over [rules.severity] (rules: below, or `plan explain`); repeat for several
    #[arg(long, value_enum, value_name = "RULE", hide_possible_values = true)]
    pub deny: Vec<crate::check::Rule>,
    /// Make RULE a warning (over [rules.severity]); repeat for several
    #[arg(long, value_enum, value_name = "RULE", hide_possible_values = true)]
    pub warn: Vec<crate::check::Rule>,
    /// Turn RULE off (over [rules.severity]); repeat for several
    #[arg(long, value_enum, value_name = "RULE", hide_possible_values = true)]
    pub allow: Vec<crate::check::Rule>,
    /// Exit 0 even when there are errors (2 still means the folder could not be read)
    #[arg(long)]
    pub exit_zero: bool,
    /// Print how many findings each rule made instead of the findings (text, or JSON with --format json)
    #[arg(long)]
    pub statistics: bool,
    /// Print only errors: no warnings, no closing line
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's name, e.g. unknown-track [default: list every rule]
    #[arg(value_enum)]
    pub rule: Option<crate::check::Rule>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write plan.1 and one page per subcommand (plan-check.1 …) into DIR instead of printing plan.1
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Markdown,
    Csv,
    Json,
    // Excel workbook (binary: to -o FILE or a redirected standard output)
    Xlsx,
}

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Only initiatives on this track (name or alias, any case); cross-cutting ones are shown too, marked
    #[arg(long)]
    pub track: Option<String>,
    /// Only this period: year, Q1..Q4 (also år, "2. kvartal", 2)
    #[arg(long, value_parser = Words::PERIODS, hide_possible_values = true)]
    pub period: Option<String>,
    /// Only initiatives in this place (name or alias, any case)
    #[arg(long)]
    pub location: Option<String>,
    /// Only this status: planned, active, done, postponed, cancelled (also in Danish: færdig …)
    #[arg(long, value_parser = Words::STATUSES, hide_possible_values = true)]
    pub status: Option<String>,
    /// Only initiatives with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only initiatives that are late as of the as-of date
    #[arg(long)]
    pub late: bool,
    /// In a workspace: only this member (its folder name); repeat for several
    #[arg(long, value_name = "NAME")]
    pub member: Vec<String>,
    /// Output format [default: from -o's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
    /// CSV field separator: `;`, `,`, `|` or `tab` [default: `;` for Danish, `,` for English]
    #[arg(long, value_name = "CHAR", value_parser = Delimiter::parse)]
    pub delimiter: Option<Delimiter>,
}

#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The initiative's id (its file name without .toml)
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Text,
    Html,
    Csv,
    Json,
    // Excel workbook (binary: to -o FILE or a redirected standard output)
    Xlsx,
    // Word document (binary: to -o FILE or a redirected standard output)
    Docx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The quarter: Q1, Q2, Q3 or Q4
    #[arg(long, short = 'q', value_parser = Words::QUARTERS, hide_possible_values = true)]
    pub quarter: String,
    /// Output format [default: from -o's extension, else markdown]
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
    /// CSV field separator: `;`, `,`, `|` or `tab` [default: `;` for Danish, `,` for English]
    #[arg(long, value_name = "CHAR", value_parser = Delimiter::parse)]
    pub delimiter: Option<Delimiter>,
}

#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The initiative's title
    pub title: String,
    /// year, Q1, Q2, Q3 or Q4 (also år, "2. kvartal")
    #[arg(long, value_parser = Words::PERIODS, hide_possible_values = true)]
    pub period: String,
    /// A track (name or alias); repeat for several
    #[arg(long = "track", required = true, value_name = "TRACK")]
    pub tracks: Vec<String>,
    /// A place; repeat for several
    #[arg(long = "location", value_name = "PLACE")]
    pub locations: Vec<String>,
    /// A partner; repeat for several
    #[arg(long = "partner", value_name = "PARTNER")]
    pub partners: Vec<String>,
    /// A tag; repeat for several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Deadline, YYYY-MM-DD
    #[arg(long)]
    pub deadline: Option<String>,
    /// An id this initiative builds on; repeat for several
    #[arg(long = "depends-on", value_name = "ID")]
    pub depends_on: Vec<String>,
    /// The description
    #[arg(long)]
    pub description: Option<String>,
    /// The id (file name) [default: a slug of the title]
    #[arg(long)]
    pub id: Option<String>,
    /// Sub-folder of the plan folder to write into (e.g. q3); default: the folder holding most of the plan's initiatives of the period, else the root
    #[arg(long)]
    pub folder: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct SetArgs {
    /// The initiative's id
    pub id: String,
    /// KEY=VALUE, KEY=a,b for lists, KEY+=x, KEY-=x, KEY= to clear
    #[arg(required = true, value_name = "KEY=VALUE")]
    pub changes: Vec<String>,
    /// Change the file even if it is read-only
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct NoteArgs {
    /// The initiative's id
    pub id: String,
    /// The note (quotes are optional: the remaining words are the note)
    #[arg(required = true, num_args = 1.., trailing_var_arg = true)]
    pub text: Vec<String>,
    /// Change the file even if it is read-only
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Read each initiative file's past versions from git (the `git` program) and add a dated
    /// [[log]] entry for every commit that changed its status, funding or period
    #[arg(long, required = true)]
    pub from_git: bool,
    /// Print what would be added, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Change files even if they are read-only
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The tab-separated action-plan text
    pub file: PathBuf,
    /// Print what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The new plan folder
    pub dir: PathBuf,
    /// The plan year
    #[arg(long)]
    pub year: i32,
    /// Last year's plan folder: carry over the catalogue, rules and follow-ups
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// The plan title [default: from --from, with the year replaced]
    #[arg(long)]
    pub title: Option<String>,
    /// Write into DIR even if it is not empty (files of the same name are replaced)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema to print
    #[arg(value_enum, conflicts_with = "write")]
    pub kind: Option<crate::render::schema::SchemaKind>,
    /// Write both schemas into the plan folder's .plan/schema/ (new, import and init then add a #:schema line)
    #[arg(long)]
    pub write: bool,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Only initiatives on this track (name or alias, any case); cross-cutting ones too
    #[arg(long)]
    pub track: Option<String>,
    /// Only this period: year, Q1..Q4 (also år, "2. kvartal", 2)
    #[arg(long)]
    pub period: Option<String>,
    /// Only initiatives in this place (name or alias, any case)
    #[arg(long)]
    pub location: Option<String>,
    /// Only this status: planned, active, done, postponed, cancelled (also in Danish)
    #[arg(long)]
    pub status: Option<String>,
    /// Only initiatives with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only initiatives that are late as of the as-of date
    #[arg(long)]
    pub late: bool,
    /// Also each initiative's period (its quarter or the whole year) as an all-day event
    #[arg(long)]
    pub periods: bool,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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

/// A field separator chosen with `--delimiter`: one ASCII character that is neither a letter,
/// a digit, a quote nor a line break (`;`, `,`, `|`, or a tab given as `tab` or `\t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter(pub u8);

impl Delimiter {
    /// Reads the command line's `--delimiter` (clap's value parser): `;`, `,`, `|`, `tab`,
    /// `\t`, or the words `semicolon`, `comma`, `pipe`. Errors name what is accepted.
    pub fn parse(text: &str) -> Result<Delimiter, String> {
        let byte = match text.to_ascii_lowercase().as_str() {
            "tab" | "\\t" | "\t" => b'\t',
            "semicolon" => b';',
            "comma" => b',',
            "pipe" => b'|',
            other if other.len() == 1 => other.as_bytes()[0],
            _ => return Err(Self::HELP.to_string()),
        };
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'"' | b'\'' | b'\r' | b'\n' | b' ')
            || !byte.is_ascii()
            || byte.is_ascii_control() && byte != b'\t'
        {
            return Err(Self::HELP.to_string());
        }
        Ok(Delimiter(byte))
    }

    const HELP: &'static str =
        "give one character such as `;`, `,` or `|`, or `tab` (not a letter, digit, quote or space)";
}
