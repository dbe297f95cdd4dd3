//! A release commit rewritten after tagging (`git commit --amend`, a rebase): its tag stays on
//! the old commit, so the branch would publish a release its tag does not name. Recognised
//! on a branch's first-parent line, and the one fix relhook gives for it everywhere (pre-push,
//! post-commit, doctor, a refused release): make the tag again with `relhook release
//! --resume`, which keeps the release notes in the tag and tests the commit; never `git tag
//! -f -a vX -m vX`, which would drop the notes.

use git2::Oid;

use crate::config::Config;
use crate::git::{Repo, short_id};

/// A release commit whose tag names another commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retag {
    /// The release commit on the branch.
    pub commit: Oid,
    /// Its release tag.
    pub tag: String,
    /// Whether the tag is a package's (see [`super::HalfMade::package`]).
    pub package: bool,
    /// The commit the tag names (the release commit before it was rewritten).
    pub tagged: Oid,
    /// Its version.
    pub version: semver::Version,
    /// Whether the release commit is HEAD.
    pub at_head: bool,
    /// How a release made now over the commits below it would differ (rebased over them):
    /// then the release is made again, never tagged there.
    pub stale: super::stale::Stale,
    /// The other local branch that still holds the tagged commit, when this one is a copy of
    /// it (`git cherry-pick` of a release commit made on a maintenance branch), not a rewrite:
    /// the tag is right where it is, and this commit's section describes the other branch.
    pub copy_of: Option<String>,
    /// The way on when the tagged commit is another clone's release of the version (fetched
    /// over this clone's tag, never on a branch here): the tag is kept, this release commit
    /// goes, and the work is released above theirs. `None` for a rewrite.
    pub foreign: Option<String>,
    /// The remote that has the release commit on the branch while no remote has the tagged
    /// one: this clone's release of the version, dropped by a rebase onto another clone's
    /// (`git rebase --skip`). That remote's tag is the one to take; made again here, the tag
    /// would be another of the same name.
    pub theirs: Option<String>,
}

/// The release commit on `tip`'s first-parent line since the last release tag it holds (at
/// most 50 commits' messages read), when its tag exists on another release commit of it: not
/// it, and not the commit before it (a hand tag's interrupted rewrite, which `half_made_from`
/// reports).
pub fn retag_needed_from(repo: &Repo, config: &Config, tip: Oid) -> Option<Retag> {
    let (commit, version) = super::resume::release_commit_on(repo, config, tip)?;
    let tag = format!("{}{version}", config.version.tag_prefix);
    let tagged = repo.peel_to_commit(repo.tag_target(&tag)?)?;
    // The tagged commit in the tip's history too (another clone's release merged in, a copy
    // of a release commit whose branch was merged since): nothing was rewritten, and a tag
    // made again would name a second commit (`twin` says what two releases of one version
    // in one history lose).
    if tagged == commit || Some(tagged) == repo.first_parent(commit) || repo.reaches(tip, tagged) {
        return None;
    }
    let path = &config.changelog.path;
    // Both are release commits of it: a tag moved onto a commit without the section (another
    // branch's, `RELHOOK_SKIP=1 git tag -f`) is no rewrite, nor a copy, but a moved tag.
    let released = |c| crate::history::sync::has_section_at(repo, c, path, &version);
    if !released(commit) || !released(tagged) {
        return None;
    }
    let copy_of = repo
        .branches_at("heads/*")
        .into_iter()
        .find(|(_, at)| repo.reaches(*at, tagged) && !repo.reaches(*at, commit))
        .and_then(|(name, _)| name.strip_prefix("heads/").map(str::to_owned));
    let foreign = copy_of
        .is_none()
        .then(|| another_clones(repo, config, commit, tagged))
        .flatten();
    let theirs = (copy_of.is_none() && foreign.is_none())
        .then(|| published_instead(repo, commit, tagged))
        .flatten();
    Some(Retag {
        package: config.package.is_some(),
        theirs,
        stale: super::stale::check(repo, config, commit, &version),
        copy_of,
        foreign,
        at_head: repo.head() == Some(commit),
        commit,
        tag,
        tagged,
        version,
    })
}

