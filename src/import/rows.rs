//! The memo's table, line by line: the header, the period headings, rows split by a page
//! break joined again, and everything that could not be read as a problem at its line.

use chrono::NaiveDate;

use crate::model::{Catalogue, Period, CROSS_CUTTING};
use crate::suggest::did_you_mean;

use super::{make_title, places_of, split_tracks, Memo, Problem, Row};

const HEADERS: [[&str; 3]; 3] = [
    ["tidsplan", "indsats", "spor"],
    ["period", "initiative", "tracks"],
    ["period", "initiative", "track"],
];

/// Reads the table of a memo. Tracks are split with the catalogue's names and aliases.
pub fn parse(text: &str, catalogue: &Catalogue) -> Memo {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A memo saved on an old Mac ends its lines in CR alone: read as one line, it had "no
    // action-plan table". Every line break is a line break.
    let unified;
    let text = if text.contains('\r') {
        unified = text.replace("\r\n", "\n").replace('\r', "\n");
        unified.as_str()
    } else {
        text
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut memo = Memo::default();
    let Some(header) = lines.iter().position(|l| is_header(l)) else {
        memo.problems.push(Problem {
            line: 1,
            message: "no action-plan table: the header line `Tidsplan<TAB>Indsats<TAB>Spor` was not found".into(),
            help: Some("the memo's table must be tab-separated text, as Word saves it with \"Save as → Plain text\"".into()),
        });
        return memo;
    };
    // The title is the last line above the table that is not the memo's date (a memo may
    // be dated below its title: the date line was taken as the title).
    memo.title = lines[..header]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && danish_date(l).is_none())
        .map(|l| l.chars().filter(|&c| !crate::text::is_unsafe(c)).collect());
    memo.issued = lines[..header].iter().find_map(|l| danish_date(l));
    let extra = extra_columns(lines[header]);
    if !extra.is_empty() {
        memo.problems.push(Problem {
            line: header + 1,
            message: format!(
                "the table has more columns than Tidsplan, Indsats and Spor: {}",
                extra
                    .iter()
                    .map(|c| format!("`{}`", crate::text::clean_line(c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            help: Some(
                "copy only the three columns into the memo (or delete the others) and import again"
                    .into(),
            ),
        });
    }

    let mut heading: Option<(String, Period)> = None;
    let mut number = 0;
    let mut page_break = false;
    let mut orphans_reported = false;
    // Raw rows: line, heading, period, number, text, track cell.
    let mut raw: Vec<(usize, String, Period, usize, String, String)> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(header + 1) {
        let line_no = i + 1;
        // Invisible characters Word pastes (soft hyphens, zero-width spaces, direction
        // marks) are no part of a title or an id: `Læse\u{ad}klub` is "Læseklub", not
        // `laese-klub`, and a bidi override would turn the title around in an editor.
        let visible: String;
        let line: &str = if line.chars().any(|c| c != '\t' && crate::text::is_unsafe(c)) {
            visible = line
                .chars()
                .filter(|&c| c == '\t' || !crate::text::is_unsafe(c))
                .collect();
            memo.invisible += line.chars().count() - visible.chars().count();
            &visible
        } else {
            line
        };
        if line.trim().is_empty() {
            page_break = true;
            continue;
        }
        if !line.contains('\t') {
            break; // "Venlig hilsen": the table is over.
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (period_cell, text_cell, track_cell) = (
            cells[0],
            cells.get(1).copied().unwrap_or(""),
            cells.get(2).copied().unwrap_or(""),
        );
        if extra.is_empty() && cells.len() > 3 && cells[3..].iter().any(|c| !c.is_empty()) {
            memo.problems.push(Problem {
                line: line_no,
                message: "the row has more than three columns".into(),
                help: Some(
                    "the table's columns are Tidsplan, Indsats and Spor, separated by one tab each"
                        .into(),
                ),
            });
        }
        let split_off = page_break;
        page_break = false;
        if period_cell.is_empty() && text_cell.is_empty() && track_cell.is_empty() {
            continue;
        }
        if !period_cell.is_empty() {
            match period_heading(period_cell) {
                Some((period, year)) => {
                    if let Some(first) = memo.year.filter(|y| *y != year) {
                        memo.problems.push(Problem {
                            line: line_no,
                            message: format!(
                                "the heading `{period_cell}` is for {year}, but the table began with {first}"
                            ),
                            help: Some("a plan covers one year: import each year's table on its own".into()),
                        });
                    }
                    memo.year.get_or_insert(year);
                    heading = Some((period_cell.to_string(), period));
                    number = 0;
                }
                None => {
                    let y = memo.year.unwrap_or(2017);
                    memo.problems.push(Problem {
                        line: line_no,
                        message: format!("`{period_cell}` is not a period heading"),
                        help: Some(format!("a period is written \"Generelt {y}\" (the whole year) or \"1. kvartal {y}\" … \"4. kvartal {y}\"")),
                    });
                    heading = None;
                    // Its rows are not reported again as rows without a heading.
                    orphans_reported = true;
                    continue;
                }
            }
        } else if let Some(last) = raw.last_mut().filter(|_| split_off) {
            // The rest of a row that a page break split: an empty text cell, a track cell
            // that was cut in the middle, or text that goes on in lower case, unless this
            // one has whole tracks of its own (or any, after a row that ended its
            // sentence): then it is a row of its own that begins in lower case
            // ("iPad-kursus …", "e-bøger …"). A row split by a break rarely carries whole
            // tracks on both sides; a row joined by mistake is a lost initiative.
            let own = split_tracks(track_cell, catalogue);
            let own_tracks = !track_cell.is_empty()
                && (last.4.trim_end().ends_with(['.', '!', '?'])
                    || (own.unknown.is_empty()
                        && !own.tracks.is_empty()
                        && !last.5.trim().is_empty()));
            let continues = text_cell.is_empty()
                || !split_tracks(&last.5, catalogue).unknown.is_empty()
                || (text_cell.chars().next().is_some_and(char::is_lowercase) && !own_tracks);
            if continues {
                join(&mut last.4, text_cell);
                join(&mut last.5, track_cell);
                memo.joined.push((line_no, last.0));
                continue;
            }
        }
        let Some((heading_text, period)) = heading.clone() else {
            if !orphans_reported {
                orphans_reported = true;
                memo.problems.push(Problem {
                    line: line_no,
                    message: "a row before the first period heading".into(),
                    help: Some(
                        "the first row of the table names its period, e.g. \"Generelt 2017\""
                            .into(),
                    ),
                });
            }
            continue;
        };
        number += 1;
        raw.push((
            line_no,
            heading_text,
            period,
            number,
            text_cell.to_string(),
            track_cell.to_string(),
        ));
    }

    for (line, heading, period, number, text, track_cell) in raw {
        if text.is_empty() {
            memo.problems.push(Problem {
                line,
                message: "the row has no text in the Indsats column".into(),
                help: None,
            });
        } else if super::short_title(&text).is_empty() {
            memo.problems.push(Problem {
                line,
                message: format!(
                    "the row's text `{}` gives no title",
                    crate::text::clean_line(&text)
                ),
                help: Some("write what the initiative is in the Indsats column".into()),
            });
        }
        let split = split_tracks(&track_cell, catalogue);
        for phrase in &split.unknown {
            let help = did_you_mean(phrase, catalogue.track_spellings()).unwrap_or_else(|| {
                format!(
                    "the tracks are: {}; or \"{CROSS_CUTTING}\"; add a new one to plan.toml's [[track]] (or as an alias)",
                    catalogue
                        .tracks
                        .iter()
                        .map(|t| t.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            });
            memo.problems.push(Problem {
                line,
                message: format!("unknown track `{phrase}` in the Spor column"),
                help: Some(help),
            });
        }
        if split.tracks.is_empty() && split.unknown.is_empty() {
            memo.problems.push(Problem {
                line,
                message: "the row names no track in the Spor column".into(),
                help: Some(format!(
                    "write its tracks, or \"{CROSS_CUTTING}\" if it touches every track"
                )),
            });
        }
        let places = places_of(&text, catalogue);
        let keep: Vec<&str> = split.tracks.iter().map(String::as_str).collect();
        let title = make_title(&text, &keep);
        memo.rows.push(Row {
            line,
            heading,
            period,
            number,
            text,
            track_cell,
            tracks: split.tracks,
            locations: places.acting,
            referred: places.referred,
            title,
        });
    }
    if memo.rows.is_empty() && memo.problems.is_empty() {
        memo.problems.push(Problem {
            line: header + 1,
            message: "the table has no rows".into(),
            help: None,
        });
    }
    memo.problems.sort_by_key(|p| p.line);
    memo
}

fn join(into: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push(' ');
    }
    into.push_str(more);
}

/// The table's header: its three columns' names, in Danish or English, in any case, with
/// empty cells after them (Excel writes them when the sheet's used range is wider) or more
/// columns (reported by [`extra_columns`]).
fn is_header(line: &str) -> bool {
    let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_lowercase()).collect();
    cells.len() >= 3 && HEADERS.iter().any(|h| cells[..3] == *h)
}

/// The header's columns after the three the table has, named (empty ones left out).
fn extra_columns(line: &str) -> Vec<&str> {
    line.split('\t')
        .skip(3)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// "Generelt 2017" → the year; "1. kvartal 2017" (or "Q1 2017") → a quarter. The period
/// words are read by [`crate::i18n::period_from_user`], the one parser of typed periods; the
/// memo's own word for the whole-year block, "Generelt", is read as the year.
pub fn period_heading(cell: &str) -> Option<(Period, i32)> {
    let (words, last) = cell.trim().rsplit_once(char::is_whitespace)?;
    let year = last
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2999).contains(y) && last.len() == 4)?;
    let words = words.trim();
    let period = if ["generelt", "general", "hele"].contains(&words.to_lowercase().as_str()) {
        Period::Year
    } else {
        crate::i18n::period_from_user(words)?
    };
    Some((period, year))
}

/// "14. december 2016" → a date.
fn danish_date(line: &str) -> Option<NaiveDate> {
    let folded = line.trim().to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let day = day.strip_suffix('.')?.parse::<u32>().ok()?;
    // A memo is dated in Danish: "14. december 2016".
    let month = crate::i18n::DA.months.iter().position(|m| m == month)? as u32 + 1;
    let year = year.parse::<i32>().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}
