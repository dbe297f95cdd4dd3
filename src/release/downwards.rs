//! A version file above the version a release would make (`pyproject.toml` at `1.0.0b1`, its
//! beta tagged `v1.0.0b1`, which relhook cannot read, while the tags it reads say `0.9.11`):
//! bumping it would write its version down, and listing it would not help (a listed file is
//! bumped), so the release is refused, naming the version that goes on from it.

use std::path::Path;

use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::above::{above, advice, as_semver};
use crate::history::version::files::{self, VersionFile};

/// For `relhook version --next`: the refusal the release of `next` meets when a version file
/// holds a version above it (package.json at `2.0.0-beta.0` while the commits since `v1.2.0`
/// call for 1.3.0), so the version shown is one the release makes, never one it refuses.
pub fn next_refused(repo: &Repo, config: &Config, root: &Path, next: &Version) -> Option<Refusal> {
    // As the release judges it: a pre-release of the final version a file announces is none.
    let core = |v: &Version| (v.major, v.minor, v.patch);
    let over = |f: &VersionFile| {
        let v = as_semver(&files::read_version(root, f).ok()?)?;
        (v.cmp_precedence(next).is_gt() && !(v.pre.is_empty() && core(&v) == core(next)))
            .then_some(())
    };
    super::version_files(config, root).iter().find_map(over)?;
    // A release tag relhook passed over (`v1.0.0b1`) is said beside the version, with the way.
    if crate::history::passed_over::passed_over(repo, config).is_some() {
        return None;
    }
    match super::files::sorted(repo, config, root, next) {
        Err(crate::Error::Refused(r)) => Some(r),
        _ => None,
    }
}

/// When the release of `next` is refused for a version file above it: the version a release
/// and a hand tag take instead ([`way_on`]'s), checked as the release checks the files, so
/// doctor names both the tag refused and the one accepted, never "hand tags" as a whole.
pub fn taken_instead(repo: &Repo, config: &Config, root: &Path, next: &Version) -> Option<Version> {
    next_refused(repo, config, root, next)?;
    let core = |v: &Version| (v.major, v.minor, v.patch);
    let held = super::version_files(config, root).iter().find_map(|f| {
        let v = as_semver(&files::read_version(root, f).ok()?)?;
        (v.cmp_precedence(next).is_gt() && !(v.pre.is_empty() && core(&v) == core(next)))
            .then_some(v)
    })?;
    let released = (repo
        .release_tag_candidates(&config.version.tag_prefix)
        .iter())
    .any(|t| t.version == held);
    let instead = above(&held, released).0;
    super::files::sorted(repo, config, root, &instead)
        .is_ok()
        .then_some(instead)
}

/// The refusal for `f`, which says `old` (`held` in SemVer's spelling, `released` when a tag
/// made it), above `new`.
pub(super) fn refusal(
    config: &Config,
    (f, old): (&VersionFile, &str),
    held: &Version,
    released: bool,
    new: &Version,
) -> Refusal {
    let what = format!(
        "{} says {old} ({}), above {new}, the version this release would make, and a release never writes a version file's version down",
        f.path.display(),
        f.locator
    );
    let way = pre_way_on(config, held, released, new);
    let way = way.unwrap_or_else(|| way_on(config, held, released));
    Refusal::new(Reason::VersionFile, what, way)
}

/// [`way_on`] for a pre-release asked for (`--pre rc`): the version above the file's as such a
/// pre-release (`2.5.0-rc.1` over poetry's `2.5.0.dev0`), so the pasted command makes what was
/// asked for, not the final release; `None` where none is above the file's.
fn pre_way_on(config: &Config, held: &Version, released: bool, new: &Version) -> Option<String> {
    let label = new
        .pre
        .as_str()
        .split('.')
        .next()
        .filter(|l| !l.is_empty())?;
    let (mut pre, _) = above(held, released);
    if !pre.pre.is_empty() {
        return None;
    }
    let start = config.version.pre_release_start;
    pre.pre = semver::Prerelease::new(&format!("{label}.{start}")).ok()?;
    let command = format!("`{} {pre}`", config.release_command());
    (pre.cmp_precedence(held).is_gt()).then(|| format!("release a version above it: {command}"))
}

/// The fix of [`refusal`], and of the note on such a file left alone.
pub(super) fn way_on(config: &Config, held: &Version, released: bool) -> String {
    let command = advice(&config.release_command(), held, released);
    match above(held, released).0 == *held {
        true => format!("release the version it holds: {command}"),
        false => format!("release a version above it: {command}"),
    }
}
