//! The one integration test binary: the real `plan` binary run on fixture folders.
//! Snapshots live in `snapshots/`; refresh them with `SNAPSHOTS=overwrite cargo test`.

mod support;

mod check;
mod colour;
mod corpus;
mod edit;
mod escape;
mod field;
mod fix;
mod formats;
mod help;
mod history;
mod import;
mod lint;
mod list;
mod loading;
mod network;
mod output;
mod properties;
mod report;
mod safety;
mod schema;
mod show;
mod status;
mod text;
mod toml_suite;
