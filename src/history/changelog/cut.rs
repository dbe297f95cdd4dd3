//! Whether a changelog is another with one release cut as relhook cuts it: what tells
//! relhook's release commit from a user's own that wrote the section by hand (a paragraph of
//! their own, an entry more, another line edited), which undoing the release would drop.

use super::Changelog;

impl Changelog {
    /// Whether `self` is `before` with release `version` cut by [`Changelog::release_from`]
    /// on the date its heading gives: the same lines, but for blank ones and the compare links
    /// a release writes (`[unreleased]`, `[version]`), which follow the forge and the tags.
    pub fn is_release_of(
        &self,
        before: &Changelog,
        version: &str,
        tag_prefix: &str,
        compare_base: Option<&str>,
    ) -> bool {
        let Some(heading) = self
            .section_lines(version)
            .and_then(|(h, _)| Some(&self.lines.get(h)?.text))
        else {
            return false;
        };
        // An undated heading (a file whose releases have no dates) was cut on any date: the
        // cut below writes none where the file has none, and one where it has (not relhook's).
        let date = date_in(heading).unwrap_or("2000-01-01");
        let mut made = before.clone();
        if made
            .release_from(version, date, tag_prefix, compare_base, (None, None))
            .is_err()
        {
            return false;
        }
        let said = |log: &Changelog| -> Vec<String> {
            log.lines
                .iter()
                .map(|l| l.text.trim_end().to_owned())
                .filter(|t| !t.is_empty() && !release_link(t, version))
                .collect()
        };
        said(self) == said(&made)
    }
}

/// The first `YYYY-MM-DD` in a heading.
fn date_in(heading: &str) -> Option<&str> {
    (0..heading.len().saturating_sub(9))
        .filter_map(|i| heading.get(i..i + 10))
        .find(|d| super::lex::is_date(d))
}

/// Whether `line` defines the `[unreleased]` or `[version]` compare link.
fn release_link(line: &str, version: &str) -> bool {
    super::lex::link_def(line).is_some_and(|(label, _)| {
        label.eq_ignore_ascii_case("unreleased")
            || super::parse::version_key(label) == super::parse::version_key(version)
    })
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    const BEFORE: &str = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- add a\n\n## [0.1.0] - 2026-01-01\n\n- first\n\n[unreleased]: https://example.com/o/r/compare/v0.1.0...HEAD\n[0.1.0]: https://example.com/o/r/releases/tag/v0.1.0\n";

    fn cut(before: &str) -> String {
        let mut log = Changelog::parse(before).expect("kept");
        log.release("0.2.0", "2026-02-03", "v", None).expect("cut");
        log.render()
    }

    fn is_cut(after: &str) -> bool {
        let after = Changelog::parse(after).expect("kept");
        after.is_release_of(&Changelog::parse(BEFORE).expect("kept"), "0.2.0", "v", None)
    }

    #[test]
    fn the_release_relhook_cuts_is_one() {
        let after = cut(BEFORE);
        assert!(is_cut(&after), "{after}");
        // Another forge or start for the compare links, blank lines moved: still the release.
        let moved = after.replace("example.com/o/r/compare", "elsewhere.org/r/compare");
        assert!(
            is_cut(&moved.replace("\n\n- add a", "\n- add a")),
            "{moved}"
        );
    }

    #[test]
    fn anything_relhook_would_not_write_is_the_users() {
        let after = cut(BEFORE);
        let heading = "## [0.2.0] - 2026-02-03\n";
        let with = |from: &str, to: &str| {
            assert!(after.contains(from), "{after}");
            after.replacen(from, to, 1)
        };
        for edited in [
            with(heading, &format!("{heading}\nOur very first release.\n")),
            with("- add a\n", "- add a\n- add b\n"),
            with("- add a\n", "- add a, reworded\n"),
            with("- first\n", "- first, edited\n"),
            with("## [Unreleased]\n", "## [Unreleased]\n\nSoon: more.\n"),
        ] {
            assert!(!is_cut(&edited), "{edited}");
        }
        // A section that is not there, or no date to cut it on.
        assert!(!is_cut(BEFORE));
        assert!(!is_cut(&with(" - 2026-02-03", "")));
    }
}
