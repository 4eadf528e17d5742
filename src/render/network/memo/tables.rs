//! The network memo as tables and Office files: CSV, the Excel workbook and the Word
//! document. The Markdown, text and HTML memos are in [`super`].

use std::io::{self, Write};

use super::{as_of_line, item_line, member_label, reached, sections, title};
use crate::assess::memo::Item;
use crate::assess::network::{Entry, NetworkMemo, Section};
use crate::i18n::network::network_words;
use crate::i18n::words;
use crate::render::office;
use crate::render::terminal::capitalize;
use crate::text::bind_ordinals;

/// One row per (section, member, initiative), headers in the memo's language, by the
/// tool's CSV convention ([`crate::render::csv`]), as the plan memo's CSV.
pub(super) fn csv(
    memo: &NetworkMemo,
    delimiter: Option<crate::cli::Delimiter>,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::render::csv as convention;
    let w = words(memo.language);
    let nw = network_words(memo.language);
    let mut csv = convention::writer(out, memo.language, delimiter)?;
    convention::row(
        &mut csv,
        [
            capitalize(nw.kind_track) + "/" + nw.kind_tag,
            nw.col_theme.to_string(),
            nw.col_member.to_string(),
            nw.col_id.to_string(),
            nw.col_period.to_string(),
            nw.col_title.to_string(),
            nw.col_status.to_string(),
        ],
    )?;
    for (kind, s, e, i) in item_rows(memo) {
        let kind = if kind == "track" {
            nw.kind_track
        } else {
            nw.kind_tag
        };
        convention::row(
            &mut csv,
            [
                kind.to_string(),
                s.name.clone(),
                e.member.clone(),
                i.id.to_string(),
                w.period(i.period),
                i.title.to_string(),
                crate::render::report::status_text(w, i),
            ],
        )?;
    }
    // What the memo leaves out: a row each, its sentence in the title column (as the
    // single plan's CSV puts it in its text column).
    for sentence in super::super::left_out_sentences(&memo.left_out, true, nw, w) {
        convention::row(
            &mut csv,
            [
                w.report_left_out.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                sentence,
                String::new(),
            ],
        )?;
    }
    csv.flush()
}

/// The rows of the CSV and of the workbook's second sheet: (kind, section, member, item).
fn item_rows(memo: &NetworkMemo) -> Vec<(&'static str, &Section, &Entry, &Item<'static>)> {
    let mut rows = Vec::new();
    for (kind, list) in sections(memo) {
        for s in list {
            for e in &s.entries {
                for i in &e.items {
                    rows.push((kind, s, e, i));
                }
            }
        }
    }
    rows
}

/// An Excel workbook: the members, then one row per (track or theme, member, initiative)
/// with what the member reached on it.
pub(super) fn workbook(memo: &NetworkMemo) -> io::Result<Vec<u8>> {
    use crate::render::xlsx::{Book, Cell, Rows, SheetTable};
    let w = words(memo.language);
    let nw = network_words(memo.language);
    let t = title(memo, nw, w);
    let mut book = Book::new(memo.language, &t, &w.period(memo.quarter));
    // Created on the day it describes, as the plan's workbook.
    if let Some(day) = memo.members.iter().map(|m| m.as_of).max() {
        book.dated(day)?;
    }
    book.table_sheet(SheetTable {
        name: nw.members_heading,
        above: vec![t.clone(), as_of_line(memo, w)],
        headers: vec![
            nw.col_member,
            nw.col_title,
            nw.col_year,
            nw.col_initiatives,
            nw.col_done,
            nw.col_tracks_met,
        ],
        rows: Rows::made(
            memo.members
                .iter()
                .map(|m| {
                    vec![
                        Cell::text(m.member.clone()),
                        Cell::text(m.title.clone()),
                        Cell::text(m.year.to_string()),
                        Cell::count(m.initiatives + m.whole_year),
                        Cell::count(m.done),
                        Cell::text(format!("{}/{}", m.tracks_met, m.tracks)),
                    ]
                })
                .collect(),
        ),
        empty: String::new(),
        below: super::super::undated_sentences(&memo.members, w)
            .into_iter()
            .chain(super::super::left_out_sentences(
                &memo.left_out,
                true,
                nw,
                w,
            ))
            .collect(),
    })?;
    let kind_heading = capitalize(nw.kind_track) + "/" + nw.kind_tag;
    book.table_sheet(SheetTable {
        name: nw.by_track,
        above: vec![t.clone(), as_of_line(memo, w)],
        headers: vec![
            &kind_heading,
            nw.col_theme,
            nw.col_member,
            nw.col_id,
            nw.col_period,
            nw.col_title,
            nw.col_status,
        ],
        rows: Rows::made(
            item_rows(memo)
                .into_iter()
                .map(|(kind, s, e, i)| {
                    vec![
                        Cell::text(if kind == "track" {
                            nw.kind_track
                        } else {
                            nw.kind_tag
                        }),
                        Cell::text(s.name.clone()),
                        Cell::text(member_label(nw, s, e)),
                        Cell::text(i.id.clone()),
                        Cell::text(w.period(i.period)),
                        Cell::text(i.title.clone()),
                        Cell::text(crate::render::report::status_text(w, i)),
                    ]
                })
                .collect(),
        ),
        empty: nw.nothing.to_string(),
        below: Vec::new(),
    })?;
    book.into_bytes()
}

