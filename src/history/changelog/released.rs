//! Cutting a release: Unreleased becomes `## [version] - date` under a fresh Unreleased, and
//! the compare links follow. Bytes outside the edited lines are kept, as in `edit.rs`.

use super::parse;
use super::{Changelog, EditError};

/// A parsed compare URL `<prefix>compare/<left><sep><right>`.
pub(super) struct Compare<'a> {
    pub prefix: &'a str,
    pub left: &'a str,
    pub sep: &'a str,
    pub right: &'a str,
}

/// Recognises GitHub/GitLab/Gitea (`a...b`, `a..b`) and Bitbucket
/// (`a%0Db`) compare URLs.
pub(super) fn parse_compare(url: &str) -> Option<Compare<'_>> {
    let at = url.rfind("compare/")? + "compare/".len();
    let (prefix, rest) = (url.get(..at)?, url.get(at..)?);
    ["...", "..", "%0D"].iter().find_map(|sep| {
        let (left, right) = rest.split_once(sep)?;
        Some(Compare {
            prefix,
            left,
            sep,
            right,
        })
    })
}

/// The end of an Unreleased compare link that follows the work.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Moving {
    Right,
    Left,
}

impl Compare<'_> {
    /// Which side of an Unreleased compare link follows the work: `HEAD`, or the branch a file
    /// names opposite its last release tag (poetry's `…/compare/2.4.1...main`), which a
    /// release keeps. `None`: neither side reads as one.
    fn moving(&self, tag_prefix: &str) -> Option<Moving> {
        let tagged = |s: &str| parse::is_version(s.strip_prefix(tag_prefix).unwrap_or(s));
        if self.right == "HEAD" {
            Some(Moving::Right)
        } else if self.left == "HEAD" {
            Some(Moving::Left)
        } else if tagged(self.left) && !tagged(self.right) {
            Some(Moving::Right)
        } else if tagged(self.right) && !tagged(self.left) {
            Some(Moving::Left)
        } else {
            None
        }
    }
}

/// What the left side of the Unreleased compare link becomes in the version link (`None`:
/// nothing to compare from).
type LeftSide<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// The page of release tag `tag`, for a compare URL's `prefix` (`…/compare/`, GitLab's
/// `…/-/compare/`).
pub(super) fn tag_page(prefix: &str, tag: &str) -> String {
    let base = prefix.strip_suffix("compare/").unwrap_or(prefix);
    if base.ends_with("/-/") {
        format!("{base}tags/{tag}")
    } else {
        format!("{base}releases/tag/{tag}")
    }
}

impl Changelog {
    /// Turns Unreleased into `## [version] - date`, puts a fresh empty
    /// Unreleased above it and updates compare links: an existing
    /// `[unreleased]: …/compare/<prev>...HEAD` is moved to `<tag>...HEAD`
    /// and `[version]: …/compare/<prev>...<tag>` is added, with
    /// `tag = tag_prefix + version`. Without such a link nothing is added
    /// unless `compare_base` (e.g. `https://github.com/o/r`) is given. A link definition is
    /// added only for a heading that refers to it (`## [1.0.1] - …`, not `## v1.0.1 (…)`).
    pub fn release(
        &mut self,
        version: &str,
        date: &str,
        tag_prefix: &str,
        compare_base: Option<&str>,
    ) -> Result<(), EditError> {
        self.release_from(version, date, tag_prefix, compare_base, (None, None))
    }

