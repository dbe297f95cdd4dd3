//! A release asked for below what the commits call for (a breaking change released as a
//! patch, by `relhook release patch` or a hand tag): made as asked, and said in one line.

use std::path::Path;

use semver::Version;

use super::VersionInfo;
use crate::config::Config;
use crate::git::Repo;
use crate::history::tags::greatest_below;
use crate::history::version::bump::{self, BumpPolicy, CommitKind, Level, Requested};

/// What the commits call for, when it is above `next` (the version asked for).
pub(super) fn called_for(
    stable: Option<&Version>,
    latest_pre: Option<&Version>,
    kinds: &[CommitKind],
    pre: Option<&str>,
    policy: &BumpPolicy,
    next: &Version,
) -> Option<Version> {
    let core = |v: &Version| (v.major, v.minor, v.patch);
    bump::next_from(
        stable,
        latest_pre,
        kinds,
        &Requested::Auto,
        pre,
        &[],
        policy,
    )
    .ok()
    .filter(|auto| core(auto) > core(next))
}

impl VersionInfo {
    /// One line when the release asked for is below what the commits call for (a breaking
    /// change released as a patch): released as asked, and said.
    pub fn below_commits_note(&self) -> Option<String> {
        Some(format!(
            "{}; releasing {} as asked",
            self.below_commits_why()?,
            self.next
        ))
    }

    /// Why the commits call for more than the release asked for: "the commits since v1.0.0
    /// call for 1.1.0 (`feat: x` is a new feature)".
    fn below_commits_why(&self) -> Option<String> {
        let called = self.below_commits.as_ref()?;
        let level = self.level();
        let what = match level {
            "major" => "a breaking change",
            "minor" => "a new feature",
            _ => "a fix",
        };
        let why = self.commits.iter().find(|c| c.calls_for == level).map(|c| {
            format!(
                "the commits since {} call for {called} (`{}` is {what})",
                self.since(),
                c.header
            )
        });
        // Else an entry in Unreleased no commit wrote decides it.
        let why = why.or_else(|| {
            let e = self.unlogged.iter().find(|e| e.calls_for == level)?;
            Some(format!(
                "Unreleased calls for {called} (`- {}` is {what} that no commit since {} made)",
                crate::history::changelog::one_line(&e.text),
                self.since()
            ))
        });
        Some(why.unwrap_or_else(|| format!("the commits since {} call for {called}", self.since())))
    }
}

/// What the level alone makes of the last stable release `stable` (1.0.1 from 1.0.0), when
/// it is below the line of the latest pre-release `latest_pre` and `next` goes on with that
/// line or finishes it (a feature 1.1.0-rc.1 shipped and a revert took out since: 1.1.0, as a
/// version never goes below a pre-release already made). `--explain` says so.
pub(super) fn line_above(
    (stable, latest_pre): (Option<&Version>, Option<&Version>),
    kinds: &[CommitKind],
    requested: &Requested,
    policy: &BumpPolicy,
    next: &Version,
) -> Option<Version> {
    let core = |v: &Version| (v.major, v.minor, v.patch);
    let (stable, line) = (stable?, latest_pre?);
    if matches!(requested, Requested::Exact(_)) || core(next) != core(line) {
        return None;
    }
    let alone = bump::next_from(Some(stable), None, kinds, requested, None, &[], policy).ok()?;
    (core(&alone) < core(line)).then_some(alone)
}

/// The pre-release `latest_pre` when `next` leaves its line for a higher version (its base is
/// above the line's: 1.1.0-rc.1 → 2.0.0 or 2.0.0-rc.1).
pub(super) fn left_line(latest_pre: Option<&Version>, next: &Version) -> Option<Version> {
    let core = |v: &Version| (v.major, v.minor, v.patch);
    latest_pre
        .filter(|p| !p.pre.is_empty() && core(next) > core(p))
        .cloned()
}

