//! Both sides released one version, differently (two clones released it, and one pulls the
//! other's): the merge driver leaves both sections between conflict markers and says the way
//! on. While git is stopped there, `relhook doctor` gives the same way as one row, for the
//! rebase or the merge it is stopped in: keep the published release, never a blend of the two
//! sections, and no history rewrite while git is stopped.

use std::path::{Path, PathBuf};

use git2::Oid;

use crate::config::Config;
use crate::git::{Repo, short_id};
use crate::history::changelog::Changelog;
use crate::hooks::doctor::{Check, Status};
use crate::shellword::quote;

/// The tag of `version` in the changelog at `label` (a package's has its prefix), quoted for
/// sh, and the command that releases the next version of it.
pub(super) fn tag_and_release(
    config: Option<&Config>,
    label: &Path,
    version: &str,
) -> (String, String) {
    let config = config.map(|c| crate::history::reverts::config_for_changelog(c, label));
    let (prefix, release) = config.map_or_else(
        || ("v".to_owned(), "relhook release".to_owned()),
        |c| (c.version.tag_prefix.clone(), c.release_command()),
    );
    (quote(&format!("{prefix}{version}")), release)
}

/// A rebase or merge stopped on a changelog both sides released a version in.
#[derive(Debug)]
pub(in crate::cli) struct TwiceStop {
    /// The changelog, from the top of the work tree.
    pub path: PathBuf,
    /// The release tag of the version, as git names it.
    pub tag: String,
    /// doctor's row: the way on.
    pub check: Check,
}

/// The way on while a rebase or merge is stopped on a changelog both sides released one
/// version in, differently; `None` otherwise (another conflict, another operation).
pub(in crate::cli) fn twice_stop(repo: &Repo, config: &Config) -> Option<TwiceStop> {
    let rebase = match repo.operation_command()? {
        "git rebase" => true,
        "git merge" => false,
        _ => return None,
    };
    let logs: Vec<PathBuf> = std::iter::once(config.changelog.path.clone())
        .chain(config.packages.iter().map(|p| p.changelog.clone()))
        .collect();
    let (path, version) = repo.conflicts().into_iter().find_map(|c| {
        if !logs.contains(&c.path) {
            return None;
        }
        let [b, o, t] = repo
            .conflict_sides(&c.path)?
            .map(|s| s.and_then(Changelog::from_utf8));
        let v = super::driver::released_on_both_sides(&b?, &o?, &t?)?;
        Some((c.path, v))
    })?;
    let view = crate::history::reverts::config_for_changelog(config, &path);
    let tag = format!("{}{version}", view.version.tag_prefix);
    let (quoted, release) = tag_and_release(Some(config), &path, &version);
    // The published side: what the rebase replays onto, or the merged commit.
    let published = if rebase {
        repo.rebase_onto()?
    } else {
        repo.ref_target("MERGE_HEAD")?
    };
    let remote = publisher(repo, published);
    // This clone's own tag of the version, which no remote has: it goes for the remote's.
    let own = repo
        .tag_target(&tag)
        .and_then(|t| repo.peel_to_commit(t))
        .filter(|c| !repo.held_by_any(&repo.remote_tracking_commits("*"), *c));
    let retag = match (&own, &remote) {
        (Some(_), Some(r)) => Some(format!(
            "git tag -d {quoted} && git fetch {} tag {quoted}",
            quote(r)
        )),
        (Some(_), None) => Some(format!("git tag -d {quoted}")),
        _ => None,
    };
    let with_retag = |first: String| match &retag {
        Some(r) => format!("{first} && {r}"),
        None => first,
    };
    let shown = path.display();
    let what = format!(
        "stopped on {shown}: both sides released {version}, differently; keep theirs (its tag is published) and release yours as the next version"
    );
    let retag_words = if retag.is_some() {
        ", its tag is deleted for the remote's"
    } else {
        ""
    };
    let (detail, fix) = if rebase {
        (
            format!(
                "{what}: `git rebase --skip` drops this clone's release commit (its entries stay under Unreleased){retag_words}, then `{release}` makes the next version"
            ),
            with_retag("git rebase --skip".into()),
        )
    } else {
        merge_way(
            repo,
            &what,
            own,
            published,
            retag_words,
            &release,
            with_retag,
        )
    };
    Some(TwiceStop {
        path,
        tag,
        check: Check {
            subject: if rebase { "rebase" } else { "merge" }.into(),
            status: Status::Invalid,
            detail,
            fix: Some(fix),
        },
    })
}

/// A merge's way on: given up, this clone's release commit `own` dropped, then the merge made
/// again (of the remote-tracking branch at `merged` when there is one). The commit is dropped
/// with `git reset --keep` when it is HEAD, else by a rebase once the merge is given up.
fn merge_way(
    repo: &Repo,
    what: &str,
    own: Option<Oid>,
    merged: Oid,
    retag_words: &str,
    release: &str,
    with_retag: impl Fn(String) -> String,
) -> (String, String) {
    let head = repo.head();
    let Some(own) = own.filter(|c| head.is_some_and(|h| repo.held_by_any(&[h], *c))) else {
        return (
            format!(
                "{what}: `git merge --abort`, then drop this clone's release commit (`git reset --keep <it>~1`), take the remote's tag for this clone's, merge again, and `{release}` makes the next version"
            ),
            "git merge --abort".into(),
        );
    };
    let drop = if head == Some(own) {
        "git reset --keep HEAD~1".to_owned()
    } else {
        let id = short_id(own);
        format!("git rebase --onto {id}~1 {id}")
    };
    let again = repo
        .branches_at("remotes/*")
        .into_iter()
        .find(|(_, c)| *c == merged)
        .and_then(|(n, _)| n.strip_prefix("remotes/").map(quote))
        .unwrap_or_else(|| short_id(merged));
    let fix = format!(
        "{} && git merge {again}",
        with_retag(format!("git merge --abort && {drop}"))
    );
    let detail = format!(
        "{what}: the merge is given up and this clone's release commit ({}) dropped (its entries stay under Unreleased){retag_words}, the merge made again, then `{release}` makes the next version",
        short_id(own)
    );
    (detail, fix)
}

/// The remote whose remote-tracking branches hold `commit`.
fn publisher(repo: &Repo, commit: Oid) -> Option<String> {
    (repo.remote_names().into_iter())
        .find(|r| repo.held_by_any(&repo.remote_tracking_commits(r), commit))
}
