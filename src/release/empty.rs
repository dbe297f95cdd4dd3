//! Nothing to release is no release: the refusals of `version --next` and `release` when the
//! commits since the last release tag call for none (no commit at all, only changes and their
//! reverts, or none with a changelog entry), each with what would make one.

use std::path::Path;

use git2::Oid;
use semver::Version;

use super::next::Decider;
use super::notes::Unpublishable;
use super::packages::Selection;
use super::{Options, VersionInfo};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::bump::Requested;
use crate::{Error, Result};

/// Nothing to release is no release: no commit since the latest tag (finishing a
/// pre-release line aside), or, for an automatic version, no commit with a changelog entry;
/// `merged`: commits merged in since were left out as ones the line has already; `root`: the
/// work tree, where the changelog may not exist yet.
pub(super) fn refuse_empty(
    tag: &Option<(String, Version, Oid)>,
    stable: Option<&(String, Version, Oid)>,
    (since_latest, cancelled, head, merged): (&[&Decider], usize, Option<Oid>, bool),
    unlogged: bool,
    requested: &Requested,
    pre: Option<&str>,
    (repo, config, root): (&Repo, &Config, &Path),
) -> Result<()> {
    // A package's: `relhook release --package NAME`, never the root's release.
    let release = config.release_command();
    let Some((name, version, at)) = tag else {
        return Ok(());
    };
    // `1.3.0-rc.2` → `1.3.0` with nothing new is a release: it finishes the line.
    if !version.pre.is_empty() && pre.is_none() {
        return Ok(());
    }
    // Unreleased holds entries no commit wrote: they are what the release ships.
    if unlogged {
        return Ok(());
    }
    if since_latest.is_empty() {
        // After a pre-release, what the last stable release already shipped is not new (main
        // merged into a pre-release branch): say so, as `git log` shows those commits.
        // HEAD on the tag itself: nothing was merged in, there is simply nothing since.
        let merged_in = stable.filter(|s| s.0 != *name && head != Some(*at));
        let (new, shipped) = match merged_in {
            Some(s) => (
                "new ",
                format!("; those merged in were released in {} already", s.0),
            ),
            // `merged`: what came in is an older line's release commits and backports of
            // changes the tag holds (`git log` shows them all).
            None if cancelled == 0 && merged => (
                "new ",
                "; what came in since (merges, an older line's release commits, backports of changes it has) adds none".to_owned(),
            ),
            None => ("", String::new()),
        };
        // A change and its revert leave nothing, though `git log` shows both.
        let cancelled = match cancelled {
            0 => String::new(),
            n => format!(" but {n} that cancel out (changes and their reverts)"),
        };
        // A package's: commits came, none of them its (`git log` shows them).
        let outside = match (&config.package, head) {
            (Some(p), Some(h)) if new.is_empty() && cancelled.is_empty() => {
                commits_between(repo, *at, h).map(|n| (p, n))
            }
            _ => None,
        };
        if let Some((package, n)) = outside.filter(|(_, n)| *n > 0) {
            let path = crate::printable::visible(&package.path.to_string_lossy());
            let has = if n == 1 { "have" } else { "has" };
            let scope = match package.scopes.as_slice() {
                [] => String::new(),
                [one] => format!(" or {has} its scope `{one}`"),
                _ => format!(
                    " or {has} one of its scopes ({})",
                    package.scopes.join(", ")
                ),
            };
            let what = match n {
                1 => format!("the one commit since {name} does not touch {path}{scope}"),
                n => format!("none of the {n} commits since {name} touches {path}{scope}"),
            };
            return Err(Error::Refused(Refusal::new(
                Reason::NothingToRelease,
                format!("nothing to release: {what}"),
                untouched_fix(&path),
            )));
        }
        return Err(Error::Refused(Refusal::new(
            Reason::NothingToRelease,
            format!("nothing to release: no {new}commits since {name}{cancelled}{shipped}"),
            "a `feat:` or `fix:` commit (anything with a changelog entry) makes one",
        )));
    }
    if matches!(requested, Requested::Auto) && !since_latest.iter().any(|c| c.in_changelog) {
        // A commit that is no Conventional Commit is said to be one, with the rule it breaks:
        // "maps to no section" would send the user to the changelog config instead.
        let sample: Vec<String> = since_latest
            .iter()
            .take(3)
            .map(|c| (crate::printable::visible(&c.header), c.unparsed))
            .map(|(header, unparsed)| match unparsed {
                Some(u) => format!("`{header}`: {}", u.rule),
                None => format!("`{header}`"),
            })
            .collect();
        let more = if since_latest.len() > 3 { ", …" } else { "" };
        let n = crate::commit::report::plural(since_latest.len(), "commit");
        let what = if since_latest.iter().all(|c| c.unparsed.is_some()) {
            format!(
                "none of the {n} since {name} is a Conventional Commit ({}{more})",
                sample.join("; ")
            )
        } else {
            format!(
                "none of the {n} since {name} ({}{more}) maps to a changelog section",
                sample.join("; ")
            )
        };
        // A breaking change among them is not counted, but said, with how to release it.
        let skipped: Vec<String> = since_latest
            .iter()
            .filter_map(|c| Some((c, c.unparsed?.breaking?)))
            .map(|(c, marker)| {
                format!("{} has a breaking change ({marker}), not counted", c.commit)
            })
            .collect();
        let hint = match skipped.first() {
            Some(_) => format!(
                "reword it into a Conventional Commit (`git rebase -i`), or release the major by hand: `{release} {}.0.0`",
                version.major + 1
            ),
            None => {
                let absent = root
                    .join(&config.changelog.path)
                    .symlink_metadata()
                    .is_err();
                format!(
                    "to release anyway, {}, then name the version: `{release} patch` (or minor, major, X.Y.Z); a release never has empty notes",
                    super::notes::write_by_hand(config, absent, "it changes")
                )
            }
        };
        let skipped: String = skipped.iter().map(|s| format!("; {s}")).collect();
        return Err(Error::Refused(Refusal::new(
            Reason::NothingForChangelog,
            format!("nothing for the changelog: {what}, so no version follows from them{skipped}"),
            hint,
        )));
    }
    Ok(())
}

