//! Plan text that tries to escape its place (issue 10, items 9 and 10): a line break in a
//! name, title, file name or list item never starts a new output line; no output line starts
//! a CI runner's command (`::error`, `##[`); JSON escapes C1 controls, DEL, bidi controls and
//! invisible characters. Every format of every command that shows plan text, stdout and
//! stderr.

use serde_json::Value;

use crate::support::*;

/// The line breaks a reader may end a line at, one per field below.
const FORGED: &str = "::error file=README.md,line=1::forged";

/// A plan whose every kind of text carries a line break followed by a workflow command, and
/// a `##[` marker: the plan's title, a track, a place, an initiative's title, owner, tags,
/// partners, description, log, and a file name.
fn hostile() -> Fixture {
    let manifest = format!(
        r#"[plan]
title = "Planen\u2029{FORGED} ##[warning]plan"
year = 2017
language = "da"

[rules]
min_per_track = 5

[[track]]
name = "Ny\n{FORGED}"
aliases = []

[[track]]
name = "Hygge\u2028::notice::spor"
aliases = []

[[location]]
name = "Viby\r::error::sted"
aliases = []
"#
    );
    let initiative = |period: &str| {
        format!(
            r#"title = "Titel\r\n{FORGED} ##[error]titel ##vso[task.setvariable]x"
period = "{period}"
tracks = ["Ny\n{FORGED}", "Hygge\u2028::notice::spor"]
locations = ["Viby\r::error::sted"]
owner = "Ejer\u000b::error::ejer"
partners = ["Partner\u000c::error::partner"]
tags = ["emne\u0085::error::emne"]
description = """
Første linje
::error::beskrivelse
   ##[group]gruppe"""

[[log]]
date = 2017-01-05
text = "Note\n  ::error::note"
"#
        )
    };
    Fixture::new()
        .file("plan.toml", &manifest)
        .file("a.toml", &initiative("Q1"))
        .file("b.toml", &initiative("Q2"))
        .file("c.toml", &initiative("Q2"))
        .file("x\n::error::fil.toml", &initiative("Q3"))
        // A title that wraps, at 60 columns, so that `::` begins a line of the table.
        .file(
            "w.toml",
            "title = \"Aktivitet a b c d e f g h i j k l m n o p q r s t u v w x y z ::error::ombrudt\"\n\
             period = \"Q4\"\ntracks = [\"Hygge\\u2028::notice::spor\"]\n",
        )
}

/// No line, leading white space removed, starts with `::`, and no `##[` or `##vso[` at all.
fn assert_no_command(what: &str, text: &str) {
    for line in text.split(['\n', '\r']) {
        assert!(
            !line.trim_start().starts_with("::"),
            "{what}: a line starts a command: {line:?}\n{text}"
        );
        assert!(
            !line.contains("##[") && !line.contains("##vso["),
            "{what}: a runner marker: {line:?}\n{text}"
        );
    }
}

const TODAY: &str = "2017-05-15";

#[test]
fn a_line_break_in_plan_text_never_starts_an_output_line() {
    let f = hostile();
    let runs: &[&[&str]] = &[
        &["check"],
        &["check", "--strict"],
        &["status"],
        &["list"],
        &["list", "--format", "markdown"],
        &["list", "--format", "csv"],
        &["show", "a"],
        &["report", "-q", "Q2"],
        &["report", "-q", "Q2", "--format", "text"],
        &["report", "-q", "Q2", "--format", "html"],
        &["report", "-q", "Q2", "--format", "csv"],
        &["set", "a", "status=active"],
        &["note", "b", "Ny note\n::error::ny ##[error]x"],
        &[
            "new",
            "Ny\n::error::indsats",
            "--period",
            "Q4",
            "--track",
            "Hygge\u{2028}::notice::spor",
        ],
    ];
    for args in runs {
        let out = plan_in(f.dir())
            .env("COLUMNS", "60")
            .args(["--today", TODAY, "--color", "never"])
            .args(*args)
            .assert();
        let what = args.join(" ");
        assert_no_command(&format!("{what} (stdout)"), &stdout(&out));
        assert_no_command(&format!("{what} (stderr)"), &stderr(&out));
    }

    // A memo written to a file is guarded as standard output is.
    for name in ["memo.html", "memo.md", "memo.txt", "memo.csv"] {
        let path = f.dir().join(name);
        plan_in(f.dir())
            .args(["--today", TODAY, "report", "-q", "Q2", "-o"])
            .arg(&path)
            .assert()
            .success();
        assert_no_command(name, &std::fs::read_to_string(&path).unwrap());
    }

    // A name shown inside a line stays on it.
    let out = f.run(&["--color", "never", "check"]);
    let text = stdout(&out);
    assert!(text.contains(&format!("track `Ny {FORGED}` has")), "{text}");
    let out = f.run(&["--today", TODAY, "list", "--format", "markdown"]);
    assert!(
        stdout(&out).contains("| Viby ::error::sted |"),
        "{}",
        stdout(&out)
    );

    // Multi-line text shown as such: the line that would start a command is marked.
    let out = f.run(&["--today", TODAY, "show", "a"]);
    let text = stdout(&out);
    assert!(
        text.contains("  Første linje\n  \\::error::beskrivelse\n"),
        "{text}"
    );
    assert!(text.contains("##\\[group]gruppe"), "{text}");
    assert!(text.contains("\\::error::note"), "{text}");
}