/// A Word document with the sections of the Markdown memo: headings (Word's "Heading 1"
/// and "Heading 2" style names) and paragraphs; `docx-rs` escapes the XML.
pub(super) fn docx(memo: &NetworkMemo, out: &mut dyn Write) -> io::Result<()> {
    use docx_rs::{Docx, Paragraph, Run};
    let w = words(memo.language);
    let nw = network_words(memo.language);
    // Ordinals bound to their word ("2.\u{a0}kvartal"), as in the plan's Word memo.
    let para = |text: &str| Paragraph::new().add_run(Run::new().add_text(bind_ordinals(text)));
    let heading = |text: &str, style: &str| para(text).style(style);
    // The plan's memo's styles: its title and headings are Word's own (Title, heading 1
    // and 2), as the navigation pane and a table of contents find them.
    let mut doc = crate::render::report::docx::styles(Docx::new())
        .add_paragraph(heading(&title(memo, nw, w), "Title"));
    doc = doc.add_paragraph(para(&as_of_line(memo, w)));
    doc = doc.add_paragraph(heading(nw.members_heading, "Heading1"));
    for m in &memo.members {
        doc = doc.add_paragraph(para(&super::member_line(nw, w, m)));
    }
    for sentence in super::super::undated_sentences(&memo.members, w) {
        doc = doc.add_paragraph(para(&sentence));
    }
    let left_out = super::super::left_out_sentences(&memo.left_out, true, nw, w);
    if !left_out.is_empty() {
        doc = doc.add_paragraph(heading(w.report_left_out, "Heading1"));
        for sentence in &left_out {
            doc = doc.add_paragraph(para(sentence));
        }
    }
    for (kind, list) in sections(memo) {
        let h = if kind == "track" {
            nw.by_track
        } else {
            nw.by_theme
        };
        doc = doc.add_paragraph(heading(h, "Heading1"));
        if list.is_empty() {
            doc = doc.add_paragraph(para(nw.no_themes));
        }
        for s in list {
            doc = doc.add_paragraph(heading(&s.name, "Heading2"));
            for e in &s.entries {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(member_label(nw, s, e)).bold())
                        .add_run(
                            Run::new().add_text(format!(" — {}", bind_ordinals(&reached(nw, e)))),
                        ),
                );
                if e.items.is_empty() {
                    doc = doc.add_paragraph(para(&format!("    {}", nw.nothing)));
                }
                for i in &e.items {
                    doc = doc.add_paragraph(para(&format!("    • {}", item_line(w, i))));
                }
            }
        }
    }
    // The properties and the language the plan's Word memo has; dated by the members' day.
    let mut parts = doc.build();
    if let Some(day) = memo.members.iter().map(|m| m.as_of).max() {
        parts.doc_props.core =
            office::docx_core_properties(&title(memo, nw, w), memo.language, day).into_bytes();
    }
    parts.styles = office::docx_styles_in(&parts.styles, memo.language);
    let mut bytes = std::io::Cursor::new(Vec::new());
    parts
        .pack(&mut bytes)
        .map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes.into_inner())
}
