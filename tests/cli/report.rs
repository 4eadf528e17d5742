//! `plan report`: the memo of the shipped plan in every format (snapshots), the as-of date,
//! the quarter argument, `-o FILE`, hostile plan text in every format, and the HTML in a
//! real headless browser.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use snapbox::assert_data_eq;

use crate::support::*;

fn report(args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    stdout(&plan().args(&all).assert().success())
}

// --- The shipped plan's Q2 memo: every format in Danish, Markdown in English. ---
// No --today: Q2 2017 is past, so the memo is as of 30 June 2017 whatever the date.

#[test]
fn shipped_q2_markdown_danish() {
    assert_data_eq!(
        report(&["--quarter", "Q2"]),
        snapbox::file!["snapshots/report/q2-da.md"].raw()
    );
}

#[test]
fn shipped_q2_markdown_english() {
    assert_data_eq!(
        report(&["--quarter", "Q2", "--lang", "en"]),
        snapbox::file!["snapshots/report/q2-en.md"].raw()
    );
}

#[test]
fn shipped_q2_text_danish() {
    let text = report(&["--quarter", "Q2", "--format", "text"]);
    for line in text.lines() {
        // One column per character: æøå count as one.
        assert!(line.chars().count() <= 72, "too wide for e-mail: {line:?}");
    }
    assert!(!text.contains('\u{1b}'));
    assert_data_eq!(text, snapbox::file!["snapshots/report/q2-da.txt"].raw());
}

/// The text memo of Q2 on 30 June of a plan whose two tracks are `first` and Fordybelse, an
/// initiative on each (on `first` when `on_first`), and the track table's lines from its
/// heading on.
fn track_table_of(first: &str, on_first: bool) -> (String, Vec<String>) {
    let mut f = Fixture::new()
        .file(
            "plan.toml",
            &format!("[plan]\ntitle = \"Plan\"\nyear = 2017\n\n[rules]\nmin_per_track = 1\n\n[[track]]\nname = \"{first}\"\n\n[[track]]\nname = \"Fordybelse\"\n"),
        )
        .initiative("b", "Q2", &["Fordybelse"], "");
    if on_first {
        f = f.initiative("a", "Q2", &[first], "");
    }
    let text = stdout(
        &f.run(&[
            "--today",
            "2017-06-30",
            "report",
            "-q",
            "Q2",
            "--format",
            "text",
        ])
        .code(0),
    );
    let rows = text
        .lines()
        .skip_while(|l| !l.starts_with("Spor  "))
        .map(str::to_string)
        .collect();
    (text, rows)
}

/// How many characters `line` has up to the end of `heading` in it.
fn end_of(line: &str, heading: &str) -> usize {
    line[..line.find(heading).unwrap() + heading.len()]
        .chars()
        .count()
}

/// A long track name wrapped in its column (the table ran to 112 columns); the numbers
/// keep theirs.
#[test]
fn the_text_memo_wraps_a_long_track_name_within_72_columns() {
    let (text, rows) = track_table_of(
        "Hygge og samvær i lokalsamfundet for alle aldersgrupper og familier der",
        true,
    );
    for line in text.lines() {
        assert!(
            line.chars().count() <= 72,
            "too wide for e-mail: {line:?}\n{text}"
        );
    }
    // The name's first words on the row with its numbers, the rest on lines of their own;
    // the minimum (1) right under the end of its heading.
    assert!(rows[1].starts_with("Hygge og samvær i "), "{rows:?}");
    assert!(!rows[2].contains("  "), "{rows:?}");
    let end = end_of(&rows[0], "Minimum");
    let row: Vec<char> = rows[1].chars().collect();
    assert_eq!((row[end - 1], row[end]), ('1', ' '), "{rows:?}");
    // A word longer than the room left is not broken: the column is as wide as it, and
    // every row's numbers stay under their headings.
    let (_, rows) = track_table_of(
        "Bibliotekssamarbejdsaftalernesopfølgning i alle lokalsamfund",
        false,
    );
    let minimum = end_of(&rows[0], "Minimum");
    for row in [&rows[1], &rows[3]] {
        let chars: Vec<char> = row.chars().collect();
        assert!(chars[minimum - 1].is_ascii_digit(), "{rows:?}");
        assert_eq!(chars[minimum], ' ', "{rows:?}");
    }
}

#[test]
fn shipped_q2_html_danish() {
    let html = report(&["--quarter", "Q2", "--format", "html"]);
    assert_self_contained(&html);
    assert_data_eq!(html, snapbox::file!["snapshots/report/q2-da.html"].raw());
}

