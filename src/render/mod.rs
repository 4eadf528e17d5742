//! One renderer per output format. Renderers take plain data and write to a `Write`.

pub mod calendar;
pub mod cells;
pub mod check;
pub mod chunked;
pub mod csv;
pub mod diagnostics;
pub mod escape;
pub mod json;
pub mod list;
pub mod list_xlsx;
pub mod network;
pub mod office;
pub mod report;
pub mod schema;
pub mod show;
pub mod sliced;
pub mod status;
pub mod terminal;
pub mod xlsx;
