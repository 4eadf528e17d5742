//! `plan list`: filters (aliases, any case, combined), cross-cutting marks, formats, errors,
//! and a closed pipe.

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::*;

const TODAY: &str = "2017-05-15";

/// `plan list --format json` on the shipped plan, with `filters`.
fn list_json(filters: &[&str]) -> Vec<Value> {
    let mut args = vec!["--today", TODAY, "list", "--format", "json"];
    args.extend(filters);
    let out = plan().args(args).assert().success();
    serde_json::from_str::<Value>(&stdout(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn ids(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// The ids of the whole list that satisfy `keep`: the expectation, derived from the data.
fn expected(keep: impl Fn(&Value) -> bool) -> BTreeSet<String> {
    ids(&list_json(&[])
        .into_iter()
        .filter(|i| keep(i))
        .collect::<Vec<_>>())
}

fn has(item: &Value, key: &str, value: &str) -> bool {
    item[key]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v.as_str() == Some(value))
}

#[test]
fn json_has_every_key_of_the_design_and_is_sorted_by_period_then_id() {
    let all = list_json(&[]);
    assert_eq!(all.len(), 28);
    for key in [
        "id",
        "file",
        "title",
        "period",
        "tracks",
        "cross_cutting",
        "locations",
        "partners",
        "depends_on",
        "status",
        "deadline",
        "funding",
        "owner",
        "tags",
        "late",
        "blocked",
        "at_risk",
    ] {
        assert!(all.iter().all(|i| i.get(key).is_some()), "missing {key}");
    }
    let order = ["year", "Q1", "Q2", "Q3", "Q4"];
    let keys: Vec<(usize, String)> = all
        .iter()
        .map(|i| {
            let p = order
                .iter()
                .position(|p| i["period"] == *p)
                .expect("known period");
            (p, i["id"].as_str().unwrap().to_string())
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(all[0]["file"].as_str().unwrap().starts_with("plans/"));
}

#[test]
fn a_track_alias_in_another_case_finds_the_track_and_the_cross_cutting_ones() {
    let got = list_json(&["--track", "VIDEN & VEJLEDNING"]);
    let want = expected(|i| has(i, "tracks", "Viden og vejledning") || i["cross_cutting"] == true);
    assert_eq!(ids(&got), want);
    assert!(got.iter().any(|i| i["cross_cutting"] == true));
    assert!(got.iter().any(|i| i["cross_cutting"] == false));
}

#[test]
fn the_cross_cutting_ones_are_marked_in_the_table() {
    let out = plan()
        .args(["--today", TODAY, "list", "--track", "hygge"])
        .assert()
        .success();
    let text = stdout(&out);
    let cross = expected(|i| i["cross_cutting"] == true).len();
    assert!(text.contains("Tværgående (alle spor)"), "{text}");
    assert!(
        text.contains(&format!(
            "{cross} tværgående indsatser (alle spor) er med, fordi de berører alle spor."
        )),
        "{text}"
    );
}

#[test]
fn only_cross_cutting_with_alle_spor() {
    let got = list_json(&["--track", "all"]);
    assert_eq!(ids(&got), expected(|i| i["cross_cutting"] == true));
}

#[test]
fn a_place_alias_in_any_case() {
    let got = list_json(&["--location", "AAGERUP"]);
    let want = expected(|i| has(i, "locations", "Ågerup"));
    assert!(!want.is_empty());
    assert_eq!(ids(&got), want);
}

#[test]
fn period_status_tag_and_late_filters() {
    assert_eq!(
        ids(&list_json(&["--period", "q2"])),
        expected(|i| i["period"] == "Q2")
    );
    assert_eq!(
        ids(&list_json(&["--status", "Planned"])),
        expected(|i| i["status"] == "planned")
    );
    assert!(list_json(&["--status", "done"]).is_empty());
    assert_eq!(
        ids(&list_json(&["--tag", "Samskabelse"])),
        expected(|i| has(i, "tags", "samskabelse"))
    );
    let late = list_json(&["--late"]);
    assert!(!late.is_empty());
    assert_eq!(ids(&late), expected(|i| i["late"] == true));
}

#[test]
fn filters_combine() {
    let got = list_json(&["--track", "en lokal aktør", "--location", "viby", "--late"]);
    let want = expected(|i| {
        (has(i, "tracks", "En lokal aktør") || i["cross_cutting"] == true)
            && has(i, "locations", "Viby")
            && i["late"] == true
    });
    assert!(!want.is_empty());
    assert_eq!(ids(&got), want);
    let got = list_json(&[
        "--period",
        "Q3",
        "--status",
        "planned",
        "--tag",
        "indretning",
    ]);
    let want = expected(|i| {
        i["period"] == "Q3" && i["status"] == "planned" && has(i, "tags", "indretning")
    });
    assert_eq!(ids(&got), want);
}

#[test]
fn unknown_filter_values_are_usage_errors_with_a_suggestion() {
    for (flag, typed, suggestion) in [
        ("--track", "Hyge", "Hygge"),
        ("--location", "Jylinge", "Jyllinge"),
        ("--status", "plannd", "planned"),
        ("--period", "Q5", ""),
        ("--tag", "samskabelsen", "samskabelse"),
    ] {
        let out = plan().args(["list", flag, typed]).assert().code(2);
        let err = stderr(&out);
        assert!(err.contains(&format!("`{typed}`")), "{err}");
        assert!(
            err.contains(&format!("did you mean `{suggestion}`")) || suggestion.is_empty(),
            "{err}"
        );
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn no_match_says_so() {
    let out = plan().args(["list", "--status", "done"]).assert().success();
    assert_eq!(stdout(&out), "Ingen indsatser matcher.\n");
    let out = plan()
        .args(["--lang", "en", "list", "--status", "done"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "No initiatives match.\n");
}

#[test]
fn shipped_list_at_100_columns() {
    plan()
        .args(["--today", TODAY, "list"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/list-2017-05-15.txt"]);
}

#[test]
fn shipped_list_at_160_columns_late_autumn() {
    plan()
        .env("COLUMNS", "160")
        .args(["--today", "2017-11-30", "list", "--period", "q3"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/list-q3-2017-11-30-wide.txt"]);
}

#[test]
fn shipped_list_before_the_quarter_ends() {
    plan()
        .env("COLUMNS", "80")
        .args(["--today", "2017-02-15", "list", "--period", "Q1"])
        .assert()
        .success()
        .stdout_eq(snapbox::file!["snapshots/list-q1-2017-02-15.txt"]);
}

#[test]
fn table_lines_fit_the_width() {
    for width in ["80", "100", "160"] {
        let out = plan()
            .env("COLUMNS", width)
            .args(["--today", TODAY, "list"])
            .assert()
            .success();
        let widest = stdout(&out)
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap();
        assert!(widest <= width.parse().unwrap(), "{width}: {widest}");
    }
}

/// An id too long for the narrow layout (ids may have 64 characters) does not push the
/// table past the terminal: each initiative becomes a block of lines, its id whole on the
/// first, its title, period and status, and tracks below.
#[test]
fn a_long_id_stacks_the_list_within_80_columns() {
    let long = "laeseklub-for-unge-i-jyllinge-viby-gadstrup-og-gundsoemagle-2017";
    assert_eq!(long.len(), 64);
    let f = Fixture::new().filled().file(
        &format!("{long}.toml"),
        "title = \"Læseklub for unge\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\"]\n",
    );
    for width in ["80", "100"] {
        let out = plan_in(f.dir())
            .env("COLUMNS", width)
            .args(["--today", "2017-05-15", "list"])
            .assert()
            .success();
        let text = stdout(&out);
        assert_fits(&text, width.parse().unwrap(), width);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let at = lines
            .iter()
            .position(|l| *l == long)
            .unwrap_or_else(|| panic!("{width}: {long} whole on a line\n{text}"));
        assert_eq!(
            &lines[at + 1..at + 4],
            ["Læseklub for unge", "2. kvartal · planlagt", "Hygge (Viby)"],
            "{width}\n{text}"
        );
    }
}

#[test]
fn ids_are_never_broken_over_two_lines() {
    for filters in [
        vec![],
        vec!["--track", "fordybelse"],
        vec!["--period", "Q4"],
    ] {
        let want = ids(&list_json(&filters));
        for width in ["80", "100", "160"] {
            let mut args = vec!["--today", TODAY, "list"];
            args.extend(filters.iter().copied());
            let out = plan().env("COLUMNS", width).args(args).assert().success();
            let text = stdout(&out);
            for id in &want {
                assert!(
                    text.contains(&format!(" {id} ")),
                    "{width} {filters:?}: {id}\n{text}"
                );
            }
        }
    }
}

#[test]
fn markdown_is_a_table_in_the_plans_language() {
    let out = plan()
        .args(["--today", TODAY, "list", "--format", "markdown", "--late"])
        .assert()
        .success();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("| Id | Periode | Titel |"), "{text}");
    assert_eq!(lines.len(), 2 + expected(|i| i["late"] == true).len());
    assert!(lines[2..].iter().all(|l| l.contains("forsinket")));
}

#[test]
fn csv_has_a_bom_the_json_keys_and_guards_formulas() {
    let f = Fixture::new()
        .manifest("min_per_track = 1")
        .file(
            "formel.toml",
            "title = \"=HYPERLINK(\\\"http://x\\\")\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\nowner = \"@chef\"\ntags = [\"-minus\"]\n",
        );
    let out = f.run(&["list", "--format", "csv"]).success();
    let bytes = &out.get_output().stdout;
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(headers.len(), 17);
    let row = reader.records().next().unwrap().unwrap();
    let field = |name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(field("title"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(field("owner"), "'@chef");
    assert_eq!(field("tags"), "'-minus");
    assert_eq!(field("period"), "Q1");
}

#[test]
fn a_closed_pipe_ends_the_list_quietly() {
    // Enough output to fill the pipe: the writer meets the closed end.
    let mut f = Fixture::new().manifest("min_per_track = 1");
    for n in 0..400 {
        f = f.initiative(
            &format!("indsats-{n:03}"),
            "Q2",
            &["Hygge"],
            &format!("description = \"{}\"\n", "lang tekst ".repeat(40)),
        );
    }
    let mut child = Command::new(snapbox::cmd::cargo_bin!("plan"))
        .args(["list", "--format", "json"])
        .current_dir(f.dir())
        .env_remove("PLAN_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the reader went away, like `head`.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn statuses_and_periods_may_be_typed_as_the_danish_table_shows_them() {
    let f = Fixture::new()
        .filled()
        .initiative("a", "Q2", &["Hygge"], "status = \"done\"\n")
        .initiative("b", "Q2", &["Hygge"], "status = \"active\"\n")
        .initiative("c", "Q3", &["Hygge"], "status = \"done\"\n");
    let ids = |args: &[&str]| -> Vec<String> {
        let out = f.run(args).code(0);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&["list", "--status", "færdig", "--format", "json"]),
        ["a", "c"]
    );
    assert_eq!(
        ids(&["list", "--status", "I gang", "--format", "json"]),
        ["b"]
    );
    assert_eq!(
        ids(&["list", "--period", "2. kvartal", "--format", "json"]),
        ["a", "b"]
    );
    assert_eq!(
        ids(&["list", "--period", "3", "--status", "done", "--format", "json"]),
        ["c"]
    );
    assert_eq!(
        ids(&["list", "--period", "år", "--format", "json"]),
        ["fill-1", "fill-2", "fill-3"]
    );
    f.run(&["list", "--status", "klar"]).code(2);
}

#[test]
fn a_pipe_cannot_break_the_markdown_table() {
    // A file named `a|b.toml` is not a valid id: it counts toward nothing and is not listed.
    // A pipe in a title is escaped.
    let f = Fixture::new()
        .filled()
        .initiative("a|b", "Q1", &["Hygge"], "")
        .file(
            "ab.toml",
            "title = \"a|b\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n",
        );
    let out = f
        .run(&["list", "--format", "markdown", "--period", "Q1"])
        .code(0);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "{text}");
    let row = text.lines().find(|l| l.contains("a\\|b")).expect(&text);
    assert!(row.starts_with("| ab |"), "{text}");
    assert_eq!(
        row.matches(" | ").count(),
        text.lines().next().unwrap().matches(" | ").count()
    );
}