#[test]
fn shipped_q2_csv_danish() {
    let out = plan()
        .args(["report", "--quarter", "Q2", "--format", "csv"])
        .assert()
        .success();
    let bytes = out.get_output().stdout.clone();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
    let rows = read_csv(&bytes, b';');
    // One row per initiative running in the quarter: its own and the whole-year ones.
    let json = report_json(&["--quarter", "Q2"]);
    let expected =
        json["initiatives"].as_array().unwrap().len() + json["ongoing"].as_array().unwrap().len();
    assert_eq!(rows.len(), expected + 1);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    assert_data_eq!(
        stdout(&out),
        snapbox::file!["snapshots/report/q2-da.csv"].raw()
    );
}

#[test]
fn shipped_q2_json() {
    let json = report(&["--quarter", "Q2", "--format", "json"]);
    assert_data_eq!(json, snapbox::file!["snapshots/report/q2-da.json"].raw());
}

fn report_json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&report(&all)).expect("valid JSON")
}

fn read_csv(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.expect("valid CSV").iter().map(String::from).collect())
        .collect()
}

/// No scripts, no external resources: the file works offline and pasted.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "href=", "@import",
        "url(",
    ] {
        assert!(!lower.contains(bad), "`{bad}` in the HTML report");
    }
}

// --- The numbers and the as-of date. ---

#[test]
fn a_plan_with_progress_and_notes_in_markdown_and_text() {
    let fixture = progress_fixture();
    let args = ["report", "-q", "Q2", "--today", "2017-07-15"];
    let md = stdout(&fixture.run(&args).success());
    assert_data_eq!(
        md,
        snapbox::file!["snapshots/report/progress-q2-da.md"].raw()
    );
    let mut text_args = args.to_vec();
    text_args.extend(["--format", "text", "--lang", "en"]);
    let text = stdout(&fixture.run(&text_args).success());
    assert_data_eq!(
        text,
        snapbox::file!["snapshots/report/progress-q2-en.txt"].raw()
    );
}

#[test]
fn the_summary_counts_what_the_tables_show() {
    let fixture = progress_fixture();
    let out = fixture.run(&[
        "report",
        "-q",
        "Q2",
        "--format",
        "json",
        "--today",
        "2017-07-15",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out.success())).unwrap();
    let items = json["initiatives"].as_array().unwrap();
    let count = |status: &str| items.iter().filter(|i| i["status"] == status).count();
    assert_eq!(json["totals"]["initiatives"], items.len());
    assert_eq!(json["totals"]["done"], count("done"));
    assert_eq!(json["totals"]["active"], count("active"));
    let late = items.iter().filter(|i| i["late"] == true).count();
    assert_eq!(json["totals"]["late"], late);
    // Written after the quarter, the memo describes its close: what was not reached by then
    // is counted, flagged and needs attention.
    assert_eq!(json["as_of"], "2017-06-30");
    let not_reached = items.iter().filter(|i| i["not_reached"] == true).count();
    assert_eq!(json["totals"]["not_reached"], not_reached);
    assert!(not_reached > 0, "the fixture has unfinished work in Q2");
    let attention = json["attention"].as_array().unwrap();
    for item in items
        .iter()
        .filter(|i| i["late"] == true || i["not_reached"] == true)
    {
        assert!(attention.iter().any(|a| a["id"] == item["id"]), "{item}");
    }
    let t = &json["totals"];
    let sum: u64 = ["done", "active", "planned", "postponed", "cancelled"]
        .iter()
        .map(|k| t[k].as_u64().unwrap())
        .sum();
    assert_eq!(t["initiatives"].as_u64().unwrap(), sum);
    // The newest note on or before the as-of date is the one shown.
    let hygge = items.iter().find(|i| i["id"] == "hygge").unwrap();
    assert_eq!(hygge["latest_note"]["date"], "2017-06-12");
    let sentence = json["summary"][0].as_str().unwrap();
    assert!(
        sentence.contains(&format!("{} indsatser", items.len())),
        "{sentence}"
    );
}

