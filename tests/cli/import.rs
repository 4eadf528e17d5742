//! `plan import`: the memo's table into initiative files.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use snapbox::str;

use crate::edit::Case;
use crate::support::*;

fn seed() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_5c28df8fa352f22e.txt")
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn importing_the_seed_memo_gives_the_shipped_periods_and_tracks() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let out = plan_in(dir.path())
        .args(["--today", "2017-01-02", "import", seed.to_str().unwrap()])
        .assert()
        .code(0);
    // The shortened titles are listed for review, and the places only referred to.
    let err = stderr(&out);
    assert!(
        err.contains("note: 25 titles were made shorter than the memo's text"),
        "{err}"
    );
    assert!(err.contains("  line 43: udvikling-og-test-af-koncepter-for-bogbussen: \"Udvikling og test af koncepter for bogbussen\"\n"), "{err}");
    assert!(
        err.contains(
            "  line 38: relationerne-lokalomraaderne-styrkes: Gundsømagle, Ågerup, Bogbussen\n"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "  line 55: styrke-lokale-relationer-synlighed-lokale-fora: Jyllinge, Viby, Gadstrup\n"
        ),
        "{err}"
    );
    let imported = plan::load::load_plan(&dir.path().join("plans")).unwrap();
    let shipped = plan::load::load_plan(&shipped_plans()).unwrap();
    assert!(imported.has_manifest);
    assert_eq!(imported.manifest.plan.year, shipped.manifest.plan.year);
    assert_eq!(imported.manifest.plan.title, shipped.manifest.plan.title);
    assert_eq!(imported.manifest.plan.issued, shipped.manifest.plan.issued);
    // Every file is an initiative, and there are as many as the shipped plan has.
    assert_eq!(imported.initiatives.len(), imported.all_ids().count());
    assert_eq!(imported.initiatives.len(), shipped.all_ids().count());

    // Initiative for initiative, matched by the memo's text (the shipped description).
    let mut matched = BTreeSet::new();
    for theirs in &shipped.initiatives {
        let text = words(
            theirs
                .description
                .as_deref()
                .expect("shipped files carry the memo text"),
        );
        let ours = imported
            .initiatives
            .iter()
            .find(|i| i.description.as_deref().map(words) == Some(text.clone()))
            .unwrap_or_else(|| panic!("no imported initiative has the text of {}", theirs.id));
        assert!(matched.insert(ours.id.clone()), "{} matched twice", ours.id);
        assert_eq!(ours.period, theirs.period, "period of {}", theirs.id);
        let set =
            |v: &[plan::model::Name]| v.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            set(&ours.tracks),
            set(&theirs.tracks),
            "tracks of {}",
            theirs.id
        );
        assert_eq!(
            ours.cross_cutting, theirs.cross_cutting,
            "Alle spor of {}",
            theirs.id
        );
        // The places where it acts, as transcribed by hand: not those it learns from
        // ("pba erfaringer fra Jyllinge, Viby og Gadstrup") or leads to later.
        assert_eq!(
            set(&ours.locations),
            set(&theirs.locations),
            "places of {}",
            theirs.id
        );
        // A title a memo can show: a whole phrase of the text, within 80 characters.
        assert!(ours.title.chars().count() <= 80, "{}", ours.title);
        assert!(!ours.title.contains('…'), "{}", ours.title);
        assert!(words(&text).starts_with(&*ours.title), "{}", ours.title);
        // Both files begin with the memo row they come from.
        let first_line = |plan: &plan::model::Plan, file: usize| {
            plan.file(file)
                .text
                .lines()
                .next()
                .unwrap_or("")
                .to_string()
        };
        assert_eq!(
            first_line(&imported, ours.file),
            first_line(&shipped, theirs.file)
        );
    }
    // The imported plan is as valid as the shipped one.
    let count = |plan: &plan::model::Plan| plan::check::counts(&plan::check::check(plan));
    assert_eq!(count(&imported).0, count(&shipped).0);
}

