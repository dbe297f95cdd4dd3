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
    let mut tags: Vec<(Config, crate::git::ReleaseTag)> = Vec::new();
    for c in configs {
        for t in stranded::above_head(repo, &c.version.tag_prefix) {
            if !tags.iter().any(|(_, n)| n.name == t.name) {
                tags.push((c.clone(), t));
            }
        }
    }
    let (view, first) = tags.first()?;
    let more = match tags.len() {
        1 => String::new(),
        n => format!(" (and {} more tag{})", n - 1, if n == 2 { "" } else { "s" }),
    };
    // As the release's refusal says it: the first version above it with no tag.
    let release = match &view.package {
        Some(p) => format!("relhook release --package {}", p.name),
        None => "relhook release".to_owned(),
    };
    let otherwise = match crate::release::first_untaken(repo, &view.version, &first.version) {
        Some(free) => format!(
            "a released tag is never reused: `{release} {free}` takes the first version above it with no tag"
        ),
        None => "a released tag is never reused: release another version".to_owned(),
    };
    Some(Check {
        subject: "release".into(),
        status: Status::Warning,
        detail: format!(
            "release tag {}{more} is on no branch (a reset, a rebase or a deleted branch left its release commit behind): the next release finds its version taken",
            first.name
        ),
        fix: Some(stranded::fix(repo, &first.name, &otherwise)),
    })
}
