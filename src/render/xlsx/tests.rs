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
