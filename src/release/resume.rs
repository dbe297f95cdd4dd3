//! A release interrupted after its commit: recognising the release commit whose tag is
//! missing (`half_made`) and finishing it (`resume`). A failed resume undoes only what it
//! added (its test record): the release commit stays, and the command that finishes it is named.

mod hand;

use std::path::Path;

use git2::Oid;
use semver::Version;

use super::{Done, Options, RecordsBefore, notes, reworded, test_and_tag};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};
pub use hand::test_hand_release;

/// A release commit whose tag is missing: a release interrupted after its commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HalfMade {
    /// The release commit.
    pub commit: Oid,
    /// Its version.
    pub version: Version,
    /// The tag it lacks.
    pub tag: String,
    /// Whether the tag is a package's: the release is then named by its tag (`a-v0.2.0`), as
    /// its version alone names no package.
    pub package: bool,
    /// Whether it is HEAD (else commits were made on top of it).
    pub at_head: bool,
    /// A hand tag left on the commit before the release commit (a hand-tag rewrite that was
    /// interrupted): the tag's current target, to move onto the release commit.
    pub misplaced_tag: Option<Oid>,
    /// The tag as it stands on the release commit before it was reworded or rebased (what the
    /// ref holds): made again on this one, with the release notes, once its tests pass.
    pub replaces: Option<Oid>,
    /// How a release made now over the commits below it would differ (a rebase put changes
    /// under it): then it is made again, never tagged.
    pub stale: super::stale::Stale,
    /// The remote whose remote-tracking branch holds the release commit (it was pushed): its
    /// tag, deleted here, may be there, to fetch rather than make again.
    pub pushed_to: Option<String>,
    /// The remote a tag deleted here would be fetched back from (see `Repo::fetch_remote`);
    /// `None` with no remote, where advice to fetch would send the user nowhere.
    pub fetch_from: Option<String>,
    /// The tag's lock file, left by the process that was killed making it: every update of
    /// the tag fails until it goes.
    pub tag_lock: Option<std::path::PathBuf>,
    /// The test records' lock file, left by the release killed while it recorded the pass:
    /// every test record fails until it goes (see [`super::notes_lock`]).
    pub notes_lock: Option<std::path::PathBuf>,
}

impl HalfMade {
    /// One line for the user: what is half-made and the command that finishes it.
    pub fn describe(&self) -> String {
        if let Some(r) = self.stale_refusal() {
            return r.to_string();
        }
        let short = crate::git::short_id(self.commit);
        let place = if self.at_head {
            "HEAD"
        } else {
            "a commit below HEAD"
        };
        // A tag made by hand and not yet moved onto the release commit is not missing.
        let (tag, fetch) = match (self.misplaced_tag, &self.pushed_to) {
            // Published, the release commit had its tag: moved back here by hand (`git tag
            // -f`), the remote's is the one to take back, not another made with its message.
            (Some(_), Some(remote)) => (
                format!(
                    "tag {} is on the commit before it, though {remote} has the release commit",
                    self.tag
                ),
                format!(
                    " if {remote} never had the tag; if it was pushed and moved here, `git fetch --force {} tag {}` brings it back as it was",
                    crate::shellword::quote(remote),
                    crate::shellword::quote(&self.tag)
                ),
            ),
            (Some(_), None) => (
                format!("tag {} is still on the commit before it", self.tag),
                String::new(),
            ),
            // A tag deleted here that a remote still has comes back as it was; made again,
            // it would be another tag of the same name.
            (None, pushed_to) => match pushed_to {
                Some(remote) => (
                    format!(
                        "tag {} is missing here, though {remote} has the release commit (not fetched yet? a pull that names its branch brings no tags)",
                        self.tag
                    ),
                    format!(
                        " if {remote} never had the tag; if it was pushed and deleted here, `git fetch {} tag {}` brings it back as it was (made again, it would be another tag of the same name)",
                        crate::shellword::quote(remote),
                        crate::shellword::quote(&self.tag)
                    ),
                ),
                None => (
                    format!("tag {} is missing", self.tag),
                    self.fetch_from.as_ref().map_or(String::new(), |remote| {
                        format!(
                            " (if it was pushed and deleted here, fetch it instead: `git fetch {} tag {}`)",
                            crate::shellword::quote(remote),
                            crate::shellword::quote(&self.tag)
                        )
                    }),
                ),
            },
        };
        let mut lock = match &self.tag_lock {
            Some(lock) => format!(
                "; {} is left by the process that was killed (every update of the tag fails until it goes)",
                lock.display()
            ),
            None => String::new(),
        };
        if let Some(notes) = &self.notes_lock {
            lock.push_str(&format!(
                "; {} is left by the release that was killed while it recorded its test pass (every test record fails until it goes)",
                notes.display()
            ));
        }
        let release = match self.package {
            true => self.tag.clone(),
            false => self.version.to_string(),
        };
        format!(
            "{place} ({short}) is the release commit of {release} but {tag} (an interrupted release){lock}; `{}` finishes it{fetch}",
            crate::resume_advice::command()
        )
    }

