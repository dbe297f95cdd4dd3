//! A monorepo release interrupted after its commit (a killed process): the release commit
//! whose message names package tags that are missing is recognised ([`half_made`]) and
//! finished ([`resume`]): each missing package tested and tagged.

use std::path::Path;

use git2::Oid;
use semver::Version;

use super::{Done, package_plan, tag, test_all, wants_tests};
use crate::Result;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::packages;
use crate::release::Options;

/// A monorepo release commit whose tags are (partly) missing: a release interrupted after its
/// commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HalfMade {
    /// The release commit.
    pub commit: Oid,
    /// The tags it lacks, each with its package.
    pub missing: Vec<(String, String)>,
    /// Those of them that stand on the release commit as it was before an amend or a rebase
    /// (which the branch no longer holds), each with the ref's value and the commit it names:
    /// made again here, in place of that one, by `--resume`.
    pub replaces: Vec<(String, Oid, Oid)>,
    /// Whether it is HEAD.
    pub at_head: bool,
    /// The packages it releases, each with its version, its tag and whether that is made.
    pub released: Vec<(String, Version, String, bool)>,
    /// The packages a release made now over the commits below it would release differently
    /// (a rebase put changes under it), each with how: then it is made again, never tagged.
    pub stale: Vec<(String, crate::release::stale::Stale)>,
    /// Those of `replaces` whose release commit a remote has while none has the one tagged,
    /// each with that remote: this clone's release, dropped by a rebase onto another clone's
    /// (`git rebase --skip`), as [`crate::release::Retag::theirs`] says for the root's.
    pub theirs: Vec<(String, String)>,
}

impl HalfMade {
    /// One line: what is half-made and the command that finishes it.
    pub fn describe(&self) -> String {
        if let Some((problem, fix)) = self.take_theirs() {
            return format!("{problem}; {fix}");
        }
        if let Some(r) = self.stale_refusal() {
            return r.to_string();
        }
        let (what, fix) = if self.replaces.is_empty() {
            ("an interrupted release", "finishes it")
        } else {
            (
                "amended or rebased after tagging",
                "makes them again on it, with their notes",
            )
        };
        format!(
            "{} ({}) is a release commit whose {} ({what}); `{}` {fix}",
            if self.at_head {
                "HEAD"
            } else {
                "a commit below HEAD"
            },
            crate::git::short_id(self.commit),
            self.tag_state(),
            crate::resume_advice::command()
        )
    }

    /// Where its tags stand: `tags a-v1.0.0, b-v2.0.0 are missing`, or, for those left on the
    /// release commit as it was before being rewritten, `tag a-v1.0.0 is on 1a2b3c4d5 …`.
    pub fn tag_state(&self) -> String {
        let gone: Vec<&str> = (self.missing.iter())
            .map(|(t, _)| t.as_str())
            .filter(|t| !self.replaces.iter().any(|(r, ..)| r == t))
            .collect();
        let mut said = Vec::new();
        match gone.as_slice() {
            [] => {}
            [one] => said.push(format!("tag {one} is missing")),
            many => said.push(format!("tags {} are missing", many.join(", "))),
        }
        for (tag, _, tagged) in &self.replaces {
            let at = crate::git::short_id(*tagged);
            said.push(format!(
                "tag {tag} is on {at}, the release commit as it was before being amended or rebased"
            ));
        }
        said.join("; ")
    }
}

impl HalfMade {
    /// The command that finishes it: `--resume`, or, when a package's release made now would
    /// differ, the one that makes the release again (one package at the version it now has).
    pub fn fix(&self) -> String {
        if let Some((_, command)) = self.theirs_way() {
            return command;
        }
        if self.stale.is_empty() {
            return crate::resume_advice::command();
        }
        let made: Vec<&str> = self
            .released
            .iter()
            .filter(|r| r.3)
            .map(|r| r.2.as_str())
            .collect();
        let names: Vec<String> = self
            .released
            .iter()
            .map(|r| format!("--package {}", crate::shellword::quote(&r.0)))
            .collect();
        let mut release = format!(
            "relhook{} release {}{}",
            crate::resume_advice::global(),
            names.join(" "),
            crate::resume_advice::release_flags(None)
        );
        if let ([(_, version, ..)], [(_, stale)]) = (&self.released[..], &self.stale[..]) {
            release = format!("{release} {}", stale.version(version));
        }
        crate::release::stale::redo_with(self.commit, self.at_head, &made, &release)
    }

