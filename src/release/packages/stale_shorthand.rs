//! A package whose last release published a workspace shorthand (`workspace:*`) on a sibling
//! as a version the sibling has left since: a hand tag of the sibling (`git tag -a a-v1.0.1`)
//! releases it alone, and the reference-transaction hook names the dependent's release. The
//! dependent's published copy still requires the old version, so it is due a release of its
//! own: `release --package` and `--all` make it, `version --all --next` and doctor say it.
//! Judged as the hook judges it (`shorthand::judged`, through
//! `dependents::changes_keeping_ranges`), with the files of the dependent's release tag as
//! what it published (each package in the folder the configuration committed with it gave
//! it) and the sibling's version as the work tree has it now.

use std::collections::BTreeMap;
use std::path::Path;

use semver::Version;

use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::files::deps::{self, Manifest};
use crate::release::dependents::{self, Change, Member};
use crate::release::shorthand;

/// The requirements of `name`'s last release (the tag HEAD holds) that publish a workspace
/// shorthand on a sibling as a version that sibling's version now no longer meets, and that
/// its package.json still writes as a shorthand: each makes `name` due a release. Empty for a
/// package never released or released with every shorthand still met. Development
/// dependencies ship nothing.
pub fn stale_shorthands(
    repo: &Repo,
    config: &Config,
    root: &Path,
    name: &str,
) -> Result<Vec<Change>> {
    let Some(p) = config.packages.iter().find(|p| p.name == name) else {
        return Ok(Vec::new());
    };
    let disk = |rel: &Path| super::read_text(root, rel);
    // Only a package.json's shorthand publishes the linked version (`shorthand::judged`).
    let Some(own) = disk(&p.path.join("package.json"))? else {
        return Ok(Vec::new());
    };
    let Some(now) = deps::requirements(Manifest::Npm, &own) else {
        return Ok(Vec::new());
    };
    let any = Version::new(0, 0, 0);
    if !now
        .iter()
        .any(|r| shorthand::published(&r.text, &any).is_some())
    {
        return Ok(Vec::new());
    }
    let Some(head) = repo.head() else {
        return Ok(Vec::new());
    };
    let view = crate::history::packages::view(config, name, root)?;
    let Some((_, released)) = repo.latest_release_tag(head, &view.version.tag_prefix) else {
        return Ok(Vec::new());
    };
    // Every other package at the version its package.json has now: what a shorthand on it
    // is published as today.
    let mut versions = BTreeMap::new();
    for other in config.packages.iter().filter(|o| o.name != name) {
        let version = disk(&other.path.join("package.json"))?
            .and_then(|t| crate::history::version::files::json_value(t.as_bytes()))
            .and_then(|v| Version::parse(v.get("version")?.as_str()?.trim()).ok());
        if let Some(version) = version {
            versions.insert(other.name.clone(), version);
        }
    }
    if versions.is_empty() {
        return Ok(Vec::new());
    }
    let at_release = |rel: &Path| -> Result<Option<String>> {
        Ok(repo
            .file_at(released, rel)?
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned()))
    };
    // Each package where the configuration committed with that release had it (a package
    // moved since was read in its old folder then).
    let today = super::left_behind::members(config);
    let then = crate::history::packages::then::stored(repo, released);
    let members: Vec<Member> = today
        .iter()
        .map(|m| Member {
            dir: (then.as_ref())
                .and_then(|then| {
                    crate::history::packages::then::same_package(then, config, &m.package)
                })
                .map_or_else(|| m.dir.clone(), |p| p.path.clone()),
            package: m.package.clone(),
        })
        .collect();
    let mut changes = dependents::changes_keeping_ranges(&members, &at_release, &versions)?;
    // Said where the file is now.
    let (dir_then, dir_now) = (&members, &today);
    for c in &mut changes {
        let now = dir_now.iter().find(|m| m.package == c.dependent);
        let then = dir_then.iter().find(|m| m.package == c.dependent);
        if let (Some(now), Some(then)) = (now, then)
            && let Ok(rest) = c.file.strip_prefix(&then.dir)
        {
            c.file = now.dir.join(rest);
        }
    }
    // Still written as a shorthand on that sibling: a requirement rewritten since publishes
    // what it says, and a commit of the package's own brings that.
    let still = |c: &Change| {
        now.iter().any(|r| {
            r.name == c.name && !r.dev && shorthand::published(&r.text, &c.version).is_some()
        })
    };
    Ok(changes
        .into_iter()
        .filter(|c| c.dependent == name && c.published.is_some() && !c.dev && still(c))
        .collect())
}
