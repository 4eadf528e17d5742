//! Stray copies: the names Windows Explorer, macOS Finder and file managers give a copied
//! file (`udearealer (kopi).toml`, `udearealer - Kopi.toml`, `udearealer copy.toml`,
//! `udearealer (1).toml`, `Kopi af udearealer.toml`) are not valid ids, and such a file is
//! usually a copy left behind. [`copy_of`] finds the name it was copied from, so the finding
//! can say so.

/// Endings and beginnings that mark a copy, in lower case; Danish and English.
const SUFFIXES: [&str; 6] = [" (kopi)", " (copy)", " - kopi", " - copy", " kopi", " copy"];
const PREFIXES: [&str; 3] = ["kopi af ", "copy of ", "kopi - "];

/// The stem a file name was copied from, if `stem` is a copy's name: `udearealer (kopi)` →
/// `udearealer`, `udearealer - Kopi (2)` → `udearealer`, `udearealer copy 3` → `udearealer`.
pub fn copy_of(stem: &str) -> Option<&str> {
    let mut rest = stem.trim_end();
    loop {
        let before = rest;
        rest = strip_number(rest);
        let lower = rest.to_lowercase();
        for suffix in SUFFIXES {
            if lower.ends_with(suffix) && lower.len() == rest.len() {
                rest = rest[..rest.len() - suffix.len()].trim_end();
                break;
            }
        }
        let lower = rest.to_lowercase();
        for prefix in PREFIXES {
            if lower.starts_with(prefix) && lower.len() == rest.len() {
                rest = rest[prefix.len()..].trim_start();
                break;
            }
        }
        if rest == before {
            break;
        }
    }
    (rest != stem && !rest.is_empty()).then_some(rest)
}

/// Drops a trailing copy number: ` (2)`, or ` 2` after "copy"/"kopi" (`udearealer copy 2`).
fn strip_number(stem: &str) -> &str {
    if let Some(open) = stem.rfind(" (") {
        let inside = &stem[open + 2..];
        if let Some(number) = inside.strip_suffix(')') {
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
                return stem[..open].trim_end();
            }
        }
    }
    if let Some((head, number)) = stem.rsplit_once(' ') {
        let lower = head.to_lowercase();
        if !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && (lower.ends_with("copy") || lower.ends_with("kopi"))
        {
            return head;
        }
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_by_explorer_finder_and_file_managers() {
        for name in [
            "udearealer (kopi)",
            "udearealer (Kopi)",
            "udearealer (copy)",
            "udearealer - Kopi",
            "udearealer - Copy",
            "udearealer - Kopi (2)",
            "udearealer copy",
            "udearealer copy 2",
            "udearealer kopi",
            "udearealer (1)",
            "udearealer (2) (kopi)",
            "Kopi af udearealer",
            "Copy of udearealer",
        ] {
            assert_eq!(copy_of(name), Some("udearealer"), "{name}");
        }
        for name in [
            "udearealer",
            "kopi",
            "(1)",
            "Udearealer",
            "copy-machine",
            "teknik-2017",
        ] {
            assert_eq!(copy_of(name), None, "{name}");
        }
    }
}
