//! What `relhook check` counted over a range, and the summary line that says it.

use std::io::Write;

use crate::commit::report::{self, Palette};

/// The counts of one `relhook check`.
#[derive(Default)]
pub(super) struct Tally {
    /// Commits judged.
    pub checked: usize,
    /// Judged, and failed.
    pub failed: usize,
    /// Judged, and passed as ignored (`[commit] ignore`, merges).
    pub ignored: usize,
    /// Failed as `fixup!`/`squash!` commits only: squashed, not reworded.
    pub to_squash: usize,
    /// Commits from before `relhook install` here, left unjudged.
    pub before_install: usize,
    /// The range as a revspec (the user's, or `<base>..HEAD`), if it is one: what `--all`
    /// judges whole.
    pub named: Option<String>,
    /// Each failed commit, the newest first, with where a `git rebase -i` that reaches it
    /// starts (its first parent, or `--root`; a `fixup!`'s target's) and how deep in the walk
    /// that start's child is (the deepest start reaches them all).
    pub failed_at: Vec<(git2::Oid, String, usize)>,
    /// How many failed commits a remote-tracking branch or a pushed release tag holds:
    /// published, never to reword.
    pub published: usize,
    /// The pushed release tag that holds published commits, when one was counted.
    pub published_tag: Option<String>,
    /// Whether a remote-tracking branch was counted (the holder the hint names).
    pub by_branch: bool,
    /// Where a `git rebase -i` that reaches every failed commit not published starts.
    pub unpublished_base: Option<String>,
    /// The hint when a local release tag sits above the failed commits: doctor's steps.
    pub local_tags: Option<String>,
}

/// The start of a `git rebase -i` that reaches every one of `failed`.
fn deepest<'a>(failed: impl Iterator<Item = &'a (git2::Oid, String, usize)>) -> Option<String> {
    failed
        .max_by_key(|(.., depth)| *depth)
        .map(|(_, b, _)| b.clone())
}

impl Tally {
    /// Sorts the failed commits into published (a remote-tracking branch or the pushed release
    /// `tag` holds them) and not, with one walk of `range` less what the remotes have; none is
    /// published under `review` (a pull request's branch is pushed to be reviewed, and
    /// reworded).
    pub fn find_published(
        &mut self,
        repo: &crate::git::Repo,
        range: &crate::git::Range,
        review: bool,
        tag: Option<(String, git2::Oid)>,
    ) -> crate::Result<()> {
        let mut remote = repo.remote_tracking_commits("*");
        self.by_branch = !remote.is_empty();
        if let Some((name, commit)) = tag.filter(|_| !review) {
            remote.push(commit);
            self.published_tag = Some(name);
        }
        if self.failed_at.is_empty() || remote.is_empty() || review {
            self.unpublished_base = deepest(self.failed_at.iter());
            return Ok(());
        }
        let mut unpublished = std::collections::HashSet::new();
        // One commit named alone is walked with its ancestors less what the remotes have too:
        // published, it is not among them.
        let mine = crate::git::Range {
            tips: range.tips.clone(),
            hidden: [range.hidden.as_slice(), remote.as_slice()].concat(),
            single: false,
            describe: String::new(),
        };
        repo.walk(&mine, |c| {
            unpublished.insert(c.id);
            true
        })?;
        let (theirs, ours): (Vec<_>, Vec<_>) = self
            .failed_at
            .iter()
            .partition(|(id, ..)| !unpublished.contains(id));
        self.published = theirs.len();
        self.unpublished_base = deepest(ours.into_iter());
        Ok(())
    }

    /// The command that judges the commits from before the install too: with a range,
    /// `--all` and that range (not all of history, which a shallow clone does not have, and
    /// `--all` is not given with `--base`).
    pub fn judge_all(&self) -> String {
        match &self.named {
            Some(spec) => format!("relhook check --all {}", crate::shellword::quote(spec)),
            None => "relhook check --all".to_owned(),
        }
    }

    /// The note on the commits from before the install when others were judged.
    pub fn before_install_note(&self) -> String {
        let n = self.before_install;
        format!(
            "relhook: note: {} from before `relhook install` here {} not judged ({} never met its commit-msg hook; `{}` judges them, `relhook check <commit>` one)",
            report::plural(n, "commit"),
            if n == 1 { "was" } else { "were" },
            if n == 1 { "it" } else { "they" },
            self.judge_all()
        )
    }

    /// What holds the published commits: a remote-tracking branch, the pushed release tag, or
    /// either.
    fn holder(&self) -> String {
        match (&self.published_tag, self.by_branch) {
            (None, _) => "a remote-tracking branch".to_owned(),
            (Some(tag), false) => format!("the pushed tag `{tag}`"),
            (Some(tag), true) => format!("a remote-tracking branch or the pushed tag `{tag}`"),
        }
    }

    /// The last line of a text report (and its hint, when any commit failed).
    pub fn summary(&self, out: &mut dyn Write, range: &str, _p: &Palette) -> std::io::Result<()> {
        if self.checked == 0 && self.before_install > 0 {
            let all = self.judge_all();
            return writeln!(
                out,
                "nothing judged in {range}: {} from before `relhook install` (`{all}` judges them)",
                report::plural(self.before_install, "commit")
            );
        }
        if self.checked == 0 {
            return writeln!(out, "nothing to check in {range}");
        }
        let verdict = if self.failed == 0 {
            "all pass".to_owned()
        } else {
            format!("{} failed", self.failed)
        };
        writeln!(
            out,
            "checked {} in {range}: {verdict} ({} ignored)",
            report::plural(self.checked, "commit"),
            self.ignored
        )?;
        // Published commits are left as they are: a reword would rewrite shared history.
        if self.published > 0 {
            let all = self.published == self.failed;
            let held = self.holder();
            let which = match (all, self.published) {
                (true, 1) => format!("it is published ({held} holds it): leave it as it is"),
                (true, _) => {
                    format!("they are published ({held} holds them): leave them as they are")
                }
                (false, 1) => {
                    format!("1 of them is published ({held} holds it): leave it as it is")
                }
                (false, n) => {
                    format!("{n} of them are published ({held} holds them): leave them as they are")
                }
            };
            writeln!(
                out,
                "hint: {which}, as rewording would rewrite history others have; the hooks check every commit made from now on"
            )?;
            if all {
                return Ok(());
            }
        }
        if let Some(steps) = &self.local_tags {
            return writeln!(out, "hint: {steps}");
        }
        let reword = (self.failed - self.to_squash).min(self.failed - self.published);
        // `git rebase -i` alone needs an upstream; the base names where to start.
        let base = self.unpublished_base.as_deref().unwrap_or("<base>");
        if reword > 0 && self.to_squash > 0 {
            writeln!(
                out,
                "hint: reword {} with `git rebase -i {base}` (mark {} `reword`), and squash the `fixup!`/`squash!` ones (`git rebase -i --autosquash {base}`), then push again",
                report::plural(reword, "commit"),
                if reword == 1 { "it" } else { "them" }
            )?;
        } else if reword > 0 {
            let (them, rest) = match (reword, self.published > 0) {
                (1, true) => ("the other", "it"),
                (_, true) => ("the others", "them"),
                (1, false) => ("it", "it"),
                _ => ("them", "them"),
            };
            writeln!(
                out,
                "hint: reword {them} with `git rebase -i {base}` (mark {rest} `reword`), then push again"
            )?;
        } else if self.to_squash > 0 {
            writeln!(
                out,
                "hint: squash them into their targets with `git rebase -i --autosquash {base}`, then push again"
            )?;
        }
        Ok(())
    }
}
