//! Dates as users type them: exactly `YYYY-MM-DD`, and, for advice and fixes only, the
//! Danish day-first shapes (`31-03-2017`, `31.3.2017`) and dates with the month's name
//! (`14. december 2017`, `14 dec. 2017`, `December 14, 2017`).

use chrono::NaiveDate;

/// Parses a date in exactly the shape `YYYY-MM-DD` (chrono alone is more lenient).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Why `text` is not a date, for a message: "`2017-02-30` is not a real date" when it has the
/// right shape, else how to write one (with `example`, e.g. `deadline=2017-06-30`).
pub fn date_error(text: &str, example: &str) -> String {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shaped {
        format!("`{text}` is not a real date: check the day and the month")
    } else if let Some(date) = guess_day_first_date(text) {
        format!(
            "`{text}` is not a date in the form YYYY-MM-DD: write {}",
            example_with(example, date)
        )
    } else {
        format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. {example}")
    }
}

fn example_with(example: &str, date: NaiveDate) -> String {
    match example.split_once('=') {
        Some((key, _)) => format!("{key}={date}"),
        None => date.to_string(),
    }
}

/// Reads a date as people write one, for a suggestion: day first in digits (`31-03-2017`,
/// `31.3.2017`, `31/03/2017`, as Danish texts do; year first too: `2017/12/14`,
/// `2017-6-30`), or with the month's name in Danish or
/// English, whole or cut short (`14. december 2017`, `14 dec. 2017`, `14-dec-2017`, and the
/// English order `December 14, 2017`). A year of four digits; `None` for anything else or a
/// day the month does not have.
pub(crate) fn guess_day_first_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.trim().split(['-', '.', '/']).collect();
    let digits = |part: &&str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        // Year first, but not `YYYY-MM-DD` itself (the date as it is written: no guess), and
        // with dots only as `2017.06.30` (`2017.1.2` may be a version).
        [year, month, day] if parts.iter().all(digits) && year.len() == 4 => {
            if parse_date(text.trim()).is_some()
                || (text.contains('.') && (month.len() != 2 || day.len() != 2))
            {
                return None;
            }
            NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
        }
        [day, month, year] if parts.iter().all(digits) => {
            if year.len() != 4 {
                return None;
            }
            NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
        }
        _ => named_month_date(text),
    }
}

/// [`guess_day_first_date`] of a date with the month's name.
/// Also a date in words after "den" or "d." ("den 14. december 2017"), in digits with mixed
/// separators ("14/12 2017"), or year first with other separators ("2017/12/14").
fn named_month_date(text: &str) -> Option<NaiveDate> {
    let lower = text.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '-' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 4 && matches!(words[0], "den" | "d") {
        words.remove(0);
    }
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let month_of = |w: &str| {
        month_number(w).or_else(|| w.parse().ok().filter(|m| digits(w) && (1..=12).contains(m)))
    };
    let (day, month, year) = match words.as_slice() {
        [year, month, day] if year.len() == 4 && digits(year) => (*day, *month, *year),
        [day, month, year] if month_of(month).is_some() => (*day, *month, *year),
        [month, day, year] if month_number(month).is_some() => (*day, *month, *year),
        _ => return None,
    };
    if !digits(day) || day.len() > 2 || year.len() != 4 || !digits(year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month_of(month)?, day.parse().ok()?)
}

/// The number (1–12) of a month named in Danish or English (lower case), whole or by its
/// first three letters (`sept` too).
fn month_number(name: &str) -> Option<u32> {
    const NAMES: [[&str; 2]; 12] = [
        ["januar", "january"],
        ["februar", "february"],
        ["marts", "march"],
        ["april", "april"],
        ["maj", "may"],
        ["juni", "june"],
        ["juli", "july"],
        ["august", "august"],
        ["september", "september"],
        ["oktober", "october"],
        ["november", "november"],
        ["december", "december"],
    ];
    let short = |whole: &str| name.len() >= 3 && whole.starts_with(name);
    NAMES
        .iter()
        .position(|names| names.iter().any(|&whole| whole == name || short(whole)))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_need_the_exact_shape() {
        assert!(parse_date("2017-05-15").is_some());
        assert!(parse_date("2017-5-15").is_none());
        assert!(parse_date(" 2017-05-15").is_none());
        assert!(parse_date("+2017-05-15").is_none());
        assert!(parse_date("2017-02-30").is_none());
        assert_eq!(guess_day_first_date("31-03-2017"), parse_date("2017-03-31"));
        assert_eq!(guess_day_first_date("1.7.2017"), parse_date("2017-07-01"));
        assert_eq!(guess_day_first_date("2017-03-31"), None);
        for (written, date) in [
            ("14. december 2017", "2017-12-14"),
            ("14 dec. 2017", "2017-12-14"),
            ("1. marts 2017", "2017-03-01"),
            ("1. Maj 2017", "2017-05-01"),
            ("30. sept. 2017", "2017-09-30"),
            ("December 14, 2017", "2017-12-14"),
            ("3 okt 2017", "2017-10-03"),
            ("14-dec-2017", "2017-12-14"),
            ("den 14. december 2017", "2017-12-14"),
            ("d. 1. marts 2017", "2017-03-01"),
            ("14/12 2017", "2017-12-14"),
            ("2017/12/14", "2017-12-14"),
            ("2017-6-30", "2017-06-30"),
            ("2017.06.30", "2017-06-30"),
        ] {
            assert_eq!(guess_day_first_date(written), parse_date(date), "{written}");
        }
        for not_a_date in [
            "31. juni 2017",
            "14. decembre 2017",
            "14. de 2017",
            "14. december 17",
            "uge 24 2017",
            "1.5 maj 2017",
            "2017.1.2",
        ] {
            assert_eq!(guess_day_first_date(not_a_date), None, "{not_a_date}");
        }
        assert_eq!(
            date_error("2017-02-30", "2017-06-30"),
            "`2017-02-30` is not a real date: check the day and the month"
        );
        assert_eq!(
            date_error("30-06-2017", "deadline=2017-06-30"),
            "`30-06-2017` is not a date in the form YYYY-MM-DD: write deadline=2017-06-30"
        );
        assert_eq!(
            date_error("2017-6-30", "deadline=2017-01-01"),
            "`2017-6-30` is not a date in the form YYYY-MM-DD: write deadline=2017-06-30"
        );
        assert!(date_error("juni 2017", "2017-06-30").contains("YYYY-MM-DD, e.g. 2017-06-30"));
    }
}
