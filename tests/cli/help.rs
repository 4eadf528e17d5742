//! `--help` of every command, as users read it: a change to the command line shows here.

use crate::support::*;

#[test]
fn help_of_every_command() {
    let commands = [
        "",
        "check",
        "status",
        "list",
        "show",
        "report",
        "new",
        "set",
        "note",
        "history",
        "import",
        "init",
        "schema",
        "calendar",
        "explain",
        "completions",
        "man",
    ];
    for command in commands {
        let mut args: Vec<&str> = command.split_whitespace().collect();
        args.push("--help");
        let out = plan().env("COLUMNS", "100").args(&args).assert().code(0);
        let name = if command.is_empty() { "plan" } else { command };
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cli/snapshots/help")
            .join(format!("{name}.txt"));
        snapbox::assert_data_eq!(stdout(&out), snapbox::Data::read_from(&path, None).raw());
    }
}
