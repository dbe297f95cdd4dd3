//! A lightweight release tag's refusal, with the way to an annotated one that works pasted
//! where the tag is: being made (the hook's `prepared` state) or already there (pre-push,
//! doctor: a `git tag -a` of its name fails until it is deleted).

use git2::Oid;

use super::rules::{Depth, HandTags};
use crate::config::Config;

/// How a lightweight release tag is told apart from the other problems.
pub(super) const LIGHTWEIGHT: &str = "` is a lightweight tag; release tags are annotated";

/// Why lightweight release tag `name` is refused, with the way to an annotated one. Being
/// made (`Depth::Create`): by hand (`git tag -a`) or the release command. Already there
/// (`Depth::Publish`, found by pre-push or doctor, hooks bypassed): deleted first, then made
/// again on `alone`, the commit it names, when nothing else is wrong there, else released
/// (as `version` when one may still be).
pub(super) fn lightweight(
    config: &Config,
    name: &str,
    depth: Depth<'_>,
    alone: Option<Oid>,
    version: Option<&str>,
) -> String {
    let q = crate::shellword::quote(name);
    let release = match version {
        Some(v) => format!("{} {v}", config.release_command()),
        None => config.release_command(),
    };
    let way = match (depth, alone) {
        (Depth::Publish(..), Some(c)) => {
            format!("made again where it is: `{}`", again_here(config, name, c))
        }
        (Depth::Publish(HandTags::Plain, _), None) => format!(
            "`git tag -d {q} && {release}` makes one; a tag made by hand is a plain tag in this clone"
        ),
        (Depth::Publish(HandTags::Released, _), None) => {
            format!("deleted and released: `git tag -d {q} && {release}`")
        }
        (Depth::Create, _) => format!(
            "`{}`, or `{}`",
            config.hand_tag_command(name),
            config.release_command()
        ),
    };
    format!(
        "`{name}{LIGHTWEIGHT} ({way}), since `git describe` and the forges ignore lightweight ones"
    )
}

/// Lightweight release tag `name`'s refusal where no release makes it (its commit released,
/// nothing since): the other problems say what goes, so no way to an annotated one is named.
pub(super) fn unreleasable(name: &str) -> String {
    format!("`{name}{LIGHTWEIGHT}, since `git describe` and the forges ignore lightweight ones")
}

/// The command that makes lightweight release tag `name`, there already, again annotated on
/// `commit`, where nothing else is wrong with it: deleted first (a `git tag -a` of its name
/// fails while it is there), signed where releases are (an unsigned one is refused in turn).
pub(super) fn again_here(config: &Config, name: &str, commit: Oid) -> String {
    let q = crate::shellword::quote(name);
    let kind = if config.release.sign { "-s" } else { "-a" };
    format!(
        "git tag -d {q} && git tag {kind} {q} {} -m {q}",
        crate::git::short_id(commit)
    )
}
