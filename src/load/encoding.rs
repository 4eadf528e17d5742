//! Bytes into text: which encoding a text file is in (UTF-8, UTF-16, Windows-1252, as far as
//! `plan` tells them apart), decoding it (BOM dropped, CRLF → LF), and the problem reported
//! when it cannot be read as text. Imports nothing from the crate.

/// Why a file's bytes could not be read as text, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadProblem {
    /// What is wrong, in one line.
    pub message: String,
    /// What to do, when there is something to say.
    pub help: Option<String>,
    /// Byte offset in `text` where the problem is, if it is inside the file.
    pub offset: Option<usize>,
    /// The file could not be read at all (permission denied, not a regular file): the
    /// `unreadable` rule; otherwise its bytes are not UTF-8 text: the `syntax` rule.
    pub cannot_read: bool,
}

/// What a text file's bytes are, as far as `plan` tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 with a byte-order mark (little- or big-endian), as Notepad's "Unicode" saves.
    Utf16,
    /// Windows-1252 ("ANSI" on Western European Windows): what Word's "Plain text" and
    /// Notepad save by default on Danish Windows. ISO-8859-1 (Latin-1) text is read the same.
    Windows1252,
    /// None of these: another code page (DOS 865, Mac Roman), binary, or UTF-16 without a
    /// byte-order mark.
    Unknown,
}

impl Encoding {
    /// The name users know it by, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Windows1252 => "Windows-1252 (ANSI)",
            Encoding::Unknown => "an unknown encoding",
        }
    }
}

/// Bytes Windows-1252 leaves undefined: text that has them is not Windows-1252.
const UNDEFINED_IN_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// Which encoding `bytes` are in: a BOM decides; else UTF-8 if they are valid UTF-8; else
/// Windows-1252 if they read as Western European text in it: no byte that Windows-1252
/// leaves undefined, no control character but tab, line ends, form feed and vertical tab
/// (a NUL says UTF-16 without a BOM, or binary), and no byte of 0x80–0x9F (Windows-1252's
/// punctuation: `€ ‚ „ … † ‰ ‹ ‘ “ ” – —` …) between two letters, which is how a DOS or Mac
/// code page writes æ, ø and å (DOS 865: `f‘lles` for "fælles"), except the apostrophe `’`
/// (0x92).
pub fn detect(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Encoding::Utf16;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(body).is_ok() {
        return Encoding::Utf8;
    }
    // Word writes a page break as a form feed and a manual line break as a vertical tab.
    let control =
        |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) || b == 0x7F;
    let letter = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0xC0);
    let inside_a_word = bytes.iter().enumerate().any(|(i, &b)| {
        (0x80..=0x9F).contains(&b)
            && b != 0x92
            && i > 0
            && letter(bytes.get(i - 1))
            && letter(bytes.get(i + 1))
    });
    if bytes
        .iter()
        .any(|&b| UNDEFINED_IN_1252.contains(&b) || control(b))
        || inside_a_word
    {
        return Encoding::Unknown;
    }
    Encoding::Windows1252
}

/// Turns raw bytes into text the way the loader does: BOM dropped, CRLF → LF, and a
/// clear problem for anything that is not UTF-8, naming the encoding it is in when that is
/// UTF-16 or Windows-1252 (see [`detect`]). Plan files are refused, not converted: the
/// writing commands write them back, and must not change their encoding unasked.
pub fn decode(bytes: &[u8]) -> (String, Option<ReadProblem>) {
    match detect(bytes) {
        Encoding::Utf16 => (
            String::new(),
            Some(ReadProblem {
                message: "the file is UTF-16, not UTF-8".into(),
                help: Some("save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)".into()),
                offset: None,
                cannot_read: false,
            }),
        ),
        encoding => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(text) => (normalize_newlines(text), None),
                Err(err) => {
                    let valid =
                        std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or_default();
                    let text = normalize_newlines(valid);
                    let offset = text.len();
                    (text, Some(not_utf8(encoding, Some(offset))))
                }
            }
        }
    }
}

