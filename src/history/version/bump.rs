//! Owns the choice of the next SemVer version for a release: from the
//! current version, the kinds of commits since the last release tag, what
//! the user asked for (automatic, a level or an exact version) and an
//! optional pre-release identifier. It never touches files or git; the
//! caller gathers the inputs and acts on the answer.
//!
//! Ordering always uses SemVer precedence, so build metadata (`+build`) never
//! decides whether one version is greater than another, and it is never
//! carried over from the current version into the next one.

use std::cmp::Ordering;

use semver::{BuildMetadata, Prerelease, Version};

/// How far a release moves the version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Increments the patch number: `1.2.3` → `1.2.4`.
    Patch,
    /// Increments the minor number and resets patch: `1.2.3` → `1.3.0`.
    Minor,
    /// Increments the major number and resets the rest: `1.2.3` → `2.0.0`.
    Major,
}

/// Project policy for computing versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BumpPolicy {
    /// Below 1.0.0, a breaking change bumps minor instead of major.
    pub zero_major_breaking_bumps_minor: bool,
    /// Below 1.0.0, a feature bumps patch instead of minor.
    pub zero_major_feat_bumps_patch: bool,
    /// The version of the first release, when there is no current version.
    pub initial: Version,
    /// The counter of a pre-release line's first version (`rc.1` or `rc.0`).
    pub pre_start: u64,
}

impl Default for BumpPolicy {
    fn default() -> Self {
        Self {
            zero_major_breaking_bumps_minor: true,
            zero_major_feat_bumps_patch: true,
            initial: Version::new(0, 1, 0),
            pre_start: 1,
        }
    }
}

/// What one commit since the last release tag means for the version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CommitKind {
    /// The commit announces a breaking change (`!` or `BREAKING CHANGE:`).
    pub breaking: bool,
    /// The commit is a `feat`.
    pub feat: bool,
}

/// What the user asked for on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requested {
    /// Derive the level from the commits.
    Auto,
    /// Bump by exactly this level (the zero-major policy still applies).
    Level(Level),
    /// Release exactly this version.
    Exact(Version),
}

/// Why no next version could be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BumpError {
    /// An exact version was requested that is not above every existing one.
    #[error("requested version {requested} is not greater than the existing version {greatest}")]
    NotGreater {
        /// The version the user asked for.
        requested: Version,
        /// The greatest existing (or current) version it had to exceed.
        greatest: Version,
    },
    /// The computed version would not be above every existing one; this
    /// happens when tags exist beyond the current version (for example a
    /// release tag from another branch) or when moving from a later
    /// pre-release identifier back to an earlier one (`rc` → `beta`).
    #[error(
        "computed version {computed} is not greater than the existing version {greatest}; \
         request an exact version above {greatest} or check which tags are reachable"
    )]
    ComputedNotGreater {
        /// The version the rules produced.
        computed: Version,
        /// The greatest existing (or current) version it had to exceed.
        greatest: Version,
    },
    /// The pre-release identifier is not a single SemVer identifier.
    #[error(
        "invalid pre-release identifier {0:?}: use letters, digits and hyphens, not only digits"
    )]
    InvalidPreId(String),
    /// The pre-release identifier starts with a hyphen: valid SemVer, but what follows
    /// `--pre` then reads as an option (`--pre --dry-run`), so it is refused.
    #[error(
        "invalid pre-release identifier {0:?}: it starts with a hyphen, like an option; \
         use letters, digits and hyphens, starting with a letter or digit (`--pre rc`)"
    )]
    PreIdHyphen(String),
    /// A pre-release identifier cannot be combined with an exact version.
    #[error(
        "cannot combine an exact version ({asked}) with --pre {pre}; name the pre-release in \
         the version instead: {instead}"
    )]
    ExactWithPre {
        /// The version the user asked for.
        asked: Version,
        /// The `--pre` identifier given with it.
        pre: String,
        /// The pre-release of `asked`'s release with that identifier that comes next.
        instead: Version,
    },
    /// A version component would exceed `u64::MAX`.
    #[error("version {0} cannot be bumped: a component would overflow")]
    Overflow(Version),
}

