//! The arguments of the commands that change the plan: new, set, note, history, import
//! and init.

use std::path::PathBuf;

use clap::Args;

use super::Words;

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
    /// The note (quotes are optional: the remaining words are the note). Options may come
    /// after it too (`--today`, `--force`); a note with a word that begins with `-` (other than
    /// a number, `-5`) is written in quotes after `--`
    #[arg(required = true, num_args = 1.., allow_negative_numbers = true)]
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
