//! Doctor's note for a version file ahead of every release tag while the changelog has no
//! section for its version: bumped by hand and never released, or released (tagged
//! elsewhere, or past relhook) without its section. Nothing else said it: the next release
//! either makes that version or refuses to write it down, and doctor said "all is well".

use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The note for the first version file (the project's own, not a package's) whose version is
/// above every release tag under `tag_prefix` and has no `## [X.Y.Z]` section; `None` before
/// the first release tag (the files then say where the first release starts).
pub(super) fn version_ahead(repo: &Repo, config: &Config) -> Option<Check> {
    if config.package.is_some() {
        return None;
    }
    let root = repo.work_tree()?;
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    // Released at least once here: the newest tag HEAD holds is where releases go on from.
    let (latest, _) = repo.latest_release_tag(head, prefix)?;
    let greatest = (repo.release_tag_candidates(prefix).into_iter())
        .max_by(|a, b| a.version.cmp_precedence(&b.version))?;
    let path = &config.changelog.path;
    let file = crate::fsx::confine(&root, path).ok()?;
    let text = String::from_utf8(crate::fsx::read_regular_optional(&file).ok()??).ok()?;
    let log = crate::history::sync::parsed(repo, &text)?;
    let sections: Vec<Version> = (log.versions().iter())
        .filter_map(|v| crate::history::changelog::release_version(v))
        .collect();
    let (f, version) = crate::release::version_files(config, &root)
        .into_iter()
        .filter_map(|f| {
            let text = crate::history::version::files::read_version(&root, &f).ok()?;
            Some((f, Version::parse(&text).ok()?))
        })
        .find(|(_, v)| {
            v.cmp_precedence(&greatest.version).is_gt()
                && !sections.iter().any(|s| s.cmp_precedence(v).is_eq())
        })?;
    let release = config.release_command();
    Some(Check {
        subject: "version files".into(),
        status: Status::Warning,
        detail: format!(
            "{} says {version} ({}), above every release tag (the newest here: {latest}), and {} has no `## [{version}]` section: bumped and never released, or released without a section",
            f.path.display(),
            f.locator,
            path.display()
        ),
        fix: Some(format!(
            "`{release} {version}` releases it (if another clone released it, `git fetch --tags` brings its tag; if it is no release, set {} back to {})",
            f.path.display(),
            latest.strip_prefix(prefix.as_str()).unwrap_or(&latest)
        )),
    })
}