#[test]
fn github_annotations_escape_every_line_break() {
    let f = hostile();
    let out = f.run(&["check", "--format", "github"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line:?}\n{text}"
        );
        assert!(!line.contains('\r'), "{line:?}");
    }
    // The file name's newline is %0A, and `:`/`,` in the file property are escaped.
    assert!(
        text.contains("file=plans/x%0A%3A%3Aerror%3A%3Afil.toml,"),
        "{text}"
    );
    assert!(
        text.contains("`Ny%0A::error file=README.md,line=1::forged`"),
        "{text}"
    );
}

#[test]
fn github_annotations_break_runner_markers_in_plan_text() {
    // A track name carrying Azure's and GitHub's anywhere-in-a-line markers, shown in the
    // help of an `unknown-track` finding.
    let f = Fixture::new()
        .file(
            "plan.toml",
            "[plan]\ntitle = \"P\"\nyear = 2017\n\n[[track]]\n\
             name = \"Ny ##vso[task.setvariable variable=x]1 ##[error]y\"\naliases = []\n",
        )
        .file(
            "a.toml",
            "title = \"A\"\nperiod = \"Q1\"\ntracks = [\"Ny\"]\n",
        );
    let out = f.run(&["check", "--format", "github"]);
    let text = stdout(&out);
    assert!(text.contains("unknown track"), "{text}");
    assert!(
        !text.contains("##vso[") && !text.contains("##[error]"),
        "{text}"
    );
    assert!(text.contains("##vso\\[task.setvariable"), "{text}");
}

#[test]
fn a_source_line_in_a_finding_carries_no_unicode_line_separator() {
    // U+2028 and U+2029 are allowed raw in TOML strings and comments; the source line a
    // finding shows must not carry them (some readers end a line there).
    let f = Fixture::new().file(
        "a.toml",
        "title = \"A\u{2028}::error::x\"\nperiod = \"Q9\" # \u{2029}::error::y\ntracks = [\"Hygge\"]\n",
    );
    for format in ["text", "concise", "json", "github"] {
        let out = f.run(&["--color", "never", "check", "--format", format]);
        let text = stdout(&out);
        assert!(text.contains("Q9"), "{format}: {text}");
        assert!(
            !text.contains(['\u{2028}', '\u{2029}']),
            "{format}: {text:?}"
        );
    }
}

/// The text format's `file:line:column` is the one every other format gives when the line
/// holds a hidden character before the finding: it showed each such character as one `?` per
/// byte and counted the column on that (`4:13` where concise said `4:11`).
#[test]
fn the_text_format_counts_a_hidden_character_as_one_column() {
    let f = Fixture::new().filled().file(
        "z.toml",
        "title = \"Z\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nowner\u{200b}\u{ad} = \"x\" # \u{2028}\nstatus\u{200b} = \"plannedd\"\n",
    );
    let concise = stdout(&f.run(&["check", "--format", "concise"]).code(1));
    let text = stdout(&f.run(&["--color", "never", "check"]).code(1));
    let places = |text: &str, pattern: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.split(pattern).nth(1))
            .map(|rest| rest.split([':', ' ']).take(2).collect::<Vec<_>>().join(":"))
            .collect()
    };
    let in_concise = places(&concise, "plans/z.toml:");
    let in_text = places(&text, "--> plans/z.toml:");
    // The `=`-less key's hidden characters, and `plannedd` after one (5:11, not 5:13).
    assert_eq!(in_concise, ["4:6", "5:7", "5:11"], "{concise}");
    assert_eq!(in_text, in_concise, "{text}\n{concise}");
    // One mark for each hidden character in the line shown.
    assert!(text.contains("owner?? = \"x\""), "{text}");
}