/// Whether `next` promotes pre-release `latest_pre` to a later channel of its version
/// (1.3.0-beta.1 → 1.3.0-rc.1): a release of the same content, as release candidates are
/// made, though nothing came after its last tag. The same channel again (beta.2) is none.
pub fn promotes(latest_pre: Option<&Version>, next: &Version) -> bool {
    let core = |v: &Version| (v.major, v.minor, v.patch);
    latest_pre.is_some_and(|p| {
        !p.pre.is_empty()
            && !next.pre.is_empty()
            && core(next) == core(p)
            && line_of(next) != line_of(p)
            && next.cmp_precedence(p).is_gt()
    })
}

impl VersionInfo {
    /// One line when release `tag` leaves a pre-release line for a higher version:
    /// "v2.0.0 leaves the 1.1.0-rc line: the commits since v1.0.0 call for 2.0.0".
    pub fn left_line_note(&self, tag: &str) -> Option<String> {
        let (left, asked) = self.left_line.as_ref()?;
        let line = line_of(left);
        let to = Version::new(self.next.major, self.next.minor, self.next.patch);
        Some(if *asked {
            format!("{tag} leaves the {line} line for {to}, as asked")
        } else {
            format!(
                "{tag} leaves the {line} line: the commits since {} call for {to}",
                self.since()
            )
        })
    }
}

/// The line of pre-release `v`: the version without the pre-release's counter (`1.1.0-rc` of
/// `1.1.0-rc.1`).
pub(super) fn line_of(v: &Version) -> String {
    let pre = v.pre.as_str();
    let id = match pre.rsplit_once('.') {
        Some((id, n)) if n.bytes().all(|b| b.is_ascii_digit()) => id,
        _ => pre,
    };
    format!("{}.{}.{}-{id}", v.major, v.minor, v.patch)
}

impl VersionInfo {
    /// One line when the level asked for (`release patch`) makes a version below the line of
    /// the latest pre-release, so release `tag` finishes that line or goes on with it (what
    /// `version --explain` says): not the level asked for, and said.
    pub fn line_above_note(&self, tag: &str, requested: &Requested) -> Option<String> {
        let Requested::Level(level) = requested else {
            return None;
        };
        let (alone, (name, line, _)) = (self.line_above.as_ref()?, self.tag.as_ref()?);
        let level = match level {
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        };
        let how = self.finishes_line_how();
        Some(format!(
            "`{level}` makes {alone}, below the {} line of {name}: {tag} {how} that line, as a version never goes below a pre-release already made",
            line_of(line)
        ))
    }
}

impl VersionInfo {
    /// The line when `next` finishes or goes on with the latest pre-release's line though the
    /// commits alone call for less: "that is 0.9.1, below the 1.0.0 line of v1.0.0-rc.1: the
    /// release finishes that line, …" (`--explain` and `version`'s JSON say it).
    pub fn line_above_said(&self) -> Option<String> {
        let (alone, (name, line, _)) = (self.line_above.as_ref()?, self.tag.as_ref()?);
        Some(format!(
            "that is {alone}, below the {}.{}.{} line of {name}: the release {} that line, as a version never goes below a pre-release already made",
            line.major,
            line.minor,
            line.patch,
            self.finishes_line_how()
        ))
    }

    /// `finishes` when `next` is a stable release, `goes on with` when it is a pre-release.
    fn finishes_line_how(&self) -> &'static str {
        if self.next.pre.is_empty() {
            "finishes"
        } else {
            "goes on with"
        }
    }
}

/// [`VersionInfo::below_commits_note`] for release tag `tag` made by hand.
/// The history is walked only when a release tag is below it and the tag is no major bump
/// of it (nothing is above a major; the first release has nothing to be below).
pub fn tag_below_commits(repo: &Repo, config: &Config, root: &Path, tag: &str) -> Option<String> {
    below_info(repo, config, root, tag)?.below_commits_note()
}

