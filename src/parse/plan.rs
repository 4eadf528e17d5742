//! A plan folder's files into a [`Plan`]: the manifest first (it holds the catalogue), then
//! every initiative file, read and parsed on every core.

use std::io;
use std::path::Path;
use std::sync::Arc;

use crate::check::{entries, Diagnostic};
use crate::load::parallel::on_every_core_into;
use crate::load::source::{virtual_source, Root, SourceFile};
use crate::load::walk::{list_folder, read_source, Folder, Skipped};
use crate::model::{CatalogueIndex, Initiative, Plan, UnknownName};

/// Reads and parses a whole plan folder, keeping every file's text (the editing commands
/// check a change against them). Fails only when the folder cannot be read.
pub fn load_plan(dir: &Path) -> io::Result<Plan> {
    load_plan_keeping(dir, Keep::ALL)
}

/// What becomes of each initiative file's text once it is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texts {
    /// Kept in the plan.
    Keep,
    /// Let go ([`SourceFile::release`]), and read again for a finding that shows its lines:
    /// what a reading command holds is then the parsed plan, not every file's text.
    Release,
    /// Kept when the folder has at most this many initiative files, else let go but for the
    /// files parsing found something in ([`Texts::KeepWhereFound`]): `plan check` needs the
    /// texts to verify its fixable marks, which it does only up to a size, and shows the
    /// lines of every file with a finding.
    KeepUpTo(usize),
    /// Let go, but for the files parsing found something in (a finding of their own, or a
    /// track or place the cross-file rules will name): `plan check` shows those files'
    /// lines from the text it parsed, without reading them again. Files with only
    /// cross-file findings (a dangling `depends_on`) are read again.
    KeepWhereFound,
}

/// What a command keeps of the files it loads, beyond what the rules need: their texts,
/// and the initiatives' descriptions (only `show`, `calendar` and the editing commands use
/// them; checked either way).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keep {
    pub texts: Texts,
    pub descriptions: bool,
}

impl Keep {
    /// Everything: for the commands that edit the plan.
    pub const ALL: Keep = Keep {
        texts: Texts::Keep,
        descriptions: true,
    };
}

/// [`load_plan`], keeping of the initiative files what `keep` says. `plan.toml`'s text is
/// always kept.
pub fn load_plan_keeping(dir: &Path, keep: Keep) -> io::Result<Plan> {
    // The same plan as `plan_from_folder(dir, read_folder(dir)?)`, but each core reads its
    // share of the files and parses them at once, instead of all files being read before
    // parsing starts.
    let listing = list_folder(dir)?;
    let (manifest, paths): (Vec<_>, Vec<_>) = listing
        .paths
        .into_iter()
        .partition(|relative| relative == "plan.toml");
    let root = &listing.root;
    let manifest = manifest
        .first()
        .map(|relative| read_source(relative.clone(), root));
    let texts = match keep.texts {
        Texts::KeepUpTo(most) if paths.len() <= most => Texts::Keep,
        Texts::KeepUpTo(_) => Texts::KeepWhereFound,
        other => other,
    };
    Ok(build_plan(
        dir,
        manifest,
        Files::OnDisk(paths, root, texts, keep.descriptions),
        listing.skipped,
    ))
}

/// The plan as it would be with some files' text replaced or added (`relative` path →
/// new text; `plan.toml` replaces the manifest). Nothing is read from or written to disk:
/// this is how a change is checked before it is written.
pub fn with_files(plan: &Plan, changes: &[(String, String)]) -> Plan {
    let mut folder = Folder {
        skipped: plan.skipped.clone(),
        ..Folder::default()
    };
    for (index, file) in plan.files.iter().enumerate() {
        if plan.has_manifest && index == 0 {
            folder.manifest = Some(file.clone());
        } else {
            folder.initiatives.push(file.clone());
        }
    }
    for (relative, text) in changes {
        let source = virtual_source(&plan.dir, relative, text);
        if relative == "plan.toml" {
            folder.manifest = Some(source);
        } else if let Some(existing) = folder
            .initiatives
            .iter_mut()
            .find(|f| f.relative == *relative)
        {
            existing.text = source.text;
            existing.problem = None;
            existing.lines = Default::default();
        } else {
            folder.initiatives.push(source);
        }
    }
    folder
        .initiatives
        .sort_by(|a, b| a.relative.cmp(&b.relative));
    let mut changed = plan_from_folder(&plan.dir, folder);
    // The run's levels over the (perhaps changed) plan.toml's own.
    changed.set_levels(plan.levels.clone());
    changed
}