/// Computes the next version from a single current version (a stable release, or a
/// pre-release whose stable release is unknown). See [`next_from`].
pub fn next_version(
    current: Option<&Version>,
    commits: &[CommitKind],
    requested: &Requested,
    pre: Option<&str>,
    existing: &[Version],
    policy: &BumpPolicy,
) -> Result<Version, BumpError> {
    match current {
        Some(c) if !c.pre.is_empty() => {
            next_from(None, Some(c), commits, requested, pre, existing, policy)
        }
        c => next_from(c, None, commits, requested, pre, existing, policy),
    }
}

/// Computes the next version.
///
/// * `stable` is the last stable release reachable from HEAD and `commits` everything since
///   it; `latest_pre` is the greatest pre-release above it, if any (`1.3.0-rc.2`).
/// * No release at all: the result is `policy.initial` (plus `-{pre}.N` when `pre` is
///   given), whatever the commits or the requested level say; the first release is not bumped.
/// * From a stable release: breaking → major, feat → minor, otherwise patch (an explicit level
///   replaces what the commits say). Below 1.0.0 the policy may lower breaking to minor and
///   feat to patch. **Pre-releases never cap this**: when the pre-release line's base
///   (`1.0.1` of `1.0.1-rc.1`) is below the bump, the line moves up (`2.0.0-rc.1`); when it is
///   at or above it, the line continues (`rc.1` → `rc.2`, or `1.3.0` to finish it).
/// * A pre-release whose stable release is unknown (none reachable): `Auto` targets the
///   pre-release's base; an explicit level follows npm's rule (the base already carries the
///   bump when it has the level's shape).
/// * With `pre`, the same id on an unchanged base continues its counter; anything else
///   starts at `policy.pre_start`. Without `pre`, the result is a stable release.
/// * `Exact` is taken as given.
///
/// The result must be greater than the current versions and every version in `existing` by
/// SemVer precedence, otherwise an error says which one it failed to exceed.
pub fn next_from(
    stable: Option<&Version>,
    latest_pre: Option<&Version>,
    commits: &[CommitKind],
    requested: &Requested,
    pre: Option<&str>,
    existing: &[Version],
    policy: &BumpPolicy,
) -> Result<Version, BumpError> {
    if let Some(id) = pre {
        validate_pre_id(id)?;
    }
    let latest_pre =
        latest_pre.filter(|p| stable.is_none_or(|s| p.cmp_precedence(s) == Ordering::Greater));
    let mut known: Vec<Version> = existing.to_vec();
    known.extend(stable.cloned());
    known.extend(latest_pre.cloned());
    let computed = match (requested, stable, latest_pre) {
        (Requested::Exact(v), _, _) if pre.is_some() => {
            return Err(exact_with_pre(v, pre.unwrap_or_default(), &known));
        }
        (Requested::Exact(v), _, _) => {
            return match greatest_of(None, &known) {
                Some(g) if v.cmp_precedence(g) != Ordering::Greater => Err(BumpError::NotGreater {
                    requested: v.clone(),
                    greatest: g.clone(),
                }),
                _ => Ok(v.clone()),
            };
        }
        (_, None, None) => with_pre(
            release_of(&policy.initial),
            policy.initial.pre.clone(),
            pre,
            policy.pre_start,
        ),
        (req, None, Some(p)) => from_pre(p, level_of(req), pre, policy)?,
        (req, Some(s), p) => {
            // An explicit level is what was asked; the policy below 1.0.0 lowers only the
            // level the commits call for.
            let level = level_of(req)
                .unwrap_or_else(|| apply_policy(level_from_commits(commits), s, policy));
            let target = bump(&release_of(s), level)?;
            match p {
                Some(p) if target.cmp_precedence(&release_of(p)) != Ordering::Greater => {
                    // The pre-release line already carries this bump: continue it.
                    with_pre(release_of(p), p.pre.clone(), pre, policy.pre_start)
                }
                _ => with_pre(target, Prerelease::EMPTY, pre, policy.pre_start),
            }
        }
    };
    check_above(computed, None, &known)
}

