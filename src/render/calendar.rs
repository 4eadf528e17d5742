//! `plan calendar`: deadlines and quarter ends as an iCalendar file (RFC 5545), written with
//! the `icalendar` crate, for Outlook, Google and Apple calendars.
//!
//! - Each chosen initiative's `deadline` is an all-day event, "Frist: title".
//! - The end of each quarter (only the chosen quarter with `--period Qn`) is an all-day
//!   event on its last day, "2. kvartal slutter", listing the chosen initiatives due then
//!   (the whole-year ones at the end of the fourth).
//! - With `periods`, each chosen initiative's period (its quarter, or the whole year) is an
//!   all-day event spanning it.
//!
//! All-day events are `DTSTART;VALUE=DATE` with the (exclusive) `DTEND` the day after, as
//! RFC 5545 §3.6.1 describes, and `TRANSP:TRANSPARENT` so that they do not show the day as
//! busy. Every UID is built from the plan's title, its year, the kind of event and the
//! initiative's id (`deadline-udearealer-2017@handleplan-for-…`): importing the file again
//! updates the events instead of duplicating them. Text is cleaned of control characters
//! here (a description keeps its line breaks) and escaped (`\`, `;`, `,`, line breaks as
//! `\n`) by `icalendar`; its lines are folded again here ([`fold`]).

use std::io::{self, Write};

use chrono::{Days, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use crate::cli::Lang;
use crate::i18n::words;
use crate::model::{Period, Status};
use crate::slug::slugify;
use crate::text::{break_markers, clean_line, strip};

use super::list::{flags_text, tracks_text, Item};
use super::office::office_words;

/// What goes into the calendar.
pub struct CalendarData<'a> {
    /// The plan's title: the calendar's name, and part of every UID.
    pub title: &'a str,
    /// The plan year: the dates of the periods, and part of every UID.
    pub year: i32,
    /// The language of the event titles and descriptions.
    pub lang: Lang,
    /// The chosen initiatives, as `plan list` shows them.
    pub items: &'a [Item<'a>],
    /// The quarters whose end is an event.
    pub quarter_ends: Vec<u8>,
    /// Each initiative's period as an event too.
    pub periods: bool,
}

/// The all-day event of `first`..=`last` (one day when they are equal).
fn all_day(uid: &str, summary: &str, first: NaiveDate, last: NaiveDate) -> Event {
    let after = last.checked_add_days(Days::new(1)).unwrap_or(last);
    Event::new()
        .uid(uid)
        .summary(summary)
        .starts(first)
        .ends(after)
        .add_property("TRANSP", "TRANSPARENT")
        .done()
}

/// The event status (RFC 5545, section 3.8.1.11) of an initiative's events: a cancelled
/// initiative's are `CANCELLED`, so that a calendar that imports the file again strikes
/// them out or removes them (they stayed "Frist: …" as if still due); a postponed one's are
/// `TENTATIVE` (the date may move); others say nothing.
fn event_status(status: Status) -> Option<EventStatus> {
    match status {
        Status::Cancelled => Some(EventStatus::Cancelled),
        Status::Postponed => Some(EventStatus::Tentative),
        _ => None,
    }
}

/// An initiative's event title: `title` with the status of cancelled or postponed work,
/// "Frist: Udearealer (aflyst)", which a calendar shows whether or not it reads the status.
fn titled(data: &CalendarData<'_>, i: &crate::model::Initiative, title: String) -> String {
    match event_status(i.status) {
        Some(_) => format!("{title} ({})", words(data.lang).status(i.status)),
        None => title,
    }
}

/// The revision of an initiative's events (RFC 5545, section 3.8.7.4): how many dated
/// changes its history records by the as-of date, so that a calendar importing a later
/// file takes its events (a cancelled one) for newer versions of the same events.
fn sequence(i: &crate::model::Initiative) -> u32 {
    let changes = i.log.iter().filter(|e| {
        e.status.is_some()
            || e.funding.is_some()
            || e.period.is_some()
            || e.deadline.is_some()
            || e.tracks.is_some()
            || e.locations.is_some()
            || e.more.is_some()
    });
    u32::try_from(changes.count()).unwrap_or(u32::MAX)
}

/// What every event of an initiative has: its description, the time stamp, its revision
/// ([`sequence`]) and, for cancelled or postponed work, its status.
fn of_initiative(
    event: &mut Event,
    data: &CalendarData<'_>,
    item: &Item<'_>,
    stamp: chrono::DateTime<Utc>,
) {
    let i = item.initiative;
    event
        .description(&describe(data, item))
        .timestamp(stamp)
        .sequence(sequence(i));
    if let Some(status) = event_status(i.status) {
        event.status(status);
    }
}

