//! A revert of a change the changelog lists nowhere once git's revert is made. Decided as
//! `--sync` decides it (and so the next release): a revert and the change it reverts cancel
//! out only when both are in the range since the last release tag. The change released (before
//! relhook adopted the clone, whose changelog has no section for it), the revert takes a
//! shipped change back and gets its own entry. Not released, neither ships: said in one line,
//! unless git's revert took the change's entry out of Unreleased (the usual case, seen in the
//! commit's diff).

use git2::Oid;

use crate::config::Config;
use crate::git::{Range, Repo};
use crate::history::changelog::Changelog;
use crate::history::changelog::entry::{NewEntry, revert_key};

/// Whether the change that revert `head` reverts is unreleased: in the range since the last
/// release tag (of the changelog at `path`: its package's tags in a monorepo), found by the
/// id the revert's body names, else (a squash-merged revert names none, or names one outside
/// its history) by its header, as `--sync` pairs them. `None` when `head` reverts nothing this can tell.
pub(super) fn reverts_unreleased(
    repo: &Repo,
    config: &Config,
    head: Oid,
    path: &std::path::Path,
) -> Option<bool> {
    let message = repo.commit_text(head)?;
    let target = revert_key(&crate::history::reverts::untruncated(repo, &message)).reverts?;
    let prefix = config
        .packages
        .iter()
        .find(|p| p.changelog == path)
        .map_or(config.version.tag_prefix.as_str(), |p| p.tag.prefix());
    let last = repo
        .latest_release_tag_except(head, prefix, None)
        .map(|(_, at)| at);
    let released = |id: Oid| last.is_some_and(|at| at == id || repo.reaches(at, id));
    // A named commit outside the revert's history (rebased or amended after the revert was
    // made, or not in this repository) is looked for by header, as `--sync` pairs it.
    let named = target
        .commit
        .as_deref()
        .and_then(|n| repo.revision_commit(n));
    if let Some(id) = named.filter(|id| *id != head && repo.reaches(head, *id)) {
        return Some(!released(id));
    }
    let range = Range {
        tips: vec![head],
        hidden: last.into_iter().collect(),
        ..Range::default()
    };
    let mut found = false;
    let walked = repo.walk(&range, |c| {
        let header = String::from_utf8_lossy(&c.message);
        found = c.id != head && header.lines().next() == Some(target.header.as_str());
        !found
    });
    walked.ok().map(|()| found)
}

/// Whether git's revert took `reverted`'s entry out of Unreleased (its parent lists it there):
/// the pair is gone from the file as from the release, which needs no word.
pub(super) fn taken_out(
    repo: &Repo,
    head: Oid,
    path: &std::path::Path,
    reverted: &NewEntry,
) -> bool {
    repo.first_parent(head)
        .and_then(|parent| repo.file_at(parent, path).ok().flatten())
        .and_then(|file| String::from_utf8(file.bytes).ok())
        .and_then(|text| Changelog::parse(&text).ok())
        .is_some_and(|log| log.contains_entry(&reverted.text, true))
}

