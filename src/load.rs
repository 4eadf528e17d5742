//! Reading a plan folder from disk: which files, in which order, and their text.
//! Nothing here interprets TOML; that is `parse`'s job.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One file of the plan folder as read, kept whole for diagnostics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Path relative to the plan folder, with `/` separators (`q2/udearealer.toml`).
    pub relative: String,
    /// How the path is shown to users: the plan folder as given, joined with `relative`.
    pub display: String,
    /// The text with a leading BOM removed and CRLF turned into LF. Empty when `problem` is set.
    pub text: String,
    /// Why the file could not be read as UTF-8 text, with the byte offset of the problem
    /// in `text` (the valid prefix is kept there).
    pub problem: Option<ReadProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadProblem {
    pub message: String,
    pub help: Option<String>,
    /// Byte offset in `text` where the problem is, if it is inside the file.
    pub offset: Option<usize>,
}

impl SourceFile {
    /// A file as the loader would have read it from `bytes`, at `relative` in the plan folder
    /// (shown to users as `relative`). For tests and fuzzing: no disk involved.
    pub fn from_bytes(relative: &str, bytes: &[u8]) -> SourceFile {
        let (text, problem) = decode(bytes);
        SourceFile {
            path: PathBuf::from(relative),
            relative: relative.to_string(),
            display: relative.to_string(),
            text,
            problem,
        }
    }

    /// The id of the initiative in this file: its stem.
    pub fn stem(&self) -> &str {
        let name = self.relative.rsplit('/').next().unwrap_or(&self.relative);
        name.strip_suffix(".toml").unwrap_or(name)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }
}

pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Turns raw bytes into text the way the loader does: BOM dropped, CRLF → LF, and a
/// clear problem for anything that is not UTF-8.
pub fn decode(bytes: &[u8]) -> (String, Option<ReadProblem>) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return (
            String::new(),
            Some(ReadProblem {
                message: "the file is UTF-16, not UTF-8".into(),
                help: Some("save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)".into()),
                offset: None,
            }),
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (normalize_newlines(text), None),
        Err(err) => {
            let valid = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or_default();
            let text = normalize_newlines(valid);
            let offset = text.len();
            (
                text,
                Some(ReadProblem {
                    message: "the file is not valid UTF-8".into(),
                    help: Some(
                        "save it as UTF-8; a Latin-1 (ISO-8859-1) or Windows-1252 file shows æ, ø and å wrongly".into(),
                    ),
                    offset: Some(offset),
                }),
            )
        }
    }
}

/// [`decode`] for bytes the caller owns: a UTF-8 file without a BOM or CR (the usual
/// case) becomes its text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> (String, Option<ReadProblem>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") || bytes.contains(&b'\r') {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => decode(err.as_bytes()),
    }
}

fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    }
}

/// The files of a plan folder: `plan.toml` (if any) and the initiative files, each sorted by
/// relative path. Hidden entries are skipped; symlinks are followed only inside the folder.
#[derive(Debug, Default)]
pub struct Folder {
    pub manifest: Option<SourceFile>,
    pub initiatives: Vec<SourceFile>,
}

/// Reads the folder. Fails only when the folder itself cannot be read; problems with single
/// files end up in their `SourceFile::problem`.
pub fn read_folder(dir: &Path) -> io::Result<Folder> {
    let listing = list_folder(dir)?;
    // Reading is most of the work for a large folder: read on every core, like parsing.
    let read: Vec<Vec<SourceFile>> = on_every_core(&listing.paths, |_, part| {
        part.iter()
            .map(|(path, relative)| read_source(path, relative, &listing.display_root))
            .collect()
    });
    let mut folder = Folder::default();
    folder.initiatives.reserve(read.iter().map(Vec::len).sum());
    for file in read.into_iter().flatten() {
        if file.relative == "plan.toml" {
            folder.manifest = Some(file);
        } else {
            folder.initiatives.push(file);
        }
    }
    Ok(folder)
}

/// The files of a plan folder, not read yet: path on disk and relative path, sorted by the
/// relative path.
struct Listing {
    display_root: String,
    paths: Vec<(PathBuf, String)>,
}

fn list_folder(dir: &Path) -> io::Result<Listing> {
    let meta = fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a folder"));
    }
    let root = fs::canonicalize(dir)?;
    // Read the top level eagerly so that an unreadable folder is an error, not an empty plan.
    fs::read_dir(dir)?;
    let mut paths = Vec::new();
    let mut seen_dirs = HashSet::new();
    seen_dirs.insert(root.clone());
    walk(&root, dir, "", &mut seen_dirs, &mut paths);
    paths.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(Listing {
        display_root: display_root(dir),
        paths,
    })
}

