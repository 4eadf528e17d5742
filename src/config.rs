//! Settings resolved from the command line and the environment, in one tested step:
//! the plan folder, the as-of date, the language and whether to colour.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{ColorChoice, GlobalArgs, Lang};
use crate::error::Failure;
use crate::model::Plan;
use crate::parse::parse_date;

#[derive(Debug, Clone)]
pub struct Config {
    pub plans: PathBuf,
    /// Whether the folder was named (flag or PLAN_DIR) rather than found.
    pub plans_explicit: bool,
    pub today: NaiveDate,
    /// Whether the as-of date was given (flag or PLAN_TODAY) rather than the system date.
    pub today_explicit: bool,
    pub lang: Option<Lang>,
    pub color: bool,
}

/// What the environment offers, passed in so that resolution can be tested.
pub struct Env {
    pub cwd: PathBuf,
    pub plan_today: Option<String>,
    pub no_color: bool,
    pub stdout_is_terminal: bool,
    pub system_today: NaiveDate,
}

impl Env {
    pub fn from_process() -> Env {
        Env {
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            plan_today: std::env::var("PLAN_TODAY").ok().filter(|s| !s.is_empty()),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            stdout_is_terminal: std::io::stdout().is_terminal(),
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

impl Config {
    pub fn resolve(args: &GlobalArgs, env: &Env) -> Result<Config, Failure> {
        let (plans, plans_explicit) = match &args.plans {
            Some(dir) => (dir.clone(), true),
            None => (find_plans(&env.cwd), false),
        };
        let (today, today_explicit) = match (&args.today, &env.plan_today) {
            (Some(t), _) => (parse_today(t, "--today")?, true),
            (None, Some(t)) => (parse_today(t, "PLAN_TODAY")?, true),
            (None, None) => (env.system_today, false),
        };
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
        };
        Ok(Config {
            plans,
            plans_explicit,
            today,
            today_explicit,
            lang: args.lang,
            color,
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

/// `./plans` when it exists, else the nearest `plans/` in a parent folder, else `./plans`
/// (so the error names the folder the user most likely meant).
fn find_plans(cwd: &Path) -> PathBuf {
    let local = PathBuf::from("plans");
    if cwd.join("plans").is_dir() {
        return local;
    }
    for dir in cwd.ancestors().skip(1) {
        let candidate = dir.join("plans");
        if candidate.is_dir() {
            return candidate;
        }
    }
    local
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(cwd: &Path) -> Env {
        Env {
            cwd: cwd.to_path_buf(),
            plan_today: None,
            no_color: false,
            stdout_is_terminal: true,
            system_today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        }
    }

    fn args() -> GlobalArgs {
        GlobalArgs {
            plans: None,
            today: None,
            lang: None,
            color: ColorChoice::Auto,
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
    fn colour_follows_terminal_and_no_color() {
        let dir = tempfile::tempdir().unwrap();
        let mut e = env(dir.path());
        let mut a = args();
        assert!(Config::resolve(&a, &e).unwrap().color);
        e.no_color = true;
        assert!(!Config::resolve(&a, &e).unwrap().color);
        a.color = ColorChoice::Always;
        assert!(Config::resolve(&a, &e).unwrap().color);
        a.color = ColorChoice::Auto;
        e.no_color = false;
        e.stdout_is_terminal = false;
        assert!(!Config::resolve(&a, &e).unwrap().color);
    }

    #[test]
    fn plans_folder_is_found_upward() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("plans")).unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        let c = Config::resolve(&args(), &env(&dir.path().join("a/b"))).unwrap();
        assert_eq!(c.plans, dir.path().join("plans"));
        let c = Config::resolve(&args(), &env(dir.path())).unwrap();
        assert_eq!(c.plans, PathBuf::from("plans"));
    }
}
