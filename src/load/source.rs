//! One file's text as read (decoded by [`super::encoding`]), how its path is shown, and
//! line/column of a byte offset. The model and the parser use these; this file imports
//! nothing from the crate outside `load/`.

use std::borrow::Cow;
use std::fs::{File, FileType, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::encoding::decode;
/// Kept at their old paths (`load::source::ReadProblem`, `load::source::decode_owned`) for
/// the walk and the per-file rules; they live in [`super::encoding`].
pub use super::encoding::{decode_owned, ReadProblem};

/// One file of the plan folder as read. Its text is kept whole for diagnostics, unless it
/// was let go after parsing ([`SourceFile::release`]): then it is read again from disk
/// when a finding needs its lines ([`SourceFile::source`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The plan folder it is in (shared by every file of the folder): where it is on disk
    /// is [`SourceFile::path`], how it is shown [`SourceFile::display`].
    pub root: Arc<Root>,
    /// Path relative to the plan folder, with `/` separators (`q2/udearealer.toml`).
    pub relative: String,
    /// The text with a leading BOM removed and CRLF turned into LF. Empty when `problem` is set.
    pub text: String,
    /// Why the file could not be read as UTF-8 text, with the byte offset of the problem
    /// in `text` (the valid prefix is kept there). Boxed: most files have none.
    pub problem: Option<Box<ReadProblem>>,
    /// Set when `text` was let go after parsing: what it was, to recognise it when read again.
    pub released: Option<Released>,
    /// The text read again from disk, once, after `release` (None: the file is gone or
    /// changed since it was parsed).
    pub reread: OnceLock<Option<String>>,
    /// Where each line of `text` starts, computed on the first [`SourceFile::line_col`] (so
    /// that N findings in one file cost N binary searches, not N scans from byte 0). Set it
    /// to `LineIndex::default()` whenever `text` changes.
    pub lines: LineIndex,
}

/// A plan folder as its files are found and shown: one for all of its files, so that no file
/// keeps a copy of the folder's path.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Root {
    /// The folder on disk, as given (a file's path is this joined with its relative path).
    pub dir: PathBuf,
    /// How the folder is shown in paths ([`display_root`]): as given, without `./` or a
    /// trailing `/`; empty for the current folder.
    pub display: String,
}

impl Root {
    /// The folder `dir`, shown as given.
    pub fn new(dir: &Path) -> Arc<Root> {
        Arc::new(Root {
            dir: dir.to_path_buf(),
            display: display_root(dir),
        })
    }

    /// Where the file at `relative` (a path relative to the folder, `/`-separated) is on
    /// disk: the folder as given joined with it.
    pub fn path_of(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }
}

/// The length (bytes) and [`fingerprint`] of a text that was let go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Released {
    pub len: usize,
    pub fingerprint: u64,
}

