//! A release that signs, refused before anything is written when git cannot sign here: its
//! tag is signed under `--sign`, `[release] sign = true` or git's `tag.gpgSign` (the CLI
//! folds that into `--sign`, as `git tag -a` would sign anyway), its commit under git's
//! `commit.gpgSign`. A dry run refuses as the release does; a release that signs nothing
//! starts no program for it.

use super::Options;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// Refuses, naming what is missing and the command that fixes it, when the release signs
/// its tag or (`commit`: a release commit is still to be made) its commit and git cannot
/// sign here (`Repo::cannot_sign`, which really signs a throwaway commit).
pub(crate) fn signing_works(
    repo: &Repo,
    config: &Config,
    opts: &Options,
    commit: bool,
) -> Result<()> {
    let signs = what_signs(repo, config, opts, commit);
    if signs.is_empty() {
        return Ok(());
    }
    let Some(no) = repo.cannot_sign()? else {
        return Ok(());
    };
    Err(Error::Refused(Refusal::new(
        Reason::Signing,
        format!("the release signs {}, but {}", signs.join(" and "), no.what),
        with_unsigned_way(no.fix, repo, config, commit),
    )))
}

/// `fix`, and where only `[release] sign = true` makes the release sign, the other way out:
/// releasing unsigned (the key alone left people to guess the setting was theirs).
pub(crate) fn with_unsigned_way(fix: String, repo: &Repo, config: &Config, commit: bool) -> String {
    let git_signs = repo.signs_tags() || (commit && repo.signs_commits());
    if config.release.sign && !git_signs {
        format!("{fix}; or release unsigned: `sign = false` under `[release]` in .relconfig.toml")
    } else {
        fix
    }
}

/// What the release signs (`its tag (…)`, `its commit (…)`) and the setting that makes it.
pub(crate) fn what_signs(
    repo: &Repo,
    config: &Config,
    opts: &Options,
    commit: bool,
) -> Vec<&'static str> {
    // The project's setting is named first: it is the one a teammate may not know is set.
    let tag = (opts.sign || config.release.sign).then(|| {
        match (config.release.sign, repo.signs_tags()) {
            (true, true) => "its tag (`[release] sign = true` in .relconfig.toml, `tag.gpgSign`)",
            (true, false) => "its tag (`[release] sign = true` in .relconfig.toml)",
            (false, true) => "its tag (`tag.gpgSign`)",
            (false, false) => "its tag (`--sign`)",
        }
    });
    let commit = (commit && repo.signs_commits()).then_some("its commit (`commit.gpgSign`)");
    [commit, tag].into_iter().flatten().collect()
}

/// For a hand tag whose release commit relhook is to make and git signs (`commit.gpgSign`):
/// when git cannot sign here, why, with the fixes (the signing setup's; or an unsigned release
/// commit, `git -c commit.gpgSign=false tag`, which the hook reads as git does). `relhook
/// release` is no fix: it refuses alike. Runs the signing program only under `commit.gpgSign`.
pub fn hand_tag_cannot_sign(repo: &Repo, config: &Config, tag: &str) -> Option<String> {
    if !repo.signs_commits() {
        return None;
    }
    let no = repo.cannot_sign().ok()??;
    let unsigned = unsigned_hand_tag(config, tag);
    Some(format!(
        "relhook signs the release commit it makes for it (`commit.gpgSign`), but {}; {}, then tag again, or for an unsigned release commit: `{unsigned}`",
        no.what, no.fix
    ))
}

/// The tag made again as pasted, with `commit.gpgSign` off for this one command only.
fn unsigned_hand_tag(config: &Config, tag: &str) -> String {
    config
        .hand_tag_command(tag)
        .replacen("git ", "git -c commit.gpgSign=false ", 1)
}

/// What finishes a hand tag whose release commit could not be made (`; …`, `version` as
/// `relhook release` takes it, `error` why): that release, unless git cannot sign here (a key
/// that stopped after `prepared` found it signs), when the release would fail alike: the
/// signing problem. Where the signing program failed as it signed that commit, its word is
/// said already ([`Error::SigningFailed`]): the tag again once it signs, not asked again.
pub fn hand_tag_retry(
    repo: &Repo,
    config: &Config,
    tag: &str,
    version: &str,
    error: &Error,
) -> String {
    if matches!(error, Error::SigningFailed { .. }) {
        return format!(
            "; once it signs again, tag again: `{}`, or for an unsigned release commit (relhook signs it under `commit.gpgSign`): `{}`",
            config.hand_tag_command(tag),
            unsigned_hand_tag(config, tag)
        );
    }
    match hand_tag_cannot_sign(repo, config, tag) {
        Some(why) => format!("; {why}"),
        None => format!("; `relhook release {version}` makes both"),
    }
}