/// For release tag `tag` made by hand below what the commits call for: that version, and why
/// (the words of [`tag_below_commits`] without "releasing it as asked").
pub fn tag_called_for(
    repo: &Repo,
    config: &Config,
    root: &Path,
    tag: &str,
) -> Option<(Version, String)> {
    let info = below_info(repo, config, root, tag)?;
    Some((info.below_commits.clone()?, info.below_commits_why()?))
}

/// The release hand tag `tag` asks for, when it may be below what its commits call for.
fn below_info(repo: &Repo, config: &Config, root: &Path, tag: &str) -> Option<VersionInfo> {
    let version = Version::parse(tag.strip_prefix(config.version.tag_prefix.as_str())?).ok()?;
    let below = released_before(repo, config, &version, tag)?;
    if version.major > below.major && below.major > 0 {
        return None;
    }
    let requested = Requested::Exact(version);
    super::version_info(repo, config, root, &requested, None).ok()
}

/// [`VersionInfo::left_line_note`] for release tag `tag` made by hand. History is walked only
/// when the greatest release tag below it is a pre-release of a lower version.
pub fn tag_leaves_line(repo: &Repo, config: &Config, root: &Path, tag: &str) -> Option<String> {
    let version = Version::parse(tag.strip_prefix(config.version.tag_prefix.as_str())?).ok()?;
    let below = released_before(repo, config, &version, tag)?;
    left_line(Some(&below), &version)?;
    super::version_info(repo, config, root, &Requested::Exact(version), None)
        .ok()?
        .left_line_note(tag)
}

/// The version of the release hand tag `tag` of `version` follows: the greatest release tag
/// below it, or, above every one under `tag_prefix`, the other usual prefix's newest (`v1.2.0`
/// before `tag_prefix = "app-v"`), which a release goes on from as `version_info` says.
fn released_before(repo: &Repo, config: &Config, version: &Version, tag: &str) -> Option<Version> {
    let head = repo.head()?;
    let former = crate::history::tags::other_prefix_release(repo, head, config, Some(tag));
    match former.filter(|f| f.1.cmp_precedence(version).is_lt()) {
        Some((_, v, _, _)) => Some(v),
        None => {
            greatest_below(repo, head, &config.version.tag_prefix, version, tag).map(|t| t.version)
        }
    }
}

/// A release tag above `version` on a commit HEAD's history does not hold (a release made on a
/// branch not merged here): this release goes below it, which is right for a maintenance
/// release and a mistake when that branch's release belongs on this one. So is a pre-release
/// of `version` itself there (vue's `v3.6.0-rc.5` on `minor` when main releases 3.6.0): this
/// release finishes that line without what the branch holds. Said in one line, naming a branch
/// that holds it (a remote-tracking one when no local branch does).
pub fn above_elsewhere(repo: &Repo, config: &Config, version: &Version) -> Option<String> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let core = |v: &Version| (v.major, v.minor, v.patch);
    let of_version =
        |v: &Version| version.pre.is_empty() && !v.pre.is_empty() && core(v) == core(version);
    let mut above: Vec<_> = (repo.release_tag_candidates(prefix).into_iter())
        .filter(|t| t.version.cmp_precedence(version).is_gt() || of_version(&t.version))
        .collect();
    above.sort_by(|a, b| b.version.cmp_precedence(&a.version));
    let t = above
        .into_iter()
        .take(8)
        .find(|t| t.commit != head && !repo.reaches(head, t.commit))?;
    // The branches asked together: vuejs/core has ~64 remote ones, mostly stale.
    let holding = |glob: &str| {
        let branches = repo.branches_at(glob);
        let tips: Vec<_> = branches.iter().map(|(_, at)| *at).collect();
        let (name, _) = &branches[repo.first_holder(&tips, t.commit)?];
        name.split_once('/').map(|(_, b)| b.to_owned())
    };
    // A branch pushed and then deleted here leaves only its remote-tracking branch.
    let branch = holding("heads/*");
    let remote = branch.is_none().then(|| holding("remotes/*")).flatten();
    let (is, goes, maintenance) = if of_version(&t.version) {
        (
            format!("is a pre-release of {version}"),
            format!("this release makes {version} without that line's commits"),
            "",
        )
    } else {
        (
            format!("is above {version}"),
            "this release goes below it".to_owned(),
            " (a maintenance release?)",
        )
    };
    Some(match (branch, remote) {
        (Some(b), _) => format!(
            "{} is on branch `{b}`, which this branch has not merged, and {is}: {goes}{maintenance}; if `{b}`'s release belongs here, `git merge {}` before releasing",
            t.name,
            crate::shellword::quote(&b)
        ),
        (None, Some(r)) => format!(
            "{} is on {}, which only `{r}` holds (no local branch), and {is}: {goes}{maintenance}; if `{r}`'s release belongs here, `git merge {}` before releasing",
            t.name,
            crate::git::short_id(t.commit),
            crate::shellword::quote(&r)
        ),
        (None, None) => format!(
            "{} is on {}, which no branch here holds, and {is}: {goes}",
            t.name,
            crate::git::short_id(t.commit)
        ),
    })
}

