//! Ids from titles: `Styrkelse af skolesamarbejdet i Åben Skole` → `styrkelse-af-skolesamarbejdet-i-aaben-skole`.

use unicode_normalization::UnicodeNormalization;

/// Names Windows reserves for devices, whatever the extension: a file `con.toml` cannot be
/// made or opened there. Source: Microsoft, "Naming Files, Paths, and Namespaces".
pub const RESERVED_NAMES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether `id` is a device name Windows reserves (`con`, `prn`, `aux`, `nul`, `com1`–`com9`,
/// `lpt1`–`lpt9`, any case): `id.toml` could not be a file there.
pub fn is_reserved(id: &str) -> bool {
    RESERVED_NAMES.iter().any(|r| r.eq_ignore_ascii_case(id))
}

/// The id suggested for a name that is not one (a `--id`, a file name): its [`slugify`], with
/// `-2` after a name Windows reserves (`Con.toml`, `--id "nul "` and `--id COM1` give
/// `con-2`, `nul-2`, `com1-2`), so that a suggestion is always an id `plan` accepts.
/// Empty when the name has no letter or digit.
pub fn suggested_id(name: &str) -> String {
    let slug = slugify(name);
    if is_reserved(&slug) {
        format!("{slug}-2")
    } else {
        slug
    }
}

/// A readable ASCII id: the title normalised first (NFKC: a decomposed `å` is `å`, `ﬁ` is
/// `fi`, a fullwidth `Ａ` is `A`), then æ→ae, ø→oe, å→aa, other letters folded to ASCII,
/// anything else a single `-`; at most 64 characters, cut at a word boundary where possible.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for c in title.nfkc().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            'æ' => "ae",
            'ø' | 'œ' => "oe",
            'å' => "aa",
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'ā' => "a",
            'ç' | 'č' | 'ć' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' | 'ń' => "n",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ý' | 'ÿ' => "y",
            'š' | 'ś' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ł' => "l",
            'ð' => "d",
            'þ' => "th",
            _ => "-",
        };
        out.push_str(folded);
    }
    let mut slug = String::with_capacity(out.len());
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(part);
    }
    crate::text::cut_at_word(&slug, 64, '-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::is_valid_id;

    #[test]
    fn danish_letters_and_punctuation() {
        assert_eq!(
            slugify("Styrkelse af skolesamarbejdet – Åben Skole"),
            "styrkelse-af-skolesamarbejdet-aaben-skole"
        );
        assert_eq!(slugify("Mødested & fællesskab!"), "moedested-faellesskab");
        assert_eq!(slugify("Café Zürich"), "cafe-zuerich");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn titles_are_normalised_first() {
        let nfc = "Åben café på Ærø";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(slugify(&nfd), "aaben-cafe-paa-aeroe");
        assert_eq!(slugify(&nfd), slugify(nfc));
        assert_eq!(slugify("ﬁnal ﬂow"), "final-flow");
        assert_eq!(slugify("Ｌæｓｅｋｌｕｂ ２０１７"), "laeseklub-2017");
    }

    #[test]
    fn a_suggested_id_is_never_reserved() {
        assert_eq!(suggested_id("Con"), "con-2");
        assert_eq!(suggested_id("nul "), "nul-2");
        assert_eq!(suggested_id("COM1"), "com1-2");
        assert_eq!(suggested_id("com¹"), "com1-2");
        assert_eq!(suggested_id("Console"), "console");
        assert_eq!(suggested_id("!!!"), "");
    }

    #[test]
    fn windows_device_names_are_reserved() {
        for id in ["con", "PRN", "aux", "nul", "com1", "lpt9", "Com7"] {
            assert!(is_reserved(id), "{id}");
        }
        for id in ["con-1", "console", "com10", "com0", "lpt", "nuller"] {
            assert!(!is_reserved(id), "{id}");
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let slug = slugify("Udvikling og test af prototyper til bibliotekskoncepter for medborgerskab og samskabelse");
        assert!(slug.len() <= 64, "{slug}");
        assert!(!slug.ends_with('-'));
        assert!(is_valid_id(&slug));
    }
}