    /// `command` after the removal of the lock files left (the tag's, the test records').
    fn unlocked(&self, command: String) -> String {
        let locks: Vec<String> = [&self.tag_lock, &self.notes_lock]
            .into_iter()
            .flatten()
            .map(|l| crate::shellword::quote(&l.display().to_string()))
            .collect();
        match locks.is_empty() {
            true => command,
            false => format!("rm {} && {command}", locks.join(" ")),
        }
    }
}

impl HalfMade {
    /// The command that finishes it: `--resume`, or, when a release made now would differ
    /// (its section leaves out changes below it, or they call for another version), the one
    /// that makes the release again.
    pub fn fix(&self) -> String {
        if !self.stale.is_stale() {
            // Pushed: the remote's tag, when it has one, else the release finished here.
            return self.unlocked(match (&self.pushed_to, self.misplaced_tag) {
                (Some(remote), None) => format!(
                    "git fetch {} tag {} || {}",
                    crate::shellword::quote(remote),
                    crate::shellword::quote(&self.tag),
                    crate::resume_advice::command()
                ),
                (Some(remote), Some(_)) => format!(
                    "git fetch --force {} tag {} || {}",
                    crate::shellword::quote(remote),
                    crate::shellword::quote(&self.tag),
                    crate::resume_advice::command()
                ),
                _ => crate::resume_advice::command(),
            });
        }
        let tag = self.misplaced_tag.map(|_| self.tag.as_str());
        let version = self.stale.version(&self.version);
        self.unlocked(super::stale::redo(self.commit, &version, self.at_head, tag))
    }

    /// The refusal to tag it as it is, when a release made now would differ.
    pub fn stale_refusal(&self) -> Option<Refusal> {
        if !self.stale.is_stale() {
            return None;
        }
        Some(Refusal::new(
            Reason::Changelog,
            format!(
                "{} is not tagged: {}",
                self.tag,
                self.stale.problem(self.commit, &self.version)
            ),
            format!(
                "make the release again with them: `{}` (drops the release commit, which no tag names, and releases {} again)",
                self.fix(),
                self.stale.version(&self.version)
            ),
        ))
    }
}

/// The version a release commit message names, read through `release.commit_message`.
pub(super) fn version_in_message(template: &str, message: &str) -> Option<Version> {
    let template = template.lines().next()?;
    let subject = message.lines().next()?.trim_end();
    let (before, after) = template.split_once("{version}")?;
    let middle = subject.strip_prefix(before)?.strip_suffix(after)?;
    Version::parse(middle).ok()
}

/// The version of a package's release commit made by its hand tag's hook, whose message names
/// the tag (`chore(release): a-v0.2.0`), when that tag is still on the commit before it.
fn hand_package_release(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    message: &str,
) -> Option<Version> {
    config.package.as_ref()?;
    let prefix = &config.version.tag_prefix;
    let template =
        (config.release.commit_message).replace("{version}", &format!("{prefix}{{version}}"));
    let version = version_in_message(&template, message)?;
    let tagged = repo.tag_target(&format!("{prefix}{version}"))?;
    let before = repo.first_parent(commit)?;
    (repo.peel_to_commit(tagged) == Some(before)).then_some(version)
}

