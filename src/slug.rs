//! Ids from titles: `Styrkelse af skolesamarbejdet i Åben Skole` → `styrkelse-af-skolesamarbejdet-i-aaben-skole`.

/// A readable ASCII id: æ→ae, ø→oe, å→aa, other letters folded to ASCII, anything else a
/// single `-`; at most 64 characters, cut at a word boundary where possible.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
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
    if slug.len() > 64 {
        let cut = slug[..65].rfind('-').filter(|&i| i >= 32).unwrap_or(64);
        slug.truncate(cut);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    slug
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
    fn long_titles_are_cut_at_a_word() {
        let slug = slugify("Udvikling og test af prototyper til bibliotekskoncepter for medborgerskab og samskabelse");
        assert!(slug.len() <= 64, "{slug}");
        assert!(!slug.ends_with('-'));
        assert!(is_valid_id(&slug));
    }
}
