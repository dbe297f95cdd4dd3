//! How many times this thread looked for a half-made release ([`super::half_made_from`]):
//! the work a test bounds (`RELHOOK_TEST_HALF_MADE`), where timing would be flaky. Each look
//! reads up to 50 commits and their changelogs; a hand tag's checks ask for it several times.

thread_local! {
    static SEARCHES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts one look.
pub(super) fn count() {
    SEARCHES.with(|s| s.set(s.get() + 1));
}

/// How many times this thread looked for a half-made release.
pub fn half_made_searches() -> usize {
    SEARCHES.with(std::cell::Cell::get)
}
