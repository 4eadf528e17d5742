//! Changing the plan: one initiative's TOML document, edited in place and written atomically,
//! and the check every change passes before it is written.
//!
//! Edits go through `toml_edit`, so everything a coordinator wrote — comments, the order of
//! keys, fields the command does not touch — stays as it was. Only the changed value is
//! rewritten, and it keeps the comment at the end of its line.
//!
//! - [`document`]: one initiative file as a format-preserving document, and its edits;
//! - `lists`: list fields changed value by value, comments kept beside their values;
//! - [`change`]: what `plan set` understands (`KEY=VALUE`, `KEY+=X`, `KEY-=X`) and applies;
//! - [`new`]: the text of a new initiative file and of a new `plan.toml`, and free ids;
//! - [`fix`]: `plan check --fix` and `--diff`, the rules' fixes applied without a new finding;
//! - [`history`]: the dated `[[log]]` entries, kept in date order, and the changes `plan set`
//!   records;
//! - [`guard`]: finding the file of an id, and the check every change passes before it is
//!   written.

pub mod change;
pub mod document;
pub mod fix;
pub mod guard;
pub mod history;
mod lists;
pub mod new;

pub use change::{Change, Op, LIST_KEYS, REQUIRED_KEYS, SCALAR_KEYS};
pub use document::{multiline_repr, string_value, InitiativeDoc};
pub use guard::{check_change, ensure_valid, find_file, Checked};
pub use new::{manifest_for, unique_id, NewInitiative};

#[cfg(test)]
mod tests;
