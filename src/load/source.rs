//! One file's text as read (decoded by [`super::encoding`]), how its path is shown, and
//! line/column of a byte offset. The model and the parser use these; this file imports
//! nothing from the crate outside `load/`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::encoding::decode;
/// Kept at their old paths (`load::source::ReadProblem`, `load::source::decode_owned`) for
/// the walk and the per-file rules; they live in [`super::encoding`].
pub use super::encoding::{decode_owned, ReadProblem};

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
    /// Where each line of `text` starts, computed on the first [`SourceFile::line_col`] (so
    /// that N findings in one file cost N binary searches, not N scans from byte 0). Set it
    /// to `LineIndex::default()` whenever `text` changes.
    pub lines: LineIndex,
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
            path: PathBuf::from(relative),
            relative: relative.to_string(),
            display: relative.to_string(),
            text,
            problem,
            lines: LineIndex::default(),
        }
    }

    /// The id of the initiative in this file: its stem.
    pub fn stem(&self) -> &str {
        let name = self.relative.rsplit('/').next().unwrap_or(&self.relative);
        name.strip_suffix(".toml").unwrap_or(name)
    }

    /// 1-based line and column (in characters) of a byte offset, through the file's
    /// [`LineIndex`] (one scan of the text per file, then a binary search per call).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
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

/// A source file that is not (yet) on disk, as if read from `dir` at `relative`.
pub fn virtual_source(dir: &Path, relative: &str, text: &str) -> SourceFile {
    SourceFile {
        path: dir.join(relative),
        relative: relative.to_string(),
        display: join_display(&display_root(dir), relative),
        // The same text the loader would see once the file is written.
        text: decode(text.as_bytes()).0,
        problem: None,
        lines: LineIndex::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(file.line_col(offset), line_col(text, offset), "at {offset}");
        }
    }
}
