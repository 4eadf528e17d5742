//! What the office formats (xlsx, docx) and the calendar share: the few words they need that
//! the other formats do not (sheet names, a date column's heading, the calendar's event
//! titles), the rule that a binary file never goes to a terminal, and the temporary file an
//! xlsx or docx file is made in.
//!
//! The words are a small table of their own, in Danish and English, so that this file does
//! not depend on the shape of `crate::i18n` (which is being rewritten); they belong there in
//! the end.

use std::io::{self, IsTerminal, Read, Seek, SeekFrom, Write};

use tempfile::SpooledTempFile;

use crate::cli::Lang;
use crate::error::Failure;
use crate::load::io_reason;

/// The words of the office formats and the calendar, in one language.
#[derive(Debug)]
pub struct OfficeWords {
    /// The summary sheet of the xlsx memo: "Sammenfatning" / "Summary".
    pub sheet_summary: &'static str,
    /// The one sheet of `plan list --format xlsx`: "Indsatser" / "Initiatives".
    pub sheet_list: &'static str,
    /// The tracks sheet: "Spor" / "Tracks".
    pub sheet_tracks: &'static str,
    /// The preview sheet: "Næste kvartal" / "Next quarter".
    pub sheet_next: &'static str,
    /// After Q4 the preview lists follow-ups: "Opfølgning" / "Follow-up".
    pub sheet_follow_up: &'static str,
    /// Column: the date an initiative has been late since.
    pub col_late_since: &'static str,
    /// Column: whether a track meets the minimum ("opfyldt" / "mangler 1").
    pub col_met: &'static str,
    /// Calendar: "Frist: Udearealer" / "Deadline: Udearealer", given the title.
    pub event_deadline: fn(&str) -> String,
    /// Calendar: "2. kvartal 2017 slutter" / "End of Q2 2017", given the quarter as written.
    pub event_quarter_end: fn(&str) -> String,
    /// Calendar: the description line naming the initiative's id: "Indsats: udearealer".
    pub event_initiative: fn(&str) -> String,
    /// Calendar: "Periode: 2. kvartal", given the period as written.
    pub event_period: fn(&str) -> String,
}

/// Danish.
pub const DA: OfficeWords = OfficeWords {
    sheet_summary: "Sammenfatning",
    sheet_list: "Indsatser",
    sheet_tracks: "Spor",
    sheet_next: "Næste kvartal",
    sheet_follow_up: "Opfølgning",
    col_late_since: "Forsinket siden",
    col_met: "Minimum nået",
    event_deadline: |title| format!("Frist: {title}"),
    event_quarter_end: |period| format!("{period} slutter"),
    event_initiative: |id| format!("Indsats: {id}"),
    event_period: |period| format!("Periode: {period}"),
};

/// English.
pub const EN: OfficeWords = OfficeWords {
    sheet_summary: "Summary",
    sheet_list: "Initiatives",
    sheet_tracks: "Tracks",
    sheet_next: "Next quarter",
    sheet_follow_up: "Follow-up",
    col_late_since: "Late since",
    col_met: "Minimum met",
    event_deadline: |title| format!("Deadline: {title}"),
    event_quarter_end: |period| format!("End of {period}"),
    event_initiative: |id| format!("Initiative: {id}"),
    event_period: |period| format!("Period: {period}"),
};

/// The office words of `lang`.
pub fn office_words(lang: Lang) -> &'static OfficeWords {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

/// Refuses to write a binary format (`name`: "xlsx", "docx") to standard output when that is
/// a terminal: the bytes would garble it. A usage error (exit 2) that says what to do instead.
pub fn refuse_binary_on_terminal(name: &str, stdout_is_terminal: bool) -> Result<(), Failure> {
    if stdout_is_terminal {
        Err(Failure::usage(format!(
            "{name} is a binary format and standard output is a terminal"
        ))
        .with_help(format!(
            "write it to a file with -o FILE.{name}, or redirect standard output (> FILE.{name})"
        )))
    } else {
        Ok(())
    }
}

/// Whether this process's standard output is a terminal.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// How many bytes are kept in memory before they go to a file in the temporary folder.
pub(crate) const IN_MEMORY: usize = 1 << 20;

/// A file made and read back by `plan` itself (a workbook's rows, the Word memo): in memory
/// up to a limit ([`IN_MEMORY`] unless said), then in the system's temporary folder (`TMPDIR`
/// on Unix). Its errors say which folder failed and how to choose another: without that, a
/// missing or full temporary folder reads as a problem of the file being written.
pub struct Temporary(SpooledTempFile);

