//! `plan list`: the initiatives that pass the filters, sorted by period then id.

use std::path::Path;

use chrono::NaiveDate;

use crate::assess::judge::{judge_with, Judgement};
use crate::cli::{ListArgs, ListFormat};
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::i18n::words;
use crate::i18n::{period_from_user, status_from_user};
use crate::model::{catalogue_fold as fold, Catalogue, Initiative, Name, Period, Plan, Status};
use crate::render::list::{self, Item, Listing};
use crate::render::list_xlsx;
use crate::render::office::{refuse_binary_on_terminal, stdout_is_terminal};
use crate::render::terminal::{self, Paint};
use crate::suggest::did_you_mean;
use crate::write::write_atomic;

use super::{load_to_sum_up, Out, Outcome};

/// Which tracks a `--track` filter asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackFilter {
    /// One track: initiatives on it, and the cross-cutting ones (they touch every track).
    Track(String),
    /// `--track "Alle spor"`: only the cross-cutting initiatives.
    CrossCutting,
}

/// The filters of `plan list`, resolved against the plan: every name is canonical.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub track: Option<TrackFilter>,
    pub period: Option<Period>,
    pub location: Option<String>,
    pub status: Option<Status>,
    /// Folded (lower case) tag.
    pub tag: Option<String>,
    pub late: bool,
}

/// A usage error for an unknown filter value, with "did you mean" and the valid values.
fn unknown<'a>(
    what: &str,
    plural: &str,
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
    valid: &[&str],
) -> Failure {
    let mut failure = Failure::usage(format!("unknown {what} `{typed}`"));
    let valid = valid.join(", ");
    let help = match did_you_mean(typed, candidates) {
        Some(suggestion) => format!("{suggestion} ({plural}: {valid})"),
        None => format!("the {plural} are: {valid}"),
    };
    failure = failure.with_help(help);
    failure
}

impl Filter {
    /// Resolves the command line's filters against the plan's catalogue and tags.
    pub fn resolve(plan: &Plan, args: &ListArgs) -> Result<Filter, Failure> {
        let catalogue = &plan.manifest.catalogue;
        let track = match &args.track {
            None => None,
            Some(t) if Catalogue::is_cross_cutting(t) => Some(TrackFilter::CrossCutting),
            Some(t) => match catalogue.track(t) {
                Some(name) => Some(TrackFilter::Track(name.to_string())),
                None => {
                    let names: Vec<&str> =
                        catalogue.tracks.iter().map(|t| t.name.as_str()).collect();
                    return Err(unknown(
                        "track",
                        "tracks",
                        t,
                        catalogue.track_spellings(),
                        &names,
                    ));
                }
            },
        };
        let location = match &args.location {
            None => None,
            Some(l) => match catalogue.location(l) {
                Some(name) => Some(name.to_string()),
                None => {
                    let names: Vec<&str> = catalogue
                        .locations
                        .iter()
                        .map(|l| l.name.as_str())
                        .collect();
                    return Err(unknown(
                        "place",
                        "places",
                        l,
                        catalogue.location_spellings(),
                        &names,
                    ));
                }
            },
        };
        let period = match &args.period {
            None => None,
            Some(p) => Some(period_from_user(p).ok_or_else(|| {
                let names: Vec<&str> = Period::ALL.iter().map(|p| p.as_str()).collect();
                unknown("period", "periods", p, names.clone(), &names)
            })?),
        };
        let status = match &args.status {
            None => None,
            Some(s) => Some(status_from_user(s).ok_or_else(|| {
                let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                unknown("status", "statuses", s, names.clone(), &names)
            })?),
        };
        let tag = match &args.tag {
            None => None,
            Some(t) => {
                let wanted = fold(t);
                let mut tags: Vec<&str> = plan
                    .initiatives
                    .iter()
                    .filter(|i| !i.unreadable.required)
                    .flat_map(|i| i.tags.iter().map(Name::as_str))
                    .collect();
                tags.sort_unstable();
                tags.dedup();
                if !tags.iter().any(|tag| fold(tag) == wanted) {
                    let mut failure = Failure::usage(format!("no initiative has the tag `{t}`"));
                    if let Some(s) = did_you_mean(t, tags.iter().copied()) {
                        failure = failure.with_help(s);
                    }
                    return Err(failure);
                }
                Some(wanted)
            }
        };
        Ok(Filter {
            track,
            period,
            location,
            status,
            tag,
            late: args.late,
        })
    }

    pub fn matches(&self, init: &Initiative, judgement: &Judgement) -> bool {
        let track = match &self.track {
            None => true,
            Some(TrackFilter::CrossCutting) => init.cross_cutting,
            Some(TrackFilter::Track(name)) => {
                init.cross_cutting || init.tracks.iter().any(|t| t == name)
            }
        };
        track
            && self.period.is_none_or(|p| init.period == p)
            && self
                .location
                .as_ref()
                .is_none_or(|l| init.locations.iter().any(|have| have == l))
            && self.status.is_none_or(|s| init.status == s)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| init.tags.iter().any(|x| &fold(x) == t))
            && (!self.late || judgement.late())
    }
}

/// The initiatives of `plan` that pass `filter`, judged as of `today`, sorted by period then
/// id: what `plan list` shows and `plan calendar` puts in the calendar.
pub fn select<'p>(plan: &'p Plan, filter: &Filter, today: NaiveDate) -> Vec<Item<'p>> {
    select_on(
        plan,
        filter,
        today,
        plan.initiatives.len() >= crate::load::parallel::SIDE_BY_SIDE_FROM,
    )
}

