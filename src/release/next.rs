//! The current version (the greatest release tag reachable from HEAD) and the next one.
//!
//! The next version is the bump of the last *stable* release by everything since it (see
//! `version::bump::next_from`): a pre-release never caps it. Every commit is read through the
//! one parser (`parse::commit`), so what counts as breaking here is what lint and the
//! changelog say. When the history cannot tell (a shallow clone, tags that miss
//! `tag_prefix`), relhook says what to do instead of answering.

use std::path::Path;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::{ReleaseTag, Repo};
use crate::history::tags::{Tags, reachable_tags};
use crate::history::version::bump::{self, BumpPolicy, CommitKind, Level, Requested};

use super::former::made_under;
use super::start::{from_files_or_initial_which, unreadable_file_version};
use crate::{Error, Result};

/// A commit that counts towards the next version.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Decider {
    /// Abbreviated id.
    pub commit: String,
    /// Full id (for JSON).
    #[serde(skip)]
    pub id: String,
    /// Its header.
    pub header: String,
    /// `major`, `minor` or `patch`: what this commit alone calls for.
    pub calls_for: &'static str,
    /// Whether its header is a Conventional Commit (a commit that is not counts as a patch,
    /// and relhook says so).
    pub understood: bool,
    /// Why its header is not a Conventional Commit, and a breaking change it carries anyway.
    #[serde(skip)]
    pub unparsed: Option<crate::commit::parse::Unparsed>,
    /// Whether it gets a changelog entry.
    pub in_changelog: bool,
    /// Whether it came after the latest release tag (a pre-release after the stable one).
    #[serde(skip)]
    pub after_latest: bool,
}

/// Where the version stands.
#[derive(Debug, Clone)]
pub struct VersionInfo {
    /// The greatest reachable release tag (stable or pre-release) and its version, if any.
    pub tag: Option<(String, Version, Oid)>,
    /// The prefix `tag` was made under, when not `tag_prefix` (a version named above the
    /// other usual prefix's release goes on from it).
    pub former_prefix: Option<String>,
    /// The last stable release tag reachable from HEAD, if any.
    pub stable: Option<(String, Version, Oid)>,
    /// The current version: the tag's, else the first version file's, else `version.initial`.
    pub current: Version,
    /// Where `current` came from, for `--explain`.
    pub current_from: String,
    /// Whether `current` is only `version.initial` (no release tag, no version file): no
    /// version a release moves from.
    pub from_initial: bool,
    /// The commits since the last stable release (all of history without one), newest first:
    /// they decide the level.
    pub commits: Vec<Decider>,
    /// How many of them came after the latest release tag (`tag`).
    pub since_latest: usize,
    /// The Unreleased entries no commit of `commits` wrote, when they change the level (or
    /// make a release where the commits make none): they count as commits do.
    pub unlogged: Vec<super::Unlogged>,
    /// The next version.
    pub next: Version,
    /// With no release tag, the rule that gave `next`, for `--explain`.
    pub first_release_rule: Option<String>,
    /// What the commits call for, when a level or version asked for is below it.
    pub below_commits: Option<Version>,
    /// What the level alone makes of the last stable release, when the latest pre-release's
    /// line is above it and `next` goes on with that line or finishes it.
    pub line_above: Option<Version>,
    /// The pre-release this version leaves behind for a higher one (`1.1.0-rc.1` when the
    /// commits since 1.0.0 call for 2.0.0), and whether a level or version was asked for.
    pub left_line: Option<(Version, bool)>,
    /// What calls for leaving the line of the latest pre-release, when that pre-release
    /// shipped all of it, and the release that stays on the line instead.
    pub shipped_in_line: Option<super::ShippedInLine>,
}

