//! Progress on long operations (a check or a changelog rebuild over a long history), drawn on
//! stderr only when it is a terminal, and never in CI (`CI` set), with `TERM=dumb`, or with
//! `RELHOOK_QUIET=1`: pipes and logs get only the results.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A spinner with a count, or nothing at all.
pub(crate) struct Progress(Option<ProgressBar>);

/// Whether progress may be drawn here.
pub(crate) fn wanted() -> bool {
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty() && v != "0");
    std::io::stderr().is_terminal()
        && !set("CI")
        && !set("RELHOOK_QUIET")
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

impl Progress {
    /// A spinner showing `{what} {count} commits` and the time taken, ticking on its own so
    /// that a slow step still moves; cleared when done.
    pub(crate) fn start(what: &'static str) -> Progress {
        if !wanted() {
            return Progress(None);
        }
        let style = ProgressStyle::with_template("{spinner} {msg} {pos} {prefix} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        Progress(Some(show(style, what, "commits")))
    }

    /// A spinner without a count, for a step that reports none.
    pub(crate) fn spinner(what: &'static str) -> Progress {
        if !wanted() {
            return Progress(None);
        }
        let style = ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        Progress(Some(show(style, what, "")))
    }

    /// One more done.
    pub(crate) fn inc(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }

    /// Runs `f` with the spinner out of the way (for output on the same terminal).
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    /// Removes the spinner.
    pub(crate) fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// Configured while hidden, then shown: the first frame is already complete.
fn show(style: ProgressStyle, what: &'static str, prefix: &'static str) -> ProgressBar {
    let bar = ProgressBar::hidden();
    bar.set_style(style);
    bar.set_prefix(prefix);
    bar.set_message(what);
    bar.set_draw_target(ProgressDrawTarget::stderr());
    // The first frame now, not at the ticker's first turn (which a busy machine may delay
    // past a short operation).
    bar.tick();
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
