//! `deadline-outside-period`: a deadline outside the initiative's quarter, or the plan year.

use chrono::Datelike;

use super::{Diagnostic, Rule};
use crate::model::{Period, Plan};

/// A deadline outside its initiative's period; suggests the quarter it is in when that is
/// another quarter of the plan year.
pub fn outside_period(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let year = plan.manifest.plan.year;
    for init in &plan.initiatives {
        let (Some(deadline), Some(span)) = (init.deadline, &init.spans.deadline) else {
            continue;
        };
        // A period that could not be read has a stand-in: nothing to judge the deadline by.
        if init.unreadable.period || init.period.contains(year, deadline) {
            continue;
        }
        let (message, help) = match init.period {
            Period::Year => (
                format!("the deadline {deadline} is outside the plan year {year}"),
                format!("move the deadline into {year}, or the initiative into next year's plan"),
            ),
            Period::Q(q) => (
                format!(
                    "the deadline {deadline} is outside {} ({} to {})",
                    init.period,
                    init.period.start(year),
                    init.period.end(year)
                ),
                match Period::quarter_of(deadline) {
                    p @ Period::Q(dq) if deadline.year() == year && dq != q => {
                        format!(
                            "change the period to \"{p}\", or the deadline to a date in {}",
                            init.period
                        )
                    }
                    _ => format!("change the deadline to a date in {} {year}", init.period),
                },
            ),
        };
        out.push(
            Diagnostic::new(Rule::DeadlineOutsidePeriod, message)
                .at(init.file, span.range())
                .label(format!("not in {}", init.period))
                .help(help),
        );
    }
}
