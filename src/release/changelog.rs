//! The changelog edit of a release: Unreleased, brought up to date with history, becomes the
//! release's section; a stable release's section carries its pre-releases' entries, those
//! tagged before relhook (no section of their own) read from their commits.

use std::path::Path;

use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::changelog::{Changelog, changesets};
use crate::history::version::files::Edit;
use crate::{Error, Result};

/// The edit that turns the changelog into release `version`'s (writing nothing), and its
/// notes: what a first write does to a changesets file, and the pre-release entries its
/// section carries once though listed more than once.
pub(super) fn changelog_edit(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
    date: &str,
    extra: &[String],
) -> Result<(Edit, Vec<String>)> {
    let rel = config.changelog.path.clone();
    let path = root.join(&rel);
    if let Some(r) = not_a_file(repo, config, &rel, Some(version)) {
        return Err(Error::Refused(r));
    }
    // As post-commit: no second changelog beside one HEAD keeps as `changelog.md` (a
    // package's too, which the release's first checks do not look at); a file the work tree
    // has under the configured name is the user's own.
    if let Some(twin) = repo.head().and_then(|h| repo.case_twin(h, &rel).ok()?)
        && path.symlink_metadata().is_err()
    {
        use crate::history::changelog::{case_twin_fix, case_twin_what};
        let key = crate::history::sync::changelog_setting(config, &rel);
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            case_twin_what(&rel, &twin),
            format!("{}, then release again", case_twin_fix(&rel, &twin, &key)),
        )));
    }
    let before = crate::fsx::read_regular_optional(&path)?;
    // A file a commit deleted took the releases' sections with it: a new one would hold
    // this release alone (its entries counted as listed by the commits that wrote them).
    if before.is_none()
        && let Some(gone) =
            crate::history::sync::changelog_deleted(repo, config, &rel, crate::git::Reach::Line)
    {
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            gone.what(&rel),
            format!("{}, then release again", gone.committed_fix(config, &rel)),
        )));
    }
    let text = match &before {
        Some(b) => String::from_utf8(b.clone())
            .map_err(|e| Error::changelog_not_utf8(&rel, e.as_bytes()))?,
        None => crate::history::changelog::TEMPLATE.to_owned(),
    };
    let before = before.unwrap_or_default();
    // --allow-dirty: uncommitted changes stay out of the release, which is judged from HEAD's
    // file and committed as HEAD's file with its edit; the work tree keeps them beside it.
    let at_head = match repo.head() {
        Some(head) => super::carried::head_text(repo, head, &rel, &before)?,
        None => None,
    };
    // A changesets file gets `## [Unreleased]` from the release as from a hooked commit: said
    // once, in the words the hook and `changelog --sync` use.
    let adopted = changesets::first_write(config, &rel, at_head.as_deref().unwrap_or(&text))
        .map(|said| format!("{}: {said}", rel.display()));
    let Some(at_head) = at_head else {
        let (after, once) = released(repo, config, &rel, &text, version, date, extra)?;
        let note = adopted
            .into_iter()
            .chain(carried_once_note(&rel, version, &once));
        let edit = Edit {
            path: rel,
            before,
            after: after.into_bytes(),
            committed: None,
        };
        return Ok((edit, note.collect()));
    };
    let (committed, once) = released(repo, config, &rel, &at_head, version, date, extra)?;
    let note = adopted
        .into_iter()
        .chain(carried_once_note(&rel, version, &once));
    let after = super::carried::carried(
        repo,
        &rel,
        &at_head,
        &committed,
        &before,
        (&config.commit, &config.changelog.order),
    )?;
    let edit = Edit {
        path: rel,
        before,
        after,
        committed: Some(committed.into_bytes()),
    };
    Ok((edit, note.collect()))
}

/// The one line saying which entries release `version` carries once though its pre-releases
/// (or Unreleased) list them more than once; `None` when it merged none.
fn carried_once_note(rel: &Path, version: &Version, once: &[String]) -> Option<String> {
    let (first, rest) = once.split_first()?;
    let more = match rest.len() {
        0 => String::new(),
        n => format!(" (and {n} more)"),
    };
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(format!(
        "{}: {version} carries once `- {first}`{more}, which its pre-releases or Unreleased list more than once in the same words, naming the same commit or none",
        rel.display(),
    ))
}

