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
        "ingen bemærkninger",
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
