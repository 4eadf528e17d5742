//! Tests of plan edit (to be written).