#[test]
fn notes_after_the_as_of_date_are_not_shown() {
    let fixture = progress_fixture();
    let out = fixture.run(&[
        "report",
        "-q",
        "Q2",
        "--format",
        "json",
        "--today",
        "2017-05-01",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out.success())).unwrap();
    let hygge = json["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "hygge")
        .unwrap();
    assert_eq!(hygge["latest_note"]["date"], "2017-04-20");
}

#[test]
fn a_past_quarter_is_reported_as_of_its_end_whatever_the_date() {
    let json = report_json(&["--quarter", "Q1"]);
    assert_eq!(json["as_of"], "2017-03-31");
    let md = report(&["--quarter", "Q1"]);
    assert!(md.contains("Status pr. 31. marts 2017"), "{md}");

    // A memo of an ended quarter describes it at its close, whenever it is written.
    let json = report_json(&["--quarter", "Q1", "--today", "2017-05-15"]);
    assert_eq!(json["as_of"], "2017-03-31");
    let json = report_json(&["--quarter", "Q2", "--today", "2017-05-15"]);
    assert_eq!(json["as_of"], "2017-05-15");
    let out = plan()
        .env("PLAN_TODAY", "2017-02-01")
        .args(["report", "-q", "Q1", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["as_of"], "2017-02-01");
}

#[test]
fn the_quarter_is_read_in_any_case_and_as_a_number() {
    let expected = report(&["--quarter", "Q3", "--format", "json"]);
    for spelling in ["q3", "3", " Q3"] {
        assert_eq!(
            report(&["--quarter", spelling, "--format", "json"]),
            expected
        );
    }
    for bad in ["Q5", "0", "year", "", "Q2x"] {
        let out = plan().args(["report", "--quarter", bad]).assert().code(2);
        assert!(
            stderr(&out).contains("is not a quarter"),
            "{bad}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn q4_previews_the_follow_ups_of_next_year() {
    let json = report_json(&["--quarter", "Q4"]);
    assert!(json["next"]["period"].is_null());
    let with_follow_up = fs::read_dir(shipped_plans().join("aar"))
        .unwrap()
        .chain(fs::read_dir(shipped_plans().join("q4")).unwrap())
        .chain(fs::read_dir(shipped_plans().join("q3")).unwrap())
        .chain(fs::read_dir(shipped_plans().join("q2")).unwrap())
        .chain(fs::read_dir(shipped_plans().join("q1")).unwrap())
        .filter(|e| {
            fs::read_to_string(e.as_ref().unwrap().path())
                .unwrap()
                .contains("\nfollow_up =")
        })
        .count();
    assert_eq!(
        json["next"]["follow_ups"].as_array().unwrap().len(),
        with_follow_up
    );
    let md = report(&["--quarter", "Q4"]);
    assert!(md.contains("## Næste år: 2018"), "{md}");
}

// --- -o FILE ---

#[test]
fn output_file_takes_its_format_from_the_extension_and_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let stdout_html = report(&["-q", "Q2", "--format", "html"]);
    let file = dir.path().join("memo.HTML");
    let out = plan()
        .args(["report", "-q", "Q2", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert!(stdout(&out).is_empty());
    assert_eq!(fs::read_to_string(&file).unwrap(), stdout_html);

    // It exists now: refused without --force, and left as it was.
    fs::write(&file, "mine").unwrap();
    let out = plan()
        .args(["report", "-q", "Q2", "-o"])
        .arg(&file)
        .assert()
        .code(1);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");

    plan()
        .args(["report", "-q", "Q2", "--force", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&file).unwrap(), stdout_html);

    // --format wins over the extension.
    let json_in_txt = dir.path().join("memo.txt");
    plan()
        .args(["report", "-q", "Q2", "--format", "json", "-o"])
        .arg(&json_in_txt)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json_in_txt).unwrap()).unwrap();
    assert_eq!(json["quarter"], "Q2");

    for (name, starts) in [
        ("memo.md", "# "),
        ("memo.csv", "\u{feff}"),
        ("memo.json", "{"),
    ] {
        let path = dir.path().join(name);
        plan()
            .args(["report", "-q", "Q2", "-o"])
            .arg(&path)
            .assert()
            .success();
        assert!(
            fs::read_to_string(&path).unwrap().starts_with(starts),
            "{name}"
        );
    }

    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".plan-")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn an_unknown_extension_or_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = plan()
        .args(["report", "-q", "Q2", "-o"])
        .arg(dir.path().join("memo.pdf"))
        .assert()
        .code(2);
    assert!(
        stderr(&out).contains("cannot tell the format"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("memo.pdf").exists());

    let out = plan()
        .args(["report", "-q", "Q2", "-o"])
        .arg(dir.path().join("no/such/memo.md"))
        .assert()
        .code(2);
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

// --- Hostile plan text ---

const SCRIPT: &str = "<script>alert('x')</script> Mødested";
const FORMULA: &str = "=HYPERLINK(\"http://evil.invalid\",\"klik\")";
const PIPE: &str = "Hygge a | b *fed*";
/// An escape sequence and a bell, written as TOML escapes.
const ESCAPE_TOML: &str = "Rød \\u001b[31malarm\\u0007 nu";
const ESCAPE_CLEAN: &str = "Rød [31malarm nu";

fn hostile() -> Fixture {
    let q2 = |title: &str, extra: &str| {
        format!(
            "title = \"{}\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n{extra}",
            title.replace('"', "\\\"")
        )
    };
    Fixture::new()
        .manifest("min_per_track = 1")
        .file("script.toml", &q2(SCRIPT, "status = \"active\"\n"))
        .file("formula.toml", &q2(FORMULA, ""))
        .file(
            "pipe.toml",
            &q2(PIPE,
                "[[log]]\ndate = 2017-05-01\ntext = \"=1+1 | <b>fed</b>\"\n",
            ),
        )
        .file(
            "escape.toml",
            &format!(
                "title = \"{ESCAPE_TOML}\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\"]\n"
            ),
        )
}

fn hostile_report(fixture: &Fixture, format: &str) -> Vec<u8> {
    fixture
        .run(&[
            "report",
            "-q",
            "Q2",
            "--today",
            "2017-05-15",
            "--format",
            format,
        ])
        .success()
        .get_output()
        .stdout
        .clone()
}

fn no_control_chars(out: &str) {
    assert!(
        !out.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
        "a control character got through"
    );
}

#[test]
fn hostile_titles_in_markdown() {
    let md = String::from_utf8(hostile_report(&hostile(), "markdown")).unwrap();
    no_control_chars(&md);
    assert!(md.contains("Hygge a \\| b \\*fed\\*"), "{md}");
    assert!(md.contains("\\<script\\>"), "{md}");
    assert!(!md.contains("<script>"));
    assert!(md.contains(&ESCAPE_CLEAN.replace('[', "\\[")), "{md}");
    // Every row of the quarter's table has as many cells as its header.
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("## Indsatser i"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    assert!(table.len() > 2);
    assert!(
        table.iter().all(|l| cells(l) == cells(table[0])),
        "{table:#?}"
    );
}

#[test]
fn hostile_titles_in_text() {
    let text = String::from_utf8(hostile_report(&hostile(), "text")).unwrap();
    no_control_chars(&text);
    assert!(text.contains(PIPE));
    assert!(text.contains(SCRIPT));
    assert!(text.contains(ESCAPE_CLEAN));
}

#[test]
fn hostile_titles_in_html() {
    // The memo writes its long tables a row at a time where the page made around them has
    // a `<plan-slot/>`: a title spelling that is escaped like any other, and splits nothing.
    let fixture = hostile()
        .file(
            "slot.toml",
            "title = \"<plan-slot/> før\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n",
        )
        .file(
            "slot-q3.toml",
            "title = \"<plan-slot/> efter\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\n",
        );
    let html = String::from_utf8(hostile_report(&fixture, "html")).unwrap();
    assert!(!html.contains("<plan-slot"), "{html}");
    assert!(
        html.contains("<td class=\"t\">&lt;plan-slot/&gt; før</td>"),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"t\">&lt;plan-slot/&gt; efter</td>"),
        "{html}"
    );
    assert!(html.trim_end().ends_with("</html>"));
    assert_eq!(
        html.matches("<table").count(),
        html.matches("</table>").count()
    );
    no_control_chars(&html);
    assert_self_contained(&html);
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;fed&lt;/b&gt;"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>fed"));
    assert!(html.contains(ESCAPE_CLEAN));
}

#[test]
fn hostile_titles_in_csv() {
    let bytes = hostile_report(&hostile(), "csv");
    no_control_chars(std::str::from_utf8(&bytes).unwrap());
    let rows = read_csv(&bytes, b';');
    let header = &rows[0];
    let title = header.iter().position(|h| h == "Indsats").unwrap();
    let note = header.iter().position(|h| h == "Seneste note").unwrap();
    let titles: Vec<&str> = rows[1..].iter().map(|r| r[title].as_str()).collect();
    assert!(
        titles.contains(&format!("'{FORMULA}").as_str()),
        "{titles:?}"
    );
    assert!(titles.contains(&PIPE));
    assert!(titles.contains(&SCRIPT));
    assert!(titles.contains(&ESCAPE_CLEAN));
    assert!(rows[1..].iter().any(|r| r[note] == "'=1+1 | <b>fed</b>"));
    // Nothing a spreadsheet would run is left unguarded.
    for cell in rows.iter().flatten() {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
    }
}

#[test]
fn hostile_titles_in_json() {
    let bytes = hostile_report(&hostile(), "json");
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let titles: Vec<&str> = json["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    for title in [SCRIPT, FORMULA, PIPE, ESCAPE_CLEAN] {
        assert!(titles.contains(&title), "{title} not in {titles:?}");
    }
    assert!(!String::from_utf8(bytes).unwrap().contains("\\u001b"));
}

/// A plan with progress: done, active, late and postponed work, notes and pending funding.
fn progress_fixture() -> Fixture {
    Fixture::new()
        .manifest("min_per_track = 2")
        .initiative("skole", "Q1", &["Viden og vejledning"], "status = \"done\"\n[[log]]\ndate = 2017-02-10\ntext = \"Aftale med tre skoler.\"\n")
        .initiative("bogbus", "Q1", &["Digitale forbindelser"], "status = \"active\"\n")
        .initiative("hygge", "Q2", &["Hygge"], "status = \"active\"\n[[log]]\ndate = 2017-04-20\ntext = \"Første workshop med borgere i Viby.\"\n[[log]]\ndate = 2017-06-12\ntext = \"Tre koncepter udvalgt.\"\n")
        .initiative("udearealer", "Q2", &["Struktur for livet", "Hygge"], "status = \"done\"\nlocations = [\"Bogbussen\"]\n")
        .initiative("partnerskab", "Q2", &["En lokal aktør"], "funding = \"pending\"\n")
        .initiative("udstillinger", "Q2", &["Viden og vejledning"], "status = \"postponed\"\ndepends_on = [\"bogbus\"]\n")
        .initiative("kommunikation", "year", &["Alle spor"], "status = \"active\"\n")
        .initiative("festival", "Q3", &["En lokal aktør"], "depends_on = [\"partnerskab\"]\n")
}

// --- A real browser ---

/// Chromium, if installed. CI must have it (`.ci/run` installs it): there the test fails
/// without it; locally it skips with a note.
fn chromium() -> Option<PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome"];
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Runs chromium headless on `html` with `extra` arguments; returns its stdout.
fn headless(browser: &Path, html: &Path, extra: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = StdCommand::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-quic",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    // Read stdout on a thread so a large DOM cannot fill the pipe while we wait.
    let mut pipe = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut pipe, &mut s).map(|_| s)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap().expect("chromium's output is UTF-8")
}

/// Ignored, and so counted as "1 ignored" in `cargo test`'s summary, when `build.rs` found no
/// Chromium on `PATH` and `CI` is not set; with `CI` set it runs, and fails without one.
#[test]
#[cfg_attr(
    no_chromium,
    ignore = "chromium is not installed (Debian: sudo apt install chromium)"
)]
fn html_report_renders_in_a_real_browser() {
    let Some(browser) = chromium() else {
        assert!(
            !in_ci(),
            "chromium is not installed, and CI must run the browser test (.ci/run installs it)"
        );
        // Chromium was there when the tests were built and is gone now.
        panic!("chromium is not on PATH any more; run `cargo test` again to mark the test ignored");
    };
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-screenshots");
    fs::create_dir_all(&shots).unwrap();

    // The shipped plan's Q2 memo: tables and both charts are in the DOM.
    let memo = shots.join("q2-da.html");
    fs::write(&memo, report(&["-q", "Q2", "--format", "html"])).unwrap();
    let dom = headless(&browser, &memo, &["--dump-dom".into()]);
    let json = report_json(&["-q", "Q2"]);
    assert!(dom.contains("<html lang=\"da\">"), "{dom}");
    let tables = dom.matches("<table").count();
    // The quarter, the whole-year block, the tracks, attention and the next quarter.
    let expected_tables = 3
        + usize::from(!json["attention"].as_array().unwrap().is_empty())
        + usize::from(!json["next"]["initiatives"].as_array().unwrap().is_empty());
    assert_eq!(tables, expected_tables, "{dom}");
    let rows = dom.matches("<tr>").count();
    let expected_rows = [
        json["initiatives"].as_array().unwrap().len(),
        json["ongoing"].as_array().unwrap().len(),
        json["tracks"].as_array().unwrap().len(),
        json["attention"].as_array().unwrap().len(),
        json["next"]["initiatives"].as_array().unwrap().len(),
    ]
    .iter()
    .sum::<usize>()
        + expected_tables;
    assert_eq!(rows, expected_rows);
    assert_eq!(dom.matches("<svg").count(), 2, "the two charts");
    assert!(dom.contains("class=\"timeline\"") && dom.contains("class=\"tracks\""));

    let png = shots.join("q2-da.png");
    headless(
        &browser,
        &memo,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1240,1754".into(),
        ],
    );
    let image = fs::read(&png).expect("a screenshot");
    assert!(image.starts_with(b"\x89PNG"), "not a PNG");
    eprintln!("screenshot: {}", png.display());

    // Hostile titles are text in the DOM, never elements.
    let fixture = hostile();
    let page = fixture.dir().join("hostile.html");
    plan_in(fixture.dir())
        .args(["report", "-q", "Q2", "--today", "2017-05-15", "-o"])
        .arg(&page)
        .assert()
        .success();
    let dom = headless(&browser, &page, &["--dump-dom".into()]);
    assert!(!dom.contains("<script"), "a title became a script element");
    assert!(
        dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "{dom}"
    );
    assert!(!dom.contains("<b>fed"), "a note became markup");
}