/// [`select`], a large plan's two halves judged side by side or all on this thread.
fn select_on<'p>(
    plan: &'p Plan,
    filter: &Filter,
    today: NaiveDate,
    side_by_side: bool,
) -> Vec<Item<'p>> {
    let by_id = plan.by_id();
    let year = plan.manifest.plan.year;
    let chosen = |part: &'p [Initiative]| -> Vec<Item<'p>> {
        part.iter()
            .map(|init| (init, judge_with(&by_id, year, init, today)))
            .filter(|(init, judgement)| filter.matches(init, judgement))
            .map(|(initiative, judgement)| Item {
                file: plan.file(initiative.file),
                initiative,
                judgement,
            })
            .collect()
    };
    let (mut items, later) = crate::load::parallel::halves(side_by_side, &plan.initiatives, chosen);
    items.extend(later);
    items.sort_by(|a, b| {
        (a.initiative.period, &a.initiative.id).cmp(&(b.initiative.period, &b.initiative.id))
    });
    items
}

pub fn run(config: &Config, args: &ListArgs, out: Out<'_>) -> Outcome {
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(path)) => format_of(path)?,
        (None, None) => ListFormat::Table,
    };
    if format == ListFormat::Xlsx && args.output.is_none() {
        refuse_binary_on_terminal("xlsx", stdout_is_terminal())?;
    }
    if let Some(path) = &args.output {
        crate::write::refuse_existing(path, args.force).map_err(Failure::from)?;
    }
    let mut plan = load_to_sum_up(config)?;
    // Filter names are checked against the files as written (a tag given in August is a tag
    // of the plan, though no initiative had it on an earlier as-of date).
    let filter = Filter::resolve(&plan, args)?;
    crate::assess::history::rewind(&mut plan, config.today);
    let items = select(&plan, &filter, config.today);
    let listing = Listing {
        items,
        track_filter: matches!(filter.track, Some(TrackFilter::Track(_))),
    };
    let lang = config.lang_for(&plan);
    let words = words(lang);
    let mut buffer = Vec::new();
    let sink: &mut dyn std::io::Write = if args.output.is_some() {
        &mut buffer
    } else {
        out
    };
    match format {
        ListFormat::Table => {
            let paint = Paint {
                color: config.color && args.output.is_none(),
            };
            list::table(&listing, words, paint, terminal::width(), sink)?
        }
        ListFormat::Markdown => list::markdown(&listing, words, sink)?,
        ListFormat::Csv => list::csv(&listing, lang, args.delimiter, sink)?,
        ListFormat::Json => list::json(&listing, sink)?,
        ListFormat::Xlsx => {
            // Finished once the plan is let go (its rows are put away), and written as
            // made: a zip archive is not text a CI log would show.
            let title = crate::text::clean_line(&plan.manifest.plan.title);
            let book = list_xlsx::workbook(&listing, lang, &title)?;
            drop(listing);
            let output = args.output.as_deref();
            super::finish_office(plan, || book.into_bytes(), output, args.force, out)?;
            return Ok(EXIT_OK);
        }
    }
    if let Some(path) = &args.output {
        write_atomic(path, &buffer, args.force).map_err(Failure::from)?;
    }
    super::leave(listing);
    super::leave(plan);
    Ok(EXIT_OK)
}

/// The format named by a file's extension (any case).
pub(crate) fn format_of(path: &Path) -> Result<ListFormat, Failure> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" => Ok(ListFormat::Table),
        "md" | "markdown" => Ok(ListFormat::Markdown),
        "csv" => Ok(ListFormat::Csv),
        "json" => Ok(ListFormat::Json),
        "xlsx" => Ok(ListFormat::Xlsx),
        _ => Err(Failure::usage(format!(
            "cannot tell the format from the file name `{}`",
            crate::text::visible_line(&path.display().to_string())
        ))
        .with_help("name it .txt, .md, .csv, .json or .xlsx, or give --format table|markdown|csv|json|xlsx")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan's two halves judged side by side: the same items, in the same order, with
    /// the same judgements as all on one thread, on the shipped plan and a generated one,
    /// with and without filters, at dates across the year.
    #[test]
    fn chosen_side_by_side_as_one_after_the_other() {
        let filters = [
            Filter::default(),
            Filter {
                late: true,
                ..Filter::default()
            },
            Filter {
                status: Some(Status::Active),
                ..Filter::default()
            },
            Filter {
                period: Some(Period::Q(2)),
                ..Filter::default()
            },
        ];
        for make in crate::assess::plans_to_compare() {
            for date in ["2017-02-01", "2017-05-15", "2017-09-30"] {
                let today = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
                let mut plan = make();
                crate::assess::history::rewind(&mut plan, today);
                for filter in &filters {
                    let shown = |side_by_side| -> Vec<(String, String, Judgement)> {
                        select_on(&plan, filter, today, side_by_side)
                            .into_iter()
                            .map(|item| {
                                (
                                    item.initiative.id.to_string(),
                                    item.file.relative.to_string(),
                                    item.judgement,
                                )
                            })
                            .collect()
                    };
                    let together = shown(true);
                    assert_eq!(together, shown(false), "{date} {filter:?}");
                    if *filter == Filter::default() {
                        assert_eq!(together.len(), plan.initiatives.len(), "{date}");
                    }
                }
            }
        }
    }
}
