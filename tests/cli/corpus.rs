//! Tests of plan corpus (to be written).
