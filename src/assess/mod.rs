//! The assess phase: what the plan means on a date, as plain data for the renderers.
//!
//! - [`history`]: the plan as it was on a date, from the dated `[[log]]` entries;
//! - [`judge`]: each initiative's judgement at the as-of date (late, blocked, at risk);
//! - [`summary`]: the dashboard of `plan status`;
//! - [`memo`]: the quarterly memo of `plan report`.

pub mod history;
pub mod judge;
pub mod memo;
pub mod network;
pub mod summary;

/// Makers of the plans two ways of judging are compared on: the shipped plan, and
/// [`varied_plan`] of 500 initiatives (a maker each, since a plan is turned back in place).
#[cfg(test)]
pub(crate) fn plans_to_compare() -> [fn() -> crate::model::Plan; 2] {
    let shipped = || {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::load::load_plan(&root.join("plans")).expect("plans/")
    };
    [shipped, || varied_plan(500)]
}

/// A plan of `n` initiatives on the shipped plan's catalogue, with every status, period and
/// kind of track, deadlines through the year, dependencies, follow-ups, dated moves and
/// status changes, and initiatives added during the year (not in the plan turned back to
/// an earlier day): for tests that two ways of judging it agree.
#[cfg(test)]
pub(crate) fn varied_plan(n: usize) -> crate::model::Plan {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read(root.join("plans/plan.toml")).expect("plans/plan.toml");
    let statuses = ["planned", "active", "done", "postponed", "cancelled"];
    let periods = ["year", "Q1", "Q2", "Q3", "Q4"];
    let tracks = ["Hygge", "Fordybelse", "Alle spor", "Viden og vejledning"];
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            let mut text = format!(
                "title = \"Læsekreds {i}\"\nperiod = \"{}\"\ntracks = [\"{}\"]\nstatus = \"{}\"\ndeadline = 2017-{:02}-15\nfollow_up = \"Opfølgning {i}\"\n",
                periods[i % 5],
                tracks[i % 4],
                statuses[i % 7 % 5],
                i % 12 + 1,
            );
            if i % 3 == 0 && i > 0 {
                text.push_str(&format!("depends_on = [\"i-{:05}\"]\n", i - 1));
            }
            // Some added during the year: not in the plan before that day.
            if i % 11 == 5 {
                text.push_str(&format!("added = 2017-{:02}-10\n", i % 12 + 1));
            }
            match i % 9 {
                0 => text.push_str(
                    "\n[[log]]\ndate = 2017-05-02\nperiod = { from = \"Q2\", to = \"Q3\" }\n",
                ),
                1 => text.push_str(
                    "\n[[log]]\ndate = 2017-06-20\ntext = \"Færdig\"\nstatus = { from = \"active\", to = \"done\" }\n",
                ),
                _ => {}
            }
            (format!("i-{i:05}.toml"), text)
        })
        .collect();
    let plan = crate::testing::plan_of(Some(&manifest), &files);
    assert!(plan.diagnostics.is_empty(), "{:?}", plan.diagnostics);
    assert_eq!(plan.initiatives.len(), n);
    plan
}
