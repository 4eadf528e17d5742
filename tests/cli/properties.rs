//! Property tests on the library, in memory (no disk, no process): whatever the bytes,
//! loading and checking never panics; a generated valid plan has no findings; one mutation
//! of a valid plan gives exactly the one finding it causes, at its file and line.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use plan::check::check;
use plan::load::{plan_from_folder, Folder, SourceFile};
use plan::model::{Period, Plan};
use plan::render::diagnostics;

/// Builds a plan from in-memory files: (path in the plan folder, bytes).
fn plan_of(manifest: Option<&[u8]>, files: &[(String, Vec<u8>)]) -> Plan {
    let folder = Folder {
        manifest: manifest.map(|m| SourceFile::from_bytes("plan.toml", m)),
        initiatives: files
            .iter()
            .map(|(path, bytes)| SourceFile::from_bytes(path, bytes))
            .collect(),
    };
    plan_from_folder(Path::new("plans"), folder)
}

/// Checks and renders every output, as `plan check` would.
fn check_and_render(plan: &Plan) -> Vec<plan::diag::Diagnostic> {
    let diags = check(plan);
    let mut out = Vec::new();
    diagnostics::text(plan, &diags, true, &mut out).unwrap();
    diagnostics::json(plan, &diags, &mut out).unwrap();
    diagnostics::github(plan, &diags, &mut out).unwrap();
    let day = NaiveDate::from_ymd_opt(2017, 8, 1).unwrap();
    let _ = plan::summary::summarize(plan, day);
    diags
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
        let plan = plan_of(None, &[("x.toml".into(), bytes.clone())]);
        check_and_render(&plan);
        let plan = plan_of(Some(&bytes), &[]);
        check_and_render(&plan);
    }

    #[test]
    fn format_shaped_noise_never_panics(a in tomlish(), b in tomlish()) {
        let plan = plan_of(Some(&a), &[("q1/a.toml".into(), b.clone()), ("b.toml".into(), a.clone())]);
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
                (Some(f), Some(span)) => Some(plan.files[f].line_col(span.start).0),
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

/// What `fuzz/fuzz_targets/manifest.rs` puts beside the fuzzed plan.toml.
const FUZZ_INITIATIVES: [(&str, &str); 3] = [
    (
        "laesehold.toml",
        "title = \"Læsehold i Viby\"\nperiod = \"Q1\"\ntracks = [\"Fordybelse\", \"Hygge\"]\nlocations = [\"Viby\"]\ndeadline = 2017-03-31\nfunding = \"pending\"\n",
    ),
    (
        "q2/it-cafe.toml",
        "title = \"IT-café\"\nperiod = \"Q2\"\ntracks = [\"Digitale forbindelser\"]\nlocations = [\"Bogbussen\"]\ndepends_on = [\"laesehold\"]\nstatus = \"active\"\n",
    ),
    (
        "aarsplan.toml",
        "title = \"Årsplan\"\nperiod = \"year\"\ntracks = [\"Alle spor\"]\ndepends_on = [\"it-cafe\"]\n",
    ),
];

/// The import target: memo text → rows → initiative files → a checked plan. The files the
/// import writes must load without syntax errors or unknown fields.
fn import_pipeline(bytes: &[u8]) {
    use plan::import::{parse, row_file};
    let (text, problem) = plan::load::decode(bytes);
    if problem.is_some() {
        return;
    }
    let catalogue = plan::parse::default_manifest().catalogue;
    let memo = parse(&text, &catalogue);
    let mut taken: Vec<String> = Vec::new();
    let files: Vec<(String, Vec<u8>)> = memo
        .rows
        .iter()
        .map(|row| {
            let (path, text) = row_file(row, &mut taken, None);
            (path, text.into_bytes())
        })
        .collect();
    let plan = plan_of(None, &files);
    for d in check_and_render(&plan) {
        assert!(
            !matches!(
                d.rule,
                plan::diag::Rule::Syntax
                    | plan::diag::Rule::UnknownField
                    | plan::diag::Rule::DuplicateId
            ),
            "import wrote a file the loader rejects: {d:?}"
        );
    }
}

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
    // The seed corpus is committed: an empty list means the paths are wrong.
    assert!(!initiatives.is_empty() && !manifests.is_empty() && !memos.is_empty());
    for (_, bytes) in &initiatives {
        check_and_render(&plan_of(None, &[("fuzz.toml".into(), bytes.clone())]));
    }
    let beside: Vec<(String, Vec<u8>)> = FUZZ_INITIATIVES
        .iter()
        .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
        .collect();
    for (_, bytes) in &manifests {
        check_and_render(&plan_of(Some(bytes), &beside));
    }
    for (_, bytes) in &memos {
        import_pipeline(bytes);
    }
    // The shipped seeds are valid: the 2017 initiatives load with no per-file finding.
    for (name, bytes) in initiatives.iter().filter(|(n, _)| n.starts_with("seed-")) {
        let plan = plan_of(None, &[("fuzz.toml".into(), bytes.clone())]);
        assert_eq!(plan.initiatives.len(), 1, "{name}");
    }
}