/// Whether `c` must be escaped in JSON output: control characters (except in the JSON's
/// own layout), bidi controls, invisible characters, line separators.
fn unsafe_in_json(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2028}' | '\u{2029}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[test]
fn every_json_output_escapes_c1_del_bidi_and_invisible_characters() {
    let title = "Titel \u{9b}31m \u{9d}0;x\u{7} \u{7f} \u{202e}omvendt\u{2066} \u{200b}skjult \u{2028} ##[error]x";
    let toml_title: String = title
        .chars()
        .map(|c| match u32::from(c) {
            0x20..=0x7e if c != '"' && c != '\\' => c.to_string(),
            n if n <= 0xffff => format!("\\u{n:04X}"),
            n => format!("\\U{n:08X}"),
        })
        .collect();
    let f = Fixture::new().filled();
    // The title of both, with every character as a TOML escape.
    let f = f
        .file("ond.toml", &format!("title = \"{toml_title}\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\\u009D\"]\n"))
        .file("ond-2.toml", &format!("title = \"{toml_title}\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n"));
    let runs: &[&[&str]] = &[
        &["check", "--format", "json"],
        &["status", "--format", "json"],
        &["list", "--format", "json"],
        &["report", "-q", "Q2", "--format", "json"],
    ];
    for args in runs {
        let out = plan_in(f.dir())
            .args(["--today", TODAY])
            .args(*args)
            .assert();
        let text = stdout(&out);
        let what = args.join(" ");
        assert!(
            !text.chars().any(unsafe_in_json),
            "{what}: {:?}",
            text.chars()
                .filter(|&c| unsafe_in_json(c))
                .collect::<String>()
        );
        assert!(!text.contains("##["), "{what}: {text}");
        let value: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {e}\n{text}"));
        if what.starts_with("report") {
            // The memo's data is cleaned text already (what the other formats show).
            assert!(
                text.contains("Titel 31m 0;x  omvendt skjult"),
                "{what}: {text}"
            );
        } else if what != "check --format json" {
            // Parsed back, the title is the file's, character for character.
            assert!(has_string(&value, title), "{what}: {text}");
            assert!(text.contains(r"\u009b31m"), "{what}: {text}");
            assert!(text.contains(r"\u202eomvendt"), "{what}: {text}");
        }
    }
}

/// Whether `value` has the string `s` anywhere.
fn has_string(value: &Value, s: &str) -> bool {
    match value {
        Value::String(t) => t == s,
        Value::Array(items) => items.iter().any(|v| has_string(v, s)),
        Value::Object(map) => map.values().any(|v| has_string(v, s)),
        _ => false,
    }
}

#[test]
fn a_usage_error_echoing_an_argument_starts_no_command() {
    let out = plan()
        .args(["list", "--format", "x\n::error::forged"])
        .assert()
        .code(2);
    let text = stderr(&out);
    assert!(
        text.contains("invalid value 'x\n\\::error::forged'"),
        "{text}"
    );
    assert_no_command("usage error", &text);
}

/// A carriage return in a file's name reaches the runner as one (`%0D`, which it decodes back),
/// so the annotation names the very file; in the message it is a line break (`%0A`), and no
/// output line holds a raw carriage return.
#[test]
fn github_annotations_keep_a_carriage_return_in_a_file_name() {
    let f = Fixture::new().file(
        "r\r::error::fil.toml",
        "title = \"Læsekreds\"\nperiod = \"Q9\"\n",
    );
    let text = stdout(&f.run(&["check", "--format", "github"]));
    assert!(
        text.contains("file=plans/r%0D%3A%3Aerror%3A%3Afil.toml,"),
        "{text}"
    );
    assert!(!text.contains('\r'), "{text:?}");
    for line in text.lines() {
        assert!(line.starts_with("::"), "{line:?}\n{text}");
    }
}