/// The description of an initiative's event: id, period, tracks, places, status, and the
/// initiative's own description, one line each.
fn describe(data: &CalendarData<'_>, item: &Item<'_>) -> String {
    let w = words(data.lang);
    let o = office_words(data.lang);
    let i = item.initiative;
    let mut status = w.status(i.status).to_string();
    let flags = flags_text(&item.judgement, w);
    if !flags.is_empty() {
        status = format!("{status}, {flags}");
    }
    let mut lines = vec![
        (o.event_initiative)(&clean_line(&i.id)),
        (o.event_period)(&w.period(i.period)),
        format!("{}: {}", w.tracks_heading, tracks_text(i, w)),
    ];
    if !i.locations.is_empty() {
        let places: Vec<String> = i.locations.iter().map(|l| clean_line(l)).collect();
        lines.push(format!("{}: {}", w.locations_heading, places.join(", ")));
    }
    lines.push(format!("{}: {status}", w.status_heading));
    if let Some(description) = &i.description {
        // Its own lines, as `plan show` has them (`\n` in the file). They are not lines of
        // the calendar file (a line break is written `\n` in it): no `\` before a line's
        // `::`, which calendar programs would show; `##[` is broken, as in every line.
        let text = break_markers(&strip(description.trim())).into_owned();
        if !text.is_empty() {
            lines.push(String::new());
            lines.push(text);
        }
    }
    lines.join("\n")
}

