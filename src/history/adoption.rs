//! The commits made before `relhook install` adopted this repository (the note
//! [`crate::git::Adoption`]): they never met relhook's hooks, so nothing judges them; pre-push,
//! `relhook check` and a release count them instead.
//!
//! A commit is from before the install when a tip the note records reaches it, or when it
//! carries over the author and message of such a commit (see
//! [`crate::git::StoredCommit::carried_key`]): a rebase after the install (a branch started
//! before it, `git pull --rebase`, a `git rebase -i` of commits pushed before it) makes new
//! ids, and keeps both. A commit made since cannot pass for one: its message was written since
//! (a `--no-verify` commit, an amend that changes the message), unless it also takes an old
//! commit's author and date, second for second. Author dates alone would not do: anything
//! committed with a date set by hand, or moved by a wrong clock, would pass unjudged.
//!
//! The commits the range's base already reaches (what the remote had) are read only when a
//! commit might be a rewrite of one: authored no later than the install (a rewrite keeps the
//! author date), and not matched among the commits above the base. Its original was committed
//! no earlier than it was authored, so the walk down the noted history stops a day (for
//! clocks) below that date, and goes on from there for the next such commit: at most one walk
//! of the history per run, and none for what is authored after the install.

use std::collections::HashSet;

use git2::Oid;

use crate::Result;
use crate::commit::lint::Verdict;
use crate::git::{Descent, Range, Repo, StoredCommit};

/// How far below a commit's author date its original may have been committed: clocks that
/// were off.
const SKEW: i64 = 86_400;

/// The commits from before the install that `hidden` (what a remote has, the range's base)
/// does not reach, and what they carry over to a rewrite of them.
#[derive(Debug, Default)]
pub struct BeforeInstall {
    ids: HashSet<Oid>,
    keys: HashSet<[u8; 20]>,
    /// The note's tips still here: every commit they reach is from before the install.
    pub tips: Vec<Oid>,
    /// When the install noted them (seconds since the epoch).
    pub when: Option<i64>,
    /// The tags there were then, each with the object its ref named (see
    /// [`crate::git::Adoption::tags`]).
    tags: HashSet<(String, Oid)>,
    /// The walk down the history the base hides (see the module), once a commit asked for it;
    /// `None` before, and for good when the base hid nothing or the walk failed.
    below: Option<Descent>,
    /// Whether [`BeforeInstall::below`] may still be started.
    may_descend: bool,
}

impl BeforeInstall {
    /// Reads the note and walks the commits it records, down to `hidden`. Empty when relhook
    /// adopted nothing here (no note: installed on an empty repository, or over its own hooks).
    pub fn load(repo: &Repo, hidden: &[Oid]) -> Result<BeforeInstall> {
        let Some(note) = repo.adoption() else {
            return Ok(BeforeInstall::default());
        };
        let mut out = BeforeInstall {
            tips: note.tips,
            when: note.when,
            tags: note.tags.into_iter().collect(),
            may_descend: !hidden.is_empty(),
            ..BeforeInstall::default()
        };
        let range = Range {
            tips: out.tips.clone(),
            hidden: hidden.to_vec(),
            single: false,
            describe: String::new(),
        };
        repo.walk(&range, |c| {
            out.keys.insert(c.carried_key());
            out.ids.insert(c.id);
            true
        })?;
        Ok(out)
    }

    /// Whether `c` was made before the install: one of its commits, or a rewrite of one.
    pub fn contains(&self, c: &StoredCommit) -> bool {
        self.ids.contains(&c.id) || (!self.keys.is_empty() && self.keys.contains(&c.carried_key()))
    }

    /// The note alone, with no walk of its commits: enough for [`tag_before_install`], whose
    /// question about a commit the note's tips answer, for a caller that asks only about tags
    /// (doctor, which must stay fast on a long history with no remote).
    pub fn noted(repo: &Repo) -> BeforeInstall {
        let Some(note) = repo.adoption() else {
            return BeforeInstall::default();
        };
        BeforeInstall {
            tips: note.tips,
            when: note.when,
            tags: note.tags.into_iter().collect(),
            ..BeforeInstall::default()
        }
    }

    /// Whether `c` was made before the install: [`BeforeInstall::contains`], or a rewrite of a
    /// commit the base hides (one pushed before the install), looked for down the history (see
    /// the module). A walk that fails to read history finds nothing more: `c` is judged.
    pub fn holds(&mut self, repo: &Repo, c: &StoredCommit) -> bool {
        if self.contains(c) {
            return true;
        }
        let authored = c.author_time();
        if self.tips.is_empty() || self.when.is_none_or(|when| authored > when) {
            return false;
        }
        if self.below.is_none() && std::mem::take(&mut self.may_descend) {
            self.below = repo.descent(&self.tips).ok();
        }
        let Some(mut below) = self.below.take() else {
            return false;
        };
        let key = c.carried_key();
        let mut found = false;
        let walked = repo.descend(&mut below, authored.saturating_sub(SKEW), |old| {
            let k = old.carried_key();
            self.keys.insert(k);
            self.ids.insert(old.id);
            found = k == key;
            !found
        });
        if walked.is_ok() {
            self.below = Some(below);
        }
        found
    }

