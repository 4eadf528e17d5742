//! Edits of one file: each change touches only its lines, keeps comments, layout, CRLF and
//! BOM; new files and ids; list fields and the log written in other shapes.

use proptest::prelude::*;

use std::path::Path;

use toml_edit::DocumentMut;

use super::*;
use chrono::NaiveDate;

use crate::error::Failure;
use crate::model::Catalogue;
use crate::parse::default_manifest;

pub(super) const SAMPLE: &str = r#"# 2. kvartal 2017, row 5 of the memo.
title = "Hygge i Viby"
description = """
Målgruppespecifikke koncepter for 'hygge'."""
period = "Q2" # agreed in March
tracks = ["Hygge"]   # one track only
# partners were asked in April
partners = ["borgere"]
status = "planned"
tags = ["hygge"]

[[log]]
date = 2017-04-20
text = "Første møde."
"#;

pub(super) fn doc(text: &str) -> InitiativeDoc {
    InitiativeDoc::parse(Path::new("x.toml"), "x.toml", text.as_bytes()).unwrap()
}

pub(super) fn catalogue() -> Catalogue {
    default_manifest().catalogue
}

pub(super) fn set(d: &mut InitiativeDoc, change: &str) -> Result<(), Failure> {
    d.apply(&Change::parse(change)?, &catalogue())
}

/// The lines of `b` that are not in `a`, and of `a` not in `b`, in order.
fn changed_lines(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let la: Vec<&str> = a.lines().collect();
    let lb: Vec<&str> = b.lines().collect();
    let gone = la
        .iter()
        .filter(|l| !lb.contains(l))
        .map(|l| l.to_string())
        .collect();
    let new = lb
        .iter()
        .filter(|l| !la.contains(l))
        .map(|l| l.to_string())
        .collect();
    (gone, new)
}

#[test]
fn a_scalar_change_touches_only_its_line_and_keeps_its_comment() {
    let mut d = doc(SAMPLE);
    set(&mut d, "period=q3").unwrap();
    let (gone, new) = changed_lines(SAMPLE, &d.text());
    assert_eq!(gone, ["period = \"Q2\" # agreed in March"]);
    assert_eq!(new, ["period = \"Q3\" # agreed in March"]);
    assert_eq!(d.text().lines().count(), SAMPLE.lines().count());
}

#[test]
fn a_list_change_is_tidy_and_keeps_its_comment() {
    let mut d = doc(SAMPLE);
    set(&mut d, "tracks+=fordybelse").unwrap();
    set(&mut d, "tracks+=Hygge").unwrap();
    let (_, new) = changed_lines(SAMPLE, &d.text());
    assert_eq!(
        new,
        ["tracks = [\"Hygge\", \"Fordybelse\"]   # one track only"]
    );
    set(&mut d, "tracks-=hygge").unwrap();
    set(&mut d, "tracks=Viden & Vejledning, hygge").unwrap();
    let (_, new) = changed_lines(SAMPLE, &d.text());
    assert_eq!(
        new,
        ["tracks = [\"Viden og vejledning\", \"Hygge\"]   # one track only"]
    );
}

#[test]
fn a_new_key_goes_where_the_format_puts_it() {
    let mut d = doc(SAMPLE);
    set(&mut d, "deadline=2017-06-30").unwrap();
    set(&mut d, "locations+=viby").unwrap();
    let text = d.text();
    let order: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split(" = ").next().filter(|k| !k.starts_with('#')))
        .collect();
    assert_eq!(
        order,
        [
            "title",
            "description",
            "Målgruppespecifikke koncepter for 'hygge'.\"\"\"",
            "period",
            "tracks",
            "locations",
            "partners",
            "status",
            "deadline",
            "tags",
            "",
            "[[log]]",
            "date",
            "text"
        ]
    );
    assert!(text.contains("locations = [\"Viby\"]\n# partners were asked in April\npartners"));
}

#[test]
fn clearing_a_key_keeps_the_comment_above_it() {
    let mut d = doc(SAMPLE);
    set(&mut d, "partners=").unwrap();
    let text = d.text();
    assert!(!text.contains("partners ="));
    assert!(
        text.contains("# partners were asked in April\nstatus = \"planned\""),
        "{text}"
    );
    let err = set(&mut d, "title=").unwrap_err();
    assert_eq!(err.code, 1);
    let err = set(&mut d, "tags-=nope").unwrap_err();
    assert!(err.message.contains("not in `tags`"));
}

#[test]
fn removing_the_last_entry_of_an_optional_list_removes_the_key() {
    let mut d = doc(SAMPLE);
    set(&mut d, "tags-=HYGGE").unwrap();
    assert!(!d.text().contains("tags"));
}

