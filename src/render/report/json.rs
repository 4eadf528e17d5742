//! The memo's data as JSON: stable English keys, dates `YYYY-MM-DD`, absent values `null`.
//! Only `summary` (the sentences) is in the report's language.

use std::io::{self, Write};

use crate::render::json::{Element, PrettyObject};
use crate::report::Report;

/// Writes the memo as the indented JSON of its `Serialize` (the same bytes), its long lists
/// (the quarter's initiatives, the ongoing ones, what needs attention, the next quarter's,
/// the events) formatted on two cores ([`PrettyObject::array`]), then a newline.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    fn each<T: serde::Serialize + Sync>(item: &T, element: &mut Element<'_>) -> io::Result<()> {
        element.write(item)
    }
    let mut memo = PrettyObject::begin(out)?;
    memo.field("plan", &report.plan)?;
    memo.field("lang", report.lang)?;
    memo.field("quarter", &report.quarter)?;
    memo.field("as_of", &report.as_of)?;
    memo.field("summary", &report.summary)?;
    memo.field("totals", &report.totals)?;
    memo.array("initiatives", &report.initiatives, &each)?;
    memo.array("ongoing", &report.ongoing, &each)?;
    memo.field("tracks", &report.tracks)?;
    memo.field("cross_cutting_counts", &report.cross_cutting_counts)?;
    memo.array("attention", &report.attention, &each)?;
    let mut next = memo.object("next")?;
    next.field("period", &report.next.period)?;
    next.array("initiatives", &report.next.initiatives, &each)?;
    next.field("follow_ups", &report.next.follow_ups)?;
    next.end()?;
    memo.field("timeline", &report.timeline)?;
    memo.field("closed", &report.closed)?;
    memo.array("since_last_quarter", &report.since_last_quarter, &each)?;
    memo.field("left_out", &report.left_out)?;
    memo.field("nested_plans", &report.nested_plans)?;
    memo.field("undated", &report.undated)?;
    memo.end()?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memo written a field at a time, its long lists on two cores, is the JSON of the
    /// memo's `Serialize`, byte for byte (a field added to the memo and not written here
    /// fails this): on the shipped plan and on generated plans of 500 and 20,000 initiatives
    /// (lists of thousands), every quarter, at three dates (1 February, 30 June, 10 January after the year).
    #[test]
    fn the_memo_written_a_field_at_a_time_is_its_serialized_json() {
        let plans: [fn() -> crate::model::Plan; 3] = [
            crate::assess::plans_to_compare()[0],
            crate::assess::plans_to_compare()[1],
            || crate::assess::varied_plan(20_000),
        ];
        for make in plans {
            for date in ["2017-02-01", "2017-06-30", "2018-01-10"] {
                let as_of = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
                let mut plan = make();
                crate::assess::history::rewind(&mut plan, as_of);
                for quarter in 1..=4 {
                    let memo = crate::report::build(&plan, quarter, as_of, crate::cli::Lang::Da);
                    let mut whole = Vec::new();
                    crate::render::json::write_pretty(&mut whole, &memo).expect("json");
                    let mut by_field = Vec::new();
                    render(&memo, &mut by_field).expect("json");
                    assert!(
                        whole == by_field,
                        "{} initiatives, Q{quarter} at {date}",
                        plan.initiatives.len()
                    );
                    if plan.initiatives.len() > 10_000 && date == "2017-06-30" && quarter == 2 {
                        assert!(memo.initiatives.len() > 2_500 && memo.attention.len() > 2_500);
                    }
                }
            }
        }
    }
}
