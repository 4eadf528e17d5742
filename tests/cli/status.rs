//! Tests of plan status (to be written).
