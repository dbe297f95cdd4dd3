//! What `relhook init` says of the commits the project made before relhook: how many of the
//! last ones its commit-msg hook would refuse, so that a project that mostly does not write
//! Conventional Commits learns it from init, not from its first refused commit.

use crate::commit::lint::{Input, Mode, lint_encoded};
use crate::commit::message::{Cleanup, CommentPrefix};
use crate::config::Config;
use crate::git::{Range, Repo};

/// How many of the newest commits are judged.
const LOOKED_AT: usize = 200;

/// The line init prints when some of the last [`LOOKED_AT`] commits (but merges the
/// configuration ignores) would fail `config`'s lint as the commit-msg hook applies it;
/// `None` when none would, or with no history to read.
pub(super) fn line(repo: &Repo, config: &Config) -> Option<String> {
    let range = Range {
        tips: vec![repo.head()?],
        ..Range::default()
    };
    let input = Input {
        cleanup: Cleanup::Stored,
        comment: CommentPrefix::default(),
    };
    let (mut judged, mut refused) = (0, Vec::new());
    let walked = repo.walk(&range, |c| {
        if c.parents < 2 || !config.commit.ignore_merge_commits {
            judged += 1;
            let encoding = c.encoding.as_deref();
            let v = lint_encoded(&c.message, encoding, &input, &config.commit, Mode::Hook);
            if v.failed() {
                refused.push(format!(
                    "{} {}",
                    c.short,
                    crate::printable::visible(&v.header)
                ));
            }
        }
        judged < LOOKED_AT
    });
    let newest = refused.first().filter(|_| walked.is_ok())?;
    Some(said(judged, refused.len(), newest))
}

/// The line for `refused` of `judged` commits, the newest of those `newest` (its abbreviated
/// id and header).
fn said(judged: usize, refused: usize, newest: &str) -> String {
    // Fewer than were looked for: the whole history.
    let last = if judged < LOOKED_AT { "" } else { "last " };
    let of = match (refused == judged, judged) {
        (true, 1) => "the only commit".to_owned(),
        (true, _) => format!("all of the {last}{judged} commits"),
        (false, _) => format!("{refused} of the {last}{judged} commits"),
    };
    format!(
        "note: {of} would be refused by relhook's commit-msg hook, which wants Conventional Commits of the [commit] types and rules (the newest: `{newest}`): it lints new commits only, so history stays as it is, but commits from now on must pass it (`relhook lint --message \"...\"` tries one)"
    )
}

#[cfg(test)]
mod tests {
    use super::said;

    #[test]
    fn the_count_is_said_of_the_commits_judged() {
        let line = said(200, 193, "abc1234 Update deps");
        assert!(
            line.starts_with("note: 193 of the last 200 commits would be refused"),
            "{line}"
        );
        assert!(
            line.contains("(the newest: `abc1234 Update deps`)"),
            "{line}"
        );
        assert!(said(3, 3, "a x").starts_with("note: all of the 3 commits would"));
        assert!(said(3, 2, "a x").starts_with("note: 2 of the 3 commits would"));
        assert!(said(1, 1, "a x").starts_with("note: the only commit would"));
    }
}
