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
    clean, clean_line, clean_line_cow, is_line_break, is_unsafe, mask, mask_chars, strip, visible,
    visible_keeping_breaks, visible_line,
};
pub use width::{cut_at_word, pad_left, pad_right, truncate, width};
pub use wrap::{
    bind_ordinals, break_after_hyphens, widest_word, wrap, wrap_items, wrap_paragraphs,
};
pub use year::replace_year;

/// `path` as one word of a POSIX shell's command line, for a command a help text gives to
/// paste: as it is when it holds only letters, digits and `._/-+,:@%`, else in single quotes
/// (a `'` in it as `'\''`), so that a file named `x;touch PWNED;.toml` runs nothing.
pub fn shell_word(path: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "._/-+,:@%".contains(c);
    if !path.is_empty() && path.chars().all(plain) {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}
