//! Two clones released one version, and a merge joined them (`git pull` of the other's
//! release, its changelog conflict settled by taking one side): HEAD's history holds two
//! release commits of the version, its tag names one, and the other's entries are in no
//! section of the changelog. No single release commit on the first-parent line is wrong, so
//! the rewritten-release check (`retag`) sees nothing; doctor says it and releases refuse,
//! with the way to the published release and this clone's work released above it.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::{Range, Repo, short_id};
use crate::shellword::quote;

mod fetched;
pub use fetched::{fetched_twin, pull_steps};

/// Commits read below HEAD, down to the last release tag, before giving up.
const LOOKED_AT: usize = 500;

/// Two release commits of one version in HEAD's history.
#[derive(Debug)]
pub struct Twin {
    /// The release tag both are releases of.
    pub tag: String,
    /// What is wrong, in one clause.
    pub problem: String,
    /// The commands that fix it, in order, joined by `&&` (doctor's `fix:`); or, when both
    /// releases are published, what to write by hand.
    pub fix: String,
    /// Whether `fix` is prose, not a command.
    by_hand: bool,
}

impl Twin {
    /// The fix as a refusal says it: the command quoted.
    pub fn advice(&self) -> String {
        match self.by_hand {
            true => self.fix.clone(),
            false => format!("`{}`", self.fix),
        }
    }
}

/// [`twin_release`], else [`fetched_twin`]: the other release merged, or in the upstream.
pub fn any_twin(repo: &Repo, config: &Config) -> Option<Twin> {
    twin_release(repo, config).or_else(|| fetched_twin(repo, config))
}

/// The release commit of the last release tag's version that HEAD holds beside the tagged
/// one (not below it, not the tagged commit's own child: a hand tag's interrupted release).
pub fn twin_release(repo: &Repo, config: &Config) -> Option<Twin> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let (tag, tagged) = repo.latest_release_tag(head, prefix)?;
    let version = Version::parse(tag.get(prefix.len()..)?).ok()?;
    let mut other = None;
    let mut seen = 0;
    let range = Range {
        tips: vec![head],
        hidden: vec![tagged],
        single: false,
        describe: String::new(),
    };
    repo.walk(&range, |c| {
        seen += 1;
        let named = c.parents < 2
            && super::resume::version_in_message(&config.release.commit_message, &c.text())
                .is_some_and(|v| v == version);
        if named && c.parent_ids.first() != Some(&tagged) {
            other = Some(c.id);
        }
        other.is_none() && seen < LOOKED_AT
    })
    .ok()?;
    let other = other?;
    if !super::reworded::adds_section(repo, config, other, repo.first_parent(other), &version) {
        return None;
    }
    // Two copies of one release (a release commit cherry-picked, its branch merged since)
    // lose nothing: only entries one side released and the file no longer has count.
    let mut lost = lost_entries(repo, config, tagged, &version);
    for e in lost_entries(repo, config, other, &version) {
        if !lost.contains(&e) {
            lost.push(e);
        }
    }
    if lost.is_empty() {
        return None;
    }
    Some(describe(
        repo,
        config,
        (&tag, &version),
        (tagged, other),
        &lost,
    ))
}

fn describe(
    repo: &Repo,
    config: &Config,
    (tag, version): (&str, &Version),
    (tagged, other): (Oid, Oid),
    lost: &[String],
) -> Twin {
    let remotes = repo.remote_tracking_commits("*");
    let published = |c: Oid| repo.held_by_any(&remotes, c);
    // The remote whose branches hold `c`, as the pull names it.
    let remote_of = |c: Oid| {
        repo.remote_names()
            .into_iter()
            .find(|r| repo.held_by_any(&repo.remote_tracking_commits(r), c))
    };
    let release = config.release_command();
    let drop = |c: Oid| {
        let short = short_id(c);
        format!("git rebase --onto {short}~1 {short}")
    };
    let pull = |remote: &str| match repo.pull_branch(remote) {
        Some(b) => format!("git pull --rebase --tags {} {}", quote(remote), quote(&b)),
        None => format!("git pull --rebase --tags {}", quote(remote)),
    };
    let name = quote(tag);
    // This clone's release goes (the one no remote has), its entries back under Unreleased.
    let fix = match (published(tagged), published(other), remote_of(other)) {
        (false, true, Some(r)) => Some(format!(
            "git tag -d {name} && {} && git fetch {} tag {name} && {} && {release}",
            drop(tagged),
            quote(&r),
            pull(&r)
        )),
        (true, false, _) => Some(match remote_of(tagged) {
            Some(r) => format!("{} && {} && {release}", drop(other), pull(&r)),
            None => format!("{} && {release}", drop(other)),
        }),
        // Neither published (a pull from another clone's folder, two local branches): the
        // tagged one stays; the merge is made again without the other release commit.
        (false, false, _) => unmerge(repo, other).map(|again| format!("{again} && {release}")),
        // Both published: nothing is taken back; the lost entries are written by hand.
        _ => None,
    };
    let by_hand = fix.is_none();
    let fix = fix.unwrap_or_else(|| match published(tagged) && published(other) {
        true => format!(
            "write the missing entries under `## [Unreleased]` in {}, commit, then `{release}`",
            config.changelog.path.display()
        ),
        false => format!(
            "make the merge that joined them again without {} (this clone's other release of {version}), then `{release}`",
            short_id(other)
        ),
    });
    let n = lost.len();
    let named: Vec<String> = lost.iter().take(3).map(|t| format!("`{t}`")).collect();
    Twin {
        tag: tag.to_owned(),
        by_hand,
        problem: format!(
            "HEAD's history holds two release commits of {version}, {} (tag {tag}) and {}, joined by a merge (two clones or branches released {version}); {n} of their entries {} in no section of {} ({}{})",
            short_id(tagged),
            short_id(other),
            if n == 1 { "is" } else { "are" },
            config.changelog.path.display(),
            named.join(", "),
            if n > 3 { ", …" } else { "" }
        ),
        fix,
    }
}

/// HEAD, the merge that joined release commit `other`, made again without it: `other` the
/// tip of the merged branch (a pull of a release just made), or of HEAD's own line.
fn unmerge(repo: &Repo, other: Oid) -> Option<String> {
    let head = repo.head()?;
    let (first, second) = repo.merge_parents(head)?;
    let short = short_id(other);
    if second == other {
        return Some(format!(
            "git reset --keep HEAD~1 && git merge --no-edit {short}~1"
        ));
    }
    (first == other).then(|| {
        format!(
            "git reset --keep {short}~1 && git merge --no-edit {}",
            short_id(second)
        )
    })
}

/// The entries of `version`'s section at `commit` that the work tree's changelog has nowhere.
fn lost_entries(repo: &Repo, config: &Config, commit: Oid, version: &Version) -> Vec<String> {
    let path = &config.changelog.path;
    let Some(then) = crate::history::sync::changelog_at(repo, commit, path) else {
        return Vec::new();
    };
    let now = repo
        .work_tree()
        .and_then(|root| crate::fsx::confine(&root, path).ok())
        .and_then(|p| crate::fsx::read_regular_optional(&p).ok().flatten())
        .and_then(crate::history::changelog::Changelog::from_utf8);
    let Some(now) = now else {
        return Vec::new();
    };
    (then.entries_of(&version.to_string()).unwrap_or_default())
        .into_iter()
        .filter(|e| !now.contains_entry(&e.text, false))
        .map(|e| crate::history::changelog::one_line(&e.text))
        .collect()
}
