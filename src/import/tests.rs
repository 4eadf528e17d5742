use super::*;
use crate::model::{Catalogue, CROSS_CUTTING};
use crate::parse::default_manifest;

fn catalogue() -> Catalogue {
    default_manifest().catalogue
}

const SEED: &str = include_str!("../../seeds/000_5c28df8fa352f22e.txt");

#[test]
fn tracks_run_together_are_split_longest_first() {
    let c = catalogue();
    let split = split_tracks("En lokal aktør Indgang til fællesskab Hygge", &c);
    assert_eq!(
        split.tracks,
        ["En lokal aktør", "Indgang til fællesskab", "Hygge"]
    );
    assert!(split.unknown.is_empty());
    let split = split_tracks("Struktur for livet Indgang til fællesskaber", &c);
    assert_eq!(
        split.tracks,
        ["Struktur for livet", "Indgang til fællesskab"]
    );
    let split = split_tracks("Viden & Vejledning", &c);
    assert_eq!(split.tracks, ["Viden og vejledning"]);
    assert_eq!(split_tracks("Alle spor", &c).tracks, [CROSS_CUTTING]);
    let split = split_tracks("Hyge Fordybelse Noget nyt", &c);
    assert_eq!(split.tracks, ["Fordybelse"]);
    assert_eq!(split.unknown, ["Hyge", "Noget nyt"]);
    // A track cut by a page break is no track until it is joined again.
    assert_eq!(split_tracks("En lokal", &c).unknown, ["En lokal"]);
}

proptest::proptest! {
    #[test]
    fn any_text_is_read_without_a_panic(text in "(\t|\n|[A-Za-zæøå .0-9]){0,300}") {
        let memo = parse(&text, &catalogue());
        for row in &memo.rows {
            proptest::prop_assert!(row.line >= 1 && row.line <= text.lines().count());
        }
        let with_header = format!("Tidsplan\tIndsats\tSpor\n{text}");
        let _ = parse(&with_header, &catalogue());
    }
}

#[test]
fn period_headings() {
    assert_eq!(period_heading("Generelt 2017"), Some((Period::Year, 2017)));
    assert_eq!(
        period_heading("3. kvartal 2018"),
        Some((Period::Q(3), 2018))
    );
    assert_eq!(period_heading("Q4 2019"), Some((Period::Q(4), 2019)));
    assert_eq!(period_heading("5. kvartal 2017"), None);
    assert_eq!(period_heading("Efterår 2017"), None);
    assert_eq!(period_heading("Generelt 17"), None);
}

#[test]
fn places_are_whole_words_in_order_of_mention() {
    let c = catalogue();
    assert_eq!(
        find_places(
            "Erfaring i Gundsømagle, Ågerup og bogbussen; først i Viby.",
            &c
        ),
        ["Gundsømagle", "Ågerup", "Bogbussen", "Viby"]
    );
    assert_eq!(
        find_places("udvalgte bogbus-holdepladser", &c),
        ["Bogbussen"]
    );
    assert!(find_places("Vibygade og Jyllingevej", &c).is_empty());
}

#[test]
fn titles_are_the_first_clause_cut_at_a_word() {
    assert_eq!(
        short_title(
            "Relationerne til lokalområderne styrkes frem mod ultimo marts. Indsatser iværksættes."
        ),
        "Relationerne til lokalområderne styrkes frem mod ultimo marts"
    );
    assert_eq!(
        short_title(
            "Udvikling af bibliotekernes funktion som mødested, herunder brug af mødelokaler."
        ),
        "Udvikling af bibliotekernes funktion som mødested"
    );
    let long = short_title("Indsats i forbindelse med Zebraby Ågerup iværksættes sammen med det lokale foreningsliv og øvrige aktører i lokalsamfundet i 2017.");
    assert!(long.chars().count() <= 70, "{long}");
    assert!(!long.ends_with(" med") && !long.ends_with(" det"), "{long}");
    assert!(
        long.starts_with("Indsats i forbindelse med Zebraby Ågerup"),
        "{long}"
    );
    assert_eq!(short_title("Kort."), "Kort");
    // A comma early on separates names, not clauses.
    assert_eq!(
        short_title("Udvikling af Jyllinge, Viby og Gadstrup bibliotekers zoner."),
        "Udvikling af Jyllinge, Viby og Gadstrup bibliotekers zoner"
    );
}

#[test]
fn ids_do_not_end_in_a_small_word() {
    let id = title_id("Styrkelse af skolesamarbejdet i forbindelse med Åben Skole i Jyllinge");
    // Cut to at most 48 characters at a word, and "-med" dropped.
    assert_eq!(id, "styrkelse-af-skolesamarbejdet-i-forbindelse");
    assert_eq!(title_id("Hygge i Viby"), "hygge-i-viby");
    assert_eq!(title_id("!!!"), "");
}

