//! A year in running text, replaced only where it stands as a year: `plan init --year 2018`
//! turns "Handleplan 2017" into "Handleplan 2018", but not "120170 kr." into "120180 kr.".

/// Words of money that make a number next to them an amount, not a year (any case):
/// "2017 kr.", "DKK 2017", "€2017".
const CURRENCIES: [&str; 8] = ["kr", "dkk", "eur", "€", "$", "usd", "mio", "mia"];

/// `text` with every `old` year that stands as a year replaced by `new`.
///
/// The four digits of `old` count as a year when they are not part of a longer number or
/// word (no digit or letter just before or after: `120170`, `v2017`, `2017a`), not a
/// decimal or thousands part (`3,2017`, `2017,50`, `2017.5`; a date's `14.12.2017` is a
/// year), and not an amount (a currency word before or after it, with or without a
/// space: `2017 kr.`, `kr. 2017`, `DKK 2017`, `€2017`).
pub fn replace_year(text: &str, old: i32, new: i32) -> String {
    let needle = old.to_string();
    let replacement = new.to_string();
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut from = 0;
    while let Some(found) = text[from..].find(&needle) {
        let start = from + found;
        let end = start + needle.len();
        if stands_as_year(text, start, end) {
            out.push_str(&text[rest..start]);
            out.push_str(&replacement);
            rest = end;
        }
        from = end;
    }
    out.push_str(&text[rest..]);
    out
}

/// Whether `text[start..end]` (the digits of a year) is a year where it stands.
fn stands_as_year(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let mut back = before.chars().rev();
    let mut ahead = after.chars();
    let (b1, b2) = (back.next(), back.next());
    let (a1, a2) = (ahead.next(), ahead.next());
    if b1.is_some_and(char::is_alphanumeric) || a1.is_some_and(char::is_alphanumeric) {
        return false;
    }
    // "3,2017": a decimal part. ("14.12.2017" is a date: a dot before is allowed.)
    if b1 == Some(',') && b2.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // "2017,50", "2017.5": the start of a longer number.
    if matches!(a1, Some(',' | '.')) && a2.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let word_after: String = after
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '.' && *c != ',')
        .flat_map(char::to_lowercase)
        .collect();
    let word_before: String = before
        .trim_end()
        .trim_end_matches('.')
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    !CURRENCIES
        .iter()
        .any(|c| word_after == *c || word_before == *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_replaced_where_it_stands_as_a_year() {
        for (text, want) in [
            ("Handleplan 2017", "Handleplan 2018"),
            ("2017: plan for året", "2018: plan for året"),
            ("Plan (2017–2019)", "Plan (2018–2019)"),
            ("Frist 14.12.2017.", "Frist 14.12.2018."),
            (
                "Handleplan for 2017, Roskilde",
                "Handleplan for 2018, Roskilde",
            ),
        ] {
            assert_eq!(replace_year(text, 2017, 2018), want, "{text}");
        }
    }

    #[test]
    fn numbers_amounts_and_codes_keep_their_digits() {
        for text in [
            "Tilskud på 120170 kr.",
            "20170 deltagere",
            "2017 kr. til materialer",
            "2017kr",
            "kr. 2017 i alt",
            "DKK 2017",
            "€2017",
            "3,2017 procent",
            "2017,50 kr",
            "version 2017.5",
            "v2017",
            "rum 2017a",
        ] {
            assert_eq!(replace_year(text, 2017, 2018), text, "{text}");
        }
        assert_eq!(
            replace_year("Handleplan 2017: 120170 kr.", 2017, 2018),
            "Handleplan 2018: 120170 kr."
        );
    }
}