    /// [`Changelog::release`], its compare link starting at `from_tag`: the release tag the
    /// release is made from, as history says (a tag the file has no section for, v4.13.10
    /// above a last section 4.13.9). `None`: the file's previous release says. Its links
    /// name `tag`, the release's tag as it exists (a hand tag `1.2.0rc2` of a section headed
    /// `1.2.0-rc.2`); `None`: the prefix and the heading's version.
    pub fn release_from(
        &mut self,
        version: &str,
        date: &str,
        tag_prefix: &str,
        compare_base: Option<&str>,
        (from_tag, tag): (Option<&str>, Option<&str>),
    ) -> Result<(), EditError> {
        let v = version.strip_prefix('v').unwrap_or(version);
        // A hand tag spelled as PEP 440 spells pre-releases (`1.2.0rc2`) heads its own.
        if !super::heading::names_version(v) {
            return Err(EditError::InvalidVersion(version.to_string()));
        }
        if !super::lex::is_date(date) {
            return Err(EditError::InvalidDate(date.to_string()));
        }
        if let Some(sec) = self.version_index(v).and_then(|i| self.doc.sections.get(i)) {
            return Err(EditError::VersionExists {
                version: v.to_string(),
                line: sec.heading + 1,
            });
        }
        // A stable release carries what its pre-releases shipped (see `fold_prereleases`).
        self.fold_prereleases(v);
        self.drop_empty_subsections();
        // The release the new section follows: not a pre-release it carries (1.1.0 lists
        // everything since 1.0.0, so its compare link starts there, not at 1.1.0-rc.2).
        let target = super::release_version(v);
        let carried = |p: &str| {
            let pre = super::release_version(p);
            matches!((&target, pre), (Some(t), Some(p)) if super::carries(t, &p))
        };
        let prev = self.versions().into_iter().find(|p| !carried(p));
        // A heading's label is a version (`v1.0.0` keeps its `v`), its tag the prefix and that.
        let prev_tag = from_tag.map(str::to_owned).or_else(|| {
            prev.as_deref()
                .map(|p| format!("{tag_prefix}{}", parse::version_key(p)))
        });
        let tag = tag.map_or_else(|| format!("{tag_prefix}{v}"), str::to_owned);
        let newest_style =
            self.styled_like_newest(v, date, &tag, super::styled::Since::Cut(from_tag));
        let rule = self.release_rule();
        let gap = self.section_gap();
        // Where no release has a date, the new one gets none either (the file's style).
        let undated = self.releases_undated();
        self.ensure_unreleased();
        let Some((u, h)) = self
            .unreleased_index()
            .and_then(|i| Some((i, self.doc.sections.get(i)?.heading)))
        else {
            return Ok(());
        };
        // A rule closing Unreleased sets it off from the releases: it stays under Unreleased,
        // and the release, made of the entries above it, ends with the same rule.
        let kept: Vec<String> = self.closing_rule(u).map_or(vec![], |r| {
            r.filter_map(|i| self.lines.get(i).map(|l| l.text.clone()))
                .collect()
        });
        let lead = super::lines::comment_lead(&self.lines, h);
        let Some(line) = self.lines.get(h) else {
            return Ok(());
        };
        // Keep the file's heading style: bracketed or bare labels, or the newest release's
        // own (release-please's `## [1.0.0](…/compare/…) (2024-01-01)`).
        let heading = match newest_style {
            Some(styled) => styled,
            None => {
                let label = match line.text.contains('[') {
                    true => format!("[{v}]"),
                    false => v.to_owned(),
                };
                match undated {
                    true => format!("## {label}"),
                    false => format!("## {label} - {date}"),
                }
            }
        };
        // The release heading goes below the Unreleased heading, whose line keeps its bytes
        // (a CR of its own stays there), and below comments right under it (`<!-- Add new
        // entries below -->`): the file's own markers stay with Unreleased, out of the release.
        // The empty Unreleased left above it is set apart as the file sets its sections.
        let mut texts = vec![String::new(); gap];
        texts.extend(kept);
        texts.push(heading);
        self.insert_lines(lead.unwrap_or(h + 1), texts);
        if let Some(rule) = rule {
            self.close_with_rule(v, &rule);
        }
        // `None`: no release before the pre-releases it carries (its first stable release).
        let from = |left: &str| {
            let label = left.strip_prefix(tag_prefix).unwrap_or(left);
            match &prev_tag {
                Some(t) if from_tag.is_some() => Some(t.clone()),
                _ if !carried(label) => Some(left.to_owned()),
                t => t.clone(),
            }
        };
        let tags = (prev_tag.as_deref(), tag.as_str(), tag_prefix);
        self.update_links(v, tags, (compare_base, &from));
        Ok(())
    }

