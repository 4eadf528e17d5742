//! The streamed document is the document `docx-rs` builds as one tree: the same parts, the
//! same body XML (paragraph ids aside, which docx-rs counts per thread), on the shipped plan
//! in every quarter and language and on hostile text.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::assess::memo::{build_with, Context};
use crate::cli::Lang;
use crate::load::{plan_from_folder, read_folder, Folder, SourceFile};
use crate::model::Plan;

fn shipped() -> Plan {
    let dir = Path::new("plans");
    plan_from_folder(dir, read_folder(dir).expect("the shipped plans/ folder"))
}

/// Titles, places and notes that are markup, entities, quotes, bidi controls and formulas.
fn hostile() -> Plan {
    let files = [
        (
            "script.toml",
            "title = \"<script>alert('x')</script> & \\\"Tæt\\\" ]]> \\u202Eevil\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"<b>Viby</b> & Co\"]\ndeadline = 2017-05-01\n[[log]]\ndate = 2017-05-01\ntext = \"@SUM(A1) </w:t></w:r> &amp;\"\n",
        ),
        (
            "formula.toml",
            "title = \"=HYPERLINK(\\\"http://x\\\")\"\nperiod = \"year\"\ntracks = [\"Hygge\"]\n",
        ),
    ];
    let folder = Folder {
        manifest: Some(SourceFile::from_bytes(
            "plan.toml",
            b"[plan]\ntitle = \"Plan <&> \\\"x\\\"\"\nyear = 2017\n",
        )),
        initiatives: files
            .iter()
            .map(|(path, text)| SourceFile::from_bytes(path, text.as_bytes()))
            .collect(),
        ..Folder::default()
    };
    plan_from_folder(Path::new("plans"), folder)
}

fn report(plan: &Plan, quarter: u8, lang: Lang) -> Report<'_> {
    let as_of = NaiveDate::from_ymd_opt(2017, 5, 15).unwrap();
    build_with(plan, quarter, as_of, lang, Context::default())
}

/// Paragraph ids replaced by one placeholder.
fn without_ids(xml: &[u8]) -> String {
    let xml = String::from_utf8(xml.to_vec()).expect("UTF-8 XML");
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml.as_str();
    const ID: &str = "w14:paraId=\"";
    while let Some(at) = rest.find(ID) {
        let (head, tail) = rest.split_at(at + ID.len());
        out.push_str(head);
        out.push_str("ID");
        rest = &tail[tail.find('"').expect("a closed attribute")..];
    }
    out.push_str(rest);
    out
}

fn part(archive: &mut zip::ZipArchive<Cursor<Vec<u8>>>, name: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the archive"))
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

fn assert_same_document(report: &Report) {
    let tree = document(report).build();
    let mut streamed = Vec::new();
    render(report, &mut streamed).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(streamed)).expect("a zip archive");
    assert_eq!(
        without_ids(&part(&mut archive, "word/document.xml")),
        without_ids(&tree.document)
    );
    // The styles with the memo's language in their run defaults, which docx-rs cannot set.
    let styles = crate::render::office::docx_styles_in(&tree.styles, report.language);
    assert_ne!(
        styles, tree.styles,
        "the language is written into the styles"
    );
    for (name, bytes) in [
        ("[Content_Types].xml", &tree.content_type),
        ("_rels/.rels", &tree.rels),
        ("word/_rels/document.xml.rels", &tree.document_rels),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &tree.numberings),
        ("word/settings.xml", &tree.settings),
        ("word/header1.xml", &tree.headers[0]),
    ] {
        assert_eq!(part(&mut archive, name), *bytes, "{name}");
    }
    // The same parts as docx-rs's own packer writes.
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    names.sort_unstable();
    let mut packed = Cursor::new(Vec::new());
    document(report).build().pack(&mut packed).unwrap();
    let theirs = zip::ZipArchive::new(packed).unwrap();
    let mut their_names: Vec<String> = theirs
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    their_names.sort_unstable();
    assert_eq!(names, their_names);
    // Paragraph ids are unique in the body.
    let xml = String::from_utf8(part(&mut archive, "word/document.xml")).unwrap();
    let mut ids: Vec<&str> = xml
        .split("w14:paraId=\"")
        .skip(1)
        .map(|s| &s[..8])
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate paragraph ids");
    assert!(!ids.contains(&HEADER_PARA_ID));
}

