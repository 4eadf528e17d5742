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

/// After a blank line, a row that begins in lower case is a row of its own when the row
/// above ended its sentence and it names its own tracks ("iPad-kursus …" was joined to the
/// row above, one initiative lost and the other given its track); the rest of a row a page
/// break split is still joined, and said so.
#[test]
fn a_row_of_its_own_in_lower_case_after_a_blank_line_is_not_joined() {
    let memo = parse(
        "Plan 2017\nTidsplan\tIndsats\tSpor\nGenerelt 2017\tLokale events i Viby.\tHygge\n\n\tiPad-kursus for seniorer i Jyllinge.\tDigitale forbindelser\n\tLæseklub i Viby for\tFordybelse\n\n\tvoksne.\t\n\n\te-bøger uden spor\t\n\tSkolesamarbejde i Jyllinge\tHygge\n\n\tit-café i Viby\tFordybelse\n",
        &catalogue(),
    );
    assert!(memo.problems.is_empty(), "{:?}", memo.problems);
    let rows: Vec<(&str, &[String])> = memo
        .rows
        .iter()
        .map(|r| (r.text.as_str(), r.tracks.as_slice()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Lokale events i Viby.", &["Hygge".to_string()][..]),
            (
                "iPad-kursus for seniorer i Jyllinge.",
                &["Digitale forbindelser".to_string()][..]
            ),
            (
                "Læseklub i Viby for voksne. e-bøger uden spor",
                &["Fordybelse".to_string()][..]
            ),
            ("Skolesamarbejde i Jyllinge", &["Hygge".to_string()][..]),
            // Whole tracks of its own: a row of its own, though the row above has no full stop.
            ("it-café i Viby", &["Fordybelse".to_string()][..]),
        ]
    );
    assert_eq!(memo.joined, [(8, 6), (10, 6)]);
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
        period_heading("2. quarter 2019"),
        Some((Period::Q(2), 2019))
    );
    assert_eq!(period_heading("Hele året 2017"), Some((Period::Year, 2017)));
    assert_eq!(period_heading("5. kvartal 2017"), None);
    assert_eq!(period_heading("1. kvartal 17"), None);
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
fn places_only_referred_to_are_not_the_initiatives_places() {
    let c = catalogue();
    // The 2017 memo's row: it acts for the book bus, Gundsømagle and Ågerup, learning
    // from the three others.
    let places = places_of("Styrke de lokale relationer og synlighed i lokale fora med fokus på de digitale forbindelser for bogbussen, Gundsømagle og Ågerup pba erfaringer fra Jyllinge, Viby og Gadstrup i 1. kvartal.", &c);
    assert_eq!(places.acting, ["Bogbussen", "Gundsømagle", "Ågerup"]);
    assert_eq!(places.referred, ["Jyllinge", "Viby", "Gadstrup"]);
    // A reference reaches to the end of its sentence only.
    let places = places_of(
        "Læsekreds i Viby, inspireret af Jyllinge. Senere også i Gadstrup; som i Ågerup.",
        &c,
    );
    assert_eq!(places.acting, ["Viby", "Gadstrup"]);
    assert_eq!(places.referred, ["Jyllinge", "Ågerup"]);
    // A place named both where the work is and in a reference is the initiative's.
    let places = places_of(
        "Caféaftener i Viby og Gadstrup på baggrund af erfaringer fra Viby.",
        &c,
    );
    assert_eq!(places.acting, ["Viby", "Gadstrup"]);
    assert!(places.referred.is_empty());
    // Where a later step is to go.
    let places = places_of("Erfaringsopsamling i Jyllinge med henblik på implementering i Gundsømagle og bogbussen i 2. kvartal.", &c);
    assert_eq!(places.acting, ["Jyllinge"]);
    assert_eq!(places.referred, ["Gundsømagle", "Bogbussen"]);
    // English.
    let places = places_of(
        "Reading circles in Viby based on experience from Jyllinge and Ågerup.",
        &c,
    );
    assert_eq!(places.acting, ["Viby"]);
    assert_eq!(places.referred, ["Jyllinge", "Ågerup"]);
    // A comparison refers elsewhere only when a name follows it.
    let places = places_of(
        "Læseklub i Viby, som i foråret flytter til Jyllinge, ligesom i Gadstrup.",
        &c,
    );
    assert_eq!(places.acting, ["Viby", "Jyllinge"]);
    assert_eq!(places.referred, ["Gadstrup"]);
    // Words that only contain a marker are no marker.
    assert_eq!(
        find_places("Bogbussen kører som igen til Ågerup.", &c),
        ["Bogbussen", "Ågerup"]
    );
}