    /// The refusal to tag it as it is, when a package's release made now would differ.
    pub fn stale_refusal(&self) -> Option<Refusal> {
        let (package, stale) = self.stale.first()?;
        let (_, version, tag, _) = self.released.iter().find(|r| r.0 == *package)?;
        Some(Refusal::new(
            Reason::Changelog,
            format!(
                "{tag} is not tagged: {}",
                stale.problem(self.commit, version)
            ),
            format!(
                "make the release again with them: `{}` (drops the release commit, which no tag names, and releases it again)",
                self.fix()
            ),
        ))
    }
}

impl HalfMade {
    /// When a rebase took a remote's release commit for this clone's (see
    /// [`HalfMade::theirs`]): what is wrong and the fix, in the root's words. `--resume` would
    /// make another tag of the same name, which pre-push refuses as moving the remote's.
    pub fn take_theirs(&self) -> Option<(String, String)> {
        let (problems, command) = self.theirs_way()?;
        let (tag, remote) = self.theirs.first()?;
        let (_, version, ..) = self.released.iter().find(|r| r.2 == *tag)?;
        Some((
            problems,
            crate::release::theirs_fix(remote, version, &command),
        ))
    }

    /// [`HalfMade::take_theirs`]'s problems, and the command that takes the remote's tags.
    fn theirs_way(&self) -> Option<(String, String)> {
        let (mut problems, mut commands) = (Vec::new(), Vec::new());
        for (tag, remote) in &self.theirs {
            let (_, _, tagged) = self.replaces.iter().find(|r| r.0 == *tag)?;
            let (_, version, ..) = self.released.iter().find(|r| r.2 == *tag)?;
            let commit = self.commit;
            problems.push(crate::release::theirs_problem(
                tag, *tagged, version, remote, commit,
            ));
            commands.push(crate::release::take_theirs(remote, tag));
        }
        if problems.is_empty() {
            return None;
        }
        // A tag missing for another reason is made once the remote's are taken.
        let taken = |t: &String| self.theirs.iter().any(|(o, _)| o == t);
        if self.missing.iter().any(|(t, _)| !taken(t)) {
            commands.push(crate::resume_advice::command());
        }
        Some((problems.join("; "), commands.join(" && ")))
    }
}

/// The tags a monorepo release commit message names (`release.commit_message` with the tags
/// for `{version}`), each with its package.
fn tags_in_message(config: &Config, message: &str) -> Option<Vec<(String, String, Version)>> {
    super::message::tags_named(config, message)?
        .into_iter()
        .map(|t| {
            let (p, v) = packages::parse_tag(&config.packages, &t)?;
            let name = p.name.clone();
            Some((t, name, v))
        })
        .collect()
}

/// Recognises a half-made monorepo release on HEAD's first-parent line (the last 50 commits):
/// the newest release commit whose message names package tags, some of them missing, each
/// missing one's changelog holding its section.
pub fn half_made(repo: &Repo, config: &Config, root: &Path) -> Option<HalfMade> {
    half_made_from(repo, config, root, repo.head()?)
}

/// [`half_made`] on `tip`'s first-parent line (a branch being pushed, say) rather than HEAD's.
pub fn half_made_from(repo: &Repo, config: &Config, root: &Path, tip: Oid) -> Option<HalfMade> {
    if config.packages.is_empty() {
        return None;
    }
    by_message(repo, config, root, tip)
        .or_else(|| super::reworded::half_made(repo, config, root, tip))
}

/// [`half_made_from`] by the release commit's message, which names the package tags.
fn by_message(repo: &Repo, config: &Config, root: &Path, tip: Oid) -> Option<HalfMade> {
    let head = repo.head();
    let mut at = Some(tip);
    for _ in 0..50 {
        let commit = at?;
        let message = repo.commit_text(commit)?;
        if let Some(tags) = tags_in_message(config, &message) {
            let (mut missing, mut released, mut views) = (Vec::new(), Vec::new(), Vec::new());
            let (mut replaces, mut theirs) = (Vec::new(), Vec::new());
            for (tag, package, version) in tags {
                let view = packages::view(config, &package, root);
                if let Ok(view) = &view {
                    views.push((package.clone(), view.clone(), version.clone()));
                }
                let made = repo.tag_target(&tag).is_some();
                released.push((package.clone(), version.clone(), tag.clone(), made));
                match repo.tag_target(&tag) {
                    Some(t) if repo.peel_to_commit(t) == Some(commit) => {}
                    Some(t) => {
                        let tagged = rewritten_from(repo, &view.ok()?, tip, commit, t, &version)?;
                        if let Some(r) = crate::release::published_instead(repo, commit, tagged) {
                            theirs.push((tag.clone(), r));
                        }
                        replaces.push((tag.clone(), t, tagged));
                        missing.push((tag, package));
                    }
                    None => {
                        let view = view.ok()?;
                        if !crate::history::sync::has_section_at(
                            repo,
                            commit,
                            &view.changelog.path,
                            &version,
                        ) {
                            return None;
                        }
                        // Its release undone above (reverted, its tag deleted on purpose):
                        // released again, not finished, as the root's release is.
                        let path = &view.changelog.path;
                        if !crate::release::reverted::undone_above(
                            repo, commit, tip, path, &version,
                        ) {
                            missing.push((tag, package));
                        }
                    }
                }
            }
            if missing.is_empty() {
                return None;
            }
            let stale = views
                .into_iter()
                .map(|(p, view, v)| (p, crate::release::stale::check(repo, &view, commit, &v)))
                .filter(|(_, how)| how.is_stale())
                .collect();
            return Some(HalfMade {
                commit,
                missing,
                replaces,
                at_head: Some(commit) == head,
                released,
                stale,
                theirs,
            });
        }
        at = repo.first_parent(commit);
    }
    None
}

