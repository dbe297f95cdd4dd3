//! What an Unreleased entry calls for, read from the entry alone: a `**BREAKING**` entry a
//! major, one under the section `feat` commits go to a minor, any other a patch. A release
//! counts an entry no commit wrote so (`release::unlogged`), and a squash's own entry stands
//! for the entries it squashes only up to its own weight (`history::accumulate::squash`).

use crate::config::ChangelogConfig;

/// An entry's words without the marks a message's type and scope give them (`**BREAKING** `,
/// a scope in any tool's style), normalised: `fix: y` and `feat(api)!: y` word their entries
/// alike.
pub fn bare_words(text: &str) -> String {
    let t = text.strip_prefix("**BREAKING** ").unwrap_or(text);
    let t = super::scoped(t).map_or(t, |(_, d)| d);
    super::normalize(t)
}

/// An entry's weight, lightest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// Any other entry.
    Patch,
    /// An entry under the `feat` section.
    Minor,
    /// A `**BREAKING**` entry.
    Major,
}

impl Weight {
    /// The weight of an entry under `section` (`breaking`: it is marked `**BREAKING**`).
    pub fn of(breaking: bool, section: &str, config: &ChangelogConfig) -> Weight {
        let feat = config.section_for("feat").unwrap_or("Added");
        if breaking {
            Weight::Major
        } else if super::vocab::same_section(section, feat) {
            Weight::Minor
        } else {
            Weight::Patch
        }
    }

    /// The weight of an entry under `section` for the next version: a minor one under the
    /// section of any of `minor_types` (`[version] minor_types`, cocogitto's `bump_minor`).
    pub fn for_version(
        breaking: bool,
        section: &str,
        config: &ChangelogConfig,
        minor_types: &[String],
    ) -> Weight {
        let minor = minor_types
            .iter()
            .filter_map(|t| config.section_for(t))
            .any(|s| super::vocab::same_section(section, s));
        match Weight::of(breaking, section, config) {
            Weight::Patch if minor => Weight::Minor,
            w => w,
        }
    }

    /// The weight of an entry as the file lists it: its text (marked `**BREAKING**` or not)
    /// under `section`.
    pub fn of_listed(text: &str, section: &str, config: &ChangelogConfig) -> Weight {
        Weight::of(is_breaking(text), section, config)
    }

    /// `major`, `minor` or `patch`.
    pub fn level(self) -> &'static str {
        match self {
            Weight::Major => "major",
            Weight::Minor => "minor",
            Weight::Patch => "patch",
        }
    }
}

/// Whether an entry's text is marked breaking.
pub fn is_breaking(text: &str) -> bool {
    text.starts_with("**BREAKING**")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighs_by_mark_then_section() {
        let c = ChangelogConfig::default();
        assert_eq!(Weight::of(true, "Fixed", &c), Weight::Major);
        assert_eq!(Weight::of(false, " added ", &c), Weight::Minor);
        assert_eq!(Weight::of(false, "Fixed", &c), Weight::Patch);
        assert!(Weight::Patch < Weight::Minor && Weight::Minor < Weight::Major);
    }
}
