//! Property tests on the library, in memory (no disk, no process): whatever the bytes,
//! loading and checking never panics; a generated valid plan has no findings; one mutation
//! of a valid plan gives exactly the one finding it causes, at its file and line.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use plan::model::{Period, Plan};
use plan::testing::{edit_pipeline, exercise, import_pipeline, plan_of, BESIDE_MANIFEST};

/// Checks and renders every output, as `plan check` would (the fuzz targets' `exercise`).
fn check_and_render(plan: &Plan) -> Vec<plan::diag::Diagnostic> {
    exercise(plan)
}

/// Pieces of the format, for inputs that get past the TOML parser more often than random
/// bytes do.
const TOKENS: &[&str] = &[
    "title",
    "period",
    "tracks",
    "locations",
    "depends_on",
    "status",
    "deadline",
    "funding",
    "log",
    "date",
    "text",
    "plan",
    "rules",
    "track",
    "location",
    "name",
    "aliases",
    "year",
    "min_per_track",
    "severity",
    "[[log]]",
    "[[track]]",
    "[rules]",
    "[plan]",
    "[rules.severity]",
    " = ",
    "\n",
    "\r\n",
    "\"",
    "'",
    "\"\"\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\"Q1\"",
    "\"year\"",
    "\"Hygge\"",
    "\"Alle spor\"",
    "\"Bogbussen\"",
    "\"done\"",
    "\"pending\"",
    "\"off\"",
    "2017-06-30",
    "2017-02-30",
    "10:00:00",
    "1e9",
    "-1",
    "true",
    "æ",
    "ø",
    "Å",
    "\u{feff}",
    "\u{1b}[31m",
    "\\u00e6",
    "\\",
    "\t",
    " ",
];

