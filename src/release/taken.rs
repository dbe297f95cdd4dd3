//! A release whose tag exists already (a tag on a commit the branch does not hold: an
//! abandoned line's, or the same version released elsewhere): the refusal names the first
//! version above it that a release would take.

use semver::{Prerelease, Version};

use crate::config::VersionConfig;
use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// The refusal of a release whose tag exists already, naming the first version above it with
/// no tag: "pick another version" alone sent the user back to `relhook release`, which
/// computes the same one again. A pre-release of a version released already (its tag on the
/// abandoned line too) is never named: the line moves to the next patch.
pub fn tag_taken(
    repo: &Repo,
    version_config: &VersionConfig,
    tag: &str,
    version: &Version,
    release: &str,
) -> Refusal {
    // On a commit no branch holds (a reset dropped it), the tag may be given back.
    let stranded = repo
        .release_tag_candidates(&version_config.tag_prefix)
        .into_iter()
        .find(|t| t.name == tag)
        .is_some_and(|t| super::stranded::on_no_branch(repo, t.commit));
    let refusal = taken(repo, version_config, tag, version, release);
    if !stranded {
        return refusal;
    }
    Refusal::new(
        Reason::TagExists,
        format!(
            "tag {tag} already exists on a commit no branch holds (a reset, a rebase or a deleted branch left it)"
        ),
        super::stranded::fix(
            repo,
            tag,
            refusal.fix.as_deref().unwrap_or("pick another version"),
        ),
    )
}

fn taken(
    repo: &Repo,
    version_config: &VersionConfig,
    tag: &str,
    version: &Version,
    release: &str,
) -> Refusal {
    // A pre-release whose `X.Y.Z` is released: the tag that exists is that release's (not the
    // pre-release's own, however it spells it: `1.1.0rc2`).
    let base = format!("{}.{}.{}", version.major, version.minor, version.patch);
    let what = match version.pre.is_empty() || !tag.ends_with(&base) {
        true => format!("tag {tag} already exists"),
        false => format!(
            "{version} would be a pre-release of a released version: tag {tag} already exists"
        ),
    };
    match first_untaken(repo, version_config, version) {
        Some(free) if free.pre.is_empty() || same_release(&free, version) => Refusal::new(
            Reason::TagExists,
            what,
            format!(
                "a released tag is never reused: `{release} {free}` takes the first version above it with no tag"
            ),
        ),
        Some(free) => Refusal::new(
            Reason::TagExists,
            what,
            format!(
                "{}.{}.{} is released already: `{release} {free}` takes the first pre-release above it with no tag",
                version.major, version.minor, version.patch
            ),
        ),
        None => Refusal::new(
            Reason::TagExists,
            what,
            "a released tag is never reused (pick another version)",
        ),
    }
}

/// The version whose tag keeps `version` from being released on this branch, if one does:
/// `version` itself, tagged already, or for a pre-release its `X.Y.Z`, released already (a
/// pre-release of a released version is never made: [`first_untaken`] moves past it, and so
/// must the check that calls for it, not only a taken pre-release's own tag).
pub fn taken_by(repo: &Repo, version_config: &VersionConfig, version: &Version) -> Option<Version> {
    let tagged = |v: &Version| held_by(repo, version_config, v).is_some();
    if tagged(version) {
        return Some(version.clone());
    }
    let base = Version::new(version.major, version.minor, version.patch);
    (!version.pre.is_empty() && tagged(&base)).then_some(base)
}

/// The name of the tag that holds `version`: its own (`v1.1.0-rc.2`), else one that spells the
/// same version otherwise (a Python project's PEP 440 `1.1.0rc2`), which a release of it
/// would tag a second time. `None`: no tag holds it.
pub fn held_by(repo: &Repo, version_config: &VersionConfig, version: &Version) -> Option<String> {
    let prefix = &version_config.tag_prefix;
    let own = format!("{prefix}{version}");
    if repo.tag_target(&own).is_some() {
        return Some(own);
    }
    (repo.release_tag_candidates(prefix).into_iter())
        .find(|t| t.version == *version)
        .map(|t| t.name)
}

