//! The files office programs open: `plan report` and `plan list` as Excel workbooks, the memo
//! as a Word document, and `plan calendar` as iCalendar. Each is read back with a reader
//! (calamine; zip + quick-xml; icalendar's parser) and its content checked.

use std::fs;
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command as StdCommand;

use calamine::{open_workbook_from_rs, Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use icalendar::{Component, DatePerhapsTime};
use quick_xml::events::Event as XmlEvent;

use crate::support::*;

const FORMULA: &str = "=HYPERLINK(\"x\")";
const HOSTILE_TITLE: &str = "<script>alert('x')</script> Møde; a, b \\ c";

/// The ids of the shipped plan's Q2 initiatives: the file names in plans/q2/.
fn q2_ids() -> Vec<String> {
    let mut ids: Vec<String> = fs::read_dir(shipped_plans().join("q2"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 7, "the shipped plan has seven Q2 initiatives");
    ids
}

pub(crate) fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine can read")
}

pub(crate) fn cell_text(data: &Data) -> String {
    match data {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The rows of the one table in `sheet`: its header and its data rows, as calamine reads
/// the table (so the test also proves it is a real Excel table).
fn table_of(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> (Vec<String>, Vec<Vec<Data>>) {
    book.load_tables().unwrap();
    let names: Vec<String> = book
        .table_names_in_sheet(sheet)
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(names.len(), 1, "one table in {sheet}: {names:?}");
    let table = book.table_by_name(&names[0]).unwrap();
    let rows = table.data().rows().map(<[Data]>::to_vec).collect();
    (table.columns().to_vec(), rows)
}

fn column(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

fn run_to_file(args: &[&str], file: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    plan().args(args).arg("-o").arg(&path).assert().success();
    fs::read(&path).unwrap()
}

#[test]
fn office_files_written_with_o_are_the_bytes_on_standard_output() {
    // `-o` writes the archive as made; standard output passes it through the text guard.
    // A memo is dated at its as-of date, so both runs make the same file.
    for format in ["xlsx", "docx"] {
        let file = run_to_file(&["report", "-q", "Q2", "--format", format], "memo.bin");
        let out = plan()
            .args(["report", "-q", "Q2", "--format", format])
            .assert()
            .success();
        assert!(file.starts_with(b"PK"), "{format}");
        assert!(
            file == out.get_output().stdout,
            "{format}: -o and stdout differ"
        );
    }
}

// --- Excel ---

#[test]
fn report_xlsx_has_every_q2_initiative_in_danish_tables() {
    let bytes = run_to_file(&["report", "-q", "Q2"], "memo.xlsx");
    let mut book = workbook(bytes);
    let sheets = book.sheet_names();
    assert_eq!(
        sheets,
        [
            "Sammenfatning",
            "Indsatser i 2. kvartal",
            "Tværgående og helårsindsatser",
            "Spor",
            "Kræver opmærksomhed",
            "Siden sidste kvartal",
            "Næste kvartal"
        ]
    );
    let summary = book.worksheet_range("Sammenfatning").unwrap();
    let lines: Vec<String> = summary.rows().map(|r| cell_text(&r[0])).collect();
    assert_eq!(
        lines[0],
        "Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("2. kvartal 2017 omfatter 7 indsatser")));

    let mut found = Vec::new();
    for sheet in ["Indsatser i 2. kvartal", "Tværgående og helårsindsatser"] {
        let (headers, rows) = table_of(&mut book, sheet);
        assert_eq!(
            headers,
            [
                "Id",
                "Periode",
                "Indsats",
                "Spor",
                "Tværgående",
                "Steder",
                "Status",
                "Opmærksomhed",
                "Notens dato",
                "Seneste note"
            ]
        );
        for row in rows {
            if cell_text(&row[1]) == "2. kvartal" {
                found.push(cell_text(&row[0]));
            }
        }
    }
    found.sort();
    assert_eq!(found, q2_ids());

    // Tracks: counts are numbers, not text.
    let (headers, rows) = table_of(&mut book, "Spor");
    assert_eq!(headers[..2], ["Spor".to_string(), "Til dato".to_string()]);
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| matches!(r[1], Data::Float(_))));

    // Late since: a date cell, the day after Q1 ended.
    let (headers, rows) = table_of(&mut book, "Kræver opmærksomhed");
    let since = column(&headers, "Forsinket siden");
    let id = column(&headers, "Id");
    let row = rows
        .iter()
        .find(|r| cell_text(&r[id]) == "aaben-skole-jyllinge")
        .expect("a late Q1 initiative");
    assert!(row[since].is_datetime(), "{:?}", row[since]);
    assert_eq!(row[since].as_date(), NaiveDate::from_ymd_opt(2017, 4, 1));
}

#[test]
fn report_xlsx_in_english_has_english_headers() {
    let bytes = run_to_file(&["report", "-q", "Q2", "--lang", "en"], "memo.xlsx");
    let mut book = workbook(bytes);
    assert!(book
        .sheet_names()
        .contains(&"Initiatives in Q2".to_string()));
    let (headers, _) = table_of(&mut book, "Initiatives in Q2");
    assert_eq!(
        headers[..3],
        ["Id", "Period", "Initiative"].map(String::from)
    );
}

fn hostile() -> Fixture {
    let q2 = |title: &str, extra: &str| {
        format!(
            "title = {}\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n{extra}",
            toml_string(title)
        )
    };
    Fixture::new()
        .manifest("min_per_track = 1")
        .file("formula.toml", &q2(FORMULA, "deadline = 2017-06-15\n"))
        .file(
            "script.toml",
            &q2(
                HOSTILE_TITLE,
                "deadline = 2017-05-01\ndescription = \"Linje 1\\nLinje 2\\u001b[31m; slut\"\n[[log]]\ndate = 2017-05-01\ntext = \"@SUM(A1)\"\n",
            ),
        )
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn xlsx_stores_formula_like_titles_as_text() {
    let fixture = hostile();
    for args in [
        vec![
            "report",
            "-q",
            "Q2",
            "--today",
            "2017-05-15",
            "--format",
            "xlsx",
        ],
        vec!["list", "--format", "xlsx"],
    ] {
        let out = fixture.run(&args).success();
        let mut book = workbook(out.get_output().stdout.clone());
        let mut seen = false;
        for sheet in book.sheet_names() {
            let range = book.worksheet_range(&sheet).unwrap();
            for cell in range.used_cells() {
                if cell_text(cell.2) == FORMULA {
                    assert_eq!(cell.2, &Data::String(FORMULA.to_string()));
                    seen = true;
                }
            }
            let formulas = book.worksheet_formula(&sheet).unwrap();
            assert!(
                formulas.used_cells().all(|c| c.2.is_empty()),
                "a formula in {sheet}"
            );
        }
        assert!(
            seen,
            "the formula-like title is in the {} workbook",
            args[0]
        );
    }
}

#[test]
fn list_xlsx_has_danish_headers_and_deadlines_as_dates() {
    let bytes = run_to_file(&["list"], "liste.xlsx");
    let mut book = workbook(bytes);
    assert_eq!(book.sheet_names(), ["Indsatser"]);
    let (headers, rows) = table_of(&mut book, "Indsatser");
    assert_eq!(
        headers[..8],
        [
            "Id",
            "Periode",
            "Titel",
            "Spor",
            "Steder",
            "Status",
            "Bemærkninger",
            "Frist"
        ]
        .map(String::from)
    );
    assert_eq!(rows.len(), 28);
    let deadline = column(&headers, "Frist");
    let row = rows
        .iter()
        .find(|r| cell_text(&r[0]) == "efteraarsprogram-udvikling")
        .unwrap();
    assert!(row[deadline].is_datetime());
    assert_eq!(
        row[deadline].as_date(),
        NaiveDate::from_ymd_opt(2017, 6, 30)
    );

    // The filters of the table apply.
    let out = plan()
        .args(["list", "--period", "Q2", "--format", "xlsx"])
        .assert()
        .success();
    let mut book = workbook(out.get_output().stdout.clone());
    let (_, rows) = table_of(&mut book, "Indsatser");
    let mut ids: Vec<String> = rows.iter().map(|r| cell_text(&r[0])).collect();
    ids.sort();
    assert_eq!(ids, q2_ids());
}

#[test]
fn list_output_file_takes_its_format_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q2.json");
    plan()
        .args(["list", "--period", "Q2", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout_eq("");
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 7);
    // An existing file is not overwritten without --force.
    let out = plan().args(["list", "-o"]).arg(&path).assert().code(1);
    assert!(stderr(&out).contains("already exists"));
    let out = plan()
        .args(["list", "-o"])
        .arg(dir.path().join("liste.pdf"))
        .assert()
        .code(2);
    assert!(stderr(&out).contains(".xlsx"), "{}", stderr(&out));
}

/// Runs `plan ARGS` with standard output on a pseudo-terminal (util-linux `script`).
fn on_a_terminal(args: &str) -> std::process::Output {
    let bin = snapbox::cmd::cargo_bin!("plan");
    let line = format!("{} {args}", bin.display());
    StdCommand::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("util-linux `script` runs (apt-get install bsdutils)")
}

#[test]
fn binary_formats_are_refused_on_a_terminal() {
    for args in [
        "report -q Q2 --format xlsx",
        "report -q Q2 --format docx",
        "list --format xlsx",
    ] {
        let out = on_a_terminal(args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{args}: {text}");
        assert!(text.contains("is a binary format"), "{args}: {text}");
        assert!(!text.contains("PK"), "{args}: no zip bytes on the terminal");
    }
}

// --- Word ---

/// The parts of a docx: the XML of a named entry.
pub(crate) fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut part = zip.by_name(name).expect(name);
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

/// What Word shows of `word/document.xml`: each paragraph as (style, text), and the tables
/// as rows of cell texts.
#[derive(Debug, Default)]
struct Doc {
    paragraphs: Vec<(String, String)>,
    tables: Vec<Vec<Vec<String>>>,
}

fn read_document(xml: &str) -> Doc {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut doc = Doc::default();
    let (mut style, mut text) = (String::new(), String::new());
    let mut in_text = false;
    let mut depth_tbl = 0;
    let mut row: Vec<String> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            XmlEvent::Start(e) | XmlEvent::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                for a in e.attributes() {
                    let a = a.unwrap();
                    if a.key.as_ref() == "w:val" {
                        style = a.value.to_string();
                    }
                }
            }
            XmlEvent::Start(e) => match e.name().as_ref() {
                "w:t" => in_text = true,
                "w:p" => {
                    style.clear();
                    text.clear();
                }
                "w:tbl" => {
                    depth_tbl += 1;
                    doc.tables.push(Vec::new());
                }
                "w:tr" => row.clear(),
                _ => {}
            },
            XmlEvent::Text(t) if in_text => text.push_str(t.as_ref()),
            XmlEvent::GeneralRef(r) if in_text => {
                if let Some(c) = r.resolve_char_ref().unwrap() {
                    text.push(c);
                    continue;
                }
                let name: &str = r.as_ref();
                text.push(match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("unexpected entity {other}"),
                });
            }
            XmlEvent::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    if depth_tbl > 0 {
                        row.push(text.clone());
                    } else {
                        doc.paragraphs.push((style.clone(), text.clone()));
                    }
                }
                "w:tr" => doc.tables.last_mut().unwrap().push(row.clone()),
                "w:tbl" => depth_tbl -= 1,
                _ => {}
            },
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    doc
}

/// A row for a 2,000-character note is as tall as Excel allows (409 points), no taller: it
/// asked for 750, which Excel does not take.
#[test]
fn a_long_note_makes_a_row_no_taller_than_excel_allows() {
    let note = "Vi har holdt møde med foreningerne i Ågerup om økonomien. ".repeat(35);
    let f = Fixture::new().manifest("min_per_track = 0").initiative(
        "lang",
        "Q2",
        &["Hygge"],
        &format!("\n[[log]]\ndate = 2017-05-01\ntext = \"{}\"\n", note.trim()),
    );
    let out = f
        .run(&[
            "--today",
            "2017-06-30",
            "report",
            "-q",
            "Q2",
            "--format",
            "xlsx",
        ])
        .success();
    let bytes = out.get_output().stdout.clone();
    let mut tallest: f64 = 0.0;
    for sheet in 1..=6 {
        let Ok(xml) = std::panic::catch_unwind(|| {
            docx_part(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"))
        }) else {
            continue;
        };
        for height in xml.split(" ht=\"").skip(1) {
            let value: f64 = height[..height.find('"').unwrap()].parse().unwrap();
            tallest = tallest.max(value);
        }
    }
    assert!(tallest > 300.0 && tallest <= 409.0, "{tallest}");
}

/// Word's File ▸ Info and its speller: the memo's title, its language, and created on its
/// as-of date (they said "unknown", 1970-01-01, and no language: a Danish memo was checked
/// as English).
#[test]
fn report_docx_names_its_title_language_and_date() {
    for (lang, tag, quarter) in [
        ("da", "da-DK", "2. kvartal 2017"),
        ("en", "en-GB", "Q2 2017"),
    ] {
        let bytes = run_to_file(&["--lang", lang, "report", "-q", "Q2"], "memo.docx");
        let core = docx_part(&bytes, "docProps/core.xml");
        let doc = roxmltree::Document::parse(&core).unwrap();
        let text = |name: &str| {
            doc.descendants()
                .find(|n| n.tag_name().name() == name)
                .and_then(|n| n.text())
                .unwrap_or_else(|| panic!("{name} in {core}"))
                .to_string()
        };
        assert_eq!(
            text("title"),
            format!("Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017 · {quarter}")
        );
        assert_eq!(text("language"), tag);
        assert_eq!(text("created"), "2017-06-30T00:00:00Z");
        assert_eq!(text("modified"), "2017-06-30T00:00:00Z");
        assert!(
            !core.contains("unknown") && !core.contains("1970"),
            "{core}"
        );
        let styles = docx_part(&bytes, "word/styles.xml");
        assert!(
            styles.contains(&format!(
                "<w:lang w:val=\"{tag}\" /></w:rPr></w:rPrDefault>"
            )),
            "{styles}"
        );
    }
}

#[test]
fn report_docx_has_headings_tables_a4_and_the_header_line() {
    let bytes = run_to_file(&["report", "-q", "Q2"], "memo.docx");
    let doc = read_document(&docx_part(&bytes, "word/document.xml"));
    let styled = |s: &str| -> Vec<String> {
        doc.paragraphs
            .iter()
            .filter(|(style, _)| style == s)
            .map(|(_, t)| t.clone())
            .collect()
    };
    assert_eq!(
        styled("Title"),
        ["Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017"]
    );
    assert_eq!(
        styled("Subtitle"),
        ["2. kvartal 2017 · Status pr. 30. juni 2017"]
    );
    assert_eq!(
        styled("Heading1"),
        [
            "Sammenfatning",
            "Indsatser i 2. kvartal",
            "Tværgående og helårsindsatser",
            "Sporene til og med 2. kvartal",
            "Kræver opmærksomhed",
            "Siden sidste kvartal",
            "Næste kvartal: 3. kvartal"
        ]
    );
    assert!(doc
        .paragraphs
        .iter()
        .any(|(_, t)| t.starts_with("2. kvartal 2017 omfatter 7 indsatser")));

    // Tables: the quarter's, the ongoing ones', the tracks', the next quarter's.
    assert_eq!(doc.tables.len(), 4);
    // No initiative has a note yet: no empty note column.
    assert_eq!(doc.tables[0][0], ["Indsats", "Spor", "Steder", "Status"]);
    assert_eq!(
        doc.tables[2][0][..2],
        ["Spor".to_string(), "Til dato".to_string()]
    );
    // Every Q2 initiative, by title, in the quarter's table or the ongoing one.
    for id in q2_ids() {
        let toml =
            fs::read_to_string(shipped_plans().join("q2").join(format!("{id}.toml"))).unwrap();
        let title = toml
            .lines()
            .find_map(|l| l.strip_prefix("title = \""))
            .unwrap()
            .trim_end_matches('"')
            .to_string();
        assert!(
            doc.tables[..2].iter().flatten().any(|row| row[0] == title),
            "{title} is not in the memo"
        );
    }

    // A4 with the plan's title and the quarter in the header.
    let xml = docx_part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    let header = docx_part(&bytes, "word/header1.xml");
    let header = read_document(&header);
    assert_eq!(
        header.paragraphs[0].1,
        "Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017 · 2. kvartal 2017"
    );
}

#[test]
fn docx_escapes_hostile_text() {
    // U+FFFE and U+FFFF are not XML 1.0 characters: one in a title or a place made the whole
    // document one Word refuses to open.
    let out = hostile()
        .file(
            "ikke-tegn.toml",
            "title = \"Ikke\\uFFFEtegn\\uFFFF\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\\uFDD0\"]\n",
        )
        .run(&[
            "report",
            "-q",
            "Q2",
            "--today",
            "2017-05-15",
            "--format",
            "docx",
        ])
        .success();
    let bytes = out.get_output().stdout.clone();
    let xml = docx_part(&bytes, "word/document.xml");
    roxmltree::Document::parse(&xml).expect("XML 1.0");
    assert!(xml.contains(">Ikketegn<"), "{xml}");
    assert!(!xml.contains('\u{FFFE}') && !xml.contains('\u{FDD0}'));
    assert!(!xml.contains("<script>"), "markup passed through");
    assert!(!xml
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
    let doc = read_document(&xml);
    let cells: Vec<&String> = doc.tables.iter().flatten().flatten().collect();
    assert!(cells.iter().any(|c| *c == HOSTILE_TITLE), "{cells:?}");
    assert!(cells.iter().any(|c| *c == FORMULA));
    // The note column is there when an initiative has a note.
    assert!(doc.tables[0][0].contains(&"Seneste note".to_string()));
    assert!(
        // "1." and its month kept together by a no-break space.
        cells.iter().any(|c| *c == "1.\u{a0}maj 2017: @SUM(A1)"),
        "{cells:?}"
    );
}

// --- Calendar ---

fn calendar(args: &[&str]) -> (String, icalendar::Calendar) {
    let mut all = vec!["--today", "2017-05-15", "calendar"];
    all.extend_from_slice(args);
    let text = stdout(&plan().args(&all).assert().success());
    let parsed: icalendar::Calendar = text.parse().expect("icalendar parses it");
    (text, parsed)
}

fn date_of(d: Option<DatePerhapsTime>) -> NaiveDate {
    match d {
        Some(DatePerhapsTime::Date(d)) => d,
        other => panic!("not an all-day date: {other:?}"),
    }
}

/// A description line that begins with `::` is written as it is (its line break is `\n`
/// inside the calendar's line, so it starts no line of the file), and wherever a fold falls
/// the calendar stays one that calendar programs read: no continuation line loses its space
/// to standard output's guard.
#[test]
fn a_description_line_with_a_workflow_command_keeps_the_calendar_whole() {
    for k in 0..76 {
        let f = Fixture::new().filled().file(
            "q2/kommando.toml",
            &format!(
                "title = \"K\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndeadline = 2017-06-01\n\
                 description = \"{}\\n::error::x\"\n",
                "y".repeat(k)
            ),
        );
        let text = stdout(&f.run(&["--today", "2017-05-15", "calendar"]).success());
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                line.starts_with(' ')
                    || line.split(':').next().is_some_and(|p| p.chars().all(|c| c
                        .is_ascii_uppercase()
                        || c == '-'
                        || c == ';'
                        || c == '='
                        || c.is_ascii_alphanumeric())),
                "{k}: not a content line nor a continuation: {line:?}"
            );
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains(&format!("{}\\n::error::x", "y".repeat(k))),
            "{k}: {unfolded}"
        );
        let _: icalendar::Calendar = text.parse().expect("icalendar parses it");
    }
}

/// Every line of the calendar of every period, on the shipped plan, is at most 75 octets,
/// and a description keeps its line breaks (`\n`), as `plan show` does.
#[test]
fn calendar_lines_fit_and_descriptions_keep_their_lines() {
    let (text, _) = calendar(&["--periods"]);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let f = Fixture::new().filled().file(
        "q2/to-afsnit.toml",
        "title = \"To afsnit\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\n\
         description = \"\"\"\nFørste afsnit.\n\nAndet afsnit:\n- et punkt\"\"\"\n",
    );
    let text = stdout(&f.run(&["--today", "2017-05-15", "calendar", "--periods"]));
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("Første afsnit.\\n\\nAndet afsnit:\\n- et punkt"),
        "{unfolded}"
    );
}

#[test]
fn calendar_has_deadlines_and_quarter_ends_as_all_day_events() {
    let (text, cal) = calendar(&[]);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "lines end in CRLF"
    );
    let events: Vec<_> = cal.events().collect();
    let summaries: Vec<&str> = events.iter().filter_map(|e| e.get_summary()).collect();
    assert_eq!(
        summaries,
        [
            "Frist: Udvikling af efterårsprogrammet 2017",
            "Frist: Styrke relationer og digital synlighed i Gadstrup, Viby og Jyllinge",
            "1. kvartal 2017 slutter",
            "2. kvartal 2017 slutter",
            "3. kvartal 2017 slutter",
            "4. kvartal 2017 slutter",
        ]
    );
    let deadline = events[0];
    assert_eq!(
        date_of(deadline.get_start()),
        NaiveDate::from_ymd_opt(2017, 6, 30).unwrap()
    );
    // DTEND is exclusive: an all-day event ends the next day.
    assert_eq!(
        date_of(deadline.get_end()),
        NaiveDate::from_ymd_opt(2017, 7, 1).unwrap()
    );
    assert!(deadline
        .get_description()
        .unwrap()
        .starts_with("Indsats: efteraarsprogram-udvikling\nPeriode: 1. kvartal\n"));
    assert_eq!(
        date_of(events[3].get_start()),
        NaiveDate::from_ymd_opt(2017, 6, 30).unwrap()
    );
    // The Q2 end lists the quarter's initiatives.
    let q2_end = events[3].get_description().unwrap();
    assert_eq!(q2_end.lines().count(), 7, "{q2_end}");
}