/// An output file that exists is refused before the plan is read: nothing is said about the
/// plan (its broken file would be warned about), for the memo, the list and the calendar.
#[test]
fn an_existing_output_file_is_refused_before_the_plan_is_read() {
    let f = Fixture::new()
        .filled()
        .initiative("laeseklub", "Q2", &["Hygge"], "")
        .file("broken.toml", "title = \n");
    fs::write(f.dir().join("memo.xlsx"), "mine").unwrap();
    for args in [
        &["report", "-q", "Q2", "-o", "memo.xlsx"][..],
        &["report", "-q", "Q2", "--format", "docx", "-o", "memo.xlsx"],
        &["list", "-o", "memo.xlsx"],
        &["calendar", "-o", "memo.xlsx"],
    ] {
        let out = f.run(args).code(1);
        let said = stderr(&out);
        assert!(said.contains("already exists"), "{args:?}: {said}");
        assert!(!said.contains("broken.toml"), "{args:?}: {said}");
        assert_eq!(
            fs::read_to_string(f.dir().join("memo.xlsx")).unwrap(),
            "mine"
        );
    }
    // The broken file is warned about when the memo is made.
    let out = f
        .run(&["report", "-q", "Q2", "--force", "-o", "memo.xlsx"])
        .code(0);
    assert!(stderr(&out).contains("broken.toml"), "{}", stderr(&out));
}