#[test]
fn the_streamed_memo_is_the_tree_memo_on_the_shipped_plan() {
    let plan = shipped();
    for quarter in 1..=4 {
        for lang in [Lang::Da, Lang::En] {
            assert_same_document(&report(&plan, quarter, lang));
        }
    }
}

#[test]
fn the_streamed_memo_is_the_tree_memo_on_hostile_text() {
    let plan = hostile();
    let report = report(&plan, 2, Lang::Da);
    assert!(report
        .initiatives
        .iter()
        .any(|i| i.title.contains("<script>")));
    assert_same_document(&report);
    let mut bytes = Vec::new();
    render(&report, &mut bytes).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let xml = String::from_utf8(part(&mut archive, "word/document.xml")).unwrap();
    assert!(!xml.contains("<script>"));
    assert!(!xml.contains("<b>Viby"));
    assert!(xml.contains("&lt;script&gt;"));
}

/// The document made in a temporary file, also when it goes to disk at once, is the same
/// as the one made in memory.
#[test]
fn the_spooled_memo_is_the_memo_made_in_memory() {
    let plan = shipped();
    let report = report(&plan, 2, Lang::Da);
    let on_disk = package(&report, Temporary::in_memory_up_to(0))
        .unwrap()
        .into_bytes()
        .unwrap();
    assert_eq!(on_disk, bytes(&report).unwrap());
    assert_eq!(spooled(&report).unwrap().into_bytes().unwrap(), on_disk);
}

/// A plan with more initiatives in the quarter and the year than a table's rows are made
/// on one core for (three chunks and more), with notes and next quarter's work.
fn long() -> Plan {
    let texts: Vec<(String, String)> = (0..7_000)
        .map(|n| {
            let period = ["Q2", "year", "Q3"][n % 3];
            let track = ["Hygge", "Viden og vejledning", "En lokal aktør"][n % 7 % 3];
            let text = format!(
                "title = \"Læsekreds nr. {n}\"\nperiod = \"{period}\"\ntracks = [\"{track}\"]\nlocations = [\"Viby\"]\n[[log]]\ndate = 2017-04-0{}\ntext = \"Note {n}\"\n",
                1 + n % 9
            );
            (format!("laesekreds-{n:05}.toml"), text)
        })
        .collect();
    let folder = Folder {
        initiatives: texts
            .iter()
            .map(|(path, text)| SourceFile::from_bytes(path, text.as_bytes()))
            .collect(),
        ..Folder::default()
    };
    plan_from_folder(Path::new("plans"), folder)
}

/// Rows made on two cores: the same body as the tree made on one, every paragraph id once.
#[test]
fn the_streamed_memo_of_long_tables_is_the_tree_memo() {
    let plan = long();
    let report = report(&plan, 2, Lang::Da);
    for table in [&report.initiatives, &report.ongoing] {
        assert!(table.len() > 2 * 1_000, "{} rows", table.len());
    }
    assert_same_document(&report);
}

/// Each table's cells get ids of their own, one after the other, until the range would be
/// overrun: then none (the table's rows are made on one core with docx-rs's ids).
#[test]
fn tables_take_ranges_of_cell_ids_until_they_run_out() {
    let mut ids = CellIds::new();
    assert_eq!(ids.take(12), Some(CellIds::FIRST));
    assert_eq!(ids.take(6), Some(CellIds::FIRST + 12));
    assert_eq!(ids.take(usize::MAX), None);
    let rest = (CellIds::END - CellIds::FIRST - 18) as usize;
    assert_eq!(ids.take(rest + 1), None);
    assert_eq!(ids.take(rest), Some(CellIds::FIRST + 18));
    assert_eq!(ids.take(1), None);
    assert_eq!(ids.take(0), Some(CellIds::END));
}
