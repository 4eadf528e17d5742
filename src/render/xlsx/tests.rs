//! Sheet names and formula-like text.

use super::*;

#[test]
fn sheet_names_are_valid_and_unique() {
    let taken = vec!["Spor".to_string()];
    assert_eq!(sheet_name("Spor", &taken), "Spor (2)");
    assert_eq!(
        sheet_name("Næste kvartal: 3. kvartal", &[]),
        "Næste kvartal- 3. kvartal"
    );
    assert_eq!(sheet_name("a/b[c]*?", &[]), "a-b-c---");
    assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
    assert_eq!(sheet_name("'", &[]), "Ark");
    let long = "y".repeat(31);
    let again = sheet_name(&long, std::slice::from_ref(&long));
    assert_eq!(again.chars().count(), 31);
    assert!(again.ends_with(" (2)"));
    // A long name is cut after a whole word, not in one.
    assert_eq!(
        sheet_name("Cross-cutting and whole-year initiatives", &[]),
        "Cross-cutting and whole-year"
    );
    assert_eq!(
        sheet_name("Tværgående indsatser og helårsindsatser", &[]),
        "Tværgående indsatser og"
    );
    let taken = vec!["Cross-cutting and whole-year".to_string()];
    assert_eq!(
        sheet_name("Cross-cutting and whole-year initiatives", &taken),
        "Cross-cutting and (2)"
    );
}

#[test]
fn formula_like_text_is_recognised() {
    for text in ["=1+1", "+45", "-2", "@SUM(A1)", "=HYPERLINK(\"x\")"] {
        assert!(looks_like_formula(text), "{text}");
    }
    assert!(!looks_like_formula("Hygge = godt"));
}

/// The `r` numbers of every `<row>` element of each sheet of a workbook.
fn row_numbers(bytes: Vec<u8>) -> Vec<Vec<u32>> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut sheets = Vec::new();
    for n in 1.. {
        let Ok(mut part) = archive.by_name(&format!("xl/worksheets/sheet{n}.xml")) else {
            break;
        };
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        let rows = xml
            .split("<row r=\"")
            .skip(1)
            .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
            .collect();
        sheets.push(rows);
    }
    sheets
}

#[test]
fn a_tall_last_row_is_written_once() {
    // rust_xlsxwriter's constant-memory mode wrote the <row> of a last row with a height of
    // its own twice, which Excel reports as a damaged file.
    let long = "lang tekst ".repeat(20);
    let mut book = Book::new(Lang::Da, "Plan", "Q2");
    book.text_sheet("Tekst", &["Titel".to_string(), long.clone()], &[])
        .unwrap();
    for below in [Vec::new(), vec!["Note".to_string()]] {
        book.table_sheet(SheetTable {
            name: "Tabel",
            above: vec!["Over".to_string()],
            headers: vec!["A", "B"],
            rows: Rows::made(vec![
                vec![Cell::text("kort"), Cell::count(1)],
                vec![Cell::text(long.clone()), Cell::count(2)],
            ]),
            empty: String::new(),
            below,
        })
        .unwrap();
    }
    let sheets = row_numbers(book.into_bytes().unwrap());
    assert_eq!(sheets.len(), 3);
    for rows in &sheets {
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    }
    // The tall rows are there, each once: row 2 of the text, row 5 of the tables.
    assert!(sheets[0].contains(&2));
    assert!(sheets[1].contains(&5) && sheets[2].contains(&5));
}

/// The format each cell of a sheet shows, as Excel resolves it from `styles.xml`:
/// `(cell reference, text or value, vertical alignment, wraps, number format, quote prefix,
/// bold)`, in sheet order.
type Shown = (String, String, String, bool, String, bool, bool);

fn shown_formats(bytes: Vec<u8>, sheet: usize) -> Vec<Shown> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut read = |name: &str| {
        let mut xml = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    };
    let styles = read("xl/styles.xml");
    let sheet = read(&format!("xl/worksheets/sheet{sheet}.xml"));
    let styles = roxmltree::Document::parse(&styles).unwrap();
    let named = |name: &'static str| {
        move |n: &roxmltree::Node| n.is_element() && n.tag_name().name() == name
    };
    let formats: std::collections::HashMap<String, String> = styles
        .descendants()
        .filter(named("numFmt"))
        .map(|n| {
            (
                n.attribute("numFmtId").unwrap().to_string(),
                n.attribute("formatCode").unwrap().to_string(),
            )
        })
        .collect();
    let fonts: Vec<bool> = styles
        .descendants()
        .filter(named("fonts"))
        .flat_map(|f| f.children().filter(named("font")))
        .map(|f| f.children().any(|c| c.tag_name().name() == "b"))
        .collect();
    let xfs: Vec<(String, bool, String, bool, bool)> = styles
        .descendants()
        .filter(named("cellXfs"))
        .flat_map(|x| x.children().filter(named("xf")))
        .map(|xf| {
            let alignment = xf.children().find(named("alignment"));
            let id = xf.attribute("numFmtId").unwrap_or("0");
            (
                alignment
                    .and_then(|a| a.attribute("vertical"))
                    .unwrap_or("")
                    .to_string(),
                alignment.and_then(|a| a.attribute("wrapText")) == Some("1"),
                formats.get(id).cloned().unwrap_or_else(|| id.to_string()),
                xf.attribute("quotePrefix") == Some("1"),
                fonts[xf
                    .attribute("fontId")
                    .unwrap_or("0")
                    .parse::<usize>()
                    .unwrap()],
            )
        })
        .collect();
    let sheet = roxmltree::Document::parse(&sheet).unwrap();
    sheet
        .descendants()
        .filter(named("c"))
        .map(|c| {
            let value = c
                .descendants()
                .find(|n| matches!(n.tag_name().name(), "t" | "v"))
                .and_then(|n| n.text())
                .unwrap_or("")
                .to_string();
            let s: usize = c.attribute("s").unwrap_or("0").parse().unwrap();
            let (vertical, wraps, format, quoted, bold) = xfs[s].clone();
            (
                c.attribute("r").unwrap().to_string(),
                value,
                vertical,
                wraps,
                format,
                quoted,
                bold,
            )
        })
        .collect()
}