/// The calendar.
pub fn calendar(data: &CalendarData<'_>) -> Calendar {
    let w = words(data.lang);
    let o = office_words(data.lang);
    let title = clean_line(data.title);
    // A title with no letter the slug keeps (`東京 ☀️`) still names its plan: by a hash of
    // it, stable from run to run (an empty name after `@` made two plans' events one).
    let domain = match slugify(&title) {
        slug if slug.is_empty() => format!(
            "plan-{:016x}",
            crate::render::check::fnv1a64(&[title.as_str()])
        ),
        slug => slug,
    };
    let uid = |kind: &str, id: &str| format!("{kind}-{}-{}@{domain}", slugify(id), data.year);
    let stamp = Utc::now();

    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new(
        "PRODID",
        format!(
            "-//plan//{} {}//",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION")
        ),
    ));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.name(&title);

    for item in data.items {
        let i = item.initiative;
        let Some(deadline) = i.deadline else { continue };
        let mut event = all_day(
            &uid("deadline", &i.id),
            &titled(data, i, (o.event_deadline)(&clean_line(&i.title))),
            deadline,
            deadline,
        );
        of_initiative(&mut event, data, item, stamp);
        if !i.locations.is_empty() {
            event.location(
                &i.locations
                    .iter()
                    .map(|l| clean_line(l))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        cal.push(event);
    }

    for &q in &data.quarter_ends {
        let period = Period::Q(q);
        let end = period.end(data.year);
        let due: Vec<String> = data
            .items
            .iter()
            // Cancelled and postponed work is not due: its own events say so.
            .filter(|item| {
                item.initiative.period.end(data.year) == end
                    && event_status(item.initiative.status).is_none()
            })
            .map(|item| format!("- {}", clean_line(&item.initiative.title)))
            .collect();
        let mut event = all_day(
            &uid("quarter-end", period.as_str()),
            &(o.event_quarter_end)(&format!("{} {}", w.period(period), data.year)),
            end,
            end,
        );
        event.timestamp(stamp);
        if !due.is_empty() {
            event.description(&due.join("\n"));
        }
        cal.push(event);
    }

    if data.periods {
        for item in data.items {
            let i = item.initiative;
            let mut event = all_day(
                &uid("period", &i.id),
                &titled(data, i, clean_line(&i.title)),
                i.period.start(data.year),
                i.period.end(data.year),
            );
            of_initiative(&mut event, data, item, stamp);
            cal.push(event);
        }
    }
    cal.done()
}

/// Writes the calendar to `out` (CRLF line ends, as RFC 5545 requires).
pub fn render(data: &CalendarData<'_>, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{}", fold(&calendar(data).to_string()))
}

/// The content lines of `text` (CRLF-ended, as `icalendar` writes them) unfolded and folded
/// again so that no line is longer than 75 octets, the space that begins a continuation
/// line included (RFC 5545, section 3.1). `icalendar` 0.17.17 folds too, but lets the last
/// piece of a long line reach 76 octets with its space (its loop stops at 75 bytes left,
/// not 74). A fold is never inside a UTF-8 character, nor between the `\` of an escape
/// (`\n`, `\,`) and what it escapes, which some readers do not join again.
pub fn fold(text: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for line in unfolded.split_inclusive("\r\n") {
        let (mut rest, end) = match line.strip_suffix("\r\n") {
            Some(content) => (content, "\r\n"),
            None => (line, ""),
        };
        let mut room = LIMIT;
        while rest.len() > room {
            let cut = fold_at(rest, room);
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            room = LIMIT - 1;
        }
        out.push_str(rest);
        out.push_str(end);
    }
    out
}

/// Where to fold `rest` (longer than `room` octets): the last place at most `room` octets in
/// that is not inside a UTF-8 character nor between the `\` of an escape and what it
/// escapes; of those, preferably one (no more than half a line back) where the continuation
/// line would not begin with `::` after its spaces: standard output's guard would put a `\`
/// in place of the fold's space there (a GitHub Actions command), and the fold would be
/// lost. A run of colons longer than that leaves no such place, and the fold is at the
/// first. Always more than 0.
fn fold_at(rest: &str, room: usize) -> usize {
    let allowed = |mut cut: usize| {
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // An escape's `\` stays with what it escapes: the run of backslashes before the
        // cut is odd when its last one begins an escape.
        let slashes = rest.as_bytes()[..cut]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if slashes % 2 == 1 {
            cut -= 1;
        }
        cut
    };
    let first = allowed(room);
    let mut cut = first;
    while cut > room / 2 {
        if !rest[cut..]
            .trim_start_matches([' ', '\t'])
            .starts_with("::")
        {
            return cut;
        }
        cut = allowed(cut - 1);
    }
    first
}

#[cfg(test)]
mod tests {
    use super::fold;

    /// A long run of colons (after an escape, after a letter of two bytes) is folded like
    /// any text: the fold ends, every line fits, and it unfolds to the line.
    #[test]
    fn a_run_of_colons_is_folded_and_ends() {
        for before in ["x", "\\n", "Hygge ø", "ø"] {
            for n in [70, 74, 75, 80, 200] {
                let line = format!("DESCRIPTION:{before}{}", ":".repeat(n));
                let folded = fold(&format!("{line}\r\n"));
                assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded:?}");
                assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
            }
        }
    }

    /// No continuation line begins with `::` after its spaces, wherever the `::` falls.
    #[test]
    fn no_folded_line_begins_a_workflow_command() {
        for k in 0..80 {
            for gap in ["", " ", "  "] {
                let line = format!("DESCRIPTION:{}\\n{gap}::error::y ::x::", "x".repeat(k));
                let folded = fold(&format!("{line}\r\n"));
                for piece in folded.split("\r\n").skip(1) {
                    assert!(
                        !piece.trim_start_matches([' ', '\t']).starts_with("::"),
                        "{k} {gap:?}: {folded:?}"
                    );
                    assert!(piece.len() <= 75);
                }
                assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
            }
        }
    }

    fn lines(text: &str) -> Vec<&str> {
        text.split("\r\n").collect()
    }

    #[test]
    fn every_folded_line_is_at_most_75_octets_and_unfolds_to_the_line() {
        for line in [
            "X".repeat(75),
            "X".repeat(76),
            "X".repeat(150),
            "X".repeat(149),
            format!("DESCRIPTION:{}", "æøå Ærø ".repeat(40)),
            format!("SUMMARY:{}", "👩‍💻".repeat(30)),
        ] {
            let folded = fold(&format!("{line}\r\nEND:VEVENT\r\n"));
            for (i, part) in lines(&folded).into_iter().enumerate() {
                assert!(part.len() <= 75, "{i}: {} octets: {part:?}", part.len());
            }
            assert_eq!(
                folded.replace("\r\n ", ""),
                format!("{line}\r\nEND:VEVENT\r\n")
            );
        }
        // 75 octets stay one line; 150 are 75, then 74 and 1 after their spaces (icalendar
        // 0.17.17 left the second at 76 with its space).
        assert_eq!(lines(&fold(&"X".repeat(75))).len(), 1);
        let parts: Vec<usize> = lines(&fold(&"X".repeat(150)))
            .iter()
            .map(|l| l.len())
            .collect();
        assert_eq!(parts, [75, 75, 2]);
    }

    #[test]
    fn a_fold_keeps_an_escape_whole_and_a_folded_input_is_folded_again() {
        let line = format!(
            "DESCRIPTION:{}\\nB\\\\\\,C{}",
            "A".repeat(62),
            "D".repeat(80)
        );
        let folded = fold(&line);
        for part in lines(&folded) {
            let slashes = part.bytes().rev().take_while(|&b| b == b'\\').count();
            assert_eq!(slashes % 2, 0, "a line ends inside an escape: {part:?}");
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
        // What icalendar folded (at other places) comes out the same.
        let prefolded = format!("{}\r\n {}", &line[..70], &line[70..]);
        assert_eq!(fold(&prefolded), folded);
    }
}