#[test]
fn calendar_uids_are_stable_and_unique() {
    let uids = |cal: &icalendar::Calendar| -> Vec<String> {
        cal.events()
            .map(|e| e.get_uid().unwrap().to_string())
            .collect()
    };
    let (_, first) = calendar(&["--periods"]);
    let (_, second) = calendar(&["--periods"]);
    let a = uids(&first);
    assert_eq!(a, uids(&second));
    let mut unique = a.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), a.len());
    assert_eq!(
        a[0],
        "deadline-efteraarsprogram-udvikling-2017@handleplan-for-bibliotekernes-rolle-i-lokalsamfundet-2017"
    );
    // 2 deadlines, 4 quarter ends, 28 periods.
    assert_eq!(a.len(), 34);
    // A title with no letter a UID keeps still names the plan after `@`, the same each run,
    // and another such title another name (it was empty: two plans' events were one).
    let of_title = |title: &str| {
        let f = Fixture::new().filled().file(
            "plan.toml",
            &format!("[plan]\ntitle = \"{title}\"\nyear = 2017\n"),
        );
        let text = stdout(&f.run(&["calendar", "--periods"]).success());
        let uid = text
            .lines()
            .find_map(|l| l.strip_prefix("UID:"))
            .unwrap()
            .trim()
            .to_string();
        uid.split_once('@').unwrap().1.to_string()
    };
    let tokyo = of_title("東京 ☀️");
    assert!(tokyo.starts_with("plan-") && tokyo.len() > 5, "{tokyo}");
    assert_eq!(tokyo, of_title("東京 ☀️"));
    assert_ne!(tokyo, of_title("大阪"));
}

