//! The property of `plan set`: any sequence of valid changes leaves a file that passes
//! `plan check`, with every comment kept.

use proptest::prelude::*;

use std::path::Path;

use super::tests::{catalogue, doc, set, SAMPLE};
use crate::check::check;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::{DA, EN};
use crate::load::{plan_from_folder, virtual_source, Folder};
use crate::model::{Funding, Period, Status};

/// Valid values for `plan set`, one change at a time.
fn valid_change() -> impl Strategy<Value = String> {
    let tracks = catalogue()
        .track_spellings()
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    let places = catalogue()
        .location_spellings()
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    // Any characters, ending in one that is seen: a required text of only spaces or
    // characters that never reach a terminal (a control character, a zero-width space) is
    // empty, and `set` refuses it.
    let text = "[^\n]{0,20}[a-zA-Z0-9æøåÆØÅé☀]";
    prop_oneof![
        // As the file spells them, and as the user reads them in either language.
        prop::sample::select(
            Status::ALL
                .iter()
                .flat_map(|&s| [s.as_str(), DA.status(s), EN.status(s)])
                .collect::<Vec<_>>()
        )
        .prop_map(|s| format!("status={s}")),
        prop::sample::select(
            Period::ALL
                .iter()
                .flat_map(|&p| [p.as_str().to_string(), DA.period(p)])
                .collect::<Vec<_>>()
        )
        .prop_map(|s| format!("period={s}")),
        prop::sample::select(Funding::ALL.map(Funding::as_str).to_vec())
            .prop_map(|s| format!("funding={s}")),
        (2016i32..2019, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| format!("deadline={y:04}-{m:02}-{d:02}")),
        text.prop_map(|s| format!("title={s}")),
        "(.|\n){0,30}".prop_map(|s| format!("description={s}")),
        "[^\n]{0,20}".prop_map(|s| format!("owner={s}")),
        "[^\n]{0,20}".prop_map(|s| format!("follow_up={s}")),
        Just("owner=".to_string()),
        Just("deadline=".to_string()),
        Just("status=".to_string()),
        Just("funding=".to_string()),
        prop::sample::subsequence(tracks.clone(), 1..4)
            .prop_map(|t| format!("tracks={}", t.join(","))),
        prop::sample::select(tracks.clone()).prop_map(|t| format!("tracks+={t}")),
        prop::sample::select(tracks).prop_map(|t| format!("tracks-={t}")),
        prop::sample::select(places.clone()).prop_map(|t| format!("locations+={t}")),
        prop::sample::select(places).prop_map(|t| format!("locations-={t}")),
        text.prop_map(|s| format!("partners+={s}")),
        text.prop_map(|s| format!("tags+={s}")),
        Just("tags-=hygge".to_string()),
        Just("tags=".to_string()),
        prop::sample::subsequence(vec!["other-a", "other-b"], 0..3)
            .prop_map(|d| format!("depends_on={}", d.join(","))),
        prop::sample::select(vec!["other-a", "other-b"]).prop_map(|d| format!("depends_on+={d}")),
    ]
}

/// The file-level findings `plan check` makes on `text` as `x.toml` in a folder with two
/// whole-year initiatives it may depend on.
fn file_errors(text: &str) -> Vec<Diagnostic> {
    let dir = Path::new("virtual");
    let other = "title = \"Other\"\nperiod = \"year\"\ntracks = [\"Hygge\"]\n";
    let folder = Folder {
        manifest: None,
        initiatives: vec![
            virtual_source(dir, "other-a.toml", other),
            virtual_source(dir, "other-b.toml", other),
            virtual_source(dir, "x.toml", text),
        ],
        ..Folder::default()
    };
    let plan = plan_from_folder(dir, folder);
    check(&plan)
        .into_iter()
        .filter(|d| d.file.is_some() && d.severity == Severity::Error)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_valid_sets_leave_a_file_that_passes_check_with_its_comments(
        changes in prop::collection::vec(valid_change(), 1..12)
    ) {
        let comments: Vec<&str> = SAMPLE.lines().filter(|l| l.contains('#')).collect();
        prop_assert!(file_errors(SAMPLE).is_empty());
        let mut d = doc(SAMPLE);
        for change in &changes {
            let before = d.text();
            // Removing the last track is not a valid change; the check would refuse it.
            if change.starts_with("tracks-=") && d.list("tracks").unwrap_or_default().len() < 2 {
                continue;
            }
            match set(&mut d, change) {
                Ok(()) => {}
                // `-=` of something that is not there: refused, nothing changed.
                Err(e) if e.message.contains("is not in") => prop_assert_eq!(d.text(), before),
                Err(e) => prop_assert!(false, "{} refused: {}", change, e.message),
            }
        }
        let text = d.text();
        let errors = file_errors(&text);
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
        for comment in comments {
            let c = &comment[comment.find('#').unwrap()..];
            prop_assert!(text.contains(c), "lost `{}`:\n{}", c, text);
        }
    }
}