fn level_of(requested: &Requested) -> Option<Level> {
    match requested {
        Requested::Level(l) => Some(*l),
        _ => None,
    }
}

/// The level the commits call for, before the zero-major policy.
pub fn level_from_commits(commits: &[CommitKind]) -> Level {
    if commits.iter().any(|c| c.breaking) {
        Level::Major
    } else if commits.iter().any(|c| c.feat) {
        Level::Minor
    } else {
        Level::Patch
    }
}

/// Applies the zero-major policy to a level for a version whose base is `base`.
fn apply_policy(level: Level, base: &Version, policy: &BumpPolicy) -> Level {
    if base.major != 0 {
        return level;
    }
    match level {
        Level::Major if policy.zero_major_breaking_bumps_minor => Level::Minor,
        Level::Minor if policy.zero_major_feat_bumps_patch => Level::Patch,
        other => other,
    }
}

/// The next version from a pre-release whose stable release is unknown; `level` is `None`
/// for auto.
fn from_pre(
    cur: &Version,
    level: Option<Level>,
    pre: Option<&str>,
    policy: &BumpPolicy,
) -> Result<Version, BumpError> {
    let base = release_of(cur);
    let target = match level {
        // Auto from a pre-release: the commits belong to the pending release.
        None => base.clone(),
        Some(l) => bump_from_pre(&base, l)?,
    };
    if target == base {
        Ok(with_pre(target, cur.pre.clone(), pre, policy.pre_start))
    } else {
        Ok(with_pre(target, Prerelease::EMPTY, pre, policy.pre_start))
    }
}

/// npm's rule for a pre-release base: `1.3.0-rc` already is the minor bump of 1.2.x.
pub fn bump_from_pre(base: &Version, level: Level) -> Result<Version, BumpError> {
    let carried = match level {
        Level::Major => base.minor == 0 && base.patch == 0,
        Level::Minor => base.patch == 0,
        Level::Patch => true,
    };
    if carried {
        Ok(base.clone())
    } else {
        bump(base, level)
    }
}

/// Bumps a release version by `level`, refusing to overflow.
pub fn bump(base: &Version, level: Level) -> Result<Version, BumpError> {
    let overflow = || BumpError::Overflow(base.clone());
    let v = match level {
        Level::Major => Version::new(base.major.checked_add(1).ok_or_else(overflow)?, 0, 0),
        Level::Minor => Version::new(
            base.major,
            base.minor.checked_add(1).ok_or_else(overflow)?,
            0,
        ),
        Level::Patch => Version::new(
            base.major,
            base.minor,
            base.patch.checked_add(1).ok_or_else(overflow)?,
        ),
    };
    Ok(v)
}

/// Adds the pre-release part to `target`. `prior` is the pre-release the
/// current version had on this same base (empty if none): the same id
/// continues its counter, anything else starts at `start`.
fn with_pre(mut target: Version, prior: Prerelease, pre: Option<&str>, start: u64) -> Version {
    target.pre = match pre {
        None => Prerelease::EMPTY,
        Some(id) => {
            let n = counter_for(&prior, id).map_or(start, |n| n.saturating_add(1).max(start));
            // The id was validated, so this identifier is always valid SemVer.
            Prerelease::new(&format!("{id}.{n}")).unwrap_or(Prerelease::EMPTY)
        }
    };
    target
}

/// `target` as a pre-release `{id}.N`: N one above `prior`'s counter when `prior` is on the
/// same `id`, else `start`.
pub fn pre_release_of(target: Version, prior: Prerelease, id: &str, start: u64) -> Version {
    with_pre(target, prior, Some(id), start)
}

