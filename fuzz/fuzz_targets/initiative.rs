//! One initiative file from arbitrary bytes, with the embedded default catalogue:
//! load, check, judge, render.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::exercise(None, &[("fuzz.toml", data)]);
});
