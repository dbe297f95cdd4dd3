//! The first release of a project that already has a version in its files.

use std::path::Path;

use semver::Version;

use super::Decider;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::bump::{self, BumpPolicy, CommitKind, Requested};
use crate::history::version::files::{self, VersionFile};

/// With no release tag, the public release (`1.0.0`) of a Python version file's local version
/// (`1.0.0+local`, `current`): PEP 440 puts it below what the file holds, so the first release
/// goes on above it, as if it were released.
fn below_local(config: &Config, root: &Path, current: &Version) -> Option<Version> {
    let holds = |f: &VersionFile| {
        let v = Version::parse(&files::read_version(root, f).ok()?).ok()?;
        (v == *current && files::pep440_local(&f.path, &v)).then_some(())
    };
    super::version_files(config, root).iter().find_map(holds)?;
    Some(Version {
        build: semver::BuildMetadata::EMPTY,
        ..current.clone()
    })
}

/// The release after `floor` (as if released) that `kinds` (the commits since the version was
/// set) call for, a patch at the least.
fn above(
    config: &Config,
    floor: &Version,
    kinds: &[CommitKind],
    pre: Option<&str>,
) -> Option<Version> {
    let policy = BumpPolicy {
        zero_major_breaking_bumps_minor: config.version.zero_major_breaking_bumps_minor,
        zero_major_feat_bumps_patch: config.version.zero_major_feat_bumps_patch,
        initial: floor.clone(),
        pre_start: config.version.pre_release_start,
    };
    let (stable, latest_pre) = match floor.pre.is_empty() {
        true => (Some(floor), None),
        false => (None, Some(floor)),
    };
    let auto = &Requested::Auto;
    bump::next_from(stable, latest_pre, kinds, auto, pre, &[], &policy).ok()
}

/// `current`, the version the files hold, when it is a pre-release that the first release is:
/// with no `--pre`, or with `--pre` of its own identifier (`rc` for `1.0.0-rc.1`). Another
/// identifier is another line (`--pre rc` at `1.0.0-beta.2` makes `1.0.0-rc.1`). A development
/// marker (`0.1.0-dev`, `-SNAPSHOT`) says work towards its version, not a pre-release of it.
fn written_pre(current: &Version, pre: Option<&str>) -> Option<Version> {
    let written = current.pre.as_str();
    let own = |id: &str| {
        (written.strip_prefix(id)).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    };
    let first = written.split('.').next().unwrap_or_default();
    let marker = first.trim_end_matches(|c: char| c.is_ascii_digit());
    let development = ["dev", "development", "snapshot"]
        .iter()
        .any(|m| marker.eq_ignore_ascii_case(m));
    (!written.is_empty() && !development && pre.is_none_or(own)).then(|| Version {
        build: semver::BuildMetadata::EMPTY,
        ..current.clone()
    })
}

/// The first release of a project that already has a version: that version, unless a breaking
/// change came after the commit that last set it (then the version no longer describes the
/// code, and the breaking change bumps it). Only for an automatic, non-pre-release version.
#[allow(clippy::too_many_arguments)]
pub(super) fn first_release(
    repo: &Repo,
    config: &Config,
    root: &Path,
    commits: &[Decider],
    requested: &Requested,
    pre: Option<&str>,
    current: &Version,
    next: Version,
) -> (Version, Option<String>) {
    let already = "no release tag yet: the first release is the version already there".to_owned();
    let Some(file) = super::version_files(config, root).into_iter().next() else {
        return (next, Some(already));
    };
    let release_of = |v: &Version| Version::new(v.major, v.minor, v.patch);
    if !matches!(requested, Requested::Auto) || release_of(&next) != release_of(current) {
        return (next, None);
    }
    let path = file.path.to_string_lossy().into_owned();
    // A file at a pre-release (`1.0.0-rc.1`) is at that pre-release, not released: it is the
    // first release, as `relhook version` says, not 1.0.0 or rc.2 above it.
    let next = written_pre(current, pre).unwrap_or(next);
    let Some(head) = repo.head() else {
        return (next, Some(already));
    };
    // The commit that changed the version's value, not the last one to touch the file.
    let set_by = super::set_by::version_set_by(repo, &file, head);
    let after_set = |c: &&Decider| {
        let id = git2::Oid::from_str(&c.id).ok();
        set_by
            .zip(id)
            .is_some_and(|(set, id)| id != set && !repo.reaches(set, id))
    };
    let named = set_by.map(|id| {
        let header = repo
            .stored_commit(id)
            .map(|c| c.header())
            .unwrap_or_default();
        format!("{} ({header})", crate::git::short_id(id))
    });
    if let Some(floor) = below_local(config, root, current) {
        let kinds: Vec<CommitKind> = (commits.iter().filter(after_set))
            .map(|c| CommitKind {
                breaking: c.calls_for == "major",
                feat: c.calls_for == "minor",
            })
            .collect();
        let rule = format!(
            "no release tag yet, and PEP 440 puts {floor} below the {current} {path} holds (PyPI publishes no local version): the first release goes on above it"
        );
        return (
            above(config, &floor, &kinds, pre).unwrap_or(next),
            Some(rule),
        );
    }
    let Some(breaking) = commits
        .iter()
        .filter(after_set)
        .find(|c| c.calls_for == "major")
    else {
        let since = match &named {
            Some(named) => format!("{named} last set the version in {path}"),
            None => format!("{path} last set it"),
        };
        return (
            next,
            Some(format!("{already} (no breaking change since {since})")),
        );
    };
    let named = named.unwrap_or_default();
    let mut bumped = if current.major == 0 && config.version.zero_major_breaking_bumps_minor {
        Version::new(0, current.minor + 1, 0)
    } else {
        Version::new(current.major + 1, 0, 0)
    };
    // A pre-release of it (`--pre rc`) starts its own line: 2.0.0-rc.1, not 1.4.2-rc.1.
    if let Some(id) = pre {
        let start = config.version.pre_release_start;
        bumped.pre = semver::Prerelease::new(&format!("{id}.{start}")).unwrap_or_default();
    }
    (
        bumped,
        Some(format!(
            "no release tag yet, but {} ({}) is a breaking change made after {named} last set the version in {path}: {current} no longer describes the code, so the first release bumps it",
            breaking.commit, breaking.header
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::written_pre;
    use semver::Version;

    #[test]
    fn a_pre_release_is_the_first_release_and_a_development_marker_is_not() {
        let v = |s: &str| Version::parse(s).unwrap();
        assert_eq!(written_pre(&v("1.0.0-rc.1"), None), Some(v("1.0.0-rc.1")));
        assert_eq!(
            written_pre(&v("1.0.0-rc.1"), Some("rc")),
            Some(v("1.0.0-rc.1"))
        );
        assert_eq!(written_pre(&v("1.0.0-beta.2"), Some("rc")), None);
        assert_eq!(written_pre(&v("1.0.0"), None), None);
        for marker in ["0.1.0-dev", "0.1.0-dev.1", "0.1.0-dev3", "2.0.0-SNAPSHOT"] {
            assert_eq!(written_pre(&v(marker), None), None, "{marker}");
        }
    }
}
