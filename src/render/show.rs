//! `plan show ID`: one initiative in full, as text for a terminal, in the plan's language.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::i18n::Words;
use crate::model::{Initiative, Plan, Status};
use crate::progress::{judge_with, Judgement, Reason};
use crate::text::{self, clean, clean_line, truncate, wrap_paragraphs};

use super::terminal::Paint;

/// Everything `show` prints about one initiative, gathered first.
pub struct Shown<'a> {
    pub initiative: &'a Initiative,
    pub file: String,
    pub year: i32,
    pub as_of: NaiveDate,
    pub judgement: Judgement,
    /// What it depends on: each id, with the initiative when the plan has it.
    pub depends_on: Vec<(&'a str, Option<(&'a Initiative, Judgement)>)>,
    /// What depends on it.
    pub dependents: Vec<(&'a Initiative, Judgement)>,
    /// Of `depends_on`'s ids not in the plan, those whose files are there but have errors.
    pub with_errors: Vec<String>,
}

impl<'a> Shown<'a> {
    pub fn of(plan: &'a Plan, init: &'a Initiative, as_of: NaiveDate) -> Shown<'a> {
        let by_id = plan.by_id();
        let year = plan.manifest.plan.year;
        let judge = |d: &Initiative| judge_with(&by_id, year, d, as_of);
        Shown {
            initiative: init,
            file: plan.file(init.file).display(),
            year: plan.manifest.plan.year,
            as_of,
            judgement: judge(init),
            depends_on: init
                .depends_on
                .iter()
                .map(|id| {
                    let dep = by_id.get(id.as_str()).map(|d| (*d, judge(d)));
                    (id.as_str(), dep)
                })
                .collect(),
            dependents: plan
                .dependents(&init.id)
                .into_iter()
                .map(|d| (d, judge(d)))
                .collect(),
            with_errors: Vec::new(),
        }
    }
}

