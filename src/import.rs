//! The action-plan table of a memo, as rows: a pure function from text to rows and the
//! problems found, so that any text can be fed to it.
//!
//! The layout is the one of the Roskilde libraries' 2017 memo, as text:
//!
//! ```text
//! Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017      ← title (last line before the table)
//! Tidsplan<TAB>Indsats<TAB>Spor                                  ← the table's header
//! Generelt 2017<TAB>Udvikling og test af …<TAB>Indgang til fællesskab
//! <TAB>Minimum tre inkrementelle indsats …<TAB>Alle spor         ← same period: the first cell is empty
//! 1. kvartal 2017<TAB>…<TAB>Digitale forbindelser En lokal aktør ← several tracks run together
//!                                                                ← blank lines: a page break
//! <TAB><TAB>fællesskab                                           ← the rest of a row the break split
//! Venlig hilsen                                                  ← a line without a tab ends the table
//! ```

use chrono::NaiveDate;

use crate::model::{catalogue_fold as fold, Catalogue, Period, CROSS_CUTTING};
use crate::suggest::did_you_mean;

/// What the memo holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Memo {
    /// The line just before the table (the memo's heading), if any.
    pub title: Option<String>,
    /// A date line such as "14. december 2016" before the table.
    pub issued: Option<NaiveDate>,
    /// The year of the period headings.
    pub year: Option<i32>,
    pub rows: Vec<Row>,
    /// Everything that could not be read; the rows are not to be used when there is any.
    pub problems: Vec<Problem>,
}

/// One initiative of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line where the row begins.
    pub line: usize,
    /// The period heading as the memo writes it ("2. kvartal 2017").
    pub heading: String,
    pub period: Period,
    /// 1-based position of the row under its heading.
    pub number: usize,
    /// The Indsats cell, with a part split off by a page break joined again.
    pub text: String,
    /// The track cell as written (joined likewise).
    pub track_cell: String,
    /// Canonical track names in the order of the cell; "Alle spor" as [`CROSS_CUTTING`].
    pub tracks: Vec<String>,
    /// Places the text names (canonical names, in order of first mention).
    pub locations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the memo.
    pub line: usize,
    pub message: String,
    pub help: Option<String>,
}

const HEADERS: [[&str; 3]; 2] = [
    ["tidsplan", "indsats", "spor"],
    ["period", "initiative", "tracks"],
];

