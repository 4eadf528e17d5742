//! Tests of plan report (to be written).