/// An initiative moved out of the memo's quarter to an earlier one was brought forward, not
/// put off: the memo counts it as such ("1 fremrykket"; JSON `brought_forward`), and one
/// moved to a later quarter as postponed, as before.
#[test]
fn work_moved_to_an_earlier_quarter_is_brought_forward_not_postponed() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative("tidligere", "Q3", &["Hygge"], "")
        .initiative("senere", "Q3", &["Hygge"], "");
    f.run(&["--today", "2017-08-01", "set", "tidligere", "period=Q2"])
        .success();
    f.run(&["--today", "2017-07-05", "set", "senere", "period=Q4"])
        .success();
    // The Q3 memo at the year's end, with `more` options.
    let q3 = |more: &[&str]| {
        let mut args = vec!["--today", "2017-12-31", "report", "-q", "Q3"];
        args.extend_from_slice(more);
        stdout(&f.run(&args).success())
    };
    let memo = q3(&[]);
    assert!(
        memo.contains("omfatter 2 indsatser: 0 færdige, 1 udskudt og 1 fremrykket."),
        "{memo}"
    );
    // Judged in the quarter it moved to: no "late" in this memo's row, as in its numbers.
    let row = memo
        .lines()
        .find(|l| l.contains("flyttet til 2. kvartal"))
        .unwrap_or_else(|| panic!("{memo}"));
    assert!(!row.contains("forsinket"), "{row}");
    let json: serde_json::Value = serde_json::from_str(&q3(&["--format", "json"])).unwrap();
    assert_eq!(json["totals"]["initiatives"], 2);
    assert_eq!(json["totals"]["postponed"], 1);
    assert_eq!(json["totals"]["brought_forward"], 1);
    let english = q3(&["--lang", "en"]);
    assert!(
        english.contains("1 postponed and 1 brought forward"),
        "{english}"
    );
}

