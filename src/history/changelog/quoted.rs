//! A release section's heading as the file writes it (`## 1.0.0`, `## v1.0.0`), for messages
//! that quote it: a heading in relhook's own form (`## [1.0.0]`) would point the reader at a
//! line the file does not have.

use super::Changelog;
use super::parse::SectionKind;

impl Changelog {
    /// The heading of `version`'s section (`v` prefix ignored) as written, up to its version
    /// (and the `]` that closes it): what names the section, without its date or link.
    pub fn heading_of(&self, version: &str) -> Option<&str> {
        let section = self.doc.sections.get(self.version_index(version)?)?;
        let text = self.lines.get(section.heading)?.text.trim();
        let SectionKind::Release { version: label } = &section.kind else {
            return Some(text);
        };
        let Some(at) = text.find(label.as_str()) else {
            return Some(text);
        };
        let end = at + label.len();
        Some(&text[..end + usize::from(text[end..].starts_with(']'))])
    }
}

/// `version`'s heading in `log` as written, or relhook's own form when there is none to read.
/// A section in PEP 440's spelling (`## [1.0.0b1]`) is found by its SemVer one (`1.0.0-b.1`).
pub fn quoted_heading(log: Option<&Changelog>, version: &str) -> String {
    log.and_then(|l| {
        l.heading_of(version).or_else(|| {
            let v = semver::Version::parse(version).ok()?;
            let mut labels = l.versions().into_iter();
            let label = labels.find(|s| super::release_version(s).as_ref() == Some(&v))?;
            l.heading_of(&label)
        })
    })
    .map_or_else(|| format!("## [{version}]"), str::to_owned)
}

/// A pattern (POSIX extended, as `git log -S --pickaxe-regex` reads it) for the line of
/// heading `heading` as [`quoted_heading`] gives it: at a line's start, and not the start of
/// a longer version's (`## 1.0.0` is not `## 1.0.0-rc.1` nor `## 1.0.01`).
pub fn heading_pattern(heading: &str) -> String {
    let mut out = String::from("^");
    for c in heading.chars() {
        if ".[]()*+?{}|^$\\".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out.push_str("([^0-9A-Za-z.+-]|$)");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_pattern_matches_that_heading_line_alone() {
        let matches = |heading: &str, line: &str| {
            let re = regex::RegexBuilder::new(&heading_pattern(heading))
                .multi_line(true)
                .build();
            re.unwrap().is_match(line)
        };
        assert_eq!(
            heading_pattern("## [1.0.0]"),
            "^## \\[1\\.0\\.0\\]([^0-9A-Za-z.+-]|$)"
        );
        assert!(matches("## 1.0.0", "x\n## 1.0.0\n"));
        assert!(matches("## 1.0.0", "## 1.0.0 - 2024-01-01"));
        assert!(matches("## [1.0.0]", "## [1.0.0](https://x)"));
        assert!(!matches("## 1.0.0", "## 1.0.0-rc.1\n"));
        assert!(!matches("## 1.0.0", "## 1.0.01\n"));
        assert!(!matches("## 1.0.0", "### 1.0.0\n"));
        assert!(!matches("## [1.0.0]", "## 1.0.0\n"));
    }

    #[test]
    fn a_heading_is_quoted_as_written_up_to_its_version() {
        let text = "# Changelog\n\n## 1.0.0  \n\n- a\n\n## [0.1.0] - 2024-01-01\n\n## v0.0.2 (2023-01-01)\n\n## [0.0.1](https://x/v0.0.1)\n";
        let log = Changelog::parse(text).unwrap();
        let quoted = |v| quoted_heading(Some(&log), v);
        assert_eq!(quoted("1.0.0"), "## 1.0.0");
        assert_eq!(quoted("0.1.0"), "## [0.1.0]");
        assert_eq!(quoted("0.0.2"), "## v0.0.2");
        assert_eq!(quoted("0.0.1"), "## [0.0.1]");
        assert_eq!(quoted("2.0.0"), "## [2.0.0]");
        assert_eq!(quoted_heading(None, "2.0.0"), "## [2.0.0]");
        let beta = Changelog::parse("# Changelog\n\n## [1.0.0b1] - 2024-02-01\n\n- x\n").unwrap();
        assert_eq!(quoted_heading(Some(&beta), "1.0.0-b.1"), "## [1.0.0b1]");
    }
}