impl VersionInfo {
    /// The level the commits call for.
    pub fn level(&self) -> &'static str {
        let calls = |l: &str| {
            self.commits.iter().any(|c| c.calls_for == l)
                || self.unlogged.iter().any(|e| e.calls_for == l)
        };
        if calls("major") {
            "major"
        } else if calls("minor") {
            "minor"
        } else {
            "patch"
        }
    }

    /// The commits whose header is not a Conventional Commit (each counted as a patch).
    pub fn not_understood(&self) -> impl Iterator<Item = &Decider> {
        self.commits.iter().filter(|c| !c.understood)
    }

    /// Below 1.0.0 the level the commits call for is lowered by one
    /// (`version.zero_major_*`): the level of the release `current` → `next` is then, with
    /// what called for more (`a breaking change`, `a new feature`). `None`: not lowered.
    pub fn lowered_below_one(
        &self,
        current: &Version,
        next: &Version,
    ) -> Option<(&'static str, &'static str)> {
        // A pre-release is judged by the version it leads to, from the stable release its
        // level is decided since (`0.4.1` → `0.5.0-rc.1` is the minor a breaking change makes).
        let cur = match (&self.stable, current.pre.is_empty()) {
            (_, true) => current,
            (Some((_, stable, _)), false) => stable,
            (None, false) => return None,
        };
        if cur.major != 0 || next.major != 0 {
            return None;
        }
        match self.level() {
            "major" if next.minor == cur.minor + 1 => Some(("minor", "a breaking change")),
            "minor" if next.minor == cur.minor => Some(("patch", "a new feature")),
            _ => None,
        }
    }

    /// What a release to `next` moves from, as its plan and its "releasing" line say it:
    /// `1.0.0 → 1.0.1`, or `first release` when no release or version file precedes it
    /// (`version.initial` was never released: `0.1.0 → 1.0.1` would name a version that
    /// never was), or when the first release is the version the files already hold.
    pub fn transition(&self, next: &Version) -> String {
        if self.tag.is_none() && (self.from_initial || self.current == *next) {
            "first release".to_owned()
        } else {
            format!("{} → {next}", self.current)
        }
    }

    /// What the level is decided since: the stable tag's name, or the start of history
    /// (which the first commit is part of: "N commits since the first commit" would leave it out).
    pub fn since(&self) -> String {
        self.stable
            .as_ref()
            .map_or("the start of history".to_owned(), |t| t.0.clone())
    }
}

/// The releases a release to `new` bumps from: the greatest release tag reachable from HEAD
/// below `new` (a hand tag's own is on HEAD already), and the greatest stable one when that is
/// a pre-release (whose tag may have been made without bumping the files). Empty before the
/// first release tag, when the version files themselves are where the current version is read.
pub fn bumped_from(repo: &Repo, config: &Config, new: &Version) -> Vec<(Version, String)> {
    repo.head()
        .map_or_else(Vec::new, |head| bumped_from_at(repo, config, new, head))
}

/// [`bumped_from`] for a release made at `head` (a tagged commit, for a tag already made).
pub fn bumped_from_at(
    repo: &Repo,
    config: &Config,
    new: &Version,
    head: Oid,
) -> Vec<(Version, String)> {
    let mut all = repo.release_tag_candidates(&config.version.tag_prefix);
    all.retain(|t| t.version.cmp_precedence(new) == std::cmp::Ordering::Less);
    all.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    let mut out: Vec<(Version, String)> = Vec::new();
    for t in all {
        if out.first().is_some_and(|_| !t.version.pre.is_empty()) {
            continue;
        }
        if t.commit == head || repo.reaches(head, t.commit) {
            let stable = t.version.pre.is_empty();
            out.push((t.version, t.name));
            if stable {
                break;
            }
        }
    }
    out
}

