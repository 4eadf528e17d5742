//! The network memo ([`NetworkMemo`]) in every memo format: Markdown, text, HTML, CSV, JSON.
//! Per track (as matched across members) and per shared theme: which member has what
//! running this quarter, and what it reached. Members whose catalogues differ are shown side
//! by side: each under its own name for the track.

use std::io::{self, Write};

use maud::{html, DOCTYPE};

use crate::assess::memo::Item;
use crate::assess::network::{Entry, MemberQuarter, NetworkMemo, Section};
use crate::cli::ReportFormat;
use crate::i18n::network::{network_words, NetworkWords};
use crate::i18n::{words, Words};
use crate::render::escape::{markdown, markdown_cell};
use crate::text::{bind_ordinals, wrap};

mod tables;
use tables::{csv, docx, workbook};

/// Writes `memo` in `format` to `out`.
/// `delimiter`: the CSV's `--delimiter`, else the language's separator.
pub fn render(
    format: ReportFormat,
    memo: &NetworkMemo,
    delimiter: Option<crate::cli::Delimiter>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Markdown => markdown_memo(memo, out),
        ReportFormat::Text => text(memo, out),
        ReportFormat::Html => html_memo(memo, out),
        ReportFormat::Csv => csv(memo, delimiter, out),
        ReportFormat::Json => crate::render::json::write_pretty(out, memo),
        ReportFormat::Xlsx => out.write_all(&workbook(memo)?),
        ReportFormat::Docx => docx(memo, out),
    }
}

fn title(memo: &NetworkMemo, nw: &NetworkWords, w: &Words) -> String {
    let mut years: Vec<i32> = memo.members.iter().map(|m| m.year).collect();
    years.sort_unstable();
    years.dedup();
    let years: Vec<String> = years.iter().map(i32::to_string).collect();
    let name = if memo.title.is_empty() {
        nw.untitled
    } else {
        &memo.title
    };
    format!(
        "{}: {name}, {} {}",
        nw.memo_title,
        w.period(memo.quarter),
        years.join("/")
    )
}

