//! `plan`: a yearly action plan kept as plain TOML files, checked and summarised.
//!
//! The pipeline: arguments ([`cli`]) → settings ([`config`]) → read the folder ([`load`]) →
//! parse into the model ([`parse`], [`model`]) → rules ([`check`]) → output ([`render`]).

pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diag;
pub mod edit;
pub mod error;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod parse;
pub mod progress;
pub mod render;
pub mod report;
pub mod slug;
pub mod stdio;
pub mod suggest;
pub mod summary;
pub mod text;
pub mod write;

mod run;

pub use run::run;
