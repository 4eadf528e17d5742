//! The one table of rules: name, default severity, a one-line summary, and a longer
//! explanation with a failing example and its fix. `plan check --help`, the README's rules
//! table (a test compares them) and a later `plan explain RULE` all read it.
//!
//! This file is vocabulary: it imports nothing from the crate but the derived names
//! ([`crate::model::names`]), so every phase may use it.

use std::fmt;

use clap::ValueEnum;
use serde::Serialize;

use crate::model::names::variant_name;

/// Every rule `plan check` knows. The kebab-case names (derived, never written by hand) are
/// part of the contract: they appear in JSON, GitHub annotations and `[rules.severity]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
#[value(rename_all = "kebab-case")]
pub enum Rule {
    Syntax,
    TomlPortability,
    Unreadable,
    NameEncoding,
    LinkOutside,
    NestedPlan,
    NotAMember,
    UnknownField,
    MissingField,
    InvalidValue,
    UnknownTrack,
    UnknownLocation,
    DuplicateId,
    DuplicateName,
    UnknownDependency,
    DependencyCycle,
    DependencyOrder,
    DeadlineOutsidePeriod,
    MinPerTrack,
    MinPerLocation,
    SchemaOutdated,
    DependsOnDropped,
    HistoryOrder,
    HistoryMismatch,
    HistoryDate,
    UndatedStatus,
}

/// How serious a finding is. `off` (a rule turned off) is `None` where a severity is optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing, not a problem: shown, never counted, never fails `check --strict`.
    Note,
    Warning,
    Error,
}

impl Rule {
    /// Whether the rule judges a workspace folder (at its root, where `plan.toml` has no
    /// `[rules]`: its level is set on the command line only).
    pub fn of_workspace(self) -> bool {
        matches!(self, Rule::NotAMember)
    }
}

impl Severity {
    /// `error`, `warning` or `note`, as written in `[rules.severity]` and in JSON.
    pub fn name(self) -> &'static str {
        variant_name(&self)
    }
}

/// What the table says about one rule.
#[derive(Debug)]
pub struct RuleInfo {
    pub rule: Rule,
    pub severity: Severity,
    /// One line (at most about 60 characters), for `check --help` and the README.
    pub summary: &'static str,
    /// A few sentences: what the rule checks and why.
    pub explanation: &'static str,
    /// A file that breaks the rule: for a rule on one file, a whole initiative file (a test
    /// runs it against the default catalogue); for a rule across files, the parts that matter.
    pub example: &'static str,
    /// The same, fixed.
    pub fix: &'static str,
}

impl Rule {
    /// Every rule, in the order of the table (derived from the enum).
    pub fn all() -> &'static [Rule] {
        Rule::value_variants()
    }

    /// The rule's kebab-case name (`unknown-track`).
    pub fn name(self) -> &'static str {
        variant_name(&self)
    }

    /// What `plan check --fix` fixes of this rule's findings (`None`: nothing; they need a
    /// person). The fixes themselves are made where the findings are (see `edit::fix`).
    pub fn fixable(self) -> Option<&'static str> {
        Some(match self {
            Rule::Syntax => "a second byte-order mark, and curly quotes or no-break spaces pasted from Word outside quoted text",
            Rule::TomlPortability => "every finding: the TOML 1.0 spelling is written",
            Rule::UnknownField => "a misspelt key with one suggestion, when the right key is not there yet",
            Rule::InvalidValue => "a period, status or funding in another case or in Danish (`q2`, `2. kvartal`, `i gang`), and a quoted or day-first date",
            Rule::UnknownTrack | Rule::UnknownLocation => "a name with one suggestion from the catalogue (and, with --canonical, aliases are written as the catalogue's names)",
            Rule::UnknownDependency => "an id with one suggestion among the plan's ids",
            _ => return None,
        })
    }

    /// The rule whose name is `name`.
    pub fn from_name(name: &str) -> Option<Rule> {
        crate::model::names::from_name(name)
    }

    /// The rule's row in [`RULES`].
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    /// The severity a finding of this rule has unless `[rules.severity]` says otherwise.
    pub fn default_severity(self) -> Severity {
        self.info().severity
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The rules list at the end of `plan check --help`.
pub fn help_text() -> String {
    let width = RULES.iter().map(|r| r.rule.name().len()).max().unwrap_or(0);
    let mut out = String::from(
        "Rules (set a level in plan.toml, [rules.severity] RULE = \"error\" | \"warning\" | \"note\" | \"off\", or for one run with --deny, --warn, --allow RULE — not-a-member's on the command line only; `plan explain RULE` explains one):",
    );
    for info in &RULES {
        out.push_str(&format!(
            "\n  {:width$}  {:7}  {}",
            info.rule.name(),
            info.severity.name(),
            info.summary
        ));
    }
    out
}

/// The README's rules table (Markdown), row for row as the table says.
pub fn markdown_table() -> String {
    let mut out = String::from("| rule | default | what |\n|---|---|---|\n");
    for info in &RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            info.rule.name(),
            info.severity.name(),
            info.summary
        ));
    }
    out
}

