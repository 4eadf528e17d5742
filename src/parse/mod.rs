//! From file text to model: a loose reading of the TOML tree that records every problem
//! (with its span) instead of stopping at the first, as serde would.
//!
//! - [`reader`]: reading typed values with spans from a TOML table;
//! - [`initiative`]: one initiative file; [`manifest`]: `plan.toml`; [`workspace`]: a
//!   workspace's `plan.toml`;
//! - [`dates`]: dates as users type them;
//! - [`plan`]: a folder's files into a [`crate::model::Plan`].
//!
//! What is wrong, and how it is said, is the rules' business: a value that cannot be read is
//! reported through the constructors in [`crate::check`] at its span, and the track and
//! place names the catalogue does not know are kept in `Plan::unknown_names` for
//! `check/catalogue.rs`.

mod dates;
mod initiative;
mod manifest;
pub mod plan;
mod reader;
mod workspace;

pub use crate::model::is_valid_id;
pub use dates::{date_error, parse_date};
pub use initiative::{initiative, INITIATIVE_FIELDS};
pub use manifest::{default_manifest, manifest, DEFAULT_MANIFEST};
pub use workspace::{workspace_manifest, WORKSPACE_FIELDS};
