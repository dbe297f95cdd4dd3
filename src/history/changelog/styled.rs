//! A release heading in the style of the file's newest release, where that is not Keep a
//! Changelog's (release-please's `## [1.0.0](…/compare/…) (2024-01-01)`, commitizen's
//! `## v1.0.0 (2024-01-01)`), and the bullet the file's entries use: what a release cuts and
//! what `--rebuild` writes, so both keep the file's look.

use super::Changelog;
use super::released::{parse_compare, tag_page};

/// Where the compare link of a styled heading starts.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Since<'a> {
    /// A release cut from Unreleased: from the tag named (`None`: the file's newest release's),
    /// and a compare link on the Unreleased heading gives the release its link.
    Cut(Option<&'a str>),
    /// A section `--rebuild` writes: from the release tag before it (`None`: the first
    /// release, whose link is its tag's page), under an Unreleased heading with no link.
    Rebuilt(Option<&'a str>),
}

impl Changelog {
    /// The heading of release `v` (tagged `tag`) in the style of the newest release's, where
    /// that is not Keep a Changelog's: a date in parentheses (`## 1.0.0 (2024-01-01)`), the
    /// label linked inline to its compare page (`## [1.0.0](…/compare/v0.9.0...v1.0.0)
    /// (2024-01-01)`), as release-please and conventional-changelog write them. `None`: Keep a
    /// Changelog's style, or one not understood.
    pub(crate) fn styled_like_newest(
        &self,
        v: &str,
        date: &str,
        tag: &str,
        since: Since<'_>,
    ) -> Option<String> {
        let mut releases = self.doc.sections.iter().filter_map(|s| match &s.kind {
            super::SectionKind::Release { version } => Some((s, version.as_str())),
            super::SectionKind::Unreleased => None,
        });
        let (section, pv) = releases.next()?;
        let text = self.lines.get(section.heading)?.text.trim_end();
        let rest = text
            .strip_prefix("## ")
            .or_else(|| text.strip_prefix("# "))?;
        // conventional-changelog heads a minor or major release `# `, a patch `## `.
        let level_one = |s: &super::parse::Section| {
            self.lines
                .get(s.heading)
                .is_some_and(|l| l.text.starts_with("# "))
        };
        let hashes = match super::release_version(v) {
            Some(n)
                if n.patch == 0 && (level_one(section) || releases.any(|(s, _)| level_one(s))) =>
            {
                "#"
            }
            _ => "##",
        };
        // The date as the newest writes it: `(2024-01-01)`, or git-cliff's ` - 2024-01-01`
        // after a linked label.
        let dated = |tail: &str| {
            let tail = tail.trim();
            let in_parens = tail.strip_prefix('(').and_then(|t| t.strip_suffix(')'));
            match (in_parens, tail.strip_prefix("- ")) {
                (Some(d), _) if super::lex::is_date(d) => Some(format!("({date})")),
                (_, Some(d)) if super::lex::is_date(d) => Some(format!("- {date}")),
                _ => None,
            }
        };
        // The label as the file writes it: `v1.0.0` keeps its `v`.
        let label = match pv.strip_prefix('v') {
            Some(_) => format!("v{v}"),
            None => v.to_owned(),
        };
        if let Some(tail) = rest.strip_prefix(pv) {
            // Bare, dated in parentheses (commitizen's) or after a dash (cocogitto's
            // `## v1.0.0 - 2024-01-01`): no label to link, so no definition either. Bare and
            // undated: undated too where no release of the file has a date (changesets'
            // `## 3.0.1`), else with Keep a Changelog's date (a newest written by hand).
            let when = match tail.trim() {
                "" if self.releases_undated() => return Some(format!("{hashes} {label}")),
                "" => format!("- {date}"),
                _ => dated(tail)?,
            };
            return Some(format!("{hashes} {label} {when}"));
        }
        // A name before the version: cocogitto's `## cocogitto-7.0.0 - 2026-03-04`.
        let named = rest
            .split_once(pv)
            .filter(|(name, _)| name.ends_with(['-', '@', ' ']) && !name.contains(['[', '(', '<']));
        if let Some((name, tail)) = named {
            return Some(format!("{hashes} {name}{label} {}", dated(tail)?));
        }
        let after = rest.strip_prefix(&format!("[{pv}]("))?;
        let (url, tail) = after.split_once(')')?;
        let when = dated(tail)?;
        // A compare link on the Unreleased heading gives the release its link (`inline_links`).
        let unreleased_linked = matches!(since, Since::Cut(_))
            && self
                .unreleased_index()
                .and_then(|i| self.doc.sections.get(i))
                .and_then(|u| self.lines.get(u.heading))
                .is_some_and(|l| l.text.contains("]("));
        if unreleased_linked {
            return Some(format!("{hashes} [{label}] {when}"));
        }
        // The newest's tag as it is, in either spelling (`1.1.0rc1` of `## [1.1.0-rc.1]`).
        let its_tag = |right: &str| {
            right.ends_with(pv)
                || super::release_version(pv)
                    .and_then(|v| crate::git::pep440_spelling(&v))
                    .is_some_and(|p| right.ends_with(&p))
        };
        let url = match parse_compare(url) {
            Some(c) if its_tag(c.right) => match since {
                Since::Cut(from) => {
                    format!("{}{}{}{tag}", c.prefix, from.unwrap_or(c.right), c.sep)
                }
                Since::Rebuilt(Some(from)) => format!("{}{from}{}{tag}", c.prefix, c.sep),
                Since::Rebuilt(None) => tag_page(c.prefix, tag),
            },
            Some(_) => return None,
            // A tag's own page (`…/releases/tag/v1.0.0`).
            None => url.strip_suffix(pv).map(|base| format!("{base}{v}"))?,
        };
        Some(format!("{hashes} [{label}]({url}) {when}"))
    }

    /// Whether `--rebuild` writes this file's release headings in their own form: its newest
    /// release's is Keep a Changelog's, or one [`Changelog::styled_like_newest`] follows, and
    /// no release below is headed in a form of its own.
    pub fn rebuilt_in_its_form(&self) -> bool {
        let Some(other) = self.doc.other_form else {
            return true;
        };
        let newest = self.doc.sections.iter().find_map(|s| match &s.kind {
            super::SectionKind::Release { version } => Some((s.heading, version.as_str())),
            super::SectionKind::Unreleased => None,
        });
        newest.is_some_and(|(heading, v)| {
            let v = super::parse::version_key(v);
            heading == other
                && self
                    .styled_like_newest(v, "2000-01-01", v, Since::Rebuilt(Some(v)))
                    .is_some()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// vuejs/core's headings: a rebuilt section links its compare page from the release
    /// before it, the first its tag's page.
    #[test]
    fn a_rebuilt_heading_links_from_the_release_before_it() {
        let vue = "## [3.4.0](https://github.com/vuejs/core/compare/v3.3.0...v3.4.0) (2023-12-28)\n\n### Bug Fixes\n\n* a\n";
        let log = Changelog::parse(vue).expect("kept");
        assert_eq!(
            log.styled_like_newest(
                "3.5.1",
                "2024-01-02",
                "v3.5.1",
                Since::Rebuilt(Some("v3.5.0"))
            ),
            Some(
                "## [3.5.1](https://github.com/vuejs/core/compare/v3.5.0...v3.5.1) (2024-01-02)"
                    .into()
            )
        );
        assert_eq!(
            log.styled_like_newest("1.0.0", "2024-01-02", "v1.0.0", Since::Rebuilt(None)),
            Some(
                "## [1.0.0](https://github.com/vuejs/core/releases/tag/v1.0.0) (2024-01-02)".into()
            )
        );
        assert!(log.rebuilt_in_its_form());
        // A heading of a form of its own below Keep a Changelog's newest is not written so.
        let mixed = format!("## [4.0.0] - 2024-01-01\n\n- b\n\n{vue}");
        assert!(
            !Changelog::parse(&mixed)
                .expect("kept")
                .rebuilt_in_its_form()
        );
    }
}