/// Each cell of a table shows its kind's format (short text top-aligned, long text also
/// wrapped, dates in the language's date format, numbers top-aligned, formula-like text
/// quoted), whether it takes the format from its column or has its own; the lines above and
/// below the table and the header keep theirs.
#[test]
fn every_cell_of_a_table_shows_its_format() {
    let long = "lang tekst ".repeat(20);
    let day = NaiveDate::from_ymd_opt(2017, 6, 30);
    let mut book = Book::new(Lang::Da, "Plan", "Q2");
    book.table_sheet(SheetTable {
        name: "Tabel",
        above: vec!["Overskrift".to_string(), "Over".to_string()],
        headers: vec!["Id", "Titel", "Frist", "Antal"],
        rows: Rows::made(vec![
            vec![
                Cell::text("a"),
                Cell::text(long.clone()),
                Cell::date(day),
                Cell::count(1),
            ],
            vec![
                Cell::text("=b"),
                Cell::text("+45"),
                Cell::text("ingen"),
                Cell::count(2),
            ],
            vec![
                Cell::text("c"),
                Cell::text("kort"),
                Cell::date(None),
                Cell::count(3),
            ],
        ]),
        empty: String::new(),
        below: vec!["Under".to_string()],
    })
    .unwrap();
    let shown = shown_formats(book.into_bytes().unwrap(), 1);
    let cell = |r: &str| {
        shown
            .iter()
            .find(|s| s.0 == r)
            .unwrap_or_else(|| panic!("no cell {r} in {shown:?}"))
            .clone()
    };
    let date = date_format(Lang::Da).to_string();
    let general = "0".to_string();
    let top = "top".to_string();
    // (vertical, wraps, number format, quoted, bold)
    let format = |s: Shown| (s.2, s.3, s.4, s.5, s.6);
    assert_eq!(
        format(cell("A1")),
        (String::new(), false, general.clone(), false, true)
    );
    assert_eq!(
        format(cell("A2")),
        (String::new(), false, general.clone(), false, false)
    );
    assert!(format(cell("A4")).4, "the header is bold");
    // The rows: a short column, a long one, a date column, a number column.
    assert_eq!(
        format(cell("A5")),
        (top.clone(), false, general.clone(), false, false)
    );
    assert_eq!(
        format(cell("B5")),
        (top.clone(), true, general.clone(), false, false)
    );
    assert_eq!(
        format(cell("C5")),
        (top.clone(), false, date.clone(), false, false)
    );
    assert_eq!(cell("C5").1, "42916", "30 June 2017 as an Excel date");
    assert_eq!(
        format(cell("D5")),
        (top.clone(), false, general.clone(), false, false)
    );
    assert_eq!(
        format(cell("A6")),
        (top.clone(), false, general.clone(), true, false)
    );
    assert_eq!(
        format(cell("B6")),
        (top.clone(), true, general.clone(), true, false)
    );
    assert_eq!(
        format(cell("C6")),
        (top.clone(), false, general.clone(), false, false)
    );
    assert_eq!(
        format(cell("D7")),
        (top.clone(), false, general.clone(), false, false)
    );
    assert!(
        shown.iter().all(|s| s.0 != "C7"),
        "an empty date is no cell"
    );
    assert_eq!(
        format(cell("A9")),
        (String::new(), false, general, false, false)
    );
}

/// A column with long text and dates, and formula-like text in a date column: each cell
/// shows its own kind's format, whichever the column carries.
#[test]
fn mixed_columns_show_each_cell_in_its_format() {
    let long = "lang tekst ".repeat(20);
    let day = NaiveDate::from_ymd_opt(2017, 6, 30);
    let mut book = Book::new(Lang::Da, "Plan", "Q2");
    book.table_sheet(SheetTable {
        name: "Tabel",
        above: Vec::new(),
        headers: vec!["Id", "Note", "Frist"],
        rows: Rows::made(vec![
            vec![Cell::text("a"), Cell::text(long), Cell::date(day)],
            vec![Cell::text("b"), Cell::date(day), Cell::text("-1")],
            vec![Cell::text("c"), Cell::text("kort"), Cell::count(7)],
        ]),
        empty: String::new(),
        below: Vec::new(),
    })
    .unwrap();
    let shown = shown_formats(book.into_bytes().unwrap(), 1);
    let format = |r: &str| {
        let s = shown.iter().find(|s| s.0 == r).expect("the cell").clone();
        (s.2, s.3, s.4, s.5)
    };
    let (top, date, general) = ("top".to_string(), date_format(Lang::Da).to_string(), "0");
    let general = general.to_string();
    assert_eq!(format("B2"), (top.clone(), true, general.clone(), false));
    assert_eq!(format("B3"), (top.clone(), false, date.clone(), false));
    assert_eq!(format("B4"), (top.clone(), true, general.clone(), false));
    assert_eq!(format("C2"), (top.clone(), false, date, false));
    assert_eq!(format("C3"), (top.clone(), false, general.clone(), true));
    assert_eq!(format("C4"), (top, false, general, false));
}