/// A 64-bit fingerprint of a text, to tell whether a file read again is the file that was
/// parsed (not a cryptographic hash: it guards against edits, not against an adversary).
pub fn fingerprint(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = text.as_bytes();
    let mut hash = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        hash = (hash.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    hash
}

/// The byte offsets at which the lines of a text start, computed once on first use.
/// Compares equal to every other index: it is a cache of the text, not part of the file.
#[derive(Clone, Debug, Default)]
pub struct LineIndex(OnceLock<Vec<usize>>);

impl PartialEq for LineIndex {
    fn eq(&self, _: &LineIndex) -> bool {
        true
    }
}
impl Eq for LineIndex {}

impl LineIndex {
    /// The start offsets of `text`'s lines (the first is 0), computed on the first call.
    fn starts(&self, text: &str) -> &[usize] {
        self.0.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and column (in characters) of byte `offset` of `text`: a binary search
    /// for the line, then a count of the characters before `offset` on it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = char_boundary(text, offset);
        let starts = self.starts(text);
        let line = starts.partition_point(|&start| start <= offset);
        let start = starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

/// `offset` moved down to a character boundary of `text` (and at most its length).
fn char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl SourceFile {
    /// A file as the loader would have read it from `bytes`, at `relative` in the plan folder
    /// (shown to users as `relative`). For tests and fuzzing: no disk involved.
    pub fn from_bytes(relative: &str, bytes: &[u8]) -> SourceFile {
        let (text, problem) = decode(bytes);
        SourceFile {
            root: Arc::default(),
            relative: relative.to_string(),
            text,
            problem: problem.map(Box::new),
            released: None,
            reread: OnceLock::new(),
            lines: LineIndex::default(),
        }
    }

    /// Lets the text go (a reading command keeps only what the rules and the output need),
    /// remembering its length and fingerprint. A file with a read problem keeps its text.
    pub fn release(&mut self) {
        if self.problem.is_some() || self.released.is_some() {
            return;
        }
        self.released = Some(Released {
            len: self.text.len(),
            fingerprint: fingerprint(&self.text),
        });
        self.text = String::new();
    }

    /// The text as parsed: kept, or read again from disk after [`release`](Self::release).
    /// None when the file changed (or went) since it was parsed, so that no finding is shown
    /// on lines it was not found on.
    pub fn source(&self) -> Option<Cow<'_, str>> {
        let Some(released) = self.released else {
            return Some(Cow::Borrowed(&self.text));
        };
        self.reread
            .get_or_init(|| {
                let (text, problem) = decode_owned(read_regular(&self.path()).ok()?);
                let same = problem.is_none()
                    && text.len() == released.len
                    && fingerprint(&text) == released.fingerprint;
                same.then_some(text)
            })
            .as_deref()
            .map(Cow::Borrowed)
    }

    /// Where it is on disk: the plan folder joined with the relative path.
    pub fn path(&self) -> PathBuf {
        self.root.path_of(&self.relative)
    }

    /// How its path is shown to users: the plan folder as given, joined with the relative
    /// path (`plans/q2/udearealer.toml`).
    pub fn display(&self) -> String {
        join_display(&self.root.display, &self.relative)
    }

    /// The id of the initiative in this file: its stem.
    pub fn stem(&self) -> &str {
        // A short backward walk to the last `/` (an ASCII byte, so a character boundary):
        // called for every file by several rules, it costs less than a general search.
        let bytes = self.relative.as_bytes();
        let mut start = bytes.len();
        while start > 0 && bytes[start - 1] != b'/' {
            start -= 1;
        }
        let name = &self.relative[start..];
        name.strip_suffix(".toml").unwrap_or(name)
    }

    /// 1-based line and column (in characters) of a byte offset, through the file's
    /// [`LineIndex`] (one scan of the text per file, then a binary search per call); None
    /// when the text was let go and the file has changed since (see [`source`](Self::source)).
    pub fn line_col(&self, offset: usize) -> Option<(usize, usize)> {
        self.source().map(|text| self.lines.line_col(&text, offset))
    }
}

/// 1-based line and column (in characters) of a byte offset of `text`, scanning it: for one
/// lookup. For many in one file, use [`SourceFile::line_col`].
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = char_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "not found".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotADirectory => "not a folder".into(),
        io::ErrorKind::IsADirectory => "is a folder".into(),
        io::ErrorKind::StorageFull => "no space left on the device".into(),
        io::ErrorKind::QuotaExceeded => "the disk quota is used up".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        io::ErrorKind::BrokenPipe => "the reader has gone (closed pipe)".into(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// How the plan folder is shown in paths: as given, without `./` or a trailing `/`.
pub(crate) fn display_root(dir: &Path) -> String {
    let text = dir.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text).to_string();
    if text == "." {
        String::new()
    } else {
        text.trim_end_matches('/').to_string()
    }
}

pub(crate) fn join_display(root: &str, relative: &str) -> String {
    if root.is_empty() {
        relative.to_string()
    } else {
        format!("{root}/{relative}")
    }
}

/// Opens `path` for reading without blocking (a named pipe put in place of a file would
/// otherwise wait for a writer forever) and checks, on the opened handle, that it is a
/// regular file; anything else is an error naming what it is. With the file, its size.
fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NOCTTY: a terminal device opened here must not become the controlling terminal.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    let file_type = metadata.file_type();
    if !file_type.is_file() {
        return Err(io::Error::other(format!("it is {}", what_it_is(file_type))));
    }
    Ok((file, metadata.len()))
}

/// What a file that is not a regular file is, for a message (`a named pipe (FIFO)`).
pub(crate) fn what_it_is(file_type: FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO), not a file";
        }
        if file_type.is_char_device() {
            return "a character device, not a file";
        }
        if file_type.is_block_device() {
            return "a block device, not a file";
        }
        if file_type.is_socket() {
            return "a socket, not a file";
        }
    }
    "not a regular file"
}