    /// Whether tag `name` named `target` when relhook was installed: a tag from before the
    /// install, lightweight or not (moved or made again since, it names something else).
    pub fn had_tag(&self, name: &str, target: Oid) -> bool {
        self.tags.contains(&(name.to_owned(), target))
    }

    /// Whether commit `id` is one of the walked commits from before the install.
    pub fn has_id(&self, id: Oid) -> bool {
        self.ids.contains(&id)
    }
}

/// Whether a pushed tag `name` (`target`, on `commit`) is history from before `relhook install`
/// here: one the install noted as it is (lightweight or annotated), or an annotated tag made
/// before the install noted HEAD, on a commit from before it (an older relhook's note names no
/// tags). Never judged by relhook's rules then (it predates them); a tag made since is judged.
pub fn tag_before_install(
    repo: &Repo,
    before_install: &BeforeInstall,
    name: &str,
    target: Oid,
    commit: Option<Oid>,
) -> bool {
    if before_install.had_tag(name, target) {
        return true;
    }
    let (Some(commit), Some(when)) = (commit, before_install.when) else {
        return false;
    };
    let old_commit =
        before_install.has_id(commit) || repo.held_by_any(&before_install.tips, commit);
    old_commit && repo.tagger_time(target).is_some_and(|t| t <= when)
}

/// Whether `c` carries over a commit from before `relhook install` here (a cherry-pick keeps
/// its author and message), which pre-push lets go as that commit. Asked only of a commit
/// authored before the install (nothing is read otherwise), among what no remote has.
pub fn carried_from_before(repo: &Repo, c: &StoredCommit) -> bool {
    let Some(note) = repo.adoption() else {
        return false;
    };
    if note.when.is_none_or(|when| c.author_time() > when) {
        return false;
    }
    let hidden = repo.remote_tracking_commits("*");
    BeforeInstall::load(repo, &hidden).is_ok_and(|mut before| before.holds(repo, c))
}

/// git's `Revert "<header>"` of a commit from before `relhook install` here (adopting relhook
/// on a history of `Fix the thing`): the header it quotes is that commit's, which relhook never
/// judged and pre-push lets go, not the reverter's words. Its findings on the header are let
/// go as that commit's; the rest of the message is judged as ever. Read only for a revert
/// that fails: `message` is its text, with git's `This reverts commit <id>.` line, and the
/// commit it names must be one the install noted, with exactly the quoted header.
pub fn revert_of_old(repo: &Repo, message: &str, verdict: &mut Verdict) {
    if !verdict.failed() {
        return;
    }
    // git's `Reapply "<header>"` of such a revert undoes it: the same old commit's words; so
    // does `Revert "Revert "<header>""`, as git before 2.43 names it (unless the old history
    // had a `Revert "<header>"` of its own, which that reverts).
    let old = match verdict.header.strip_prefix("Revert \"") {
        Some(rest) => {
            let quoted = crate::commit::parse::unquoted(rest);
            quoted
                .strip_prefix("Revert \"")
                .and_then(|q| q.strip_suffix('"'))
                .and_then(|inner| old_reverted(repo, message, inner, true))
                .or_else(|| old_reverted(repo, message, quoted, false))
        }
        None => match verdict.header.strip_prefix("Reapply \"") {
            Some(rest) => old_reverted(repo, message, crate::commit::parse::unquoted(rest), true),
            None => return,
        },
    };
    let Some(old) = old else {
        return;
    };
    let header = verdict.header.trim_end().to_owned();
    verdict
        .diagnostics
        .retain(|d| d.source_line.trim_end() != header);
    if verdict.diagnostics.is_empty() {
        verdict.ignored = Some(format!(
            "git's revert of {}, a commit from before `relhook install` here",
            crate::git::short_id(old)
        ));
    }
}

/// The commit from before `relhook install` whose header is `quoted` that a revert's
/// `message` reverts (`reapply`: the revert of it that the message reverts), if any.
fn old_reverted(repo: &Repo, message: &str, quoted: &str, reapply: bool) -> Option<Oid> {
    let reverted = |text: &str| {
        crate::commit::parse::reverted_commit(text).and_then(|id| repo.revision_commit(&id))
    };
    let mut old = reverted(message)?;
    if reapply {
        // The revert it undoes, of the old commit itself.
        if repo.stored_commit(old)?.header() != format!("Revert \"{quoted}\"") {
            return None;
        }
        old = reverted(&repo.commit_text(old)?)?;
    }
    if repo.stored_commit(old).is_none_or(|c| c.header() != quoted) {
        return None;
    }
    let note = repo.adoption()?;
    repo.held_by_any(&note.tips, old).then_some(old)
}