#[test]
fn calendar_periods_and_filters() {
    let (_, cal) = calendar(&["--periods", "--period", "Q2"]);
    let events: Vec<_> = cal.events().collect();
    // No deadline in Q2; the end of Q2; then the seven Q2 initiatives over the quarter.
    assert_eq!(events[0].get_summary(), Some("2. kvartal 2017 slutter"));
    let periods = &events[1..];
    assert_eq!(periods.len(), 7);
    let mut ids: Vec<String> = periods
        .iter()
        .map(|e| {
            let uid = e.get_uid().unwrap();
            uid.strip_prefix("period-")
                .unwrap()
                .split("-2017@")
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    ids.sort();
    assert_eq!(ids, q2_ids());
    for e in periods {
        assert_eq!(
            date_of(e.get_start()),
            NaiveDate::from_ymd_opt(2017, 4, 1).unwrap()
        );
        assert_eq!(
            date_of(e.get_end()),
            NaiveDate::from_ymd_opt(2017, 7, 1).unwrap()
        );
    }

    let (_, cal) = calendar(&[
        "--track",
        "fordybelse",
        "--status",
        "planlagt",
        "--location",
        "viby",
    ]);
    assert_eq!(cal.events().count(), 4, "only the quarter ends");

    let out = plan()
        .args(["calendar", "--track", "Hyge"])
        .assert()
        .code(2);
    assert!(stderr(&out).contains("did you mean"), "{}", stderr(&out));
}

/// A cancelled initiative's deadline is a cancelled event (`STATUS:CANCELLED`), so that a
/// calendar importing the file again strikes it out; a postponed one's is tentative. They
/// were "Frist: …" events as if still due.
#[test]
fn cancelled_and_postponed_work_is_no_firm_deadline_in_the_calendar() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .initiative(
            "aflyst",
            "Q2",
            &["Hygge"],
            "status = \"cancelled\"\ndeadline = 2017-05-01\n",
        )
        .initiative(
            "udsat",
            "Q2",
            &["Hygge"],
            "status = \"postponed\"\ndeadline = 2017-05-02\n",
        )
        .initiative(
            "i-gang",
            "Q2",
            &["Hygge"],
            "status = \"active\"\ndeadline = 2017-05-03\n",
        );
    let text = stdout(
        &f.run(&["--today", "2017-04-15", "calendar", "--periods"])
            .success(),
    );
    let cal: icalendar::Calendar = text.parse().expect("icalendar parses it");
    let status_of = |uid_start: &str| {
        let event = cal
            .events()
            .find(|e| e.get_uid().unwrap().starts_with(uid_start))
            .unwrap_or_else(|| panic!("{uid_start} in {text}"));
        event.get_status()
    };
    let summary = |uid_start: &str| {
        cal.events()
            .find(|e| e.get_uid().unwrap().starts_with(uid_start))
            .and_then(|e| e.get_summary().map(str::to_string))
            .unwrap()
    };
    assert_eq!(
        summary("deadline-aflyst-"),
        "Frist: Initiative aflyst (aflyst)"
    );
    assert_eq!(
        summary("deadline-udsat-"),
        "Frist: Initiative udsat (udskudt)"
    );
    assert_eq!(summary("deadline-i-gang-"), "Frist: Initiative i-gang");
    // Neither is due at the quarter's end.
    let end = cal
        .events()
        .find(|e| e.get_uid().unwrap().starts_with("quarter-end-q2"))
        .unwrap();
    let due = end.get_description().unwrap_or_default();
    assert!(
        due.contains("i-gang") && !due.contains("aflyst") && !due.contains("udsat"),
        "{due}"
    );
    for kind in ["deadline", "period"] {
        assert_eq!(
            status_of(&format!("{kind}-aflyst-")),
            Some(icalendar::EventStatus::Cancelled)
        );
        assert_eq!(
            status_of(&format!("{kind}-udsat-")),
            Some(icalendar::EventStatus::Tentative)
        );
        assert_eq!(status_of(&format!("{kind}-i-gang-")), None);
    }
    // A change recorded later is a newer version of the same events (SEQUENCE goes up), so
    // that a calendar importing the new file takes it.
    let sequence = |text: &str| {
        let unfolded = text.replace("\r\n ", "");
        let at = unfolded.find("UID:deadline-i-gang-").unwrap();
        let event = &unfolded[unfolded[..at].rfind("BEGIN:VEVENT").unwrap()..];
        let event = &event[..event.find("END:VEVENT").unwrap()];
        event
            .lines()
            .find_map(|l| l.strip_prefix("SEQUENCE:"))
            .map(|n| n.trim().parse::<u32>().unwrap())
            .unwrap_or(0)
    };
    assert_eq!(sequence(&text), 0);
    f.run(&["--today", "2017-04-20", "set", "i-gang", "status=cancelled"])
        .success();
    let later = stdout(&f.run(&["--today", "2017-04-21", "calendar"]).success());
    assert_eq!(sequence(&later), 1, "{later}");
    assert!(later.contains("STATUS:CANCELLED"), "{later}");
}

#[test]
fn calendar_escapes_hostile_text() {
    let fixture = hostile();
    let out = fixture
        .run(&["--today", "2017-05-15", "calendar", "-o", "plan.ics"])
        .success();
    assert_eq!(stdout(&out), "");
    let text = fs::read_to_string(fixture.dir().join("plan.ics")).unwrap();
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.contains(r"SUMMARY:Frist: <script>alert('x')</script> Møde\; a\, b \\ c"),
        "{text}"
    );
    let cal: icalendar::Calendar = text.parse().unwrap();
    let event = cal
        .events()
        .find(|e| e.get_summary() == Some(&format!("Frist: {HOSTILE_TITLE}")))
        .expect("the title survives escaping");
    let description = event.get_description().unwrap();
    // Its line break kept (`\n` in the file), the escape sequence's ESC left out.
    assert!(
        description.ends_with("Linje 1\nLinje 2[31m; slut"),
        "{description:?}"
    );
    assert!(Path::new(&fixture.dir().join("plan.ics")).exists());
}