/// Why bytes in `encoding` (not UTF-8) are not read, and what to do.
fn not_utf8(encoding: Encoding, offset: Option<usize>) -> ReadProblem {
    match encoding {
        Encoding::Windows1252 => ReadProblem {
            message: "the file is not UTF-8: it looks like Windows-1252 (ANSI), as Notepad and Word save text on Danish Windows".into(),
            help: Some("save it as UTF-8 (Notepad: Save as → Encoding: UTF-8; Word: Save as → Plain text → Other encoding → Unicode (UTF-8)), or convert it: iconv -f WINDOWS-1252 -t UTF-8".into()),
            offset,
            cannot_read: false,
        },
        _ => ReadProblem {
            message: "the file is not valid UTF-8, nor Windows-1252 text".into(),
            help: Some("save it as UTF-8; a file from DOS or an old Mac, or a UTF-16 file without a byte-order mark, shows æ, ø and å wrongly".into()),
            offset,
            cannot_read: false,
        },
    }
}

/// A text file that is read once and not written back (the memo of `plan import`): UTF-8
/// as [`decode`] reads it, and also UTF-16 with a byte-order mark and Windows-1252 (see
/// [`detect`]), decoded with `encoding_rs`. Returns the text, the encoding it was decoded
/// from when that was not UTF-8 (for the caller to say so), or the problem for bytes in
/// none of these.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Option<Encoding>), ReadProblem> {
    let encoding = detect(bytes);
    let decoded = match encoding {
        Encoding::Utf8 => {
            let (text, problem) = decode(bytes);
            return match problem {
                None => Ok((text, None)),
                Some(problem) => Err(problem),
            };
        }
        Encoding::Utf16 => {
            let (text, _, malformed) = encoding_rs::UTF_16LE.decode(bytes);
            if malformed {
                return Err(ReadProblem {
                    message: "the file begins as UTF-16 but is not valid UTF-16".into(),
                    help: Some("save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)".into()),
                    offset: None,
                    cannot_read: false,
                });
            }
            text
        }
        Encoding::Windows1252 => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
        Encoding::Unknown => return Err(not_utf8(encoding, None)),
    };
    let text = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);
    Ok((normalize_newlines(text), Some(encoding)))
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn windows_1252_is_named_and_refused_in_plan_files_but_decoded_for_a_memo() {
        let bytes = b"title = \"F\xe6lles \x96 \x93k\xf8ge\x94 \x80 Word\x92s\"\n";
        assert_eq!(detect(bytes), Encoding::Windows1252);
        let (_, problem) = decode(bytes);
        let problem = problem.unwrap();
        assert!(
            problem.message.contains("Windows-1252"),
            "{}",
            problem.message
        );
        assert_eq!(problem.offset, Some(10));
        let (text, from) = decode_text(bytes).unwrap();
        assert_eq!(text, "title = \"Fælles – “køge” € Word’s\"\n");
        assert_eq!(from, Some(Encoding::Windows1252));
    }

    #[test]
    fn other_encodings_are_refused_everywhere() {
        // DOS 865: "fælles" and "København" (æ = 0x91, ø = 0x9B between letters).
        for bytes in [
            &b"f\x91lles K\x9Bbenhavn"[..],
            b"undefined \x81 byte",
            b"\xe6 with a NUL\0",
            b"t\0i\0t\0l\0e\0 \0\xe6\0",
        ] {
            assert_eq!(detect(bytes), Encoding::Unknown, "{bytes:?}");
            assert!(decode_text(bytes).is_err());
            let problem = decode(bytes).1.unwrap();
            assert!(
                problem.message.contains("nor Windows-1252"),
                "{}",
                problem.message
            );
        }
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_for_a_memo() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Tidsplan\tIndsats\r\nÅ".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode_text(&bytes).unwrap(),
            ("Tidsplan\tIndsats\nÅ".to_string(), Some(Encoding::Utf16))
        );
        let mut be = vec![0xFE, 0xFF];
        for unit in "Viby".encode_utf16() {
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode_text(&be).unwrap().0, "Viby");
        assert_eq!(
            decode_text("æ".as_bytes()).unwrap(),
            ("æ".to_string(), None)
        );
    }

    #[test]
    fn decode_names_utf16() {
        let (_, problem) = decode(b"\xFF\xFEt\0i\0");
        assert!(problem.unwrap().message.contains("UTF-16"));
    }
}
