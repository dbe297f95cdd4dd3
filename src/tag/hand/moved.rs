//! A release tag moved (`git tag -f`, `git update-ref`): refused, as pre-push refuses the move
//! of a published one.

use crate::config::Config;
use crate::git::Repo;

use super::{Update, version_of};

/// Why `git tag -f` may not move release tag `u` (`tag_prefix` + SemVer): what a release tag
/// names is what was released, so it is never moved or replaced, as pre-push refuses for a
/// published one. A name that only looks like a release's is judged as a new tag (refused as
/// not SemVer).
pub fn moved(repo: &Repo, config: &Config, u: &Update) -> Option<String> {
    let old = u.old?;
    version_of(config, &u.tag)?;
    let at = repo.peel_to_commit(old).unwrap_or(old);
    // A package's next release is its own (`--package`): a plain release refuses there.
    let release = config.release_command();
    // Made again on the same commit (a new message), or moved onto commits that hold
    // nothing a release ships: no later work to release (`relhook release` would refuse).
    let to = repo.peel_to_commit(u.new).unwrap_or(u.new);
    let later = match crate::release::work_since(repo, config, at, to) {
        false => String::new(),
        true => format!("release the later work as a new version (`{release}`), or, "),
    };
    // The replacement as asked for, pasted past the hook (which refuses it): on the commit the
    // tag was to move to (the message is for the user to change).
    let again = config.hand_tag_command(&u.tag);
    Some(format!(
        "{0} already tags {1}, and a release tag is never moved or replaced (what it names, and its message, the notes, are what was released); {later}if you really mean to replace {0}: `git tag -d {2}`, then `RELHOOK_SKIP=1 {again} {3}`",
        u.tag,
        crate::git::short_id(at),
        crate::shellword::quote(&u.tag),
        crate::git::short_id(to)
    ))
}
