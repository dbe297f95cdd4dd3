//! A name `relhook check` finds nowhere here that looks like a release tag's (`v0.1.0`): a
//! tag this clone did not fetch (CI's shallow clone fetches one commit and no tags). The fix
//! fetches from the remote this clone fetches from, as a tag: a plain `git fetch origin
//! v0.1.0` only writes FETCH_HEAD, and the same error follows. Any other name (`nonexist`, a
//! mistyped branch) is said not to exist, whatever the clone's depth: no fetch helps.

use crate::git::Repo;
use crate::shellword::quote;

/// Why `name`, which nothing here has, may still exist, and the fetch that brings it: `None`
/// with no remote to fetch from, or for a name that looks like no release tag (a version
/// under `tag_prefix`, or under `v` or none, the usual ones).
pub(super) fn maybe_tag(repo: &Repo, name: &str, tag_prefix: &str) -> Option<(String, String)> {
    let version = |p: &str| {
        name.strip_prefix(p)
            .is_some_and(|v| semver::Version::parse(v).is_ok())
    };
    if ![tag_prefix, "v", ""].into_iter().any(version) {
        return None;
    }
    let remote = quote(&repo.fetch_remote()?);
    if repo.is_shallow() {
        // Fetching the tag alone is not enough here: the walk from HEAD stops at the
        // boundary, so the history between them is fetched too.
        return Some((
            format!("`{name}` may be a tag this shallow clone did not fetch"),
            format!(
                "run `git fetch --unshallow --tags {remote}` (in GitHub Actions: `fetch-depth: 0` on actions/checkout), then check again"
            ),
        ));
    }
    Some((
        format!("`{name}` may be a release tag this clone did not fetch"),
        format!(
            "run `git fetch {remote} tag {}`, then check again",
            quote(name)
        ),
    ))
}