/// The way on (see [`Retag::foreign`]) when `tagged` never was on a branch here, where the
/// reflogs do remember `commit`: no amend or rebase here replaced it, so it came from another
/// clone. Where git keeps no reflog, `None`: a rewrite, as before.
fn another_clones(repo: &Repo, config: &Config, commit: Oid, tagged: Oid) -> Option<String> {
    let since = repo.author_time(commit)?.min(repo.author_time(tagged)?);
    let held = repo.reflog_commits_since(since);
    let seen = |c: Oid| held.iter().any(|(id, _)| *id == c);
    if !seen(commit) || seen(tagged) {
        return None;
    }
    let short = short_id(commit);
    let drop = if repo.head() == Some(commit) {
        format!("git reset --keep {short}~1")
    } else {
        format!("git rebase --onto {short}~1 {short}")
    };
    let pull = match repo.push_destination() {
        crate::git::PushDestination::Branch {
            branch,
            remote: Some(r),
            ..
        } => format!(
            "git pull --rebase --tags {} {}",
            crate::shellword::quote(&r),
            // `rel` tracking origin's `main`: origin has no `rel` to pull.
            crate::shellword::quote(&repo.pull_branch(&r).unwrap_or(branch))
        ),
        _ => "git pull --rebase".to_owned(),
    };
    Some(format!("{drop} && {pull} && {}", config.release_command()))
}

/// The remote whose remote-tracking branches hold `commit` when none holds `tagged` (see
/// [`Retag::theirs`]).
pub fn published_instead(repo: &Repo, commit: Oid, tagged: Oid) -> Option<String> {
    if repo.held_by_any(&repo.remote_tracking_commits("*"), tagged) {
        return None;
    }
    (repo.remote_names().into_iter())
        .find(|r| repo.held_by_any(&repo.remote_tracking_commits(r), commit))
}

/// What is wrong when tag `tag` names `tagged`, this clone's release of `version`, while a
/// rebase took `remote`'s release commit `commit` of it (see [`Retag::theirs`]): said alike
/// for the root's release and a package's.
pub(crate) fn theirs_problem(
    tag: &str,
    tagged: Oid,
    version: &semver::Version,
    remote: &str,
    commit: Oid,
) -> String {
    format!(
        "its tag {tag} is on {}, this clone's own release of {version}, which no remote has, while {remote} has this one ({}): a rebase took {remote}'s release for it",
        short_id(tagged),
        short_id(commit)
    )
}

/// The command that takes `remote`'s tag `tag` for this clone's (see [`Retag::theirs`]).
pub(crate) fn take_theirs(remote: &str, tag: &str) -> String {
    let (remote, tag) = (
        crate::shellword::quote(remote),
        crate::shellword::quote(tag),
    );
    format!("git tag -d {tag} && git fetch {remote} tag {tag}")
}

/// The fix around [`take_theirs`]'s `command`, for this clone's release of `version`.
pub(crate) fn theirs_fix(remote: &str, version: &semver::Version, command: &str) -> String {
    format!(
        "take {remote}'s tag for it (this clone's release of {version} was never published): `{command}`"
    )
}

/// Every release commit on `tip`'s first-parent line rewritten after tagging, newest first: a
/// rebase across several releases not pushed yet rewrites them all (at most 8 are looked for).
pub fn retags_needed_from(repo: &Repo, config: &Config, tip: Oid) -> Vec<Retag> {
    let mut out: Vec<Retag> = Vec::new();
    let mut at = Some(tip);
    while let Some(tip) = at.filter(|_| out.len() < 8) {
        let Some(r) = retag_needed_from(repo, config, tip) else {
            break;
        };
        at = repo.first_parent(r.commit);
        out.push(r);
    }
    out
}

impl Retag {
    /// What is wrong, in one clause: `v1.2.0 is on 1a2b3c4d5, not on this release commit …`.
    pub fn problem(&self) -> String {
        if let Some(branch) = &self.copy_of {
            return format!(
                "it is a copy of the release commit its tag {} is on ({}, on branch `{branch}`): its section describes `{branch}`'s history, not this branch's",
                self.tag,
                short_id(self.tagged)
            );
        }
        if let Some(remote) = &self.theirs {
            return theirs_problem(&self.tag, self.tagged, &self.version, remote, self.commit);
        }
        if self.foreign.is_some() {
            return format!(
                "its tag {} is on {}, another clone's release of {} (no branch here ever held it), not on this one ({})",
                self.tag,
                short_id(self.tagged),
                self.version,
                short_id(self.commit)
            );
        }
        format!(
            "its tag {} is on {}, the release commit as it was before being amended or rebased, not on this one ({})",
            self.tag,
            short_id(self.tagged),
            short_id(self.commit)
        )
    }