/// Computes the current and next version.
pub fn version_info(
    repo: &Repo,
    config: &Config,
    root: &Path,
    requested: &Requested,
    pre: Option<&str>,
) -> Result<VersionInfo> {
    let head = repo.head();
    let prefix = &config.version.tag_prefix;
    let tags = match head {
        Some(h) => reachable_tags(repo, h, prefix),
        None => Tags::default(),
    };
    let named = match requested {
        Requested::Exact(v) => Some(v),
        _ => None,
    };
    super::former::check_history(repo, (config, root), &tags, named)?;
    if tags.latest.is_none() {
        // No release below HEAD, one above it: HEAD's commits were released there.
        super::released::head_released(repo, config, head)?;
        if let Some(r) = unreadable_file_version(repo, config, root) {
            return Err(r.into());
        }
        super::start::version_files_readable(config, root)?;
    }
    if let Some(r) = super::unbumpable::placeholder(config, requested) {
        return Err(Error::Refused(r));
    }
    let triple = |t: &ReleaseTag| (t.name.clone(), t.version.clone(), t.commit);
    let mut tag = tags.latest.as_ref().map(triple);
    let mut stable = tags.stable.as_ref().map(triple);
    // A version named above a release tagged under the other usual prefix (`v0.1.0`, then
    // `tag_prefix = "release-"`) goes on from it, as sync does: it is the release before.
    // One named at it (a slip a remote has, released beside it) does not.
    let former = (head.zip(named)).and_then(|(h, v)| {
        let f = crate::history::tags::other_prefix_release(repo, h, config, None);
        f.filter(|f| v.cmp_precedence(&f.1).is_gt())
    });
    if let Some((name, v, commit, _)) = &former {
        tag = Some((name.clone(), v.clone(), *commit));
        if v.pre.is_empty() {
            stable = tag.clone();
        }
    }
    let (current, current_from, filed) = match (&tag, &former) {
        (Some((name, v, _)), Some((.., p))) => (
            v.clone(),
            format!("release tag {name}, {}", made_under(p)),
            false,
        ),
        (Some((name, v, _)), None) => (v.clone(), format!("release tag {name}"), false),
        (None, _) => from_files_or_initial_which(config, root),
    };
    // Before the first release tag a level has no release to bump: what the commits make of
    // the first release is taken when the level gives the same, else both are named.
    if tag.is_none() && matches!(requested, Requested::Level(_)) {
        let auto = version_info(repo, config, root, &Requested::Auto, pre)?;
        return match super::unbumpable::level_before_first_release(
            config,
            (&current, &current_from),
            &auto.next,
            requested,
            pre,
        ) {
            Some(r) => Err(Error::Refused(r)),
            None => Ok(auto),
        };
    }
    let since = stable.as_ref().map(|t| t.2);
    // A release of an older line merged in shipped its commits there, not on this line.
    let older = match head {
        Some(h) => crate::history::older_line::older_lines(
            repo,
            config,
            h,
            &since.into_iter().collect::<Vec<_>>(),
            None,
        )?,
        None => Default::default(),
    };
    let super::deciders::Deciders {
        commits,
        since_latest,
        cancelled,
        undone,
    } = match head {
        Some(h) => super::deciders::deciders(
            repo,
            config,
            h,
            (stable.as_ref().map(|t| t.2), &older.not_new),
            tag.as_ref().map(|t| t.2),
        )?,
        None => super::deciders::Deciders::default(),
    };
    // Entries Unreleased holds that no commit wrote count as commits do (a release ships them).
    let unlogged = match (head, &tag) {
        (Some(h), Some(_)) => {
            let hidden = since.into_iter().collect();
            super::unlogged::unlogged(repo, config, (h, since, hidden), &commits)?
        }
        _ => Vec::new(),
    };
    let kinds: Vec<CommitKind> = commits
        .iter()
        .map(|c| c.calls_for)
        .chain(unlogged.iter().map(|e| e.calls_for))
        .map(|l| CommitKind {
            breaking: l == "major",
            feat: l == "minor",
        })
        .collect();
    let policy = BumpPolicy {
        zero_major_breaking_bumps_minor: config.version.zero_major_breaking_bumps_minor,
        zero_major_feat_bumps_patch: config.version.zero_major_feat_bumps_patch,
        initial: current.clone(),
        pre_start: config.version.pre_release_start,
    };
    let latest_pre = tag.as_ref().map(|t| &t.1).filter(|v| !v.pre.is_empty());
    let next = bump::next_from(
        stable.as_ref().map(|t| &t.1),
        latest_pre,
        &kinds,
        requested,
        pre,
        &[],
        &policy,
    );
    // A pre-release line below what the commits since the last stable release call for moves
    // up (1.1.0-rc.1 → 2.0.0-rc.1): a release, though nothing came after its last tag.
    let leaves = (next.as_ref().ok()).and_then(|n| super::below::left_line(latest_pre, n));
    // A pre-release promoted to a later channel (beta → rc) with nothing new is a release.
    let promotes = (next.as_ref()).is_ok_and(|n| super::below::promotes(latest_pre, n));
    if !matches!(requested, Requested::Exact(_)) && leaves.is_none() && !promotes {
        // A revert of what the latest pre-release shipped is a change since it, of no level.
        let newer: Vec<&Decider> = (commits.iter().filter(|c| c.after_latest))
            .chain(&undone)
            .collect();
        super::empty::refuse_empty(
            &tag,
            stable.as_ref(),
            (&newer, cancelled, head, !older.not_new.is_empty()),
            !unlogged.is_empty(),
            requested,
            pre,
            (repo, config, root),
        )
        .map_err(|e| super::empty::or_written_by_hand(e, repo, config, head))?;
    }
    let next = next.map_err(|e| {
        let reason = match e {
            bump::BumpError::NotGreater { .. } | bump::BumpError::ComputedNotGreater { .. } => {
                Reason::NotGreater
            }
            // What was typed is wrong, not the repository: a usage error (exit 2).
            bump::BumpError::InvalidPreId(_)
            | bump::BumpError::PreIdHyphen(_)
            | bump::BumpError::ExactWithPre { .. } => {
                return Error::Usage(e.to_string());
            }
            _ => Reason::Version,
        };
        if let Some((what, ways)) = super::earlier_pre::said(repo, config, root, &e) {
            return Error::Refused(Refusal::new(reason, what, ways));
        }
        Error::Refused(Refusal::bare(reason, e.to_string()))
    })?;
    // What the latest pre-release shipped was released under its line: what came since
    // decides whether a release stays on it.
    let on_line = super::shipped_line::on_line(
        (stable.as_ref().map(|t| &t.1), latest_pre),
        &commits,
        &unlogged,
        pre,
        &policy,
    );
    let core = |v: &Version| (v.major, v.minor, v.patch);
    // Asked for below what the commits call for: released as asked, and said; unless it
    // stays on a line whose pre-releases shipped what calls for more (the call was made then).
    let stays = (on_line.as_ref()).is_some_and(|o| core(o) == core(&next));
    let below_commits = match (requested, &tag) {
        (Requested::Auto, _) | (_, None) => None,
        _ if stays => None,
        _ => {
            let stable = stable.as_ref().map(|t| &t.1);
            super::below::called_for(stable, latest_pre, &kinds, pre, &policy, &next)
        }
    };
    let (next, first_release_rule) = if tag.is_none() {
        super::first::first_release(repo, config, root, &commits, requested, pre, &current, next)
    } else {
        (next, None)
    };
    // Before the first tag the version files say the version: never taken down.
    if let Some(r) = filed
        .then(|| super::unbumpable::below_files(&next, (&current, &current_from), config, root))
        .flatten()
    {
        return Err(Error::Refused(r));
    }
    // Versions only go up, over every released section, whatever HEAD's tags say.
    super::above::check_above_released(repo, config, root, &next)?;
    let line_above = super::below::line_above(
        (stable.as_ref().map(|t| &t.1), latest_pre),
        &kinds,
        requested,
        &policy,
        &next,
    );
    // A level or version asked for that is what the commits call for is theirs.
    let left_line = leaves.map(|v| {
        let theirs = bump::next_from(
            stable.as_ref().map(|t| &t.1),
            latest_pre,
            &kinds,
            &Requested::Auto,
            None,
            &[],
            &policy,
        );
        (v, theirs.map_or(true, |t| core(&t) != core(&next)))
    });
    // A pre-release of nothing new stays on no line (its notes would be empty), but the
    // release that finishes the line does: named as without `--pre`.
    let instead = on_line.or_else(|| {
        pre.and_then(|_| {
            let stable = stable.as_ref().map(|t| &t.1);
            super::shipped_line::on_line((stable, latest_pre), &commits, &unlogged, None, &policy)
        })
    });
    let shipped_in_line = match requested {
        Requested::Auto => super::shipped_line::shipped(tag.as_ref(), &commits, instead, &next),
        _ => None,
    }
    .and_then(|s| s.untaken(repo, &config.version));
    Ok(VersionInfo {
        shipped_in_line,
        from_initial: tag.is_none() && !filed,
        tag,
        former_prefix: former.map(|f| f.3),
        stable,
        current,
        current_from,
        commits,
        since_latest,
        unlogged,
        next,
        first_release_rule,
        below_commits,
        line_above,
        left_line,
    })
}

