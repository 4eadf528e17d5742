//! Dates as users type them: exactly `YYYY-MM-DD`, and, for advice only, the Danish
//! day-first shapes (`31-03-2017`, `31.3.2017`).

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

/// Reads a Danish-style date (`31-03-2017`, `31.3.2017`, `31/03/2017`), for a suggestion.
pub(crate) fn guess_day_first_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.trim().split(['-', '.', '/']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
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
        assert_eq!(
            date_error("2017-02-30", "2017-06-30"),
            "`2017-02-30` is not a real date: check the day and the month"
        );
        assert_eq!(
            date_error("30-06-2017", "deadline=2017-06-30"),
            "`30-06-2017` is not a date in the form YYYY-MM-DD: write deadline=2017-06-30"
        );
        assert!(date_error("2017-6-30", "2017-06-30").contains("YYYY-MM-DD, e.g. 2017-06-30"));
    }
}
