//! Revert pairing: which commits of one range cancel out (a change and its revert, a revert
//! and its reapply), read from each commit's [`RevertKey`].

/// `message` as relhook worded its entry before it kept a revert's own pull request: git's
/// `Revert "fix: x" (#12)` without ` (#12)`, for finding the `revert "x"` an older hook wrote
/// (or a tool that drops the number). `None` for any other message.
pub fn without_own_pull_request(message: &str) -> Option<String> {
    let (header, rest) = message.split_once('\n').unwrap_or((message, ""));
    let pr = crate::commit::parse::commit(header)?
        .reverts?
        .pull_request?;
    let bare = header.strip_suffix(&format!(" (#{pr})"))?;
    Some(if rest.is_empty() {
        bare.to_owned()
    } else {
        format!("{bare}\n{rest}")
    })
}

/// A commit as revert pairing sees it: its header, and what it reverts when it is git's
/// `Revert "<header>"` or a `revert:` commit.
#[derive(Debug, Clone, Default)]
pub struct RevertKey {
    /// The commit's own header.
    pub header: String,
    /// What it reverts: the id the body names, else only the reverted header (a forge's
    /// squash-merged revert, `Revert "feat: x" (#12)`, names no id).
    pub reverts: Option<crate::commit::parse::Reverted>,
}

/// The [`RevertKey`] of a commit message. git's `Reapply "<header>"` reverts the commit
/// `Revert "<header>"` (its `Revert "revert: <header>"`, the commit `revert: <header>`): in
/// one range the two cancel out, and the reapplied change stands.
pub fn revert_key(message: &str) -> RevertKey {
    let header = message.lines().next().unwrap_or("").to_owned();
    let reverts = if let Some(undone) = crate::commit::parse::undone_revert(&header) {
        crate::commit::parse::commit(message.trim_end()).map(|_| crate::commit::parse::Reverted {
            header: undone,
            commit: crate::commit::parse::reverted_commit(message),
            pull_request: None,
        })
    } else if crate::commit::parse::is_revert_header(&header) {
        crate::commit::parse::commit(message.trim_end()).and_then(|c| c.reverts)
    } else {
        None
    };
    RevertKey { header, reverts }
}

/// The commits that cancel out within one range: each git revert whose reverted commit is in
/// the same range, with that commit. Neither gets an entry (the change never shipped), and
/// neither counts towards the version. `newest_first` lists the range's commits with their
/// [`RevertKey`]: a revert finds its commit by the id its body names (`This reverts commit
/// <id>.`), else, naming none, by header (the nearest older commit with the reverted header);
/// a revert of a revert cancels that revert, so the original change stands.
pub fn revert_pairs(
    newest_first: &[(git2::Oid, RevertKey)],
) -> std::collections::HashSet<git2::Oid> {
    revert_partners(newest_first)
        .into_iter()
        .flat_map(|(revert, original)| [revert, original])
        .collect()
}

/// The pairs [`revert_pairs`] cancels: (the revert, the commit it reverts), newest first.
pub fn revert_partners(newest_first: &[(git2::Oid, RevertKey)]) -> Vec<(git2::Oid, git2::Oid)> {
    let mut cancelled = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for (i, (id, key)) in newest_first.iter().enumerate() {
        let Some(target) = &key.reverts else {
            continue;
        };
        if cancelled.contains(id) {
            continue;
        }
        let prefix = target.commit.as_deref().map(str::to_ascii_lowercase);
        let found = newest_first[i + 1..]
            .iter()
            .filter(|(c, _)| !cancelled.contains(c))
            .find(|(c, k)| match &prefix {
                Some(p) => c.to_string().starts_with(p),
                None => k.header == target.header,
            })
            .map(|(c, _)| *c);
        if let Some(c) = found {
            cancelled.insert(*id);
            cancelled.insert(c);
            pairs.push((*id, c));
        }
    }
    pairs
}

/// `partners` ([`revert_partners`] of `newest_first`) with, for each revert that a later one
/// undid (git's `Reapply`), that revert paired with the commit it reverts in turn: what a
/// revert took out of the file accounts for nothing, though the change came back (the
/// reapply's own change to the file does, when it put the entry back).
pub fn revert_chain(
    newest_first: &[(git2::Oid, RevertKey)],
    partners: &[(git2::Oid, git2::Oid)],
) -> Vec<(git2::Oid, git2::Oid)> {
    let is_revert = |id: &git2::Oid| {
        newest_first
            .iter()
            .any(|(c, k)| c == id && k.reverts.is_some())
    };
    let undoers: std::collections::HashSet<git2::Oid> = partners
        .iter()
        .filter(|(_, undone)| is_revert(undone))
        .map(|(r, _)| *r)
        .collect();
    let mut out = partners.to_vec();
    if undoers.is_empty() {
        return out;
    }
    let rest: Vec<_> = newest_first
        .iter()
        .filter(|(c, _)| !undoers.contains(c))
        .cloned()
        .collect();
    for pair in revert_partners(&rest) {
        if !out.contains(&pair) {
            out.push(pair);
        }
    }
    out
}
