//! The dependents a release brings along: a package whose shipped requirement on a released
//! package changes is released too. Its version is a patch, or what its own commits call for
//! when that is more; after a pre-release it is a pre-release too, on the same identifier (a
//! stable `cli 0.3.1` that requires `core 2.0.0-rc.1` would ship on a release candidate).

use std::collections::BTreeMap;
use std::path::Path;

use git2::Oid;
use semver::{Prerelease, Version};

use super::{PackagePlan, package_plan, patch_of, versions};
use crate::config::Config;
use crate::error::Refusal;
use crate::git::Repo;
use crate::history::packages;
use crate::history::version::bump::Requested::Auto;
use crate::history::version::bump::pre_release_of;
use crate::release::dependents::{self, Member};
use crate::{Error, Result};

/// Adds to `chosen` every dependent its releases bring, until no release brings another.
pub(super) fn add_dependents(
    repo: &Repo,
    config: &Config,
    root: &Path,
    head: Oid,
    members: &[Member],
    chosen: &mut BTreeMap<String, PackagePlan>,
) -> Result<()> {
    let disk = |rel: &Path| super::read_text(root, rel);
    // Dependents whose shipped requirement changes are released too (a patch), until no
    // release brings another.
    loop {
        let released = versions(chosen);
        // Each with the pre-release identifier of a requirement it follows, if any.
        let mut due: BTreeMap<String, Option<String>> = BTreeMap::new();
        for c in dependents::changes(members, &disk, &released)? {
            if c.dev || chosen.contains_key(&c.dependent) {
                continue;
            }
            let id = identifier(&c.version);
            let slot = due.entry(c.dependent).or_default();
            if slot.is_none() {
                *slot = id;
            }
        }
        if due.is_empty() {
            break;
        }
        for (name, pre) in due {
            if chosen.contains_key(&name) {
                continue;
            }
            let plan = dependent_plan(repo, config, root, head, &name, pre.as_deref())?;
            chosen.insert(name, plan);
        }
    }
    Ok(())
}

/// The plan of `name`, released because a requirement of its own moved (`pre`: the
/// pre-release identifier of the version it follows): a patch, or what its own commits call
/// for when that is more.
pub(super) fn dependent_plan(
    repo: &Repo,
    config: &Config,
    root: &Path,
    head: Oid,
    name: &str,
    pre: Option<&str>,
) -> Result<PackagePlan> {
    let start = config.version.pre_release_start;
    let view = packages::view(config, name, root)?;
    // Its own release reverted with its tag left: said first, as for a package named
    // (its version file, set back by the revert, would otherwise be refused instead,
    // and setting it by hand would leave the reverted tag in HEAD's history).
    if let Some(r) = crate::release::reverted::section_gone(repo, &view) {
        return Err(Error::Refused(Refusal {
            what: format!("{name} (a dependent the release brings along): {}", r.what),
            ..r
        }));
    }
    // Never released: its first release is the version it has written (what
    // `version --all` calls it), with its own commits if it has any, not a patch
    // above it.
    let released = repo.latest_release_tag(head, &view.version.tag_prefix);
    let (current, _) = crate::release::current_version(repo, &view, root)?;
    let plan = if released.is_none() {
        let info = crate::release::version_info(repo, &view, root, &Auto, None).ok();
        let version = info.as_ref().map_or(current.clone(), |i| i.next.clone());
        let version = match pre {
            Some(id) => first_release(version, id, start),
            None => version,
        };
        package_plan(name, view, current, version, info)
    } else {
        let bumped = match pre {
            Some(id) => after_release(&current, id, start),
            None => patch_of(&current),
        };
        // Its own commits since its release may call for more than the patch (a
        // breaking change of its own): never released under a lower version.
        let own = crate::release::version_info(repo, &view, root, &Auto, pre).ok();
        match own {
            Some(i) if i.next.cmp_precedence(&bumped).is_gt() => {
                package_plan(name, view, current, i.next.clone(), Some(i))
            }
            _ => package_plan(name, view, current, bumped, None),
        }
    };
    // A dependent's version is relhook's choice, not the user's: past a tag another
    // branch already has (its release there), to the first version with none.
    let free = repo
        .tag_target(&plan.tag)
        .and_then(|_| crate::release::first_untaken(repo, &plan.view.version, &plan.version));
    let plan = match free {
        Some(free) if free != plan.version => {
            let PackagePlan {
                view,
                current,
                info,
                ..
            } = plan;
            package_plan(name, view, current, free, info)
        }
        _ => plan,
    };
    Ok(plan)
}