/// The counter of `prior` if it is `{id}` (counter 0) or `{id}.N`.
fn counter_for(prior: &Prerelease, id: &str) -> Option<u64> {
    let rest = prior.as_str().strip_prefix(id)?;
    if rest.is_empty() {
        return Some(0);
    }
    rest.strip_prefix('.')?.parse().ok()
}

/// The refusal of `--pre id` with the exact version `v`, naming the pre-release of `v`'s
/// release with `id` that follows those in `known` (`2.0.0-rc.2` after `2.0.0-rc.1`).
fn exact_with_pre(v: &Version, id: &str, known: &[Version]) -> BumpError {
    let base = release_of(v);
    let prior = (known.iter())
        .filter(|k| release_of(k) == base && counter_for(&k.pre, id).is_some())
        .max_by(|a, b| a.cmp_precedence(b))
        .map_or(Prerelease::EMPTY, |k| k.pre.clone());
    BumpError::ExactWithPre {
        asked: v.clone(),
        pre: id.to_owned(),
        instead: with_pre(base, prior, Some(id), 1),
    }
}

/// The version without pre-release and build metadata.
fn release_of(v: &Version) -> Version {
    Version::new(v.major, v.minor, v.patch)
}

/// Accepts one SemVer identifier that is not purely numeric, so `{id}.N` parses, and does
/// not start with a hyphen (what follows `--pre` is taken as is, even `--dry-run`).
pub fn validate_pre_id(id: &str) -> Result<(), BumpError> {
    if id.starts_with('-') {
        return Err(BumpError::PreIdHyphen(id.to_owned()));
    }
    let valid = !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !id.bytes().all(|b| b.is_ascii_digit());
    if valid {
        Ok(())
    } else {
        Err(BumpError::InvalidPreId(id.to_owned()))
    }
}

/// The greatest of `current` and `existing` by SemVer precedence.
fn greatest_of<'a>(current: Option<&'a Version>, existing: &'a [Version]) -> Option<&'a Version> {
    current
        .into_iter()
        .chain(existing)
        .max_by(|a, b| a.cmp_precedence(b))
}

