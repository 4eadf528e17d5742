//! `plan.toml` from arbitrary bytes, with a few valid initiatives beside it
//! (`plan::testing::BESIDE_MANIFEST`) so that the catalogue, the rules and their severities
//! all come into play.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::testing::{exercise, plan_of, BESIDE_MANIFEST};

fuzz_target!(|data: &[u8]| {
    exercise(&plan_of(Some(data), &BESIDE_MANIFEST));
});