/// `text` with release `version`'s section made of its Unreleased, brought up to date with
/// history, and the pre-release entries it carries once though listed more than once.
fn released(
    repo: &Repo,
    config: &Config,
    rel: &Path,
    text: &str,
    version: &Version,
    date: &str,
    extra: &[String],
) -> Result<(String, Vec<String>)> {
    // History is the truth: commits that never met the hook are added before the release,
    // all of them since the release before this one (a hand tag is on HEAD already).
    // A hand tag spelled as PEP 440 (`1.2.0rc2`) is on HEAD under that name.
    let tag = super::tag_spelling::tag_name(repo, config, version);
    // A release names its version, so no refusal names a first one.
    let first = || config.version.initial.clone();
    let advise = crate::history::tags::Advise {
        above: &|_| None,
        first: &first,
    };
    let synced = crate::history::sync::released_text(repo, config, text, (Some(&tag), &advise))?;
    let mut log: Changelog = crate::history::sync::parse_kept(repo, rel, &synced)?;
    // As post-commit and `--sync` add entries: carried ones by scope where cliff.toml says so.
    crate::history::sync::place_as_configured(&mut log, repo, config);
    for entry in extra {
        if !log.contains_entry(entry, true) {
            log.add_entry_as_named("Changed", entry, false);
        }
    }
    // Pre-releases tagged before relhook have no section to carry: their commits say it.
    let unlogged = crate::history::sync::unlogged_prereleases(repo, config, &log, version)?;
    let fresh = made_of_new(repo, config, rel, version);
    let mut once = log.fold_prereleases_knowing(&version.to_string(), &unlogged, &fresh);
    // A pre-release promoted to a later channel with nothing new (1.3.0-beta.1 → 1.3.0-rc.1)
    // ships what its version's pre-releases shipped: carried as its final release carries them.
    if promoted(&log, version) && log.unreleased_entries().is_empty() {
        let base = Version::new(version.major, version.minor, version.patch);
        let unlogged = crate::history::sync::unlogged_prereleases(repo, config, &log, &base)?;
        once = log.fold_prereleases_with(&base.to_string(), &unlogged);
    }
    let forge = crate::history::sync::forge(repo);
    let label = super::tag_spelling::heading_label(&log, config, &tag, version);
    log.release_from(
        &label,
        date,
        &config.version.tag_prefix,
        forge.as_ref().map(|f| f.base.as_str()),
        (made_from(repo, config, version).as_deref(), Some(&tag)),
    )
    .map_err(|e| {
        Error::Refused(Refusal::bare(
            Reason::Changelog,
            format!("{}: {e}", rel.display()),
        ))
    })?;
    if unreleased_left_out(repo, config, rel, version) {
        log.drop_empty_unreleased();
    }
    let text = log.render();
    // The release's notes are read from this text: the log it was rendered from is its parse.
    crate::history::sync::hold_parsed(repo, &text, log);
    Ok((text, once))
}

/// The pre-releases below `version` since the last stable release that start a later channel
/// of their version from Unreleased entries, which a release makes of new commits (a promotion
/// is made when Unreleased is empty): each tag's commit wrote its section, whose parent's
/// changelog `rel` lists entries under Unreleased. None is a promotion, whatever its entries
/// read like (a second `fix: typo` after the beta's).
fn made_of_new(repo: &Repo, config: &Config, rel: &Path, version: &Version) -> Vec<Version> {
    let Some(head) = repo.head() else {
        return Vec::new();
    };
    let prefix = &config.version.tag_prefix;
    let tags = crate::history::tags::since_stable(repo, head, prefix, version);
    let fresh = |tag: &crate::git::ReleaseTag| {
        let name = tag.version.to_string();
        let at = crate::history::sync::changelog_at(repo, tag.commit, rel);
        let parent = repo.first_parent(tag.commit);
        let before = parent.and_then(|p| crate::history::sync::changelog_at(repo, p, rel));
        at.is_some_and(|l| l.entries_of(&name).is_some())
            && before.is_some_and(|l| {
                l.entries_of(&name).is_none() && !l.unreleased_entries().is_empty()
            })
    };
    let starts = tags
        .windows(2)
        .filter(|w| super::below::promotes(Some(&w[0].version), &w[1].version));
    starts
        .filter(|w| fresh(&w[1]))
        .map(|w| w[1].version.clone())
        .collect()
}

/// Whether pre-release `version` promotes the changelog's latest release, a pre-release of
/// the same version, to a later channel (`1.3.0-beta.1` → `1.3.0-rc.1`).
fn promoted(log: &Changelog, version: &Version) -> bool {
    let latest = log.versions().into_iter().next();
    let latest = latest.and_then(|v| crate::history::changelog::release_version(&v));
    super::below::promotes(latest.as_ref(), version)
}

/// The release tag a release of `version` is made from, which its compare link starts at: the
/// greatest one below it reachable from HEAD that it does not carry (a stable release carries
/// its pre-releases), whether or not the changelog has a section for it.
fn made_from(repo: &Repo, config: &Config, version: &Version) -> Option<String> {
    made_from_tag(repo, config, version).map(|t| t.name)
}

/// The release tag release `version` is made from (see [`made_from`]).
fn made_from_tag(
    repo: &Repo,
    config: &Config,
    version: &Version,
) -> Option<crate::git::ReleaseTag> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let below = crate::history::tags::since_stable(repo, head, prefix, version);
    below
        .into_iter()
        .rev()
        .find(|t| !crate::history::changelog::carries(version, &t.version))
}

/// Whether the changelog `rel` of a git-cliff project (a `cliff.toml`), as the release
/// `version` is made from left it, has release sections and no Unreleased: git-cliff's
/// template renders Unreleased only when commits are there, and release `version` leaves the
/// file as that one did, with no empty Unreleased. Other files keep theirs.
fn unreleased_left_out(repo: &Repo, config: &Config, rel: &Path, version: &Version) -> bool {
    if config.changelog.cliff.is_none() {
        return false;
    }
    let Some(tag) = made_from_tag(repo, config, version) else {
        return false;
    };
    let stored = repo.file_at(tag.commit, rel).ok().flatten();
    stored.is_some_and(|f| {
        crate::history::changelog::keeps_no_unreleased(&String::from_utf8_lossy(&f.bytes))
    })
}

/// The refusal of a release whose changelog `rel` is no file (a FIFO, a directory), or is
/// missing while HEAD has it (said before the clean-tree check, whose "commit" would delete
/// it): what relhook cannot write, and the command that puts a file there.
pub(crate) fn not_a_file(
    repo: &Repo,
    config: &Config,
    rel: &Path,
    version: Option<&Version>,
) -> Option<Refusal> {
    let (what, fix) = crate::history::sync::changelog_not_a_file(repo, config, rel)
        .or_else(|| crate::history::sync::changelog_missing(repo, rel))?;
    let section = version.map_or("the release's section".to_owned(), |v| {
        format!("the `## [{v}]` section")
    });
    Some(Refusal::new(
        Reason::Changelog,
        format!("{what}, so relhook cannot write {section}"),
        format!("{fix}, then release again"),
    ))
}
