//! The version files a release to a version would write, sorted (`files::sorted`) once while
//! the work tree and the repository hold still: a hand tag's `prepared` checks ask twice (a
//! Python version's spelling, then the files the release leaves alone), each time detecting,
//! reading and sorting every version file.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use semver::Version;

use super::files::Sorted;
use crate::config::Config;
use crate::git::Repo;

/// The answers of one stretch of holding still: the repository's and the version files'
/// periods, then what the answer was asked for.
type Seen = Vec<((u64, u64), PathBuf, Config, Version, Sorted)>;

thread_local! {
    static SEEN: RefCell<Seen> = const { RefCell::new(Vec::new()) };
}

/// How many times this process sorted version files (a kept answer is no sort).
static SORTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The version file sorts so far: a test bounds a command's sorts by them
/// (`RELHOOK_TEST_VERSION_SORTS`), where timing would be flaky.
pub fn sorts() -> usize {
    SORTS.load(std::sync::atomic::Ordering::Relaxed)
}

/// `sort`'s answer for a release of `root` to `new` under `config`, found once while `repo`
/// and the version files hold still (no file is written, no ref moves: the answer cannot
/// change). A refusal is not kept: it is found again, and said where it is asked.
pub(super) fn once(
    repo: &Repo,
    config: &Config,
    root: &Path,
    new: &Version,
    sort: impl FnOnce() -> crate::Result<Sorted>,
) -> crate::Result<Sorted> {
    let period = repo
        .still_period()
        .zip(crate::history::version::files::still_period());
    let Some(period) = period else {
        return counted(sort);
    };
    let known = SEEN.with_borrow(|seen| {
        seen.iter()
            .find(|(p, r, c, v, _)| *p == period && r == root && v == new && c == config)
            .map(|(.., sorted)| sorted.clone())
    });
    if let Some(sorted) = known {
        return Ok(sorted);
    }
    let sorted = counted(sort)?;
    SEEN.with_borrow_mut(|seen| {
        seen.retain(|(p, ..)| *p == period);
        seen.push((
            period,
            root.to_owned(),
            config.clone(),
            new.clone(),
            sorted.clone(),
        ));
    });
    Ok(sorted)
}

fn counted(sort: impl FnOnce() -> crate::Result<Sorted>) -> crate::Result<Sorted> {
    SORTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    sort()
}