#[test]
fn a_list_over_several_lines_keeps_its_layout_and_comments() {
    let text = "title = \"a\"\nperiod = \"Q1\"\ntracks = [\n    \"Hygge\", # the main one\n    \"Fordybelse\",\n]\n";
    let mut d = doc(text);
    set(&mut d, "tracks+=Struktur for livet").unwrap();
    assert_eq!(
        d.text(),
        "title = \"a\"\nperiod = \"Q1\"\ntracks = [\n    \"Hygge\", # the main one\n    \"Fordybelse\",\n    \"Struktur for livet\",\n]\n"
    );
    set(&mut d, "tracks-=fordybelse").unwrap();
    assert_eq!(
        d.text(),
        "title = \"a\"\nperiod = \"Q1\"\ntracks = [\n    \"Hygge\", # the main one\n    \"Struktur for livet\",\n]\n"
    );
}

#[test]
fn notes_are_appended_after_the_others() {
    let mut d = doc(SAMPLE);
    let date = NaiveDate::from_ymd_opt(2017, 5, 2).unwrap();
    d.append_log(date, "Andet møde, med \"citat\".").unwrap();
    assert_eq!(
        d.text(),
        format!("{SAMPLE}\n[[log]]\ndate = 2017-05-02\ntext = 'Andet møde, med \"citat\".'\n")
    );
    let mut bare = doc("title = \"a\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n");
    bare.append_log(date, "Start.").unwrap();
    assert_eq!(
        bare.text(),
        "title = \"a\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n\n[[log]]\ndate = 2017-05-02\ntext = \"Start.\"\n"
    );
}

#[test]
fn crlf_and_bom_survive_an_edit() {
    let text = "\u{feff}title = \"a\"\r\nperiod = \"Q1\" # x\r\ntracks = [\"Hygge\"]\r\n";
    let mut d = InitiativeDoc::parse(Path::new("x.toml"), "x.toml", text.as_bytes()).unwrap();
    set(&mut d, "period=Q2").unwrap();
    assert_eq!(
        d.text(),
        "title = \"a\"\r\nperiod = \"Q2\" # x\r\ntracks = [\"Hygge\"]\r\n"
    );
    assert!(d.bom);
}

#[test]
fn changes_are_parsed_strictly() {
    assert_eq!(
        Change::parse("tags+=a=b").unwrap(),
        Change {
            key: "tags".into(),
            op: Op::Add,
            value: "a=b".into()
        }
    );
    let err = Change::parse("stauts=done").unwrap_err();
    assert_eq!(err.code, 2);
    assert_eq!(err.help.as_deref(), Some("did you mean `status`?"));
    assert_eq!(Change::parse("status+=done").unwrap_err().code, 2);
    assert_eq!(Change::parse("status").unwrap_err().code, 2);
    assert_eq!(Change::parse("log=x").unwrap_err().code, 2);
    let mut d = doc(SAMPLE);
    let err = set(&mut d, "deadline=2017-6-30").unwrap_err();
    assert!(err.message.contains("YYYY-MM-DD"));
    assert_eq!(d.text(), SAMPLE);
}

#[test]
fn a_new_file_is_tidy_and_commented() {
    let new = NewInitiative {
        comments: vec!["Added with `plan new`.".into()],
        title: "Hygge i Viby".into(),
        description: Some("Lang tekst\nover to linjer.".into()),
        period: "Q2".into(),
        tracks: vec!["Hygge".into()],
        locations: vec!["Viby".into()],
        status: "planned".into(),
        deadline: NaiveDate::from_ymd_opt(2017, 6, 30),
        ..NewInitiative::default()
    };
    assert_eq!(
        new.render(),
        "# Added with `plan new`.\ntitle = \"Hygge i Viby\"\ndescription = \"\"\"\nLang tekst\nover to linjer.\"\"\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\nlocations = [\"Viby\"]\nstatus = \"planned\"\ndeadline = 2017-06-30\n"
    );
}

#[test]
fn unique_ids_get_a_number() {
    let taken = vec!["hygge".to_string(), "hygge-2".to_string()];
    assert_eq!(unique_id("hygge", &taken), "hygge-3");
    assert_eq!(unique_id("viby", &taken), "viby");
    let long = "a".repeat(64);
    let id = unique_id(&long, std::slice::from_ref(&long));
    assert_eq!(id.len(), 64);
    assert!(id.ends_with("-2")); // A long id made of words is cut after a whole word before its number.
    let words = "samarbejde-med-skoler-og-dagtilbud-om-laesning-i-hele-kommunerne";
    assert_eq!(words.len(), 64);
    assert_eq!(
        unique_id(words, &[words]),
        "samarbejde-med-skoler-og-dagtilbud-om-laesning-i-hele-2"
    );
}