/// Reads one file; a file that cannot be read gets its problem, not an error.
fn read_source(path: &Path, relative: &str, display_root: &str) -> SourceFile {
    let (text, problem) = match fs::read(path) {
        Ok(bytes) => decode_owned(bytes),
        Err(err) => (
            String::new(),
            Some(ReadProblem {
                message: format!("the file could not be read: {}", io_reason(&err)),
                help: None,
                offset: None,
            }),
        ),
    };
    SourceFile {
        display: join_display(display_root, relative),
        path: path.to_path_buf(),
        relative: relative.to_string(),
        text,
        problem,
    }
}

/// Runs `work` on `items` split into one chunk per core (one chunk for a small folder,
/// where starting threads would cost more than it saves); the results in order. `work`
/// gets the offset of its chunk in `items`.
fn on_every_core<T: Sync, R: Send>(items: &[T], work: impl Fn(usize, &[T]) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().div_ceil(64).max(1));
    let chunk = items.len().div_ceil(workers).max(1);
    if workers == 1 {
        return vec![work(0, items)];
    }
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| scope.spawn(move || work(n * chunk, part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a loader thread panicked"))
            .collect()
    })
}

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "not found".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotADirectory => "not a folder".into(),
        io::ErrorKind::IsADirectory => "is a folder".into(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

fn display_root(dir: &Path) -> String {
    let text = dir.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text).to_string();
    if text == "." {
        String::new()
    } else {
        text.trim_end_matches('/').to_string()
    }
}

fn join_display(root: &str, relative: &str) -> String {
    if root.is_empty() {
        relative.to_string()
    } else {
        format!("{root}/{relative}")
    }
}

fn walk(
    root: &Path,
    dir: &Path,
    prefix: &str,
    seen_dirs: &mut HashSet<PathBuf>,
    out: &mut Vec<(PathBuf, String)>,
) {
    // A sub-folder that cannot be listed is skipped; its files cannot be reported on.
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = format!("{prefix}{name}");
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        let (is_dir, is_file) = if file_type.is_symlink() {
            // Follow a link only when its target stays inside the plan folder.
            match fs::canonicalize(&path) {
                Ok(target) if target.starts_with(root) => (target.is_dir(), target.is_file()),
                _ => continue,
            }
        } else {
            (file_type.is_dir(), file_type.is_file())
        };
        if is_dir {
            let Ok(canonical) = fs::canonicalize(&path) else {
                continue;
            };
            if seen_dirs.insert(canonical) {
                walk(root, &path, &format!("{relative}/"), seen_dirs, out);
            }
        } else if is_file && name.ends_with(".toml") {
            out.push((path, relative));
        }
    }
}

/// Reads and parses a whole plan folder. Fails only when the folder cannot be read.
pub fn load_plan(dir: &Path) -> io::Result<crate::model::Plan> {
    // The same plan as `plan_from_folder(dir, read_folder(dir)?)`, but each core reads its
    // share of the files and parses them at once, instead of all files being read before
    // parsing starts.
    let listing = list_folder(dir)?;
    let (manifest, paths): (Vec<_>, Vec<_>) = listing
        .paths
        .into_iter()
        .partition(|(_, relative)| relative == "plan.toml");
    let manifest = manifest
        .first()
        .map(|(path, relative)| read_source(path, relative, &listing.display_root));
    Ok(build_plan(
        dir,
        manifest,
        Files::OnDisk(&paths, &listing.display_root),
    ))
}

/// A source file that is not (yet) on disk, as if read from `dir` at `relative`.
pub fn virtual_source(dir: &Path, relative: &str, text: &str) -> SourceFile {
    SourceFile {
        path: dir.join(relative),
        relative: relative.to_string(),
        display: join_display(&display_root(dir), relative),
        // The same text the loader would see once the file is written.
        text: decode(text.as_bytes()).0,
        problem: None,
    }
}

/// The plan as it would be with some files' text replaced or added (`relative` path →
/// new text; `plan.toml` replaces the manifest). Nothing is read from or written to disk:
/// this is how a change is checked before it is written.
pub fn with_files(plan: &crate::model::Plan, changes: &[(String, String)]) -> crate::model::Plan {
    let mut folder = Folder::default();
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
        } else {
            folder.initiatives.push(source);
        }
    }
    folder
        .initiatives
        .sort_by(|a, b| a.relative.cmp(&b.relative));
    plan_from_folder(&plan.dir, folder)
}

/// Parses the files of a folder into a plan.
pub fn plan_from_folder(dir: &Path, folder: Folder) -> crate::model::Plan {
    build_plan(dir, folder.manifest, Files::Read(folder.initiatives))
}

/// The initiative files of a plan: already read, or still to read.
enum Files<'a> {
    Read(Vec<SourceFile>),
    OnDisk(&'a [(PathBuf, String)], &'a str),
}