#[test]
fn importing_into_the_shipped_plan_finds_every_row_there_already() {
    let case = Case::new("import", "shipped");
    let seed = seed();
    let out = plan_in(case.work.path())
        .args([
            "--plans",
            shipped_plans().to_str().unwrap(),
            "import",
            "--dry-run",
            seed.to_str().unwrap(),
        ])
        .assert()
        .code(0);
    let text = stdout(&out);
    let shipped = plan::load::load_plan(&shipped_plans()).unwrap();
    assert_eq!(
        text.matches("already in the plan").count(),
        shipped.all_ids().count()
    );
    assert!(
        text.ends_with("dry run: 0 initiatives would be imported for 2017; nothing was written\n"),
        "{text}"
    );
}

#[test]
fn a_dry_run_prints_the_files_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let out = plan_in(dir.path())
        .args([
            "--today",
            "2017-01-02",
            "import",
            "--dry-run",
            seed.to_str().unwrap(),
        ])
        .assert()
        .code(0);
    let text = stdout(&out);
    let shipped = plan::load::load_plan(&shipped_plans()).unwrap();
    // plan.toml and one file per row.
    assert_eq!(
        text.matches("\n==> plans/").count() + 1,
        shipped.all_ids().count() + 1
    );
    assert!(text.starts_with(
        "==> plans/plan.toml <==\n# Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017\n"
    ));
    assert!(!dir.path().join("plans").exists());
}