    /// The definition of release `v`, tagged `tag`, where the file links its releases to their
    /// tag pages, not to a comparison (poetry's `[2.4.1]: …/releases/tag/2.4.1`, every
    /// release's): its newest one's URL for `tag`. `None`: it compares them, or has one
    /// definition, a first release's, which says nothing of the releases after it.
    pub(crate) fn tag_page_like(&self, v: &str, tag: &str, tag_prefix: &str) -> Option<String> {
        let key = parse::version_key(v);
        let defined: Vec<(String, &str)> = self
            .versions()
            .into_iter()
            .filter(|p| parse::version_key(p) != key)
            .filter_map(|p| {
                let link = self.doc.links.iter().find(|l| l.label == p)?;
                Some((p, link.url.as_str()))
            })
            .take(2)
            .collect();
        let [(newest, url), (_, older)] = defined.as_slice() else {
            return None;
        };
        if parse_compare(url).is_some() || parse_compare(older).is_some() {
            return None;
        }
        // The newest's page names its tag in either spelling (`…/tag/1.1.0rc1` of a heading
        // `## [1.1.0-rc.1]`, a Python project's tag).
        let pep440 = super::release_version(newest).and_then(|n| crate::git::pep440_spelling(&n));
        let spelled = [Some(parse::version_key(newest).to_owned()), pep440];
        let base = spelled
            .iter()
            .flatten()
            .find_map(|s| url.strip_suffix(s.as_str()))?;
        // The page of the tag as it is (`1.1.0rc2`, not the heading's `1.1.0-rc.2`).
        Some(match base.strip_suffix(tag_prefix) {
            Some(page) => format!("{page}{tag}"),
            None => format!("{base}{key}"),
        })
    }

    /// The label of the heading of release `version`, tagged `tagged` (the tag without its
    /// prefix): the tag's spelling, unless the newest pre-release heading spells them as
    /// SemVer does (`1.2.0-rc.1` beside a tag `1.2.0rc2`). A release and a rebuild both ask.
    pub(crate) fn heading_label(&self, tagged: &str, version: &semver::Version) -> String {
        let semver = version.to_string();
        if tagged == semver {
            return semver;
        }
        let versions = self.versions();
        let newest_pre = (versions.iter())
            .find(|l| super::release_version(l).is_some_and(|v| !v.pre.is_empty()));
        let parsed = |l: &String| semver::Version::parse(l.strip_prefix('v').unwrap_or(l)).is_ok();
        match newest_pre.is_some_and(parsed) {
            true => semver,
            false => tagged.to_owned(),
        }
    }

    /// Whether the heading of section `i` refers to a link definition `[label]:` (a label in
    /// brackets, not linked inline; matched without case, as Markdown does).
    fn refers(&self, i: Option<usize>, label: &str) -> bool {
        let Some(text) = i
            .and_then(|i| self.doc.sections.get(i))
            .and_then(|s| self.lines.get(s.heading))
            .map(|l| l.text.to_ascii_lowercase())
        else {
            return false;
        };
        let label = format!("[{}]", label.to_ascii_lowercase());
        text.match_indices(&label)
            .any(|(at, _)| !text[at + label.len()..].starts_with('('))
    }

    /// The first line of an HTML comment that ends the file (blank lines aside), if one does.
    fn closing_comment(&self) -> Option<usize> {
        let last = self.lines.iter().rposition(|l| !l.text.trim().is_empty())?;
        if !self.lines[last].text.trim_end().ends_with("-->") {
            return None;
        }
        let start = self.lines[..=last]
            .iter()
            .rposition(|l| l.text.trim_start().starts_with("<!--"))?;
        // One comment from `start` to the end: nothing closes it before its last line.
        let inner = self.lines[start..last]
            .iter()
            .any(|l| l.text.contains("-->"));
        (!inner).then_some(start)
    }

