//! The command a refused hand tag's line names instead of the slip (`git tag -a v0.1.0 …` for
//! `V0.1.0`, `v1.0.0` for `v01.0.0`): that tag only where it would pass itself, as far as its
//! name and order go; else the release command, which takes the next version, with the reason
//! (`v0.1.0` below the v1.0.0 it descends from, or `v1.0.0` there already).

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// Why release tag `name` of `version` on `target` would be refused as well: there already,
/// or not above the release it descends from. `None` when neither holds.
fn blocked(
    repo: &Repo,
    config: &Config,
    name: &str,
    version: &Version,
    target: Oid,
) -> Option<String> {
    if repo.ref_target(&format!("refs/tags/{name}")).is_some() {
        return Some(format!("tag {name} is there already"));
    }
    let commit = repo.peel_to_commit(target)?;
    let (below, at) = super::rules::greatest_below(repo, config, commit, name)?;
    version
        .cmp_precedence(&at)
        .is_le()
        .then(|| format!("{name} is not greater than {below}, which it descends from"))
}

/// The command, in backticks, that makes release `version` (under the release tags' prefix) on
/// `target` in place of a refused tag: `Ok`, the hand tag, where it would pass; else `Err`, the
/// release command with why (it takes the next version). `delete`: the refused tag is made
/// already, and goes first (`git tag -d NAME && …`).
pub(super) fn command(
    repo: &Repo,
    config: &Config,
    version: &Version,
    target: Oid,
    delete: Option<&str>,
) -> Result<String, String> {
    let name = format!("{}{version}", config.version.tag_prefix);
    let first = delete
        .map(|d| format!("git tag -d {} && ", crate::shellword::quote(d)))
        .unwrap_or_default();
    match blocked(repo, config, &name, version, target) {
        None => Ok(format!("`{first}{}`", config.hand_tag_command(&name))),
        Some(why) => Err(format!("`{first}{}` ({why})", config.release_command())),
    }
}