/// The day the memo describes, as the plan's memo says it under its title: "Status pr. 30.
/// juni 2017". Members judged on different days (plans of different years) each with theirs:
/// "Status pr. 30. juni 2017 (a, b), 30. juni 2018 (c)".
pub(super) fn as_of_line(memo: &NetworkMemo, w: &Words) -> String {
    let mut days: Vec<chrono::NaiveDate> = memo.members.iter().map(|m| m.as_of).collect();
    days.sort_unstable();
    days.dedup();
    match days.as_slice() {
        [] => String::new(),
        [day] => (w.report_as_of)(&w.date(*day)),
        _ => (w.report_as_of)(
            &days
                .iter()
                .map(|day| {
                    let members: Vec<&str> = memo
                        .members
                        .iter()
                        .filter(|m| m.as_of == *day)
                        .map(|m| m.member.as_str())
                        .collect();
                    format!("{} ({})", w.date(*day), members.join(", "))
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// The width of the text memo, as the plan's text memo's (72 columns).
const TEXT_WIDTH: usize = 72;

/// One member in a line: "eksempelby: Eksempelby Bibliotekerne 2017 (2017), 5 indsatser,
/// 2 færdige, spor nået 4/4" (each count in the singular or plural it takes).
pub(super) fn member_line(nw: &NetworkWords, w: &Words, m: &MemberQuarter) -> String {
    format!(
        "{}: {} ({}), {}, {}, {} {}/{}",
        m.member,
        m.title,
        m.year,
        w.count(w.n_initiatives, m.initiatives + m.whole_year),
        w.count(w.n_done, m.done),
        nw.col_tracks_met.to_lowercase(),
        m.tracks_met,
        m.tracks
    )
}

fn item_line(w: &Words, item: &Item) -> String {
    format!(
        "{} ({}): {}",
        item.title,
        item.id,
        crate::render::report::status_text(w, item)
    )
}

fn reached(nw: &NetworkWords, e: &Entry) -> String {
    match &e.coverage {
        Some(c) => (nw.reached)(c.done, c.to_date, c.year, c.minimum, c.met),
        None => (nw.theme_reached)(e.done, e.items.len()),
    }
}

fn member_label(nw: &NetworkWords, section: &Section, e: &Entry) -> String {
    if crate::model::catalogue_fold(&e.name) == crate::model::catalogue_fold(&section.name) {
        e.member.clone()
    } else {
        format!("{} ({} “{}”)", e.member, nw.spelled, e.name)
    }
}

fn sections(memo: &NetworkMemo) -> [(&'static str, &[Section]); 2] {
    [("track", &memo.tracks), ("tag", &memo.themes)]
}

fn markdown_memo(memo: &NetworkMemo, out: &mut dyn Write) -> io::Result<()> {
    let w = words(memo.language);
    let nw = network_words(memo.language);
    writeln!(out, "# {}\n", markdown(&title(memo, nw, w)))?;
    writeln!(out, "{}\n", markdown(&as_of_line(memo, w)))?;
    writeln!(out, "## {}\n", nw.members_heading)?;
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |",
        nw.col_member,
        nw.col_title,
        nw.col_year,
        nw.col_initiatives,
        nw.col_done,
        nw.col_tracks_met
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for m in &memo.members {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {}/{} |",
            markdown_cell(&m.member),
            markdown_cell(&m.title),
            m.year,
            m.initiatives + m.whole_year,
            m.done,
            m.tracks_met,
            m.tracks
        )?;
    }
    for sentence in super::undated_sentences(&memo.members, w) {
        writeln!(out, "\n{}", markdown(&sentence))?;
    }
    let left_out = super::left_out_sentences(&memo.left_out, true, nw, w);
    if !left_out.is_empty() {
        writeln!(out, "\n## {}\n", w.report_left_out)?;
        for sentence in &left_out {
            writeln!(out, "- {}", markdown(sentence))?;
        }
    }
    for (kind, list) in sections(memo) {
        let heading = if kind == "track" {
            nw.by_track
        } else {
            nw.by_theme
        };
        writeln!(out, "\n## {heading}")?;
        if list.is_empty() {
            writeln!(out, "\n{}", nw.no_themes)?;
        }
        for s in list {
            writeln!(out, "\n### {}\n", markdown(&s.name))?;
            for e in &s.entries {
                writeln!(
                    out,
                    "- **{}** — {}",
                    markdown_cell(&member_label(nw, s, e)),
                    markdown_cell(&reached(nw, e))
                )?;
                if e.items.is_empty() {
                    writeln!(out, "  - {}", nw.nothing)?;
                }
                for i in &e.items {
                    writeln!(out, "  - {}", markdown(&item_line(w, i)))?;
                }
            }
        }
    }
    Ok(())
}

fn text(memo: &NetworkMemo, out: &mut dyn Write) -> io::Result<()> {
    let w = words(memo.language);
    let nw = network_words(memo.language);
    let t = title(memo, nw, w);
    // Wrapped as the plan's text memo is, a long word on a line of its own.
    let wrapped = |out: &mut dyn Write, text: &str, first: &str, rest: &str| {
        wrap(text, TEXT_WIDTH, first, rest)
            .iter()
            .try_for_each(|line| writeln!(out, "{line}"))
    };
    for line in wrap(&t, TEXT_WIDTH, "", "") {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", "=".repeat(t.chars().count().min(TEXT_WIDTH)))?;
    wrapped(out, &as_of_line(memo, w), "", "")?;
    writeln!(out)?;
    writeln!(out, "{}", nw.members_heading)?;
    for m in &memo.members {
        wrapped(out, &member_line(nw, w, m), "  ", "    ")?;
    }
    for sentence in super::undated_sentences(&memo.members, w) {
        writeln!(out)?;
        wrapped(out, &sentence, "", "")?;
    }
    let left_out = super::left_out_sentences(&memo.left_out, true, nw, w);
    if !left_out.is_empty() {
        let heading = w.report_left_out;
        writeln!(out, "\n{heading}\n{}", "-".repeat(heading.chars().count()))?;
        for sentence in &left_out {
            wrapped(out, sentence, "- ", "  ")?;
        }
    }
    for (kind, list) in sections(memo) {
        let heading = if kind == "track" {
            nw.by_track
        } else {
            nw.by_theme
        };
        writeln!(out, "\n{heading}\n{}", "-".repeat(heading.chars().count()))?;
        if list.is_empty() {
            writeln!(out, "{}", nw.no_themes)?;
        }
        for s in list {
            writeln!(out)?;
            wrapped(out, &s.name, "", "")?;
            for e in &s.entries {
                let entry = format!("{} — {}", member_label(nw, s, e), reached(nw, e));
                wrapped(out, &entry, "  ", "    ")?;
                if e.items.is_empty() {
                    writeln!(out, "    {}", nw.nothing)?;
                }
                for i in &e.items {
                    wrapped(out, &item_line(w, i), "    - ", "      ")?;
                }
            }
        }
    }
    Ok(())
}

const STYLE: &str = "body { font-family: Calibri, 'Segoe UI', Arial, sans-serif; font-size: 11pt; \
max-width: 180mm; margin: 0 auto; } table { border-collapse: collapse; } \
th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; } \
p.sub { color: #444; margin: 0 0 10pt; }";

fn html_memo(memo: &NetworkMemo, out: &mut dyn Write) -> io::Result<()> {
    let w = words(memo.language);
    let nw = network_words(memo.language);
    let t = title(memo, nw, w);
    let left_out = super::left_out_sentences(&memo.left_out, true, nw, w);
    let undated = super::undated_sentences(&memo.members, w);
    let page = html! {
        (DOCTYPE)
        html lang=(memo.lang) {
            head {
                meta charset="utf-8";
                title { (t) }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                h1 { (bind_ordinals(&t)) }
                p.sub { (bind_ordinals(&as_of_line(memo, w))) }
                h2 { (nw.members_heading) }
                table border="1" {
                    tr {
                        th { (nw.col_member) } th { (nw.col_title) } th { (nw.col_year) }
                        th { (nw.col_initiatives) } th { (nw.col_done) } th { (nw.col_tracks_met) }
                    }
                    @for m in &memo.members {
                        tr {
                            td { (m.member) } td { (m.title) } td { (m.year) }
                            td { (m.initiatives + m.whole_year) } td { (m.done) }
                            td { (m.tracks_met) "/" (m.tracks) }
                        }
                    }
                }
                @for sentence in &undated { p { (bind_ordinals(sentence)) } }
                @if !left_out.is_empty() {
                    h2 { (w.report_left_out) }
                    ul { @for sentence in &left_out { li { (bind_ordinals(sentence)) } } }
                }
                @for (kind, list) in sections(memo) {
                    h2 { (if kind == "track" { nw.by_track } else { nw.by_theme }) }
                    @if list.is_empty() { p { (nw.no_themes) } }
                    @for s in list {
                        h3 { (s.name) }
                        ul {
                            @for e in &s.entries {
                                li {
                                    strong { (member_label(nw, s, e)) } " — " (bind_ordinals(&reached(nw, e)))
                                    ul {
                                        @if e.items.is_empty() { li { (nw.nothing) } }
                                        @for i in &e.items { li { (bind_ordinals(&item_line(w, i))) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    writeln!(out, "{}", page.into_string())
}
