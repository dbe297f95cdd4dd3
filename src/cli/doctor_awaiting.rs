//! Doctor's note for a release section written by hand that no tag names yet (`## [0.2.0]`
//! committed before `git tag -a v0.2.0`, as Keep a Changelog's own workflow goes, or one a
//! killed release left and an ordinary commit took in): the release awaits its tag, and the
//! way to make it is the one `relhook release` names, so pasted it works.

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The note for the newest untagged release section above the last release tag, if any.
pub(super) fn awaiting_tag(repo: &Repo, config: &Config) -> Option<Check> {
    let head = repo.head()?;
    let (version, how, wrote) = crate::release::above::written_by_hand(repo, config, head)?;
    let log = crate::history::sync::changelog_at(repo, head, &config.changelog.path);
    let heading = crate::history::changelog::quoted_heading(log.as_deref(), &version.to_string());
    Some(Check {
        subject: format!("release {version}"),
        // A supported way to release: said, not counted as needing a fix now.
        status: Status::Warning,
        detail: format!(
            "`{heading}` in {} ({wrote}) awaits its tag {}{version}",
            config.changelog.path.display(),
            config.version.tag_prefix
        ),
        fix: Some(how),
    })
}
