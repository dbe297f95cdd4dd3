//! `[release] channels`: the branches that make pre-releases, each with its pre-release
//! identifier (`channels = { beta = "beta", next = "rc" }`, semantic-release's prerelease
//! branches). A release there is that identifier's next pre-release without `--pre`; a stable
//! one is made only on purpose (`relhook release --allow-stable`). A key is a branch name or a
//! pattern with `*`, as `release.branches` entries are; a branch is either stable (in
//! `release.branches`) or a channel, never both.

use std::collections::BTreeMap;

use toml::Spanned;

use super::raw::Fault;
use crate::Result;

/// One channel: the branch (or pattern) and the pre-release identifier made there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// The branch name, or a pattern (`release/*`).
    pub branch: String,
    /// The pre-release identifier (`beta` makes `2.0.0-beta.1`).
    pub id: String,
}

impl Channel {
    /// The setting as written in `[release] channels`: `beta = "beta"`.
    pub fn setting(&self) -> String {
        format!(
            "{} = {}",
            super::toml_text::key(&self.branch),
            super::toml_text::string(&self.id)
        )
    }

    /// The setting as a message names it: `` `beta = "beta"` in `[release] channels` ``.
    pub fn named(&self) -> String {
        format!("`{}` in `[release] channels`", self.setting())
    }

    /// Whether `version` is one of this channel's pre-releases (`2.0.0-beta.3` of `beta`).
    pub fn holds(&self, version: &semver::Version) -> bool {
        version.pre.as_str().split('.').next() == Some(self.id.as_str())
    }
}

/// The channel of `branch`: the entry naming it, else the first pattern matching it.
pub(super) fn of<'a>(channels: &'a [Channel], branch: &str) -> Option<&'a Channel> {
    (channels.iter().find(|c| c.branch == branch))
        .or_else(|| (channels.iter()).find(|c| super::branch_name::matches(&c.branch, branch)))
}

/// Resolves `[release] channels`; `stable`: `release.branches` when the file sets it.
pub(super) fn resolve(
    raw: BTreeMap<String, Spanned<String>>,
    stable: Option<&[String]>,
    err: Fault<'_>,
) -> Result<Vec<Channel>> {
    let mut out = Vec::new();
    for (branch, id) in raw {
        let at = id.span().start;
        let shown = crate::printable::visible(&branch);
        if let Some(why) = super::branch_name::fault(&branch) {
            return Err(err(at, format!("`release.channels`: {why}")));
        }
        if let Some(why) = bad_id(id.get_ref()) {
            return Err(err(
                at,
                format!(
                    "`release.channels.{shown}`: `{}` is no pre-release identifier: {why}",
                    crate::printable::visible(id.get_ref())
                ),
            ));
        }
        let listed = stable.and_then(|s| {
            s.iter()
                .find(|b| **b == branch || super::branch_name::matches(b, &branch))
        });
        if let Some(b) = listed {
            let as_listed = match *b == branch {
                true => String::new(),
                false => format!(" (as `{}`)", crate::printable::visible(b)),
            };
            return Err(err(
                at,
                format!(
                    "`release.channels`: `{shown}` is in `release.branches` too{as_listed}, which makes stable releases there; a branch is one or the other: take it out of `branches` to make {} pre-releases on it",
                    crate::printable::visible(id.get_ref())
                ),
            ));
        }
        out.push(Channel {
            branch,
            id: id.into_inner(),
        });
    }
    Ok(out)
}

/// Why `id` cannot be a channel's pre-release identifier (one SemVer identifier, which
/// `{id}.N` follows, as `--pre` takes it).
fn bad_id(id: &str) -> Option<String> {
    let odd = id.chars().find(|c| !c.is_ascii_alphanumeric() && *c != '-');
    Some(match odd {
        _ if id.is_empty() => "it is empty; write a word such as \"beta\" or \"rc\"".into(),
        Some('.') => "it holds `.`; one identifier is written, such as \"beta\" (relhook adds `.1`, `.2`)".into(),
        Some(c) => format!(
            "it holds `{}`; an identifier is ASCII letters, digits and `-`, such as \"beta\"",
            crate::printable::visible(&c.to_string())
        ),
        None if id.starts_with('-') => "it begins with `-`; write a word such as \"beta\"".into(),
        None if id.bytes().all(|b| b.is_ascii_digit()) => {
            "it is a number, and a channel's pre-releases are named by a word such as \"beta\" or \"rc\"".into()
        }
        None => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(branch: &str, id: &str) -> Channel {
        Channel {
            branch: branch.into(),
            id: id.into(),
        }
    }

    #[test]
    fn identifiers_are_one_semver_word() {
        for ok in ["beta", "rc", "alpha-2", "Next", "x1"] {
            assert_eq!(bad_id(ok), None, "{ok}");
        }
        for (bad, said) in [
            ("", "empty"),
            ("be ta", "holds ` `"),
            ("beta.1", "holds `.`"),
            ("-b", "begins with `-`"),
            ("01", "a number"),
            ("bêta", "holds `ê`"),
        ] {
            let why = bad_id(bad).unwrap_or_else(|| panic!("{bad:?} passed"));
            assert!(why.contains(said), "{bad:?}: {why}");
        }
    }

    #[test]
    fn a_branch_named_wins_over_a_pattern() {
        let all = [channel("release/*", "rc"), channel("release/next", "beta")];
        assert_eq!(
            of(&all, "release/next").map(|c| c.id.as_str()),
            Some("beta")
        );
        assert_eq!(of(&all, "release/2.x").map(|c| c.id.as_str()), Some("rc"));
        assert_eq!(of(&all, "release/a/b"), None);
        assert_eq!(of(&all, "main"), None);
        let v = |s: &str| semver::Version::parse(s).unwrap();
        assert!(all[1].holds(&v("2.0.0-beta.3")));
        assert!(!all[1].holds(&v("2.0.0-rc.1")));
        assert!(!all[1].holds(&v("2.0.0")));
        assert!(!all[1].holds(&v("2.0.0-betax.1")));
        assert_eq!(all[0].setting(), "\"release/*\" = \"rc\"");
    }
}