/// Work moved on from the memo's quarter to the next is in the next quarter's plan: the
/// preview lists it (it was listed only as moved, and left out of "Næste kvartal").
#[test]
fn the_preview_lists_work_moved_into_the_next_quarter() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative("flyttes", "Q2", &["Hygge"], "")
        .initiative("fra-start", "Q3", &["Hygge"], "")
        .initiative("videre", "Q2", &["Hygge"], "");
    f.run(&["--today", "2017-05-11", "set", "flyttes", "period=Q3"])
        .success();
    f.run(&["--today", "2017-05-12", "set", "videre", "period=Q4"])
        .success();
    let report = |format: &str| {
        stdout(
            &f.run(&[
                "--today",
                "2017-06-30",
                "report",
                "-q",
                "Q2",
                "--format",
                format,
            ])
            .success(),
        )
    };
    let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    let ids = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&json["next"]["initiatives"]), ["flyttes", "fra-start"]);
    assert_eq!(ids(&json["initiatives"]), ["flyttes", "videre"]);
    let text = report("text");
    let preview = &text[text.find("Næste kvartal").unwrap()..];
    assert!(preview.contains("Initiative flyttes"), "{text}");
    assert!(!preview.contains("Initiative videre"), "{text}");
}

/// "Siden sidste kvartal" tells each initiative's net change of status over the period: a
/// cancellation undone the next day was told as "Aflyst", a start undone as "Sat i gang",
/// and a reopened initiative as started; several changes on one day were told each.
#[test]
fn since_last_quarter_tells_the_net_change_of_each_status() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative("fortrudt", "Q2", &["Hygge"], "")
        .initiative("startet", "Q2", &["Hygge"], "")
        .initiative("genoptaget", "Q2", &["Hygge"], "")
        .initiative("samme-dag", "Q2", &["Hygge"], "")
        .initiative("udsat", "Q2", &["Hygge"], "");
    let set = |day: &str, id: &str, status: &str| {
        f.run(&["--today", day, "set", id, &format!("status={status}")])
            .success();
    };
    set("2017-05-10", "fortrudt", "cancelled");
    set("2017-05-11", "fortrudt", "planned");
    set("2017-04-25", "startet", "active");
    set("2017-07-05", "startet", "planned");
    set("2017-03-20", "genoptaget", "done");
    set("2017-06-12", "genoptaget", "active");
    for status in ["active", "done", "active"] {
        set("2017-05-02", "samme-dag", status);
    }
    set("2017-04-03", "udsat", "active");
    set("2017-05-03", "udsat", "postponed");
    let memo = |quarter: &str, lang: &str| {
        let text = stdout(
            &f.run(&[
                "--today",
                "2017-12-31",
                "--lang",
                lang,
                "report",
                "-q",
                quarter,
                "--format",
                "text",
            ])
            .success(),
        );
        let since = text
            .find("Siden sidste kvartal")
            .or(text.find("Since last quarter"))
            .unwrap();
        let next = text
            .find("Næste kvartal")
            .or(text.find("Next quarter"))
            .unwrap();
        text[since..next]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let q2 = memo("Q2", "da");
    assert!(
        q2.ends_with("- Sat i gang: »Initiative startet« (25. april 2017); »Initiative samme-dag« (2. maj 2017) - Genoptaget: »Initiative genoptaget« (12. juni 2017) - Udskudt: »Initiative udsat« (3. maj 2017)"),
        "{q2}"
    );
    assert!(!q2.contains("Aflyst") && !q2.contains("fortrudt"), "{q2}");
    let q3 = memo("Q3", "da");
    assert!(
        q3.ends_with("- Tilbage til planlagt: »Initiative startet« (5. juli 2017)"),
        "{q3}"
    );
    let q3 = memo("Q3", "en");
    assert!(
        q3.ends_with("- Back to planned: “Initiative startet” (5 July 2017)"),
        "{q3}"
    );
}