    /// An inline compare link on the Unreleased heading (`## [Unreleased](…/compare/v0.1.0...HEAD)`)
    /// moves on to `tag` in place, and the release's heading gets its own link the same way
    /// (`## [0.2.0](…/compare/v0.1.0...v0.2.0) - date`): the file keeps its style, and no
    /// reference definition is added beside it, which the inline link would outrank.
    /// `false`: the heading has none.
    fn inline_links(&mut self, v: &str, (tag, prefix): (&str, &str), from: &LeftSide) -> bool {
        let Some(h) = self
            .unreleased_index()
            .and_then(|i| self.doc.sections.get(i))
            .map(|s| s.heading)
        else {
            return false;
        };
        let text = self.lines.get(h).map_or("", |l| l.text.as_str());
        let Some(url) = text
            .split_once("](")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(url, _)| url.to_owned())
        else {
            return false;
        };
        let Some(c) = parse_compare(&url).filter(|c| c.moving(prefix) == Some(Moving::Right))
        else {
            return false;
        };
        let head = format!("{}{tag}{}{}", c.prefix, c.sep, c.right);
        let version_url = from(c.left).map_or_else(
            || tag_page(c.prefix, tag),
            |left| format!("{}{left}{}{tag}", c.prefix, c.sep),
        );
        if let Some(l) = self.lines.get_mut(h) {
            l.text = l.text.replacen(&url, &head, 1);
        }
        let at = self
            .version_index(v)
            .and_then(|i| self.doc.sections.get(i))
            .map(|s| s.heading);
        if let Some(l) = at.and_then(|i| self.lines.get_mut(i)) {
            let label = format!("[{v}]");
            if l.text.contains(&label) && !l.text.contains(&format!("{label}(")) {
                l.text = l
                    .text
                    .replacen(&label, &format!("{label}({version_url})"), 1);
            }
        }
        true
    }

    /// `from` turns the left side of the Unreleased compare link into the version link's;
    /// the links name release `v`'s tag `tag`, the one before it `prev_tag`.
    fn update_links(
        &mut self,
        v: &str,
        (prev_tag, tag, tag_prefix): (Option<&str>, &str, &str),
        (compare_base, from): (Option<&str>, &LeftSide),
    ) {
        // A definition no heading refers to is not written: commitizen's `## v1.0.1 (…)`
        // headings link nothing, and its files have no definitions.
        let has_version_link =
            self.doc.links.iter().any(|l| l.label == v) || !self.refers(self.version_index(v), v);
        // Nor is `[unreleased]:` where the release's heading refers to no definition (linked
        // inline, as conventional-changelog's are, or bare): the file's releases use none.
        let unreleased_used = self.refers(self.unreleased_index(), "unreleased")
            && self.refers(self.version_index(v), v);
        let unreleased = self
            .doc
            .links
            .iter()
            .find(|l| l.label.eq_ignore_ascii_case("unreleased"))
            .cloned();
        if unreleased.is_none() && self.inline_links(v, (tag, tag_prefix), from) {
            return;
        }
        let rewritten = unreleased.as_ref().and_then(|link| {
            let c = parse_compare(&link.url)?;
            let (head, version_url) = match c.moving(tag_prefix)? {
                Moving::Right => (
                    format!("{}{tag}{}{}", c.prefix, c.sep, c.right),
                    from(c.left).map_or_else(
                        || tag_page(c.prefix, tag),
                        |left| format!("{}{left}{}{tag}", c.prefix, c.sep),
                    ),
                ),
                Moving::Left => (
                    format!("{}{}{}{tag}", c.prefix, c.left, c.sep),
                    from(c.right).map_or_else(
                        || tag_page(c.prefix, tag),
                        |right| format!("{}{tag}{}{right}", c.prefix, c.sep),
                    ),
                ),
            };
            Some((link.clone(), head, version_url))
        });
        let base = compare_base.map(|b| b.trim_end_matches('/'));
        let (link_line, head, version_url) = match (rewritten, base) {
            (Some((link, head, vurl)), _) => (Some((link.line, link.url)), head, vurl),
            (None, Some(base)) => {
                let vurl = match prev_tag {
                    Some(p) => format!("{base}/compare/{p}...{tag}"),
                    None => format!("{base}/releases/tag/{tag}"),
                };
                (
                    unreleased.map(|l| (l.line, l.url)),
                    format!("{base}/compare/{tag}...HEAD"),
                    vurl,
                )
            }
            (None, None) => return,
        };
        let version_url = self
            .tag_page_like(v, tag, tag_prefix)
            .unwrap_or(version_url);
        let version_link = format!("[{v}]: {version_url}");
        match link_line {
            Some((i, old_url)) => {
                if let Some(l) = self.lines.get_mut(i) {
                    l.text = l.text.replacen(&old_url, &head, 1);
                }
                if !has_version_link {
                    self.insert_lines(i + 1, vec![version_link]);
                }
            }
            None => {
                let mut texts = Vec::new();
                if unreleased_used {
                    texts.push(format!("[unreleased]: {head}"));
                }
                if !has_version_link {
                    texts.push(version_link);
                }
                if texts.is_empty() {
                    return;
                }
                let last_heading = self.doc.sections.last().map_or(0, |s| s.heading);
                match self.doc.links.iter().find(|l| l.line > last_heading) {
                    Some(l) => {
                        let at = l.line;
                        self.insert_lines(at, texts);
                    }
                    // A closing comment (git-cliff's `<!-- generated by git-cliff -->`) stays
                    // the file's last line: the links go above it.
                    None => {
                        let at = self.closing_comment().unwrap_or(self.lines.len());
                        if at > 0
                            && self
                                .lines
                                .get(at - 1)
                                .is_some_and(|l| !l.text.trim().is_empty())
                        {
                            texts.insert(0, String::new());
                        }
                        if at < self.lines.len() {
                            texts.push(String::new());
                        }
                        self.insert_lines(at, texts);
                    }
                }
            }
        }
        self.reindex();
    }
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    fn released(text: &str, version: &str) -> String {
        let mut log = Changelog::parse(text).unwrap();
        log.release(version, "2026-12-04", "v", None).unwrap();
        log.render()
    }

    /// QA49: a CR on the Unreleased line alone, in an LF file, moved onto the new heading.
    #[test]
    fn the_unreleased_lines_own_ending_stays_on_it() {
        let text = "# Changelog\n\n## [Unreleased]\r\n\n- x\n\n## [1.0.0] - 2024-01-01\n\n- y\n";
        let out = released(text, "1.0.1");
        assert!(
            out.starts_with("# Changelog\n\n## [Unreleased]\r\n\n## [1.0.1] - 2026-12-04\n\n- x\n"),
            "{out:?}"
        );
        // CRLF throughout: every new line is CRLF too.
        let out = released(&text.replace('\n', "\r\n").replace("\r\r", "\r"), "1.0.1");
        assert!(!out.replace("\r\n", "").contains('\n'), "{out:?}");
        assert!(
            out.contains("]\r\n\r\n## [1.0.1] - 2026-12-04\r\n"),
            "{out:?}"
        );
        // No line ending at all: the file's is added.
        assert!(released("## [Unreleased]", "1.0.1").starts_with("## [Unreleased]\n\n## [1.0.1]"));
    }

    /// QA41: a release-please changelog got `## [1.0.1] - 2026-12-04` under its own
    /// `## [1.0.0](…) (2024-01-01)` headings.
    #[test]
    fn a_release_follows_the_newest_releases_heading_style() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Bug Fixes\n\n* x\n\n## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n### Features\n\n* y\n";
        let out = released(text, "1.0.1");
        assert!(
            out.contains("## [Unreleased]\n\n## [1.0.1](https://github.com/o/r/compare/v1.0.0...v1.0.1) (2026-12-04)\n\n### Bug Fixes\n\n* x\n\n## [1.0.0]("),
            "{out}"
        );
        // Bare, with the date in parentheses.
        let text = "# Changelog\n\n## Unreleased\n\n- x\n\n## 1.0.0 (2024-01-01)\n\n- y\n";
        assert!(released(text, "1.1.0").contains("\n## 1.1.0 (2026-12-04)\n"));
        // commitizen's `v` kept.
        let text = "## Unreleased\n\n- x\n\n## v1.0.0 (2024-01-01)\n\n- y\n";
        assert!(released(text, "1.0.1").contains("\n## v1.0.1 (2026-12-04)\n"));
        // QA44: cocogitto's default, bare with a dash, `v` or not.
        for (newest, new) in [("v1.0.0", "v1.0.1"), ("1.0.0", "1.0.1")] {
            let text = format!("## [Unreleased]\n\n- x\n\n## {newest} - 2024-01-01\n\n- y\n");
            let out = released(&text, "1.0.1");
            assert!(out.contains(&format!("\n## {new} - 2026-12-04\n")), "{out}");
        }
        // QA47: bare and undated (written by hand) above a dated release, `v` or not: bare,
        // with the dash.
        for (newest, new) in [("v1.0.0", "v1.1.0"), ("1.0.0", "1.1.0")] {
            let text = format!(
                "## [Unreleased]\n\n- x\n\n## {newest}\n\n- y\n\n## 0.9.0 - 2024-01-01\n\n- z\n"
            );
            let out = released(&text, "1.1.0");
            assert!(out.contains(&format!("\n## {new} - 2026-12-04\n")), "{out}");
        }
        // QA177: no release of the file dated (changesets', or kept so by hand): none either.
        for (newest, new) in [
            ("v1.0.0", "v1.1.0"),
            ("1.0.0", "1.1.0"),
            ("[1.0.0]", "[1.1.0]"),
        ] {
            let text = format!("## [Unreleased]\n\n- x\n\n## {newest}\n\n- y\n\n## 0.9.0\n\n- z\n");
            let out = released(&text, "1.1.0");
            assert!(out.contains(&format!("\n## {new}\n\n- x\n")), "{out}");
        }
        // A tag's page.
        let text = "## [Unreleased]\n\n- x\n\n## [1.0.0](https://github.com/o/r/releases/tag/v1.0.0) (2024-01-01)\n\n- y\n";
        let out = released(text, "2.0.0");
        assert!(
            out.contains("\n## [2.0.0](https://github.com/o/r/releases/tag/v2.0.0) (2026-12-04)\n"),
            "{out}"
        );
        // git-cliff's and cocogitto's: a linked label, then Keep a Changelog's dash.
        let text = "## [Unreleased]\n\n- x\n\n## [1.0.0](https://github.com/o/r/compare/v0.9.0..v1.0.0) - 2024-01-01\n\n- y\n";
        assert!(released(text, "1.0.1").contains(
            "\n## [1.0.1](https://github.com/o/r/compare/v1.0.0..v1.0.1) - 2026-12-04\n"
        ));
        // conventional-changelog's levels: `# ` for a minor release, `## ` for a patch.
        let text = "# Change Log\n\n# [1.1.0](https://g/o/r/compare/v1.0.0...v1.1.0) (2024-02-01)\n\n- x\n\n## [1.0.1](https://g/o/r/compare/v1.0.0...v1.0.1) (2024-01-15)\n\n- y\n";
        let out = released(text, "1.2.0");
        assert!(
            out.contains("\n# [1.2.0](https://g/o/r/compare/v1.1.0...v1.2.0) (2026-12-04)\n"),
            "{out}"
        );
        let out = released(text, "1.1.1");
        assert!(
            out.contains("\n## [1.1.1](https://g/o/r/compare/v1.1.0...v1.1.1) (2026-12-04)\n"),
            "{out}"
        );
        // Keep a Changelog's own, and a style not understood, give Keep a Changelog's.
        for newest in [
            "## [1.0.0] - 2024-01-01",
            "## [1.0.0](https://x/compare/a...b) (2024-01-01)",
            "## [1.0.0] (2024-01-01)",
        ] {
            let text = format!("## [Unreleased]\n\n- x\n\n{newest}\n\n- y\n");
            let out = released(&text, "1.0.1");
            assert!(out.contains("\n## [1.0.1] - 2026-12-04\n"), "{out}");
        }
    }

    /// QA35: on git-cliff's own changelog the link definitions went below its closing
    /// `<!-- generated by git-cliff -->`.
    #[test]
    fn links_go_above_a_closing_comment() {
        let text = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a\n\n## [1.0.0] - 2024-01-01\n\n- b\n\n<!-- generated by git-cliff -->\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release("1.1.0", "2024-02-01", "v", Some("https://github.com/o/r"))
            .unwrap();
        let out = log.render();
        assert!(
            out.ends_with("- b\n\n[unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD\n[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0\n\n<!-- generated by git-cliff -->\n"),
            "{out}"
        );
        // Without one, they end the file as before.
        let mut log = Changelog::parse("# Changelog\n\n## [Unreleased]\n\n- a\n").unwrap();
        log.release("1.0.0", "2024-02-01", "v", Some("https://github.com/o/r"))
            .unwrap();
        assert!(
            log.render().ends_with("- a\n\n[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD\n[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0\n"),
            "{}",
            log.render()
        );
    }

    /// QA44: commitizen's `## v1.0.0 (…)` gave `[1.0.1]: …/compare/vv1.0.0...v1.0.1`, a
    /// definition no heading refers to, its tag prefix doubled.
    #[test]
    fn a_definition_is_written_only_for_a_heading_that_refers_to_it() {
        let base = Some("https://github.com/o/r");
        let text = "## [Unreleased]\n\n- x\n\n## v1.0.0 (2024-01-01)\n\n- y\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release("1.0.1", "2026-12-04", "v", base).unwrap();
        // Nor `[unreleased]:`, though `## [Unreleased]` could refer to it: the file's
        // releases use no definitions (QA44).
        assert!(log.render().ends_with("- y\n"), "{}", log.render());
        // No heading in brackets at all: no definition.
        let text = "## Unreleased\n\n- x\n\n## v1.0.0 (2024-01-01)\n\n- y\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release("1.0.1", "2026-12-04", "v", base).unwrap();
        assert!(log.render().ends_with("- y\n"), "{}", log.render());
        // A bracketed `v` label: its tag is not prefixed twice.
        let text = "## [Unreleased]\n\n- x\n\n## [v1.0.0] - 2024-01-01\n\n- y\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release("1.0.1", "2026-12-04", "v", base).unwrap();
        let out = log.render();
        assert!(out.contains("/compare/v1.0.0...v1.0.1\n"), "{out}");
    }

    /// QA44: the compare link starts at the tag the release is made from, where history
    /// says (v1.0.1, with no section), not at the previous section's version.
    #[test]
    fn the_compare_link_starts_at_the_tag_named() {
        let text = "## [Unreleased]\n\n- x\n\n## [1.0.0] - 2024-01-01\n\n- y\n\n[unreleased]: https://g/o/r/compare/v1.0.0...HEAD\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release_from("1.0.2", "2026-12-04", "v", None, (Some("v1.0.1"), None))
            .unwrap();
        let out = log.render();
        assert!(
            out.ends_with("[unreleased]: https://g/o/r/compare/v1.0.2...HEAD\n[1.0.2]: https://g/o/r/compare/v1.0.1...v1.0.2\n"),
            "{out}"
        );
        // release-please's inline link too.
        let text = "## [1.0.0](https://g/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n- y\n";
        let mut log = Changelog::parse(text).unwrap();
        log.ensure_unreleased();
        log.add_entry_as_named("Bug Fixes", "x", false);
        log.release_from("1.0.2", "2026-12-04", "v", None, (Some("v1.0.1"), None))
            .unwrap();
        let out = log.render();
        assert!(
            out.contains("## [1.0.2](https://g/o/r/compare/v1.0.1...v1.0.2) (2026-12-04)"),
            "{out}"
        );
    }

    /// QA44: commitlint's `## [19.0.0](…/compare/…) (…)` headings got `[unreleased]: …` at
    /// the file's end, a definition in a style the file never uses.
    #[test]
    fn an_inline_linked_release_adds_no_definition() {
        let text = "# Change Log\n\n## [Unreleased]\n\n### Bug Fixes\n\n* x\n\n## [1.0.0](https://github.com/o/r/compare/v0.9.0...v1.0.0) (2024-01-01)\n\n* y\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release("1.0.1", "2026-12-04", "v", Some("https://github.com/o/r"))
            .unwrap();
        let out = log.render();
        assert!(
            out.contains(
                "\n## [1.0.1](https://github.com/o/r/compare/v1.0.0...v1.0.1) (2026-12-04)\n"
            ),
            "{out}"
        );
        assert!(out.ends_with("* y\n"), "{out}");
        // A definition the file has is still moved on.
        let kept = format!("{text}\n[unreleased]: https://github.com/o/r/compare/v1.0.0...HEAD\n");
        let mut log = Changelog::parse(&kept).unwrap();
        log.release("1.0.1", "2026-12-04", "v", None).unwrap();
        assert!(
            log.render()
                .ends_with("[unreleased]: https://github.com/o/r/compare/v1.0.1...HEAD\n"),
            "{}",
            log.render()
        );
    }

    /// QA44: cocogitto's package headings (`## cocogitto-7.0.0 - 2026-03-04`) got
    /// `## [7.0.1] - …` and link definitions no heading of the file uses.
    #[test]
    fn a_name_before_the_version_is_kept_in_the_new_heading() {
        let text = "## [Unreleased]\n\n- x\n\n## cocogitto-7.0.0 - 2026-03-04\n\n- y\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release(
            "7.0.1",
            "2026-12-04",
            "cocogitto-",
            Some("https://github.com/o/r"),
        )
        .unwrap();
        assert_eq!(
            log.render(),
            text.replace("- x\n", "## cocogitto-7.0.1 - 2026-12-04\n\n- x\n")
        );
        let text = "## Unreleased\n\n- x\n\n## Version 1.2.3 (2020-01-01)\n\n- y\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release("1.3.0", "2026-12-04", "v", None).unwrap();
        assert!(
            log.render().contains("\n## Version 1.3.0 (2026-12-04)\n"),
            "{}",
            log.render()
        );
    }
}