/// The judgement in words: its reasons, else "on track" for work still to do and "nothing to
/// note" for work that is done, cancelled or postponed.
fn reasons_text(init: &Initiative, judgement: &Judgement, words: &Words, paint: Paint) -> String {
    let reasons = judgement.reasons();
    if reasons.is_empty() {
        return match init.status {
            Status::Planned | Status::Active => paint.green(words.on_track),
            Status::Done | Status::Cancelled | Status::Postponed => {
                paint.green(words.nothing_to_note)
            }
        };
    }
    reasons
        .iter()
        .map(|r| match r {
            Reason::Late { .. } => paint.red(&words.reason(r)),
            _ => paint.yellow(&words.reason(r)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A related initiative on one line: id (period, status; reasons), the title under it.
fn related(
    init: &Initiative,
    judgement: &Judgement,
    words: &Words,
    paint: Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut facts = format!(
        "{}, {}",
        words.period_in_text(init.period),
        words.status(init.status)
    );
    if judgement.needs_attention() {
        facts.push_str("; ");
        facts.push_str(&reasons_text(init, judgement, words, paint));
    }
    let line = format!("{} ({facts})", paint.bold(&clean_line(&init.id)));
    for line in text::wrap(&line, width, "  ", "    ") {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "    {}",
        truncate(&clean_line(&init.title), width.saturating_sub(4))
    )
}

pub fn text(
    shown: &Shown<'_>,
    words: &Words,
    paint: Paint,
    width: u16,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = usize::from(width);
    let init = shown.initiative;
    writeln!(out, "{}", paint.bold(&clean_line(&init.id)))?;
    for line in wrap_paragraphs(&clean_line(&init.title), width) {
        writeln!(out, "{}", paint.bold(&line))?;
    }
    writeln!(out)?;

    let list = |items: &[crate::model::Name]| {
        items
            .iter()
            .map(|s| clean_line(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut fields: Vec<(&str, String)> = vec![
        (words.file_label, clean_line(&shown.file)),
        (
            words.period_heading,
            format!(
                "{} ({} – {})",
                words.period(init.period),
                words.date(init.period.start(shown.year)),
                words.date(init.period.end(shown.year))
            ),
        ),
        (words.status_heading, words.status(init.status).to_string()),
        (
            words.judgement_label,
            format!(
                "{} ({} {})",
                reasons_text(init, &shown.judgement, words, paint),
                words.as_of,
                words.date(shown.as_of)
            ),
        ),
    ];
    fields.push((
        words.tracks_heading,
        crate::render::list::tracks_text(init, words),
    ));
    if !init.locations.is_empty() {
        fields.push((words.locations_heading, list(&init.locations)));
    }
    if !init.partners.is_empty() {
        fields.push((words.partners_label, list(&init.partners)));
    }
    if let Some(deadline) = init.deadline {
        fields.push((words.deadline_label, words.date(deadline)));
    }
    if let Some(funding) = init.funding {
        fields.push((words.funding_label, words.funding(funding).to_string()));
    }
    if let Some(owner) = &init.owner {
        fields.push((words.owner_label, clean_line(owner)));
    }
    if !init.tags.is_empty() {
        fields.push((words.tags_label, list(&init.tags)));
    }
    if let Some(follow_up) = &init.follow_up {
        fields.push((words.follow_up_label, clean_line(follow_up)));
    }
    let label_width = fields
        .iter()
        .map(|(l, _)| text::width(l))
        .max()
        .unwrap_or(0);
    // A long value wraps under itself, between words ("2. kvartal" kept whole).
    let hanging = " ".repeat(label_width + 4);
    for (label, value) in &fields {
        let pad = " ".repeat(label_width - text::width(label));
        for line in text::wrap(value, width, &format!("  {label}{pad}  "), &hanging) {
            writeln!(out, "{line}")?;
        }
    }

    if let Some(description) = &init.description {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold(words.description_label))?;
        for line in wrap_paragraphs(&clean(description), width.saturating_sub(2)) {
            if line.is_empty() {
                writeln!(out)?;
            } else {
                writeln!(out, "  {line}")?;
            }
        }
    }

    writeln!(out)?;
    writeln!(out, "{}", paint.bold(words.depends_on_label))?;
    if shown.depends_on.is_empty() {
        writeln!(out, "  {}", words.none)?;
    }
    for (id, dep) in &shown.depends_on {
        match dep {
            Some((d, j)) => related(d, j, words, paint, width, out)?,
            None => writeln!(
                out,
                "  {} ({})",
                paint.bold(&clean_line(id)),
                paint.red(if shown.with_errors.iter().any(|e| e == id) {
                    words.file_has_errors
                } else {
                    words.not_in_plan
                })
            )?,
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", paint.bold(words.dependents_label))?;
    if shown.dependents.is_empty() {
        writeln!(out, "  {}", words.none)?;
    }
    for (d, j) in &shown.dependents {
        related(d, j, words, paint, width, out)?;
    }

    if !init.log.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold(words.log_label))?;
        // In date order whatever the order in the file (a note written with an earlier
        // --today is appended at the end); the text column starts after the widest date.
        let mut entries: Vec<_> = init.log.iter().collect();
        entries.sort_by_key(|e| e.date);
        let entries = with_from_filled(&entries);
        let dates: Vec<String> = entries.iter().map(|e| words.date(e.date)).collect();
        let date_width = dates.iter().map(|d| text::width(d)).max().unwrap_or(0);
        let indent = 2 + date_width + 2;
        for (entry, date) in entries.iter().zip(&dates) {
            let date = text::pad_right(date, date_width);
            let mut said = changes_text(entry, words);
            if !entry.text.trim().is_empty() {
                said.push(clean(&entry.text).into_owned());
            }
            let lines = wrap_paragraphs(&said.join("\n"), width.saturating_sub(indent).max(20));
            for (n, line) in lines.iter().enumerate() {
                if n == 0 {
                    writeln!(out, "  {date}  {line}")?;
                } else {
                    writeln!(out, "{}{line}", " ".repeat(indent))?;
                }
            }
        }
    }
    Ok(())
}

/// `entries` (in date order) with the value each short-form change (`status = "done"`) came
/// from filled in, as the history reads it: what the field's previous change made it, or
/// before its first change the default (`planned`; no deadline, owner, places, partners,
/// tags or dependencies). A funding, period, tracks or title whose first change does not
/// say where it came from stay without a `from`.
fn with_from_filled(entries: &[&crate::model::LogEntry]) -> Vec<crate::model::LogEntry> {
    fn fill<T: Clone>(change: Option<&mut crate::model::Changed<T>>, last: &mut Option<T>) {
        if let Some(change) = change {
            if change.from.is_none() {
                change.from = last.clone();
            }
            *last = Some(change.to.clone());
        }
    }
    let mut status = Some(crate::model::Status::Planned);
    // No funding before the first change is said by that change's own words alone.
    let mut funding = None;
    let mut period = None;
    let mut deadline = Some(None);
    let mut tracks = None;
    let mut locations = Some(Vec::new());
    let mut title = None;
    let mut owner = Some(None);
    let mut partners = Some(Vec::new());
    let mut tags = Some(Vec::new());
    let mut depends_on = Some(Vec::new());
    entries
        .iter()
        .map(|&entry| {
            let mut entry = entry.clone();
            if let Some(more) = entry.more.as_deref_mut() {
                fill(more.title.as_mut(), &mut title);
                fill(more.owner.as_mut(), &mut owner);
                fill(more.partners.as_mut(), &mut partners);
                fill(more.tags.as_mut(), &mut tags);
                fill(more.depends_on.as_mut(), &mut depends_on);
            }
            fill(entry.status.as_mut(), &mut status);
            fill(entry.funding.as_mut(), &mut funding);
            fill(entry.period.as_mut(), &mut period);
            fill(entry.deadline.as_mut(), &mut deadline);
            fill(entry.tracks.as_deref_mut(), &mut tracks);
            fill(entry.locations.as_deref_mut(), &mut locations);
            entry
        })
        .collect()
}

/// The changes a `[[log]]` entry records, one line each, in the words of the tables:
/// "Status: planlagt → i gang", "Periode: 1. kvartal → 3. kvartal". Each on one line: a
/// line break in a value (a title, an owner) is a space, as wherever text is shown inside a
/// line.
fn changes_text(entry: &crate::model::LogEntry, words: &Words) -> Vec<String> {
    fn line<T>(
        label: &str,
        change: &crate::model::Changed<T>,
        name: impl Fn(&T) -> String,
    ) -> String {
        let label = if label.is_empty() {
            String::new()
        } else {
            format!("{label}: ")
        };
        match &change.from {
            Some(from) => format!("{label}{} → {}", name(from), name(&change.to)),
            None => format!("{label}→ {}", name(&change.to)),
        }
    }
    let none = || words.none.to_string();
    let mut out = Vec::new();
    if let Some(c) = &entry.status {
        out.push(line(words.status_heading, c, |s| {
            words.status(*s).to_string()
        }));
    }
    if let Some(c) = &entry.funding {
        // "afventer → afslået" alone reads as a status: labelled as the field is above.
        out.push(line(words.funding_label, c, |f| {
            f.map_or_else(none, |f| words.funding(f).to_string())
        }));
    }
    if let Some(c) = &entry.period {
        out.push(line(words.period_heading, c, |p| words.period(*p)));
    }
    if let Some(c) = &entry.deadline {
        out.push(line(words.deadline_label, c, |d| {
            d.map_or_else(none, |d| words.date(d))
        }));
    }
    if let Some(c) = &entry.tracks {
        out.push(line(words.col_tracks, c, |t| {
            crate::text::clean_line_cow(&t.join(", ")).into_owned()
        }));
    }
    // A list of no names reads "ingen" ("none").
    let names = |l: &Vec<String>| {
        if l.is_empty() {
            none()
        } else {
            crate::text::clean_line_cow(&l.join(", ")).into_owned()
        }
    };
    if let Some(c) = &entry.locations {
        out.push(line(words.col_places, c, names));
    }
    if let Some(c) = entry.title() {
        out.push(line(words.title_heading, c, |t| {
            crate::text::clean_line_cow(t).into_owned()
        }));
    }
    if let Some(c) = entry.owner() {
        out.push(line(words.owner_label, c, |o| {
            o.as_deref()
                .map_or_else(none, |o| crate::text::clean_line_cow(o).into_owned())
        }));
    }
    if let Some(c) = entry.partners() {
        out.push(line(words.partners_label, c, names));
    }
    if let Some(c) = entry.tags() {
        out.push(line(words.tags_label, c, names));
    }
    if let Some(c) = entry.depends_on() {
        out.push(line(words.depends_on_label, c, names));
    }
    out
}