#[test]
fn titles_are_whole_clauses_or_phrases_never_cut_words() {
    // The whole first sentence when it fits.
    assert_eq!(
        short_title(
            "Relationerne til lokalområderne styrkes frem mod ultimo marts. Indsatser iværksættes."
        ),
        "Relationerne til lokalområderne styrkes frem mod ultimo marts"
    );
    let whole = make_title(
        "Formidlingsindsatser af lokal historie og identitet i Jyllinge.",
        &[],
    );
    assert_eq!(
        whole.text,
        "Formidlingsindsatser af lokal historie og identitet i Jyllinge"
    );
    assert!(!whole.shortened);
    // Else up to a clause boundary: a phrase that begins a clause, or a comma that does.
    for (text, title) in [
        (
            "Udvikling og test af koncepter for bogbussen med henblik på modernisering af det mobile tilbud med biblioteket som lokal aktør, herunder målrettede tilbud til virksomheder, specifikke målgrupper.",
            "Udvikling og test af koncepter for bogbussen",
        ),
        (
            "Udvikling af bibliotekernes funktion som mødested, herunder brug af mødelokaler og andre funktionaliteter, der understøtter mødestedsfunktionen.",
            "Udvikling af bibliotekernes funktion som mødested",
        ),
        (
            "Udvikling af efterårsprogrammet 2017 sætter fokus på fællesskabsunderstøttende koncepter samt samarbejde med borgerne og lokale aktører frem til juni 2017, hvor der er deadline for efterårsprogrammet.",
            "Udvikling af efterårsprogrammet 2017",
        ),
        (
            "Styrke de lokale relationer og synlighed i lokale fora med fokus på de digitale forbindelser for bogbussen, Gundsømagle og Ågerup pba erfaringer fra Jyllinge, Viby og Gadstrup i 1. kvartal.",
            "Styrke de lokale relationer og synlighed i lokale fora",
        ),
        (
            "Reading circles for young people in Jyllinge and Viby with a view to a national network of reading circles in all local libraries by 2019.",
            "Reading circles for young people in Jyllinge and Viby",
        ),
    ] {
        let made = make_title(text, &[]);
        assert_eq!(made.text, title);
        assert!(made.shortened);
    }
    // Else before a preposition, so it ends with a whole noun phrase; a list of names
    // ("Jyllinge, Viby og Gadstrup") is not a clause.
    for (text, title) in [
        (
            "Udvikling og test af prototyper til biblioteks-koncepter for medborgerskab og samskabelse i de mindre lokalsamfund med henblik på erfaringsopsamling og konkret implementering i 2018.",
            "Udvikling og test af prototyper til biblioteks-koncepter",
        ),
        (
            "Udvikling af Jyllinge, Viby og Gadstrup bibliotekers indretning i målgruppe-orienterede zoner og miljøer med fokus på rammer for fordybelse, møder og aktiviteter.",
            "Udvikling af Jyllinge, Viby og Gadstrup bibliotekers indretning",
        ),
        (
            "Målgruppespecifikke koncepter for 'hygge' udvikles i samskabelse med borgerne i Jyllinge, Viby og Gadstrup med henblik på implementering ultimo 2017.",
            "Målgruppespecifikke koncepter for 'hygge' udvikles i samskabelse med borgerne",
        ),
    ] {
        assert_eq!(short_title(text), title);
    }
    // Never inside a name kept whole (the row's track).
    let text = "Udvikling og test af tilbagevendende koncepter og aktiviteter for struktur for livet i Gundsømagle og Viby med henblik på implementering i de øvrige lokalbiblioteker i 2018.";
    assert_eq!(
        make_title(text, &["Struktur for livet"]).text,
        "Udvikling og test af tilbagevendende koncepter og aktiviteter"
    );
    // A sentence ends at a capital, not at "1. kvartal" or "bl.a.".
    assert_eq!(
        short_title("Opfølgning i 1. kvartal. Mere."),
        "Opfølgning i 1. kvartal"
    );
    assert_eq!(short_title("Kort."), "Kort");
    // Nor at initials or a title before a name ("A.P. Møller" was cut to "… fra A.P").
    for (text, title) in [
        (
            "Støtte fra A.P. Møller Fonden til læsecafé i Viby.",
            "Støtte fra A.P. Møller Fonden til læsecafé i Viby",
        ),
        (
            "Formidling af H.C. Andersens eventyr.",
            "Formidling af H.C. Andersens eventyr",
        ),
        (
            "Foredrag med Dr. Jensen i Jyllinge.",
            "Foredrag med Dr. Jensen i Jyllinge",
        ),
        ("Læsecafé i Viby. Flere tiltag følger.", "Læsecafé i Viby"),
        (
            "Udstilling om Chr. IV i Viby.",
            "Udstilling om Chr. IV i Viby",
        ),
        (
            "Møde med cand.mag. Hansen i Viby.",
            "Møde med cand.mag. Hansen i Viby",
        ),
        (
            "Besøg af Ph.D. Larsen i Gadstrup.",
            "Besøg af Ph.D. Larsen i Gadstrup",
        ),
    ] {
        assert_eq!(short_title(text), title, "{text}");
    }
    // Every title: within the limit, ends in a whole word of the text, no "…".
    for row in parse(SEED, &catalogue()).rows {
        let title = &row.title.text;
        assert!(title.chars().count() <= TITLE_MAX, "{title}");
        assert!(!title.contains('…'), "{title}");
        let words: Vec<&str> = row.text.split_whitespace().collect();
        let last = title.split(' ').next_back().unwrap();
        assert!(
            words.iter().any(|w| w.trim_end_matches(['.', ',']) == last),
            "{title} ends in a cut word"
        );
    }
    // One word longer than the limit is the only cut word, and says so.
    let long = short_title(&"x".repeat(200));
    assert_eq!(long, format!("{}…", "x".repeat(TITLE_MAX - 1)));
}

