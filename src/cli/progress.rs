//! The progress bar of a build, on stderr: drawn only when stderr is a
//! terminal, the summary is not silenced, and the run has lasted a second;
//! cleared before the summary line.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its bar is drawn.
const QUIET_START: Duration = Duration::from_secs(1);

/// A bar over `total` steps, hidden until `QUIET_START` has passed.
pub struct Bar {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
}

impl Bar {
    /// A bar for `total` steps; none at all when `quiet` or when stderr is
    /// no terminal.
    pub fn new(total: u64, quiet: bool) -> Bar {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
            let style =
                ProgressStyle::with_template("trame: reading {bar:40} {percent:>3}% {elapsed} (about {eta} left)")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Bar { bar, started: Instant::now(), shown: AtomicBool::new(false) }
    }

    /// `n` steps more.
    pub fn inc(&self, n: u64) {
        let Some(bar) = &self.bar else { return };
        if !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= QUIET_START
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.inc(n);
    }

    /// Removes the bar from the terminal.
    pub fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
