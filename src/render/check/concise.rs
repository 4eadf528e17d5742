//! Findings one line each, `file:line:col: severity[rule] message`, as compilers and
//! `grep -n` write them, so that editors and terminals make the place clickable. A finding
//! without a line is `file: severity[rule] message`; one on the whole plan is placed on
//! `plan.toml` (see [`super::location`]). The help follows after ` (help: …)`.

use std::io::{self, Write};

use crate::check::{capped, SHOWN_PER_FILE_AND_RULE};
use crate::diag::Diagnostic;
use crate::model::Plan;
use crate::text::clean_line;

use super::location;

/// Writes one line per finding; at most [`SHOWN_PER_FILE_AND_RULE`] of one rule in one
/// file, then "and N more".
pub fn concise(plan: &Plan, diags: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    // Lines and columns are found (in files let go, read again) on two cores.
    let shown = capped(diags, SHOWN_PER_FILE_AND_RULE);
    crate::render::chunked::write_each(&shown, out, &|out, d| writeln!(out, "{}", line(plan, d)))
}

fn line(plan: &Plan, d: &Diagnostic) -> String {
    let loc = location(plan, d);
    // A file's name with a hidden character in it shows it as its escape: cleaned, it
    // named another file (`q1/bro\u{202e}ken.toml` as `q1/broken.toml`).
    let mut place = crate::text::visible_line(&loc.path).into_owned();
    if let Some(line) = loc.line {
        place.push_str(&format!(":{line}"));
        if let Some(column) = loc.column {
            place.push_str(&format!(":{column}"));
        }
    }
    let mut text = format!(
        "{place}: {}[{}] {}",
        d.severity.name(),
        d.rule.name(),
        clean_line(&d.message)
    );
    if let Some(help) = &d.help {
        text.push_str(&format!(" (help: {})", clean_line(help)));
    }
    if d.fix.is_some() {
        text.push_str(super::FIXABLE_NOTE);
    }
    text
}
