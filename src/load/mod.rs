//! Reading a plan folder from disk: which files, in which order, and their text.
//! Nothing here interprets TOML; that is [`crate::parse`]'s job.
//!
//! - [`source`]: one file's text, decoded, with line and column lookup;
//! - [`walk`]: the folder's files, sorted, read;
//! - [`parallel`]: the work spread over the cores.

pub mod parallel;
pub mod source;
pub mod walk;

pub use source::{
    decode, decode_owned, decode_text, detect, io_reason, line_col, virtual_source, Encoding,
    ReadProblem, SourceFile,
};
pub use walk::{read_folder, Folder};

/// Reading and parsing in one: these live in [`crate::parse::plan`]; the old paths are kept
/// while the other branches of issue 9 land (remove once nothing uses `load::load_plan`).
pub use crate::parse::plan::{load_plan, plan_from_folder, with_files};
