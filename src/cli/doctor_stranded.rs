//! `relhook doctor`'s row for release tags above HEAD's releases on commits no branch holds
//! (a `git reset --hard` or a rebase dropped the release commit): the next release finds the
//! version taken, and would otherwise be sent to skip it.

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};
use crate::release::stranded;

/// The warning for the first such tag of the root or of a package; the rest are counted.
pub(super) fn stranded_tags(repo: &Repo, config: &Config) -> Option<Check> {
    let configs = std::iter::once(config.clone()).chain(super::doctor::views_of(repo, config));
    let mut tags: Vec<String> = Vec::new();
    for c in configs {
        for t in stranded::above_head(repo, &c.version.tag_prefix) {
            if !tags.contains(&t.name) {
                tags.push(t.name);
            }
        }
    }
    let first = tags.first()?;
    let more = match tags.len() {
        1 => String::new(),
        n => format!(" (and {} more tag{})", n - 1, if n == 2 { "" } else { "s" }),
    };
    Some(Check {
        subject: "release".into(),
        status: Status::Warning,
        detail: format!(
            "release tag {first}{more} is on no branch (a reset or rebase dropped its release commit): the next release finds its version taken"
        ),
        fix: Some(stranded::fix(
            repo,
            first,
            "keep it: the next release takes the first version above it with no tag",
        )),
    })
}