fn build_plan(dir: &Path, manifest: Option<SourceFile>, input: Files<'_>) -> crate::model::Plan {
    use crate::diag::Diagnostic;
    use crate::model::{CatalogueIndex, Initiative, Plan};
    use crate::parse;

    let mut diagnostics = Vec::new();
    let has_manifest = manifest.is_some();
    let mut files = Vec::new();
    let manifest = match manifest {
        Some(source) => {
            let manifest = parse::manifest(0, &source, &mut diagnostics);
            files.push(source);
            manifest
        }
        None => parse::default_manifest(),
    };
    let first = files.len();

    // Files are independent until the cross-file rules: parse them on every core.
    let catalogue = &CatalogueIndex::new(&manifest.catalogue);
    let parse_part = |offset: usize, part: &[SourceFile], total: usize| {
        // The first chunk's list gets room for all, so that the others are appended to it
        // without a second copy of every initiative.
        let mut initiatives = Vec::with_capacity(if offset == 0 { total } else { part.len() });
        let mut diags = Vec::new();
        for (i, source) in part.iter().enumerate() {
            if let Some(init) = parse::initiative(first + offset + i, source, catalogue, &mut diags)
            {
                initiatives.push(init);
            }
        }
        (initiatives, diags)
    };
    type Part = (Vec<SourceFile>, (Vec<Initiative>, Vec<Diagnostic>));
    let parts: Vec<Part> = match input {
        Files::Read(sources) => {
            let total = sources.len();
            let parsed = on_every_core(&sources, |offset, part| parse_part(offset, part, total));
            let mut parts: Vec<Part> = parsed.into_iter().map(|p| (Vec::new(), p)).collect();
            match parts.first_mut() {
                Some(part) => part.0 = sources,
                None => parts.push((sources, (Vec::new(), Vec::new()))),
            }
            parts
        }
        Files::OnDisk(paths, display_root) => {
            let total = paths.len();
            on_every_core(paths, |offset, part| {
                let sources: Vec<SourceFile> = part
                    .iter()
                    .map(|(path, relative)| read_source(path, relative, display_root))
                    .collect();
                let parsed = parse_part(offset, &sources, total);
                (sources, parsed)
            })
        }
    };
    files.reserve(parts.iter().map(|p| p.0.len()).sum());
    let mut initiatives = Vec::new();
    for (sources, (inits, diags)) in parts {
        files.extend(sources);
        if initiatives.is_empty() {
            initiatives = inits;
        } else {
            initiatives.extend(inits);
        }
        diagnostics.extend(diags);
    }
    let all_ids: Vec<String> = files[first..]
        .iter()
        .map(|f| f.stem().to_string())
        .collect();
    // With duplicate ids, the first file (by path) is the one the plan uses. A file whose
    // name is not a valid id (a stray `udearealer (kopi).toml`) counts toward nothing:
    // not minimums, not status, not the report; its findings are still reported.
    let mut seen = HashSet::with_capacity(initiatives.len());
    initiatives.retain(|i| parse::is_valid_id(&i.id) && seen.insert(i.id.clone()));
    drop(seen);
    // Ids are unique now, so an unstable sort gives the same order, without the stable
    // sort's scratch copy of every initiative.
    initiatives.sort_unstable_by(|a, b| (a.period, &a.id).cmp(&(b.period, &b.id)));
    Plan {
        dir: dir.to_path_buf(),
        manifest,
        has_manifest,
        files,
        initiatives,
        all_ids,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(once.all_ids, twice.all_ids);
            assert_eq!(once.diagnostics, twice.diagnostics);
            assert_eq!(once.manifest, twice.manifest);
            assert_eq!(once.has_manifest, twice.has_manifest);
            assert!(!once.initiatives.is_empty());
        }
    }

    #[test]
    fn decode_drops_bom_and_crlf() {
        let (text, problem) = decode(b"\xEF\xBB\xBFtitle = \"a\"\r\nperiod = \"Q1\"\r\n");
        assert_eq!(text, "title = \"a\"\nperiod = \"Q1\"\n");
        assert!(problem.is_none());
    }

    #[test]
    fn decode_reports_latin1_with_its_position() {
        let (text, problem) = decode(b"title = \"K\xf8ge\"\n");
        let problem = problem.unwrap();
        assert_eq!(problem.offset, Some(10));
        assert_eq!(text, "title = \"K");
        assert!(problem.message.contains("UTF-8"));
    }

    #[test]
    fn decode_names_utf16() {
        let (_, problem) = decode(b"\xFF\xFEt\0i\0");
        assert!(problem.unwrap().message.contains("UTF-16"));
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\nø = \"å\"\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // `"` after "ø = " is the fifth character of line 2, though byte 11.
        assert_eq!(line_col(text, 11), (2, 5));
    }
}