proptest! {
    #[test]
    fn multiline_strings_round_trip(text in "(.|\n){0,40}") {
        let value = string_value(&text, true);
        prop_assert_eq!(value.as_str(), Some(text.as_str()));
        let doc = format!("a = {value}\n").parse::<DocumentMut>().unwrap();
        prop_assert_eq!(doc["a"].as_str(), Some(text.as_str()));
    }
}

#[test]
fn a_log_in_another_shape_keeps_every_value() {
    let date = NaiveDate::from_ymd_opt(2017, 5, 2).unwrap();
    // `[log]`, the typo for `[[log]]`: its entry stays, as the first one.
    let mut d = doc(
        "title = \"x\"\n\n# the first meeting\n[log]\ndate = 2017-04-20\ntext = \"Første møde.\"\n",
    );
    d.append_log(date, "Andet møde.").unwrap();
    let text = d.text();
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    let log = parsed["log"].as_array().unwrap();
    assert_eq!(log.len(), 2, "{text}");
    assert_eq!(log[0]["text"].as_str(), Some("Første møde."));
    assert_eq!(log[1]["text"].as_str(), Some("Andet møde."));
    assert!(text.contains("# the first meeting\n[[log]]"), "{text}");
    // `log = { … }`: one entry, written out.
    let mut d = doc(
        "title = \"x\"\nlog = { date = 2017-04-20, text = \"Første.\" }\nstatus = \"planned\"\n",
    );
    d.append_log(date, "Andet.").unwrap();
    let parsed: toml::Table = toml::from_str(&d.text()).unwrap();
    assert_eq!(parsed["log"].as_array().unwrap().len(), 2, "{}", d.text());
    assert_eq!(parsed["status"].as_str(), Some("planned"));
    // Text is refused: nothing to append to without losing it.
    for shape in ["log = \"Første møde\"\n", "log = 3\n", "log = [\"a\"]\n"] {
        let mut d = doc(&format!("title = \"x\"\n{shape}"));
        let before = d.text();
        let err = d.append_log(date, "Andet.").unwrap_err();
        assert_eq!(err.code, crate::error::EXIT_INVALID, "{shape}");
        assert!(
            err.message.contains("not a list of dated notes"),
            "{}",
            err.message
        );
        assert_eq!(d.text(), before);
    }
}

#[test]
fn adding_to_a_list_written_as_text_keeps_its_values() {
    let c = catalogue();
    let mut d = doc("title = \"x\"\ntags = \"kultur, børn\" # from the memo\n");
    set(&mut d, "tags+=ny").unwrap();
    assert!(
        d.text()
            .contains("tags = [\"kultur\", \"børn\", \"ny\"] # from the memo\n"),
        "{}",
        d.text()
    );
    let mut d = doc("title = \"x\"\ntags = \"kultur, børn\"\n");
    set(&mut d, "tags-=kultur").unwrap();
    assert!(d.text().contains("tags = [\"børn\"]\n"), "{}", d.text());
    // A list with a value that is not text is refused, untouched.
    for text in [
        "title = \"x\"\ntags = [\"a\", 3]\n",
        "title = \"x\"\ntags = 3\n",
    ] {
        let mut d = doc(text);
        let err = set(&mut d, "tags+=ny").unwrap_err();
        assert_eq!(err.code, crate::error::EXIT_INVALID);
        assert!(
            err.message.contains("not a list of text"),
            "{}",
            err.message
        );
        assert_eq!(d.text(), text);
    }
    let _ = c;
}

#[test]
fn comments_in_a_list_over_several_lines_stay_beside_their_values() {
    let text = "title = \"x\"\ntags = [\"a\", # first\n  \"b\", # second\n]\n";
    let mut d = doc(text);
    set(&mut d, "tags+=c").unwrap();
    assert_eq!(
        d.text(),
        "title = \"x\"\ntags = [\"a\", # first\n  \"b\", # second\n  \"c\",\n]\n"
    );
    let mut d = doc(text);
    set(&mut d, "tags-=a").unwrap();
    assert_eq!(d.text(), "title = \"x\"\ntags = [\n  \"b\", # second\n]\n");
    let mut d = doc(text);
    set(&mut d, "tags-=b").unwrap();
    assert_eq!(d.text(), "title = \"x\"\ntags = [\"a\", # first\n]\n");
    // Replacing: the values that stay keep their comments; the new ones come after.
    let mut d = doc(text);
    set(&mut d, "tags=b,c").unwrap();
    assert_eq!(
        d.text(),
        "title = \"x\"\ntags = [\n  \"b\", # second\n  \"c\",\n]\n"
    );
    // Without a trailing comma.
    let mut d = doc("title = \"x\"\ntags = [\n  \"a\", # first\n  \"b\" # second\n]\n");
    set(&mut d, "tags+=c").unwrap();
    assert_eq!(
        d.text(),
        "title = \"x\"\ntags = [\n  \"a\", # first\n  \"b\", # second\n  \"c\"\n]\n"
    );
}
