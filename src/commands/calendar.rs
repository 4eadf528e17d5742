//! `plan calendar`: the chosen initiatives' deadlines, the quarter ends and (with `--periods`)
//! each initiative's period as an iCalendar file. The initiatives are chosen with the filters
//! of `plan list`, by the same code.

use crate::cli::{CalendarArgs, ListArgs};
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::model::Period;
use crate::render::calendar::{render, CalendarData};
use crate::write::write_atomic;

use super::list::{select, Filter};
use super::{load_for_reading, Out, Outcome};

/// The filters of `plan list`, from the calendar's command line.
fn list_args(args: &CalendarArgs) -> ListArgs {
    ListArgs {
        track: args.track.clone(),
        period: args.period.clone(),
        location: args.location.clone(),
        status: args.status.clone(),
        tag: args.tag.clone(),
        late: args.late,
        member: Vec::new(),
        format: None,
        output: None,
        force: false,
        delimiter: None,
    }
}

pub fn run(config: &Config, args: &CalendarArgs, out: Out<'_>) -> Outcome {
    if let Some(path) = &args.output {
        crate::write::refuse_existing(path, args.force).map_err(Failure::from)?;
    }
    let mut plan = load_for_reading(config)?;
    // Filter names are checked against the files as written (a tag given in August is a tag
    // of the plan, though no initiative had it on an earlier as-of date).
    let filter = Filter::resolve(&plan, &list_args(args))?;
    crate::assess::history::rewind(&mut plan, config.today);
    let items = select(&plan, &filter, config.today);
    let quarter_ends = match filter.period {
        Some(Period::Q(q)) => vec![q],
        _ => vec![1, 2, 3, 4],
    };
    let data = CalendarData {
        title: &plan.manifest.plan.title,
        year: plan.manifest.plan.year,
        lang: config.lang_for(&plan),
        items: &items,
        quarter_ends,
        periods: args.periods,
    };
    match &args.output {
        None => render(&data, out)?,
        Some(path) => {
            let mut bytes = Vec::new();
            render(&data, &mut bytes)?;
            write_atomic(path, &bytes, args.force).map_err(Failure::from)?;
        }
    }
    Ok(EXIT_OK)
}
