//! A revert of one of two unreleased changes worded alike (`fix: handle empty input` made
//! twice, in two commits): their one entry in Unreleased is the other's too, and stays while
//! that one stands, as `--sync` and `--rebuild` pair a revert with one commit only.

use git2::Oid;

use super::op::{self, Op};
use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::entry::NewEntry;
use crate::history::changelog::{Changelog, normalize, one_line};

/// The newest commit since the last release tag, other than the one `head` reverts, whose
/// entry is `reverted` (its kind of heading and its words) and that no revert of the range
/// cancels; `None` when there is none, or when `head` pairs with no commit of the range.
/// Walked only for a revert of an unreleased change.
pub(super) fn standing_twin(
    repo: &Repo,
    config: &Config,
    head: Oid,
    reverted: &NewEntry,
) -> Option<Oid> {
    let tag = repo
        .latest_release_tag(head, &config.version.tag_prefix)
        .and_then(|(_, tag)| repo.peel_to_commit(tag));
    let range = Range {
        tips: vec![head],
        hidden: tag.into_iter().collect(),
        single: false,
        describe: String::new(),
    };
    // Newest first, as the pairing reads them; merges carry no entry of their own.
    let mut commits = Vec::new();
    repo.walk(&range, |c| {
        commits.push((c.id, c.text().into_owned(), c.parents));
        true
    })
    .ok()?;
    use crate::history::changelog::entry::{revert_key, revert_partners};
    let mut keys: Vec<_> = commits
        .iter()
        .map(|(id, m, _)| {
            let m = crate::history::reverts::untruncated(repo, m);
            (*id, revert_key(&m))
        })
        .collect();
    crate::history::reverts::by_header_when_rewritten(repo, &mut keys);
    let partners = revert_partners(&keys);
    if !partners.iter().any(|(r, _)| *r == head) {
        return None;
    }
    let cancelled: std::collections::HashSet<Oid> =
        partners.iter().flat_map(|(r, o)| [*r, *o]).collect();
    let key = normalize(&reverted.text);
    commits
        .iter()
        .filter(|(id, _, parents)| *parents < 2 && !cancelled.contains(id))
        .find(|(_, m, _)| {
            crate::history::reverts::commit_entry(repo, m, &config.changelog, None)
                .is_some_and(|e| e.section == reverted.section && normalize(&e.text) == key)
        })
        .map(|(id, _, _)| *id)
}

/// The edit for a revert whose reverted entry another commit (`twin`) still carries: none when
/// Unreleased lists it (the line that says why), else the entry put back (git's revert of the
/// file took it out with the reverted commit's own change to it).
pub(super) fn kept(
    log: &Changelog,
    shown: &str,
    reverted: &NewEntry,
    twin: Oid,
) -> Result<Op, String> {
    if op::in_unreleased(log, reverted) {
        let section = log.section_name(&reverted.section, reverted.breaking);
        return Err(format!(
            "{shown}: kept `{} {}` under {section}: {}",
            log.marker(),
            one_line(&reverted.text),
            why(twin)
        ));
    }
    Ok(Op::Keep(reverted.clone(), twin))
}

/// Why the entry stays.
pub(super) fn why(twin: Oid) -> String {
    format!(
        "another unreleased commit ({}) has the same entry, and this revert takes out only its own change",
        crate::git::short_id(twin)
    )
}
