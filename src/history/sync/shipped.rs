//! A release section written by hand in the very commit that also brought a change whose entry
//! post-commit put under Unreleased (`## [0.2.0]` and `fix: beta` in one commit): a tag there
//! ships the change while the release's notes leave it out, and the next release would
//! announce it again. Shared by the hand tag, pre-push, `relhook release`'s advice and doctor.

use std::cell::OnceCell;
use std::collections::HashSet;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::{normalize, quoted_heading};

/// The entries (first lines) the changelog at `commit` lists under Unreleased that commits a
/// tag `tag` of `version` there would ship call for (those since the last release tag but
/// `tag`), while that changelog has `version`'s section. Empty without the section.
pub fn shipped_under_unreleased(
    repo: &Repo,
    config: &Config,
    version: &Version,
    commit: Oid,
    tag: &str,
) -> Vec<String> {
    let Some(log) = super::changelog_at(repo, commit, &config.changelog.path) else {
        return Vec::new();
    };
    let unreleased = log.unreleased_entries();
    if unreleased.is_empty() || log.entries_of(&version.to_string()).is_none() {
        return Vec::new();
    }
    let wanted: HashSet<String> = unreleased.iter().map(|e| normalize(&e.text)).collect();
    let prefix = &config.version.tag_prefix;
    let hidden = (repo.latest_release_tag_except(commit, prefix, Some(tag)))
        .map(|(_, at)| vec![at])
        .unwrap_or_default();
    let range = Range {
        tips: vec![commit],
        hidden,
        ..Range::default()
    };
    // Unreadable history: nothing is taken as shipped, as before.
    let made = super::entries_made(repo, config, &range, &OnceCell::new(), Some(&wanted))
        .unwrap_or_default();
    unreleased
        .iter()
        .filter(|e| made.contains(&normalize(&e.text)))
        .map(|e| e.text.lines().next().unwrap_or_default().to_owned())
        .collect()
}

/// What is wrong with tag `name` of `version` at `commit` (`which ships … under Unreleased`,
/// to follow the commit), and the way on: the entries moved into the section by hand,
/// committed, and that commit tagged (`made`: the tag exists already, so it goes first).
/// `None`: no such entry.
pub fn shipped_unlisted(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    commit: Oid,
    made: bool,
) -> Option<(String, String)> {
    let shipped = shipped_under_unreleased(repo, config, version, commit, name);
    let first = shipped.first()?;
    let more = more(&shipped);
    let path = config.changelog.path.display();
    let log = super::changelog_at(repo, commit, &config.changelog.path);
    let heading = quoted_heading(log.as_deref(), &version.to_string());
    let why = format!(
        "which ships what {path} lists under `## [Unreleased]` (`- {first}`{more}), not under `{heading}`: {version}'s notes would leave it out, and the next release would announce it again"
    );
    let fix = listed_on_top(repo, config, (name, version), commit, made, None)?;
    Some((why, fix))
}

/// The way to release `version`'s section from a new commit on top of `commit`: the version
/// files `set` there first (a step such as `set package.json to 0.1.0 (it says 0.0.0)`),
/// the entries a tag at `commit` would ship unlisted moved into the section, committed, and
/// that commit tagged (`made`: tag `name` exists already, so it goes first). `None`: nothing
/// to set and no such entry.
pub fn listed_on_top(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    commit: Oid,
    made: bool,
    set: Option<&str>,
) -> Option<String> {
    let shipped = shipped_under_unreleased(repo, config, version, commit, name);
    let moved = shipped.first().map(|first| {
        let log = super::changelog_at(repo, commit, &config.changelog.path);
        format!(
            "move `- {first}`{} from `## [Unreleased]` into `{}` in {}",
            more(&shipped),
            quoted_heading(log.as_deref(), &version.to_string()),
            config.changelog.path.display()
        )
    });
    let steps: Vec<&str> = set.into_iter().chain(moved.as_deref()).collect();
    if steps.is_empty() {
        return None;
    }
    let quoted = crate::shellword::quote(name);
    // Where releases are signed, an unsigned tag is refused in turn.
    let kind = if config.release.sign { "-s" } else { "-a" };
    let message = crate::shellword::quote(&format!("release {version}"));
    let tag = format!("git tag {kind} {quoted} -m {message}");
    let delete = if made {
        format!("delete the tag (`git tag -d {quoted}`), ")
    } else {
        String::new()
    };
    Some(format!(
        "{delete}{}, commit, then tag the new commit: `{tag}`",
        steps.join(", ")
    ))
}

/// ` and 2 more` after the first of `entries`.
fn more(entries: &[String]) -> String {
    match entries.len() {
        0 | 1 => String::new(),
        n => format!(" and {} more", n - 1),
    }
}