/// Recognises a half-made release: a release commit (its message is `release.commit_message`
/// for version X and its changelog has X's section) on HEAD's first-parent line since the last
/// release tag, with no tag for X.
pub fn half_made(repo: &Repo, config: &Config) -> Option<HalfMade> {
    half_made_from(repo, config, repo.head()?)
}

/// The newest release commit on `tip`'s first-parent line since the last release tag it
/// holds (at most 50 commits' messages read), with its version: where a half-made release or
/// a rewritten one is found. Reworded in words that name no version, it is told by its section
/// and its tag left on the commit it replaced (`reworded::by_section`).
/// Looked for once per tip while the repository holds still (`commit_on`).
pub(super) fn release_commit_on(repo: &Repo, config: &Config, tip: Oid) -> Option<(Oid, Version)> {
    super::commit_on::once(repo, config, tip, || {
        let last = repo.latest_release_tag(tip, &config.version.tag_prefix);
        by_message(repo, config, tip, last.as_ref().map(|t| t.1))
            .or_else(|| reworded::by_section(repo, config, tip, last.as_ref()))
    })
}

/// [`release_commit_on`] by the commits' messages, down to `last` (the last release commit).
fn by_message(repo: &Repo, config: &Config, tip: Oid, last: Option<Oid>) -> Option<(Oid, Version)> {
    let mut at = Some(tip);
    // The default message, asked about only where the configuration names another.
    let default = crate::config::ReleaseConfig::default().commit_message;
    let former = (config.release.commit_message != default).then_some(default.as_str());
    for _ in 0..50 {
        let commit = at?;
        if Some(commit) == last {
            return None;
        }
        let message = repo.commit_text(commit)?;
        let parent = repo.first_parent(commit);
        let exact = version_in_message(&config.release.commit_message, &message);
        if let Some(version) = &exact {
            // A later commit with the release's very subject, above that release's tag, is
            // no release commit unless it adds the section (a hand tag's, interrupted).
            let tag = format!("{}{version}", config.version.tag_prefix);
            let below = repo
                .tag_target(&tag)
                .and_then(|t| repo.peel_to_commit(t))
                .is_some_and(|t| t != commit && repo.reaches(commit, t));
            if !below || reworded::adds_section(repo, config, commit, parent, version) {
                return Some((commit, version.clone()));
            }
        }
        // A package's hand tag names its tag in its release commit (`a-v0.2.0`): taken only
        // with that tag left on the commit before it (the hook killed before moving it).
        if let Some(version) = hand_package_release(repo, config, commit, &message) {
            return Some((commit, version));
        }
        // A reworded one (`git commit --amend -m`) only where the commit itself adds the
        // version's section: `chore(release): 0.1.0 announcement` after it adds none. (A
        // message the template gives a version was judged above, by that same section.)
        if exact.is_none()
            && let Some(version) =
                reworded::opening_version(&config.release.commit_message, &message)
            && reworded::adds_section(repo, config, commit, parent, &version)
        {
            return Some((commit, version));
        }
        // Made under the default message before `release.commit_message` changed, where it
        // adds the version's section.
        if let Some(version) = former.and_then(|d| version_in_message(d, &message))
            && reworded::adds_section(repo, config, commit, parent, &version)
        {
            return Some((commit, version));
        }
        if let Some(version) = reworded::in_other_words(repo, config, tip, commit, &message) {
            return Some((commit, version));
        }
        at = parent;
    }
    None
}

