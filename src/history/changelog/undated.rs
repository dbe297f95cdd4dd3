//! A newest release heading with no date (`## [0.2.0]`), which many projects write for the
//! release they are working towards: relhook takes a version's section for released, so its
//! first entry goes into a new `## [Unreleased]` above it, and a hand tag of that version is
//! then refused. Said, with both ways on, where its version has no tag.

use std::path::Path;

use super::parse::SectionKind;
use super::{Changelog, lex};
use crate::config::Config;
use crate::git::Repo;

impl Changelog {
    /// The newest release section when its heading has no date: its 1-based line and its
    /// version.
    pub fn undated_newest(&self) -> Option<(usize, String)> {
        let section = self
            .doc
            .sections
            .iter()
            .find(|s| matches!(s.kind, SectionKind::Release { .. }))?;
        let SectionKind::Release { version } = &section.kind else {
            return None;
        };
        (!self.dated(section.heading)).then(|| (section.heading + 1, version.clone()))
    }

    /// Whether the file heads its releases without dates (changesets' `## 3.0.1`, a
    /// hand-kept `## [1.2.0]`): it has some, and none of their headings carries one. A release
    /// `release`, a hand tag or `--rebuild` writes is headed so too, in the file's style.
    pub(crate) fn releases_undated(&self) -> bool {
        let mut releases = self
            .doc
            .sections
            .iter()
            .filter(|s| matches!(s.kind, SectionKind::Release { .. }))
            .peekable();
        releases.peek().is_some() && releases.all(|s| !self.dated(s.heading))
    }

    /// Whether the heading on line `h` carries a date.
    fn dated(&self, h: usize) -> bool {
        self.lines.get(h).is_some_and(|l| {
            l.text
                .split(|c: char| c.is_whitespace() || "()[]".contains(c))
                .any(lex::is_date)
        })
    }
}

/// [`undated_newest_said`] of `log`, the changelog at `path` (the root's, or a package's), when
/// its undated newest version is newer than every release tag of its own and has none.
pub fn undated_untagged(
    repo: &Repo,
    config: &Config,
    path: &Path,
    log: &Changelog,
) -> Option<(String, String)> {
    let (line, version) = log.undated_newest()?;
    let parsed = semver::Version::parse(&version).ok()?;
    // A package's changelog goes with the package's tags (`@scope/cli@3.0.1`, not `v3.0.1`)
    // and is released by naming the package.
    let package = config
        .package
        .iter()
        .chain(&config.packages)
        .find(|p| p.changelog == path);
    let prefix = package.map_or(config.version.tag_prefix.as_str(), |p| p.tag.prefix());
    let tag = format!("{prefix}{version}");
    let newer = repo
        .release_tag_candidates(prefix)
        .iter()
        .all(|t| t.version.cmp_precedence(&parsed).is_lt());
    (newer && repo.tag_target(&tag).is_none()).then(|| {
        let release = match package {
            Some(p) => format!(
                "relhook release --package {} {version}",
                crate::shellword::quote(&p.name)
            ),
            None => format!("relhook release {version}"),
        };
        let heading = super::quoted_heading(Some(log), &version);
        undated_newest_said(
            &path.display().to_string(),
            (line, &heading),
            (&version, &release),
            (&tag, log.has_unreleased()),
        )
    })
}

/// What is wrong with `path`'s undated newest heading at `line` (`heading`, as written), of
/// `version` (whose tag would be `tag`, and `release` the command that makes it; `above`: an
/// Unreleased section is there already), and the two ways on.
pub fn undated_newest_said(
    path: &str,
    (line, heading): (usize, &str),
    (version, release): (&str, &str),
    (tag, above): (&str, bool),
) -> (String, String) {
    let next = if above {
        format!("move its entries under `## [Unreleased]` and delete line {line}")
    } else {
        format!("change line {line} to `## [Unreleased]`")
    };
    (
        format!(
            "{path}:{line} `{heading}` has no date and {tag} is no tag, yet relhook takes a version's section for released: new entries go under `## [Unreleased]` above it"
        ),
        format!(
            "if it holds the next release's notes, {next}, then `{release}` releases them as {version}; if {version} was released, write its date (`{heading} - YYYY-MM-DD`) and tag the commit that released it"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_release_heading_without_a_date_is_found() {
        let log = |t: &str| Changelog::parse(t).unwrap();
        let undated = log("# Changelog\n\n## [0.2.0]\n\n- a\n\n## [0.1.0] - 2024-01-01\n\n- b\n");
        assert_eq!(undated.undated_newest(), Some((3, "0.2.0".into())));
        let below = log("# Changelog\n\n## [Unreleased]\n\n- x\n\n## [0.2.0]\n\n- a\n");
        assert_eq!(below.undated_newest(), Some((7, "0.2.0".into())));
        for dated in [
            "# Changelog\n\n## [0.2.0] - 2024-02-01\n\n- a\n",
            "# Changelog\n\n## [0.2.0](https://x/compare/v0.1.0...v0.2.0) (2024-02-01)\n\n- a\n",
            "# Changelog\n\n## [Unreleased]\n\n- x\n",
        ] {
            assert_eq!(log(dated).undated_newest(), None, "{dated}");
        }
    }
}