/// The memo's file name is shown on one line without control characters: a name with a line
/// break (`evil\n::error::x`) started a line a CI log reads as a command.
#[test]
fn a_memo_named_with_line_breaks_and_control_characters_is_shown_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\n::error::x\r\u{1}\u{7f}.txt";
    std::fs::copy(seed(), dir.path().join(name)).unwrap();
    let out = plan_in(dir.path())
        .args(["--today", "2017-01-02", "import", name])
        .assert()
        .code(0);
    let text = stdout(&out);
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("imported 28 initiatives for 2017 from evil"),
        "{text}"
    );
    assert!(!text.lines().any(|l| l.starts_with("::error")), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

/// An import that would write a `plan.toml` inside another plan's folder (a new folder
/// there, or one of its quarters' folders) is refused and writes nothing: the outer plan
/// would leave the imported plan, and the quarter's own files, out as a nested plan.
#[test]
fn an_import_inside_another_plans_folder_is_refused() {
    let f = Fixture::new().filled().manifest("");
    fs::create_dir(f.plans().join("q3")).unwrap();
    fs::write(
        f.plans().join("q3/eksisterende.toml"),
        "title = \"x\"\nperiod = \"Q3\"\ntracks = [\"Hygge\"]\n",
    )
    .unwrap();
    let seed = seed();
    let before = walk(&f.plans());
    for folder in ["plans/ny", "plans/q3"] {
        let out = f
            .run(&["--plans", folder, "import", seed.to_str().unwrap()])
            .code(2);
        assert!(
            stderr(&out).contains(&format!(
                "`{folder}` is inside the plan folder `plans`, which would leave it out as a nested plan: nothing was written"
            )),
            "{}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("help: import into a folder of its own beside that plan"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(walk(&f.plans()), before);
    // Beside it, the same import works.
    f.run(&["--plans", "plans-2017", "import", seed.to_str().unwrap()])
        .code(0);
}

/// A row repeated in the memo (the same text) is imported once and said so, by line.
#[test]
fn a_row_repeated_in_the_memo_is_imported_once_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(seed()).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    // The second row of the first quarter (line 39), again as line 40.
    let row = lines[38];
    assert!(
        row.starts_with("\tUdvikling af efterårsprogrammet 2017"),
        "{row}"
    );
    lines.insert(39, row);
    let memo = dir.path().join("memo.txt");
    fs::write(&memo, lines.join("\n")).unwrap();
    let out = plan_in(dir.path())
        .args(["--today", "2017-01-02", "import", memo.to_str().unwrap()])
        .assert()
        .code(0);
    let said = stdout(&out);
    assert!(
        said.contains("line 40: the same initiative as line 39, imported once"),
        "{said}"
    );
    let shipped = plan::load::load_plan(&shipped_plans()).unwrap();
    assert!(
        said.contains(&format!(
            "imported {} initiatives",
            shipped.all_ids().count()
        )),
        "{said}"
    );
}

/// The same text in two quarters, or on other tracks, is recurring work: two initiatives
/// (the second was dropped as "the same initiative"). Imported again, both are found.
#[test]
fn recurring_work_in_two_quarters_is_two_initiatives() {
    let dir = tempfile::tempdir().unwrap();
    let memo = dir.path().join("memo.txt");
    fs::write(
        &memo,
        "Plan 2017\nTidsplan\tIndsats\tSpor\n1. kvartal 2017\tSommerlæsning i Viby.\tHygge\n3. kvartal 2017\tSommerlæsning i Viby.\tFordybelse\n\tSommerlæsning i Viby.\tFordybelse\n",
    )
    .unwrap();
    let import = || {
        plan_in(dir.path())
            .args(["--today", "2017-01-02", "import", memo.to_str().unwrap()])
            .assert()
            .code(0)
    };
    let said = stdout(&import());
    assert!(
        said.contains("line 5: the same initiative as line 4, imported once"),
        "{said}"
    );
    assert!(said.contains("imported 2 initiatives"), "{said}");
    let periods: Vec<String> = walk(&dir.path().join("plans"))
        .iter()
        .filter(|p| p.is_file() && !p.ends_with("plan.toml"))
        .map(|p| {
            let text = fs::read_to_string(p).unwrap();
            text.lines()
                .find(|l| l.starts_with("period"))
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(periods.len(), 2, "{periods:?}");
    assert!(
        periods.contains(&"period = \"Q1\"".to_string()),
        "{periods:?}"
    );
    assert!(
        periods.contains(&"period = \"Q3\"".to_string()),
        "{periods:?}"
    );
    let again = stdout(&import());
    assert!(again.contains("line 3: already in the plan"), "{again}");
    assert!(again.contains("line 4: already in the plan"), "{again}");
    // One of them moved since: still found, each row by its own file (a third was made).
    let ids: Vec<String> = walk(&dir.path().join("plans"))
        .iter()
        .filter(|p| p.is_file() && !p.ends_with("plan.toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let q3 = ids
        .iter()
        .find(|id| {
            let file = walk(&dir.path().join("plans"))
                .into_iter()
                .find(|p| {
                    p.file_stem()
                        .is_some_and(|s| s.to_string_lossy() == id.as_str())
                })
                .unwrap();
            fs::read_to_string(file)
                .unwrap()
                .contains("period = \"Q3\"")
        })
        .unwrap()
        .clone();
    plan_in(dir.path())
        .args(["--today", "2017-06-01", "set", &q3, "period=Q4"])
        .assert()
        .success();
    let moved = stdout(&import());
    assert!(moved.contains("line 3: already in the plan"), "{moved}");
    assert!(
        moved.contains(&format!("line 4: already in the plan as plans/{q3}.toml")),
        "{moved}"
    );
    assert!(
        moved.contains("imported 0 initiatives") || !moved.contains("imported"),
        "{moved}"
    );
    let files = walk(&dir.path().join("plans"))
        .iter()
        .filter(|p| p.is_file() && !p.ends_with("plan.toml"))
        .count();
    assert_eq!(files, 2);
}

/// A header with empty cells after it (Excel's used range) or in English with "Track" is
/// found; one with a fourth column names it (it said the header was not found); invisible
/// characters pasted from Word are left out of titles and ids, and said so.
#[test]
fn headers_as_excel_writes_them_and_invisible_characters() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str, text: &str, code: i32| {
        let memo = dir.path().join(name);
        fs::write(&memo, text).unwrap();
        plan_in(dir.path())
            .args([
                "--today",
                "2017-01-02",
                "--plans",
                &format!("plan-{name}"),
                "import",
                "--dry-run",
            ])
            .arg(&memo)
            .assert()
            .code(code)
    };
    let out = run(
        "tab.txt",
        "Plan 2017\nTidsplan\tIndsats\tSpor\t\nGenerelt 2017\tLæse\u{ad}klub i Viby.\tHygge\t\n\tBørne\u{200b}teater i Viby.\tHygge\n",
        0,
    );
    let said = stdout(&out);
    assert!(said.contains("laeseklub-i-viby.toml"), "{said}");
    assert!(said.contains("title = \"Børneteater i Viby\""), "{said}");
    assert!(
        stderr(&out).contains("note: 2 invisible characters pasted from Word"),
        "{}",
        stderr(&out)
    );
    run(
        "en.txt",
        "Plan 2017\nPeriod\tInitiative\tTrack\nQ1 2017\tReading club in Viby.\tHygge\n",
        0,
    );
    let out = run(
        "four.txt",
        "Plan 2017\nTidsplan\tIndsats\tSpor\tAnsvarlig\nGenerelt 2017\tLokale events i Viby.\tHygge\tAnne\n",
        1,
    );
    let err = stderr(&out);
    assert!(
        err.contains(
            "error: the table has more columns than Tidsplan, Indsats and Spor: `Ansvarlig`"
        ),
        "{err}"
    );
    assert!(
        !err.contains("was not found") && !err.contains("more than three columns"),
        "{err}"
    );
}

/// A repeated row stands for no initiative of its own: it took the moved initiative of a
/// later row, and that row was imported a second time.
#[test]
fn a_repeated_row_does_not_take_a_later_rows_initiative() {
    let dir = tempfile::tempdir().unwrap();
    let memo = dir.path().join("memo.txt");
    fs::write(
        &memo,
        "Plan 2017\nTidsplan\tIndsats\tSpor\n1. kvartal 2017\tBørnebog i Viby.\tHygge\n\tBørnebog i Viby\tHygge\n2. kvartal 2017\tBørnebog i Viby.\tHygge\n",
    )
    .unwrap();
    let import = || {
        stdout(
            &plan_in(dir.path())
                .args(["--today", "2017-01-02", "import", memo.to_str().unwrap()])
                .assert()
                .code(0),
        )
    };
    let first = import();
    assert!(
        first.contains("line 4: the same initiative as line 3, imported once"),
        "{first}"
    );
    plan_in(dir.path())
        .args([
            "--today",
            "2017-05-01",
            "set",
            "boernebog-i-viby-2",
            "period=Q3",
        ])
        .assert()
        .success();
    let again = import();
    assert!(
        again.contains("line 4: the same initiative as line 3, in the plan already"),
        "{again}"
    );
    assert!(
        again.contains("line 5: already in the plan as plans/boernebog-i-viby-2.toml"),
        "{again}"
    );
    let files = walk(&dir.path().join("plans"))
        .iter()
        .filter(|p| p.is_file() && !p.ends_with("plan.toml"))
        .count();
    assert_eq!(files, 2, "{again}");
}

/// Something already in the way of one of the files (here a folder named as the last one)
/// stops the import before any file is moved in: exit 2, the path named, nothing written.
#[test]
fn something_in_the_way_of_a_file_stops_the_import_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let run = |dry: bool| {
        let mut args = vec!["--today", "2017-01-02", "import"];
        if dry {
            args.push("--dry-run");
        }
        args.push(seed.to_str().unwrap());
        plan_in(dir.path()).args(args).assert()
    };
    let listed = stdout(&run(true).code(0));
    let last = listed
        .lines()
        .filter_map(|l| l.strip_prefix("==> ")?.strip_suffix(" <=="))
        .next_back()
        .expect("files listed")
        .to_string();
    fs::create_dir_all(dir.path().join(&last)).unwrap();
    let out = run(false).code(2);
    let said = stderr(&out);
    assert!(said.contains(&last), "{said}");
    assert!(said.contains("nothing was imported"), "{said}");
    let written: Vec<_> = walk(&dir.path().join("plans"))
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert!(written.is_empty(), "{written:?}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && path.extension().is_none_or(|e| e != "toml") {
            found.extend(walk(&path));
        }
        found.push(path);
    }
    found
}

#[test]
fn a_memo_of_another_year_with_page_breaks_and_a_taken_id() {
    let case = Case::new("import", "memo-2019");
    case.run(&["import", "memo.txt"])
        .code(0)
        .stdout_eq(str![[r#"
plans/hygge-i-viby-2.toml
plans/faelles-indsats-tvaers-alle-lokalbiblioteker.toml
plans/laesekredse-unge-jyllinge-gadstrup.toml
plans/digitale-faellesskaber-for-bogbussen-og-aagerup.toml
plans/sommerlaesning-i-gundsoemagle.toml
imported 5 initiatives for 2019 from memo.txt

"#]]);
    case.expect_out();
    // Importing again finds every row and writes nothing.
    case.run(&["import", "memo.txt"]).code(0);
    case.expect_out();
}

#[test]
fn a_memo_with_problems_is_reported_by_line_and_nothing_is_written() {
    let case = Case::new("import", "bad-memo");
    case.run(&["import", "memo.txt"]).code(1).stdout_eq(str![""]).stderr_eq(str![[r#"
error: unknown track `Sjov og ballade` in the Spor column
 --> memo.txt:3
  = help: the tracks are: Indgang til fællesskab, Viden og vejledning, En lokal aktør, Hygge, Struktur for livet, Fordybelse, Digitale forbindelser; or "Alle spor"; add a new one to plan.toml's [[track]] (or as an alias)

error: `Sommer 2018` is not a period heading
 --> memo.txt:5
  = help: a period is written "Generelt 2018" (the whole year) or "1. kvartal 2018" … "4. kvartal 2018"

error: `memo.txt` has 2 problems: nothing was written

"#]]);
    case.expect_unchanged();
    case.run(&["import", "nowhere.txt"]).code(2);
    case.expect_unchanged();
}

#[test]
fn a_memo_for_another_year_than_the_plan_is_refused() {
    let case = Case::new("import", "wrong-year");
    let out = case.run(&["import", "memo.txt"]).code(1);
    assert!(
        stderr(&out).contains("the memo's table is for 2019, but the plan in `plans` is for 2017")
    );
    case.expect_unchanged();
}

#[test]
fn titles_ids_and_places_of_a_memo_of_our_own_in_danish_and_english() {
    let case = Case::new("import", "review");
    case.run(&["import", "memo.txt"])
        .code(0)
        .stdout_eq(str![[r#"
plans/plan.toml
plans/laesekredse-for-unge-i-viby-og-gadstrup.toml
plans/cafeaftener-lokale-foreninger-aagerup.toml
plans/digitale-vaerksteder-seniorer-bogbussen-jyllinge.toml
plans/styrkelse-af-samarbejdet-med-skolerne-i-jyllinge.toml
plans/udvikling-test-faste-aktiviteter-struktur-livet.toml
imported 5 initiatives for 2018 from memo.txt

"#]])
        .stderr_eq(str![[r#"
note: 4 titles were made shorter than the memo's text (the description keeps all of it); review them:
  line 8: laesekredse-for-unge-i-viby-og-gadstrup: "Læsekredse for unge i Viby og Gadstrup"
  line 9: cafeaftener-lokale-foreninger-aagerup: "Caféaftener med lokale foreninger i Ågerup og Gundsømagle"
  line 10: digitale-vaerksteder-seniorer-bogbussen-jyllinge: "Digitale værksteder for seniorer i bogbussen og i Jyllinge"
  line 12: udvikling-test-faste-aktiviteter-struktur-livet: "Udvikling og test af faste aktiviteter for struktur for livet"
note: places a row only learns from or refers to ("pba erfaringer fra", "based on" …) are not among its places:
  line 9: cafeaftener-lokale-foreninger-aagerup: Jyllinge, Viby
  line 10: digitale-vaerksteder-seniorer-bogbussen-jyllinge: Gadstrup
  line 12: udvikling-test-faste-aktiviteter-struktur-livet: Jyllinge, Gadstrup

"#]]);
    case.run(&["--plans", "plans-en", "import", "memo-en.txt"])
        .code(0)
        .stdout_eq(str![[r#"
plans-en/plan.toml
plans-en/reading-circles-young-people-viby-gadstrup.toml
plans-en/evening-cafes-with-local-associations-in-aagerup.toml
plans-en/digital-workshops-older-people-book-bus.toml
plans-en/school-cooperation-in-jyllinge.toml
imported 4 initiatives for 2018 from memo-en.txt

"#]])
        .stderr_eq(str![[r#"
note: 3 titles were made shorter than the memo's text (the description keeps all of it); review them:
  line 6: reading-circles-young-people-viby-gadstrup: "Reading circles for young people in Viby and Gadstrup"
  line 7: evening-cafes-with-local-associations-in-aagerup: "Evening cafés with local associations in Ågerup"
  line 8: digital-workshops-older-people-book-bus: "Digital workshops for older people on the book bus (bogbussen)"
note: places a row only learns from or refers to ("pba erfaringer fra", "based on" …) are not among its places:
  line 7: evening-cafes-with-local-associations-in-aagerup: Jyllinge, Viby
  line 8: digital-workshops-older-people-book-bus: Gadstrup

"#]]);
    case.expect_out();
    // A dry run says the same on standard error.
    let dry = plan_in(case.work.path())
        .args(["--plans", "elsewhere", "import", "--dry-run", "memo.txt"])
        .assert()
        .code(0);
    assert!(
        stderr(&dry).contains("note: 4 titles were made shorter"),
        "{}",
        stderr(&dry)
    );
}

/// The seed memo as Word saves it with "Plain text" on Danish Windows: Windows-1252, CRLF.
fn in_windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.iter().fold(Vec::new(), |mut out, &b| {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
        out
    })
}

#[test]
fn a_memo_saved_as_windows_1252_is_decoded_and_said_so() {
    let utf8 = std::fs::read_to_string(seed()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("memo-1252.txt"), in_windows_1252(&utf8)).unwrap();
    std::fs::write(dir.path().join("memo.txt"), &utf8).unwrap();
    let out = plan_in(dir.path())
        .args(["--plans", "ansi", "import", "memo-1252.txt"])
        .assert()
        .code(0);
    assert!(stderr(&out)
        .starts_with("note: `memo-1252.txt` is not UTF-8: read as Windows-1252 (ANSI)\n"));
    plan_in(dir.path())
        .args(["--plans", "utf8", "import", "memo.txt"])
        .assert()
        .code(0);
    // The same plan as from the UTF-8 memo: every file alike but for the memo's name.
    let read = |folder: &str| {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir.path().join(folder))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let text = std::fs::read_to_string(e.path()).unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    text.replace("memo-1252.txt", "memo.txt"),
                )
            })
            .collect();
        files.sort();
        files
    };
    assert_eq!(read("ansi"), read("utf8"));
    assert!(read("ansi").iter().any(|(_, t)| t.contains(
        "title = \"Styrkelse af skolesamarbejdet i forbindelse med Åben Skole i Jyllinge\""
    )));

    // The English memo of our own, likewise.
    let case = Case::new("import", "review");
    let en = std::fs::read_to_string(case.work.path().join("memo-en.txt")).unwrap();
    std::fs::write(case.work.path().join("memo-en.txt"), in_windows_1252(&en)).unwrap();
    let out = case
        .run(&["--plans", "plans-en", "import", "memo-en.txt"])
        .code(0);
    assert!(
        stderr(&out).starts_with("note: `memo-en.txt` is not UTF-8: read as Windows-1252 (ANSI)\n")
    );
    let cafes = std::fs::read_to_string(
        case.work
            .path()
            .join("plans-en/evening-cafes-with-local-associations-in-aagerup.toml"),
    )
    .unwrap();
    assert!(cafes.contains("title = \"Evening cafés with local associations in Ågerup\""));
}

#[test]
fn a_memo_in_utf16_with_a_byte_order_mark_is_decoded() {
    let utf8 = std::fs::read_to_string(seed()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in utf8.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    std::fs::write(dir.path().join("memo.txt"), bytes).unwrap();
    let out = plan_in(dir.path())
        .args(["import", "memo.txt"])
        .assert()
        .code(0);
    assert!(stderr(&out).starts_with("note: `memo.txt` is not UTF-8: read as UTF-16\n"));
    let plan = plan::load::load_plan(&dir.path().join("plans")).unwrap();
    assert_eq!(plan.initiatives.len(), 28);
}

#[test]
fn a_memo_in_neither_utf8_nor_windows_1252_is_refused_with_help() {
    let dir = tempfile::tempdir().unwrap();
    // DOS code page 865 writes "fælles" as f\x91lles and "Gundsømagle" as Gunds\x9Bmagle.
    std::fs::write(
        dir.path().join("memo.txt"),
        b"Tidsplan\tIndsats\tSpor\r\nGenerelt 2017\tF\x91lles indsats i Gunds\x9Bmagle\tHygge\r\n",
    )
    .unwrap();
    plan_in(dir.path())
        .args(["import", "memo.txt"])
        .assert()
        .code(1)
        .stdout_eq(str![""])
        .stderr_eq(str![[r#"
error: `memo.txt`: the file is not valid UTF-8, nor Windows-1252 text
help: save it as UTF-8; a file from DOS or an old Mac, or a UTF-16 file without a byte-order mark, shows æ, ø and å wrongly

"#]]);
    assert!(!dir.path().join("plans").exists());
}