use Severity::{Error, Note, Warning};

/// The rule table, in the order of [`Rule`]'s variants (a test keeps them in step).
pub static RULES: [RuleInfo; 26] = [
    RuleInfo {
        rule: Rule::Syntax,
        severity: Error,
        summary: "the file is not valid TOML, or not UTF-8",
        explanation: "Every file must be TOML (1.1, as plan reads it) written as UTF-8. Each problem is reported with its line and column; Latin-1 and UTF-16 files are named as such; a number the parser cannot read (`0x` without digits, a digit that is not 0-9) is a syntax error whatever key it stands under. Fields are not reported missing in a file with a syntax error.",
        example: "title = \"Læseklub\nperiod = \"Q2\"\ntracks = [\"Hygge\"]",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]",
    },
    RuleInfo {
        rule: Rule::TomlPortability,
        severity: Warning,
        summary: "syntax only TOML 1.1 reads; other tools reject the file",
        explanation: "plan reads TOML 1.1, but Python's tomllib and editors on TOML 1.0 (taplo / Even Better TOML) reject a file with a line break, a comment or a comma after the last entry inside an inline table { … }, the escapes \\xHH and \\e, or a time without seconds. The fix is TOML 1.0 with the same meaning: the inline table on one line, \\u00HH and \\u001B, :00 added to the time.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nplan = { name = \"Handleplan\",\n}",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nplan = { name = \"Handleplan\" }",
    },
    RuleInfo {
        rule: Rule::Unreadable,
        severity: Error,
        summary: "a file or folder in the plan folder that cannot be read",
        explanation: "Every `*.toml` file and every sub-folder of the plan folder is read; one that cannot be (no permission, a named pipe or device instead of a file, a link to nothing) is reported, so that no initiative is left out without a word.",
        example: "chmod 000 plans/q2\nmkfifo plans/laeseklub.toml",
        fix: "chmod 755 plans/q2\nrm plans/laeseklub.toml   # and put the file back",
    },
    RuleInfo {
        rule: Rule::NameEncoding,
        severity: Error,
        summary: "a file or folder name that is not UTF-8",
        explanation: "A `*.toml` file or a sub-folder whose name is not UTF-8 (often Latin-1 from an old system or a zip file) cannot be an initiative id; it is reported with the bytes that are not UTF-8 shown as �, and not read.",
        example: "plans/l\\xe6seklub.toml   # Latin-1 æ",
        fix: "plans/laeseklub.toml",
    },
    RuleInfo {
        rule: Rule::LinkOutside,
        severity: Note,
        summary: "a link to a file or folder outside the plan folder",
        explanation: "Links are followed only inside the plan folder, so that a plan is what its folder holds; a link to a `*.toml` file or a folder elsewhere is not read, and named in a note.",
        example: "plans/faelles.toml -> /srv/andre/faelles.toml",
        fix: "cp /srv/andre/faelles.toml plans/faelles.toml",
    },
    RuleInfo {
        rule: Rule::NestedPlan,
        severity: Note,
        summary: "a sub-folder with a plan.toml of its own, not read as part of this plan",
        explanation: "A sub-folder that holds a `plan.toml` is a plan of its own (a library's own plan kept beside the network's, an old year's plan): its files are not read as initiatives of the plan around it, and `check --fix` never touches them. Check it on its own with `--plans`, or list both plans as members of a workspace. If its files belong to the outer plan, remove the sub-folder's `plan.toml`.",
        example: "plans/plan.toml\nplans/hvalsoe/plan.toml\nplans/hvalsoe/laeseklub.toml",
        fix: "plan check --plans plans/hvalsoe   # the sub-folder on its own\n# or: rm plans/hvalsoe/plan.toml   # its files are the outer plan's",
    },
    RuleInfo {
        rule: Rule::NotAMember,
        severity: Warning,
        summary: "a plan file or plan folder in a workspace folder that no member holds",
        explanation: "At a workspace root, commands read the members named in the workspace's `plan.toml` only. An initiative file beside the workspace manifest, or in a sub-folder no member holds, is never read; a sub-folder with a `plan.toml` of its own that is neither a member nor excluded is left out of the network.",
        example: "# plan.toml\n[workspace]\nmembers = [\"roskilde\"]\n# q1/laeseklub.toml beside it",
        fix: "# plan.toml\n[workspace]\nmembers = [\"roskilde\"]\n# roskilde/q1/laeseklub.toml",
    },
    RuleInfo {
        rule: Rule::UnknownField,
        severity: Error,
        summary: "a key the format does not have",
        explanation: "A key that is not part of the format is most often a misspelling; the nearest field is suggested (`trakcs` → `tracks`) and the value is checked as that field.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntrakcs = [\"Hygge\"]",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]",
    },
    RuleInfo {
        rule: Rule::MissingField,
        severity: Error,
        summary: "title, period or tracks absent",
        explanation: "An initiative needs a title, a period and at least one track; plan.toml needs [plan] with title and year; a [[log]] entry needs date and text.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]",
    },
    RuleInfo {
        rule: Rule::InvalidValue,
        severity: Error,
        summary: "wrong type or value (period, status, funding, date, id …)",
        explanation: "A value of the wrong type, or outside the allowed words: period is \"year\" or \"Q1\"–\"Q4\", status and funding are one of their words, dates are YYYY-MM-DD without quotes, a title is not empty, and a file name is a valid id.",
        example: "title = \"Læseklub\"\nperiod = \"Q5\"\ntracks = [\"Hygge\"]\ndeadline = \"30-06-2017\"",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndeadline = 2017-06-30",
    },
    RuleInfo {
        rule: Rule::UnknownTrack,
        severity: Error,
        summary: "a track not in the catalogue",
        explanation: "Every track must be one of plan.toml's [[track]] names or aliases (in any case), or \"Alle spor\" for an initiative that touches every track; the nearest is suggested (`Hyge` → `Hygge`).",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hyge\"]",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]",
    },
    RuleInfo {
        rule: Rule::UnknownLocation,
        severity: Warning,
        summary: "a place not in the catalogue",
        explanation: "Every place should be one of plan.toml's [[location]] names or aliases; the nearest is suggested. Only a warning: the place is kept as written.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"Vibyy\"]",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\"]",
    },
    RuleInfo {
        rule: Rule::DuplicateId,
        severity: Error,
        summary: "two files with one id",
        explanation: "An initiative's id is its file name without `.toml`; two files with the same name, in any sub-folders, would make `depends_on` and `plan show` ambiguous.",
        example: "q2/laeseklub.toml\nq3/laeseklub.toml",
        fix: "q2/laeseklub.toml\nq3/laeseklub-efterar.toml",
    },
    RuleInfo {
        rule: Rule::DuplicateName,
        severity: Warning,
        summary: "plan.toml gives one name to two tracks or places",
        explanation: "Each name and alias in `plan.toml`'s `[[track]]` and `[[location]]` entries should belong to one track or place only (compared as names are matched: in any case, with any spacing), and no track may be named as cross-cutting work is (`Alle spor`, `all`, `all tracks`). An entry whose name an earlier one has is read as part of it (its aliases added; the place is counted and shown once); an alias another entry has first, or a track named as cross-cutting work, is never matched: a file naming it counts for the other entry, or as cross-cutting.",
        example: "[[location]]\nname = \"Viby\"\n\n[[location]]\nname = \"Viby\"\naliases = [\"Viby Sj.\"]",
        fix: "[[location]]\nname = \"Viby\"\naliases = [\"Viby Sj.\"]",
    },
    RuleInfo {
        rule: Rule::UnknownDependency,
        severity: Error,
        summary: "depends_on names no initiative",
        explanation: "Every id in `depends_on` must be the id (file name) of an initiative in the folder; the nearest id is suggested.",
        example: "depends_on = [\"laeseklubb\"]",
        fix: "depends_on = [\"laeseklub\"]",
    },
    RuleInfo {
        rule: Rule::DependencyCycle,
        severity: Error,
        summary: "initiatives depend on each other in a loop",
        explanation: "Initiatives that depend on each other in a loop can never start; the loop is printed.",
        example: "# a.toml\ndepends_on = [\"b\"]\n# b.toml\ndepends_on = [\"a\"]",
        fix: "# a.toml\ndepends_on = [\"b\"]\n# b.toml\ndepends_on = []",
    },
    RuleInfo {
        rule: Rule::DependencyOrder,
        severity: Error,
        summary: "an initiative depends on one in a later quarter",
        explanation: "An initiative in a quarter cannot wait for one scheduled in a later quarter.",
        example: "# a.toml\nperiod = \"Q2\"\ndepends_on = [\"b\"]\n# b.toml\nperiod = \"Q3\"",
        fix: "# a.toml\nperiod = \"Q3\"\ndepends_on = [\"b\"]\n# b.toml\nperiod = \"Q3\"",
    },
    RuleInfo {
        rule: Rule::DeadlineOutsidePeriod,
        severity: Warning,
        summary: "a deadline outside the initiative's quarter or the plan year",
        explanation: "A deadline should fall inside the initiative's quarter (or, for \"year\", the plan year); when it falls in another quarter of the year, that quarter is suggested.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndeadline = 2017-08-15",
        fix: "title = \"Læseklub\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\ndeadline = 2017-08-15",
    },
    RuleInfo {
        rule: Rule::MinPerTrack,
        severity: Error,
        summary: "a track has fewer initiatives than min_per_track",
        explanation: "Each track needs at least `min_per_track` initiatives that are not cancelled; cross-cutting ones count when `cross_cutting_counts` is true.",
        example: "[rules]\nmin_per_track = 3   # and Hygge has 2",
        fix: "[rules]\nmin_per_track = 2   # or add an initiative to Hygge",
    },
    RuleInfo {
        rule: Rule::MinPerLocation,
        severity: Error,
        summary: "a place has fewer initiatives than min_per_location",
        explanation: "Only when `min_per_location` is set: each place needs at least that many initiatives that are not cancelled.",
        example: "[rules]\nmin_per_location = 2   # and Bogbussen has 1",
        fix: "[rules]\nmin_per_location = 1",
    },
    RuleInfo {
        rule: Rule::SchemaOutdated,
        severity: Warning,
        summary: "a schema from `plan schema --write` no longer fits plan.toml",
        explanation: "`plan schema --write` puts JSON Schemas for editors into .plan/schema/, made from the catalogue; after a track or place is added, renamed or given an alias, the editor would flag right names or offer old ones until the schemas are written again.",
        example: "# plan.toml gained [[track]] name = \"Læring\"; .plan/schema/initiative.json was written before",
        fix: "plan schema --write",
    },
    RuleInfo {
        rule: Rule::DependsOnDropped,
        severity: Warning,
        summary: "an initiative depends on one that is cancelled or postponed",
        explanation: "Work that builds on a cancelled or postponed initiative waits for something that is not coming in time: drop the dependency, or postpone or cancel this one too. `plan status` and the memo give it as a reason for attention (\"venter på »X«, som er aflyst\").",
        example: "# a.toml\ndepends_on = [\"b\"]\n# b.toml\nstatus = \"cancelled\"",
        fix: "# a.toml\n# depends_on removed\n# b.toml\nstatus = \"cancelled\"",
    },
    RuleInfo {
        rule: Rule::HistoryOrder,
        severity: Warning,
        summary: "a [[log]] entry is dated before the one above it",
        explanation: "The history is kept in date order (`plan set` and `plan note` insert an entry where its date belongs); an entry out of order was edited by hand. The plan is still read by date, so nothing is wrong in the numbers: move the entry to where its date belongs.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndate = 2017-05-02\ntext = \"b\"\n\n[[log]]\ndate = 2017-04-20\ntext = \"a\"",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndate = 2017-04-20\ntext = \"a\"\n\n[[log]]\ndate = 2017-05-02\ntext = \"b\"",
    },
    RuleInfo {
        rule: Rule::HistoryMismatch,
        severity: Warning,
        summary: "status, funding or period differs from the last recorded change",
        explanation: "The value at the top of the file is the current one; the last change the history records should end in it. When it does not, the field was edited by hand after the last recorded change: the new value is used from that change's date on, without a date of its own. Record the change with `plan set` (or a [[log]] entry with its date).",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = \"done\"\n\n[[log]]\ndate = 2017-04-20\nstatus = { from = \"planned\", to = \"active\" }",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = \"done\"\n\n[[log]]\ndate = 2017-04-20\nstatus = { from = \"planned\", to = \"active\" }\n\n[[log]]\ndate = 2017-06-12\nstatus = { from = \"active\", to = \"done\" }",
    },
    RuleInfo {
        rule: Rule::HistoryDate,
        severity: Warning,
        summary: "a [[log]] entry dated outside the plan year, in the future, or before the initiative's `added` date; `added` after the year",
        explanation: "An entry of the history should fall in the plan's year, and not after the day `plan check` runs (the system date, not `--today`): a mistyped year moves a change to where no memo sees it, or to before the plan began. Nor before the day the initiative was `added` to the plan: before that day it is in no view, so the entry is never read. `added` itself may be before the year (a plan is written before its year begins) but not after it or after today: the initiative would be in no view of the year.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndate = 2071-04-20\nstatus = { from = \"planned\", to = \"active\" }",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = \"active\"\n\n[[log]]\ndate = 2017-04-20\nstatus = { from = \"planned\", to = \"active\" }",
    },
    RuleInfo {
        rule: Rule::UndatedStatus,
        severity: Warning,
        summary: "a status other than planned with no dated change behind it",
        explanation: "A status set by hand without a [[log]] entry has no date: every report takes it to hold from the start of the plan (a memo of the first quarter would count it done), and the memo says how many of its statuses rest on such values. Record when it changed.",
        example: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = \"active\"",
        fix: "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = \"active\"\n\n[[log]]\ndate = 2017-04-20\nstatus = { from = \"planned\", to = \"active\" }",
    },
];

#[cfg(test)]
mod tests;
