//! Whether a release's notes may be published: never empty, never a section relhook cannot
//! tell for sure, never with unresolved conflict markers (a published tag message cannot be
//! taken back). `release`, the hand tag and `notes` judge them here alike.

use std::path::Path;

use semver::Version;

use super::{Section, section, section_in};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::changelog::conflict_markers;
use crate::history::version::files::Edit;
use crate::{Error, Result};

/// Why a release's notes cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unpublishable {
    /// The section is empty: nothing for the changelog.
    Empty(String),
    /// Which text is the release's cannot be told.
    Unclear(String),
    /// The section holds an unresolved conflict (`<<<<<<<`, `=======`, `>>>>>>>`).
    Marked(String),
}

impl Unpublishable {
    /// The reason, one clause.
    pub fn why(&self) -> &str {
        match self {
            Unpublishable::Empty(s) | Unpublishable::Unclear(s) | Unpublishable::Marked(s) => s,
        }
    }
}

/// The 1-based line, in the changelog `text`, of an unresolved conflict inside `version`'s
/// section (`None`: there is none, or no such section).
pub fn conflict_in(text: &str, version: &str) -> Option<usize> {
    conflict_in_section(text, &section(text, version))
}

/// [`conflict_in`] where `found` is what the changelog `text` holds for the version.
pub fn conflict_in_section(text: &str, found: &Section) -> Option<usize> {
    let Section::Found { line, text: body } = found else {
        return None;
    };
    conflict_markers(body)?;
    let line = *line;
    text.lines()
        .enumerate()
        .skip(line)
        .find(|(_, l)| l.starts_with("<<<<<<<"))
        .map(|(i, _)| i + 1)
}

/// Why the notes of release `version` in `edit`, `config`'s changelog about to be released,
/// cannot be published (`None`: they can). Lines are named in the file as it is now
/// (`edit.before`).
pub fn unpublishable(
    repo: &Repo,
    edit: &Edit,
    version: &Version,
    config: &Config,
) -> Option<Unpublishable> {
    let text = std::str::from_utf8(&edit.after).unwrap_or("");
    let log = crate::history::sync::parsed(repo, text);
    let found = section_in(text, log.as_deref(), &version.to_string());
    let since = || since_what(repo, config, version);
    unpublishable_section(&found, edit, version, (&config.changelog.path, &since))
}

/// The commits an empty section speaks of: those since the last release, or all of them
/// before the first ("since the last release" would send the user looking for one). The
/// tag of `version` itself (a hand tag judged once made) is no release before it. Where some
/// of them call for an entry, the file lacks theirs: taken out of `## [Unreleased]` by hand
/// (a sync adds an entry only where none was ever written), and that is what is said.
fn since_what(repo: &Repo, config: &Config, version: &Version) -> (String, bool) {
    let prefix = &config.version.tag_prefix;
    let own = format!("{prefix}{version}");
    let Some(head) = repo.head() else {
        return ("no commit has an entry yet".to_owned(), false);
    };
    let before = repo.latest_release_tag_except(head, prefix, Some(&own));
    let since = match before {
        Some(_) => "since the last release",
        None => "so far",
    };
    let last = before.as_ref().map(|(_, at)| *at);
    let none = std::collections::HashSet::new();
    let logged: Vec<String> =
        crate::release::deciders::deciders(repo, config, head, (last, &none), last)
            .map(|d| d.commits)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.in_changelog)
            .map(|c| crate::printable::visible(&c.header))
            .collect();
    if logged.is_empty() {
        let none = match before {
            Some(_) => "no commit since the last release has an entry",
            None => "no commit has an entry yet",
        };
        return (none.to_owned(), false);
    }
    let more = if logged.len() > 3 { ", …" } else { "" };
    let shown: Vec<String> = logged.iter().take(3).map(|h| format!("`{h}`")).collect();
    let said = format!(
        "{} {since} ({}{more}) had changelog entries, but `## [Unreleased]` in {} no longer lists them: they were taken out by hand, and `relhook changelog --sync` does not put back an entry removed on purpose",
        crate::commit::report::plural(logged.len(), "commit"),
        shown.join(", "),
        config.changelog.path.display()
    );
    (said, true)
}

