//! The action-plan table of a memo, as rows.
