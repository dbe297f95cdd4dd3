//! A `git rebase -i` fixup chain (`pick A`, `fixup -C C`, `fixup D`): git amends the chain's
//! first commit once per step, and stores each step's message but the last as it wrote it for
//! the editor, `# This is a combination of 2 commits.` and all. Such a middle step stands for
//! the message left once the comment lines are out (the `-C` one's, else the pick's), and the
//! last step replaced every message of the chain before it: their entries are all stale.

use git2::Oid;

use crate::commit::message::{Cleanup, CommentPrefix, clean};
use crate::git::Repo;

/// How far back HEAD's reflog is read for the steps of a chain.
const STEPS_READ: usize = 200;

/// The message `commit` stands for: its own, or a middle step's with git's comments out.
pub fn message(repo: &Repo, commit: Oid) -> Option<String> {
    let raw = repo.commit_text(commit)?;
    Some(middle_step(&raw).unwrap_or(raw))
}

/// Whether `commit` is a middle step of a fixup or squash chain.
pub fn is_middle_step(repo: &Repo, commit: Oid) -> bool {
    repo.commit_text(commit)
        .is_some_and(|m| middle_step(&m).is_some())
}

/// The commits whose messages the rebase step that replaced `old` replaced, newest first:
/// `old` and, while that one is a chain's middle step, the commit its step replaced in turn,
/// back to the chain's pick.
pub fn replaced(repo: &Repo, old: Oid) -> Vec<Oid> {
    let mut out = vec![old];
    if !is_middle_step(repo, old) {
        return out;
    }
    let steps = repo.amends(STEPS_READ);
    let mut at = old;
    while is_middle_step(repo, at)
        && let Some(step) = steps
            .iter()
            .find(|a| a.reword && a.new == at && !out.contains(&a.old))
    {
        at = step.old;
        out.push(at);
    }
    out
}

/// The message a middle step's `raw` text stands for; `None` for any other message. Its first
/// line is git's comment string (`core.commentChar`) and `This is a combination of N commits.`
fn middle_step(raw: &str) -> Option<String> {
    let (prefix, rest) = raw.lines().next()?.split_once(' ')?;
    if prefix.is_empty() || !rest.starts_with("This is a combination of ") {
        return None;
    }
    let comment = CommentPrefix::Fixed(prefix.to_owned());
    Some(clean(raw, Cleanup::Strip, &comment).text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_middle_step_stands_for_its_uncommented_message() {
        let fixup_c = "# This is a combination of 2 commits.\n# The 1st commit message will be skipped:\n\n# feat: add a\n\n# This is the commit message #2:\n\nfeat: add b\n";
        assert_eq!(middle_step(fixup_c).as_deref(), Some("feat: add b"));
        let fixup = "; This is a combination of 2 commits.\n; This is the 1st commit message:\n\nfeat: add a\n\n; The commit message #2 will be skipped:\n\n; fix: b\n";
        assert_eq!(middle_step(fixup).as_deref(), Some("feat: add a"));
        for other in [
            "feat: add a\n",
            "# not a step\n",
            " This is a combination of 2",
        ] {
            assert_eq!(middle_step(other), None, "{other}");
        }
    }
}
