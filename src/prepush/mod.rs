//! pre-push: what may leave the machine. Reads git's update lines and returns every refusal
//! at once, as data (`cli::prepush` prints them): commits a branch or tag brings to the remote
//! that fail the lint (other refs, such as test records under `refs/notes/*`, are not project
//! history), a release commit whose tag is missing (a half-made release), release tags that
//! fail the release checks, deleted or moved release tags, a changelog with conflict markers,
//! a release pushed from a dirty tree, and a release tag whose tree has no passing test record.
//!
//! Cost: one revwalk from every pushed ref together with the remote's known tips hidden,
//! reading commit messages only; each pushed branch's changelog is looked up in its tip's tree
//! (read whole only when it holds conflict markers); release tags add their own checks. A push
//! that goes plans the entries `--sync` would add over at most 500 unreleased commits.

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::tag::rules::{self, Depth};
use crate::testrun;
use crate::{Error, Result};

mod ahead;
mod asked;
mod behind;
mod bypass;
mod commits;
mod conflicted;
mod diverged;
mod elsewhere;
mod entryless;
mod half;
mod landing;
mod made_by;
mod mirror;
mod misnamed;
mod no_tests;
mod past;
mod prefetch;
mod published;
mod refspec;
mod reword;
pub use {bypass::push_command, reword::local_tags_fix};
mod rewritten;
mod shared;
mod shown;
mod tag_fix;
mod tags;
mod taken;
mod twin;
mod unchecked;
mod unhooked;
mod untested;

use tag_fix::{or_hand_tag_here, release_again, release_tag_fix};
use tags::{rewrite, unjudgeable};

use crate::history::adoption::tag_before_install;
pub use asked::Asked;
pub use no_tests::{cannot_pass, no_tests_to_run, on_purpose_push};
pub use published::Published;
pub use unhooked::{HandTagHook, Unhooked};
pub use {behind::LeftBehind, mirror::with_unsaid_deletions};

pub use untested::{
    TESTS_OFF, Why, fetch_once, may_have_records, run_in_clean_checkout, said_once,
    set_test_command, test_argv, test_in_clean_checkout, test_tag_command, test_tag_steps,
    test_tags_steps, untested_refusal,
};

/// One line git writes to pre-push: `<local-ref> <local-oid> <remote-ref> <remote-oid>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// The local side as written (`refs/heads/main`, `HEAD`, `(delete)`).
    pub local_ref: String,
    /// What is pushed; zero for a deletion.
    pub local: Oid,
    /// The ref on the remote.
    pub remote_ref: String,
    /// What the remote has now; zero when it lacks the ref.
    pub remote: Oid,
}

impl Update {
    /// Whether this line deletes the remote ref.
    pub fn is_delete(&self) -> bool {
        self.local.is_zero()
    }

    /// Whether the commits this line sends become the project's history, and so must pass
    /// the lint: a branch (`refs/heads/*`), a tag's history (`refs/tags/*`), or a review push
    /// bound for a branch (Gerrit's `refs/for/*`). Other refs carry other commits: test
    /// records and other notes (`refs/notes/*`), a forge's pull or change refs
    /// (`refs/pull/*`, `refs/changes/*`, `refs/merge-requests/*`), remote-tracking refs of a
    /// mirror (`refs/remotes/*`), `refs/stash`.
    pub fn is_project_history(&self) -> bool {
        ["refs/heads/", "refs/tags/", "refs/for/"]
            .iter()
            .any(|p| self.remote_ref.starts_with(p))
    }

    /// The tag's name when the remote ref is a tag.
    pub fn tag_name(&self) -> Option<&str> {
        self.remote_ref.strip_prefix("refs/tags/")
    }
}

/// Parses git's pre-push standard input (0 lines: nothing to push, which is fine).
pub fn parse_updates(text: &str) -> Result<Vec<Update>> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let bad = || Error::HookInput {
            hook: "pre-push",
            line: line.to_owned(),
        };
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [local_ref, local, remote_ref, remote] = fields[..] else {
            return Err(bad());
        };
        // git writes full object ids; `Oid::from_str` would pad a short one with zeros.
        let oid = |hex: &str| {
            let full = hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_hexdigit());
            full.then(|| Oid::from_str(hex).ok())
                .flatten()
                .ok_or_else(bad)
        };
        out.push(Update {
            local_ref: local_ref.to_owned(),
            local: oid(local)?,
            remote_ref: remote_ref.to_owned(),
            remote: oid(remote)?,
        });
    }
    Ok(out)
}

