//! The text toolkit as users see it: invisible characters named in findings, ordinals kept
//! with their word when wrapping, and emoji measured by their display width.

use unicode_width::UnicodeWidthStr;

use crate::support::*;

#[test]
fn a_zero_width_space_in_a_place_name_is_shown_in_the_finding() {
    let f = Fixture::new().filled().initiative(
        "sted",
        "Q1",
        &["Hygge"],
        "locations = [\"Viby\\u200B\"]\n",
    );
    let out = f.run(&["check", "--color", "never"]).success();
    let text = stdout(&out);
    assert!(text.contains(r"unknown place `Viby\u{200b}`"), "{text}");
    assert!(
        text.contains(
            "it has an invisible U+200B ZERO WIDTH SPACE after `Viby`; type it plainly: `Viby`"
        ),
        "{text}"
    );
    assert!(!text.contains('\u{200b}'), "{text}");
    let json = stdout(&f.run(&["check", "--format", "json"]).success());
    assert!(json.contains(r"unknown place `Viby\\u{200b}`"), "{json}");
}

/// A joiner or selector that joins nothing is an invisible character like the others: the
/// finding shows it, the title in `show` loses it, and the emoji beside it stay whole.
#[test]
fn a_joiner_that_joins_nothing_is_shown_as_invisible() {
    let f = Fixture::new().filled().initiative(
        "samlet",
        "Q1",
        &["Hygge"],
        "locations = [\"Vi\\u200Dby\"]\ndescription = \"Hyg\\u200Dge ☀️ 👩\\u200D💻 og Viby\\uFE0F\"\n",
    );
    let text = stdout(&f.run(&["check", "--color", "never"]).success());
    assert!(text.contains(r"unknown place `Vi\u{200d}by`"), "{text}");
    let shown = stdout(
        &f.run(&["--today", "2017-05-15", "show", "samlet"])
            .success(),
    );
    assert!(shown.contains("Hygge ☀️ 👩\u{200d}💻 og Viby\n"), "{shown}");
}

#[test]
fn invisible_and_bidi_characters_never_reach_the_terminal() {
    let f = Fixture::new().filled().initiative(
        "skjult",
        "Q1",
        &["Hygge"],
        "description = \"Skjult\\u200B tekst \\u202Eomvendt\\u2066 \\uFEFF slut ☀️\"\n",
    );
    let out = f
        .run(&["--today", "2017-05-15", "show", "skjult"])
        .success();
    let text = stdout(&out);
    assert!(text.contains("Skjult tekst omvendt slut ☀️"), "{text}");
    for c in ['\u{200b}', '\u{202e}', '\u{2066}', '\u{feff}'] {
        assert!(!text.contains(c), "U+{:04X}: {text}", u32::from(c));
    }
}

#[test]
fn plan_show_at_56_columns_keeps_ordinals_with_their_word() {
    // One paragraph per filler length, so that for some of them the line would end at "2."
    // or "30." with a wrapper that breaks at every space.
    let description: Vec<String> = (1..=54)
        .map(|n| format!("{} mødes i 2. kvartal og igen 30. juni.", "x".repeat(n)))
        .collect();
    let f = Fixture::new().filled().initiative(
        "ordinal",
        "Q2",
        &["Hygge"],
        &format!("description = \"\"\"\n{}\"\"\"\n", description.join("\n")),
    );
    let narrow = plan_in(f.dir())
        .env("COLUMNS", "56")
        .args(["--today", "2017-05-15", "show", "ordinal"])
        .assert()
        .success();
    let text = stdout(&narrow);
    for line in text.lines() {
        let last = line.split_whitespace().last();
        assert!(!matches!(last, Some("2." | "30.")), "{line:?}\n{text}");
        assert!(
            !line.trim_start().starts_with("kvartal"),
            "{line:?}\n{text}"
        );
        assert!(!line.trim_start().starts_with("juni"), "{line:?}\n{text}");
        assert!(line.width() <= 56, "{line:?}");
    }
}

