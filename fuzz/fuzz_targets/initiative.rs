//! One initiative file from arbitrary bytes, with the embedded default catalogue:
//! load, check, judge, render (`plan::testing::exercise`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::testing::{exercise, plan_of};

fuzz_target!(|data: &[u8]| {
    exercise(&plan_of(None, &[("fuzz.toml", data)]));
});