/// The formats a CI platform links to files with name the very file, line break and all:
/// SARIF percent-encodes it (`%0D`), GitLab's JSON escapes it (`\r`); the formats shown as
/// text or labels (concise, JUnit) make it a space, on one line. The same finding keeps the
/// fingerprint it had when the path was shown cleaned.
#[test]
fn sarif_and_gitlab_point_at_a_file_whose_name_has_a_carriage_return() {
    let f = Fixture::new().file(
        "r\r::error::fil.toml",
        "title = \"Læsekreds\"\nperiod = \"Q9\"\n",
    );
    let sarif: Value = serde_json::from_str(&stdout(&f.run(&["check", "--format", "sarif"])))
        .expect("SARIF is JSON");
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri")
        })
        .collect();
    // The file's findings (missing tracks, its name, its period); the rest are on the folder.
    let on_file = uris.iter().filter(|u| **u != "plans/").count();
    assert_eq!(on_file, 3, "{sarif:#}");
    for uri in uris.iter().filter(|u| **u != "plans/") {
        assert_eq!(*uri, "plans/r%0D%3A%3Aerror%3A%3Afil.toml", "{sarif:#}");
    }
    let gitlab: Value = serde_json::from_str(&stdout(&f.run(&["check", "--format", "gitlab"])))
        .expect("GitLab's report is JSON");
    let issues = gitlab.as_array().expect("an array");
    let on_file: Vec<&Value> = issues
        .iter()
        .filter(|i| i["location"]["path"] != "plans")
        .collect();
    assert_eq!(on_file.len(), 3, "{gitlab:#}");
    for issue in on_file {
        assert_eq!(
            issue["location"]["path"], "plans/r\r::error::fil.toml",
            "{gitlab:#}"
        );
    }
    // Fingerprints are those of the name on one line: a file named with a space in place
    // of the CR has the same ones, but for the finding whose message holds the name itself.
    let spaced = Fixture::new().file(
        "r ::error::fil.toml",
        "title = \"Læsekreds\"\nperiod = \"Q9\"\n",
    );
    let spaced: Value =
        serde_json::from_str(&stdout(&spaced.run(&["check", "--format", "gitlab"])))
            .expect("GitLab's report is JSON");
    let prints = |report: &Value| -> Vec<String> {
        report
            .as_array()
            .expect("an array")
            .iter()
            .filter(|i| {
                !i["description"]
                    .as_str()
                    .unwrap()
                    .contains("not a valid id")
            })
            .map(|i| format!("{} {}", i["check_name"], i["fingerprint"]))
            .collect()
    };
    assert_eq!(prints(&gitlab).len(), issues.len() - 1, "{gitlab:#}");
    assert_eq!(prints(&gitlab), prints(&spaced));
    for format in ["concise", "junit"] {
        let text = stdout(&f.run(&["check", "--format", format]));
        assert!(
            text.contains("plans/r ::error::fil.toml"),
            "{format}: {text}"
        );
        assert!(!text.contains('\r'), "{format}: {text:?}");
    }
    assert_no_command(
        "concise",
        &stdout(&f.run(&["check", "--format", "concise"])),
    );
}

/// A usage error that echoes what was typed shows an invisible or bidi character in it as
/// its escape, as the tool's own errors do: clap's echoed them raw.
#[test]
fn a_usage_error_shows_hidden_characters_typed_as_escapes() {
    for args in [
        &["report", "--quarter", "Q2", "--format", "ht\u{200b}ml"][..],
        &["list", "--color", "\u{202e}always"],
        &["explain", "dead\u{200b}line"],
    ] {
        let out = plan().args(args).assert().code(2);
        let err = stderr(&out);
        assert!(!err.contains(['\u{200b}', '\u{202e}']), "{args:?}: {err:?}");
        assert!(
            err.contains("\\u{200b}") || err.contains("\\u{202e}"),
            "{args:?}: {err}"
        );
    }
}

/// A file whose name holds a hidden character is named with its escape where findings are
/// read by people (text, concise): cleaned, `bro\u{202e}ken.toml` read as `broken.toml`,
/// another file's name.
#[test]
fn a_file_name_with_a_hidden_character_is_named_with_its_escape() {
    let f = Fixture::new().filled().file(
        "bro\u{202e}ken.toml",
        "title = \"B\"\nperiod = \"Q9\"\ntracks = [\"Hygge\"]\n",
    );
    for format in ["text", "concise"] {
        let out = f
            .run(&["--color", "never", "check", "--format", format])
            .code(1);
        let text = stdout(&out);
        assert!(
            text.contains("plans/bro\\u{202e}ken.toml"),
            "{format}: {text}"
        );
        assert!(!text.contains("plans/broken.toml"), "{format}: {text}");
    }
}