/// What is wrong with a refusal's subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A commit new to the remote whose message fails the lint.
    Commit,
    /// A release tag failing the release checks (name, kind, order, changelog, version files).
    ReleaseTag,
    /// Deleting or moving a release tag the remote already has.
    Rewrite,
    /// A release tag pushed while the working tree has uncommitted changes.
    DirtyTree,
    /// A release tag whose tree has no passing test record.
    Untested,
    /// A branch sending a release commit whose tag is missing (an interrupted release).
    HalfRelease,
    /// A new release tag no branch of the remote would hold after the push.
    Stranded,
    /// A branch whose changelog, as pushed, holds unresolved conflict markers.
    ConflictedChangelog,
}

/// One reason the push is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What kind of problem.
    pub kind: Kind,
    /// The remote refs concerned, as they would be published.
    pub refs: Vec<String>,
    /// The commit (or, for a deletion the remote knows better, the remote's object).
    pub commit: Option<Oid>,
    /// A commit's header, or a short label (`release tag v1.2.0`).
    pub subject: String,
    /// What is wrong, one sentence each.
    pub problems: Vec<String>,
    /// How to fix it.
    pub fix: String,
}

/// A release tag that lacks a test record while pre-push may run the tests itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untested {
    /// The remote ref (`refs/tags/v1.2.0`).
    pub reference: String,
    /// The tag's name.
    pub name: String,
    /// The tagged commit.
    pub commit: Oid,
    /// In a monorepo, the package the tag releases (its tests, its record).
    pub package: Option<String>,
}

/// Everything pre-push found.
#[derive(Debug, Default)]
pub struct Inspection {
    /// The refusals, in the order of git's lines.
    pub refusals: Vec<Refusal>,
    /// Release tags to test before the push may go (only with `checks.run_tests_on_push`).
    pub untested: Vec<Untested>,
    /// How many commits new to the remote were linted.
    pub commits_checked: usize,
    /// Whether [`Inspection::commits_checked`] was counted with the remote's own answer of
    /// what it has: else some may be there already, on refs this clone does not know.
    pub counted_with_answer: bool,
    /// Commits made before `relhook install` here that are not on the remote, and rewrites of
    /// any commit from before it, pushed then or not (see `history::adoption`): never linted.
    pub before_install: crate::history::adoption::BeforeInstall,
    /// How many of [`Inspection::before_install`] this push sends.
    pub unlinted_before_install: usize,
    /// How many release tags made before `relhook install` here, on commits from before it,
    /// this push sends unjudged.
    pub tags_before_install: usize,
    /// The release tags being published, with whether a test record covers each.
    pub release_tags: Vec<(String, bool)>,
    /// Local release tags on commits this push sends whose tags stay behind (the runbook's
    /// "don't forget to push the tag"), each with the way that works for it.
    pub tags_left_behind: Vec<LeftBehind>,
    /// One line for each slip of the release tags' prefix (`1.2.0` where they are `v1.2.0`)
    /// on commits a branch push sends that stays behind, with its fix (see `misnamed`).
    pub slips_left_behind: Vec<String>,
    /// How many more release tags a branch push leaves behind are from before `relhook
    /// install` here: counted, not judged (as their push is not).
    pub old_tags_left_behind: usize,
    /// Release tags another remote publishes as they are here: pushed or left behind, not
    /// judged (see `published`).
    pub published: Published,
    /// The warning for commits this push sends whose changelog entry is missing (`warning:
    /// …`, see `entryless`), and the note when this clone is too shallow to check them
    /// (`note: …`): said on a push that goes, never a refusal.
    pub entryless: Vec<String>,
    /// One line each for what pre-push could not tell from this clone (a release tag pushed
    /// alone, whose commit no remote branch holds as last fetched).
    pub notes: Vec<String>,
    /// For each pushed ref with commits that fail the lint, the range `relhook check` lists
    /// them in (`3af46e82b..ea76abde7`): the report names a handful, and this command the rest.
    pub lint_ranges: Vec<String>,
}