#[cfg(test)]
mod tests {
    use semver::Version;

    use super::{line_above, line_of};
    use crate::history::version::bump::{BumpPolicy, CommitKind, Level, Requested};

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    const FIX: CommitKind = CommitKind {
        breaking: false,
        feat: false,
    };
    const FEAT: CommitKind = CommitKind {
        breaking: false,
        feat: true,
    };

    fn above(
        line: &str,
        kinds: &[CommitKind],
        requested: &Requested,
        next: &str,
    ) -> Option<String> {
        let (stable, line) = (v("1.0.0"), v(line));
        let policy = BumpPolicy::default();
        line_above(
            (Some(&stable), Some(&line)),
            kinds,
            requested,
            &policy,
            &v(next),
        )
        .map(|v| v.to_string())
    }

    /// A feature 1.1.0-rc.1 shipped and a revert took out since: the commits make 1.0.1, the
    /// release finishes (or goes on with) the 1.1.0 line, and `--explain` says why.
    #[test]
    fn a_line_above_what_the_commits_make_is_named() {
        assert_eq!(
            above("1.1.0-rc.1", &[FIX], &Requested::Auto, "1.1.0").as_deref(),
            Some("1.0.1")
        );
        assert_eq!(
            above("2.0.0-rc.1", &[FIX], &Requested::Auto, "2.0.0-rc.2").as_deref(),
            Some("1.0.1")
        );
        let patch = Requested::Level(Level::Patch);
        assert_eq!(
            above("1.1.0-rc.1", &[FEAT], &patch, "1.1.0").as_deref(),
            Some("1.0.1")
        );
    }

    /// The line is what the commits call for, a line left for a higher one, or a version
    /// named: nothing to say.
    #[test]
    fn a_line_the_commits_reach_or_leave_is_not_named() {
        assert_eq!(
            above("1.1.0-rc.1", &[FEAT], &Requested::Auto, "1.1.0"),
            None
        );
        assert_eq!(
            above("1.0.1-rc.1", &[FEAT], &Requested::Auto, "1.1.0"),
            None
        );
        assert_eq!(above("1.0.1-rc.1", &[FIX], &Requested::Auto, "1.0.1"), None);
        assert_eq!(
            above("1.1.0-rc.1", &[FIX], &Requested::Exact(v("1.1.0")), "1.1.0"),
            None
        );
    }

    #[test]
    fn a_line_is_its_version_without_the_counter() {
        let line = |s: &str| line_of(&v(s));
        assert_eq!(line("1.3.0-rc.1"), "1.3.0-rc");
        assert_eq!(line("2.0.0-beta"), "2.0.0-beta");
        assert_eq!(line("2.0.0-alpha.x"), "2.0.0-alpha.x");
    }
}
