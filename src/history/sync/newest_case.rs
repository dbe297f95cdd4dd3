//! git-cliff's capital (`upper_first`) as the newest commit's entry writes it. relhook wrote
//! its entries in the commit's lower case before it took git-cliff's capital, so a file may
//! hold both; the first that links its commit in a section is no newer than the rest there
//! (relhook adds at a group's end or by scope, git-cliff lists newest or oldest first), so
//! the commits those entries link say which is newest.

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::Changelog;

/// Whether new entries of `log` take git-cliff's capital, where the entries that decide it
/// ([`Changelog::cliff_case_votes`]) disagree: as the one whose commit descends from the
/// others' has it. `None` where they agree (the file alone says it), or where no two of the
/// commits they link are in this clone.
pub(super) fn newest_cliff_case(log: &Changelog, repo: &Repo) -> Option<bool> {
    let votes = log.cliff_case_votes();
    let (first, rest) = votes.split_first()?;
    if rest.iter().all(|(_, upper)| *upper == first.1) {
        return None;
    }
    let known: Vec<(Oid, bool)> = (votes.iter())
        .filter_map(|(hash, upper)| Some((commit(repo, hash)?, *upper)))
        .collect();
    let (newest, others) = known.split_first()?;
    if others.is_empty() {
        return None;
    }
    // The one whose commit descends from the newest so far takes its place.
    let descends = |c: &(Oid, bool), n: &(Oid, bool)| c.0 != n.0 && repo.reaches(c.0, n.0);
    let newest = (others.iter()).fold(newest, |n, c| if descends(c, n) { c } else { n });
    Some(newest.1)
}

/// The commit an abbreviated id names here, if it names one (an abbreviation git reads as a
/// ref's name, or as two objects, names none).
fn commit(repo: &Repo, hash: &str) -> Option<Oid> {
    let id = repo.revparse_commit(hash).ok()?;
    id.to_string().starts_with(hash).then_some(id)
}
