//! Initiative ids: a file's name without `.toml`.

/// Whether a string is a valid initiative id: `[a-z0-9-]`, 1–64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("relationer-lokalomraader"));
        assert!(is_valid_id("q2-2017"));
        assert!(!is_valid_id("Relationer"));
        assert!(!is_valid_id("ågerup"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
    }
}