/// Reads the table of a memo. Tracks are split with the catalogue's names and aliases.
pub fn parse(text: &str, catalogue: &Catalogue) -> Memo {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    memo.title = lines[..header]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .map(str::to_string);
    memo.issued = lines[..header].iter().find_map(|l| danish_date(l));

    let mut heading: Option<(String, Period)> = None;
    let mut number = 0;
    let mut page_break = false;
    let mut orphans_reported = false;
    // Raw rows: line, heading, period, number, text, track cell.
    let mut raw: Vec<(usize, String, Period, usize, String, String)> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(header + 1) {
        let line_no = i + 1;
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
        if cells.len() > 3 && cells[3..].iter().any(|c| !c.is_empty()) {
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
            // The rest of a row that a page break split: an empty text cell, text that
            // goes on in lower case, or a track cell that was cut in the middle.
            let continues = text_cell.is_empty()
                || text_cell.chars().next().is_some_and(char::is_lowercase)
                || !split_tracks(&last.5, catalogue).unknown.is_empty();
            if continues {
                join(&mut last.4, text_cell);
                join(&mut last.5, track_cell);
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
        let locations = find_places(&text, catalogue);
        memo.rows.push(Row {
            line,
            heading,
            period,
            number,
            text,
            track_cell,
            tracks: split.tracks,
            locations,
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

fn is_header(line: &str) -> bool {
    let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_lowercase()).collect();
    HEADERS.iter().any(|h| cells == h)
}

/// "Generelt 2017" → the year; "1. kvartal 2017" (or "Q1 2017") → a quarter.
pub fn period_heading(cell: &str) -> Option<(Period, i32)> {
    let folded = cell.to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let year = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| (1900..=2999).contains(y) && w.len() == 4)
    };
    match words.as_slice() {
        ["generelt" | "general" | "hele" | "year", y] => Some((Period::Year, year(y)?)),
        ["hele", "året", y] | ["whole", "year", y] => Some((Period::Year, year(y)?)),
        [n, "kvartal" | "quarter", y] => {
            let q = n.strip_suffix('.').unwrap_or(n).parse::<u8>().ok()?;
            (1..=4).contains(&q).then_some(())?;
            Some((Period::Q(q), year(y)?))
        }
        [q, y] if q.len() == 2 && q.starts_with('q') => {
            let q = q[1..].parse::<u8>().ok().filter(|q| (1..=4).contains(q))?;
            Some((Period::Q(q), year(y)?))
        }
        _ => None,
    }
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

/// A track cell split into tracks.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SplitTracks {
    /// Canonical names in the order of the cell, each once.
    pub tracks: Vec<String>,
    /// Phrases that are no track, as written.
    pub unknown: Vec<String>,
}

/// Splits a cell such as "En lokal aktør Indgang til fællesskab Hygge" into the tracks it
/// names: at each word, the longest name or alias that starts there (case-insensitive);
/// words that start none are gathered into unknown phrases.
pub fn split_tracks(cell: &str, catalogue: &Catalogue) -> SplitTracks {
    let mut names: Vec<(Vec<String>, &str)> = Vec::new();
    for track in &catalogue.tracks {
        for spelling in std::iter::once(&track.name).chain(&track.aliases) {
            names.push((words(spelling), track.name.as_str()));
        }
    }
    for spelling in [CROSS_CUTTING, "All tracks"] {
        names.push((words(spelling), CROSS_CUTTING));
    }
    names.retain(|(w, _)| !w.is_empty());
    names.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));

    let cell_words = words(cell);
    let original: Vec<&str> = cell
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = SplitTracks::default();
    let mut unknown: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < cell_words.len() {
        let found = names
            .iter()
            .find(|(w, _)| cell_words[i..].starts_with(w.as_slice()));
        match found {
            Some((w, canonical)) => {
                if !unknown.is_empty() {
                    out.unknown.push(unknown.join(" "));
                    unknown.clear();
                }
                if !out.tracks.iter().any(|t| t == canonical) {
                    out.tracks.push(canonical.to_string());
                }
                i += w.len();
            }
            None => {
                unknown.push(original[i]);
                i += 1;
            }
        }
    }
    if !unknown.is_empty() {
        out.unknown.push(unknown.join(" "));
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// The places of the catalogue that the text names, as whole words in any case, in the
/// order of their first mention.
pub fn find_places(text: &str, catalogue: &Catalogue) -> Vec<String> {
    let haystack: Vec<char> = text.to_lowercase().chars().collect();
    let mut found: Vec<(usize, &str)> = Vec::new();
    for place in &catalogue.locations {
        let first = std::iter::once(&place.name)
            .chain(&place.aliases)
            .filter_map(|spelling| find_word(&haystack, spelling))
            .min();
        if let Some(at) = first {
            found.push((at, place.name.as_str()));
        }
    }
    found.sort();
    found
        .into_iter()
        .map(|(_, name)| name.to_string())
        .collect()
}

fn find_word(haystack: &[char], word: &str) -> Option<usize> {
    let needle: Vec<char> = word.to_lowercase().chars().collect();
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len()).find(|&i| {
        haystack[i..i + needle.len()] == needle[..]
            && (i == 0 || !haystack[i - 1].is_alphanumeric())
            && haystack
                .get(i + needle.len())
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Words that do not end a title well.
const WEAK_ENDINGS: [&str; 38] = [
    "og", "eller", "i", "af", "på", "til", "med", "for", "om", "fra", "ved", "samt", "de", "det",
    "den", "en", "et", "som", "der", "at", "hvor", "herunder", "mod", "henblik", "bl.a.", "and",
    "or", "of", "in", "on", "to", "with", "for", "the", "a", "an", "at", "by",
];

/// A short title from an initiative's text: its first clause, cut to about 70 characters
/// at a word, without a dangling "og", "i", "med" at the end.
pub fn short_title(text: &str) -> String {
    const MAX: usize = 70;
    // Where a clause may end, and how long it must be by then to say something: a comma
    // often only separates the names of a list ("Jyllinge, Viby og Gadstrup").
    const BOUNDARIES: [(&str, usize); 7] = [
        (". ", 15),
        ("; ", 15),
        (": ", 15),
        (" – ", 15),
        (" - ", 15),
        (" (", 15),
        (", ", 35),
    ];
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut end = text.len();
    for (i, _) in text.char_indices() {
        let rest = &text[i..];
        let before = text[..i].chars().count();
        if BOUNDARIES
            .iter()
            .any(|(b, min)| rest.starts_with(b) && before >= *min)
        {
            end = i;
            break;
        }
    }
    let clause = text[..end].trim_end_matches(['.', ',', ':', ';']);
    let mut words: Vec<&str> = Vec::new();
    let mut length = 0;
    let mut cut = false;
    for word in clause.split(' ') {
        let added = word.chars().count() + usize::from(!words.is_empty());
        // One character is kept free for the "…" that marks a cut title.
        if length + added > MAX - 1 && !words.is_empty() {
            cut = true;
            break;
        }
        words.push(word);
        length += added;
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| WEAK_ENDINGS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let title = words.join(" ");
    let title = title.trim_end_matches(['.', ',', ':', ';', '-', '–']);
    let mut title: String = title.chars().take(MAX - 1).collect();
    if cut {
        title.push('…');
    }
    title
}

/// The initiative file for one row: its relative path (a fresh id, added to `taken`) and its
/// text. `source` names the memo in the file's header comment, when given.
pub fn row_file(row: &Row, taken: &mut Vec<String>, source: Option<&str>) -> (String, String) {
    use crate::edit::{unique_id, NewInitiative};
    let title = short_title(&row.text);
    let mut base = title_id(&title);
    if base.is_empty() {
        base = format!("row-{}", row.line);
    }
    let id = unique_id(&base, taken);
    taken.push(id.clone());
    let mut comments = vec![format!("{}, row {} of the memo.", row.heading, row.number)];
    if let Some(source) = source {
        comments.push(format!(
            "Imported by `plan import` from {source}, line {}.",
            row.line
        ));
    }
    let text = NewInitiative {
        comments,
        title,
        description: Some(row.text.clone()),
        period: row.period.as_str().to_string(),
        tracks: row.tracks.clone(),
        locations: row.locations.clone(),
        status: "planned".into(),
        ..NewInitiative::default()
    }
    .render();
    (format!("{id}.toml"), text)
}

/// The most characters of an imported id: short enough to type in `plan set`.
const ID_MAX: usize = 48;

/// An id for a title: its slug, cut at a word to at most 48 characters, without a dangling
/// "-i" or "-af".
pub fn title_id(title: &str) -> String {
    let slug = crate::slug::slugify(title);
    let mut parts: Vec<&str> = Vec::new();
    let mut length = 0;
    for part in slug.split('-') {
        let added = part.len() + usize::from(!parts.is_empty());
        if length + added > ID_MAX && !parts.is_empty() {
            break;
        }
        parts.push(part);
        length += added;
    }
    let weak: Vec<String> = WEAK_ENDINGS
        .iter()
        .map(|w| crate::slug::slugify(w))
        .collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| weak.iter().any(|w| w == p)) {
        parts.pop();
    }
    parts.join("-")
}

#[cfg(test)]
mod tests;