#[test]
fn a_huge_row_gets_its_title_in_linear_time() {
    let started = std::time::Instant::now();
    let text = format!(
        "Læsekreds i Viby med henblik på {} A.B.C.{}",
        "meget lang tekst, ".repeat(100_000),
        "x.".repeat(100_000)
    );
    assert_eq!(short_title(&text), "Læsekreds i Viby");
    assert_eq!(
        short_title(&"ord ".repeat(500_000)).chars().count(),
        TITLE_MAX - 1
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn ids_are_whole_phrases_of_the_title() {
    // Short enough: the title's slug.
    assert_eq!(title_id("Hygge i Viby"), "hygge-i-viby");
    assert_eq!(title_id("!!!"), "");
    // Too long: without small words, and then a whole phrase, never "…-styrkes-frem".
    assert_eq!(
        title_id("Relationerne til lokalområderne styrkes frem mod ultimo marts"),
        "relationerne-lokalomraaderne-styrkes"
    );
    assert_eq!(
        title_id("Fokuseret indsats for kommunikation og synliggørelse"),
        "fokuseret-indsats-kommunikation-synliggoerelse"
    );
    assert_eq!(
        title_id("Styrkelse af skolesamarbejdet i forbindelse med Åben Skole i Jyllinge"),
        "styrkelse-skolesamarbejdet"
    );
    for row in parse(SEED, &catalogue()).rows {
        let id = title_id(&row.title.text);
        assert!(id.len() <= ID_MAX, "{id}");
        assert!(crate::parse::is_valid_id(&id), "{id}");
        // Each part of the id is a whole word of the title.
        let title_slug = crate::slug::slugify(&row.title.text);
        let words: Vec<&str> = title_slug.split('-').collect();
        assert!(id.split('-').all(|p| words.contains(&p)), "{id}");
    }
}

/// A memo whose lines end in CR alone (an old Mac's "Plain text") reads as the same memo.
#[test]
fn a_memo_with_old_mac_line_breaks_reads_as_the_same_memo() {
    let memo = parse(
        &SEED.replace("\r\n", "\n").replace('\n', "\r"),
        &catalogue(),
    );
    let unix = parse(SEED, &catalogue());
    assert!(memo.problems.is_empty(), "{:?}", memo.problems);
    assert_eq!(memo.title, unix.title);
    assert_eq!(memo.rows.len(), unix.rows.len());
    assert!(!memo.rows.is_empty());
}

/// A memo dated below its title: the date is the issue date, not the title.
#[test]
fn the_date_line_under_the_title_is_not_the_title() {
    let memo = parse(
        "Handleplan for Test 2017\n  14. december 2016 \n\nTidsplan\tIndsats\tSpor\n2. kvartal 2017\tLæseklub i Jyllinge\tHygge\nVenlig hilsen\n",
        &catalogue(),
    );
    assert_eq!(memo.title.as_deref(), Some("Handleplan for Test 2017"));
    assert_eq!(memo.issued, NaiveDate::from_ymd_opt(2016, 12, 14));
    // Only a date above the table: no title.
    let memo = parse(
        "14. december 2016\nTidsplan\tIndsats\tSpor\n2. kvartal 2017\tLæseklub\tHygge\n",
        &catalogue(),
    );
    assert_eq!(memo.title, None);
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
