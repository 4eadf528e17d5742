//! `plan schema`: the generated JSON Schemas, used by a JSON Schema validator (the
//! `jsonschema` crate), accept every file of the shipped plan and reject an unknown track
//! and an unknown key; `--write`, the `#:schema` line of `new` and `init`, and the
//! `schema-outdated` finding.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{plan, plan_in, shipped_plans, stderr, stdout, Fixture};

/// A TOML document as JSON, the way taplo hands it to a schema: dates as strings.
fn toml_to_json(text: &str) -> Value {
    fn convert(value: toml::Value) -> Value {
        match value {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => Value::from(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
            toml::Value::Table(table) => {
                Value::Object(table.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    convert(toml::Value::Table(
        text.parse::<toml::Table>().expect("valid TOML"),
    ))
}

fn schema_of(kind: &str) -> jsonschema::Validator {
    let out = plan().args(["schema", kind]).assert().code(0);
    let schema: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    validator
        .iter_errors(&toml_to_json(text))
        .map(|e| e.to_string())
        .collect()
}

fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn the_schemas_accept_every_file_of_the_shipped_plan() {
    let initiative = schema_of("initiative");
    let manifest = schema_of("manifest");
    let mut files = Vec::new();
    toml_files(&shipped_plans(), &mut files);
    assert_eq!(files.len(), 29);
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let validator = if path.ends_with("plan.toml") {
            &manifest
        } else {
            &initiative
        };
        assert_eq!(errors(validator, &text), Vec::<String>::new(), "{path:?}");
    }
}

#[test]
fn the_initiative_schema_rejects_an_unknown_track_and_an_unknown_key() {
    let initiative = schema_of("initiative");
    let good = "title = \"Læseklub\"\nperiod = \"Q2\"\ntracks = [\"Hygge\", \"Viden & vejledning\", \"Alle spor\"]\nlocations = [\"Viby\"]\ndeadline = 2017-06-30\n";
    assert_eq!(errors(&initiative, good), Vec::<String>::new());
    let track = good.replace("\"Hygge\"", "\"Hyge\"");
    assert_eq!(errors(&initiative, &track).len(), 1, "{track}");
    // Any case, as `plan` reads names.
    let case = good.replace("\"Hygge\"", "\"HYGGE\"");
    assert_eq!(errors(&initiative, &case), Vec::<String>::new());
    // Every spelling of cross-cutting work `plan` reads (`all` was an error in the editor).
    for cross in ["all", "All Tracks", "alle spor"] {
        let cross = good.replace("\"Alle spor\"", &format!("\"{cross}\""));
        assert_eq!(errors(&initiative, &cross), Vec::<String>::new(), "{cross}");
    }
    let key = format!("{good}trakcs = [\"Hygge\"]\n");
    assert_eq!(errors(&initiative, &key).len(), 1, "{key}");
    let period = good.replace("\"Q2\"", "\"2. kvartal\"");
    assert_eq!(errors(&initiative, &period).len(), 1);
    let missing = good.replace("title = \"Læseklub\"\n", "");
    assert_eq!(errors(&initiative, &missing).len(), 1);
    let manifest = schema_of("manifest");
    let rules =
        "[plan]\ntitle = \"P\"\nyear = 2017\n[rules.severity]\nunknown-location = \"off\"\n";
    assert_eq!(errors(&manifest, rules), Vec::<String>::new());
    assert_eq!(
        errors(
            &manifest,
            &rules.replace("unknown-location", "unknown-places")
        )
        .len(),
        1
    );
}

#[test]
fn the_schema_has_the_plans_own_names_and_a_description_on_every_key() {
    let f = Fixture::new().file(
        "plan.toml",
        "[plan]\ntitle = \"P\"\nyear = 2018\n[[track]]\nname = \"Læring\"\naliases = [\"Laering\"]\n[[location]]\nname = \"Hovedbiblioteket\"\n",
    );
    let out = f.run(&["schema"]).code(0);
    let schema: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        schema["properties"]["tracks"]["items"]["anyOf"][0]["enum"],
        serde_json::json!(["Læring", "Laering", "Alle spor", "all", "all tracks"])
    );
    assert_eq!(
        schema["properties"]["locations"]["items"]["anyOf"][0]["enum"],
        serde_json::json!(["Hovedbiblioteket"])
    );
    for (key, value) in schema["properties"].as_object().unwrap() {
        assert!(
            value["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{key}"
        );
    }
}

#[test]
fn write_puts_the_schemas_in_the_plan_folder_and_check_says_when_they_are_old() {
    let f = Fixture::new().manifest("min_per_track = 0");
    let out = f.run(&["schema", "--write"]).code(0);
    assert_eq!(
        stdout(&out),
        "wrote plans/.plan/schema/initiative.json\nwrote plans/.plan/schema/manifest.json\n"
    );
    let written = fs::read_to_string(f.plans().join(".plan/schema/initiative.json")).unwrap();
    assert_eq!(written, stdout(&f.run(&["schema", "initiative"])));
    let out = f.run(&["check"]).code(0);
    assert!(!stdout(&out).contains("schema-outdated"));

    // `plan new` writes the `#:schema` line, relative to the file's folder.
    f.run(&[
        "new",
        "Læseklub",
        "--period",
        "Q2",
        "--track",
        "Hygge",
        "--folder",
        "q2",
    ])
    .code(0);
    let text = fs::read_to_string(f.plans().join("q2/laeseklub.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ../.plan/schema/initiative.json\n"),
        "{text}"
    );
    f.run(&["check"]).code(0);

    // A new track in plan.toml: the written schema no longer fits.
    let manifest = fs::read_to_string(f.plans().join("plan.toml")).unwrap();
    fs::write(
        f.plans().join("plan.toml"),
        format!("{manifest}\n[[track]]\nname = \"Hygge\"\n[[track]]\nname = \"Læring\"\n"),
    )
    .unwrap();
    let out = f.run(&["check", "--color", "never"]).code(0);
    assert!(
        stdout(&out).contains(
            "warning[schema-outdated]: `.plan/schema/initiative.json` no longer fits plan.toml's catalogue and rules"
        ),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("plan schema --write"));
    f.run(&["schema", "--write"]).code(0);
    let out = f.run(&["check"]).code(0);
    assert!(
        !stdout(&out).contains("schema-outdated"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn new_without_a_written_schema_adds_no_line_and_init_carries_the_schemas_over() {
    let f = Fixture::new().manifest("min_per_track = 0");
    f.run(&["new", "Læseklub", "--period", "Q2", "--track", "Hygge"])
        .code(0);
    let text = fs::read_to_string(f.plans().join("laeseklub.toml")).unwrap();
    assert!(!text.contains("#:schema"), "{text}");

    f.run(&["schema", "--write"]).code(0);
    let next = f.dir().join("plan2018");
    let out = plan_in(f.dir())
        .args(["init", "plan2018", "--year", "2018", "--from", "plans"])
        .assert()
        .code(0);
    assert!(stdout(&out).contains(".plan/schema"), "{}", stderr(&out));
    let manifest = fs::read_to_string(next.join("plan.toml")).unwrap();
    assert!(
        manifest.starts_with("#:schema ./.plan/schema/manifest.json\n"),
        "{manifest}"
    );
    assert!(next.join(".plan/schema/initiative.json").is_file());
    plan_in(f.dir())
        .args(["--plans", "plan2018", "check"])
        .assert()
        .code(0);
}

#[test]
fn import_writes_the_schema_line_when_the_schema_is_there() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/memo-2019/in");
    let work = tempfile::tempdir().unwrap();
    fs::copy(fixture.join("memo.txt"), work.path().join("memo.txt")).unwrap();
    fs::create_dir(work.path().join("plans")).unwrap();
    for name in ["plan.toml", "hygge-i-viby.toml"] {
        fs::copy(
            fixture.join("plans").join(name),
            work.path().join("plans").join(name),
        )
        .unwrap();
    }
    plan_in(work.path())
        .args(["schema", "--write"])
        .assert()
        .code(0);
    plan_in(work.path())
        .args(["import", "memo.txt"])
        .assert()
        .code(0);
    let text =
        fs::read_to_string(work.path().join("plans/sommerlaesning-i-gundsoemagle.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ./.plan/schema/initiative.json\n"),
        "{text}"
    );
    // The file the import found already is left as it was.
    let kept = fs::read_to_string(work.path().join("plans/hygge-i-viby.toml")).unwrap();
    assert!(!kept.contains("#:schema"));
}

/// `schema --write` writes both schemas or neither: a folder in one's place left the other
/// replaced (a schema of one catalogue beside one of another).
#[test]
fn schema_write_writes_both_or_neither() {
    let f = Fixture::new().filled();
    let folder = f.plans().join(".plan/schema");
    fs::create_dir_all(folder.join("manifest.json")).unwrap();
    fs::write(folder.join("initiative.json"), "{\"x\": 1}").unwrap();
    let out = f.run(&["schema", "--write"]).code(2);
    assert!(
        stderr(&out).contains("no schema was written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(folder.join("initiative.json")).unwrap(),
        "{\"x\": 1}"
    );
}
