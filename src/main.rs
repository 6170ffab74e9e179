//! The `trame` binary: parse arguments, run, print the error, pick the exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match trame::cli::run(trame::cli::Args::parse()) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("trame: {e}");
            ExitCode::from(2)
        }
    }
}