fn tomlish() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80)
        .prop_map(|parts| parts.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let plan = plan_of(None, &[("x.toml", bytes.clone())]);
        check_and_render(&plan);
        let plan = plan_of::<&str, &[u8]>(Some(&bytes), &[]);
        check_and_render(&plan);
    }

    #[test]
    fn format_shaped_noise_never_panics(a in tomlish(), b in tomlish()) {
        let plan = plan_of(Some(&a), &[("q1/a.toml", b.clone()), ("b.toml", a.clone())]);
        let diags = check_and_render(&plan);
        // Every finding that points into a file points inside it.
        for d in &diags {
            if let (Some(file), Some(span)) = (d.file, &d.span) {
                let len = plan.files[file].text.len();
                prop_assert!(span.start <= span.end && span.end <= len, "{d:?} in {len} bytes");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Generated valid plans.

const TRACKS: &[&str] = &[
    "Indgang til fællesskab",
    "Indgang til fællesskaber",
    "Viden og vejledning",
    "Viden & vejledning",
    "En lokal aktør",
    "Hygge",
    "Struktur for livet",
    "Fordybelse",
    "Digitale forbindelser",
    "Alle spor",
    "all",
];
const PLACES: &[&str] = &[
    "Jyllinge",
    "Viby",
    "Gadstrup",
    "Gundsømagle",
    "Gundsoemagle",
    "Ågerup",
    "Aagerup",
    "Bogbussen",
    "bogbus",
];
const STATUSES: &[&str] = &["planned", "active", "done", "postponed", "cancelled"];
const FUNDING: &[&str] = &["none", "pending", "granted", "denied"];
const FOLDERS: &[&str] = &["", "q1/", "q2/", "aar/", "q3/efteraar/"];
const YEAR: i32 = 2017;

#[derive(Clone, Debug)]
struct Spec {
    folder: usize,
    period: usize,
    title: String,
    tracks: Vec<(usize, bool)>,
    places: Vec<(usize, bool)>,
    status: Option<usize>,
    funding: Option<usize>,
    deadline: Option<i64>,
    deps: Vec<usize>,
    log: Vec<(i64, String)>,
    crlf: bool,
    bom: bool,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        (0..FOLDERS.len(), 0..5usize, ".{0,30}"),
        (
            prop::collection::vec((0..TRACKS.len(), any::<bool>()), 1..4),
            prop::collection::vec((0..PLACES.len(), any::<bool>()), 0..3),
        ),
        (
            prop::option::of(0..STATUSES.len()),
            prop::option::of(0..FUNDING.len()),
            prop::option::of(0..365i64),
        ),
        (
            prop::collection::vec(0..1000usize, 0..3),
            prop::collection::vec((0..365i64, ".{1,30}"), 0..3),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (folder, period, title),
                (tracks, places),
                (status, funding, deadline),
                (deps, log, crlf, bom),
            )| Spec {
                folder,
                period,
                title,
                tracks,
                places,
                status,
                funding,
                deadline,
                deps,
                log,
                crlf,
                bom,
            },
        )
}

fn period_of(index: usize) -> Period {
    Period::ALL[index]
}

/// A TOML string literal for any text.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn spelled(name: &str, upper: bool) -> String {
    if upper {
        name.to_uppercase()
    } else {
        name.to_string()
    }
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

fn id(n: usize) -> String {
    format!("indsats-{n}")
}

/// One initiative file, as lines (no line ends yet).
#[derive(Clone, Debug)]
struct File {
    path: String,
    lines: Vec<String>,
    crlf: bool,
    bom: bool,
}

impl File {
    fn bytes(&self) -> Vec<u8> {
        let end = if self.crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        if self.bom {
            text.push('\u{feff}');
        }
        for line in &self.lines {
            text.push_str(line);
            text.push_str(end);
        }
        text.into_bytes()
    }

    /// The 1-based line that sets `key`.
    fn line_of(&self, key: &str) -> Option<usize> {
        let prefix = format!("{key} = ");
        self.lines
            .iter()
            .position(|l| l.starts_with(&prefix))
            .map(|i| i + 1)
    }

    /// Sets `key = value`: replaces its line, or adds it after the tracks. Returns the line.
    fn set(&mut self, key: &str, value: &str) -> usize {
        let line = format!("{key} = {value}");
        match self.line_of(key) {
            Some(n) => {
                self.lines[n - 1] = line;
                n
            }
            None => {
                let at = self.line_of("tracks").expect("every file has tracks");
                self.lines.insert(at, line);
                at + 1
            }
        }
    }
}

fn day_in(period: Period, offset: i64) -> NaiveDate {
    let start = period.start(YEAR);
    let days = (period.end(YEAR) - start).num_days() + 1;
    start + Duration::days(offset % days)
}

/// The files of a valid plan: dependencies only on earlier files scheduled no later.
fn files_of(specs: &[Spec]) -> Vec<File> {
    let mut out = Vec::new();
    for (n, s) in specs.iter().enumerate() {
        let period = period_of(s.period);
        let mut lines = vec![
            format!("# Indsats {n}"),
            format!("title = {}", quote(&format!("Indsats {n}: {}", s.title))),
            format!("period = \"{period}\""),
            format!(
                "tracks = {}",
                list(
                    &s.tracks
                        .iter()
                        .map(|&(t, up)| quote(&spelled(TRACKS[t], up)))
                        .collect::<Vec<_>>()
                )
            ),
        ];
        if !s.places.is_empty() {
            let places: Vec<String> = s
                .places
                .iter()
                .map(|&(p, up)| quote(&spelled(PLACES[p], up)))
                .collect();
            lines.push(format!("locations = {}", list(&places)));
        }
        let mut deps: Vec<String> = Vec::new();
        if n > 0 {
            for &pick in &s.deps {
                let other = pick % n;
                let theirs = period_of(specs[other].period);
                // Work never builds on cancelled or postponed work in a valid plan.
                let dropped = matches!(specs[other].status, Some(3) | Some(4));
                let fits = !dropped
                    && match (period, theirs) {
                        (Period::Q(own), Period::Q(q)) => q <= own,
                        _ => true,
                    };
                if fits && !deps.contains(&quote(&id(other))) {
                    deps.push(quote(&id(other)));
                }
            }
        }
        if !deps.is_empty() {
            lines.push(format!("depends_on = {}", list(&deps)));
        }
        if let Some(st) = s.status {
            lines.push(format!("status = \"{}\"", STATUSES[st]));
        }
        if let Some(f) = s.funding {
            lines.push(format!("funding = \"{}\"", FUNDING[f]));
        }
        if let Some(d) = s.deadline {
            lines.push(format!("deadline = {}", day_in(period, d)));
        }
        // A valid history is in date order, and a status other than planned has its dated
        // change (on the last day of the notes, or the first of the year).
        let mut log = s.log.clone();
        log.sort_by_key(|(day, _)| *day);
        for (day, text) in &log {
            lines.push(String::new());
            lines.push("[[log]]".into());
            lines.push(format!("date = {}", day_in(Period::Year, *day)));
            lines.push(format!("text = {}", quote(&format!("Note: {text}"))));
        }
        if let Some(st) = s.status.filter(|&st| st != 0) {
            let day = log.last().map_or(0, |(day, _)| *day);
            lines.push(String::new());
            lines.push("[[log]]".into());
            lines.push(format!("date = {}", day_in(Period::Year, day)));
            lines.push(format!(
                "status = {{ from = \"planned\", to = \"{}\" }}",
                STATUSES[st]
            ));
        }
        out.push(File {
            path: format!("{}{}.toml", FOLDERS[s.folder], id(n)),
            lines,
            crlf: s.crlf,
            bom: s.bom,
        });
    }
    out
}

/// A manifest without a minimum per track, so that any number of initiatives is a valid plan.
const MANIFEST: &str =
    "[plan]\ntitle = \"Genereret plan\"\nyear = 2017\n\n[rules]\nmin_per_track = 0\n";

fn plan_of_files(files: &[File]) -> Plan {
    let bytes: Vec<(String, Vec<u8>)> = files.iter().map(|f| (f.path.clone(), f.bytes())).collect();
    plan_of(Some(MANIFEST.as_bytes()), &bytes)
}

/// Findings as (rule, file path, line).
fn findings(plan: &Plan) -> Vec<(String, Option<String>, Option<usize>)> {
    let mut v: Vec<_> = check_and_render(plan)
        .iter()
        .map(|d| {
            let file = d.file.map(|f| plan.files[f].relative.clone());
            let line = match (d.file, &d.span) {
                (Some(f), Some(span)) => plan.files[f].line_col(span.start).map(|(l, _)| l),
                _ => None,
            };
            (d.rule.name().to_string(), file, line)
        })
        .collect();
    v.sort();
    v
}

/// One change to one file of a valid plan, and the one finding it must cause.
#[derive(Clone, Copy, Debug)]
enum Mutation {
    UnknownTrack,
    UnknownPlace,
    UnknownField,
    DropTitle,
    DropPeriod,
    DropTracks,
    BadPeriod,
    BadStatus,
    TitleNotText,
    DeadlineOutside,
    UnknownDependency,
    SelfDependency,
    Duplicate,
    UnclosedString,
}

const MUTATIONS: [Mutation; 14] = [
    Mutation::UnknownTrack,
    Mutation::UnknownPlace,
    Mutation::UnknownField,
    Mutation::DropTitle,
    Mutation::DropPeriod,
    Mutation::DropTracks,
    Mutation::BadPeriod,
    Mutation::BadStatus,
    Mutation::TitleNotText,
    Mutation::DeadlineOutside,
    Mutation::UnknownDependency,
    Mutation::SelfDependency,
    Mutation::Duplicate,
    Mutation::UnclosedString,
];

/// Applies `m` to `files[target]`; returns the expected finding (rule, path, line).
fn mutate(files: &mut Vec<File>, target: usize, m: Mutation) -> (&'static str, String, usize) {
    let own_id = id(target);
    let file = &mut files[target];
    let path = file.path.clone();
    let drop = |file: &mut File, key: &str| {
        let n = file.line_of(key).unwrap();
        file.lines.remove(n - 1);
    };
    match m {
        Mutation::UnknownTrack => (
            "unknown-track",
            path,
            file.set("tracks", "[\"Hygge\", \"Læselyst\"]"),
        ),
        Mutation::UnknownPlace => (
            "unknown-location",
            path,
            file.set("locations", "[\"Himmelev\"]"),
        ),
        Mutation::UnknownField => {
            file.lines.insert(1, "trakcs = [\"Hygge\"]".into());
            ("unknown-field", path, 2)
        }
        Mutation::DropTitle => {
            drop(file, "title");
            ("missing-field", path, 1)
        }
        Mutation::DropPeriod => {
            drop(file, "period");
            ("missing-field", path, 1)
        }
        Mutation::DropTracks => {
            drop(file, "tracks");
            ("missing-field", path, 1)
        }
        Mutation::BadPeriod => ("invalid-value", path, file.set("period", "\"Q5\"")),
        Mutation::BadStatus => ("invalid-value", path, file.set("status", "\"færdig\"")),
        Mutation::TitleNotText => ("invalid-value", path, file.set("title", "2017")),
        Mutation::DeadlineOutside => (
            "deadline-outside-period",
            path,
            file.set("deadline", &format!("{}-01-15", YEAR + 1)),
        ),
        Mutation::UnknownDependency => (
            "unknown-dependency",
            path,
            file.set("depends_on", "[\"findes-ikke\"]"),
        ),
        Mutation::SelfDependency => (
            "dependency-cycle",
            path,
            file.set("depends_on", &format!("[\"{own_id}\"]")),
        ),
        Mutation::Duplicate => {
            let mut copy = file.clone();
            copy.path = format!("zz-kopi/{own_id}.toml");
            let path = copy.path.clone();
            files.push(copy);
            ("duplicate-id", path, 1)
        }
        Mutation::UnclosedString => {
            let n = file.line_of("title").unwrap();
            file.lines[n - 1] = "title = \"Læsehold i Viby".into();
            ("syntax", path, n)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_valid_plan_has_no_findings(specs in prop::collection::vec(spec(), 1..12)) {
        let files = files_of(&specs);
        let plan = plan_of_files(&files);
        prop_assert_eq!(findings(&plan), vec![]);
        prop_assert_eq!(plan.initiatives.len(), specs.len());
    }

    #[test]
    fn one_mutation_gives_exactly_its_finding(
        specs in prop::collection::vec(spec(), 1..10),
        target in any::<prop::sample::Index>(),
        m in prop::sample::select(&MUTATIONS[..]),
    ) {
        let mut files = files_of(&specs);
        let target = target.index(files.len());
        let (rule, path, line) = mutate(&mut files, target, m);
        let plan = plan_of_files(&files);
        prop_assert_eq!(
            findings(&plan),
            vec![(rule.to_string(), Some(path), Some(line))],
            "{:?} of {}:\n{}", m, files[target].path, files[target].lines.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------------------
// The fuzz targets' inputs as regression tests: the seed corpus (`fuzz/corpus/<target>/seed-*`)
// and every input a fuzz run found a problem with (`fuzz/regressions/<target>/*`) go through
// what the target does, here in `cargo test`.

fn fuzz_inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = Vec::new();
    for (dir, seeds_only) in [
        (root.join("corpus").join(target), true),
        (root.join("regressions").join(target), false),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if seeds_only && !name.starts_with("seed-") {
                continue;
            }
            inputs.push((name, std::fs::read(entry.path()).unwrap()));
        }
    }
    inputs.sort();
    inputs
}

#[test]
fn fuzz_seeds_and_found_inputs_go_through_their_targets() {
    let initiatives = fuzz_inputs("initiative");
    let manifests = fuzz_inputs("manifest");
    let memos = fuzz_inputs("import");
    let edits = fuzz_inputs("edit");
    // The seed corpus is committed: an empty list means the paths are wrong.
    assert!(!initiatives.is_empty() && !manifests.is_empty() && !memos.is_empty());
    assert!(!edits.is_empty());
    for (_, bytes) in &edits {
        edit_pipeline(bytes);
    }
    for (_, bytes) in &initiatives {
        check_and_render(&plan_of(None, &[("fuzz.toml", bytes.clone())]));
    }
    for (_, bytes) in &manifests {
        check_and_render(&plan_of(Some(bytes), &BESIDE_MANIFEST));
    }
    for (_, bytes) in &memos {
        import_pipeline(bytes);
    }
    // The shipped seeds are valid: the 2017 initiatives load with no per-file finding.
    for (name, bytes) in initiatives.iter().filter(|(n, _)| n.starts_with("seed-")) {
        let plan = plan_of(None, &[("fuzz.toml", bytes.clone())]);
        assert_eq!(plan.initiatives.len(), 1, "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// Edits: any change from a small grammar on the fuzz target's seed files, as the `edit`
// target runs them: valid TOML with nothing lost, or refused.

const EDIT_KEYS: [&str; 9] = [
    "tags",
    "tracks",
    "locations",
    "partners",
    "depends_on",
    "status",
    "owner",
    "description",
    "deadline",
];
const EDIT_VALUES: [&str; 9] = [
    "ny",
    "Hygge",
    "a,b",
    "",
    "2017-06-30",
    "x\"y",
    "  ",
    "#",
    "æ ø å",
];

fn change() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&EDIT_KEYS[..]),
        prop::sample::select(&["=", "+=", "-="][..]),
        prop::sample::select(&EDIT_VALUES[..]),
    )
        .prop_map(|(k, op, v)| format!("{k}{op}{v}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_edit_of_a_seed_file_is_valid_toml_or_refused(
        seed in 0usize..64,
        changes in prop::collection::vec(change(), 1..4),
        note in prop::option::of("[a-zæøå \"\\\\]{0,20}"),
    ) {
        let seeds = fuzz_inputs("edit");
        let (_, bytes) = &seeds[seed % seeds.len()];
        let text = String::from_utf8_lossy(bytes);
        let file = text.split_once('\n').map_or("", |(_, f)| f);
        let first = match note {
            Some(n) => format!("note {n}"),
            None => changes.join(";"),
        };
        edit_pipeline(format!("{first}\n{file}").as_bytes());
    }
}

/// Pieces of lists written over several lines, with comments where people write them.
const ITEMS: [&str; 12] = [
    "\"a\"",
    "\"b\"",
    "\"c\"",
    "\"d\"",
    "3",
    "'e'",
    "\"\"\"f\"\"\"",
    "{x = 1}",
    "[\"g\"]",
    "\"a\"",
    "\"Hygge\"",
    "\"hygge\"",
];
const SEPS: [&str; 8] = [
    ", ",
    ",\n  ",
    ", # c1\n  ",
    ",# c2\n",
    "\n, ",
    " , ",
    ",\n\n  # own line\n  ",
    ",",
];
const ENDS: [&str; 5] = ["]", "\n]", ", # last\n]", " # t\n]", ",\n]"];
proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn any_list_change_on_a_list_written_over_lines_keeps_valid_toml(items in prop::collection::vec((prop::sample::select(&ITEMS[..]), prop::sample::select(&SEPS[..])), 0..6),
           end in prop::sample::select(&ENDS[..]),
           start in prop::sample::select(&["", "\n  ", " # open\n  ", "\n  # own\n  "][..]),
           key in prop::sample::select(&["tags", "tracks"][..]),
           first in prop::sample::select(&["tags+=c", "tags-=a", "tags=b,c", "tags=a", "tags+=a;tags-=b", "tracks+=Fordybelse", "tracks-=Hygge", "tracks=Hygge,Fordybelse", "tags-=c;tags+=z"][..])) {
        let mut body = String::new();
        for (i, (item, sep)) in items.iter().enumerate() {
            body.push_str(item);
            if i + 1 < items.len() { body.push_str(sep); }
        }
        let file = format!("title = \"x\"\n{key} = [{start}{body}{end} # after\nstatus = \"planned\"\n");
        plan::testing::edit_pipeline(format!("{first}\n{file}").as_bytes());
    }
}
/// Shapes a log is written in, right and wrong.
const LOGS: [&str; 12] = [
    "[log]\ndate = 2017-01-01\ntext = \"a\"\n",
    "[[log]]\ndate = 2017-01-01\ntext = \"a\"\n",
    "log = { date = 2017-01-01, text = \"b\" }\n",
    "log = []\n",
    "log = [{ date = 2017-01-01 }]\n",
    "log = \"t\"\n",
    "log = [\"t\"]\n",
    "[log.sub]\nx = 1\n",
    "# comment\n",
    "owner = \"o\"\n",
    "[[log]]\n",
    "[other]\ny = 2\n",
];
proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn a_note_on_any_shape_of_log_keeps_every_entry_or_is_refused(parts in prop::collection::vec(prop::sample::select(&LOGS[..]), 0..4),
                 note in "[a-z\"\\\\\n#]{0,8}") {
        let file = format!("title = \"x\"\n{}", parts.concat());
        let note = note.replace('\n', " ");
        plan::testing::edit_pipeline(format!("note {note}\n{file}").as_bytes());
    }
}
