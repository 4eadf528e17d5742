//! Judgements against an as-of date, made once, here, for every command:
//! **late**, **blocked** and **at risk** (see design.md, "Time").

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Funding, Initiative, Name, Period, Plan, Status};

/// Where the as-of date falls in the plan year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurrentPeriod {
    /// The plan year has not begun.
    NotStarted,
    Quarter(u8),
    /// The plan year is over.
    Over,
}

impl CurrentPeriod {
    pub fn of(year: i32, as_of: NaiveDate) -> CurrentPeriod {
        if as_of < Period::Year.start(year) {
            CurrentPeriod::NotStarted
        } else if as_of > Period::Year.end(year) {
            CurrentPeriod::Over
        } else {
            match Period::quarter_of(as_of) {
                Period::Q(q) => CurrentPeriod::Quarter(q),
                Period::Year => unreachable!("quarter_of returns a quarter"),
            }
        }
    }

    /// `"Q2"`, `"not-started"` or `"over"`: the stable form used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            CurrentPeriod::NotStarted => "not-started",
            CurrentPeriod::Over => "over",
            CurrentPeriod::Quarter(q) => Period::Q(q).as_str(),
        }
    }
}

/// Why an initiative needs attention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// Not done or cancelled, and its period or deadline ended; `since` is the first day late.
    Late { since: NaiveDate },
    /// Its period has begun and these dependencies are not done.
    Blocked { by: Vec<Name> },
    /// Its period has begun and its funding is pending.
    AtRisk,
    /// It depends on work that was cancelled or postponed: it waits for something that is
    /// not coming (in its period). `status` is the dependency's: `cancelled` or `postponed`.
    WaitsOnDropped { id: Name, status: Status },
    /// Planned or active, and its funding was denied.
    FundingDenied,
    /// A memo of an ended quarter: planned or active on the quarter's last day (late from the
    /// next). Only the memo gives this reason.
    NotReached { period: Period },
}

/// The judgement of one initiative at the as-of date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Judgement {
    pub late_since: Option<NaiveDate>,
    /// Dependencies not done yet (planned or active, or unreadable), once the period began.
    /// Ids are [`Name`]s: an id of up to 24 bytes is copied without an allocation.
    pub blocked_by: Vec<Name>,
    /// Waiting for pending funding, or planned/active with funding denied.
    pub at_risk: bool,
    /// Dependencies that were cancelled or postponed, with their status; from the start.
    pub waits_on_dropped: Vec<(Name, Status)>,
    /// Planned or active with `funding = "denied"`.
    pub funding_denied: bool,
}

impl Judgement {
    pub fn late(&self) -> bool {
        self.late_since.is_some()
    }

    /// Blocked by unfinished work, or waiting on work that was cancelled or postponed.
    pub fn blocked(&self) -> bool {
        !self.blocked_by.is_empty() || !self.waits_on_dropped.is_empty()
    }

    pub fn needs_attention(&self) -> bool {
        self.late() || self.blocked() || self.at_risk
    }

    pub fn reasons(&self) -> Vec<Reason> {
        let mut reasons = Vec::new();
        if let Some(since) = self.late_since {
            reasons.push(Reason::Late { since });
        }
        if !self.blocked_by.is_empty() {
            reasons.push(Reason::Blocked {
                by: self.blocked_by.clone(),
            });
        }
        for (id, status) in &self.waits_on_dropped {
            reasons.push(Reason::WaitsOnDropped {
                id: id.clone(),
                status: *status,
            });
        }
        if self.funding_denied {
            reasons.push(Reason::FundingDenied);
        } else if self.at_risk {
            reasons.push(Reason::AtRisk);
        }
        reasons
    }
}

/// Judges one initiative of `plan` as of `as_of`. To judge several, build `plan.by_id()`
/// once and call [`judge_with`]: this builds it each time.
pub fn judge(plan: &Plan, init: &Initiative, as_of: NaiveDate) -> Judgement {
    judge_with(&plan.by_id(), plan.manifest.plan.year, init, as_of)
}

/// Judges one initiative as of `as_of`, its dependencies looked up in `by_id` (the plan's
/// initiatives by id, [`Plan::by_id`]); `year` is the plan's year.
pub fn judge_with(
    by_id: &crate::model::ById<'_>,
    year: i32,
    init: &Initiative,
    as_of: NaiveDate,
) -> Judgement {
    let mut judgement = Judgement::default();
    // Done and cancelled work is finished with; postponed work was moved, not late: nothing
    // is expected of it now.
    if init.status.is_closed() || init.status == Status::Postponed {
        return judgement;
    }
    if init.funding == Some(Funding::Denied) {
        judgement.funding_denied = true;
        judgement.at_risk = true;
    }
    // Late from the day after the period ends or the deadline passes, whichever comes first.
    let mut due = init.period.end(year);
    if let Some(deadline) = init.deadline {
        due = due.min(deadline);
    }
    if as_of > due {
        judgement.late_since = due.succ_opt();
    }
    let begun = as_of >= init.period.start(year);
    // Each dependency looked up once, for both of what it can say.
    for dep in &init.depends_on {
        let status = by_id.get(dep.as_str()).map(|d| d.status);
        // Work that was cancelled or postponed will not come in time: said from the start,
        // as planning around it cannot wait for the period to begin.
        if let Some(dropped @ (Status::Cancelled | Status::Postponed)) = status {
            judgement.waits_on_dropped.push((dep.clone(), dropped));
        }
        // Once the period began, whatever is not known to be done blocks: also a dependency
        // whose file is broken.
        if begun
            && !matches!(
                status,
                Some(Status::Done | Status::Cancelled | Status::Postponed)
            )
        {
            judgement.blocked_by.push(dep.clone());
        }
    }
    if begun {
        judgement.at_risk |= init.funding == Some(Funding::Pending);
    }
    judgement
}

