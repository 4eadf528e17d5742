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