/// The entries `head`'s parent had unreleased that revert `head` lacks everywhere, besides
/// what the reverted commit wrote and a rewording of `reverted`: taking one side of a conflict
/// in the file (`git checkout --theirs`, the reverted commit's parent) drops what came after
/// it. Nothing when the revert names no commit of this repository.
pub(super) fn dropped(
    repo: &Repo,
    head: Oid,
    path: &std::path::Path,
    log: &Changelog,
    reverted: &NewEntry,
) -> Vec<NewEntry> {
    use crate::history::changelog::{normalize, rewords};
    let Some(parent) = repo
        .first_parent(head)
        .and_then(|p| repo.file_at(p, path).ok().flatten())
        .and_then(|file| String::from_utf8(file.bytes).ok())
        .and_then(|text| Changelog::parse(&text).ok())
    else {
        return Vec::new();
    };
    let have = log.all_entry_texts();
    let own = normalize(&reverted.text);
    // What the reverted commits wrote (a squash's kept entries too) goes with them: those the
    // revert's body names, and any other it undoes (`git revert -n A B` names only one).
    let Some(message) = repo
        .commit_text(head)
        .map(|m| crate::history::reverts::untruncated(repo, &m).into_owned())
    else {
        return Vec::new();
    };
    let named: Vec<Oid> = crate::commit::parse::reverted_commits(&message)
        .iter()
        .filter_map(|n| repo.revision_commit(n))
        .collect();
    // Only a resolution that took the reverted side whole (`git checkout --theirs`: a named
    // commit's parent's copy) drops what came after it. A file git's merge made is left so:
    // `git revert -n HEAD HEAD~2` names HEAD~2 alone, yet took HEAD's entry out too.
    let now = repo.blob_at(head, path);
    let theirs = |c: &Oid| repo.first_parent(*c).map(|p| repo.blob_at(p, path));
    if now.is_none() || !named.iter().any(|c| theirs(c) == Some(now)) {
        return Vec::new();
    }
    let mut lost: Vec<_> = parent
        .unreleased_entries()
        .into_iter()
        .filter(|e| {
            let key = normalize(&e.text);
            !have.contains(&key) && key != own && !rewords(&key, &own)
        })
        .collect();
    if lost.is_empty() {
        return Vec::new();
    }
    let keys = lost.iter().map(|e| normalize(&e.text)).collect();
    let reverted = super::undone::reverted_entries(repo, head, path, &named, &keys);
    lost.retain(|e| !reverted.contains(&normalize(&e.text)));
    lost.into_iter()
        .map(|e| NewEntry {
            breaking: e.text.starts_with("**BREAKING**"),
            section: e.section,
            text: e.text,
        })
        .collect()
}

/// The entry that rewords `reverted`'s by hand in `log`'s Unreleased, among those no commit
/// since the last release words (a commit's own entry that begins alike is not it).
pub(super) fn reworded_entry(
    repo: &Repo,
    config: &Config,
    head: Oid,
    log: &Changelog,
    reverted: &NewEntry,
) -> crate::Result<Option<NewEntry>> {
    let hidden = repo
        .latest_release_tag_except(head, &config.version.tag_prefix, None)
        .map(|(_, at)| at);
    let range = Range {
        tips: vec![head],
        hidden: hidden.into_iter().collect(),
        ..Range::default()
    };
    let made = crate::history::sync::entries_made(repo, config, &range, &Default::default(), None)?;
    Ok(super::op::reworded(log, reverted, &made))
}

/// The line for an amend that made the commit a revert of an unreleased change whose entry
/// was reworded by hand: that rewording stays (an amend's hand edits are the person's, where
/// git's own revert takes it out), and is said, as it would ship; `None` when there is none.
pub(super) fn kept_rewording(
    (repo, config): (&Repo, &Config),
    head: Oid,
    (shown, log): (&impl std::fmt::Display, &Changelog),
    reverted: &NewEntry,
) -> crate::Result<Option<String>> {
    let Some(hand) = reworded_entry(repo, config, head, log, reverted)? else {
        return Ok(None);
    };
    Ok(Some(format!(
        "{shown} keeps `{} {}`, edited by hand, though this commit reverts its change before any release; take it out by hand if it should go with it",
        log.marker(),
        crate::history::changelog::one_line(&log.as_written(&hand.text))
    )))
}

/// For a reapply (`subject`: git's `Reapply "fix: x"`, or any revert of a revert) of a revert
/// that no release has, the entry of the change it brings back (`new`) when the file lists it
/// nowhere: git's revert of the file brings it back, but not a reapply made by hand (`git
/// revert --no-commit`, HEAD's changelog kept), nor one whose conflict in the file was
/// resolved so.
pub(super) fn brought_back(
    log: &Changelog,
    subject: &str,
    new: Option<&NewEntry>,
) -> Option<super::op::Op> {
    crate::commit::parse::reapplied(subject)?;
    let new = new?;
    (!log.contains_entry(&new.text, false)).then(|| super::op::Op::Add(new.clone()))
}

