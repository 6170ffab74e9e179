//! The `trame` binary: parse arguments, run, print the error, pick the exit code.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system's allocator: the pipeline makes and
/// drops many small strings and vectors a sentence, and spends about a
/// tenth of its time in the system's malloc and free.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
