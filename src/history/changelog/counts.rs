//! The work counters of the changelog model that tests bound (`RELHOOK_TEST_*`): how often the
//! file was parsed and its entries normalised, per thread.

thread_local! {
    static LINES_PARSED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static NORMALIZED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many texts [`super::normalize`] has read on this thread: the work a test bounds
/// (`RELHOOK_TEST_NORMALIZED`), so that a plan normalises each entry once, not once a question.
pub fn normalized() -> usize {
    NORMALIZED.with(std::cell::Cell::get)
}

/// How many lines [`super::Changelog::parse`] has read on this thread: tests use it to prove that a
/// history operation parses the file once, not once per commit.
pub fn lines_parsed() -> usize {
    LINES_PARSED.with(std::cell::Cell::get)
}

pub use super::parse::lines_analyzed;

/// How many times [`super::Changelog::parse`] has run on this thread: the work a test bounds
/// (`RELHOOK_TEST_PARSE_COUNT`), so that no hook parses a stored changelog once per tag.
pub fn parses() -> usize {
    PARSES.with(std::cell::Cell::get)
}

/// Counts one text [`super::normalize`] reads.
pub(super) fn normalizing() {
    NORMALIZED.with(|n| n.set(n.get() + 1));
}

/// Counts one [`super::Changelog::parse`] of `lines` lines.
pub(super) fn parsing(lines: usize) {
    LINES_PARSED.with(|n| n.set(n.get() + lines));
    PARSES.with(|n| n.set(n.get() + 1));
}