/// [`half_made`] on `tip`'s first-parent line (a branch being pushed, say) rather than HEAD's.
pub fn half_made_from(repo: &Repo, config: &Config, tip: Oid) -> Option<HalfMade> {
    super::searched::count();
    let head = repo.head();
    let (commit, version) = release_commit_on(repo, config, tip)?;
    let tag = format!("{}{version}", config.version.tag_prefix);
    // Tagged under a former prefix (`v1.0.0` before `tag_prefix` became "" or `release-`;
    // `release-1.0.0`, the prefix its commit stores, before it became `v`): released, and
    // `--resume` would tag it a second time.
    let mut others = crate::history::tags::former_prefixes(repo, config);
    others.extend(crate::history::tags::stored_prefix(repo, commit));
    let named = |t: Oid| repo.peel_to_commit(t) == Some(commit);
    if (others.iter()).any(|o| repo.tag_target(&format!("{o}{version}")).is_some_and(named)) {
        return None;
    }
    let misplaced_tag = match repo.tag_target(&tag) {
        None => None,
        Some(t)
            if repo.peel_to_commit(t).is_some()
                && repo.peel_to_commit(t) == repo.first_parent(commit) =>
        {
            Some(t)
        }
        Some(_) => return None,
    };
    let has_section =
        crate::history::sync::has_section_at(repo, commit, &config.changelog.path, &version);
    // A release commit whose section the tip no longer has was undone (`git revert` of it,
    // its tag deleted on purpose): nothing to finish.
    let undone = super::reverted::undone_above(repo, commit, tip, &config.changelog.path, &version);
    if !has_section || undone {
        return None;
    }
    let pushed_to = repo
        .remote_names()
        .into_iter()
        .find(|r| repo.held_by_any(&repo.remote_tracking_commits(r), commit));
    Some(HalfMade {
        stale: super::stale::check(repo, config, commit, &version),
        pushed_to,
        fetch_from: repo.fetch_remote(),
        commit,
        version,
        at_head: Some(commit) == head,
        misplaced_tag,
        replaces: None,
        tag_lock: tag_lock(repo, &tag),
        notes_lock: super::notes_lock::left_recording(repo, commit),
        tag,
        package: config.package.is_some(),
    })
}

/// The lock file of tag `name`, when one is there (see [`HalfMade::tag_lock`]).
pub(super) fn tag_lock(repo: &Repo, name: &str) -> Option<std::path::PathBuf> {
    let lock = repo.ref_lock_path(&format!("refs/tags/{name}"));
    lock.exists().then_some(lock)
}

/// The tag message relhook writes for `half`'s release at `commit`: the tag's name, then the
/// release notes of its changelog there.
fn tag_message_at(repo: &Repo, config: &Config, half: &HalfMade, commit: Oid) -> Result<String> {
    let text = repo
        .file_at(commit, &config.changelog.path)?
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .unwrap_or_default();
    let notes = notes::from_changelog_text(&text, &half.version.to_string()).unwrap_or_default();
    let message = format!("{}\n\n{}", half.tag, notes.trim_end())
        .trim_end()
        .to_owned()
        + "\n";
    // A release that departed from its branch's channel says so again (pre-push reads it).
    let under = super::channel::resumed(config, repo.branch().as_deref(), &half.version);
    Ok(super::channel::tag_message(message, under.as_ref()))
}

/// The message of tag object `old` (its signature left out), when it is not the one relhook
/// would have written on the commit it names: words of the person who made it, kept.
fn hand_written(repo: &Repo, config: &Config, half: &HalfMade, old: Oid) -> Option<String> {
    let message = String::from_utf8(repo.tag_message(old)?).ok()?;
    let message = match message.find("-----BEGIN ") {
        Some(at) => &message[..at],
        None => &message,
    };
    let then = tag_message_at(repo, config, half, repo.peel_to_commit(old)?).ok()?;
    (message != then).then(|| message.to_owned())
}