#[test]
fn xlsx_after_q4_and_without_rows() {
    // After Q4 the preview is the follow-ups the plan names.
    let out = plan()
        .args(["report", "-q", "Q4", "--format", "xlsx"])
        .assert()
        .success();
    let mut book = workbook(out.get_output().stdout.clone());
    assert_eq!(book.sheet_names().last().unwrap(), "Opfølgning");
    let range = book.worksheet_range("Opfølgning").unwrap();
    assert_eq!(
        cell_text(&range.rows().next().unwrap()[0]),
        "Næste år: 2018"
    );

    // No initiative matches: the sentence the table shows, and no table.
    let out = plan()
        .args(["list", "--status", "done", "--format", "xlsx"])
        .assert()
        .success();
    let mut book = workbook(out.get_output().stdout.clone());
    book.load_tables().unwrap();
    assert!(book.table_names().is_empty());
    let range = book.worksheet_range("Indsatser").unwrap();
    let texts: Vec<String> = range.used_cells().map(|c| cell_text(c.2)).collect();
    assert!(
        texts.contains(&"Ingen indsatser matcher.".to_string()),
        "{texts:?}"
    );
}

/// A workbook larger than the part kept in memory goes through a file in the temporary
/// folder: read back whole (every row), and when that folder cannot be used the error says
/// which folder failed and how to choose another, exit 2, and no file is written.
#[test]
fn a_large_workbook_goes_through_the_temporary_folder_and_names_it_when_it_fails() {
    let long = "læsning og fællesskab i lokalsamfundet ".repeat(10);
    let mut f = Fixture::new();
    for n in 0..3000 {
        f = f.initiative(
            &format!("indsats-{n:04}"),
            "Q2",
            &["Hygge"],
            &format!("owner = \"{long}\"\n"),
        );
    }
    let out = f.dir().join("liste.xlsx");
    let missing = f.dir().join("no-such-folder");
    let failed = plan_in(f.dir())
        .env("TMPDIR", &missing)
        .args(["list", "-o", "liste.xlsx"])
        .assert()
        .code(2);
    let said = stderr(&failed);
    assert!(said.contains("cannot use a temporary file in"), "{said}");
    assert!(said.contains("no-such-folder"), "{said}");
    assert!(said.contains("TMPDIR"), "{said}");
    assert!(!out.exists());

    f.run(&["list", "-o", "liste.xlsx"]).code(0);
    let mut book = workbook(fs::read(&out).unwrap());
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let ids: Vec<String> = range
        .rows()
        .map(|row| cell_text(&row[0]))
        .filter(|id| id.starts_with("indsats-"))
        .collect();
    assert_eq!(ids.len(), 3000);
    assert_eq!(ids[2999], "indsats-2999");
}
