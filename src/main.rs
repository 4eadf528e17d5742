fn main() -> std::process::ExitCode {
    plan::memory::fix_large_block_threshold();
    plan::run()
}