/// How many commits `head` has that `tag` has not; `None` when the walk fails.
fn commits_between(repo: &Repo, tag: Oid, head: Oid) -> Option<usize> {
    let range = crate::git::Range {
        tips: vec![head],
        hidden: vec![tag],
        ..Default::default()
    };
    let mut n = 0;
    repo.walk(&range, |_| {
        n += 1;
        true
    })
    .ok()?;
    Some(n)
}

/// Nothing to release since the last tag, where a release section written by hand above it
/// has no tag yet: that section is the release to make, and its hand tag the way on.
pub(super) fn or_written_by_hand(
    e: Error,
    repo: &Repo,
    config: &Config,
    head: Option<Oid>,
) -> Error {
    let Error::Refused(mut r) = e else { return e };
    if matches!(
        r.reason,
        Reason::NothingToRelease | Reason::NothingForChangelog
    ) && let Some((version, how, wrote)) =
        head.and_then(|h| super::above::written_by_hand(repo, config, h))
    {
        let path = &config.changelog.path;
        let heading = head.map_or_else(
            || format!("## [{version}]"),
            |h| crate::history::sync::heading_at(repo, h, path, &version.to_string()),
        );
        r.fix = Some(format!(
            "`{heading}` in {} was {wrote} and no tag names it yet: {how}",
            path.display()
        ));
    }
    Error::Refused(r)
}

/// The fix of a package none of whose commits since its tag touch its folder `path` (as
/// shown): `release --all` says those packages in one line, by it.
pub fn untouched_fix(path: &str) -> String {
    format!("a `feat:` or `fix:` commit that touches {path} makes one")
}

/// What a commit skipped as no Conventional Commit says about a breaking change it carries
/// (a `BREAKING CHANGE` footer, `!` before the colon): it is not counted (the rule stays), but
/// the user must hear of it, with how to release it anyway (`release`: the command that
/// releases what the commit belongs to, [`Config::release_command`]). `None` when it carries
/// none.
pub fn skipped_breaking(d: &Decider, current: &Version, release: &str) -> Option<String> {
    let u = d.unparsed?;
    let marker = u.breaking?;
    Some(format!(
        "{} `{}` has a breaking change ({marker}) but is not a Conventional Commit ({}), so it is not counted: reword it, or release the major by hand: `{release} {}.0.0`",
        d.commit,
        d.header,
        u.rule,
        current.major + 1
    ))
}

