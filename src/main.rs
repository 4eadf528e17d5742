fn main() -> std::process::ExitCode {
    // SAFETY: the first thing the process does; no other thread exists yet.
    unsafe { plan::memory::fix_large_block_threshold() };
    plan::run()
}
