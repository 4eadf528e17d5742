//! The text toolkit: what every renderer does to plan text on its way to a reader.
//!
//! - [`sanitize`]: remove what must not reach a terminal (control, bidi and invisible
//!   characters), or show it (`\u{200b}`) in a finding it caused;
//! - [`lookalike`]: name the look-alike and invisible characters pasted from Word (curly
//!   quotes, no-break spaces) and say what to type instead;
//! - [`guard`]: no line of plan text may start a CI runner's command (`::error`, `##[`);
//! - [`width`]: display width per string, padding, and the one truncation (per grapheme
//!   cluster, ending in "…");
//! - [`wrap`]: the one word wrapper (`textwrap`), which keeps "2. kvartal" on one line;
//! - [`year`]: a year replaced where it stands as a year (not in `120170 kr.`).

pub mod guard;
pub mod lookalike;
pub mod sanitize;
pub mod width;
pub mod wrap;
pub mod year;

pub use guard::{break_markers, guard, LineGuard};
pub use sanitize::{
    clean, clean_line, clean_line_cow, is_line_break, is_unsafe, mask_chars, strip, visible,
    visible_keeping_breaks, visible_line,
};
pub use width::{cut_at_word, pad_left, pad_right, truncate, width};
pub use wrap::{
    bind_ordinals, break_after_hyphens, widest_word, wrap, wrap_items, wrap_paragraphs,
};
pub use year::replace_year;

/// `path` as one word of a shell's command line, for a command a help text gives to paste
/// (the path as it is on disk, not cleaned): as it is when it holds only letters, digits and
/// `._/-+,:@%`; else in single quotes (a `'` in it as `'\''`), so that a file named
/// `x;touch PWNED;.toml` runs nothing; and with a control or invisible character, in bash's
/// `$'…'` with that character's bytes as `\xHH` (the line stays plain ASCII there, and names
/// the file that is there, not a look-alike). A path starting with `-` gets `./` in front,
/// so that no command takes it for an option.
pub fn shell_word(path: &str) -> String {
    let path = if path.starts_with('-') {
        format!("./{path}")
    } else {
        path.to_string()
    };
    let plain = |c: char| c.is_alphanumeric() && !is_unsafe(c) || "._/-+,:@%".contains(c);
    if !path.is_empty() && path.chars().all(plain) {
        return path;
    }
    if !path.chars().any(|c| c.is_control() || is_unsafe(c)) {
        return format!("'{}'", path.replace('\'', "'\\''"));
    }
    let mut out = String::from("$'");
    for c in path.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            c if c.is_control() || is_unsafe(c) => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn shell_words_are_safe_to_paste_and_name_the_file_that_is_there() {
        assert_eq!(shell_word("plans/q2/x.toml"), "plans/q2/x.toml");
        assert_eq!(shell_word("plans/Ærø by.toml"), "'plans/Ærø by.toml'");
        assert_eq!(shell_word("x;touch PWNED;.toml"), "'x;touch PWNED;.toml'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("su\u{200b}b"), "$'su\\xe2\\x80\\x8bb'");
        assert_eq!(shell_word("a\tb'c"), "$'a\\x09b\\'c'");
        assert_eq!(shell_word("-rf"), "./-rf");
    }
}