/// The bytes of the regular file at `path` ([`open_regular`]), read in one go.
pub(crate) fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let (file, size) = open_regular(path)?;
    // Room for the whole file (and the probe for its end): one read, no regrowing.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // Through `Take`, not `File`'s own `read_to_end`, which asks the system for the size
    // and position again (two calls more per file: 200,000 at 100,000 files). A file that
    // grew since is still read to its end. Without a size hint, std reads at most 8 KiB at
    // first, then twice as much each time: a file above 8 KiB (rare: a long history) takes
    // a few reads more.
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A source file that is not (yet) on disk, as if read from `dir` at `relative`.
pub fn virtual_source(dir: &Path, relative: &str, text: &str) -> SourceFile {
    SourceFile {
        root: Root::new(dir),
        relative: relative.to_string(),
        // The same text the loader would see once the file is written.
        text: decode(text.as_bytes()).0,
        problem: None,
        released: None,
        reread: OnceLock::new(),
        lines: LineIndex::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text let go is read again for a finding, and only if the file is still the one
    /// that was parsed: same length and fingerprint.
    #[test]
    fn a_released_text_is_read_again_unless_the_file_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        let text = "title = \"Læsekreds\"\r\nperiod = \"Q1\"\r\n";
        std::fs::write(&path, text).unwrap();
        let root = Arc::new(Root {
            dir: dir.path().to_path_buf(),
            display: "plans".into(),
        });
        // The file at `path`: `a.toml` in the folder.
        let read = || crate::load::walk::read_source("a.toml".into(), &root);
        let kept = read();
        let mut released = read();
        released.release();
        assert!(released.text.is_empty());
        assert_eq!(released.source().unwrap(), kept.text);
        assert_eq!(released.line_col(21), kept.line_col(21));
        assert_eq!(released.line_col(21), Some((2, 1)));

        // Changed since: one letter, then one line more.
        for changed in ["title = \"Laesekreds\"\nperiod = \"Q1\"\n", "x = 1\n"] {
            let mut released = read();
            released.release();
            std::fs::write(&path, changed).unwrap();
            assert_eq!(released.source(), None);
            assert_eq!(released.line_col(3), None);
            std::fs::write(&path, text).unwrap();
        }
        // Gone since.
        let mut released = read();
        released.release();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(released.source(), None);
        // A text with a read problem is kept.
        let mut broken = SourceFile::from_bytes("b.toml", b"title = \"K\xf8ge\"\n");
        broken.release();
        assert_eq!(broken.text, "title = \"K");
        assert_eq!(fingerprint("ab"), fingerprint("ab"));
        assert_ne!(fingerprint("ab"), fingerprint("ba"));
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\nø = \"å\"\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // `"` after "ø = " is the fifth character of line 2, though byte 11.
        assert_eq!(line_col(text, 11), (2, 5));
    }

    #[test]
    fn the_line_index_agrees_with_the_scan_at_every_offset() {
        let text = "a = 1\nø = \"å\"\n\n[[log]]\ntext = \"x\"";
        let file = SourceFile::from_bytes("x.toml", text.as_bytes());
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                file.line_col(offset),
                Some(line_col(text, offset)),
                "at {offset}"
            );
        }
    }
}