/// The pre-release identifier of `v` (`rc` of `2.0.0-rc.1`, `beta` of `1.0.0-beta`), if it is
/// a pre-release.
pub fn identifier(v: &Version) -> Option<String> {
    if v.pre.is_empty() {
        return None;
    }
    let pre = v.pre.as_str();
    let id = match pre.rsplit_once('.') {
        Some((id, n)) if n.bytes().all(|b| b.is_ascii_digit()) => id,
        _ => pre,
    };
    Some(id.to_owned())
}

/// The version of a dependent already released at `current` (its latest tag) that follows a
/// pre-release `id`: the next `id` pre-release of its patch, or of its own pre-release line.
pub fn after_release(current: &Version, id: &str, start: u64) -> Version {
    let base = Version::new(current.major, current.minor, current.patch);
    if current.pre.is_empty() {
        let patch = Version::new(current.major, current.minor, current.patch + 1);
        return pre_release_of(patch, Prerelease::EMPTY, id, start);
    }
    let next = pre_release_of(base.clone(), current.pre.clone(), id, start);
    if next.cmp_precedence(current).is_gt() {
        next
    } else {
        // Another identifier that sorts below the line's (`beta` after `rc`): the next patch.
        let patch = Version::new(base.major, base.minor, base.patch + 1);
        pre_release_of(patch, Prerelease::EMPTY, id, start)
    }
}

/// The first release of a never-released dependent, `planned`, as an `id` pre-release.
pub fn first_release(planned: Version, id: &str, start: u64) -> Version {
    if planned.pre.is_empty() {
        pre_release_of(planned, Prerelease::EMPTY, id, start)
    } else {
        planned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn the_identifier_is_the_pre_release_without_its_counter() {
        assert_eq!(identifier(&v("2.0.0-rc.1")).as_deref(), Some("rc"));
        assert_eq!(identifier(&v("2.0.0-beta")).as_deref(), Some("beta"));
        assert_eq!(identifier(&v("2.0.0-pre.x.3")).as_deref(), Some("pre.x"));
        assert_eq!(identifier(&v("2.0.0")), None);
    }

    #[test]
    fn a_stable_dependent_gets_the_first_pre_release_of_its_patch() {
        assert_eq!(after_release(&v("0.3.0"), "rc", 1), v("0.3.1-rc.1"));
        assert_eq!(after_release(&v("0.3.0"), "rc", 0), v("0.3.1-rc.0"));
    }

    #[test]
    fn a_dependent_on_the_same_line_counts_on() {
        assert_eq!(after_release(&v("0.3.1-rc.1"), "rc", 1), v("0.3.1-rc.2"));
        assert_eq!(after_release(&v("0.3.1-alpha.4"), "rc", 1), v("0.3.1-rc.1"));
        // `beta` sorts below `rc`: not on that line, the next patch's.
        assert_eq!(
            after_release(&v("0.3.1-rc.2"), "beta", 1),
            v("0.3.2-beta.1")
        );
    }

    #[test]
    fn a_first_release_is_a_pre_release_of_the_written_version() {
        assert_eq!(first_release(v("0.3.0"), "rc", 1), v("0.3.0-rc.1"));
        assert_eq!(first_release(v("0.3.0-beta.2"), "rc", 1), v("0.3.0-beta.2"));
    }
}