/// Parses the files of a folder into a plan.
pub fn plan_from_folder(dir: &Path, folder: Folder) -> Plan {
    build_plan(
        dir,
        folder.manifest,
        Files::Read(folder.initiatives),
        folder.skipped,
    )
}

/// The initiative files of a plan: already read, or still to read.
enum Files<'a> {
    Read(Vec<SourceFile>),
    /// Paths relative to the folder, the folder, what becomes of the texts, whether
    /// descriptions are kept.
    OnDisk(Vec<String>, &'a Arc<Root>, Texts, bool),
}

fn build_plan(
    dir: &Path,
    manifest: Option<SourceFile>,
    input: Files<'_>,
    skipped: Vec<Skipped>,
) -> Plan {
    let mut diagnostics: Vec<Diagnostic> = skipped.iter().map(entries::skipped).collect();
    let has_manifest = manifest.is_some();
    let first = usize::from(has_manifest);
    let total = match &input {
        Files::Read(sources) => sources.len(),
        Files::OnDisk(paths, ..) => paths.len(),
    };
    // One slot per file (`plan.toml` first) and one per initiative, each filled by the core
    // that reads the file: every file and initiative is written once into its place, with
    // no list per core to join afterwards (a second copy of up to half of them).
    let mut files: Vec<Option<SourceFile>> = (0..first + total).map(|_| None).collect();
    let mut slots: Vec<Option<Initiative>> = (0..total).map(|_| None).collect();
    let manifest = match manifest {
        Some(source) => {
            let manifest = super::manifest(0, &source, &mut diagnostics);
            files[0] = Some(source);
            manifest
        }
        None => super::default_manifest(),
    };

    // Files are independent until the cross-file rules: parse them on every core.
    let catalogue = &CatalogueIndex::new(&manifest.catalogue);
    let parse_one = |file: usize,
                     source: &SourceFile,
                     diags: &mut Vec<Diagnostic>,
                     unknown: &mut Vec<UnknownName>| {
        super::initiative(file, source, catalogue, diags, unknown)
    };
    type Found = (Vec<Diagnostic>, Vec<UnknownName>);
    let found: Vec<Found> = match input {
        Files::Read(sources) => on_every_core_into(
            sources,
            &mut files[first..],
            &mut slots,
            |offset, part, outs, inits| {
                let mut diags = Vec::new();
                let mut unknown = Vec::new();
                for (i, ((source, out), init)) in part.into_iter().zip(outs).zip(inits).enumerate()
                {
                    *init = parse_one(first + offset + i, &source, &mut diags, &mut unknown);
                    *out = Some(source);
                }
                (diags, unknown)
            },
        ),
        Files::OnDisk(paths, root, texts, descriptions) => {
            on_every_core_into(
                paths,
                &mut files[first..],
                &mut slots,
                |offset, part, outs, inits| {
                    // Each file is read, parsed and (when asked) let go before the next is read,
                    // so that a core holds one text at a time.
                    let mut diags = Vec::new();
                    let mut unknown = Vec::new();
                    for (i, ((relative, out), init)) in
                        part.into_iter().zip(outs).zip(inits).enumerate()
                    {
                        let mut source = read_source(relative, root);
                        let before = (diags.len(), unknown.len());
                        *init = parse_one(first + offset + i, &source, &mut diags, &mut unknown);
                        let found = (diags.len(), unknown.len()) != before;
                        if !descriptions {
                            if let Some(init) = init {
                                init.description = None;
                            }
                        }
                        if texts == Texts::Release || (texts == Texts::KeepWhereFound && !found) {
                            source.release();
                        }
                        *out = Some(source);
                    }
                    (diags, unknown)
                },
            )
        }
    };
    let mut unknown_names = Vec::new();
    for (diags, unknown) in found {
        diagnostics.extend(diags);
        unknown_names.extend(unknown);
    }
    let files = filled(files);
    slots.retain(Option::is_some);
    let mut initiatives = filled(slots);
    // With duplicate ids, the first file (by path) is the one the plan uses. A file whose
    // name is not a valid id (a stray `udearealer (kopi).toml`) counts toward nothing:
    // not minimums, not status, not the report; its findings are still reported.
    // (Which to keep is decided on borrowed ids: no copy of every id at the fullest moment.)
    // Of files with one id, one whose title, period and tracks were read comes before one
    // with stand-ins for them (which no view shows).
    let keep: Vec<bool> = {
        let mut seen =
            rustc_hash::FxHashSet::with_capacity_and_hasher(initiatives.len(), Default::default());
        let mut keep: Vec<bool> = initiatives
            .iter()
            .map(|i| {
                !i.unreadable.required
                    && crate::model::is_valid_id(&i.id)
                    && seen.insert(i.id.as_str())
            })
            .collect();
        for (kept, i) in keep.iter_mut().zip(&initiatives) {
            if i.unreadable.required {
                *kept = crate::model::is_valid_id(&i.id) && seen.insert(i.id.as_str());
            }
        }
        keep
    };
    let mut keep = keep.into_iter();
    initiatives.retain(|_| keep.next().unwrap_or(true));
    // Ids are unique now, so an unstable sort gives the same order, without the stable
    // sort's scratch copy of every initiative.
    initiatives.sort_unstable_by(|a, b| (a.period, &a.id).cmp(&(b.period, &b.id)));
    Plan {
        dir: dir.to_path_buf(),
        manifest,
        has_manifest,
        files,
        initiatives,
        diagnostics,
        skipped,
        unknown_names,
        levels: Default::default(),
    }
}

