//! The one place where arguments are parsed, errors printed and exit codes chosen.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{
    CheckFormat, Cli, ColorChoice, Command, ListArgs, ListFormat, ReportArgs, ReportFormat,
};
use crate::commands;
use crate::config::{Colours, Config, Env};
use crate::error::{Failure, EXIT_USAGE};
use crate::load::io_reason;
use crate::render::terminal::Paint;
use crate::stdio;
use crate::text::{clean_line, visible_line, LineGuard};
use crate::write::WriteError;

/// Runs `plan` with the process's arguments and environment.
pub fn run() -> ExitCode {
    // `PLAN_DIR=` (set but empty) means "not set", as for `PLAN_TODAY`: clap would read it
    // as an empty `--plans` and refuse every command, even one given `--plans DIR`. Nothing
    // else runs yet (no threads), so changing the environment here is sound.
    // `PLAN_CHECK_FORMAT=` likewise means the default format.
    for name in ["PLAN_DIR", "PLAN_CHECK_FORMAT"] {
        if std::env::var_os(name).is_some_and(|v| v.is_empty()) {
            std::env::remove_var(name);
        }
    }
    // A `PLAN_CHECK_FORMAT` that names no format is an error only when it would decide the
    // format: clap refused it even beside `--format` or `-o report.json`. Taken out here,
    // and told below when it is needed.
    let bad_check_format = std::env::var_os("PLAN_CHECK_FORMAT").filter(|v| {
        v.to_str().is_none_or(|v| {
            <crate::cli::CheckFormat as clap::ValueEnum>::from_str(v, false).is_err()
        })
    });
    if bad_check_format.is_some() {
        std::env::remove_var("PLAN_CHECK_FORMAT");
    }
    // Colour is decided once, before clap parses, so that its help and errors follow it.
    let choice = ColorChoice::from_args(std::env::args_os());
    let colours = Colours::decide(choice);
    let parsed = Cli::command()
        .color(choice.into())
        .try_get_matches()
        .and_then(|matches| {
            let mut cli = Cli::from_arg_matches(&matches)?;
            if let crate::cli::Command::Check(args) = &mut cli.command {
                args.format_from_env = matches.subcommand_matches("check").is_some_and(|m| {
                    m.value_source("format") == Some(clap::parser::ValueSource::EnvVariable)
                });
            }
            Ok(cli)
        });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version (exit 0) are clap's to print. A usage error (exit 2) echoes
            // the arguments, so it goes through the line guard like every other error;
            // styled when standard error is coloured, as clap would.
            if !err.use_stderr() {
                // Help or a version lost (`plan --help > /dev/full`) is no success either.
                return match err.print().and_then(|()| io::stdout().flush()) {
                    Ok(()) => ExitCode::from(0),
                    // A closed pipe (`plan --help | head -1`) is a quiet end, as for every
                    // command's output.
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(0),
                    Err(e) => {
                        let paint = Paint {
                            color: colours.stderr,
                        };
                        let _ = writeln!(
                            stdio::stderr(),
                            "{} cannot write the output: {}",
                            paint.error("error:"),
                            io_reason(&e)
                        );
                        ExitCode::from(EXIT_USAGE)
                    }
                };
            }
            let rendered = err.render();
            let text = if colours.stderr {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            };
            // What was typed is echoed (`invalid value 'ht\u{200b}ml'`): an invisible, bidi or
            // control character in it is shown as its escape, as in the other errors. The
            // escape sequences of clap's own colours are kept.
            let text: String = text
                .chars()
                .map(|c| {
                    if c != '\x1b' && c != '\n' && crate::text::is_unsafe(c) {
                        format!("\\u{{{:x}}}", u32::from(c))
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            let _ = write!(stdio::stderr(), "{text}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if let (Some(value), crate::cli::Command::Check(args)) = (&bad_check_format, &cli.command) {
        if args.format.is_none() && args.named_format().is_none() && !args.diff {
            let paint = Paint {
                color: colours.stderr,
            };
            let names: Vec<String> = <crate::cli::CheckFormat as clap::ValueEnum>::value_variants()
                .iter()
                .filter_map(clap::ValueEnum::to_possible_value)
                .map(|v| v.get_name().to_string())
                .collect();
            let _ = writeln!(
                stdio::stderr(),
                "{} PLAN_CHECK_FORMAT is `{}`, which is no format of plan check\n{} give one of: {}",
                paint.error("error:"),
                visible_line(&value.to_string_lossy()),
                paint.bold("help:"),
                names.join(", ")
            );
            return ExitCode::from(EXIT_USAGE);
        }
    }
    // One buffer under the guard: a list or report of 100,000 lines is then a few hundred
    // `write` calls, not one per line. It is flushed before an error is printed, so that
    // what was written comes first.
    let stdout = io::stdout();
    // Written through the line guard, so that no line of plan text starts a CI runner's
    // command; GitHub annotations escape in their own way.
    let buffered = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let sink: Box<dyn Write> = if guarded(&cli.command) {
        Box::new(LineGuard::new(buffered))
    } else {
        Box::new(buffered)
    };
    // And one above it: the guard then reads the output in large pieces, not the many small
    // writes a renderer makes (serde_json writes each key and value on its own).
    let sink = io::BufWriter::with_capacity(64 * 1024, sink);
    let mut out = Output::new(sink, crate::stdio::stdout_was_closed());
    let paint = Paint {
        color: colours.stderr,
    };
    let result = execute(&cli, colours, &mut out);
    // A failed flush is remembered by `Output` as a failed write is; a closed pipe is not a
    // failure.
    let _ = out.flush();
    // A failed write of the output is told once, whatever the command made of it; the
    // command's own result is then not to be trusted (exit 2).
    if let Some(reason) = out.failure() {
        let _ = writeln!(
            stdio::stderr(),
            "{} cannot write the output: {}",
            paint.error("error:"),
            clean_line(reason)
        );
        return ExitCode::from(EXIT_USAGE);
    }
    ExitCode::from(match result {
        Ok(code) => code,
        Err(err) => report_error(&err, paint),
    })
}

/// Whether a command's standard output is written through the [`LineGuard`]: everything
/// but `check --format github`, whose lines are workflow commands (plan text in them is
/// escaped as GitHub's rules say). JSON goes through it too, unchanged: `render::json`
/// escapes `##[` inside strings, and no line of JSON starts with `::`.
///
/// Nor an Excel or Word file (`--format xlsx|docx`): a zip archive is not text a CI log
/// would show, and the guard could change bytes of it (a stretch between two newline bytes
/// that reads as text starting with `::`).
fn guarded(command: &Command) -> bool {
    !matches!(
        command,
        Command::Check(args) if args.format() == CheckFormat::Github && !args.diff
    ) && !matches!(
        command,
        Command::List(ListArgs {
            format: Some(ListFormat::Xlsx),
            ..
        }) | Command::Report(ReportArgs {
            format: Some(ReportFormat::Xlsx | ReportFormat::Docx),
            ..
        })
    )
}

/// Standard output as every command writes it, the one place where output errors are
/// mapped:
/// - a closed pipe (`plan check | head`) is a quiet end: the rest of the output is dropped
///   and the command runs to its end, so its exit code is the one it would have had (a plan
///   with errors still exits 1);
/// - any other failure (a full disk, a closed standard output) is remembered, so that the
///   run ends with one `error: cannot write the output: …` line and exit 2, never exit 0
///   with the output lost.
pub struct Output<W: Write> {
    inner: W,
    state: OutputState,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum OutputState {
    Open,
    /// The reader has gone: everything written from now on is dropped.
    ReaderGone,
    /// A write failed: the reason, for the one error line.
    Failed(String),
}

impl<W: Write> Output<W> {
    /// Wraps `inner`; `closed` says that standard output was closed when `plan` started
    /// (`plan list >&-`), so that every write fails.
    pub fn new(inner: W, closed: bool) -> Output<W> {
        let state = if closed {
            OutputState::Failed("standard output is closed".into())
        } else {
            OutputState::Open
        };
        Output { inner, state }
    }

    /// Why writing failed, if it did (a closed pipe is not a failure).
    pub fn failure(&self) -> Option<&str> {
        match &self.state {
            OutputState::Failed(reason) => Some(reason),
            _ => None,
        }
    }

    /// Maps the result of a write or flush: a closed pipe becomes success (and the rest is
    /// dropped), another error is remembered and passed on.
    fn map<T>(&mut self, result: io::Result<T>, done: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.state = OutputState::ReaderGone;
                Ok(done)
            }
            Err(e) => {
                if self.state == OutputState::Open {
                    self.state = OutputState::Failed(io_reason(&e));
                }
                Err(e)
            }
            ok => ok,
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &self.state {
            OutputState::ReaderGone => Ok(buf.len()),
            OutputState::Failed(reason) => Err(io::Error::other(reason.clone())),
            OutputState::Open => {
                let result = self.inner.write(buf);
                self.map(result, buf.len())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &self.state {
            OutputState::ReaderGone => Ok(()),
            OutputState::Failed(reason) => Err(io::Error::other(reason.clone())),
            OutputState::Open => {
                let result = self.inner.flush();
                self.map(result, ())
            }
        }
    }
}

fn execute(cli: &Cli, colours: Colours, out: &mut dyn Write) -> anyhow::Result<u8> {
    let mut env = Env::from_process(colours);
    if cli.command.reads_no_date() {
        // A `PLAN_TODAY` that is no date fails only the commands that judge by a date; an
        // explicit `--today` is still read (and refused when it is none).
        env.plan_today = None;
    }
    let config = Config::resolve(&cli.global, &env)?;
    if let Some(code) = commands::workspace::run(&config, cli.global.workspace, &cli.command, out)?
    {
        return Ok(code);
    }
    match &cli.command {
        Command::Check(args) => commands::check::run(&config, args, out),
        Command::Schema(args) => commands::schema::run(&config, args, out),
        Command::Status(args) => commands::status::run(&config, args, out),
        Command::List(args) => commands::list::run(&config, args, out),
        Command::Show(args) => commands::show::run(&config, args, out),
        Command::Report(args) => commands::report::run(&config, args, out),
        Command::New(args) => commands::new::run(&config, args, out),
        Command::Set(args) => commands::set::run(&config, args, out),
        Command::Note(args) => commands::note::run(&config, args, out),
        Command::History(args) => commands::history::run(&config, args, out),
        Command::Import(args) => commands::import::run(&config, args, out),
        Command::Init(args) => commands::init::run(&config, args, out),
        Command::Calendar(args) => commands::calendar::run(&config, args, out),
        Command::Explain(args) => commands::explain::run(&config, args, out),
        Command::Completions(args) => commands::completions::run(&config, args, out),
        Command::Man(args) => commands::man::run(&config, args, out),
    }
}

fn report_error(err: &anyhow::Error, paint: Paint) -> u8 {
    let mut e = stdio::stderr();
    let from_write = err.downcast_ref::<WriteError>().map(Failure::from);
    if let Some(failure) = err.downcast_ref::<Failure>().or(from_write.as_ref()) {
        let _ = writeln!(
            e,
            "{} {}",
            paint.error("error:"),
            visible_line(&failure.message)
        );
        if let Some(help) = &failure.help {
            let _ = writeln!(e, "{} {}", paint.bold("help:"), visible_line(help));
        }
        return failure.code;
    }
    // An operating-system error is said in words, without "(os error 28)".
    let chain: Vec<String> = err
        .chain()
        .map(|c| match c.downcast_ref::<io::Error>() {
            Some(e) => io_reason(e),
            None => c.to_string(),
        })
        .collect();
    let _ = writeln!(
        e,
        "{} {}",
        paint.error("error:"),
        visible_line(&chain.join(": "))
    );
    EXIT_USAGE
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Excel and Word files and GitHub annotations reach standard output unguarded; every
    /// other output goes through the line guard.
    #[test]
    fn binary_formats_and_github_annotations_skip_the_line_guard() {
        let command = |args: &[&str]| {
            let matches = Cli::command()
                .try_get_matches_from(std::iter::once("plan").chain(args.iter().copied()))
                .expect("valid arguments");
            Cli::from_arg_matches(&matches).expect("a command").command
        };
        for unguarded in [
            &["list", "--format", "xlsx"][..],
            &["report", "--quarter", "Q2", "--format", "xlsx"],
            &["report", "--quarter", "Q2", "--format", "docx"],
            &["check", "--format", "github"],
        ] {
            assert!(!guarded(&command(unguarded)), "{unguarded:?}");
        }
        for kept in [
            &["list"][..],
            &["list", "--format", "csv"],
            &["report", "--quarter", "Q2"],
            &["report", "--quarter", "Q2", "--format", "html"],
            &["check", "--format", "json"],
            &["status"],
        ] {
            assert!(guarded(&command(kept)), "{kept:?}");
        }
    }

    /// A writer whose every write fails with `kind`.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    #[test]
    fn a_closed_pipe_drops_the_rest_quietly() {
        let mut out = Output::new(Failing(io::ErrorKind::BrokenPipe), false);
        assert!(writeln!(out, "first").is_ok());
        assert!(writeln!(out, "second").is_ok());
        assert!(out.flush().is_ok());
        assert_eq!(out.failure(), None);
    }

    #[test]
    fn another_failure_is_remembered_in_words() {
        let mut out = Output::new(Failing(io::ErrorKind::StorageFull), false);
        assert!(writeln!(out, "first").is_err());
        assert!(out.flush().is_err());
        assert_eq!(out.failure(), Some("no space left on the device"));
    }

    #[test]
    fn a_closed_standard_output_fails_every_write() {
        let mut out = Output::new(Vec::new(), true);
        assert!(writeln!(out, "x").is_err());
        assert_eq!(out.failure(), Some("standard output is closed"));
        assert!(out.inner.is_empty());
    }
}
