//! A hand tag on a branch releases are not made from: the way to the release branch, which
//! takes the branch's commits along where the release branch lacks them (a tag there after
//! a plain switch would release without them, or find nothing to release).

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::shellword::quote;

/// What to do instead of tagging `branch` (HEAD, at `head`): the commands to a release branch
/// (`git switch master`, or `cd WORKTREE` where it is checked out), with `git merge BRANCH`
/// after them where that release branch does not hold `head`, and "and tag there".
pub(super) fn tag_there(repo: &Repo, config: &Config, branch: &str, head: Oid) -> String {
    let homes = homes(repo, config, branch);
    let holding = homes.iter().find(|(_, tip)| repo.reaches(*tip, head));
    if let Some((home, _)) = holding {
        return format!("`{}` and tag there", repo.switch_command(home));
    }
    // The release branch `branch` was made from, the nearest where several are: its commits
    // are the ones to merge. Else the first there is.
    let from = homes
        .iter()
        .filter(|(_, tip)| repo.reaches(head, *tip))
        .reduce(
            |near, other| match other.1 != near.1 && repo.reaches(other.1, near.1) {
                true => other,
                false => near,
            },
        );
    let Some((home, _)) = from.or(homes.first()) else {
        return format!(
            "no branch here is named so: make one from `{branch}` (`git switch -c <name>`, a name `release.branches` admits) and tag there"
        );
    };
    format!(
        "{home} lacks commits of `{branch}`, so merge them first: `{} && git merge {}`, then tag there",
        repo.switch_command(home),
        quote(branch)
    )
}

/// The local branches releases are made from, each with its tip: every plain name of
/// `release.branches` that is a branch here, in order, then the branches a pattern
/// (`release/*`) matches, by name.
fn homes(repo: &Repo, config: &Config, branch: &str) -> Vec<(String, Oid)> {
    let names = crate::release::release_branches(repo, config);
    let mut out: Vec<(String, Oid)> = (names.iter())
        .filter(|n| !n.contains('*'))
        .filter_map(|n| Some((n.clone(), repo.local_branch_tip(n)?)))
        .collect();
    let mut matched: Vec<(String, Oid)> = (repo.branches_at("heads/*").into_iter())
        .filter_map(|(name, tip)| Some((name.strip_prefix("heads/")?.to_owned(), tip)))
        .filter(|(name, _)| name != branch && !out.iter().any(|(o, _)| o == name))
        .filter(|(name, _)| {
            (names.iter()).any(|n| n.contains('*') && crate::release::branch_matches(n, name))
        })
        .collect();
    matched.sort();
    out.extend(matched);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homes_are_plain_names_then_pattern_matches_by_name_never_the_branch_itself() {
        let tmp = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| crate::git::testing::git(tmp.path(), args);
        git(&["init", "-q", "-b", "main"]);
        git(&["commit", "-q", "--allow-empty", "-m", "one"]);
        for b in [
            "release/2.x",
            "release/1.x",
            "release/x/fix",
            "rel",
            "feature",
        ] {
            git(&["branch", b]);
        }
        let text = "[release]\nbranches = [\"release/*\", \"main\", \"gone\"]\n";
        let config = Config::parse(std::path::Path::new(".relconfig.toml"), text).unwrap();
        let repo = Repo::open(tmp.path()).unwrap();
        let names: Vec<String> = (homes(&repo, &config, "release/2.x").into_iter())
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["main", "release/1.x"]);
    }
}