impl Default for Temporary {
    fn default() -> Temporary {
        Temporary::new()
    }
}

impl Temporary {
    /// In memory up to [`IN_MEMORY`] bytes.
    pub fn new() -> Temporary {
        Temporary::in_memory_up_to(IN_MEMORY)
    }

    /// In memory up to `limit` bytes.
    pub fn in_memory_up_to(limit: usize) -> Temporary {
        Temporary(SpooledTempFile::new(limit))
    }

    /// Everything written, read from the start.
    pub fn into_bytes(mut self) -> io::Result<Vec<u8>> {
        let len = self.seek(SeekFrom::End(0))?;
        self.seek(SeekFrom::Start(0))?;
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        self.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

/// `err` of the temporary file, said as one.
fn temporary_error(err: io::Error) -> io::Error {
    // Of kind `Other`, so that the message is said as it is, not only the kind's words.
    io::Error::other(format!(
        "cannot use a temporary file in `{}` ({}); set TMPDIR to a folder that can be written",
        std::env::temp_dir().display(),
        io_reason(&err)
    ))
}

impl Write for Temporary {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(temporary_error)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(temporary_error)
    }
}

impl Read for Temporary {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(temporary_error)
    }
}

impl Seek for Temporary {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.0.seek(pos).map_err(temporary_error)
    }
}

/// A Word document's core properties (`docProps/core.xml`, ECMA-376 Part 2, §11), as
/// File ▸ Info shows them: `title`, the language (`da-DK`, `en-GB`), and created and
/// modified on `date` (the memo's as-of date, as the workbooks are dated). docx-rs writes
/// the author "unknown", 1 January 1970 and no title or language, and has no setting for
/// the title or the language. (Word's speller reads the language of the styles:
/// [`docx_styles_in`].)
pub fn docx_core_properties(title: &str, lang: Lang, date: chrono::NaiveDate) -> String {
    let title = crate::render::check::junit::xml(title);
    let language = word_language(lang);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:language>{language}</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = title,
        language = language,
        date = date
    )
}

/// `styles` (docx-rs's `word/styles.xml`) with `lang` in the document's run defaults
/// (`<w:lang>`, ECMA-376 Part 1, §17.3.2.20), so that Word checks the spelling of a Danish
/// memo in Danish whatever its own editing language; docx-rs has no setting for it. As it
/// was when its run defaults are not where docx-rs writes them.
pub fn docx_styles_in(styles: &[u8], lang: Lang) -> Vec<u8> {
    let find = |part: &[u8]| styles.windows(part.len()).position(|w| w == part);
    let tag = format!("<w:lang w:val=\"{}\" />", word_language(lang));
    // Run defaults with properties (a size, fonts), or none (`<w:rPr />`).
    if let Some(at) = find(b"</w:rPr></w:rPrDefault>") {
        return [&styles[..at], tag.as_bytes(), &styles[at..]].concat();
    }
    const EMPTY: &[u8] = b"<w:rPrDefault><w:rPr /></w:rPrDefault>";
    if let Some(at) = find(EMPTY) {
        let filled = format!("<w:rPrDefault><w:rPr>{tag}</w:rPr></w:rPrDefault>");
        return [
            &styles[..at],
            filled.as_bytes(),
            &styles[at + EMPTY.len()..],
        ]
        .concat();
    }
    styles.to_vec()
}

/// A language as Word names it: `da-DK`, `en-GB`.
fn word_language(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da-DK",
        Lang::En => "en-GB",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_output_is_refused_on_a_terminal_only() {
        let failure = refuse_binary_on_terminal("xlsx", true).unwrap_err();
        assert_eq!(failure.code, crate::error::EXIT_USAGE);
        assert!(failure.message.contains("xlsx is a binary format"));
        assert!(failure.help.unwrap().contains("-o FILE.xlsx"));
        assert!(refuse_binary_on_terminal("docx", false).is_ok());
    }

    #[test]
    fn sheet_names_fit_excel() {
        // Excel allows 31 characters and none of []:*?/\ in a sheet name.
        for w in [&DA, &EN] {
            for name in [
                w.sheet_summary,
                w.sheet_list,
                w.sheet_tracks,
                w.sheet_next,
                w.sheet_follow_up,
            ] {
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }
}
