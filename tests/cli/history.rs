//! The dated history: `set` and `note` write it, every command reads the plan as it was on
//! the as-of date, the memo of an ended quarter describes its close, and `check` has rules
//! for it. The year fixture is lived through with the real binary, a change at a time.

use std::fs;

use serde_json::Value;

use crate::support::*;

const FORMATS: [&str; 7] = ["markdown", "text", "html", "csv", "json", "xlsx", "docx"];
const CLOSE: [(&str, &str); 4] = [
    ("Q1", "2017-03-31"),
    ("Q2", "2017-06-30"),
    ("Q3", "2017-09-30"),
    ("Q4", "2017-12-31"),
];

/// A small plan of 2017, as issued: every track reaches a minimum of 1.
fn year_plan() -> Fixture {
    Fixture::new()
        .manifest("min_per_track = 1")
        .initiative("moedested", "Q1", &["Hygge"], "")
        .initiative("frivillige", "Q1", &["Fordybelse"], "")
        .initiative("bogbus", "Q2", &["En lokal aktør"], "")
        .initiative(
            "bogbus-app",
            "Q3",
            &["Digitale forbindelser"],
            "depends_on = [\"bogbus\"]\n",
        )
        .initiative(
            "festival",
            "Q2",
            &["Viden og vejledning"],
            "funding = \"pending\"\n",
        )
        .initiative("struktur", "Q4", &["Struktur for livet"], "")
        .initiative("udstilling", "Q2", &["Hygge"], "")
        .initiative(
            "events",
            "year",
            &["Indgang til fællesskab", "En lokal aktør"],
            "",
        )
}

/// The year, as a coordinator lives it: changes in all four quarters (a postponement, a move,
/// a cancellation, denied funding, work depending on the cancelled one, an initiative added,
/// a title, owner, places, partners, tags and dependencies changed after quarters closed).
const ACTIONS: &[(&str, &[&str])] = &[
    ("2017-01-10", &["set", "moedested", "status=active"]),
    ("2017-02-01", &["note", "moedested", "Første møde holdt."]),
    ("2017-03-01", &["set", "frivillige", "status=postponed"]),
    ("2017-03-20", &["set", "moedested", "status=done"]),
    ("2017-04-03", &["set", "frivillige", "period=Q3"]),
    ("2017-04-10", &["set", "festival", "status=active"]),
    ("2017-05-05", &["set", "bogbus", "status=cancelled"]),
    (
        "2017-05-05",
        &["note", "bogbus", "Aflyst: bogbussen udbydes."],
    ),
    ("2017-05-20", &["set", "udstilling", "period=Q4"]),
    ("2017-06-01", &["set", "festival", "funding=denied"]),
    ("2017-07-05", &["set", "festival", "status=done"]),
    (
        "2017-07-20",
        &[
            "set",
            "festival",
            "title=Festival (omdøbt i juli)",
            "owner=Ida",
        ],
    ),
    ("2017-07-20", &["set", "events", "depends_on+=struktur"]),
    (
        "2017-07-25",
        &[
            "set",
            "bogbus",
            "locations+=Viby",
            "partners+=Skolen",
            "tags+=bus",
        ],
    ),
    ("2017-08-01", &["set", "frivillige", "status=active"]),
    (
        "2017-08-15",
        &["new", "Læseklub", "--period", "Q4", "--track", "Hygge"],
    ),
    ("2017-09-10", &["set", "frivillige", "status=done"]),
    ("2017-10-03", &["set", "struktur", "status=active"]),
    ("2017-11-01", &["note", "struktur", "Første workshop."]),
    ("2017-12-15", &["set", "events", "status=done"]),
];

