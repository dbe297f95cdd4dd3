//! A release commit rewritten (amended, rebased) after its tag was made: the commit of this
//! history that now carries its section, the command that moves its tag there, and the
//! release tags a history left behind that way (doctor's row).

use std::path::Path;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::{Changelog, release_version};

/// The advice to put release tag `name` on `c`, its release commit rewritten, when relhook does
/// not recognise `c` as that release commit: moved there by hand.
pub(super) fn move_tag(repo: &Repo, name: &str, tagged: Oid, c: &str) -> String {
    format!(
        "if {c} is that release rewritten, {}, or ",
        match move_tag_command(repo, name, tagged, c) {
            reset if super::back::is_command(&reset) => {
                format!(
                    "go back to it (`{reset}`, which keeps your changes staged, to commit on top)"
                )
            }
            command => format!("move the tag onto it (`{command}`)"),
        }
    )
}

/// The command that moves release tag `name` from `tagged` onto `c` keeping its message (its
/// release notes; a signature cannot be kept), or, when a remote has `tagged` (the release is
/// published), the one that puts the branch back on it.
pub fn move_tag_command(repo: &Repo, name: &str, tagged: Oid, c: &str) -> String {
    if repo.held_by_any(&repo.remote_tracking_commits("*"), tagged) {
        return super::back::command(tagged);
    }
    // Pasted into a shell: a tag's name may hold `$(…)`.
    let tag = crate::shellword::quote(name);
    format!(
        "RELHOOK_SKIP=1 git tag -f -a --cleanup=verbatim -m \"$(git tag -l --format='%(contents:subject)%0a%0a%(contents:body)' {tag})\" {tag} {c}"
    )
}

/// The commit of this history that added `version`'s section: the release commit,
/// rewritten (amended, rebased) after its tag was made.
pub(super) fn rewritten_at(
    repo: &Repo,
    config: &Config,
    head: Oid,
    version: &Version,
) -> Option<String> {
    // Its heading as the file writes it (`## 1.0.0` in a hand-written one), not relhook's own.
    let log = crate::history::sync::changelog_at(repo, head, &config.changelog.path);
    let heading = crate::history::changelog::quoted_heading(log.as_deref(), &version.to_string());
    let needle = crate::history::changelog::heading_pattern(&heading);
    let head = head.to_string();
    // Taken literally: a changelog named `CHANGE*.md` is no glob.
    let path = format!(":(literal){}", config.changelog.path.to_string_lossy());
    let found = repo
        .run_git(
            &[
                "log",
                "-1",
                "--format=%h",
                "--pickaxe-regex",
                "-S",
                &needle,
                &head,
                "--",
                &path,
            ],
            None,
        )
        .ok()?;
    let found = found.trim();
    (!found.is_empty()).then(|| found.to_owned())
}

/// [`rewritten_at`] HEAD, for release tag `tag`.
pub fn rewritten(repo: &Repo, config: &Config, tag: &str) -> Option<String> {
    let version = Version::parse(tag.get(config.version.tag_prefix.len()..)?).ok()?;
    rewritten_at(repo, config, repo.head()?, &version)
}

/// The release tags (`tag_prefix` + a version) whose commit `head` does not hold while the
/// changelog at `head` has their section: release commits rewritten after tagging. Only those
/// above every release tag `head` holds: one below them blocks nothing, since the next release
/// goes above those anyway (old tags a long-ago rewrite left). Their names and commits,
/// greatest first.
pub fn left_behind(repo: &Repo, config: &Config, root: &Path) -> Vec<(String, Oid)> {
    let Some(head) = repo.head() else {
        return Vec::new();
    };
    let Some(path) = crate::fsx::confine(root, &config.changelog.path).ok() else {
        return Vec::new();
    };
    let Some(text) = crate::fsx::read_regular_optional(&path)
        .ok()
        .flatten()
        .and_then(|b| String::from_utf8(b).ok())
    else {
        return Vec::new();
    };
    let Ok(log) = Changelog::parse(&text) else {
        return Vec::new();
    };
    let sections: Vec<Version> = log
        .versions()
        .iter()
        .filter_map(|v| release_version(v))
        .collect();
    let held = repo
        .latest_release_tag(head, &config.version.tag_prefix)
        .and_then(|(name, _)| Version::parse(&name[config.version.tag_prefix.len()..]).ok());
    let mut tags = repo.release_tag_candidates(&config.version.tag_prefix);
    tags.retain(|t| {
        sections.contains(&t.version)
            && held
                .as_ref()
                .is_none_or(|h| t.version.cmp_precedence(h).is_gt())
    });
    tags.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    tags.into_iter()
        .take(8)
        .filter(|t| !(t.commit == head || repo.reaches(head, t.commit)))
        .map(|t| (t.name, t.commit))
        .collect()
}
