//! What a release cannot be asked for: a level (`relhook release major`) before the first
//! release tag, when there is no release to bump; 0.0.0, which says "no version yet"; and,
//! before the first release tag, a version below the one the version files say.

use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::history::version::bump::{self, Level, Requested};

/// The refusal for `requested` before any release tag, the version files (or
/// `version.initial`) saying `current` (from `from`), and the commits making `first` of the
/// first release: a level has nothing to bump, and taking it silently would release `first`
/// while `major` was asked. `None` when the level gives `first` anyway (a breaking change
/// since the files set the version already bumps it); else both ways on are named: the first
/// release as the commits make it, or the version the level gives from `current`.
pub fn level_before_first_release(
    config: &Config,
    (current, from): (&Version, &str),
    first: &Version,
    requested: &Requested,
    pre: Option<&str>,
) -> Option<Refusal> {
    let Requested::Level(level) = requested else {
        return None;
    };
    let name = match level {
        Level::Major => "major",
        Level::Minor => "minor",
        Level::Patch => "patch",
    };
    let target = if current.pre.is_empty() {
        bump::bump(current, *level)
    } else {
        bump::bump_from_pre(current, *level).map(|v| Version::new(v.major, v.minor, v.patch))
    }
    .ok()?;
    if (first.major, first.minor, first.patch) == (target.major, target.minor, target.patch) {
        return None;
    }
    let command = config.release_command();
    let (as_it_is, named) = match pre {
        Some(id) => (
            format!("`{command} --pre {id}`"),
            format!("{target}-{id}.{}", config.version.pre_release_start),
        ),
        None => (format!("`{command}`"), target.to_string()),
    };
    Some(Refusal::new(
        Reason::Version,
        format!(
            "`{name}` bumps the last release, and there is none yet (no release tag): the version is {current} ({from}), and the commits make the first release {first}"
        ),
        format!(
            "to release {first} as the first release: {as_it_is}; to start at the version `{name}` gives from {current}: `{command} {named}`"
        ),
    ))
}

/// The refusal for a named `0.0.0` (or one of its pre-releases): relhook reads it as "no
/// version yet" (semantic-release's placeholder, `npm create`'s start), never as a release.
pub fn placeholder(config: &Config, requested: &Requested) -> Option<Refusal> {
    let Requested::Exact(v) = requested else {
        return None;
    };
    if !super::files::is_placeholder(v) {
        return None;
    }
    let command = config.release_command();
    Some(Refusal::new(
        Reason::Version,
        format!("{v} is no version: relhook reads 0.0.0 as \"no version yet\", never as a release"),
        format!(
            "name a version above it (`{command} {}`), or let the commits decide: `{command}`",
            config.version.initial
        ),
    ))
}

/// The refusal of `version` below `current`, the version the files say (`from`) before the
/// first release tag of what `config` releases.
pub(super) fn below_files(
    version: &Version,
    (current, from): (&Version, &str),
    config: &Config,
    root: &std::path::Path,
) -> Option<Refusal> {
    let release = config.release_command();
    // Every file saying it, not the first alone: `npm pkg set version` leaves
    // package-lock.json at 1.0.0, and no release would bump it again.
    let found = super::version_files(config, root);
    let saying: Vec<String> = found
        .iter()
        .filter(|f| {
            crate::history::version::files::read_version(root, f)
                .is_ok_and(|t| Version::parse(&t).is_ok_and(|v| v == *current))
        })
        .map(|f| format!("{} ({})", f.path.display(), f.locator))
        .collect();
    let set = match saying.len() {
        0 | 1 => from.trim_end_matches(", no release tag yet").to_owned(),
        _ => super::unanchored::and_list(&saying),
    };
    // A pre-release of the files' own version (1.0.0-rc.1 beside a never-released 1.0.0) is
    // the usual way to a first release, not a step down.
    let line = Version::new(version.major, version.minor, version.patch);
    line.cmp_precedence(current).is_lt().then(|| {
        Refusal::new(
            Reason::NotGreater,
            format!(
                "{version} is below {current}, the version {} says (no release tag yet); versions only go up",
                from.trim_end_matches(", no release tag yet")
            ),
            format!(
                "release {current} as the first release (`{release} {current}`), or a version above it; or, if {version} is right (`npm init` writes 1.0.0 before anything is released), set {set} to {version} and commit that first"
            ),
        )
    })
}
