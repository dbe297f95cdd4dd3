//! The entry a commit's message calls for, and the entry of the change a revert reverts.

use git2::Oid;

use super::Accumulated;
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::entry::{Forge, NewEntry};

/// The entry of the change a commit's message reverts (git's `Revert "<header>"`, or a
/// `revert:` commit), if any; with whether that change is released, when that can be told
/// in a repository of one tag line: by the commit the message names (`This reverts commit
/// <id>.`), else by a commit of the reverted header since the last release tag.
/// A `revert:` commit that names nothing reverts what REVERT_HEAD named (`noted`), or
/// the commit whose change it undoes ([`super::unnamed_revert`]).
pub(super) fn reverted_entry(
    repo: &Repo,
    commit: Oid,
    config: &Config,
    noted: Option<Oid>,
) -> Option<(NewEntry, Option<bool>)> {
    let message = repo.commit_text(commit)?;
    let target = match crate::history::changelog::entry::revert_key(
        &crate::history::reverts::untruncated(repo, &message),
    )
    .reverts
    {
        Some(t) => t,
        None => super::unnamed_revert::told(repo, commit, config, noted)?,
    };
    let entry = crate::history::reverts::reverted_change_entry(repo, &target, &config.changelog)?;
    // The words alone cannot tell a released `fix: typo` from a later one of the same words
    // (the other's entry is the one in Unreleased, or in a release). A monorepo's packages
    // each have tags of their own: left to the words.
    if !config.packages.is_empty() {
        return Some((entry, None));
    }
    let tag = repo
        .latest_release_tag(commit, &config.version.tag_prefix)
        .and_then(|(_, tag)| repo.peel_to_commit(tag));
    let released = match target.commit.as_deref() {
        Some(id) => repo
            .revision_commit(id)
            .map(|id| tag.is_some_and(|t| t == id || repo.reaches(t, id))),
        // Named by header only: the nearest older commit with it, as `--sync` pairs them; one
        // since the last release is unreleased (a released one of the same words aside).
        None => unreleased_with_header(repo, commit, tag, &target.header).then_some(false),
    };
    Some((entry, released))
}

/// Whether a commit below `commit` and above the release tag `tag` has `header`.
fn unreleased_with_header(repo: &Repo, commit: Oid, tag: Option<Oid>, header: &str) -> bool {
    let Some(parent) = repo.first_parent(commit) else {
        return false;
    };
    let range = crate::git::Range {
        tips: vec![parent],
        hidden: tag.into_iter().collect(),
        single: false,
        describe: String::new(),
    };
    let mut found = false;
    let _ = repo.walk(&range, |c| {
        found = c.header() == header;
        !found
    });
    found
}

/// Why commit `head` gets no entry though its message may call for one (`entry`: it does):
/// a message relhook cannot decode (`--no-verify` past commit-msg: its entry would be
/// mojibake, and pre-push refuses the commit until it is reworded), or a merge made again
/// under a Conventional header (`git commit --amend` of a merge: merges carry no entry of
/// their own, as history counts them, and its branch's entries are no squash's to replace).
pub(super) fn withheld(repo: &Repo, head: Oid, amend: bool, entry: bool) -> Option<Accumulated> {
    if let Some(name) = entry.then(|| repo.unreadable_encoding(head)).flatten() {
        return Some(Accumulated::Refused(format!(
            "no entry added: the message is not UTF-8 (its encoding: {name}), which relhook cannot read, and pre-push refuses it; reword it in UTF-8 (`git config i18n.commitEncoding UTF-8`, then `git commit --amend`)"
        )));
    }
    if amend && repo.is_merge(head) {
        return Some(match entry {
            true => Accumulated::Notice(format!("no entry added: {MERGE_CARRIES_NONE}")),
            false => Accumulated::Skipped(MERGE_CARRIES_NONE.into()),
        });
    }
    None
}

/// Why a merge commit gets no entry, whatever its message.
const MERGE_CARRIES_NONE: &str =
    "a merge commit carries no entry of its own (its branch's commits carry theirs)";

/// What post-commit says of a merge commit concluded by hand (`git commit` after `git merge
/// --no-commit` or a conflict) that needs nothing put back: nothing, unless its message calls
/// for an entry (`feat: add the topic feature`), which it does not get, as its amend does not.
pub(super) fn merge_concluded(repo: &Repo, head: Oid, config: &Config) -> Accumulated {
    let forge = std::cell::OnceCell::new();
    match entry_of(repo, head, config, &forge) {
        Some(_) => Accumulated::Notice(format!("no entry added: {MERGE_CARRIES_NONE}")),
        None => {
            Accumulated::Skipped("the merge keeps every entry its parents had unreleased".into())
        }
    }
}

/// What post-commit says of commit `head` that gets no entry because the project's git-cliff
/// `commit_parsers` leave it out, where relhook's own rules would have given it one.
pub(super) fn left_out_by_cliff(repo: &Repo, head: Oid, config: &Config) -> Option<Accumulated> {
    config.changelog.cliff.as_ref()?;
    let message = repo.commit_text(head)?;
    let why =
        crate::history::changelog::cliff_parsed::left_out_by_cliff(&message, &config.changelog)?;
    Some(Accumulated::Notice(format!("no entry added: {why}")))
}

/// The entry a commit's message calls for.
pub(super) fn entry_of(
    repo: &Repo,
    commit: Oid,
    config: &Config,
    forge: &std::cell::OnceCell<Option<Forge>>,
) -> Option<NewEntry> {
    // In its declared encoding (a Latin-1 commit's `é` is not U+FFFD), as `sync` reads it; a
    // fixup chain's middle step without the comments git leaves in it.
    let message = crate::history::fixup_chain::message(repo, commit)?;
    // Links are made only of `#<digits>` in the entry's text: without a `#` the forge
    // changes nothing, and finding it costs more than the entry (the remote's config).
    let plain = crate::history::reverts::commit_entry(repo, &message, &config.changelog, None)?;
    if !plain.text.contains('#') {
        return Some(plain);
    }
    let forge = forge.get_or_init(|| crate::history::sync::forge(repo));
    crate::history::reverts::commit_entry(repo, &message, &config.changelog, forge.as_ref())
}
