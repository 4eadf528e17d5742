//! Tests of plan list (to be written).
