//! The memo's data as JSON: stable English keys, dates `YYYY-MM-DD`, absent values `null`.
//! Only `summary` (the sentences) is in the report's language.

use std::io::{self, Write};

use crate::report::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