/// The values of slots that are all filled, in the same allocation (a list of `Option<T>`
/// is laid out as a list of `T`, and collecting a list's own items reuses its memory).
fn filled<T>(slots: Vec<Option<T>>) -> Vec<T> {
    slots
        .into_iter()
        .map(|slot| slot.expect("every slot is filled"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::walk::read_folder;
    use std::fs;

    /// A reading command's plan (texts let go) has the same initiatives and findings as the
    /// editing commands' (texts kept), and every text is read back as it was parsed.
    #[test]
    fn letting_texts_go_changes_nothing_but_the_texts() {
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        for dir in [shipped.as_path(), corpus.as_path()] {
            let kept = load_plan_keeping(dir, Keep::ALL).unwrap();
            let lean = load_plan_keeping(
                dir,
                Keep {
                    texts: Texts::Release,
                    descriptions: true,
                },
            )
            .unwrap();
            assert_eq!(kept.initiatives, lean.initiatives);
            assert_eq!(kept.diagnostics, lean.diagnostics);
            assert_eq!(kept.unknown_names, lean.unknown_names);
            assert!(kept.all_ids().eq(lean.all_ids()));
            assert_eq!(
                crate::check::check(&kept),
                crate::check::check(&lean),
                "{dir:?}"
            );
            for (k, l) in kept.files.iter().zip(&lean.files) {
                assert_eq!(k.source(), l.source(), "{}", k.relative);
                if k.problem.is_none() && k.relative != "plan.toml" {
                    assert!(l.text.is_empty() && l.released.is_some());
                }
            }
        }
    }

    /// Above the size up to which `plan check` keeps every text, it keeps the texts of the
    /// files parsing found something in, and only those: their findings are shown from the
    /// text that was parsed (a file changed on disk since still shows its lines as they
    /// were), while files with only cross-file findings are read again.
    #[test]
    fn check_keeps_the_texts_parsing_found_something_in() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("plan.toml"), crate::parse::DEFAULT_MANIFEST).unwrap();
        let good = "title = \"God\"\nperiod = \"Q1\"\ntracks = [\"Hygge\"]\n";
        fs::write(root.join("god.toml"), good).unwrap();
        // A finding of its own (a syntax error), and a track only the cross-file rules name.
        let broken = "title = \"Brudt\nperiod = \"Q1\"\n";
        fs::write(root.join("brudt.toml"), broken).unwrap();
        let track = "title = \"Spor\"\nperiod = \"Q1\"\ntracks = [\"Hyge\"]\n";
        fs::write(root.join("spor.toml"), track).unwrap();
        // Only a cross-file finding: a dependency on no initiative.
        let dangling =
            "title = \"Dingler\"\nperiod = \"Q2\"\ntracks = [\"Hygge\"]\ndepends_on = [\"gud\"]\n";
        fs::write(root.join("dingler.toml"), dangling).unwrap();
        let plan = load_plan_keeping(
            root,
            Keep {
                texts: Texts::KeepUpTo(0),
                descriptions: false,
            },
        )
        .unwrap();
        let file = |name: &str| {
            plan.files
                .iter()
                .find(|f| f.relative == name)
                .unwrap_or_else(|| panic!("{name} loaded"))
        };
        for (name, text) in [("brudt.toml", broken), ("spor.toml", track)] {
            assert_eq!(file(name).text, text, "{name} kept");
            assert!(file(name).released.is_none(), "{name} kept");
        }
        for name in ["god.toml", "dingler.toml"] {
            assert!(file(name).text.is_empty(), "{name} let go");
            assert!(file(name).released.is_some(), "{name} let go");
        }
        // The findings are those of the plan with every text kept.
        let kept = load_plan_keeping(root, Keep::ALL).unwrap();
        assert_eq!(crate::check::check(&plan), crate::check::check(&kept));
        // A kept text is the one parsed, even after the file changed on disk.
        fs::write(root.join("brudt.toml"), "title = \"Rettet\"\n").unwrap();
        assert_eq!(file("brudt.toml").source().as_deref(), Some(broken));
    }

    /// `load_plan` reads and parses in one pass; it must give exactly the plan that reading
    /// the folder first and parsing it after gives.
    #[test]
    fn loading_in_one_pass_is_reading_then_parsing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("plan.toml"), crate::parse::DEFAULT_MANIFEST).unwrap();
        // Enough files for every core, some broken, some depending on others, a duplicate.
        for n in 0..300 {
            let sub = root.join(format!("q{}", n % 4 + 1));
            fs::create_dir_all(&sub).unwrap();
            let text = match n % 7 {
                0 => format!("title = \"Brudt {n}\nperiod = \"Q1\"\n"),
                1 => format!("title = \"I{n}\"\nperiod = \"Q2\"\ntracks = [\"Hyge\"]\n"),
                _ => format!(
                    "title = \"I{n}\"\nperiod = \"Q{}\"\ntracks = [\"Hygge\", \"alle spor\"]\nlocations = [\"bogbus\"]\ndepends_on = [\"i-{}\"]\n",
                    n % 4 + 1,
                    n / 2
                ),
            };
            fs::write(sub.join(format!("i-{n}.toml")), text).unwrap();
        }
        fs::write(root.join("i-5.toml"), "title = \"Kopi\"\n").unwrap();
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        for dir in [root, shipped.as_path()] {
            let once = load_plan(dir).unwrap();
            let twice = plan_from_folder(dir, read_folder(dir).unwrap());
            assert_eq!(once.files, twice.files);
            assert_eq!(once.initiatives, twice.initiatives);
            assert!(once.all_ids().eq(twice.all_ids()));
            assert_eq!(once.diagnostics, twice.diagnostics);
            assert_eq!(once.unknown_names, twice.unknown_names);
            assert_eq!(once.manifest, twice.manifest);
            assert_eq!(once.has_manifest, twice.has_manifest);
            assert_eq!(once.skipped, twice.skipped);
            assert!(!once.initiatives.is_empty());
        }
    }
}