/// Finishes a half-made release: tests the commit (on a clean checkout of it when it is below
/// HEAD), records the pass and tags it with its notes. On failure the release commit stays,
/// finishable, and the test record this run made is removed.
pub fn resume(
    repo: &Repo,
    config: &Config,
    root: &Path,
    half: &HalfMade,
    opts: &Options,
) -> Result<Done> {
    if let Some(r) = half.stale_refusal() {
        return Err(Error::Refused(r));
    }
    crate::git::txn::recover(repo)?;
    // Published, the release commit may have its tag there (a pull that names its branch
    // brings no tags): made here it would be another tag of the same name. The remote is
    // asked only then; unreachable, the tag is made as before.
    if let Some(remote) = half
        .pushed_to
        .as_deref()
        .filter(|_| half.misplaced_tag.is_none())
    {
        let name = format!("refs/tags/{}", half.tag);
        if repo
            .remote_tags_peeled(remote)
            .is_ok_and(|tags| tags.iter().any(|(n, _, _)| *n == name))
        {
            return Err(Error::Refused(crate::error::Refusal::new(
                crate::error::Reason::HalfMade,
                format!(
                    "{remote} has tag {} already, on the release commit it has (not fetched here: a pull that names its branch brings no tags)",
                    half.tag
                ),
                format!(
                    "take it: `git fetch {} tag {}` (made here, it would be another tag of the same name)",
                    crate::shellword::quote(remote),
                    crate::shellword::quote(&half.tag)
                ),
            )));
        }
    }
    if let Some(r) = half.replaces.and_then(|old| {
        super::back::published_refusal(repo, &half.tag, old, half.commit, half.at_head)
    }) {
        return Err(Error::Refused(r));
    }
    // A tag lock left behind fails the tag step: found before the tests, not after them.
    repo.wait_for_tag_locks([&half.tag])?;
    // Nor a wait for the test records' lock its killed release left, only to fail the same.
    let records_pass = config.checks.test.is_some() && !opts.no_test;
    if let Some(lock) = half.notes_lock.as_ref().filter(|_| records_pass) {
        return Err(Error::Refused(super::notes_lock::refusal(lock)));
    }
    // A Ctrl-C (SIGTERM, SIGHUP) while testing or tagging removes the test record and the
    // temporary worktree, as a failing test does; the release commit stays.
    let _deferred = crate::interrupt::Deferred::begin();
    let records = RecordsBefore::read(repo);
    let tested = match half.misplaced_tag {
        // A hand tag left on the commit before (its hook killed once the release commit was
        // made): tested as any resumed release is, then moved onto it.
        Some(old) => hand::tested_then_moved(repo, config, root, half, old, opts),
        None => tag_anew(repo, config, root, half, opts),
    };
    match tested {
        Ok(tested) => Ok(Done {
            commit: half.commit,
            tested,
        }),
        // Like a release undone at its tag step: the test record this run added goes too
        // (git's TAG_EDITMSG is put back by `tag_annotated`); only the release commit stays.
        Err(e) => match records.restore(repo) {
            Ok(()) => Err(e),
            Err(undo) => Err(Error::Unfinished {
                error: Box::new(e),
                left: format!("removing the test record it made failed too ({undo})"),
                finish: format!("`{}` finishes the release", crate::resume_advice::command()),
            }),
        },
    }
}

