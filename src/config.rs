//! Settings resolved from the command line and the environment, in one tested step:
//! the plan folder, the as-of date, the language and whether to colour.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{ColorChoice, GlobalArgs, Lang};
use crate::error::Failure;
use crate::model::Plan;
use crate::parse::parse_date;

#[derive(Debug, Clone)]
pub struct Config {
    pub plans: PathBuf,
    /// How the plan folder was chosen, for `-v` and for the hint on a folder not found.
    pub plans_from: PlansFrom,
    pub today: NaiveDate,
    /// Whether the as-of date was given (flag or PLAN_TODAY) rather than the system date.
    pub today_explicit: bool,
    pub lang: Option<Lang>,
    /// Whether to colour standard output.
    pub color: bool,
    /// Whether to colour standard error (findings, `error:`, `warning:`).
    pub color_stderr: bool,
    /// `-v`: say on standard error which folder was used, how many files were read, how long.
    pub verbose: bool,
}

/// Whether each output stream gets colour, decided once per run by `anstream`, the way
/// clap decides for its own help and errors: `--color always|never` wins; with `auto`,
/// `NO_COLOR` (set and not empty) turns colour off, `CLICOLOR_FORCE` (set and not empty) on,
/// `CLICOLOR=0` off, and otherwise a stream is coloured when it is a terminal whose `TERM`
/// is set and not `dumb` (or `CLICOLOR` is set, or `CI` is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colours {
    pub stdout: bool,
    pub stderr: bool,
}

impl Colours {
    /// Decides for this process. Sets `anstream`'s global choice to `choice`, which clap's
    /// `Auto` follows too; call it once, before clap parses the arguments.
    pub fn decide(choice: ColorChoice) -> Colours {
        use anstream::AutoStream;
        anstream::ColorChoice::write_global(choice.into());
        let on = |c: anstream::ColorChoice| c != anstream::ColorChoice::Never;
        Colours {
            stdout: on(AutoStream::choice(&std::io::stdout())),
            stderr: on(AutoStream::choice(&std::io::stderr())),
        }
    }
}

/// What the environment offers, passed in so that resolution can be tested.
pub struct Env {
    pub cwd: PathBuf,
    pub plan_today: Option<String>,
    pub colours: Colours,
    pub system_today: NaiveDate,
}

impl Env {
    /// The process's environment, with the colours decided by [`Colours::decide`].
    pub fn from_process(colours: Colours) -> Env {
        Env {
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            plan_today: std::env::var("PLAN_TODAY").ok().filter(|s| !s.is_empty()),
            colours,
            system_today: chrono::Local::now().date_naive(),
        }
    }
}

/// Parses an as-of date: exactly `YYYY-MM-DD`.
pub fn parse_today(text: &str, source: &str) -> Result<NaiveDate, Failure> {
    parse_date(text.trim_end_matches(['\n', '\r'])).ok_or_else(|| {
        Failure::usage(format!(
            "{source} {}",
            crate::parse::date_error(text, "2017-05-15")
        ))
    })
}

/// How a command's plan folder was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlansFrom {
    /// `--plans` or `PLAN_DIR`.
    Named,
    /// Found from the current folder, upward to the repository root.
    Found,
    /// A member of the workspace the command works across.
    Member,
}

impl Config {
    pub fn resolve(args: &GlobalArgs, env: &Env) -> Result<Config, Failure> {
        let (plans, plans_from) = match &args.plans {
            Some(dir) => (dir.clone(), PlansFrom::Named),
            None => (find_plans(&env.cwd), PlansFrom::Found),
        };
        let (today, today_explicit) = match (&args.today, &env.plan_today) {
            (Some(t), _) => (parse_today(t, "--today")?, true),
            (None, Some(t)) => (parse_today(t, "PLAN_TODAY")?, true),
            (None, None) => (env.system_today, false),
        };
        Ok(Config {
            plans,
            plans_from,
            today,
            today_explicit,
            lang: args.lang,
            color: env.colours.stdout,
            color_stderr: env.colours.stderr,
            verbose: args.verbose,
        })
    }

    /// The language to write in: `--lang`, else the plan's `language`.
    pub fn lang_for(&self, plan: &Plan) -> Lang {
        self.lang.unwrap_or(if plan.manifest.plan.language == "en" {
            Lang::En
        } else {
            Lang::Da
        })
    }
}

