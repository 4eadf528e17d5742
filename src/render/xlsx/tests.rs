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