/// "Siden sidste kvartal" tells what the rest of the memo counts: a status or period edited
/// by hand after the last dated change (held from the day after it) is a change of the
/// period it holds from; a hand edit that a later `plan set` wrote as its `from` holds
/// between the two changes. (The list said "Sat i gang" beside a summary of "1 færdig", and
/// a later `set` made the edit vanish from a closed quarter.)
#[test]
fn hand_edits_are_told_where_the_memo_counts_them() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative("haand", "Q2", &["Hygge"], "")
        .initiative("kvartalsslut", "Q2", &["Hygge"], "")
        .initiative("senere", "Q2", &["Hygge"], "");
    let set = |day: &str, id: &str, change: &str| {
        f.run(&["--today", day, "set", id, change]).success();
    };
    let edit = |id: &str, from: &str, to: &str| {
        let file = f.plans().join(format!("{id}.toml"));
        let text = fs::read_to_string(&file).unwrap().replacen(from, to, 1);
        fs::write(&file, text).unwrap();
    };
    set("2017-04-25", "haand", "status=active");
    edit("haand", "status = \"active\"", "status = \"done\"");
    set("2017-06-30", "kvartalsslut", "status=active");
    edit("kvartalsslut", "status = \"active\"", "status = \"done\"");
    set("2017-04-25", "senere", "status=active");
    edit("senere", "status = \"active\"", "status = \"done\"");
    set("2017-08-01", "senere", "status=cancelled");
    let memo = |quarter: &str| {
        let text = stdout(
            &f.run(&[
                "--today",
                "2017-12-31",
                "report",
                "-q",
                quarter,
                "--format",
                "markdown",
            ])
            .success(),
        );
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let q2 = memo("Q2");
    assert!(
        q2.contains(
            "- Færdige: »Initiative haand« (26. april 2017); »Initiative senere« (26. april 2017)"
        ),
        "{q2}"
    );
    assert!(
        q2.contains("- Sat i gang: »Initiative kvartalsslut« (30. juni 2017)"),
        "{q2}"
    );
    assert!(
        q2.contains("2 statusser i notatet er rettet i filen"),
        "{q2}"
    );
    let q3 = memo("Q3");
    assert!(
        q3.contains("- Færdig: »Initiative kvartalsslut« (1. juli 2017)"),
        "{q3}"
    );
    assert!(
        q3.contains("- Aflyst: »Initiative senere« (1. august 2017)"),
        "{q3}"
    );
}