/// The memo's bytes (xlsx and docx are binary: compared as bytes, shown lossily).
fn memo(fixture: &Fixture, today: &str, quarter: &str, format: &str) -> String {
    let out = fixture.run(&[
        "--today", today, "report", "-q", quarter, "--format", format,
    ]);
    let bytes = &out.get_output().stdout;
    match format {
        "xlsx" | "docx" => bytes.iter().map(|b| format!("{b:02x}")).collect(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn json(fixture: &Fixture, args: &[&str]) -> Value {
    serde_json::from_str(&stdout(&fixture.run(args).success())).expect("JSON")
}

/// Lives the year; returns the memos written on each quarter's last day.
fn live_the_year(fixture: &Fixture) -> Vec<(String, String)> {
    let mut at_close = Vec::new();
    let mut pending = CLOSE.iter().peekable();
    for (date, args) in ACTIONS {
        while let Some((q, close)) = pending.next_if(|(_, close)| close < date) {
            for format in FORMATS {
                at_close.push((format!("{q}.{format}"), memo(fixture, close, q, format)));
            }
        }
        let mut all = vec!["--today", date];
        all.extend_from_slice(args);
        fixture.run(&all).success();
    }
    for (q, close) in pending {
        for format in FORMATS {
            at_close.push((format!("{q}.{format}"), memo(fixture, close, q, format)));
        }
    }
    at_close
}

#[test]
fn a_year_lived_gives_the_same_memos_at_each_close_and_a_year_later() {
    let f = year_plan();
    let at_close = live_the_year(&f);
    assert_eq!(at_close.len(), 28);
    for (name, written) in &at_close {
        let (q, format) = name.split_once('.').unwrap();
        let later = memo(&f, "2018-12-31", q, format);
        assert_eq!(&later, written, "{name} differs when written a year later");
    }
    // The year is there: the history is in the files and `check` is content with it.
    let frivillige = fs::read_to_string(f.plans().join("frivillige.toml")).unwrap();
    assert!(
        frivillige.contains("period = { from = \"Q1\", to = \"Q3\" }"),
        "{frivillige}"
    );
    let found = json(&f, &["check", "--format", "json"]);
    assert_eq!(
        found["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["depends-on-dropped"],
        "{found}"
    );

    // What the memos say at each close.
    let q1 = json(&f, &["report", "-q", "Q1", "--format", "json"]);
    assert_eq!(q1["as_of"], "2017-03-31");
    let t = &q1["totals"];
    assert_eq!(
        (t["initiatives"].as_u64(), t["done"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(t["postponed"], 1);
    let frivillige = q1["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "frivillige")
        .unwrap();
    // Postponed is moved, not late, and not "not reached".
    assert_eq!(frivillige["status"], "postponed");
    assert_eq!(frivillige["late"], false);
    assert_eq!(frivillige["not_reached"], false);

    // Q2: the move out of Q1 is told in Q1's memo only from its date; Q2 names the cancellation,
    // the denied funding, and the dependency on the cancelled work.
    let q2 = memo(&f, "2018-01-01", "Q2", "markdown");
    assert!(
        q2.contains("3 indsatser: 0 færdige, 1 i gang, 1 udskudt og 1 aflyst"),
        "{q2}"
    );
    assert!(
        q2.contains("fik afslag på finansiering"),
        "denied funding needs attention: {q2}"
    );
    assert!(
        q2.contains("venter på »Initiative bogbus«, som er aflyst"),
        "{q2}"
    );
    assert!(
        q2.contains("Flyttet: »Initiative frivillige« (3. april 2017, til 3. kvartal)"),
        "{q2}"
    );
    assert!(!q2.contains("Læseklub"), "added in Q3: {q2}");
    // Moved out of Q2 before its close: still in Q2's memo, as moved, and to where.
    assert!(
        q2.contains("| Initiative udstilling | Hygge |  | planlagt, flyttet til 4. kvartal |"),
        "{q2}"
    );
    let q2_en = stdout(&f.run(&["report", "-q", "Q2", "--lang", "en"]));
    assert!(q2_en.contains("funding denied"), "{q2_en}");
    assert!(
        q2_en.contains("waits for “Initiative bogbus”, which is cancelled"),
        "{q2_en}"
    );
    assert!(q2_en.contains("Since last quarter"), "{q2_en}");

    // Q4: the initiative added in Q3 is new, and not reached at the close.
    let q4 = json(&f, &["report", "-q", "Q4", "--format", "json"]);
    let ids: Vec<&str> = q4["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["laeseklub", "struktur", "udstilling"]);
    assert_eq!(q4["totals"]["not_reached"], 3);
    let q3 = json(&f, &["report", "-q", "Q3", "--format", "json"]);
    let new: Vec<&str> = q3["since_last_quarter"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "new")
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(new, ["laeseklub"]);
}

#[test]
fn the_shipped_q2_memo_at_its_close_lists_seven_not_reached_and_adds_up() {
    let out = plan()
        .args([
            "--today",
            "2017-06-30",
            "report",
            "-q",
            "Q2",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let memo: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let items = memo["initiatives"].as_array().unwrap();
    assert_eq!(items.len(), 7);
    assert!(items.iter().all(|i| i["not_reached"] == true), "{memo}");
    let t = &memo["totals"];
    assert_eq!(t["not_reached"], 7);
    let sum: u64 = ["done", "active", "planned", "postponed", "cancelled"]
        .iter()
        .map(|k| t[k].as_u64().unwrap())
        .sum();
    assert_eq!(t["initiatives"].as_u64(), Some(sum));
    let opening = memo["summary"][0].as_str().unwrap();
    assert_eq!(
        opening,
        "2. kvartal 2017 omfatter 7 indsatser: 0 færdige og 7 planlagte; heraf 1 blokeret."
    );
    assert!(
        memo["summary"][1]
            .as_str()
            .unwrap()
            .starts_with("Ved udgangen af 2. kvartal var 7 indsatser ikke nået"),
        "{memo}"
    );
    // Every one of them is named under attention.
    let attention = memo["attention"].as_array().unwrap();
    for item in items {
        assert!(attention.iter().any(|a| a["id"] == item["id"]), "{item}");
    }
    // The close of Q4 is the close of the year: whole-year work not done is not reached.
    let q4: Value = serde_json::from_str(&stdout(
        &plan()
            .args([
                "--today",
                "2017-12-31",
                "report",
                "-q",
                "Q4",
                "--format",
                "json",
            ])
            .assert()
            .success(),
    ))
    .unwrap();
    assert_eq!(q4["totals"]["whole_year_not_reached"], 5);
    let said = q4["summary"].as_array().unwrap();
    assert!(
        said.iter()
            .any(|s| s == "Af helårsindsatserne var 5 indsatser ikke nået ved udgangen af 2017."),
        "{q4}"
    );
    assert!(
        q4["attention"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["period"] == "year"
                && a["reasons"][0] == serde_json::json!({"kind": "not-reached", "period": "year"})),
        "{q4}"
    );
    // The healthy parts of the plan are not called short: the year's plan is what counts.
    let q1 = stdout(
        &plan()
            .args(["--today", "2017-03-31", "report", "-q", "Q1"])
            .assert()
            .success(),
    );
    assert!(q1.contains("Årets plan når minimum på 5 af 7 spor"), "{q1}");
    assert!(q1.contains("| Hygge | 2 | 0 | 4 | 3 | opfyldt |"), "{q1}");
}

/// Every field a view shows or filters by has a dated history: a title, owner, places,
/// partners, tags or dependency set in August is not in a list, a filter or `show` as of
/// June (a place added to an initiative that had none was shown as always there), and the
/// log says what changed.
#[test]
fn a_later_change_of_any_shown_field_is_not_seen_before_its_date() {
    let f = year_plan();
    f.run(&[
        "--today",
        "2017-08-01",
        "set",
        "bogbus",
        "title=Bogbus (ny titel)",
        "owner=Ida",
        "locations+=Viby",
        "partners+=Skolen",
        "tags+=bus",
        "depends_on+=festival",
    ])
    .success();
    let record = |today: &str| {
        let list = json(&f, &["--today", today, "list", "--format", "json"]);
        list.as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "bogbus")
            .cloned()
            .unwrap()
    };
    let june = record("2017-06-30");
    assert_eq!(june["title"], "Initiative bogbus");
    assert_eq!(june["owner"], Value::Null);
    for key in ["locations", "partners", "tags", "depends_on"] {
        assert_eq!(june[key], serde_json::json!([]), "{key}: {june}");
    }
    assert_eq!(june["blocked"], false);
    let august = record("2017-08-02");
    assert_eq!(august["title"], "Bogbus (ny titel)");
    assert_eq!(august["owner"], "Ida");
    assert_eq!(august["locations"], serde_json::json!(["Viby"]));
    assert_eq!(august["depends_on"], serde_json::json!(["festival"]));
    assert_eq!(august["blocked"], true);
    let filtered = |today: &str, filter: &[&str]| {
        let mut args = vec!["--today", today, "list", "--format", "json"];
        args.extend_from_slice(filter);
        json(&f, &args).as_array().unwrap().len()
    };
    assert_eq!(filtered("2017-06-30", &["--tag", "bus"]), 0);
    assert_eq!(filtered("2017-08-02", &["--tag", "bus"]), 1);
    assert_eq!(filtered("2017-06-30", &["--location", "Viby"]), 0);
    let show = stdout(
        &f.run(&["--today", "2017-06-30", "show", "bogbus"])
            .success(),
    );
    assert!(!show.contains("ny titel"), "{show}");
    let show = stdout(
        &f.run(&["--today", "2017-08-02", "show", "bogbus"])
            .success(),
    );
    for said in [
        "Titel: Initiative bogbus → Bogbus (ny titel)",
        "Ansvarlig: ingen → Ida",
        "Steder: ingen → Viby",
        "Afhænger af: ingen → festival",
    ] {
        assert!(show.contains(said), "{said}\n{show}");
    }
    f.run(&["check"]).success();
}

/// Before its `added` date an initiative is in no view: `set` and `note` refuse an entry
/// dated then (it was written and never read), and `check` warns of one written by hand.
#[test]
fn an_entry_before_the_initiative_was_added_is_refused_and_flagged() {
    let f = year_plan();
    f.run(&[
        "--today",
        "2017-05-01",
        "new",
        "Læseklub",
        "--period",
        "Q2",
        "--track",
        "Hygge",
    ])
    .success();
    let file = f.plans().join("laeseklub.toml");
    let before = std::fs::read(&file).unwrap();
    for args in [
        &["--today", "2017-03-01", "set", "laeseklub", "status=active"][..],
        &[
            "--today",
            "2017-02-01",
            "note",
            "laeseklub",
            "Før den fandtes",
        ],
    ] {
        let out = f.run(args).code(1);
        assert!(
            stderr(&out).contains("was added to the plan on 2017-05-01"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&file).unwrap(), before, "{args:?}");
    }
    f.run(&["--today", "2017-05-01", "note", "laeseklub", "Samme dag"])
        .success();
    let mut text = String::from_utf8(before).unwrap();
    text.push_str("\n[[log]]\ndate = 2017-02-01\ntext = \"I hånden\"\n");
    std::fs::write(&file, text).unwrap();
    let out = stdout(&f.run(&["check", "--format", "concise"]).success());
    assert!(
        out.contains("warning[history-date] a [[log]] entry is dated 2017-02-01, before the initiative was added to the plan (2017-05-01)"),
        "{out}"
    );
}

/// `plan new` on the 2017 plan without --today dated `added` by the system date: the
/// initiative was then in no view of 2017, and nothing said so.
#[test]
fn an_initiative_added_after_the_plan_year_is_flagged_by_new_and_check() {
    let f = year_plan();
    let out = f
        .run(&["new", "Læseklub", "--period", "Q2", "--track", "Hygge"])
        .success();
    let said = stderr(&out);
    assert!(
        said.contains("warning[history-date]: `added` is ")
            && said.contains("after the plan year 2017"),
        "{said}"
    );
    let text = stdout(&f.run(&["check", "--format", "concise"]).success());
    assert!(
        text.contains("plans/laeseklub.toml:6:9: warning[history-date] `added` is "),
        "{text}"
    );
    // Added before the year (the plan is written in December): as it should be.
    let file = f.plans().join("laeseklub.toml");
    let written = std::fs::read_to_string(&file).unwrap();
    let added = written
        .lines()
        .find(|l| l.starts_with("added = "))
        .unwrap()
        .to_string();
    std::fs::write(&file, written.replace(&added, "added = 2016-12-14")).unwrap();
    let text = stdout(&f.run(&["check", "--format", "concise"]).success());
    assert!(!text.contains("history-date"), "{text}");
}

#[test]
fn the_plan_as_it_was_on_the_as_of_date_in_status_list_and_show() {
    let f = year_plan();
    for (date, args) in &ACTIONS[..4] {
        let mut all = vec!["--today", date];
        all.extend_from_slice(args);
        f.run(&all).success();
    }
    // 15 January: moedested was active, the note of 1 February not yet written.
    let status = json(&f, &["--today", "2017-01-15", "status", "--format", "json"]);
    assert_eq!(status["totals"]["active"], 1);
    assert_eq!(status["totals"]["done"], 0);
    let list = json(&f, &["--today", "2017-01-15", "list", "--format", "json"]);
    let moedested = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "moedested")
        .unwrap();
    assert_eq!(moedested["status"], "active");
    let show = stdout(
        &f.run(&["--today", "2017-01-15", "show", "moedested"])
            .success(),
    );
    assert!(!show.contains("Første møde"), "{show}");
    let show = stdout(
        &f.run(&["--today", "2017-03-25", "show", "moedested"])
            .success(),
    );
    assert!(show.contains("Første møde"), "{show}");
    assert!(show.contains("Status: planlagt → i gang"), "{show}");
    let show = stdout(
        &f.run(&["--today", "2017-03-25", "--lang", "en", "show", "moedested"])
            .success(),
    );
    assert!(show.contains("Status: active → done"), "{show}");
    // Postponed work is never late.
    let list = json(&f, &["--today", "2017-05-01", "list", "--format", "json"]);
    let frivillige = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "frivillige")
        .unwrap();
    assert_eq!(frivillige["status"], "postponed");
    assert_eq!(frivillige["late"], false);
}

#[test]
fn a_back_dated_note_and_change_land_where_their_dates_belong() {
    let f = year_plan();
    f.run(&["--today", "2017-05-01", "note", "moedested", "maj"])
        .success();
    f.run(&["--today", "2017-02-01", "note", "moedested", "februar"])
        .success();
    f.run(&["--today", "2017-03-01", "set", "moedested", "status=active"])
        .success()
        .stdout_eq("plans/moedested.toml: changed status (history: status dated 2017-03-01)\n");
    let text = fs::read_to_string(f.plans().join("moedested.toml")).unwrap();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(
        at("februar") < at("2017-03-01") && at("2017-03-01") < at("maj"),
        "{text}"
    );
    let found = json(&f, &["check", "--format", "json"]);
    assert_eq!(found["diagnostics"], serde_json::json!([]), "{found}");
}

#[test]
fn a_memo_names_the_files_it_leaves_out_in_every_format() {
    let f = year_plan().file("broken.toml", "title = \"Halv\nperiod = \"Q2\"\n");
    // The memo in a format, its words on one line (a sentence may wrap).
    let memo = |f: &Fixture, format: &str| {
        let text = stdout(&f.run(&[
            "--today",
            "2017-05-01",
            "report",
            "-q",
            "Q2",
            "--format",
            format,
        ]));
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    // The text formats (xlsx and docx are zipped; they carry the same summary sentence).
    for &format in &FORMATS[..5] {
        let out = memo(&f, format);
        assert!(out.contains("broken.toml"), "{format}: {out}");
        let said = if format == "json" {
            out.contains("\"left_out\"")
        } else {
            out.contains("1 fil med fejl")
        };
        assert!(said, "{format}: {out}");
    }
    let en = stdout(&f.run(&[
        "--today",
        "2017-05-01",
        "report",
        "-q",
        "Q2",
        "--lang",
        "en",
    ]));
    assert!(en.contains("1 file with errors may be missing"), "{en}");
    // One file: "ufuldstændig", as two are "ufuldstændige".
    let da = memo(&f, "text");
    assert!(da.contains("eller være ufuldstændig: "), "{da}");
    let da = memo(
        &f.file("broken-2.toml", "title = \"Halv\nperiod = \"Q2\"\n"),
        "text",
    );
    assert!(da.contains("2 filer med fejl"), "{da}");
    assert!(da.contains("eller være ufuldstændige: "), "{da}");
}

#[test]
fn undated_statuses_are_counted_in_the_memo_and_pointed_out_by_check() {
    let f = year_plan().initiative("haand", "Q2", &["Hygge"], "status = \"done\"\n");
    let md = stdout(&f.run(&["--today", "2017-04-15", "report", "-q", "Q2"]));
    assert!(
        md.contains("1 status i notatet har ingen dato i historikken"),
        "{md}"
    );
    // One status: "hvilken" and "is taken", as two are "hvilke" and "are taken".
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(one_line(&md).contains("(plan check viser hvilken)"), "{md}");
    let en = stdout(&f.run(&[
        "--today",
        "2017-04-15",
        "report",
        "-q",
        "Q2",
        "--lang",
        "en",
    ]));
    assert!(
        en.contains("1 status in this memo rests on changes without a date"),
        "{en}"
    );
    assert!(
        one_line(&en).contains("without a date and is taken to hold"),
        "{en}"
    );
    let found = json(&f, &["check", "--format", "json"]);
    let d = &found["diagnostics"][0];
    assert_eq!(d["rule"], "undated-status");
    assert_eq!(d["file"], "plans/haand.toml");
    assert_eq!(d["line"], 4);
    let two = f.initiative("fod", "Q2", &["Hygge"], "status = \"done\"\n");
    let md = one_line(&stdout(&two.run(&[
        "--today",
        "2017-04-15",
        "report",
        "-q",
        "Q2",
    ])));
    assert!(md.contains("2 statusser i notatet"), "{md}");
    assert!(md.contains("(plan check viser hvilke)"), "{md}");
}

/// A status edited by hand after its last dated change holds from the next day: on the
/// change's own day the change's value holds (`show` printed "Status færdig" above the day's
/// "planlagt → i gang"), and the memo says it is counted from the day after that change,
/// not "from the year's start", which was untrue.
#[test]
fn a_hand_edit_after_the_last_change_holds_from_the_next_day_and_is_said_so() {
    let f = year_plan().initiative("haand", "Q2", &["Hygge"], "");
    f.run(&["--today", "2017-04-25", "set", "haand", "status=active"])
        .success();
    let file = f.plans().join("haand.toml");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("status = \"active\"", "status = \"done\"");
    fs::write(&file, text).unwrap();
    let status_on = |day: &str| {
        let out = json(&f, &["--today", day, "list", "--format", "json"]);
        out.as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "haand")
            .map(|i| i["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status_on("2017-04-24"), "planned");
    assert_eq!(status_on("2017-04-25"), "active");
    assert_eq!(status_on("2017-04-26"), "done");
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let md = one_line(&stdout(&f.run(&[
        "--today",
        "2017-06-30",
        "report",
        "-q",
        "Q2",
    ])));
    assert!(
        md.contains("1 status i notatet er rettet i filen efter den seneste daterede ændring, uden dato, og regnes fra dagen efter den"),
        "{md}"
    );
    assert!(!md.contains("regnes derfor fra årets start"), "{md}");
}

/// The history disagreeing with itself is a `history-mismatch`: a change from another value
/// than the one before it made (the chain broken by hand, or one change recorded twice),
/// and a first change of the period that does not say what it came from (the period was
/// then taken to be the new one all year, and the initiative left its closed quarter). A
/// first change from a status other than `planned` rests on no date: `undated-status`.
#[test]
fn a_history_that_disagrees_with_itself_is_found() {
    let broken = format!(
        "{HEAD}status = \"done\"\n\n[[log]]\ndate = 2017-04-15\nstatus = {{ from = \"planned\", to = \"active\" }}\n\n[[log]]\ndate = 2017-05-15\nstatus = {{ from = \"planned\", to = \"done\" }}\n"
    );
    assert_eq!(
        findings(&broken),
        [("history-mismatch".to_string(), "warning".to_string(), 10)]
    );
    let chained = broken.replace(
        "from = \"planned\", to = \"done\"",
        "from = \"active\", to = \"done\"",
    );
    assert_eq!(findings(&chained), []);
    let short_period = "title = \"X\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndate = 2017-04-03\nperiod = \"Q3\"\n";
    assert_eq!(
        findings(short_period),
        [("history-mismatch".to_string(), "warning".to_string(), 5)]
    );
    let from_active = format!(
        "{HEAD}status = \"done\"\n\n[[log]]\ndate = 2017-07-10\nstatus = {{ from = \"active\", to = \"done\" }}\n"
    );
    assert_eq!(
        findings(&from_active),
        [("undated-status".to_string(), "warning".to_string(), 6)]
    );
    // Two contradicting changes of one day: no day between for an undated change.
    let same_day = format!(
        "{HEAD}status = \"done\"\n\n[[log]]\ndate = 2017-04-15\nstatus = {{ from = \"planned\", to = \"active\" }}\n\n[[log]]\ndate = 2017-04-15\nstatus = {{ from = \"planned\", to = \"done\" }}\n"
    );
    let f = year_plan().file("x.toml", &same_day);
    let found = json(&f, &["check", "--format", "json"]);
    let message = found["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "plans/x.toml")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .unwrap();
    assert!(
        message.ends_with("the two contradict each other"),
        "{message}"
    );
    // The memo of a closed quarter counts that status among the undated ones.
    let f = year_plan().file("x.toml", &from_active);
    let q2 = json(
        &f,
        &[
            "--today",
            "2017-12-31",
            "report",
            "-q",
            "Q2",
            "--format",
            "json",
        ],
    );
    assert_eq!(q2["undated"], serde_json::json!(["x"]), "{q2}");
}

/// Runs `check` on one initiative file beside the year plan and returns its findings as
/// (rule, severity, line).
fn findings(extra: &str) -> Vec<(String, String, u64)> {
    findings_exiting(extra, 0)
}

/// [`findings`] of a plan whose `check` exits with `code`.
fn findings_exiting(extra: &str, code: i32) -> Vec<(String, String, u64)> {
    let f = year_plan().file("x.toml", extra);
    let out = f.run(&["check", "--format", "json"]).code(code);
    let found: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    found["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "plans/x.toml")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

const HEAD: &str = "title = \"X\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n";

/// The entry `history-mismatch` offers as its fix is TOML: an absent funding on either side
/// is left out of the inline table (it offered `from = absent`, which does not parse).
#[test]
fn the_history_mismatch_help_is_toml_when_a_side_is_absent() {
    let text = format!(
        "{HEAD}funding = \"pending\"\n\n[[log]]\ndate = 2017-04-20\nfunding = {{ from = \"pending\" }}\n"
    );
    let f = Fixture::new().filled().file("x.toml", &text);
    let json: Value =
        serde_json::from_str(&stdout(&f.run(&["check", "--format", "json"]).code(0))).unwrap();
    let help = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "history-mismatch")
        .and_then(|d| d["help"].as_str())
        .expect("a history-mismatch with help")
        .to_string();
    let entry = help
        .split('`')
        .find(|part| part.starts_with("funding = {"))
        .unwrap_or_else(|| panic!("{help}"));
    assert_eq!(entry, "funding = { to = \"pending\" }");
    entry
        .parse::<toml::Table>()
        .expect("the offered entry is TOML");
}

/// A status or funding left out of the file is compared with the history as what it means
/// ("planned"; no funding): the log saying `done` while the file no longer says it is a
/// mismatch, shown on the entry that records the change, since the file has no line for the
/// key. An unreadable value is only `invalid-value` (its default is not what the file says).
#[test]
fn a_status_or_funding_left_out_is_compared_with_the_history() {
    let status_left_out = format!(
        "{HEAD}\n[[log]]\ndate = 2017-04-20\nstatus = {{ from = \"planned\", to = \"done\" }}\n"
    );
    assert_eq!(
        findings(&status_left_out),
        [("history-mismatch".into(), "warning".into(), 5)]
    );
    let f = year_plan().file("x.toml", &status_left_out);
    let text = stdout(&f.run(&["check", "--color", "never"]).code(0));
    assert!(
        text.contains(
            "`status` is left out of the file (so it is \"planned\"), but the last change recorded (2017-04-20) made it \"done\""
        ),
        "{text}"
    );
    assert!(
        text.contains("write `status = \"done\"` in the file if it still holds"),
        "{text}"
    );
    assert!(
        text.contains("`status = { from = \"done\", to = \"planned\" }`"),
        "{text}"
    );
    // The status the log ends in is the default: no mismatch. (The "active" it changed
    // from has no date behind it: undated, on that entry.)
    let back_to_planned = format!(
        "{HEAD}\n[[log]]\ndate = 2017-04-20\nstatus = {{ from = \"active\", to = \"planned\" }}\n"
    );
    assert_eq!(
        findings(&back_to_planned),
        [("undated-status".into(), "warning".into(), 5)]
    );
    let from_planned = back_to_planned.replace(
        "\"active\", to = \"planned\"",
        "\"planned\", to = \"planned\"",
    );
    assert_eq!(findings(&from_planned), []);
    let funding_left_out = format!("{HEAD}\n[[log]]\ndate = 2017-04-20\nfunding = \"pending\"\n");
    assert_eq!(
        findings(&funding_left_out),
        [("history-mismatch".into(), "warning".into(), 5)]
    );
    let text = stdout(
        &year_plan()
            .file("x.toml", &funding_left_out)
            .run(&["check", "--color", "never"])
            .code(0),
    );
    assert!(
        text.contains("`funding` is left out of the file, but the last change recorded (2017-04-20) made it \"pending\""),
        "{text}"
    );
    // Removed in the log and left out of the file: they agree.
    let funding_removed =
        format!("{HEAD}\n[[log]]\ndate = 2017-04-20\nfunding = {{ from = \"pending\" }}\n");
    assert_eq!(findings(&funding_removed), []);
    // Written but unreadable: `invalid-value` alone.
    for (key, value) in [("status", "\"færdig-ish\""), ("funding", "\"måske\"")] {
        let unreadable =
            format!("{HEAD}{key} = {value}\n\n[[log]]\ndate = 2017-04-20\n{key} = \"pending\"\n");
        let found = findings_exiting(&unreadable, 1);
        assert!(
            found.iter().all(|(rule, _, _)| rule != "history-mismatch"),
            "{key}: {found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(rule, _, line)| rule == "invalid-value" && *line == 4),
            "{key}: {found:?}"
        );
    }
}

#[test]
fn history_rules_each_with_its_position() {
    let out_of_order = format!(
        "{HEAD}\n[[log]]\ndate = 2017-05-02\ntext = \"b\"\n\n[[log]]\ndate = 2017-04-20\ntext = \"a\"\n"
    );
    assert_eq!(
        findings(&out_of_order),
        [("history-order".into(), "warning".into(), 9)]
    );
    let mismatch = format!(
        "{HEAD}status = \"done\"\n\n[[log]]\ndate = 2017-04-20\nstatus = {{ from = \"planned\", to = \"active\" }}\n"
    );
    assert_eq!(
        findings(&mismatch),
        [("history-mismatch".into(), "warning".into(), 4)]
    );
    let outside = format!("{HEAD}\n[[log]]\ndate = 2016-12-20\ntext = \"før\"\n");
    assert_eq!(
        findings(&outside),
        [("history-date".into(), "warning".into(), 5)]
    );
    let future = format!("{HEAD}\n[[log]]\ndate = 2099-01-01\ntext = \"senere\"\n");
    let found = findings(&future);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "history-date");
    let undated = format!("{HEAD}status = \"active\"\n");
    assert_eq!(
        findings(&undated),
        [("undated-status".into(), "warning".into(), 4)]
    );
    let dropped = format!("{HEAD}depends_on = [\"bogbus\"]\n");
    let f = year_plan()
        .initiative(
            "bogbus",
            "Q2",
            &["En lokal aktør"],
            "status = \"postponed\"\n\n[[log]]\ndate = 2017-04-01\nstatus = \"postponed\"\n",
        )
        .file("x.toml", &dropped);
    let found = json(&f, &["check", "--format", "json"]);
    let d = &found["diagnostics"][0];
    assert_eq!(d["rule"], "depends-on-dropped", "{found}");
    assert_eq!(d["line"], 4);
    assert!(d["message"].as_str().unwrap().contains("postponed"), "{d}");
    // A valid history has none of them.
    let clean = format!(
        "{HEAD}status = \"active\"\n\n[[log]]\ndate = 2017-04-20\nstatus = {{ from = \"planned\", to = \"active\" }}\ntext = \"I gang.\"\n"
    );
    assert_eq!(findings(&clean), []);
}

#[test]
fn attention_reasons_in_danish_and_english() {
    let f = year_plan()
        .file(
            "bogbus.toml",
            "title = \"Initiative bogbus\"\nperiod = \"Q2\"\ntracks = [\"En lokal aktør\"]\nstatus = \"cancelled\"\n\n[[log]]\ndate = 2017-02-01\nstatus = { from = \"planned\", to = \"cancelled\" }\n",
        )
        .file(
            "festival.toml",
            "title = \"Initiative festival\"\nperiod = \"Q2\"\ntracks = [\"Viden og vejledning\"]\nfunding = \"denied\"\n\n[[log]]\ndate = 2017-02-01\nfunding = { from = \"pending\", to = \"denied\" }\n",
        );
    let status = json(&f, &["--today", "2017-03-01", "status", "--format", "json"]);
    let reasons = |id: &str| -> Vec<Value> {
        status["attention"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["reasons"].as_array().unwrap().clone())
            .unwrap_or_default()
    };
    assert_eq!(
        reasons("bogbus-app"),
        [serde_json::json!({"kind": "waits-on-dropped", "id": "bogbus", "status": "cancelled"})]
    );
    assert_eq!(
        reasons("festival"),
        [serde_json::json!({"kind": "funding-denied"})]
    );
    let da = stdout(&f.run(&["--today", "2017-03-01", "status"]).success());
    assert!(da.contains("venter på bogbus, som er aflyst"), "{da}");
    assert!(da.contains("fik afslag på finansiering"), "{da}");
    let en = stdout(
        &f.run(&["--today", "2017-03-01", "--lang", "en", "status"])
            .success(),
    );
    assert!(en.contains("waits for bogbus, which is cancelled"), "{en}");
    assert!(en.contains("funding denied"), "{en}");
    // At the close of Q1, what Q1 did not reach needs attention, in both languages.
    let q1 = stdout(
        &f.run(&["--today", "2017-03-31", "report", "-q", "Q1"])
            .success(),
    );
    assert!(q1.contains("ikke nået i 1. kvartal"), "{q1}");
    let q1 = stdout(
        &f.run(&[
            "--today",
            "2017-03-31",
            "report",
            "-q",
            "Q1",
            "--lang",
            "en",
        ])
        .success(),
    );
    assert!(q1.contains("not reached in Q1"), "{q1}");
}

/// Runs `git ARGS` in `dir`, committing as a fixed author at `date` (noon UTC).
fn git(dir: &std::path::Path, date: &str, args: &[&str]) {
    git_dated(dir, date, date, args);
}

/// [`git`], authored at `authored` and committed at `committed` (as a rebase leaves a
/// commit: its author date kept, its commit date new).
fn git_dated(dir: &std::path::Path, authored: &str, committed: &str, args: &[&str]) {
    let stamp = format!("{authored}T12:00:00+00:00");
    let committed = format!("{committed}T12:00:00+00:00");
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Koordinator")
        .env("GIT_AUTHOR_EMAIL", "k@example.invalid")
        .env("GIT_COMMITTER_NAME", "Koordinator")
        .env("GIT_COMMITTER_EMAIL", "k@example.invalid")
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &committed)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The year plan in a new git repository (branch `main`), committed on `date`: the
/// fixture, its folder, its `frivillige.toml` and that file's text.
fn year_plan_in_git(date: &str) -> (Fixture, std::path::PathBuf, std::path::PathBuf, String) {
    let f = year_plan();
    let dir = f.dir().to_path_buf();
    let file = f.plans().join("frivillige.toml");
    let original = fs::read_to_string(&file).unwrap();
    git(&dir, date, &["init", "-q", "-b", "main"]);
    git(&dir, date, &["add", "."]);
    git(&dir, date, &["commit", "-q", "-m", "Handleplan 2017"]);
    (f, dir, file, original)
}

#[test]
fn history_from_git_backfills_the_changes_each_commit_made() {
    let (f, dir, file, original) = year_plan_in_git("2016-12-14");
    // A hand edit without `plan`, committed: postponed on 1 March, moved on 3 April (and the
    // file renamed into a sub-folder), active on 1 August.
    fs::write(&file, format!("{original}status = \"postponed\"\n")).unwrap();
    git(&dir, "2017-03-01", &["commit", "-q", "-am", "udskudt"]);
    fs::create_dir(f.plans().join("q3")).unwrap();
    git(
        &dir,
        "2017-04-03",
        &["mv", "plans/frivillige.toml", "plans/q3/frivillige.toml"],
    );
    let moved = f.plans().join("q3/frivillige.toml");
    let text = fs::read_to_string(&moved)
        .unwrap()
        .replace("\"Q1\"", "\"Q3\"");
    fs::write(&moved, text).unwrap();
    git(&dir, "2017-04-03", &["commit", "-q", "-am", "flyttet"]);
    let text = fs::read_to_string(&moved)
        .unwrap()
        .replace("\"postponed\"", "\"active\"");
    fs::write(&moved, text).unwrap();
    git(&dir, "2017-08-01", &["commit", "-q", "-am", "i gang"]);

    f.run(&["history", "--from-git", "--dry-run"])
        .success()
        .stdout_eq("plans/q3/frivillige.toml: would add status 2017-03-01, period 2017-04-03, status 2017-08-01\n");
    assert!(!fs::read_to_string(&moved).unwrap().contains("[[log]]"));
    f.run(&["history", "--from-git"]).success();
    let text = fs::read_to_string(&moved).unwrap();
    assert!(
        text.contains(
            "[[log]]\ndate = 2017-03-01\nstatus = { from = \"planned\", to = \"postponed\" }\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("date = 2017-04-03\nperiod = { from = \"Q1\", to = \"Q3\" }\n"),
        "{text}"
    );
    // Again: nothing to add.
    f.run(&["history", "--from-git"]).success().stdout_eq(
        "no change of status, funding or period in git that the files do not record already\n",
    );
    // The past is back: the Q1 memo at its close has it in Q1, postponed, and nothing undated.
    let q1 = json(&f, &["report", "-q", "Q1", "--format", "json"]);
    let item = q1["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "frivillige")
        .cloned()
        .unwrap();
    assert_eq!(item["status"], "postponed");
    assert_eq!(q1["undated"], serde_json::json!([]));
    let check = json(&f, &["check", "--format", "json"]);
    assert_eq!(check["diagnostics"], serde_json::json!([]), "{check}");
}

/// A change recorded with its real date (`plan set --today`) and committed days later is in
/// the log already: it was added a second time on the commit's date ("Færdige: »…« (20.
/// marts); »…« (24. marts)"). A later change the log does not have is still added.
#[test]
fn history_from_git_adds_nothing_the_log_records_on_an_earlier_day() {
    let (f, dir, file, _) = year_plan_in_git("2017-01-02");
    f.run(&["--today", "2017-03-20", "set", "frivillige", "status=done"])
        .success();
    git(
        &dir,
        "2017-03-24",
        &["commit", "-q", "-am", "ugens ændringer"],
    );
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("status = \"done\"", "status = \"active\"");
    fs::write(&file, text).unwrap();
    git(&dir, "2017-04-10", &["commit", "-q", "-am", "genåbnet"]);
    f.run(&["history", "--from-git"]).success().stdout_eq(
        "plans/frivillige.toml: added status 2017-04-10
",
    );
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("to = \"done\"").count(), 1, "{text}");
    assert!(
        text.contains("date = 2017-04-10\nstatus = { from = \"done\", to = \"active\" }"),
        "{text}"
    );
    // The Q1 memo tells the completion once, on its day.
    let q1 = memo(&f, "2017-06-30", "Q1", "markdown");
    let q1 = q1.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(q1.matches("»Initiative frivillige« (").count(), 1, "{q1}");
    assert!(
        q1.contains("»Initiative frivillige« (20. marts 2017)"),
        "{q1}"
    );
    // The entry added goes on from the log's value: the history does not contradict itself.
    let check = json(&f, &["check", "--format", "json"]);
    assert_eq!(check["diagnostics"], serde_json::json!([]), "{check}");
    f.run(&["history", "--from-git"]).success().stdout_eq(
        "no change of status, funding or period in git that the files do not record already
",
    );
}

/// The change git finds goes on from the log's value on its day, not the previous commit's:
/// `from = "planned"` after a logged start made the history contradict itself.
#[test]
fn history_from_git_goes_on_from_the_logs_value() {
    let (f, dir, file, original) = year_plan_in_git("2017-01-02");
    fs::write(
        &file,
        format!("{original}status = \"done\"\n\n[[log]]\ndate = 2017-03-20\nstatus = {{ from = \"planned\", to = \"active\" }}\n"),
    )
    .unwrap();
    git(&dir, "2017-04-10", &["commit", "-q", "-am", "færdig"]);
    f.run(&["history", "--from-git"])
        .success()
        .stdout_eq("plans/frivillige.toml: added status 2017-04-10\n");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("date = 2017-04-10\nstatus = { from = \"active\", to = \"done\" }"),
        "{text}"
    );
    let check = json(&f, &["check", "--format", "json"]);
    assert_eq!(check["diagnostics"], serde_json::json!([]), "{check}");
}

/// Values written as people type them (`"i gang"`, `"2. kvartal"`: the files' reader takes
/// them, with a fix to the files' words) were copied into the log as they were, and the
/// file refused as invalid; a version with a value no reader takes (`"Q9"`) is passed over.
#[test]
fn history_from_git_reads_values_as_the_files_reader_does() {
    let (f, dir, file, original) = year_plan_in_git("2016-12-14");
    fs::write(&file, format!("{original}status = \"i gang\"\n")).unwrap();
    git(&dir, "2017-02-01", &["commit", "-q", "-am", "i gang"]);
    let text = original.replace("\"Q1\"", "\"Q9\"");
    fs::write(&file, format!("{text}status = \"i gang\"\n")).unwrap();
    git(&dir, "2017-03-01", &["commit", "-q", "-am", "slåfejl"]);
    let text = original.replace("\"Q1\"", "\"2. kvartal\"");
    fs::write(&file, format!("{text}status = \"active\"\n")).unwrap();
    git(&dir, "2017-04-03", &["commit", "-q", "-am", "flyttet"]);
    // `plan check --fix` writes the files' words: no change of its own.
    let text = original.replace("\"Q1\"", "\"Q2\"");
    fs::write(&file, format!("{text}status = \"active\"\n")).unwrap();
    git(&dir, "2017-04-04", &["commit", "-q", "-am", "rettet"]);
    f.run(&["history", "--from-git"])
        .success()
        .stdout_eq("plans/frivillige.toml: added status 2017-02-01, period 2017-04-03\n");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("date = 2017-02-01\nstatus = { from = \"planned\", to = \"active\" }\n"),
        "{text}"
    );
    assert!(
        text.contains("date = 2017-04-03\nperiod = { from = \"Q1\", to = \"Q2\" }\n"),
        "{text}"
    );
    // A file whose period cannot be read now is left alone, and said so (the run said
    // nothing was missing).
    fs::write(
        &file,
        text.replace("period = \"Q2\"", "period = \"2. kvartal\""),
    )
    .unwrap();
    let out = f.run(&["history", "--from-git"]).success();
    assert!(
        stderr(&out).contains("warning: `plans/frivillige.toml` is left alone: its title, period or tracks cannot be read"),
        "{}",
        stderr(&out)
    );
}

/// A commit whose author date is before the change before it (rebased on top of a later
/// one) is dated by that change, and said so: the history written gives the file's status
/// in date order (it recorded `done` before `active`, so the history said `active` while
/// the file said `done`, and `check` warned `history-mismatch`).
#[test]
fn history_from_git_keeps_the_order_of_the_commits_when_author_dates_do_not() {
    let (f, dir, file, original) = year_plan_in_git("2016-12-14");
    fs::write(&file, format!("{original}status = \"active\"\n")).unwrap();
    git(&dir, "2017-06-10", &["commit", "-q", "-am", "i gang"]);
    fs::write(&file, format!("{original}status = \"done\"\n")).unwrap();
    git_dated(
        &dir,
        "2017-06-05",
        "2017-06-12",
        &["commit", "-q", "-am", "færdig"],
    );

    f.run(&["history", "--from-git"]).success().stdout_eq(
        "plans/frivillige.toml: added status 2017-06-10, status 2017-06-10 (authored 2017-06-05, earlier than a commit before it)\n",
    );
    let text = fs::read_to_string(&file).unwrap();
    let active = text.find("to = \"active\"").expect("active recorded");
    let done = text.find("to = \"done\"").expect("done recorded");
    assert!(active < done, "{text}");
    let check = json(&f, &["check", "--format", "json"]);
    assert_eq!(check["diagnostics"], serde_json::json!([]), "{check}");
    let status = json(&f, &["--today", "2017-06-30", "list", "--format", "json"]);
    let item = status
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "frivillige")
        .cloned()
        .unwrap();
    assert_eq!(item["status"], "done");
    // Again: nothing to add.
    f.run(&["history", "--from-git"]).success().stdout_eq(
        "no change of status, funding or period in git that the files do not record already\n",
    );
}

/// A merged branch is one change of the main line, on the merge's date: each version is
/// compared with the one before it on that line (the versions of two branches compared
/// with each other gave changes nobody made, and a history that contradicted the file).
#[test]
fn history_from_git_reads_a_merged_branch_as_one_change() {
    let (f, dir, file, original) = year_plan_in_git("2016-12-14");
    git(&dir, "2017-04-01", &["checkout", "-q", "-b", "side"]);
    fs::write(&file, format!("{original}status = \"active\"\n")).unwrap();
    git(&dir, "2017-04-10", &["commit", "-q", "-am", "i gang"]);
    fs::write(&file, format!("{original}status = \"done\"\n")).unwrap();
    git(&dir, "2017-06-10", &["commit", "-q", "-am", "færdig"]);
    git(&dir, "2017-05-01", &["checkout", "-q", "main"]);
    fs::write(&file, format!("funding = \"pending\"\n{original}")).unwrap();
    git(&dir, "2017-05-01", &["commit", "-q", "-am", "ansøgt"]);
    git(&dir, "2017-06-20", &["merge", "-q", "--no-edit", "side"]);
    let merged = fs::read_to_string(&file).unwrap();
    assert!(merged.contains("funding = \"pending\"") && merged.contains("\"done\""));

    f.run(&["history", "--from-git"])
        .success()
        .stdout_eq("plans/frivillige.toml: added funding 2017-05-01, status 2017-06-20\n");
    let check = json(&f, &["check", "--format", "json"]);
    assert_eq!(check["diagnostics"], serde_json::json!([]), "{check}");
}

/// A change authored before the file's first commit (cherry-picked from an old branch) is
/// dated by that commit: the history does not begin before the file did.
#[test]
fn history_from_git_dates_no_change_before_the_files_first_commit() {
    let (f, dir, file, original) = year_plan_in_git("2017-04-03");
    fs::write(&file, format!("{original}status = \"done\"\n")).unwrap();
    git_dated(
        &dir,
        "2017-03-01",
        "2017-04-05",
        &["commit", "-q", "-am", "færdig"],
    );
    f.run(&["history", "--from-git"]).success().stdout_eq(
        "plans/frivillige.toml: added status 2017-04-03 (authored 2017-03-01, earlier than a commit before it)\n",
    );
}

#[test]
fn history_from_git_outside_a_repository_is_a_usage_error() {
    let f = year_plan();
    let out = f.run(&["history", "--from-git"]).code(2);
    assert!(
        stderr(&out).contains("cannot read the history"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_chart_marks_a_short_track_whatever_the_state_of_its_work() {
    // Hygge has one initiative, done: the year's plan is still short of the minimum of 2.
    let f = Fixture::new()
        .manifest("min_per_track = 2")
        .initiative(
            "hygge",
            "Q1",
            &["Hygge"],
            "status = \"done\"\n\n[[log]]\ndate = 2017-02-01\nstatus = { from = \"planned\", to = \"done\" }\n",
        );
    let html = stdout(
        &f.run(&[
            "--today",
            "2017-03-31",
            "report",
            "-q",
            "Q1",
            "--format",
            "html",
        ])
        .success(),
    );
    let row = html
        .split("<text")
        .position(|t| t.contains("text-anchor=\"end\">Hygge<"))
        .expect("a Hygge row in the chart");
    let after: String = html.split("<text").skip(row).take(3).collect();
    assert!(after.contains("fill=\"#f0b77d\""), "{after}");
    assert!(after.contains("mangler 1 i årets plan"), "{after}");
    let md = stdout(
        &f.run(&["--today", "2017-03-31", "report", "-q", "Q1"])
            .success(),
    );
    assert!(
        md.contains("| Hygge | 1 | 1 | 1 | 2 | **mangler 1** |"),
        "{md}"
    );
}

/// The Office memos carry "Siden sidste kvartal" and name the files they leave out, like the
/// text formats: the xlsx as a sheet of its own, the docx as a section.
#[test]
fn office_memos_carry_since_last_quarter_and_the_files_left_out() {
    use std::io::{Cursor, Read};

    use calamine::Reader;
    let f = year_plan().file("broken.toml", "title = \"Halv\nperiod = \"Q2\"\n");
    let run = |format: &str| {
        f.run(&[
            "--today",
            "2017-07-15",
            "report",
            "-q",
            "Q2",
            "--format",
            format,
        ])
        .get_output()
        .stdout
        .clone()
    };
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(run("xlsx"))).unwrap();
    let sheet = book
        .sheet_names()
        .into_iter()
        .find(|n| n.starts_with("Siden sidste kvartal"))
        .expect("a sheet for the changes since the last quarter");
    let text: Vec<String> = book
        .worksheet_range(&sheet)
        .unwrap()
        .rows()
        .map(|r| r[0].to_string())
        .collect();
    assert!(text.iter().any(|l| l.contains("broken.toml")), "{text:?}");
    assert!(text.len() > 4, "{text:?}");

    let mut zip = zip::ZipArchive::new(Cursor::new(run("docx"))).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(
        xml.contains("Siden sidste kvartal"),
        "no since-last-quarter section"
    );
    assert!(
        xml.contains("broken.toml"),
        "the file left out is not named"
    );
}

/// A back-dated `set` of a field whose history goes on after that day is refused, the file
/// untouched: the entry would land before the later change, and the file would say one value
/// while its history ends at another. A back-dated change of a field with no later change is
/// recorded where its date belongs.
#[test]
fn a_back_dated_change_before_a_later_one_of_the_same_field_is_refused() {
    let text = format!(
        "{HEAD}status = \"done\"\n\n[[log]]\ndate = 2017-04-10\nstatus = {{ from = \"planned\", to = \"active\" }}\n\n[[log]]\ndate = 2017-05-10\nstatus = {{ from = \"active\", to = \"done\" }}\n"
    );
    let f = year_plan().file("x.toml", &text);
    let path = f.plans().join("x.toml");
    let out = f
        .run(&["--today", "2017-04-20", "set", "x", "status=postponed"])
        .code(1);
    let err = stderr(&out);
    assert!(
        err.contains(
            "`status` of `plans/x.toml` has a change recorded on 2017-05-10, after 2017-04-20"
        ),
        "{err}"
    );
    assert!(err.contains("plan --today 2017-05-10 set"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // On the day of the last change or after it, the change is the history's last.
    f.run(&["--today", "2017-05-10", "set", "x", "status=postponed"])
        .success();
    let written = fs::read_to_string(&path).unwrap();
    assert!(
        written.ends_with("date = 2017-05-10\nstatus = { from = \"done\", to = \"postponed\" }\n"),
        "{written}"
    );
    // Another field, with no later change, is recorded back-dated where its date belongs.
    f.run(&["--today", "2017-04-20", "set", "x", "deadline=2017-06-01"])
        .success();
    let written = fs::read_to_string(&path).unwrap();
    let at = |s: &str| written.find(s).unwrap_or_else(|| panic!("{s}: {written}"));
    assert!(at("date = 2017-04-10") < at("date = 2017-04-20"));
    assert!(at("date = 2017-04-20") < at("date = 2017-05-10"));
    assert_eq!(findings(&fs::read_to_string(&path).unwrap()).len(), 0);
}

/// `history --from-git` records past changes before later ones the file records already
/// (that is its purpose): a status change committed in March goes in before an August entry
/// that `plan set` wrote, and the file's value stays as it is.
#[test]
fn history_from_git_records_a_change_before_a_later_recorded_one() {
    let (f, dir, file, original) = year_plan_in_git("2016-12-14");
    fs::write(&file, format!("{original}status = \"active\"\n")).unwrap();
    git(&dir, "2017-03-01", &["commit", "-q", "-am", "i gang"]);
    f.run(&["--today", "2017-08-01", "set", "frivillige", "status=done"])
        .success();
    git(&dir, "2017-08-01", &["commit", "-q", "-am", "færdig"]);
    f.run(&["history", "--from-git"]).success();
    let text = fs::read_to_string(&file).unwrap();
    let march = text
        .find("date = 2017-03-01\nstatus = { from = \"planned\", to = \"active\" }")
        .unwrap_or_else(|| panic!("{text}"));
    let august = text.find("date = 2017-08-01").unwrap();
    assert!(march < august, "{text}");
    assert!(text.contains("status = \"done\"\n"), "{text}");
}
