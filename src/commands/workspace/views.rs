//! The reading commands at a workspace root: the network's dashboard (`status`), list
//! (`list`) and memo (`report`), each built from every member's plan.

use std::io::Write as _;

use super::load_members;
use crate::assess::judge::judge_all;
use crate::assess::memo::parse_quarter;
use crate::assess::network;
use crate::cli::{ListArgs, ListFormat, ReportArgs, ReportFormat, StatusArgs, StatusFormat};
use crate::commands::Out;
use crate::config::Config;
use crate::error::{Failure, EXIT_OK};
use crate::i18n::network::network_words;
use crate::i18n::words;
use crate::render::network as render;
use crate::render::office::{refuse_binary_on_terminal, stdout_is_terminal};
use crate::render::terminal::{self, Paint};
use crate::text::LineGuard;
use crate::workspace::Workspace;
use crate::write::write_atomic;

pub(super) fn status(
    ws: &Workspace,
    config: &Config,
    args: &StatusArgs,
    out: Out<'_>,
) -> anyhow::Result<u8> {
    let (members, left_out) = load_members(ws, config, &[], &|_| config.today)?;
    let s = network::status(&ws.manifest.title, &members, left_out, config.today);
    match args.format {
        StatusFormat::Text => {
            let lang = ws.lang(config);
            let paint = Paint {
                color: config.color,
            };
            render::status::text(
                &s,
                network_words(lang),
                words(lang),
                paint,
                terminal::width(),
                out,
            )?;
        }
        StatusFormat::Json => render::status::json(&s, out)?,
    }
    Ok(EXIT_OK)
}

pub(super) fn list(
    ws: &Workspace,
    config: &Config,
    args: &ListArgs,
    out: Out<'_>,
) -> anyhow::Result<u8> {
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(path)) => crate::commands::list::format_of(path)?,
        (None, None) => ListFormat::Table,
    };
    if format == ListFormat::Xlsx && args.output.is_none() {
        refuse_binary_on_terminal("xlsx", stdout_is_terminal())?;
    }
    if let Some(path) = &args.output {
        crate::write::refuse_existing(path, args.force).map_err(Failure::from)?;
    }
    // Read as written, each member turned back to the as-of date once its filter names are
    // checked against its files (as a plan's own list does).
    let (mut members, _) = load_members(ws, config, &args.member, &|_| chrono::NaiveDate::MAX)?;
    // Each member's filter is resolved against its own catalogue and tags: a track or place
    // one member does not have leaves that member out; a name no member knows is an error.
    // `--track` and `--location` are matched across members first (by name and alias), so
    // that each member is asked for the track under its own name.
    let tracks = args
        .track
        .as_deref()
        .filter(|t| !crate::model::Catalogue::is_cross_cutting(t))
        .map(|t| network::per_member(&members, network::Kind::Track, t));
    let places = args
        .location
        .as_deref()
        .map(|l| network::per_member(&members, network::Kind::Location, l));
    let mut first_error = None;
    let mut chosen = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let mut args = args.clone();
        if let Some(Some(name)) = tracks.as_ref().map(|t| &t[i]) {
            args.track = Some(name.clone());
        }
        if let Some(Some(name)) = places.as_ref().map(|p| &p[i]) {
            args.location = Some(name.clone());
        }
        match crate::commands::list::Filter::resolve(&m.plan, &args) {
            Ok(filter) => chosen.push((i, filter)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if chosen.is_empty() {
        if let Some(e) = first_error {
            return Err(e.into());
        }
    }
    for m in &mut members {
        crate::assess::history::rewind(&mut m.plan, config.today);
    }
    let chosen: Vec<_> = chosen.into_iter().map(|(i, f)| (&members[i], f)).collect();
    let mut rows = Vec::new();
    for (m, filter) in &chosen {
        let mut mine: Vec<render::list::Row<'_>> = judge_all(&m.plan, config.today)
            .into_iter()
            .filter(|(init, j)| filter.matches(init, j))
            .map(|(initiative, judgement)| render::list::Row {
                member: &m.name,
                file: m.plan.file(initiative.file),
                initiative,
                judgement,
            })
            .collect();
        mine.sort_by(|a, b| {
            (a.initiative.period, &a.initiative.id).cmp(&(b.initiative.period, &b.initiative.id))
        });
        rows.extend(mine);
    }
    let lang = ws.lang(config);
    let (nw, w) = (network_words(lang), words(lang));
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
            let names: Vec<&str> = rows.iter().map(|r| r.member).collect();
            let listing = crate::render::list::Listing {
                items: rows
                    .iter()
                    .map(|r| crate::render::list::Item {
                        initiative: r.initiative,
                        file: r.file,
                        judgement: r.judgement.clone(),
                    })
                    .collect(),
                track_filter: args.track.is_some(),
            };
            let members = crate::render::list::Members {
                heading: nw.col_member,
                names: &names,
            };
            crate::render::list::table_of_members(
                &listing,
                &members,
                w,
                paint,
                terminal::width(),
                sink,
            )?
        }
        ListFormat::Markdown => render::list::markdown(&rows, nw, w, sink)?,
        ListFormat::Csv => render::list::csv(&rows, lang, args.delimiter, sink)?,
        ListFormat::Json => render::list::json(&rows, sink)?,
        ListFormat::Xlsx => {
            sink.write_all(&render::list::workbook(&rows, lang, &ws.manifest.title)?)?
        }
    }
    if let Some(path) = &args.output {
        write_atomic(path, &buffer, args.force).map_err(Failure::from)?;
    }
    Ok(EXIT_OK)
}

pub(super) fn report(
    ws: &Workspace,
    config: &Config,
    args: &ReportArgs,
    out: Out<'_>,
) -> anyhow::Result<u8> {
    let quarter = parse_quarter(&args.quarter)?;
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(path)) => crate::commands::report::format_of(path)?,
        (None, None) => ReportFormat::Markdown,
    };
    if args.output.is_none() {
        if let Some(name) = crate::commands::report::binary_name(format) {
            refuse_binary_on_terminal(name, stdout_is_terminal())?;
        }
    }
    if let Some(path) = &args.output {
        crate::write::refuse_existing(path, args.force).map_err(Failure::from)?;
    }
    // Each member as of its own year's quarter end (or the day, while the quarter runs).
    let (members, left_out) = load_members(ws, config, &[], &|plan| {
        crate::assess::memo::default_as_of(plan.manifest.plan.year, quarter, config.today)
    })?;
    let memo = network::memo(
        &ws.manifest.title,
        &members,
        left_out,
        quarter,
        config.today,
        ws.lang(config),
    );
    match &args.output {
        None => render::memo::render(format, &memo, args.delimiter, out)?,
        Some(path) => {
            let mut bytes = Vec::new();
            if crate::commands::report::binary_name(format).is_some() {
                // A zip archive is written as made: the guard could change bytes of it.
                render::memo::render(format, &memo, args.delimiter, &mut bytes)?;
            } else {
                // A text file is guarded as standard output is.
                let mut guarded = LineGuard::new(&mut bytes);
                render::memo::render(format, &memo, args.delimiter, &mut guarded)?;
                guarded.flush()?;
            }
            write_atomic(path, &bytes, args.force).map_err(Failure::from)?;
        }
    }
    Ok(EXIT_OK)
}
