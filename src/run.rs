//! The one place where arguments are parsed, errors printed and exit codes chosen.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, ColorChoice, Command};
use crate::commands;
use crate::config::{Colours, Config, Env};
use crate::error::{Failure, EXIT_USAGE};
use crate::render::terminal::Paint;
use crate::text::clean;
use crate::write::WriteError;

/// Runs `plan` with the process's arguments and environment.
pub fn run() -> ExitCode {
    // Colour is decided once, before clap parses, so that its help and errors follow it.
    let choice = ColorChoice::from_args(std::env::args_os());
    let colours = Colours::decide(choice);
    let parsed = Cli::command()
        .color(choice.into())
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version (exit 0) and usage errors (exit 2) itself.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    // One buffer around the locked stdout: a list or report of 100,000 lines is then a few
    // hundred `write` calls, not one per line. It is flushed before an error is printed, so
    // that what was written comes first.
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let paint = Paint {
        color: colours.stderr,
    };
    let code = match execute(&cli, colours, &mut out) {
        Ok(code) => code,
        Err(err) => {
            let _ = out.flush();
            report_error(&err, paint)
        }
    };
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("{} cannot write the output: {e}", paint.error("error:"));
            ExitCode::from(EXIT_USAGE)
        }
        _ => ExitCode::from(code),
    }
}

fn execute(cli: &Cli, colours: Colours, out: &mut dyn Write) -> anyhow::Result<u8> {
    let config = Config::resolve(&cli.global, &Env::from_process(colours))?;
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(&config, args, out),
        Command::Status(args) => commands::status::run(&config, args, out),
        Command::List(args) => commands::list::run(&config, args, out),
        Command::Show(args) => commands::show::run(&config, args, out),
        Command::Report(args) => commands::report::run(&config, args, out),
        Command::New(args) => commands::new::run(&config, args, out),
        Command::Set(args) => commands::set::run(&config, args, out),
        Command::Note(args) => commands::note::run(&config, args, out),
        Command::Import(args) => commands::import::run(&config, args, out),
        Command::Init(args) => commands::init::run(&config, args, out),
        Command::Completions(args) => commands::completions::run(&config, args, out),
        Command::Man => commands::man::run(&config, out),
    };
    match result {
        // A closed pipe (`plan list | head`) is not an error: the reader has what it wanted.
        Err(err) if is_broken_pipe(&err) => Ok(0),
        other => other,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn report_error(err: &anyhow::Error, paint: Paint) -> u8 {
    let stderr = io::stderr();
    let mut e = stderr.lock();
    let from_write = err.downcast_ref::<WriteError>().map(Failure::from);
    if let Some(failure) = err.downcast_ref::<Failure>().or(from_write.as_ref()) {
        let _ = writeln!(e, "{} {}", paint.error("error:"), clean(&failure.message));
        if let Some(help) = &failure.help {
            let _ = writeln!(e, "{} {}", paint.bold("help:"), clean(help));
        }
        return failure.code;
    }
    let chain: Vec<String> = err.chain().map(|c| c.to_string()).collect();
    let _ = writeln!(e, "{} {}", paint.error("error:"), clean(&chain.join(": ")));
    EXIT_USAGE
}