/// Work moved from a quarter to the whole year runs through that quarter as whole-year work
/// (it was counted as postponed, and left out of the whole-year count); work moved into a
/// quarter and back out before that quarter began is not that quarter's (it was listed as
/// brought forward).
#[test]
fn moves_to_the_whole_year_and_back_before_a_quarter_are_not_postponements() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative("hele-aaret", "Q3", &["Hygge"], "")
        .initiative("frem-og-tilbage", "Q2", &["Hygge"], "")
        .initiative("udskudt", "Q3", &["Hygge"], "");
    let set = |day: &str, id: &str, change: &str| {
        f.run(&["--today", day, "set", id, change]).success();
    };
    set("2017-05-02", "hele-aaret", "period=year");
    set("2017-05-03", "frem-og-tilbage", "period=Q3");
    set("2017-05-20", "frem-og-tilbage", "period=Q2");
    set("2017-06-10", "udskudt", "period=Q4");
    // Moved into Q3 during Q2, and on to Q4 on Q3's first day: Q3's own postponement.
    f.run(&[
        "--today",
        "2017-05-01",
        "new",
        "Foerste dag",
        "--period",
        "Q2",
        "--track",
        "Hygge",
    ])
    .success();
    set("2017-05-02", "foerste-dag", "period=Q3");
    set("2017-07-01", "foerste-dag", "period=Q4");
    let q3: serde_json::Value = serde_json::from_str(&stdout(
        &f.run(&[
            "--today",
            "2017-09-30",
            "report",
            "-q",
            "Q3",
            "--format",
            "json",
        ])
        .success(),
    ))
    .unwrap();
    let ids = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&q3["initiatives"]), ["foerste-dag", "udskudt"], "{q3}");
    assert_eq!(q3["totals"]["postponed"], 2, "{q3}");
    assert_eq!(q3["totals"]["brought_forward"], 0, "{q3}");
    assert_eq!(q3["totals"]["whole_year"], 1, "{q3}");
    assert!(
        ids(&q3["ongoing"]).contains(&"hele-aaret".to_string()),
        "{q3}"
    );
}

/// A move to the whole year is told in lower case inside the sentence ("til Hele året" read
/// as a heading), in both languages, as other lines of text name it.
#[test]
fn a_move_to_the_whole_year_reads_as_part_of_the_sentence() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative("aaret", "Q2", &["Hygge"], "");
    f.run(&["--today", "2017-05-02", "set", "aaret", "period=year"])
        .success();
    for (lang, moved) in [
        ("da", "»Initiative aaret« (2. maj 2017, til hele året)"),
        ("en", "“Initiative aaret” (2 May 2017, to the whole year)"),
    ] {
        let text = stdout(
            &f.run(&[
                "--today",
                "2017-06-30",
                "--lang",
                lang,
                "report",
                "-q",
                "Q2",
                "--format",
                "markdown",
            ])
            .success(),
        );
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(moved), "{text}");
    }
}

/// "Siden sidste kvartal" names one change in the singular, several in the plural: one new
/// initiative was listed under "Nye:", one finished under "Færdige:".
#[test]
fn since_last_quarter_labels_one_change_in_the_singular() {
    let done = |id: &str, day: &str| {
        format!(
            "title = \"Initiative {id}\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nstatus = \"done\"\n\n[[log]]\ndate = 2017-04-{day}\nstatus = {{ from = \"planned\", to = \"done\" }}\n"
        )
    };
    let f = Fixture::new()
        .filled()
        .file("a.toml", &done("a", "05"))
        .file(
            "ny.toml",
            "title = \"Ny ting\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nadded = 2017-04-06\n",
        );
    let memo = |f: &Fixture| {
        stdout(
            &f.run(&[
                "--today",
                "2017-06-30",
                "report",
                "-q",
                "Q2",
                "--format",
                "text",
            ])
            .success(),
        )
    };
    let text = memo(&f);
    assert!(text.contains("Ny: »Ny ting«"), "{text}");
    assert!(text.contains("Færdig: »Initiative a«"), "{text}");
    let f = f.file("b.toml", &done("b", "07"));
    let text = memo(&f);
    assert!(
        text.contains("Færdige: »Initiative a« (5. april 2017); »Initiative b«"),
        "{text}"
    );
}
