fn main() -> std::process::ExitCode {
    plan::run()
}
