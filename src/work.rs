//! A count of the steps the pipeline takes, per thread, so that tests can
//! check that the work grows linearly with the input without timing
//! anything.
//!
//! The stages add what they look at: the chars the sentence splitter reads,
//! for each sentence its tokens times its phrases (the most the parse and
//! the readers of relations and speech can compare within it), and the
//! entries the document-wide look-ups visit: the holders of a title, the
//! registry's candidates for a name, the speech acts and statements met
//! while attributing quotations. Counting costs one add on a thread-local.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` steps to this thread's count.
#[inline]
pub fn add(n: usize) {
    STEPS.with(|s| s.set(s.get().wrapping_add(n as u64)));
}

/// This thread's count, set back to zero.
pub fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}