#[test]
fn the_seed_memo_reads_without_problems() {
    let memo = parse(SEED, &catalogue());
    assert!(memo.problems.is_empty(), "{:?}", memo.problems);
    assert_eq!(memo.year, Some(2017));
    assert_eq!(
        memo.title.as_deref(),
        Some("Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017")
    );
    assert_eq!(memo.issued, NaiveDate::from_ymd_opt(2016, 12, 14));
    // One row per line that starts a row: a line with text in the Indsats column that is
    // not the rest of a row cut by a page break (these start in lower case or are empty).
    let table: Vec<&str> = SEED
        .lines()
        .skip_while(|l| !l.starts_with("Tidsplan"))
        .skip(1)
        .take_while(|l| l.trim().is_empty() || l.contains('\t'))
        .filter(|l| {
            let text = l.split('\t').nth(1).unwrap_or("");
            text.chars().next().is_some_and(char::is_uppercase)
        })
        .collect();
    assert_eq!(memo.rows.len(), table.len());
    // The two rows a page break split are whole again.
    let nudging = memo
        .rows
        .iter()
        .find(|r| r.text.contains("nudging"))
        .unwrap();
    assert_eq!(
        nudging.tracks,
        ["Viden og vejledning", "Indgang til fællesskab"]
    );
    assert!(nudging.text.ends_with("nudging-metoder."));
    let festival = memo
        .rows
        .iter()
        .find(|r| r.text.starts_with("Afvikling af national"))
        .unwrap();
    assert_eq!(
        festival.text,
        "Afvikling af national modelteaterfestival i Viby i partnerskab med Kulturkosmos."
    );
    assert_eq!(festival.tracks, ["En lokal aktør"]);
    assert_eq!(festival.locations, ["Viby"]);
    assert_eq!(festival.heading, "3. kvartal 2017");
    assert_eq!(festival.period, Period::Q(3));
}

#[test]
fn any_year_in_the_same_layout() {
    let memo_2019 = "Handleplan 2019\n\nTidsplan\tIndsats\tSpor\nGenerelt 2019\tEt.\tHygge\n\tTo i Viby.\tAlle spor\n2. kvartal 2019\tTre\tFordybelse En lokal\n\n\n\t\taktør\nVenlig hilsen\n";
    let memo = parse(memo_2019, &catalogue());
    assert!(memo.problems.is_empty(), "{:?}", memo.problems);
    assert_eq!(memo.year, Some(2019));
    let periods: Vec<(Period, usize, usize)> = memo
        .rows
        .iter()
        .map(|r| (r.period, r.number, r.line))
        .collect();
    assert_eq!(
        periods,
        [
            (Period::Year, 1, 4),
            (Period::Year, 2, 5),
            (Period::Q(2), 1, 6)
        ]
    );
    assert_eq!(memo.rows[2].tracks, ["Fordybelse", "En lokal aktør"]);
}

#[test]
fn problems_name_their_line() {
    let text = "Tidsplan\tIndsats\tSpor\n\tFør overskriften\tHygge\nGenerelt 2017\tEt\tHyge\n1. kvartal 2018\tTo\t\nSommer 2017\tTre\tHygge\n";
    let memo = parse(text, &catalogue());
    let found: Vec<(usize, &str)> = memo
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (2, "a row before the first period heading"),
            (3, "unknown track `Hyge` in the Spor column"),
            (
                4,
                "the heading `1. kvartal 2018` is for 2018, but the table began with 2017"
            ),
            (4, "the row names no track in the Spor column"),
            (5, "`Sommer 2017` is not a period heading"),
        ]
    );
    assert_eq!(
        memo.problems[1].help.as_deref(),
        Some("did you mean `Hygge`?")
    );
    assert_eq!(parse("no table here", &catalogue()).problems.len(), 1);
}

#[test]
fn a_row_titled_as_a_windows_device_gets_another_id() {
    let memo = parse(
        "Tidsplan\tIndsats\tSpor\n2. kvartal 2017\tAux\tHygge\n\tNul\tHygge\n",
        &catalogue(),
    );
    assert!(memo.problems.is_empty(), "{:?}", memo.problems);
    let mut taken = Vec::new();
    let paths: Vec<String> = memo
        .rows
        .iter()
        .map(|row| row_file(row, &mut taken, None).0)
        .collect();
    assert_eq!(paths, ["aux-2.toml", "nul-2.toml"]);
}