/// Inspects a push to `remote` (a remote's name, or a URL for a push to a URL, as messages
/// say it), which `asked` asks what it has (once, for every check that needs it); `hook` says
/// whether a tag made by hand becomes a release here, for the advice on release tags;
/// `post_commit`, whether a post-commit hook is installed here to give commits their entries
/// (without one, entries are the release's to add, and none missing is said).
pub fn inspect(
    repo: &Repo,
    config: &Config,
    asked: &Asked<'_>,
    updates: &[Update],
    (hook, post_commit): (&HandTagHook<'_>, bool),
) -> Result<Inspection> {
    let remote = asked.shown();
    let root = repo
        .work_tree()
        .unwrap_or_else(|| repo.git_dir().to_owned());
    // Every pushed tag asks which release tag below it is the greatest: read them once.
    repo.hold_tags_still();
    let mut hidden = elsewhere::known_to_remote(repo, updates);
    let unasked = elsewhere::ask_unknown_remote(repo, asked, updates, &mut hidden).err();
    let history: Vec<&Update> = updates
        .iter()
        .filter(|u| !u.is_delete() && u.is_project_history())
        .collect();
    // A remote ahead of this clone is asked what it has before commits are refused.
    let (mut found, seen) = ahead::lint_new(repo, config, asked, &history, &mut hidden)?;
    if found.commits_checked + found.unlinted_before_install > 0 {
        found.notes.extend(unasked);
    }
    // Linted or not, the commits new to this remote get its own checks below.
    let (elsewhere, new_here) = elsewhere::new_to_remote(repo, asked, &history, &seen, &mut found);
    found.notes.extend(elsewhere);
    prefetch::changelogs(repo, config, updates, &new_here);
    let changelogs = std::cell::OnceCell::new();
    for u in updates {
        let half = half::half_made(repo, config, &root, remote, u, &seen);
        if let Some(r) = half.or_else(|| half::retagged(repo, config, remote, u, &seen)) {
            found.refusals.push(r);
        }
        if u.tag_name().is_none() {
            let configs = changelogs.get_or_init(|| release_configs(repo, config));
            let conflicted = conflicted::conflicted(repo, configs, remote, u, &seen, &hidden);
            found.refusals.extend(conflicted);
        }
    }
    let landing = landing::Landing::new(repo, remote, updates);
    let after = (asked, landing.branches(), updates);
    behind::left_behind(repo, config, after, &new_here, hook, &mut found);
    let hand = hook.hand_tags();
    found.slips_left_behind =
        misnamed::left_behind(repo, config, (asked, remote, updates), &new_here, hand);
    let dropped = landing.dropped(repo, || release_configs(repo, config), remote);
    found.refusals.extend(dropped);
    let mut published = Vec::new();
    let mut alone = Vec::new();
    // Tags whose fix deletes them or makes them again: that fix gives the record, if any.
    let mut goes: Vec<&str> = Vec::new();
    for u in updates {
        let Some(name) = u.tag_name() else { continue };
        let commit = (!u.is_delete()).then(|| peel(repo, u.local)).flatten();
        // A package's tag is judged by the package's view (its changelog, files, tests), as
        // the package was laid out at the tagged commit.
        let judged = match commit {
            Some(c) => crate::tag::config_at(repo, config, &root, name, c),
            None => crate::tag::config_for(config, &root, name),
        };
        let Some(config) = judged else {
            // A slip of the release tags' prefix, which would stop every later release.
            let hand = hook.hand_tags();
            if let Some(r) = misnamed::misnamed(repo, config, remote, u, name, hand) {
                found.refusals.push(r);
                continue;
            }
            // In a package's form, no package here to judge it by: said, not passed unsaid.
            let at = commit.or_else(|| peel(repo, u.remote));
            let deleted = u.is_delete();
            found
                .notes
                .extend(unchecked::note(repo, config, &root, name, at, deleted));
            continue;
        };
        let config = &config;
        // Not a tag of this clone (`HEAD:refs/tags/v1.0.0`): said as that, whatever the
        // remote has (a fix for a local tag would name one that does not exist).
        if let Some(r) = (!u.is_delete())
            .then(|| {
                refspec::not_a_tag(repo, config, remote, u, name, (commit, landing.branches()))
            })
            .flatten()
        {
            found.refusals.push(r);
            continue;
        }
        // A published tag moved: restored from the remote, whatever else is wrong with it
        // here (its fix is the fetch, not one for a tag the remote does not have).
        if let Some(r) = rewrite(repo, config, asked, u, name) {
            found.refusals.push(r);
            continue;
        }
        if u.is_delete() {
            continue;
        }
        if tag_before_install(repo, &found.before_install, name, u.local, commit) {
            found.tags_before_install += 1;
            continue;
        }
        let unjudged = unjudgeable(repo, config, remote, u, name, commit);
        let hand = hook.hand_tags();
        let publish = Depth::Publish(hand, landing.branches());
        let problems = match unjudged {
            Some(_) => Vec::new(),
            None => rules::problems(repo, config, name, u.local, publish),
        };
        let problems = tag_fix::interrupted_problems(repo, config, name, problems);
        // Another remote's release as it is: published, not judged (see `published`).
        let untested = || {
            config.checks.require_tested_tags
                && commit.is_some_and(|c| testrun::find_for(repo, config, c).is_none())
        };
        if (unjudged.is_some() || !problems.is_empty() || untested())
            && found
                .published
                .by_another(repo, asked, name, u.local)
                .is_some()
        {
            found.published.pushed += 1;
            continue;
        }
        if let Some(r) = unjudged {
            found.refusals.push(r);
            continue;
        }
        if !problems.is_empty() {
            let (fix, remade) = release_tag_fix(
                repo,
                config,
                (remote, name, commit),
                (hand, landing.branches()),
                &problems,
            );
            if remade {
                goes.push(u.remote_ref.as_str());
            }
            found.refusals.push(Refusal {
                kind: Kind::ReleaseTag,
                refs: vec![u.remote_ref.clone()],
                commit,
                subject: format!("release tag {name}"),
                problems,
                fix,
            });
            // Not a release name, or one past for its line: no test record makes it pass,
            // so none is asked for.
            let past = commit.and_then(|c| past::past(repo, config, name, c));
            if !rules::semver_name(config, name) || past.is_some() {
                continue;
            }
        }
        if let Some(c) = commit {
            match landing.stranded(repo, config, remote, u, name, c) {
                Some(landing::Stranded::Refused(r)) => found.refusals.push(r),
                // Alone, on the release commit as it was before a rebase: refused, not said.
                Some(landing::Stranded::Unsure(a)) => {
                    match rewritten::left_on_a_rewrite(repo, config, remote, u, name, c) {
                        Some(r) => found.refusals.push(r),
                        None => alone.push(a),
                    }
                }
                None => {}
            }
        }
        published.push((u, name, commit, config.clone()));
    }
    // The tags of one release commit, refused alike: said once.
    shared::merge_alike(&mut found.refusals);
    found
        .notes
        .extend(landing::alone_note(repo, remote, &mut alone));
    let tags: Vec<_> = published.iter().map(|(u, n, c, _)| (*u, *n, *c)).collect();
    dirty_tree(repo, &tags, &config.commit, &mut found)?;
    for (u, name, commit, config) in published {
        let config = &config;
        let Some(commit) = commit else { continue };
        let tested = testrun::find_for(repo, config, commit).is_some();
        found.release_tags.push((name.to_owned(), tested));
        if tested || !config.checks.require_tested_tags || goes.contains(&u.remote_ref.as_str()) {
            continue;
        }
        let u = Untested {
            reference: u.remote_ref.clone(),
            name: name.to_owned(),
            commit,
            package: config.package.as_ref().map(|p| p.name.clone()),
        };
        if config.checks.run_tests_on_push && test_argv(repo, config).is_some() {
            found.untested.push(u);
        } else {
            found.refusals.push(untested_refusal(
                repo,
                config,
                (Some(remote), may_have_records(asked, updates)),
                &u,
                Why::NoRecord,
            ));
        }
    }
    // Why a hand tag makes no release here: said once, with the release tags it concerns.
    let refused = found.refusals.iter().any(|r| r.kind == Kind::ReleaseTag)
        || found.tags_left_behind.iter().any(|t| t.refused.is_some());
    found.notes.extend(hook.note().filter(|_| refused));
    found.notes.extend(found.published.notes(remote));
    // Asked by a check after the count: counted again with its answer.
    ahead::recount(repo, asked, &history, &mut hidden, &mut found);
    // Planned only for a push that may go: a refused one has its fixes to say.
    if post_commit && found.refusals.is_empty() {
        found.entryless = entryless::warning(repo, &release_configs(repo, config), &new_here);
    }
    Ok(found)
}

/// Whose release tags there are: the repository's own, and in a monorepo each package's.
fn release_configs(repo: &Repo, config: &Config) -> Vec<Config> {
    let mut configs = vec![config.clone()];
    if let Some(root) = repo.work_tree() {
        for p in &config.packages {
            if let Ok(view) = crate::history::packages::view(config, &p.name, &root) {
                configs.push(view);
            }
        }
    }
    configs
}

fn peel(repo: &Repo, id: Oid) -> Option<Oid> {
    repo.peel_to_commit(id)
}

/// A release tag on HEAD pushed from a working tree with changes: they may be what the
/// release forgot. A tag on another commit is not judged by the working tree at all: the
/// tree belongs to HEAD, the tag publishes only its own committed snapshot, and its test
/// record is keyed by that snapshot's tree.
fn dirty_tree(
    repo: &Repo,
    published: &[(&Update, &str, Option<Oid>)],
    rules: &crate::config::CommitConfig,
    found: &mut Inspection,
) -> Result<()> {
    let head = repo.head();
    let published: Vec<_> = published
        .iter()
        .filter(|p| p.2.is_some() && p.2 == head)
        .collect();
    if published.is_empty() || repo.work_tree().is_none() {
        return Ok(());
    }
    let dirty = repo.dirty_or_hidden_paths(6)?;
    if dirty.is_empty() {
        return Ok(());
    }
    let mut paths = crate::printable::list(&dirty[..dirty.len().min(5)]);
    if dirty.len() > 5 {
        paths.push_str(", …");
    }
    let names: Vec<&str> = published.iter().map(|p| p.1).collect();
    found.refusals.push(Refusal {
        kind: Kind::DirtyTree,
        refs: published.iter().map(|p| p.0.remote_ref.clone()).collect(),
        commit: head,
        subject: format!(
            "release {} from a dirty working tree (the checkout of HEAD, the tagged commit)",
            names.join(", ")
        ),
        problems: vec![format!(
            "the working tree has uncommitted changes ({paths}); a release is published from a clean checkout, so that what was tagged and tested is what you have"
        )],
        fix: match (crate::release::special_advice(repo, &dirty), repo.untracked_paths(6)?) {
            // A FIFO where a file is tracked: git can neither commit nor stash it.
            (Some(advice), _) => format!(
                "{advice}; make sure the tag is still on the right commit, and push again"
            ),
            // Only new files (what a test run leaves): the steps for each kind.
            (None, new) if new.len() == dirty.len() => format!(
                "{}; then push again",
                crate::testrun::leftovers::advice(&new, names.first().map(|t| crate::testrun::leftovers::Tag::of(repo, t)), rules)
            ),
            (None, new) if new.is_empty() => "commit or stash them; make sure the tag is still on the right commit, and push again".into(),
            _ => "commit or stash them (`git stash -u`: plain `git stash` leaves new files), or put build output in .gitignore; make sure the tag is still on the right commit, and push again".into(),
        },
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_lines_parse() {
        let z = "0".repeat(40);
        let a = "a".repeat(40);
        let text = format!(
            "refs/heads/main {a} refs/heads/main {z}\n(delete) {z} refs/tags/v1.0.0 {a}\n\n"
        );
        let u = parse_updates(&text).unwrap();
        assert_eq!(u.len(), 2);
        assert!(!u[0].is_delete() && u[0].remote.is_zero());
        assert!(u[1].is_delete());
        assert_eq!(u[1].tag_name(), Some("v1.0.0"));
        assert!(parse_updates("").unwrap().is_empty());
        assert!(parse_updates("refs/heads/main abc").is_err());
    }

    #[test]
    fn only_branches_tags_and_review_pushes_are_project_history() {
        let line = |r: &str| Update {
            local_ref: "HEAD".into(),
            local: Oid::zero(),
            remote_ref: r.into(),
            remote: Oid::zero(),
        };
        for r in ["refs/heads/main", "refs/tags/v1.0.0", "refs/for/main"] {
            assert!(line(r).is_project_history(), "{r}");
        }
        for r in [
            "refs/notes/relhook-tests",
            "refs/pull/1/head",
            "refs/changes/01/1/1",
            "refs/remotes/origin/main",
            "refs/stash",
            "refs/headsx",
        ] {
            assert!(!line(r).is_project_history(), "{r}");
        }
    }
}