/// [`resume`]'s tests and tag for a release commit whose tag is missing (or stands on the
/// commit it replaced): a new tag with its notes.
fn tag_anew(
    repo: &Repo,
    config: &Config,
    root: &Path,
    half: &HalfMade,
    opts: &Options,
) -> Result<bool> {
    let tag_message = tag_message_at(repo, config, half, half.commit)?;
    // A tag it replaces keeps a message written by hand (a hand tag's own words): only the
    // notes relhook wrote are made again from the rewritten commit's changelog.
    let tag_message = match half
        .replaces
        .and_then(|old| hand_written(repo, config, half, old))
    {
        Some(kept) => kept,
        None => tag_message,
    };
    // Below HEAD the work tree is not the release commit's: its tests run on a clean
    // checkout of it, and the pass is recorded for its tree as on HEAD.
    // Nor is a work tree with uncommitted changes (--allow-dirty).
    let checkout = match (&config.checks.test, opts.no_test) {
        (Some(_), false) if !half.at_head || !repo.dirty_paths(1)?.is_empty() => {
            Some(crate::testrun::Checkout::of(repo, half.commit)?)
        }
        _ => None,
    };
    test_and_tag(
        repo,
        config,
        checkout.as_ref().map_or(root, |c| c.path()),
        half.commit,
        &super::NewTag {
            name: &half.tag,
            message: &tag_message,
            replaces: half.replaces,
        },
        opts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_commit_messages_name_their_version() {
        let v = |t: &str, m: &str| version_in_message(t, m).map(|v| v.to_string());
        assert_eq!(
            v("chore(release): {version}", "chore(release): 1.2.3\n"),
            Some("1.2.3".into())
        );
        assert_eq!(
            v(
                "release v{version} (auto)\nbody",
                "release v2.0.0-rc.1 (auto)"
            ),
            Some("2.0.0-rc.1".into())
        );
        assert_eq!(v("chore(release): {version}", "chore(release): soon"), None);
        assert_eq!(v("chore(release): {version}", "feat: 1.2.3"), None);
        assert_eq!(v("no placeholder", "no placeholder"), None);
    }

    #[test]
    fn a_reworded_release_commit_still_names_its_version() {
        let v = |m: &str| {
            reworded::version_in_reworded("chore(release): {version}", m).map(|v| v.to_string())
        };
        assert_eq!(v("chore(release): 0.1.0 (tweaked)"), Some("0.1.0".into()));
        assert_eq!(v("chore(release): 0.1.0"), Some("0.1.0".into()));
        assert_eq!(
            v("chore(release): 0.1.0-rc.1 first cut"),
            Some("0.1.0-rc.1".into())
        );
        assert_eq!(v("chore(release): 0.1.0x"), None);
        assert_eq!(v("chore(release): prepare 0.1.0"), None);
        assert_eq!(v("chore: 0.1.0 tweaked"), None);
    }

    /// The search's matching, each message judged once: the template's version, a reworded
    /// first line (whose section its commit adds), the default message under another
    /// template, and a version in other words, whose tag on another commit is the evidence.
    #[test]
    fn a_release_commit_is_found_by_each_way_its_message_can_name_it() {
        use crate::git::testing::{git, untagged_release};
        let found = |dir: &std::path::Path, config: &Config| {
            let repo = Repo::open(dir).unwrap();
            let head = repo.head().unwrap();
            by_message(&repo, config, head, None).map(|(c, v)| (c == head, v.to_string()))
        };
        let at_head = Some((true, "0.2.0".to_owned()));
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        untagged_release(dir);
        let config = Config::default();
        assert_eq!(found(dir, &config), at_head);
        // Made under the default message before the template changed.
        let mut other = config.clone();
        other.release.commit_message = "release: {version}".into();
        assert_eq!(found(dir, &other), at_head);
        // Reworded after the template's words: found by the section it adds.
        let amend = ["commit", "-q", "--amend", "--no-verify", "-m"];
        git(
            dir,
            &[&amend[..], &["chore(release): 0.2.0 (tweaked)"]].concat(),
        );
        assert_eq!(found(dir, &config), at_head);
        // In other words, with no tag to tell it: no release commit.
        git(dir, &[&amend[..], &["chore: cut v0.2.0."]].concat());
        assert_eq!(found(dir, &config), None);
        // The same words on a commit on top that adds no section: not the release commit.
        git(dir, &[&amend[..], &["chore(release): 0.2.0"]].concat());
        git(dir, &["tag", "v0.2.0"]);
        let empty = ["commit", "-q", "--allow-empty", "--no-verify", "-m"];
        git(
            dir,
            &[&empty[..], &["chore(release): 0.2.0 again"]].concat(),
        );
        git(dir, &[&empty[..], &["chore(release): 0.2.0"]].concat());
        let repo = Repo::open(dir).unwrap();
        let head = repo.head().unwrap();
        let tagged = repo.peel_to_commit(repo.tag_target("v0.2.0").unwrap());
        let found = by_message(&repo, &config, head, None).map(|(c, _)| c);
        assert_eq!(found, tagged, "the tagged release commit, below both");
    }
}
