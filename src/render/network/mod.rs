//! A workspace's outputs: the network dashboard (`status.rs`), the list across members
//! (`list.rs`) and the network memo (`memo.rs`). Plan text is cleaned in the assess phase
//! and escaped here for each format, as in the single-plan renderers.

pub mod list;
pub mod memo;
pub mod status;