/// The line for a revert that gets no entry: what it reverts never shipped (`Some(true)`), or
/// history could not tell (`None`, `--sync` decides). `back`: the entry of the change the
/// commit brings back, when it reapplies one (git's `Reapply "fix(api)!: x"`).
pub(super) fn notice(
    shown: &impl std::fmt::Display,
    log: &Changelog,
    (reverted, back): (&NewEntry, Option<&NewEntry>),
    unreleased: Option<bool>,
) -> String {
    let what = format!(
        "`{} {}`",
        log.marker(),
        crate::history::changelog::one_line(&log.as_written(&reverted.text))
    );
    // A revert of a revert (git's `Reapply "…"`): the change is back, and so is its entry. Its
    // own entry, not the revert's words unquoted: those lose the scope and breaking marks.
    let reapplied = back
        .map(|e| e.text.as_str())
        .filter(|inner| log.contains_entry(inner, true));
    // A revert of that (`Revert "Reapply "…""`) of a released change: the first revert stands
    // again, and git's revert put its entry back, scoped as the change (a revert's entry
    // carries no breaking mark).
    let unmarked = (reverted.text.strip_prefix("**BREAKING** ")).unwrap_or(&reverted.text);
    let (scope, words) = match unmarked.split_once(":** ") {
        Some((s, w)) if s.starts_with("**") => (format!("{s}:** "), w),
        _ => (String::new(), unmarked),
    };
    let revert_entry = format!("{scope}revert \"{words}\"");
    let revert_back =
        log.contains_entry(&reverted.text, false) && log.contains_entry(&revert_entry, true);
    match (unreleased, reapplied) {
        (Some(true), Some(inner)) => format!(
            "no entry added to {shown}: this commit reapplies the change its unreleased revert took out, and `{} {}` is back in Unreleased with it",
            log.marker(),
            crate::history::changelog::one_line(&log.as_written(inner))
        ),
        (Some(true), None) if revert_back => format!(
            "no entry added to {shown}: this commit reverts the unreleased reapply of {what}, which a release has, and `{} {}` is back in Unreleased with it",
            log.marker(),
            crate::history::changelog::one_line(&log.as_written(&revert_entry))
        ),
        (Some(true), None) => format!(
            "no entry added to {shown}: this commit reverts {what} before any release, so neither ships"
        ),
        _ => format!(
            "no entry added to {shown}: this commit reverts {what}, which the changelog lists nowhere; `relhook changelog --sync` adds the revert's entry if a release shipped it"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> NewEntry {
        NewEntry {
            section: "Fixed".into(),
            text: text.into(),
            breaking: false,
        }
    }

    #[test]
    fn a_scoped_reapply_says_its_change_is_back() {
        let log = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- **BREAKING** **api:** x\n";
        let log = Changelog::parse(log).unwrap();
        let back = entry("**BREAKING** **api:** x");
        let reverted = entry("**api:** revert \"x\"");
        let said = notice(&"CHANGELOG.md", &log, (&reverted, Some(&back)), Some(true));
        assert!(
            said.ends_with("and `- **BREAKING** **api:** x` is back in Unreleased with it"),
            "{said}"
        );
    }

    #[test]
    fn a_revert_of_the_reapply_of_a_released_change_says_the_first_revert_is_back() {
        let log = "# Changelog\n\n## [Unreleased]\n\n### Removed\n\n- **api:** revert \"x\"\n\n## [0.1.0] - 2026-01-01\n\n### Fixed\n\n- **api:** x\n";
        let log = Changelog::parse(log).unwrap();
        let said = notice(
            &"CHANGELOG.md",
            &log,
            (&entry("**api:** x"), None),
            Some(true),
        );
        assert!(
            said.ends_with("reapply of `- **api:** x`, which a release has, and `- **api:** revert \"x\"` is back in Unreleased with it"),
            "{said}"
        );
        // A breaking change's: its revert's entry has no breaking mark.
        let log = log
            .render()
            .replace("- **api:** x", "- **BREAKING** **api:** x");
        let log = Changelog::parse(&log).unwrap();
        let said = notice(
            &"CHANGELOG.md",
            &log,
            (&entry("**BREAKING** **api:** x"), None),
            Some(true),
        );
        assert!(
            said.ends_with("and `- **api:** revert \"x\"` is back in Unreleased with it"),
            "{said}"
        );
        // Listed by no release, it never shipped.
        let log = Changelog::parse("# Changelog\n\n## [Unreleased]\n").unwrap();
        let said = notice(&"CHANGELOG.md", &log, (&entry("x"), None), Some(true));
        assert!(
            said.ends_with("before any release, so neither ships"),
            "{said}"
        );
    }
}
