//! The release commits other tools made before relhook: lerna's (`v21.2.2` in fixed mode,
//! `Publish` in independent mode), `npm version`'s (`1.2.3`) and `yarn version`'s (`v1.2.3`).
//! Their headers are no Conventional Commit, and rewording a history's releases is out of the
//! question, so `init` ignores them when the history has some, and says so.

use crate::Result;
use crate::git::{Range, Repo};

/// A header that is a version alone (a leading `v`, a pre-release, build metadata) or lerna's
/// `Publish`: nothing more, so `v2 support` or `1.2.3 fixes` stay linted.
pub const PATTERN: &str =
    r"^(v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?|Publish)$";

/// Such commits found in HEAD's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// How many.
    pub count: usize,
    /// The newest one's header.
    pub example: String,
}

impl Found {
    /// What `init` did about them, in one sentence.
    pub fn sentence(&self) -> String {
        let which = match self.count {
            1 => "the release commit".to_owned(),
            n => format!("the {n} release commits"),
        };
        format!(
            "set `[commit] ignore` to pass {which} here that another tool made (a version alone or `Publish`, like `{}`, as lerna and `npm version` write them): no Conventional Commits, and released history is not reworded",
            crate::printable::visible(&self.example)
        )
    }
}

/// Whether `header` is such a release commit's.
pub fn is_tool_release(header: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(PATTERN).expect("a valid pattern"))
        .is_match(header)
}

/// The tool release commits HEAD's history holds (merges aside); `None` when there are none.
pub fn find(repo: &Repo) -> Result<Option<Found>> {
    let Some(head) = repo.head() else {
        return Ok(None);
    };
    let range = Range {
        tips: vec![head],
        hidden: Vec::new(),
        single: false,
        describe: String::new(),
    };
    let mut found: Option<Found> = None;
    repo.walk(&range, |c| {
        let header = c.header();
        if c.parents < 2 && is_tool_release(&header) {
            match &mut found {
                Some(f) => f.count += 1,
                None => {
                    found = Some(Found {
                        count: 1,
                        example: header,
                    })
                }
            }
        }
        true
    })?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_alone_or_publish_is_a_tool_release() {
        for h in [
            "v21.2.2",
            "1.2.3",
            "v1.0.0-rc.1",
            "2.0.0+build.5",
            "Publish",
        ] {
            assert!(is_tool_release(h), "{h}");
        }
        for h in [
            "v2 support",
            "v2",
            "1.2",
            "1.2.3 fixes",
            "Release notes for v1.2.3",
            "Publish the docs",
            "chore(release): publish",
            "feat: v1.2.3",
            "release 1.2.3",
        ] {
            assert!(!is_tool_release(h), "{h}");
        }
    }
}
