//! Tests of plan show (to be written).