    /// Whether a remote-tracking ref holds the tagged commit: the release as tagged is
    /// published, and going back to it is the fix, not a second version of the release.
    pub fn published(&self, repo: &Repo) -> bool {
        repo.held_by_any(&repo.remote_tracking_commits("*"), self.tagged)
    }

    /// The command that fixes it (doctor's `fix:`): re-make the tag on the rewritten commit
    /// with its notes, tested; or, when the tagged commit is published, go back to it.
    pub fn command(&self, repo: &Repo) -> String {
        if let Some(branch) = &self.copy_of {
            let short = short_id(self.commit);
            let drop = if self.at_head {
                format!("git reset --keep {short}~1")
            } else {
                format!("git rebase --onto {short}~1 {short}")
            };
            return format!("{drop} && git merge {}", crate::shellword::quote(branch));
        }
        if let Some(way) = &self.foreign {
            return way.clone();
        }
        if let Some(remote) = &self.theirs {
            return take_theirs(remote, &self.tag);
        }
        if self.published(repo) {
            super::back::command(self.tagged)
        } else if self.stale.is_stale() {
            let tag = Some(self.tag.as_str());
            let version = self.stale.version(&self.version);
            super::stale::redo(self.commit, &version, self.at_head, tag)
        } else {
            crate::resume_advice::command()
        }
    }

    /// What `relhook release --resume` finishes: the release commit tagged again (tested,
    /// with its notes), the tag on the commit it replaced going only then. `None` when the
    /// fix is another (a copy to drop, a published tag to go back to, a release to make again).
    pub fn to_resume(&self, repo: &Repo) -> Option<super::HalfMade> {
        let another = self.copy_of.is_some() || self.foreign.is_some() || self.theirs.is_some();
        if another || self.published(repo) || self.stale.is_stale() {
            return None;
        }
        Some(super::HalfMade {
            commit: self.commit,
            version: self.version.clone(),
            tag: self.tag.clone(),
            package: self.package,
            at_head: self.at_head,
            misplaced_tag: None,
            replaces: Some(repo.tag_target(&self.tag)?),
            stale: self.stale.clone(),
            pushed_to: None,
            fetch_from: repo.fetch_remote(),
            tag_lock: super::resume::tag_lock(repo, &self.tag),
            notes_lock: super::notes_lock::left_recording(repo, self.commit),
        })
    }

    /// How to fix it, in a sentence around [`Retag::command`].
    pub fn fix(&self, repo: &Repo) -> String {
        let command = self.command(repo);
        if self.copy_of.is_some() {
            return format!(
                "drop the copy and merge the release in: `{command}` ({} stays where it is)",
                self.tag
            );
        }
        if let Some(remote) = &self.theirs {
            return theirs_fix(remote, &self.version, &command);
        }
        if self.foreign.is_some() {
            return format!(
                "keep {} as it is; take this clone's release commit out and release your work above theirs: `{command}`",
                self.tag
            );
        }
        if self.published(repo) {
            let (tag, tagged, at_head) = (&self.tag, self.tagged, self.at_head);
            return super::back::advice(repo, tag, tagged, self.commit, at_head);
        }
        if self.stale.is_stale() {
            return format!(
                "{}; make the release again with them: `{command}` (drops the release commit, which no remote has, and releases {} again)",
                self.stale.problem(self.commit, &self.version),
                self.stale.version(&self.version)
            );
        }
        // A tag pushed alone leaves no remote-tracking ref to tell it is published:
        // `--resume` asks the remotes, and refuses with the way back.
        let asked = if repo.remote_names().is_empty() {
            String::new()
        } else {
            format!(
                "; a remote that has {} already keeps it, and the way back is said",
                self.tag
            )
        };
        format!(
            "`{command}` (makes {} again on {}, with its release notes, and tests it{asked})",
            self.tag,
            short_id(self.commit)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_remotes_tag_is_taken_by_a_command_that_pastes() {
        assert_eq!(
            take_theirs("origin", "b-v2.0.1"),
            "git tag -d b-v2.0.1 && git fetch origin tag b-v2.0.1"
        );
        let quoted = take_theirs("my remote", "@s/a-v1.0.0");
        assert!(quoted.starts_with("git tag -d "), "{quoted}");
        assert!(quoted.contains("'my remote'"), "{quoted}");
    }
}
