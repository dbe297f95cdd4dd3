//! The newest release commit on a tip's first-parent line (`resume::release_commit_on`),
//! looked for once per tip while the repository holds still: a hand tag's `prepared` checks
//! ask for HEAD's twice (its half-made release, then a release commit rewritten after its
//! tag), each time reading up to 50 commits and matching their messages.

use std::cell::RefCell;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// The answers of one stretch of holding still: its number, the tip, the configuration.
type Seen = Vec<(u64, Oid, Config, Option<(Oid, Version)>)>;

thread_local! {
    static SEEN: RefCell<Seen> = const { RefCell::new(Vec::new()) };
}

/// `find`'s answer for `tip` under `config`, found once while `repo` holds still (no ref
/// moves, no commit is made: the answer cannot change). Only this stretch's answers are kept:
/// one found before a write is never given after it.
pub(super) fn once(
    repo: &Repo,
    config: &Config,
    tip: Oid,
    find: impl FnOnce() -> Option<(Oid, Version)>,
) -> Option<(Oid, Version)> {
    let Some(period) = repo.still_period() else {
        return find();
    };
    let known = SEEN.with_borrow(|seen| {
        seen.iter()
            .find(|(p, t, c, _)| *p == period && *t == tip && c == config)
            .map(|(.., found)| found.clone())
    });
    if let Some(found) = known {
        return found;
    }
    let found = find();
    SEEN.with_borrow_mut(|seen| {
        seen.retain(|(p, ..)| *p == period);
        seen.push((period, tip, config.clone(), found.clone()));
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::{git, untagged_release};
    use crate::release::resume::release_commit_on;

    #[test]
    fn a_release_commit_found_is_not_given_once_the_repository_moves() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        untagged_release(dir);
        let repo = Repo::open(dir).unwrap();
        let config = Config::default();
        let head = repo.head().unwrap();
        let untagged = Some((head, Version::new(0, 2, 0)));
        repo.hold_still();
        assert_eq!(release_commit_on(&repo, &config, head), untagged);
        assert_eq!(release_commit_on(&repo, &config, head), untagged);
        // Another configuration is answered for itself: no such message, nor changelog.
        let mut other = config.clone();
        other.release.commit_message = "release: {version}".into();
        other.changelog.path = "CHANGES.md".into();
        assert_eq!(release_commit_on(&repo, &other, head), None);
        // Tagged since: the same tip is looked at again, and the release is the last one.
        repo.let_go();
        git(dir, &["tag", "-a", "v0.2.0", "-m", "release 0.2.0"]);
        repo.hold_still();
        assert_eq!(release_commit_on(&repo, &config, head), None);
        repo.let_go();
        assert_eq!(release_commit_on(&repo, &config, head), None);
    }
}
