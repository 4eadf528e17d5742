//! The arguments of the commands that read the plan: check, explain, man, status, list,
//! show, report, schema, calendar and completions.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Delimiter, Words};

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

impl CheckArgs {
    /// The format the findings are written in: `--format`; else the one `-o`'s file name
    /// names ([`CheckArgs::named_format`]); else `PLAN_CHECK_FORMAT`; else text.
    pub fn format(&self) -> CheckFormat {
        match (self.format, self.format_from_env) {
            (Some(flag), false) => flag,
            (env, _) => self.named_format().or(env).unwrap_or(CheckFormat::Text),
        }
    }

    /// The format `-o`'s file name names: `.json`, `.sarif` or `.sarif.json`, `.xml` for
    /// JUnit, `.txt` or `.log` for text (any case). `.json` is `json`: GitLab's report and
    /// SARIF are JSON too, and are asked for by name.
    pub fn named_format(&self) -> Option<CheckFormat> {
        let path = self.output.as_deref()?;
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            _ if name.ends_with(".sarif.json") => CheckFormat::Sarif,
            "json" => CheckFormat::Json,
            "sarif" => CheckFormat::Sarif,
            "xml" => CheckFormat::Junit,
            "txt" | "log" => CheckFormat::Text,
            _ => return None,
        })
    }

    /// Whether the format is the one `-o`'s file name names (neither `--format` nor the
    /// name's absence decided it).
    pub fn format_is_named(&self) -> bool {
        (self.format.is_none() || self.format_from_env) && self.named_format().is_some()
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format [default: from -o's extension (.json, .sarif or .sarif.json, .xml for
    /// JUnit, .txt or .log), else PLAN_CHECK_FORMAT, else text]
    #[arg(long, value_enum, env = "PLAN_CHECK_FORMAT")]
    pub format: Option<CheckFormat>,
    /// Whether `format` came from PLAN_CHECK_FORMAT rather than `--format` (set by `run`
    /// from clap's matches): -o's extension wins over the variable, not over the flag.
    #[arg(skip)]
    pub format_from_env: bool,
    /// Write the findings to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: overwrite FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Treat warnings as errors (exit 1)
    #[arg(long)]
    pub strict: bool,
    /// Apply every sure fix (findings marked fixable), keeping comments and layout; then check again
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff and change no plan file (exit 1 if there are any); with -o, write the diff to FILE byte for byte
    #[arg(long, conflicts_with_all = ["statistics", "quiet", "fix"])]
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
    /// Replace pages that exist in DIR already (without it, none is written when one exists)
    #[arg(long, requires = "dir")]
    pub force: bool,
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
    #[arg(long, value_parser = Words::PERIODS, hide_possible_values = true)]
    pub period: Option<String>,
    /// Only initiatives in this place (name or alias, any case)
    #[arg(long)]
    pub location: Option<String>,
    /// Only this status: planned, active, done, postponed, cancelled (also in Danish)
    #[arg(long, value_parser = Words::STATUSES, hide_possible_values = true)]
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
