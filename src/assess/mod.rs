//! The assess phase: what the plan means on a date, as plain data for the renderers.
//!
//! - [`judge`]: each initiative's judgement at the as-of date (late, blocked, at risk);
//! - [`summary`]: the dashboard of `plan status`;
//! - [`memo`]: the quarterly memo of `plan report`.

pub mod judge;
pub mod memo;
pub mod network;
pub mod summary;