/// Before a package's first release, why `release --all` (and `version --all`) leaves it
/// alone: its first section would be empty, no commit of it having a changelog entry (the
/// set-up commit that touches every package is a `chore:`) and nothing being written under
/// `## [Unreleased]`. `None` when it has something to release, or was released before (then
/// [`refuse_empty`] answered), or when the edits cannot be planned (the release says why).
pub fn nothing_for_first_release(
    repo: &Repo,
    config: &Config,
    root: &Path,
    info: &VersionInfo,
    date: &str,
) -> Option<Refusal> {
    if info.tag.is_some() {
        return None;
    }
    let (_, absent) = empty_notes(repo, config, root, info, date)?;
    let path = &config.changelog.path;
    let whose = if config.package.is_some() {
        "none of its commits has"
    } else {
        "no commit has"
    };
    let written = if absent {
        format!("there is no {} yet", path.display())
    } else {
        format!("`## [Unreleased]` in {} is empty", path.display())
    };
    Some(Refusal::new(
        Reason::NothingToRelease,
        format!(
            "nothing to release: {whose} a changelog entry (`chore:` and `docs:` have none) and {written}"
        ),
        "a `feat:` or `fix:` commit (anything with a changelog entry) makes the first release",
    ))
}

/// The notes a release of `info.next` would publish, when they are empty, with whether its
/// changelog is not there yet. `None` when they say something, or the edits cannot be planned.
fn empty_notes(
    repo: &Repo,
    config: &Config,
    root: &Path,
    info: &VersionInfo,
    date: &str,
) -> Option<(Unpublishable, bool)> {
    let edits = super::edits_with(repo, config, root, &info.next, date, &[]).ok()?;
    let edit = edits.edits.first()?;
    let bad = super::notes::unpublishable(repo, edit, &info.next, config)?;
    let absent = edit.before.is_empty();
    matches!(bad, Unpublishable::Empty(_)).then_some((bad, absent))
}

/// Why `version --next` has no next version where `relhook release` would refuse its empty
/// notes: the changelog is the user's truth for entries, so commits whose entries were taken
/// out of `## [Unreleased]` by hand make no release, and no next version a script would go
/// on to release. Before the first release with no commit calling for an entry, as
/// [`nothing_for_first_release`] says; else the release's own refusal. `None` when the notes
/// say something (or the edits cannot be planned: the release says why).
pub fn nothing_for_notes(
    repo: &Repo,
    config: &Config,
    root: &Path,
    info: &VersionInfo,
    date: &str,
) -> Option<Refusal> {
    if info.tag.is_none() && !info.commits.iter().any(|c| c.in_changelog) {
        return nothing_for_first_release(repo, config, root, info, date);
    }
    let (bad, absent) = empty_notes(repo, config, root, info, date)?;
    let (mut refusal, fix) = super::notes::unpublishable_refusal(&bad, config, absent);
    refusal.fix = Some(fix);
    Some(refusal)
}

/// A package's version for a monorepo release ([`super::version_info`]); for `--all`, a
/// release with nothing for its notes ([`nothing_for_notes`]: before the first release, or
/// entries taken out by hand) is nothing to release, left alone as after a release.
/// A package release commit reverted is refused first, as the root's is: its version file
/// is back at the old version too, and setting it would ship those entries again.
pub fn package_version_info(
    repo: &Repo,
    view: &Config,
    root: &Path,
    opts: &Options,
    selection: &Selection,
) -> Result<VersionInfo> {
    if let Some(r) = super::reverted::section_gone(repo, view) {
        return Err(Error::Refused(r));
    }
    let info = super::version_info(repo, view, root, &opts.requested, opts.pre.as_deref())?;
    // As `release --package` refuses empty notes (its commits' entries all taken out of
    // `## [Unreleased]` by hand), `--all` leaves that package alone, with why.
    let nothing = match selection {
        Selection::All => nothing_for_notes(repo, view, root, &info, &opts.date),
        Selection::Named(_) => None,
    };
    match nothing {
        Some(why) => Err(Error::Refused(why)),
        None => Ok(info),
    }
}
