//! The memo's data as JSON: stable English keys, dates `YYYY-MM-DD`, absent values `null`.
//! Only `summary` (the sentences) is in the report's language.

use std::io::{self, Write};

use crate::report::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write_pretty(out, report)
}
