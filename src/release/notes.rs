//! Release notes: one version's changelog section as Markdown, for the tag message and for
//! `gh release create --notes-file -`.

use crate::changelog::Changelog;

/// The notes for `version` from a changelog's text: its sub-sections and entries.
pub fn from_changelog_text(text: &str, version: &str) -> Option<String> {
    let log = Changelog::parse(text).ok()?;
    let entries = log.entries_of(version)?;
    let mut out = String::new();
    let mut section = "";
    for e in &entries {
        if e.section != section {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("### {}\n\n", e.section));
            section = &e.section;
        }
        out.push_str(&format!("- {}\n", e.text.replace('\n', "\n  ")));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_of_one_version() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-01-02\n\n### Added\n\n- a\n- b\n\n### Fixed\n\n- c\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- old\n";
        assert_eq!(
            from_changelog_text(text, "1.1.0").unwrap(),
            "### Added\n\n- a\n- b\n\n### Fixed\n\n- c\n"
        );
        assert_eq!(
            from_changelog_text(text, "v1.0.0").unwrap(),
            "### Added\n\n- old\n"
        );
        assert!(from_changelog_text(text, "2.0.0").is_none());
    }
}
