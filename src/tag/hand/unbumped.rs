//! A release tag whose commit's changelog has its section while the version files say another
//! version: made past the hook (`RELHOOK_SKIP=1 git tag -a` after the section was written by
//! hand), the root's tag or a package's. pre-push refuses it; no release can make it again
//! (`relhook release` refuses a version whose section is there already), so the one fix is
//! the files set, committed, and that commit tagged. Doctor names it, with pre-push's fix.

use std::path::PathBuf;

use semver::Version;

use super::sectionless::{Sectionless, head_tag_where};
use crate::config::Config;
use crate::git::Repo;

/// The newest release tag HEAD holds, made past the hook, with its section and files behind.
pub struct Unbumped {
    /// The tag, its version and commit, and the changelog it was judged by.
    pub tag: Sectionless,
    /// The version files that do not say its version at its commit, each with what it says.
    pub files: Vec<(PathBuf, String)>,
}

/// The version files not at `version` on `commit` while `config`'s changelog there has the
/// section: empty when it lacks the section (a release makes the tag again, and writes both).
pub fn unbumped_files(
    repo: &Repo,
    config: &Config,
    version: &Version,
    commit: git2::Oid,
) -> Vec<(PathBuf, String)> {
    let path = &config.changelog.path;
    if !crate::history::sync::has_section_at(repo, commit, path, version) {
        return Vec::new();
    }
    crate::release::unset::files_not_at(repo, config, version, commit)
}

/// The [`Unbumped`] tag of `config` (the project's or a package's view), if any; `installed`
/// as for [`super::sectionless`].
pub fn unbumped(repo: &Repo, config: &Config, installed: &dyn Fn() -> bool) -> Option<Unbumped> {
    let (tag, (files, changelog)) = head_tag_where(repo, config, installed, |tag, v, commit| {
        // The package as it was at the tag (moved since): its changelog and files then.
        let then = repo
            .work_tree()
            .and_then(|root| crate::tag::config_at(repo, config, &root, tag, commit));
        let judged = then.as_ref().unwrap_or(config);
        let files = unbumped_files(repo, judged, v, commit);
        (!files.is_empty()).then(|| (files, judged.changelog.path.clone()))
    })?;
    Some(Unbumped {
        tag: Sectionless { changelog, ..tag },
        files,
    })
}

/// One line: what is wrong with the tag, and why pre-push refuses it.
pub fn describe_unbumped(u: &Unbumped) -> String {
    use crate::release::unset;
    let t = &u.tag;
    format!(
        "release tag {} is on {}, whose {} has its `## [{}]` section but {} (made past relhook's hook: `RELHOOK_SKIP`, plumbing such as `git update-ref`, or a clone without it), so pre-push refuses it; it is not pushed",
        t.tag,
        crate::git::short_id(t.commit),
        t.changelog.display(),
        t.version,
        unset::saying(&u.files)
    )
}

/// The fix for tag `name` of `version` on `commit`, whose section is there and whose `files`
/// are behind: no release commit sets them, so they are set by hand and the new commit tagged.
pub fn unbumped_fix(
    repo: &Repo,
    name: &str,
    version: &Version,
    files: &[(PathBuf, String)],
    commit: git2::Oid,
) -> String {
    let lock = !crate::release::unset::lock_step(repo, files, commit).is_empty();
    fix_text(name, version, files, lock)
}

fn fix_text(name: &str, version: &Version, files: &[(PathBuf, String)], lock: bool) -> String {
    let q = crate::shellword::quote(name);
    let lock = if lock {
        crate::release::unset::LOCK_STEP
    } else {
        ""
    };
    format!(
        "delete the tag (`git tag -d {q}`), set {} to {version} ({}; no release commit sets the version, the section being there){lock} and commit, then tag that commit: `git tag -a {q} -m \"release {version}\"`",
        crate::release::unset::named(files),
        crate::release::unset::they_say(files)
    )
}

#[cfg(test)]
mod tests {
    use super::fix_text;
    use std::path::PathBuf;

    #[test]
    fn the_fix_names_every_file_and_the_commands_to_paste() {
        let files = vec![
            (PathBuf::from("crates/api/Cargo.toml"), "1.0.0".to_owned()),
            (PathBuf::from("crates/api/package.json"), "1.0.0".to_owned()),
        ];
        let v = semver::Version::new(1, 1, 0);
        assert_eq!(
            fix_text("api-v1.1.0", &v, &files, false),
            "delete the tag (`git tag -d api-v1.1.0`), set crates/api/Cargo.toml and crates/api/package.json to 1.1.0 (they say 1.0.0; no release commit sets the version, the section being there) and commit, then tag that commit: `git tag -a api-v1.1.0 -m \"release 1.1.0\"`"
        );
        // Cargo.lock follows, or cargo leaves the tagged tree dirty at the first test.
        let with_lock = fix_text("api-v1.1.0", &v, &files[..1], true);
        assert!(
            with_lock.contains("(it says 1.0.0; no release commit sets the version, the section being there), update Cargo.lock to match (`cargo update --workspace --offline`) and commit"),
            "{with_lock}"
        );
        // A name the shell would split is quoted.
        let odd = fix_text("web v1.1.0", &v, &files[1..], false);
        assert!(odd.contains("`git tag -d 'web v1.1.0'`"), "{odd}");
    }
}
