//! The last line of a release or of its resume: the one next step that works. A release tag
//! pre-push would refuse as untested gets pre-push's own way to test it first (`relhook test`
//! on HEAD; a checkout of the tag when the release commit is below HEAD); else the push.

use std::io::Write;

use crate::config::Config;
use crate::git::Repo;

/// A release tag just made, as the next step needs it.
pub(super) struct Made<'a> {
    /// The tag.
    pub tag: &'a str,
    /// The configuration it is released under (a package's view in a monorepo).
    pub config: &'a Config,
    /// Whether its tests ran and passed on the release commit (and are recorded).
    pub tested: bool,
}

/// Prints `next: …` for the tags made on one release commit (`at_head`: it is HEAD).
pub(super) fn say_next(err: &mut dyn Write, repo: &Repo, made: &[Made<'_>], at_head: bool) {
    let untested: Vec<&Made<'_>> = made
        .iter()
        .filter(|m| !m.tested && m.config.checks.require_tested_tags)
        .collect();
    if untested.is_empty() {
        let _ = match made {
            [one] => writeln!(
                err,
                "next: git push --follow-tags   (or: git push origin HEAD {})",
                one.tag
            ),
            _ => writeln!(err, "next: git push --follow-tags"),
        };
        return;
    }
    let commands: Vec<String> = untested
        .iter()
        .map(|m| {
            crate::prepush::test_tag_command(repo, m.config, m.tag, at_head)
                .unwrap_or_else(|| "relhook test".to_owned())
        })
        .collect();
    let _ = writeln!(
        err,
        "next: {}   (pre-push refuses a release tag with no test record), then git push --follow-tags",
        commands.join(" && ")
    );
}
