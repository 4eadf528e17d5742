//! `plan import` of arbitrary text: read the memo's table, turn every row into an
//! initiative file as the command does, and load and check those files. The files the
//! import writes must always be TOML the loader reads (`plan::testing::import_pipeline`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    plan::testing::import_pipeline(data);
});