/// Parses `auto|major|minor|patch|X.Y.Z`; `release`: the command it was given to (`relhook
/// release --package api`), for the way on when it is refused.
pub fn parse_requested(s: &str, release: &str) -> Result<Requested> {
    Ok(match s {
        "auto" => Requested::Auto,
        "major" => Requested::Level(Level::Major),
        "minor" => Requested::Level(Level::Minor),
        "patch" => Requested::Level(Level::Patch),
        other => {
            let bare = other.strip_prefix('v').unwrap_or(other);
            let v = Version::parse(bare).map_err(|e| {
                Error::Usage(format!(
                    "`{other}` is not auto, major, minor, patch or a SemVer version ({})",
                    crate::history::version::unparsed::why_not(bare, &e)
                ))
            })?;
            // SemVer precedence ignores build metadata: released, `0.2.0+build.5` would stand
            // for 0.2.0, and 0.2.0 itself could never follow.
            if !v.build.is_empty() {
                let mut plain = v.clone();
                plain.build = semver::BuildMetadata::EMPTY;
                return Err(Error::Usage(format!(
                    "`{other}` has build metadata (`+{}`), which SemVer precedence ignores, so its release would block {plain} for good; release `{release} {plain}` and put the build in the notes",
                    v.build
                )));
            }
            Requested::Exact(v)
        }
    })
}