/// The first version above `version` with no tag: what [`tag_taken`]'s refusal names, and so
/// what `relhook version --next` prints when `version`'s tag exists already. `None` after a
/// thousand taken versions.
pub fn first_untaken(
    repo: &Repo,
    version_config: &VersionConfig,
    version: &Version,
) -> Option<Version> {
    let prefix = &version_config.tag_prefix;
    let existing: Vec<Version> = repo
        .release_tag_candidates(prefix)
        .into_iter()
        .map(|t| t.version)
        .collect();
    let taken =
        |v: &Version| existing.contains(v) || repo.tag_target(&format!("{prefix}{v}")).is_some();
    first_free(version, version_config.pre_release_start, taken)
}

/// Whether `a` and `b` are pre-releases (or releases) of the same `X.Y.Z`.
fn same_release(a: &Version, b: &Version) -> bool {
    (a.major, a.minor, a.patch) == (b.major, b.minor, b.patch)
}

/// The first version above `version` whose tag is not `taken`. A release: the next free patch.
/// A pre-release (`X.Y.Z-rc.N`): the next `rc` number above every taken one of `X.Y.Z`, unless
/// `X.Y.Z` itself is taken (released), when the line moves to the next patch whose release is
/// free, starting at `start` (`rc.1`) there or above its taken pre-releases. `None` after
/// a thousand taken versions.
fn first_free(version: &Version, start: u64, taken: impl Fn(&Version) -> bool) -> Option<Version> {
    if version.pre.is_empty() {
        let mut free = version.clone();
        for _ in 0..1000 {
            free.patch = free.patch.checked_add(1)?;
            if !taken(&free) {
                return Some(free);
            }
        }
        return None;
    }
    let pre = version.pre.as_str();
    let (label, n) = match pre.rsplit_once('.') {
        Some((label, n)) if n.parse::<u64>().is_ok() => (label, n.parse::<u64>().ok()),
        _ => (pre, None),
    };
    let mut base = Version::new(version.major, version.minor, version.patch);
    let mut next = n.map_or(1, |n| n.saturating_add(1));
    for _ in 0..1000 {
        if taken(&base) {
            base.patch = base.patch.checked_add(1)?;
            next = start;
            continue;
        }
        for _ in 0..1000 {
            let mut free = base.clone();
            free.pre = Prerelease::new(&format!("{label}.{next}")).ok()?;
            if !taken(&free) {
                return Some(free);
            }
            next = next.checked_add(1)?;
        }
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::first_free;
    use semver::Version;

    fn free(version: &str, tags: &[&str]) -> String {
        let tags: Vec<Version> = tags.iter().map(|t| Version::parse(t).unwrap()).collect();
        first_free(&Version::parse(version).unwrap(), 1, |v| tags.contains(v))
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_release_moves_to_the_next_free_patch() {
        assert_eq!(free("4.13.0", &["4.13.0"]), "4.13.1");
        assert_eq!(free("0.1.1", &["0.1.1", "0.1.2"]), "0.1.3");
    }

    #[test]
    fn a_pre_release_continues_its_line_while_the_version_is_not_released() {
        assert_eq!(free("1.0.0-rc.1", &["1.0.0-rc.1"]), "1.0.0-rc.2");
        assert_eq!(free("1.0.0-rc.9", &["1.0.0-rc.9"]), "1.0.0-rc.10");
        assert_eq!(free("1.0.0-beta", &["1.0.0-beta"]), "1.0.0-beta.1");
        assert_eq!(
            free("1.0.0-rc.1", &["1.0.0-rc.1", "1.0.0-rc.2"]),
            "1.0.0-rc.3"
        );
    }

    #[test]
    fn a_pre_release_of_a_released_version_moves_to_the_next_patch() {
        assert_eq!(free("1.1.0-rc.1", &["1.1.0-rc.1", "1.1.0"]), "1.1.1-rc.1");
        assert_eq!(
            free("1.1.0-rc.1", &["1.1.0-rc.1", "1.1.0", "1.1.1-rc.1"]),
            "1.1.1-rc.2"
        );
        assert_eq!(
            free("1.1.0-rc.1", &["1.1.0-rc.1", "1.1.0", "1.1.1"]),
            "1.1.2-rc.1"
        );
    }
}