/// The plan folder when none is named: the nearest folder, from `cwd` upward, that is a plan
/// (holds `plan.toml`, a plan's or a workspace's manifest) or that holds a `plans/` folder
/// (then that `plans/`). The search stops at the repository root, the first folder on the
/// way that holds `.git` (a folder or, in a worktree or submodule, a file), as git stops
/// there: a plan above the repository is never picked up. When nothing is found: `./plans`,
/// so that the error names the folder the user most likely meant.
///
/// The result is relative to `cwd` (`plans`, `.`, `../plans`, `../..`), so that findings
/// show short paths that are valid where `plan` runs.
fn find_plans(cwd: &Path) -> PathBuf {
    for (up, dir) in cwd.ancestors().enumerate() {
        let back = || -> PathBuf {
            let mut path = PathBuf::new();
            for _ in 0..up {
                path.push("..");
            }
            path
        };
        if crate::load::walk::holds_plan(dir) {
            return if up == 0 { PathBuf::from(".") } else { back() };
        }
        if dir.join("plans").is_dir() {
            return back().join("plans");
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    PathBuf::from("plans")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(cwd: &Path) -> Env {
        Env {
            cwd: cwd.to_path_buf(),
            plan_today: None,
            colours: Colours {
                stdout: true,
                stderr: false,
            },
            system_today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        }
    }

    fn args() -> GlobalArgs {
        GlobalArgs {
            plans: None,
            today: None,
            lang: None,
            color: ColorChoice::Auto,
            verbose: false,
            workspace: false,
        }
    }

    #[test]
    fn today_from_flag_then_env_then_system() {
        let dir = tempfile::tempdir().unwrap();
        let mut e = env(dir.path());
        let mut a = args();
        assert_eq!(Config::resolve(&a, &e).unwrap().today, e.system_today);
        e.plan_today = Some("2017-05-15".into());
        let c = Config::resolve(&a, &e).unwrap();
        assert_eq!(c.today.to_string(), "2017-05-15");
        assert!(c.today_explicit);
        a.today = Some("2017-02-15".into());
        assert_eq!(
            Config::resolve(&a, &e).unwrap().today.to_string(),
            "2017-02-15"
        );
        a.today = Some("2017-2-15".into());
        let err = Config::resolve(&a, &e).unwrap_err();
        assert_eq!(err.code, 2);
        assert!(err.message.contains("YYYY-MM-DD"));
    }

    #[test]
    fn colour_is_decided_per_stream() {
        let dir = tempfile::tempdir().unwrap();
        let c = Config::resolve(&args(), &env(dir.path())).unwrap();
        assert!(c.color);
        assert!(!c.color_stderr);
    }

    #[test]
    fn plans_folder_is_found_upward() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("plans")).unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        let c = Config::resolve(&args(), &env(&dir.path().join("a/b"))).unwrap();
        assert_eq!(c.plans, PathBuf::from("../../plans"));
        let c = Config::resolve(&args(), &env(dir.path())).unwrap();
        assert_eq!(c.plans, PathBuf::from("plans"));
    }

    #[test]
    fn a_folder_with_plan_toml_is_a_plan_and_the_nearest_wins() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("plans/q2")).unwrap();
        std::fs::write(root.join("plans/plan.toml"), "[plan]\n").unwrap();
        std::fs::create_dir_all(root.join("other/2018/notes")).unwrap();
        std::fs::write(root.join("other/2018/plan.toml"), "[workspace]\n").unwrap();
        let found = |cwd: &str| find_plans(&root.join(cwd));
        assert_eq!(found("plans/q2"), PathBuf::from(".."));
        assert_eq!(found("plans"), PathBuf::from("."));
        assert_eq!(found("other/2018/notes"), PathBuf::from(".."));
        assert_eq!(found("other/2018"), PathBuf::from("."));
        assert_eq!(found("other"), PathBuf::from("../plans"));
    }

    #[test]
    fn the_search_stops_at_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("plans")).unwrap();
        std::fs::create_dir_all(root.join("repo/.git")).unwrap();
        std::fs::create_dir_all(root.join("repo/src/deep")).unwrap();
        // plans/ above the repository is not used: the default, ./plans, is.
        assert_eq!(
            find_plans(&root.join("repo/src/deep")),
            PathBuf::from("plans")
        );
        // A worktree's .git is a file; it stops the search too.
        std::fs::create_dir_all(root.join("wt/sub")).unwrap();
        std::fs::write(root.join("wt/.git"), "gitdir: x\n").unwrap();
        assert_eq!(find_plans(&root.join("wt/sub")), PathBuf::from("plans"));
        // Inside the repository, its own plans/ is found.
        std::fs::create_dir_all(root.join("repo/plans")).unwrap();
        assert_eq!(
            find_plans(&root.join("repo/src/deep")),
            PathBuf::from("../../plans")
        );
    }
}