#[test]
fn emoji_with_a_variation_selector_never_widen_a_status_line_past_columns() {
    let title = "Sommer ☀️ og hjerter ❤️ ☀️❤️☀️❤️☀️❤️☀️❤️ for alle ❤️ ☀️ i hele kommunen ☀️❤️☀️❤️☀️❤️☀️❤️☀️❤️";
    // The initiative's title is cut to fit the attention list; the plan's title is wrapped.
    for plan_title in ["Sommerplan ☀️".to_string(), format!("Plan ☀️❤️ {title}")] {
        let f = Fixture::new()
            .file(
                "plan.toml",
                &format!(
                    "[plan]\ntitle = \"{plan_title}\"\nyear = 2017\n\n[rules]\nmin_per_track = 1\n"
                ),
            )
            .initiative("sol", "Q1", &["Hygge"], "")
            .file(
                "hjerte.toml",
                &format!("title = \"{title}\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n"),
            );
        assert_status_fits(&f);
    }
}

fn assert_status_fits(f: &Fixture) {
    // (Below about 70 columns the totals line is wider than the terminal, emoji or not.)
    for columns in [72, 80, 100, 120] {
        let out = plan_in(f.dir())
            .env("COLUMNS", columns.to_string())
            .args(["--today", "2017-05-15", "--color", "never", "status"])
            .assert()
            .success();
        let text = stdout(&out);
        assert!(text.contains("☀️"), "{text}");
        for line in text.lines() {
            assert!(
                line.width() <= columns,
                "{} > {columns}: {line:?}\n{text}",
                line.width()
            );
        }
    }
}

/// An error that quotes what the user typed shows its invisible characters as escapes, so
/// that it never reads "unknown track `Hygge`" about a name that looks right.
#[test]
fn an_error_quoting_a_typed_name_shows_its_invisible_characters() {
    let out = plan()
        .args(["list", "--track", "Hygge\u{200b}"])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(err.contains(r"unknown track `Hygge\u{200b}`"), "{err}");
    assert!(!err.contains('\u{200b}'), "{err}");
    let out = plan()
        .args(["show", "udearealer\u{202e}x"])
        .assert()
        .code(2);
    let err = stderr(&out);
    assert!(
        err.contains(r"no initiative has the id `udearealer\u{202e}x`"),
        "{err}"
    );
    assert!(!err.contains('\u{202e}'), "{err}");
}

/// The marker under a value after an emoji with a variation selector (☀️, two columns on a
/// terminal) starts under the value: the excerpt's columns add up as the terminal shows them.
#[test]
fn a_marker_after_an_emoji_stands_under_its_value() {
    for first in ["☀️", "❤️", "Æøå", "👍"] {
        let f = Fixture::new().filled().file(
            "emoji.toml",
            &format!("title = \"x\"\nperiod = \"Q2\"\ntracks = [\"{first}\", \"Hyge\"]\n"),
        );
        let text = stdout(&f.run(&["check", "--color", "never"]).code(1));
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("\"Hyge\"]"))
            .unwrap_or_else(|| panic!("{text}"));
        // Of the two findings on the line, the one whose marker is 6 wide is `"Hyge"`'s.
        let (source, marker) = lines[at..]
            .windows(2)
            .find(|w| w[0].contains("\"Hyge\"]") && w[1].contains("^^^^^^ "))
            .map(|w| (w[0], w[1]))
            .unwrap_or_else(|| panic!("{text}"));
        let value_at = source.find("\"Hyge\"").unwrap();
        let marker_at = marker.find('^').unwrap();
        assert_eq!(
            UnicodeWidthStr::width(&source[..value_at]),
            marker_at,
            "{first}: {source}\n{marker}"
        );
    }
}

/// Every finding shows an invisible character in the value it quotes as its escape, not only
/// those on tracks and places: a period, a status, a funding and a dependency.
#[test]
fn every_finding_quotes_a_value_with_its_invisible_characters_shown() {
    let f = Fixture::new().filled().initiative(
        "usynlig",
        "Q1",
        &["Hygge"],
        "status = \"act\\u200Bive\"\nfunding = \"pend\\u00ADing\"\ndepends_on = [\"fill-1\\u200B\"]\n",
    );
    let text = stdout(&f.run(&["check", "--format", "concise"]).code(1));
    for quoted in [
        r"`act\u{200b}ive` is not a valid status",
        r"`pend\u{ad}ing` is not a valid funding",
        r"`fill-1\u{200b}` is not an initiative id",
    ] {
        assert!(text.contains(quoted), "{quoted}: {text}");
    }
    assert!(!text.contains(['\u{200b}', '\u{ad}']), "{text}");
    let json = stdout(&f.run(&["check", "--format", "json"]).code(1));
    assert!(
        json.contains(r"`act\\u{200b}ive` is not a valid status"),
        "{json}"
    );
}
