//! A pre-release identifier that sorts before the one the line reached (`--pre alpha` after
//! `2.0.0-beta.1`: SemVer orders `alpha` first), said as that rather than as a version "not
//! greater" than another, with only ways on a release then takes: a Python project's
//! `--pre rc` after `1.3.0-pre.1` is PEP 440's `1.3.0rc1` again, refused, so its next number
//! (`1.3.0-rc.2`) is named in its place.

use std::path::Path;

use semver::{Prerelease, Version};

use crate::config::Config;
use crate::git::Repo;
use crate::history::version::bump::BumpError;

/// `e` said as the identifier sorting first, when it is that, with the ways on (each a
/// release that is made, so no other is needed); `None` for any other error.
pub(super) fn said(
    repo: &Repo,
    config: &Config,
    root: &Path,
    e: &BumpError,
) -> Option<(String, String)> {
    let BumpError::ComputedNotGreater { computed, greatest } = e else {
        return None;
    };
    let (ours, theirs) = (first_identifier(computed), first_identifier(greatest));
    if core(computed) != core(greatest) || ours.is_empty() || theirs.is_empty() || ours == theirs {
        return None;
    }
    let release = config.release_command();
    // Each way the whole command to paste, not a flag to add to one.
    let mut ways = vec![format!(
        "go on with `{release} --pre {}`",
        crate::shellword::quote(theirs)
    )];
    // `rc` where SemVer sorts it after the line's identifier, as `--pre rc` would make it.
    let rest = &computed.pre.as_str()[ours.len()..];
    let rc = Prerelease::new(&format!("rc{rest}"))
        .ok()
        .map(|pre| Version {
            pre,
            ..computed.clone()
        });
    if let Some(rc) = rc.filter(|rc| rc.cmp_precedence(greatest).is_gt()) {
        match super::pep440::in_place_of(repo, config, root, &rc) {
            None => ways.push("an identifier that sorts after it (`rc`)".into()),
            Some(v) => ways.push(format!(
                "release {v} (`{release} {v}`; `--pre rc` makes {rc}, which PEP 440 does not put above {greatest})"
            )),
        }
    }
    let (major, minor, patch) = core(computed);
    let stable = Version::new(major, minor, patch);
    // On a channel's branch (`[release] channels`), a stable release only on purpose: `relhook
    // release` alone makes the channel's pre-release again, which is what is refused here.
    let branch = repo.branch();
    match branch
        .as_deref()
        .and_then(|b| Some((b, config.release.channel(b)?)))
    {
        Some((branch, channel)) => ways.push(format!(
            "release {stable} (`{}`: branch {branch} makes {} pre-releases)",
            super::channel::on_purpose(config, &stable),
            channel.id
        )),
        None => ways.push(format!("release {stable}")),
    }
    Some((
        format!(
            "pre-release `{ours}` cannot follow {greatest}: SemVer orders `{ours}` before `{theirs}`, so {computed} would sort below it"
        ),
        ways.join(", or "),
    ))
}

fn core(v: &Version) -> (u64, u64, u64) {
    (v.major, v.minor, v.patch)
}

/// The pre-release's first identifier (`beta` of `beta.2`).
fn first_identifier(v: &Version) -> &str {
    v.pre.as_str().split('.').next().unwrap_or("")
}
