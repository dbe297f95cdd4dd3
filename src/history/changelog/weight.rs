//! What an Unreleased entry calls for, read from the entry alone: a `**BREAKING**` entry a
//! major, one under the section a minor type's commits go to (`feat`, or any of `[version]
//! minor_types`) a minor, any other a patch. A release
//! counts an entry no commit wrote so (`release::unlogged`), and a squash's own entry stands
//! for the entries it squashes only up to its own weight (`history::accumulate::squash`).

use crate::config::Config;

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
    /// An entry under the section of a minor type (`feat`).
    Minor,
    /// A `**BREAKING**` entry.
    Major,
}

impl Weight {
    /// The weight of an entry under `section` (`breaking`: it is marked `**BREAKING**`): a
    /// minor one under the section of any of `[version] minor_types` (`feat`, cocogitto's
    /// `bump_minor` types), as the next version weighs it.
    pub fn of(breaking: bool, section: &str, config: &Config) -> Weight {
        let changelog = &config.changelog;
        let minor = || {
            let mut sections =
                (config.version.minor_types.iter()).filter_map(|t| changelog.section_for(t));
            sections.any(|s| super::vocab::same_section(section, s))
        };
        if breaking {
            Weight::Major
        } else if minor() {
            Weight::Minor
        } else {
            Weight::Patch
        }
    }

    /// The weight of an entry as the file lists it: its text (marked `**BREAKING**` or not)
    /// under `section`.
    pub fn of_listed(text: &str, section: &str, config: &Config) -> Weight {
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

/// Whether an entry's text is marked breaking: relhook's `**BREAKING**`, or git-cliff's
/// `[**breaking**]` where its templates put it (`*(api)* [**breaking**] x`).
pub fn is_breaking(text: &str) -> bool {
    text.starts_with("**BREAKING**")
        || text.contains("[**breaking**]") && super::tool_marks::cliff_marked(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighs_by_mark_then_section() {
        let c = Config::default();
        assert_eq!(Weight::of(true, "Fixed", &c), Weight::Major);
        assert_eq!(Weight::of(false, " added ", &c), Weight::Minor);
        assert_eq!(Weight::of(false, "Fixed", &c), Weight::Patch);
        assert!(Weight::Patch < Weight::Minor && Weight::Minor < Weight::Major);
    }

    #[test]
    fn git_cliffs_mark_is_breaking_where_its_templates_put_it() {
        assert!(is_breaking("**BREAKING** **api:** x"));
        assert!(is_breaking("*(api)* [**breaking**] Drop x"));
        assert!(is_breaking("[**breaking**] Drop x"));
        assert!(!is_breaking("drop the [**breaking**] mark"));
        let c = Config::default();
        assert_eq!(
            Weight::of_listed("*(api)* [**breaking**] x", "Fixed", &c),
            Weight::Major
        );
    }

    #[test]
    fn every_minor_type_s_section_weighs_a_minor() {
        // cocogitto's `ex = { bump_minor = true }`, carried by init: its entries weigh as a
        // feature's, after a squash or a reword as for the next version.
        let mut c = Config::default();
        (c.changelog.sections).insert("ex".into(), "Experiments".into());
        assert_eq!(Weight::of(false, "Experiments", &c), Weight::Patch);
        c.version.minor_types = vec!["feat".into(), "ex".into()];
        assert_eq!(Weight::of(false, "Experiments", &c), Weight::Minor);
        assert_eq!(Weight::of_listed("x", "Added", &c), Weight::Minor);
        assert_eq!(Weight::of(false, "Fixed", &c), Weight::Patch);
        // Without `feat` among them, a feature's entry weighs a patch, as the version says.
        c.version.minor_types = vec!["ex".into()];
        assert_eq!(Weight::of(false, "Added", &c), Weight::Patch);
    }
}
