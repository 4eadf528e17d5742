//! `plan show ID`: one initiative in full, its dependencies both ways, its judgement, and
//! what happens with an id that is not there.

use crate::support::*;

#[test]
fn shipped_initiative_with_both_directions_of_dependency() {
    plan()
        .env("COLUMNS", "80")
        .args(["--today", "2017-05-15", "show", "relationer-lokalomraader"])
        .assert()
        .success()
        .stdout_eq(snapbox::file![
            "snapshots/show-relationer-lokalomraader.txt"
        ]);
}

#[test]
fn shipped_initiative_in_english_waiting_for_money_and_a_dependency() {
    plan()
        .env("COLUMNS", "80")
        .args([
            "--today",
            "2017-08-01",
            "--lang",
            "en",
            "show",
            "indretning-ivaerksaettelse",
        ])
        .assert()
        .success()
        .stdout_eq(snapbox::file![
            "snapshots/show-indretning-ivaerksaettelse-en.txt"
        ]);
}

#[test]
fn every_field_and_the_log_are_shown() {
    let f = Fixture::new()
        .manifest("min_per_track = 1")
        .initiative("grundlag", "Q1", &["Hygge"], "status = \"done\"\n")
        .initiative(
            "fuld",
            "Q2",
            &["Hygge", "Fordybelse"],
            "description = \"Første linje.\\nAnden linje.\"\nlocations = [\"Viby\"]\n\
             partners = [\"KulturCosmos\"]\ndepends_on = [\"grundlag\"]\nstatus = \"active\"\n\
             deadline = 2017-06-15\nfunding = \"granted\"\nowner = \"Kulturchefen\"\n\
             tags = [\"frivillige\"]\nfollow_up = \"Fortsætter i 2018\"\n\n\
             [[log]]\ndate = 2017-04-20\ntext = \"Første netværksmøde holdt i Viby.\"\n",
        );
    let out = f.run(&["--today", "2017-05-01", "show", "fuld"]).success();
    let text = stdout(&out);
    for expected in [
        "Initiative fuld",
        "plans/fuld.toml",
        "2. kvartal",
        "i gang",
        // Work still to do and on track; done work has "ingen bemærkninger" (below): the
        // two were the same words in Danish.
        "Vurdering     følger planen",
        "Fordybelse",
        "Viby",
        "KulturCosmos",
        "15. juni 2017",
        "Finansiering  bevilget",
        "Kulturchefen",
        "frivillige",
        "Fortsætter i 2018",
        "Første linje.",
        "Anden linje.",
        "grundlag (1. kvartal, færdig)",
        "20. april 2017  Første netværksmøde holdt i Viby.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // And from the other side: what depends on `grundlag`.
    let out = f
        .run(&["--today", "2017-05-01", "show", "grundlag"])
        .success();
    assert!(stdout(&out).contains("fuld (2. kvartal, i gang)"));
    assert!(
        stdout(&out).contains("Vurdering  ingen bemærkninger"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_mistyped_id_is_a_usage_error_with_a_suggestion() {
    let out = plan()
        .args(["show", "relationer-lokalomrader"])
        .assert()
        .code(2);
    assert_eq!(
        stderr(&out),
        "error: no initiative has the id `relationer-lokalomrader`\n\
         help: did you mean `relationer-lokalomraader`?\n"
    );
    assert!(stdout(&out).is_empty());
    let out = plan().args(["show", "noget-helt-andet"]).assert().code(2);
    assert!(stderr(&out).contains("plan list"));
}

#[test]
fn an_id_whose_file_cannot_be_read_points_to_check() {
    let f = Fixture::new()
        .manifest("min_per_track = 1")
        .file("i-stykker.toml", "title = \"uden periode\"\n");
    let out = f.run(&["show", "i-stykker"]).code(1);
    assert!(stderr(&out).contains("plan check"), "{}", stderr(&out));
}

/// The ids of the shipped plan's initiatives: the stems of its files.
fn shipped_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(shipped_plans()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            for file in std::fs::read_dir(&path).unwrap() {
                let file = file.unwrap().path();
                if file.extension().is_some_and(|e| e == "toml") {
                    ids.push(file.file_stem().unwrap().to_string_lossy().into_owned());
                }
            }
        }
    }
    ids.sort();
    ids
}

#[test]
fn at_56_columns_every_field_wraps_between_words_keeping_2_kvartal_whole() {
    let ids = shipped_ids();
    assert!(ids.len() > 10, "{ids:?}");
    let mut saw_period_wrap = false;
    for id in &ids {
        let out = plan()
            .env("COLUMNS", "56")
            .args(["--today", "2017-05-15", "show", id])
            .assert()
            .success();
        let text = stdout(&out);
        for line in text.lines() {
            // Only a word longer than the room (a file's path) may overflow, on its own.
            assert!(
                line.chars().count() <= 56 || line.split_whitespace().count() <= 2,
                "{id}: `{line}`\n{text}"
            );
            // An ordinal never ends a line: "2." stays with "kvartal", "30." with "juni".
            let last = line.split_whitespace().last().unwrap_or("");
            let digits = last.trim_start_matches('(').trim_end_matches('.');
            assert!(
                !(last.ends_with('.')
                    && (1..=2).contains(&digits.len())
                    && digits.chars().all(|c| c.is_ascii_digit())),
                "{id}: ordinal at the end of `{line}`\n{text}"
            );
        }
        // The period row, up to 60 columns wide, wraps under itself.
        saw_period_wrap |= text.contains(
            "\n  Periode    1. kvartal (1. januar 2017 – 31. marts\n             2017)\n",
        );
    }
    assert!(saw_period_wrap);
}

/// A change written in the short form (`status = "done"`) is shown with the value it came
/// from, as the history reads it: the previous change's, or `planned` before the first.
#[test]
fn a_short_form_change_is_shown_with_where_it_came_from() {
    let f = Fixture::new().manifest("min_per_track = 0").file(
        "s.toml",
        "title = \"S\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\nstatus = \"done\"\nfunding = \"denied\"\n\n[[log]]\ndate = 2017-05-10\nstatus = \"done\"\n\n[[log]]\ndate = 2017-03-01\nstatus = \"active\"\n\n[[log]]\ndate = 2017-05-20\nfunding = { from = \"pending\", to = \"denied\" }\n",
    );
    let text = stdout(
        &f.run(&["--today", "2017-12-01", "--color", "never", "show", "s"])
            .success(),
    );
    assert!(
        text.contains("1. marts 2017  Status: planlagt → i gang"),
        "{text}"
    );
    assert!(
        text.contains("10. maj 2017   Status: i gang → færdig"),
        "{text}"
    );
    // Funding is named as the other fields are ("afventer → afslået" read as a status).
    assert!(
        text.contains("20. maj 2017   Finansiering: afventer → afslået"),
        "{text}"
    );
}

/// A title or owner changed to text with a line break is shown on one line in the log, as
/// the heading shows the title: its second line stood alone, like another entry.
#[test]
fn a_changed_value_with_a_line_break_stays_on_its_line() {
    let f = Fixture::new().manifest("min_per_track = 0").file(
        "s.toml",
        "title = \"Ny\\n::error::x\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\nowner = \"A\\u2028B\"\n\n[[log]]\ndate = 2017-05-11\ntitle = { from = \"S\", to = \"Ny\\n::error::x\" }\nowner = \"A\\u2028B\"\n",
    );
    let text = stdout(
        &f.run(&["--today", "2017-12-01", "--color", "never", "show", "s"])
            .success(),
    );
    let log = text.split("Log").last().unwrap_or(&text);
    assert!(log.contains("Titel: S → Ny ::error::x\n"), "{text}");
    assert!(log.contains("Ansvarlig: ingen → A B\n"), "{text}");
}

/// A dependency whose file is there but has errors is said to have them, not to be missing
/// from the plan (a typo that names no file still is).
#[test]
fn a_dependency_whose_file_has_errors_is_named_as_such() {
    let f = Fixture::new()
        .manifest("min_per_track = 0")
        .file(
            "brudt.toml",
            "title = \"Brudt\"\nperiod = \"Q2\"\ntracks = []\n",
        )
        .file("syntaks.toml", "title = \"S\n")
        .file(
            "god.toml",
            "title = \"God\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\ndepends_on = [\"brudt\", \"syntaks\", \"findes-ikke\"]\n",
        );
    let text = stdout(
        &f.run(&["--today", "2017-07-15", "--color", "never", "show", "god"])
            .success(),
    );
    for (id, said) in [
        ("brudt", "filen har fejl"),
        ("syntaks", "filen har fejl"),
        ("findes-ikke", "findes ikke i planen"),
    ] {
        assert!(text.contains(&format!("  {id} ({said}")), "{id}: {text}");
    }
}
