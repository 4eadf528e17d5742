//! `plan set` and `plan note` edits of arbitrary files with arbitrary changes: the first
//! line is the change (`note TEXT`, or `KEY=VALUE;KEY+=X;…`), the rest the initiative
//! file. The result is valid TOML with nothing lost, or the change is refused
//! (`plan::testing::edit_pipeline`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    plan::testing::edit_pipeline(data);
});
