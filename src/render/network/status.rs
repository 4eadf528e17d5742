//! `plan status` at a workspace root: one row per member, the totals, the shared themes.

use std::io::{self, Write};

use crate::assess::network::{MemberRow, NetworkStatus};
use crate::i18n::network::NetworkWords;
use crate::i18n::Words;
use crate::render::terminal::{plain_table, room_for_first_column, write_table, Paint};
use crate::text::{break_after_hyphens, clean_line, wrap};

/// The narrowest the member column is made by breaking names after hyphens: a table on a
/// terminal too narrow for its numbers is let be wider instead.
const MEMBER_MIN: usize = 10;

/// The dashboard as text for a terminal, `width` columns wide.
pub fn text(
    s: &NetworkStatus,
    nw: &NetworkWords,
    w: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = if s.title.is_empty() {
        nw.untitled
    } else {
        &s.title
    };
    writeln!(out, "{}", paint.bold(&clean_line(title)))?;
    writeln!(out, "{} {}", w.as_of, w.date(s.as_of))?;
    writeln!(out)?;
    let columns = usize::from(width);
    // The titles first, each a paragraph of its own (in the table they would squeeze the
    // numbers), wrapped to the width under the member's name.
    for r in &s.members {
        let member = clean_line(&r.member);
        let text = format!(
            "{} ({}, {})",
            clean_line(&r.title),
            r.year,
            crate::text::visible_line(&r.path)
        );
        let first = format!("  {member}: ");
        let painted = format!("  {}: ", paint.bold(&member));
        write_wrapped(out, &text, columns, (&first, &painted))?;
    }
    // What the numbers below leave out, before them.
    for sentence in super::left_out_sentences(&s.left_out, false, nw, w) {
        let painted = format!("  {} ", paint.warning("!"));
        write_wrapped(out, &sentence, columns, ("  ! ", &painted))?;
    }
    writeln!(out)?;
    let header = [
        nw.col_member,
        nw.col_year,
        nw.col_initiatives,
        nw.col_done,
        nw.col_late,
        nw.col_blocked,
        nw.col_at_risk,
        nw.col_tracks_met,
    ];
    let row = |r: &MemberRow, first: &str, year: String| {
        vec![
            first.to_string(),
            year,
            r.initiatives.to_string(),
            r.done.to_string(),
            r.late.to_string(),
            r.blocked.to_string(),
            r.at_risk.to_string(),
            format!("{}/{}", r.tracks_met, r.tracks),
        ]
    };
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for r in &s.members {
        rows.push(row(r, &clean_line(&r.member), r.year.to_string()));
    }
    rows.push(row(&s.totals, nw.total, String::new()));
    // A member's folder name is one word ("eksempelby-kommunes-biblioteker"): too wide for
    // the room the numbers leave, it breaks after its hyphens rather than widen the table.
    let room = room_for_first_column(width, &rows).max(MEMBER_MIN);
    for r in &mut rows[1..] {
        r[0] = break_after_hyphens(&r[0], room).join("\n");
    }
    let mut table = plain_table(paint, width);
    let mut rows = rows.into_iter();
    table.set_header(rows.next().unwrap_or_default());
    for r in rows {
        table.add_row(r);
    }
    write_table(&mut table, out)?;
    writeln!(out)?;
    writeln!(out, "{}", paint.bold(nw.themes))?;
    if s.themes.is_empty() {
        writeln!(out, "  {}", nw.no_themes)?;
    }
    for theme in &s.themes {
        let kind = if theme.kind == "track" {
            nw.kind_track
        } else {
            nw.kind_tag
        };
        let members: Vec<String> = theme
            .members
            .iter()
            .map(|m| {
                if crate::model::catalogue_fold(&m.name)
                    == crate::model::catalogue_fold(&theme.name)
                {
                    clean_line(&m.member)
                } else {
                    format!(
                        "{} ({} “{}”)",
                        clean_line(&m.member),
                        nw.spelled,
                        clean_line(&m.name)
                    )
                }
            })
            .collect();
        let first = format!("  {} ({kind}): ", clean_line(&theme.name));
        write_wrapped(out, &members.join(", "), columns, (&first, &first))?;
    }
    Ok(())
}

/// `text` wrapped to `width` columns at words, its first line after `first` (as measured,
/// and as written: its painted form), the others indented by four spaces; a word wider than
/// a line is broken after its hyphens and slashes.
fn write_wrapped(
    out: &mut dyn Write,
    text: &str,
    width: usize,
    (first, painted): (&str, &str),
) -> io::Result<()> {
    for (n, line) in wrap(text, width, first, "    ").iter().enumerate() {
        match line.strip_prefix(first) {
            Some(rest) if n == 0 => writeln!(out, "{painted}{rest}")?,
            // A word too long for a line of its own (a member's folder path): broken after
            // its hyphens and slashes.
            _ => match line.strip_prefix("    ") {
                Some(word) if n > 0 && !word.contains(' ') && crate::text::width(line) > width => {
                    for piece in break_after_hyphens(word, width.saturating_sub(4)) {
                        writeln!(out, "    {piece}")?;
                    }
                }
                _ => writeln!(out, "{line}")?,
            },
        }
    }
    Ok(())
}

/// The dashboard as JSON (the [`NetworkStatus`] fields).
pub fn json(s: &NetworkStatus, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write_pretty(out, s)
}