/// Every initiative's judgement, in the plan's order.
pub fn judge_all(plan: &Plan, as_of: NaiveDate) -> Vec<(&Initiative, Judgement)> {
    judge_each(plan, as_of).collect()
}

/// [`judge_all`] one initiative at a time, for a caller that keeps only some of them.
pub fn judge_each(
    plan: &Plan,
    as_of: NaiveDate,
) -> impl Iterator<Item = (&Initiative, Judgement)> + '_ {
    let by_id = plan.by_id();
    let year = plan.manifest.plan.year;
    plan.initiatives
        .iter()
        .map(move |i| (i, judge_with(&by_id, year, i, as_of)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`judge_with`] as first written: every dependency looked up once for what was
    /// dropped and again for what blocks.
    fn judged_as_first_written(
        by_id: &crate::model::ById<'_>,
        year: i32,
        init: &Initiative,
        as_of: NaiveDate,
    ) -> Judgement {
        let mut judgement = Judgement::default();
        if init.status.is_closed() || init.status == Status::Postponed {
            return judgement;
        }
        for dep in &init.depends_on {
            if let Some(d) = by_id.get(dep.as_str()) {
                if matches!(d.status, Status::Cancelled | Status::Postponed) {
                    judgement.waits_on_dropped.push((dep.clone(), d.status));
                }
            }
        }
        if init.funding == Some(Funding::Denied) {
            judgement.funding_denied = true;
            judgement.at_risk = true;
        }
        let mut due = init.period.end(year);
        if let Some(deadline) = init.deadline {
            due = due.min(deadline);
        }
        if as_of > due {
            judgement.late_since = due.succ_opt();
        }
        if as_of >= init.period.start(year) {
            judgement.blocked_by = init
                .depends_on
                .iter()
                .filter(|dep| {
                    by_id.get(dep.as_str()).is_none_or(|d| {
                        !matches!(
                            d.status,
                            Status::Done | Status::Cancelled | Status::Postponed
                        )
                    })
                })
                .cloned()
                .collect();
            judgement.at_risk |= init.funding == Some(Funding::Pending);
        }
        judgement
    }

    /// Each dependency looked up once gives the judgements of two lookups: on 40 random
    /// plans with every status, period and funding, up to four dependencies each (on
    /// initiatives of every status, on files that are broken or missing, the same one
    /// twice), at days before, through and after the year.
    #[test]
    fn judgements_as_first_written() {
        let statuses = ["planned", "active", "done", "postponed", "cancelled"];
        let periods = ["year", "Q1", "Q2", "Q3", "Q4"];
        let fundings = ["", "funding = \"pending\"\n", "funding = \"denied\"\n"];
        let mut draw = crate::testing::seeded(2017);
        let (mut blocked_and_late, mut waiting_on_dropped) = (0, 0);
        for _ in 0..40 {
            let n = 30;
            let files: Vec<(String, String)> = (0..n)
                .map(|i| {
                    let deps: Vec<String> = (0..draw(5))
                        .map(|_| match draw(6) {
                            0 => "missing".to_string(),
                            1 => "broken".to_string(),
                            _ => format!("i{}", draw(n)),
                        })
                        .map(|d| format!("\"{d}\""))
                        .collect();
                    let text = format!(
                        "title = \"T {i}\"\nperiod = \"{}\"\ntracks = [\"Hygge\"]\nstatus = \"{}\"\n{}depends_on = [{}]\n",
                        periods[draw(5) as usize],
                        statuses[draw(5) as usize],
                        fundings[draw(3) as usize],
                        deps.join(", "),
                    );
                    (format!("i{i}.toml"), text)
                })
                .chain([("broken.toml".to_string(), "title = \"x\n".to_string())])
                .collect();
            let plan = crate::testing::plan_of(None::<&[u8]>, &files);
            let by_id = plan.by_id();
            let year = plan.manifest.plan.year;
            for day in [
                "2016-12-01",
                "2017-02-10",
                "2017-05-15",
                "2017-08-01",
                "2018-01-10",
            ] {
                let as_of = NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("day");
                for init in &plan.initiatives {
                    let judgement = judge_with(&by_id, year, init, as_of);
                    assert_eq!(
                        judgement,
                        judged_as_first_written(&by_id, year, init, as_of),
                        "{} on {day}",
                        init.id
                    );
                    blocked_and_late +=
                        usize::from(!judgement.blocked_by.is_empty() && judgement.late());
                    waiting_on_dropped += usize::from(!judgement.waits_on_dropped.is_empty());
                }
            }
        }
        assert!(
            blocked_and_late > 100,
            "blocked and late: {blocked_and_late}"
        );
        assert!(
            waiting_on_dropped > 100,
            "waiting on dropped work: {waiting_on_dropped}"
        );
    }

    #[test]
    fn current_period_around_the_year() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            CurrentPeriod::of(2017, d("2016-12-31")),
            CurrentPeriod::NotStarted
        );
        assert_eq!(
            CurrentPeriod::of(2017, d("2017-01-01")),
            CurrentPeriod::Quarter(1)
        );
        assert_eq!(
            CurrentPeriod::of(2017, d("2017-05-15")),
            CurrentPeriod::Quarter(2)
        );
        assert_eq!(
            CurrentPeriod::of(2017, d("2017-12-31")),
            CurrentPeriod::Quarter(4)
        );
        assert_eq!(
            CurrentPeriod::of(2017, d("2018-01-01")),
            CurrentPeriod::Over
        );
        assert_eq!(CurrentPeriod::Quarter(2).key(), "Q2");
    }
}