/// The commit tag value `tag` names, when it is `commit`'s release as it was before an amend
/// or a rebase: a commit `tip` no longer holds and no remote has (a published one is gone back
/// to, not tagged again), where both add the package's `version` section.
pub(super) fn rewritten_from(
    repo: &Repo,
    view: &Config,
    tip: Oid,
    commit: Oid,
    tag: Oid,
    version: &Version,
) -> Option<Oid> {
    let tagged = repo.peel_to_commit(tag)?;
    let path = &view.changelog.path;
    let adds = |c: Oid| {
        crate::history::sync::has_section_at(repo, c, path, version)
            && !repo
                .first_parent(c)
                .is_some_and(|p| crate::history::sync::has_section_at(repo, p, path, version))
    };
    let published = repo.held_by_any(&repo.remote_tracking_commits("*"), tagged);
    (!repo.reaches(tip, tagged) && !published && adds(commit) && adds(tagged)).then_some(tagged)
}

/// Finishes a half-made monorepo release: tests each package whose tag is missing (on a clean
/// checkout of the commit when it is below HEAD) and tags it with its notes. Nothing is undone on
/// failure: the tags made stay, and a resume makes those still missing.
pub fn resume(
    repo: &Repo,
    config: &Config,
    root: &Path,
    half: &HalfMade,
    opts: &Options,
) -> Result<Done> {
    if let Some((problem, fix)) = half.take_theirs() {
        let why = format!("{problem}; {fix}");
        return Err(crate::Error::Refused(Refusal::bare(Reason::HalfMade, why)));
    }
    if let Some(r) = half.stale_refusal() {
        return Err(crate::Error::Refused(r));
    }
    crate::git::txn::recover(repo)?;
    // A Ctrl-C (SIGTERM, SIGHUP) while testing or tagging stops the step under way and is
    // said; the release commit stays, and the tags made before it too.
    let _deferred = crate::interrupt::Deferred::begin();
    let mut plans = Vec::new();
    for (tag_name, package) in &half.missing {
        let view = packages::view(config, package, root)?;
        let Some((_, version)) = packages::parse_tag(&config.packages, tag_name) else {
            continue;
        };
        let text = repo
            .file_at(half.commit, &view.changelog.path)?
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
            .unwrap_or_default();
        let notes = crate::release::notes::from_changelog_text(&text, &version.to_string())
            .unwrap_or_default();
        // A release that departed from its branch's channel says so again (pre-push reads it).
        let under = crate::release::channel::resumed(config, repo.branch().as_deref(), &version);
        let mut p = package_plan(package, view, version.clone(), version, None);
        let message = format!("{tag_name}\n\n{}", notes.trim_end())
            .trim_end()
            .to_owned()
            + "\n";
        p.tag_message = crate::release::channel::tag_message(message, under.as_ref());
        plans.push(p);
    }
    // Below HEAD the work tree is not the release commit's: the tests run on a clean
    // checkout of it. Nor is a work tree with uncommitted changes (--allow-dirty).
    let checkout = match wants_tests(&plans, opts) {
        true if !half.at_head || !repo.dirty_or_hidden_paths(1)?.is_empty() => {
            Some(crate::testrun::Checkout::of(repo, half.commit)?)
        }
        _ => None,
    };
    let dir = checkout.as_ref().map_or(root, |c| c.path());
    let tested = test_all(repo, dir, &plans, half.commit, opts)?;
    for p in &plans {
        crate::interrupt::check("tagging")?;
        let old = half.replaces.iter().find(|r| r.0 == p.tag).map(|r| r.1);
        tag(
            repo,
            &p.view,
            half.commit,
            (&p.tag, &p.tag_message),
            old,
            opts,
        )?;
    }
    Ok(Done {
        commit: half.commit,
        tested,
    })
}