/// Accepts `computed` only if it is above the current and every existing version.
fn check_above(
    computed: Version,
    current: Option<&Version>,
    existing: &[Version],
) -> Result<Version, BumpError> {
    debug_assert!(computed.build == BuildMetadata::EMPTY);
    match greatest_of(current, existing) {
        Some(g) if computed.cmp_precedence(g) != Ordering::Greater => {
            Err(BumpError::ComputedNotGreater {
                computed,
                greatest: g.clone(),
            })
        }
        _ => Ok(computed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn v(s: &str) -> Version {
        Version::parse(s).expect("test version")
    }

    const FEAT: CommitKind = CommitKind {
        breaking: false,
        feat: true,
    };
    const FIX: CommitKind = CommitKind {
        breaking: false,
        feat: false,
    };
    const BREAK: CommitKind = CommitKind {
        breaking: true,
        feat: false,
    };

    fn auto(
        cur: Option<&str>,
        commits: &[CommitKind],
        pre: Option<&str>,
    ) -> Result<Version, BumpError> {
        let cur = cur.map(v);
        next_version(
            cur.as_ref(),
            commits,
            &Requested::Auto,
            pre,
            &[],
            &BumpPolicy::default(),
        )
    }

    fn level(cur: &str, l: Level, pre: Option<&str>) -> Version {
        let policy = BumpPolicy::default();
        next_version(Some(&v(cur)), &[], &Requested::Level(l), pre, &[], &policy)
            .expect("level bump")
    }

    #[test]
    fn one_x_auto_levels() {
        assert_eq!(auto(Some("1.2.3"), &[FIX], None), Ok(v("1.2.4")));
        assert_eq!(auto(Some("1.2.3"), &[FIX, FEAT], None), Ok(v("1.3.0")));
        assert_eq!(
            auto(Some("1.2.3"), &[FEAT, BREAK, FIX], None),
            Ok(v("2.0.0"))
        );
        assert_eq!(auto(Some("1.2.3"), &[], None), Ok(v("1.2.4")));
    }

    #[test]
    fn breaking_feat_commit_is_major() {
        let both = CommitKind {
            breaking: true,
            feat: true,
        };
        assert_eq!(auto(Some("1.2.3"), &[both], None), Ok(v("2.0.0")));
    }

    #[test]
    fn zero_x_default_policy_lowers_levels() {
        assert_eq!(auto(Some("0.3.4"), &[BREAK], None), Ok(v("0.4.0")));
        assert_eq!(auto(Some("0.3.4"), &[FEAT], None), Ok(v("0.3.5")));
        assert_eq!(auto(Some("0.3.4"), &[FIX], None), Ok(v("0.3.5")));
    }

    #[test]
    fn zero_x_strict_policy_keeps_levels() {
        let policy = BumpPolicy {
            zero_major_breaking_bumps_minor: false,
            zero_major_feat_bumps_patch: false,
            ..BumpPolicy::default()
        };
        let run = |c: CommitKind| {
            next_version(
                Some(&v("0.3.4")),
                &[c],
                &Requested::Auto,
                None,
                &[],
                &policy,
            )
        };
        assert_eq!(run(BREAK), Ok(v("1.0.0")));
        assert_eq!(run(FEAT), Ok(v("0.4.0")));
    }

    #[test]
    fn zero_x_explicit_level_is_what_was_asked() {
        assert_eq!(level("0.3.4", Level::Major, None), v("1.0.0"));
        assert_eq!(level("0.3.4", Level::Minor, None), v("0.4.0"));
        assert_eq!(level("0.3.4", Level::Patch, None), v("0.3.5"));
    }

    #[test]
    fn explicit_level_ignores_commits() {
        let policy = BumpPolicy::default();
        let got = next_version(
            Some(&v("1.2.3")),
            &[BREAK],
            &Requested::Level(Level::Patch),
            None,
            &[],
            &policy,
        );
        assert_eq!(got, Ok(v("1.2.4")));
        assert_eq!(level("1.2.3", Level::Major, None), v("2.0.0"));
    }

    #[test]
    fn no_current_uses_initial_unbumped() {
        assert_eq!(auto(None, &[BREAK], None), Ok(v("0.1.0")));
        assert_eq!(auto(None, &[], Some("rc")), Ok(v("0.1.0-rc.1")));
        let policy = BumpPolicy {
            initial: v("1.0.0"),
            ..BumpPolicy::default()
        };
        let got = next_version(
            None,
            &[FEAT],
            &Requested::Level(Level::Major),
            None,
            &[],
            &policy,
        );
        assert_eq!(got, Ok(v("1.0.0")));
    }

    #[test]
    fn no_current_but_existing_tags_above_initial_is_an_error() {
        let policy = BumpPolicy::default();
        let got = next_version(None, &[], &Requested::Auto, None, &[v("0.1.0")], &policy);
        assert!(matches!(got, Err(BumpError::ComputedNotGreater { .. })));
    }

    #[test]
    fn rc_sequence_to_release() {
        let rc1 = auto(Some("1.2.3"), &[FEAT], Some("rc")).expect("rc1");
        assert_eq!(rc1, v("1.3.0-rc.1"));
        let rc2 = auto(Some(&rc1.to_string()), &[FIX], Some("rc")).expect("rc2");
        assert_eq!(rc2, v("1.3.0-rc.2"));
        let rel = auto(Some(&rc2.to_string()), &[FIX], None).expect("release");
        assert_eq!(rel, v("1.3.0"));
    }

    #[test]
    fn auto_from_pre_release_keeps_base_even_with_breaking() {
        assert_eq!(auto(Some("1.3.0-rc.2"), &[BREAK], None), Ok(v("1.3.0")));
        assert_eq!(
            auto(Some("1.3.0-rc.2"), &[BREAK], Some("rc")),
            Ok(v("1.3.0-rc.3"))
        );
    }

    fn line(
        stable: &str,
        pre: Option<&str>,
        commits: &[CommitKind],
        requested: &Requested,
        id: Option<&str>,
        start: u64,
    ) -> Result<Version, BumpError> {
        let policy = BumpPolicy {
            pre_start: start,
            ..BumpPolicy::default()
        };
        let pre = pre.map(v);
        next_from(
            Some(&v(stable)),
            pre.as_ref(),
            commits,
            requested,
            id,
            &[],
            &policy,
        )
    }

    #[test]
    fn a_pre_release_never_caps_the_bump_of_the_stable_release() {
        let auto = Requested::Auto;
        // v1.0.0, v1.0.1-rc.1 (a fix), then a breaking change.
        let got = line("1.0.0", Some("1.0.1-rc.1"), &[FIX, BREAK], &auto, None, 1);
        assert_eq!(got, Ok(v("2.0.0")));
        let got = line(
            "1.0.0",
            Some("1.0.1-rc.1"),
            &[FIX, BREAK],
            &auto,
            Some("rc"),
            1,
        );
        assert_eq!(got, Ok(v("2.0.0-rc.1")));
        // The line already carries the bump: it continues, or is finished.
        let got = line(
            "1.2.3",
            Some("1.3.0-rc.1"),
            &[FEAT, FIX],
            &auto,
            Some("rc"),
            1,
        );
        assert_eq!(got, Ok(v("1.3.0-rc.2")));
        let got = line("1.2.3", Some("1.3.0-rc.1"), &[FEAT, FIX], &auto, None, 1);
        assert_eq!(got, Ok(v("1.3.0")));
        // An explicit smaller level does not go below the line (npm's rule).
        let patch = Requested::Level(Level::Patch);
        assert_eq!(
            line("1.2.3", Some("1.3.0-rc.1"), &[], &patch, None, 1),
            Ok(v("1.3.0"))
        );
        // A pre-release below the stable one is history, not a line.
        let got = line("1.3.0", Some("1.3.0-rc.4"), &[FIX], &auto, None, 1);
        assert_eq!(got, Ok(v("1.3.1")));
    }

    #[test]
    fn the_first_pre_release_number_follows_the_policy() {
        let auto = Requested::Auto;
        assert_eq!(
            line("1.0.0", None, &[FEAT], &auto, Some("rc"), 0),
            Ok(v("1.1.0-rc.0"))
        );
        let got = line("1.0.0", Some("1.1.0-rc.0"), &[FEAT], &auto, Some("rc"), 0);
        assert_eq!(got, Ok(v("1.1.0-rc.1")));
        let got = line("1.0.0", Some("1.1.0-beta.3"), &[FEAT], &auto, Some("rc"), 0);
        assert_eq!(got, Ok(v("1.1.0-rc.0")));
    }

    #[test]
    fn beta_to_rc_restarts_counter() {
        assert_eq!(
            auto(Some("1.3.0-beta.2"), &[FIX], Some("rc")),
            Ok(v("1.3.0-rc.1"))
        );
    }

    #[test]
    fn rc_back_to_beta_is_refused() {
        let got = auto(Some("1.3.0-rc.1"), &[FIX], Some("beta"));
        assert!(matches!(got, Err(BumpError::ComputedNotGreater { .. })));
    }

    #[test]
    fn bare_pre_id_counts_as_zero() {
        assert_eq!(auto(Some("1.3.0-rc"), &[], Some("rc")), Ok(v("1.3.0-rc.1")));
    }

    #[test]
    fn similar_prefix_id_is_another_id() {
        // `rcx.4` is not `rc`'s counter 4; rc.1 sorts below rcx.4, hence refused.
        let got = auto(Some("1.3.0-rcx.4"), &[], Some("rc"));
        assert!(matches!(got, Err(BumpError::ComputedNotGreater { .. })));
        assert_eq!(
            auto(Some("1.3.0-a.4"), &[], Some("alpha")),
            Ok(v("1.3.0-alpha.1"))
        );
    }

    #[test]
    fn explicit_level_from_pre_release_follows_npm() {
        assert_eq!(level("1.3.0-rc.1", Level::Minor, None), v("1.3.0"));
        assert_eq!(level("1.3.0-rc.1", Level::Patch, None), v("1.3.0"));
        assert_eq!(level("1.3.0-rc.1", Level::Major, None), v("2.0.0"));
        assert_eq!(level("2.0.0-rc.1", Level::Major, None), v("2.0.0"));
        assert_eq!(level("1.3.1-rc.1", Level::Minor, None), v("1.4.0"));
        assert_eq!(
            level("1.3.0-rc.1", Level::Minor, Some("rc")),
            v("1.3.0-rc.2")
        );
        assert_eq!(
            level("1.3.0-rc.1", Level::Major, Some("rc")),
            v("2.0.0-rc.1")
        );
    }

    #[test]
    fn pre_release_from_release() {
        assert_eq!(level("1.2.3", Level::Minor, Some("rc")), v("1.3.0-rc.1"));
        assert_eq!(
            level("1.2.3", Level::Patch, Some("beta")),
            v("1.2.4-beta.1")
        );
        assert_eq!(
            level("0.9.0", Level::Major, Some("alpha")),
            v("1.0.0-alpha.1")
        );
    }

    #[test]
    fn build_metadata_dropped_and_ignored() {
        assert_eq!(auto(Some("1.2.3+build.7"), &[FIX], None), Ok(v("1.2.4")));
        assert_eq!(
            auto(Some("1.3.0-rc.1+abc"), &[], Some("rc")),
            Ok(v("1.3.0-rc.2"))
        );
        // 1.2.4+x has the same precedence as 1.2.4, so 1.2.4 is not "greater".
        let policy = BumpPolicy::default();
        let got = next_version(
            Some(&v("1.2.3")),
            &[],
            &Requested::Auto,
            None,
            &[v("1.2.4+x")],
            &policy,
        );
        assert!(matches!(got, Err(BumpError::ComputedNotGreater { .. })));
    }

    #[test]
    fn exact_must_exceed_existing() {
        let policy = BumpPolicy::default();
        let existing = [v("1.0.0"), v("2.1.0"), v("1.5.0")];
        let run = |s: &str| {
            next_version(
                Some(&v("1.5.0")),
                &[],
                &Requested::Exact(v(s)),
                None,
                &existing,
                &policy,
            )
        };
        assert_eq!(run("2.2.0"), Ok(v("2.2.0")));
        assert_eq!(
            run("2.1.0"),
            Err(BumpError::NotGreater {
                requested: v("2.1.0"),
                greatest: v("2.1.0")
            })
        );
        assert!(matches!(
            run("2.1.0-rc.1"),
            Err(BumpError::NotGreater { .. })
        ));
        assert!(matches!(
            run("2.1.0+meta"),
            Err(BumpError::NotGreater { .. })
        ));
    }

    #[test]
    fn exact_must_exceed_current_too() {
        let policy = BumpPolicy::default();
        let got = next_version(
            Some(&v("3.0.0")),
            &[],
            &Requested::Exact(v("2.0.0")),
            None,
            &[],
            &policy,
        );
        assert_eq!(
            got,
            Err(BumpError::NotGreater {
                requested: v("2.0.0"),
                greatest: v("3.0.0")
            })
        );
        let first = next_version(None, &[], &Requested::Exact(v("0.0.1")), None, &[], &policy);
        assert_eq!(first, Ok(v("0.0.1")));
    }

    #[test]
    fn exact_with_pre_is_refused() {
        let policy = BumpPolicy::default();
        let got = next_version(
            None,
            &[],
            &Requested::Exact(v("1.0.0")),
            Some("rc"),
            &[],
            &policy,
        );
        assert!(matches!(got, Err(BumpError::ExactWithPre { .. })));
    }

    #[test]
    fn computed_below_existing_is_refused() {
        let policy = BumpPolicy::default();
        let got = next_version(
            Some(&v("1.2.3")),
            &[FIX],
            &Requested::Auto,
            None,
            &[v("1.4.0")],
            &policy,
        );
        assert_eq!(
            got,
            Err(BumpError::ComputedNotGreater {
                computed: v("1.2.4"),
                greatest: v("1.4.0")
            })
        );
    }

    #[test]
    fn invalid_pre_ids() {
        for id in ["", "rc.1", "1", "r c", "é"] {
            assert!(
                matches!(
                    auto(Some("1.0.0"), &[], Some(id)),
                    Err(BumpError::InvalidPreId(_))
                ),
                "{id:?}"
            );
        }
        assert_eq!(
            auto(Some("1.0.0"), &[], Some("rc-x1")),
            Ok(v("1.0.1-rc-x1.1"))
        );
    }

    #[test]
    fn overflow_is_an_error() {
        let cur = Version::new(1, 2, u64::MAX);
        let got = next_version(
            Some(&cur),
            &[FIX],
            &Requested::Auto,
            None,
            &[],
            &BumpPolicy::default(),
        );
        assert!(matches!(got, Err(BumpError::Overflow(_))));
    }

    fn arb_version() -> impl Strategy<Value = Version> {
        let pre = prop_oneof![
            Just(String::new()),
            (
                prop_oneof![Just("rc"), Just("beta"), Just("alpha")],
                0u64..5
            )
                .prop_map(|(id, n)| format!("{id}.{n}")),
            Just("rc".to_owned()),
        ];
        (0u64..4, 0u64..4, 0u64..4, pre, any::<bool>()).prop_map(|(a, b, c, pre, build)| {
            let mut v = Version::new(a, b, c);
            v.pre = Prerelease::new(&pre).expect("valid pre");
            if build {
                v.build = BuildMetadata::new("b1").expect("valid build");
            }
            v
        })
    }

    fn arb_requested() -> impl Strategy<Value = Requested> {
        prop_oneof![
            Just(Requested::Auto),
            Just(Requested::Level(Level::Patch)),
            Just(Requested::Level(Level::Minor)),
            Just(Requested::Level(Level::Major)),
        ]
    }

    proptest! {
        #[test]
        fn result_is_always_greater_than_current(
            cur in arb_version(),
            commits in proptest::collection::vec((any::<bool>(), any::<bool>()), 0..4),
            req in arb_requested(),
            pre in prop_oneof![Just(None), Just(Some("rc")), Just(Some("beta")), Just(Some("alpha"))],
            zb in any::<bool>(),
            zf in any::<bool>(),
        ) {
            let commits: Vec<CommitKind> = commits.into_iter().map(|(breaking, feat)| CommitKind { breaking, feat }).collect();
            let policy = BumpPolicy { zero_major_breaking_bumps_minor: zb, zero_major_feat_bumps_patch: zf, ..BumpPolicy::default() };
            match next_version(Some(&cur), &commits, &req, pre, &[], &policy) {
                Ok(next) => {
                    prop_assert_eq!(next.cmp_precedence(&cur), Ordering::Greater, "{} -> {}", cur, next);
                    prop_assert!(next.build.is_empty());
                }
                // Only moving to an earlier pre-release id may fail here.
                Err(e) => prop_assert!(pre.is_some() && !cur.pre.is_empty(), "{cur}: {e}"),
            }
        }
    }
}
