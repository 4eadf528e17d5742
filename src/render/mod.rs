//! One renderer per output format. Renderers take plain data and write to a `Write`.

pub mod cells;
pub mod check;
pub mod diagnostics;
pub mod escape;
pub mod json;
pub mod list;
pub mod report;
pub mod show;
pub mod status;
pub mod terminal;
