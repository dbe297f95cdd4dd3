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
    /// The range as the user named it, if one was: what `--all` judges whole.
    pub named: Option<String>,
    /// Where a `git rebase -i` that reaches every failed commit starts: the first parent of
    /// the oldest (walked last), or `--root`.
    pub base: Option<String>,
}

impl Tally {
    /// The last line of a text report (and its hint, when any commit failed).
    pub fn summary(&self, out: &mut dyn Write, range: &str, _p: &Palette) -> std::io::Result<()> {
        if self.checked == 0 && self.before_install > 0 {
            // With a range named, `--all` judges that range whole (not all of history, which
            // a shallow clone does not have).
            let all = match &self.named {
                Some(spec) => format!("relhook check --all {}", crate::shellword::quote(spec)),
                None => "relhook check --all".to_owned(),
            };
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
        let reword = self.failed - self.to_squash;
        // `git rebase -i` alone needs an upstream; the base names where to start.
        let base = self.base.as_deref().unwrap_or("<base>");
        if reword > 0 && self.to_squash > 0 {
            writeln!(
                out,
                "hint: reword {} with `git rebase -i {base}` (mark {} `reword`), and squash the `fixup!`/`squash!` ones (`git rebase -i --autosquash {base}`), then push again",
                report::plural(reword, "commit"),
                if reword == 1 { "it" } else { "them" }
            )?;
        } else if reword > 0 {
            writeln!(
                out,
                "hint: reword them with `git rebase -i {base}` (mark them `reword`), then push again"
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