/// [`unpublishable`], where `found` is what `edit.after` holds for `version`, and `since` says
/// which commits an empty section speaks of.
fn unpublishable_section(
    found: &Section,
    edit: &Edit,
    version: &Version,
    (path, since): (&Path, &dyn Fn() -> (String, bool)),
) -> Option<Unpublishable> {
    let shown = path.display();
    match found {
        Section::Found { text: body, .. } if conflict_markers(body).is_some() => {
            let first = body.lines().find(|l| l.starts_with("<<<<<<<"))?;
            let before = String::from_utf8_lossy(&edit.before);
            let at = before
                .lines()
                .position(|l| l.trim_end_matches('\r') == first)
                .map_or(String::new(), |i| format!(":{}", i + 1));
            Some(Unpublishable::Marked(format!(
                "{shown}{at} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) in what becomes the `## [{version}]` section, and a release's notes cannot be taken back once published"
            )))
        }
        Section::Found { text: body, .. } if says_something(body) => None,
        Section::Found { .. } => {
            // Commits whose entries were taken out: the general causes would mislead.
            let (since, taken_out) = since();
            let causes = match taken_out {
                true => "",
                false => ": `chore:` and `docs:` have none, a change and its revert cancel out",
            };
            Some(Unpublishable::Empty(format!(
                "the `## [{version}]` section of {shown} would be empty ({since}{causes}), and a release never has empty notes"
            )))
        }
        Section::Ambiguous(lines) => Some(Unpublishable::Unclear(format!(
            "{shown} would have {} headings that name {version} (lines {}), so its notes cannot be told",
            lines.len(),
            lines
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        Section::Missing { .. } => Some(Unpublishable::Unclear(format!(
            "{shown} would have no section relhook reads as {version}'s, so the release would have no notes"
        ))),
    }
}

/// Whether a section's text holds anything a reader learns from: sub-headings alone
/// (`### Added`), empty list items, HTML comments, link definitions and rules are no notes.
fn says_something(body: &str) -> bool {
    let mut in_comment = false;
    body.lines().any(|line| {
        let t = line.trim();
        if in_comment {
            in_comment = !t.contains("-->");
            return false;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            return false;
        }
        let bare_item = matches!(t, "-" | "*" | "+");
        let rule = t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '));
        let link_definition = t.starts_with('[') && t.contains("]:");
        !(t.is_empty() || t.starts_with('#') || bare_item || rule || link_definition)
    })
}

/// The notes of release `version` in its changelog `edit` (the file of `config`, the root's or
/// a package's view, as released), or the refusal when they cannot be published: a release
/// never has empty notes.
pub fn release_notes(
    repo: &Repo,
    edit: &Edit,
    version: &Version,
    config: &Config,
) -> Result<String> {
    let path = config.changelog.path.as_path();
    let text = std::str::from_utf8(&edit.after).unwrap_or("");
    // Read once: what is checked is what is published.
    let log = crate::history::sync::parsed(repo, text);
    let found = section_in(text, log.as_deref(), &version.to_string());
    let since = || since_what(repo, config, version);
    if let Some(bad) = unpublishable_section(&found, edit, version, (path, &since)) {
        let (mut refusal, fix) = unpublishable_refusal(&bad, config, edit.before.is_empty());
        refusal.fix = Some(format!("{fix}, then release again"));
        return Err(Error::Refused(refusal));
    }
    Ok(match found {
        Section::Found { text, .. } => text,
        Section::Missing { .. } | Section::Ambiguous(_) => String::new(),
    })
}

/// The refusal of a release whose notes cannot be published, and what fixes it: a change to
/// `config`'s changelog (the caller says what to run after it). `absent`: the file is not there
/// yet, so the fix makes it first ([`write_by_hand`]).
pub fn unpublishable_refusal(
    bad: &Unpublishable,
    config: &Config,
    absent: bool,
) -> (Refusal, String) {
    let path = config.changelog.path.display();
    match bad {
        Unpublishable::Empty(why) => (
            Refusal::bare(
                Reason::NothingForChangelog,
                format!("nothing for the changelog: {why}"),
            ),
            format!(
                "{}{}",
                write_by_hand(config, absent, "this release changes"),
                match absent {
                    true => String::new(),
                    false => format!(
                        " (or `{}` when none of it is notable, as `relhook changelog --rebuild` writes it)",
                        crate::history::changelog::NO_NOTABLE_CHANGES
                    ),
                }
            ),
        ),
        Unpublishable::Unclear(why) => (
            Refusal::bare(Reason::Changelog, why.clone()),
            format!("give each version one heading in {path}"),
        ),
        Unpublishable::Marked(why) => (
            Refusal::bare(Reason::Changelog, why.clone()),
            format!(
                "resolve the conflict in {path} (keep the entries both sides meant) and commit it"
            ),
        ),
    }
}

/// How to write what `what` changes by hand under `## [Unreleased]` in `config`'s changelog
/// and commit it. An `absent` file is made first: `relhook init` writes the root's
/// CHANGELOG.md (`relhook changelog` writes none while history has no entry for it, the very
/// case here) and a `.relconfig.toml` when there is none, committed with it, as a file left
/// untracked makes the release refuse the tree as dirty; any other file is made by hand.
pub fn write_by_hand(config: &Config, absent: bool, what: &str) -> String {
    let path = &config.changelog.path;
    let shown = path.display();
    if !absent {
        format!("write what {what} under `## [Unreleased]` in {shown} and commit it")
    } else if config.package.is_none() && path == Path::new(crate::init::CHANGELOG_FILE) {
        format!(
            "`relhook init` writes {shown}, which is not there yet: write what {what} under its `## [Unreleased]` and commit the files init wrote"
        )
    } else {
        format!(
            "create {shown}, write what {what} under its `## [Unreleased]` heading and commit it"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{says_something, write_by_hand};
    use crate::config::Config;

    #[test]
    fn an_absent_changelog_is_made_by_init_only_where_init_writes_it() {
        let mut config = Config::default();
        let at = |c: &Config, absent| write_by_hand(c, absent, "it changes");
        assert_eq!(
            at(&config, false),
            "write what it changes under `## [Unreleased]` in CHANGELOG.md and commit it"
        );
        assert!(at(&config, true).starts_with("`relhook init` writes CHANGELOG.md,"));
        config.changelog.path = "docs/CHANGES.md".into();
        assert_eq!(
            at(&config, true),
            "create docs/CHANGES.md, write what it changes under its `## [Unreleased]` heading and commit it"
        );
    }

    #[test]
    fn headings_comments_bare_items_and_links_say_nothing() {
        for empty in [
            "",
            "\n### Added\n\n### Fixed\n",
            "<!-- nothing yet -->\n",
            "<!--\nnothing\n-->\n",
            "### Added\n\n-\n- \n* \n",
            "[0.2.0]: https://example.com/compare/v0.1.0...v0.2.0\n",
            "---\n",
        ] {
            assert!(!says_something(empty), "{empty:?}");
        }
        for notes in [
            "### Added\n\n- a thing\n",
            "A paragraph of prose.\n",
            "| a | b |\n",
            "<!-- c -->\n- x\n",
        ] {
            assert!(says_something(notes), "{notes:?}");
        }
    }
}
