//! The old path of the findings' renderers, kept as re-exports while the branches developed
//! in parallel land; the renderers are in [`crate::render::check`], one file per format.

pub use super::check::github::github;
pub use super::check::json::json;
pub use super::check::text::{summary_line, text};
pub use super::check::{position, Position};
