//! The names git-cliff heads its groups with. A git-cliff project's `commit_parsers` give
//! each kind of commit its group (`{ message = "^fix", group = "🐛 Bug Fixes" }`), which its
//! template writes as the sub-section heading, after taking out the HTML comment that orders
//! the groups (`<!-- 1 -->🐛 Bug Fixes`, by `striptags` or `trim_start_matches`) and trimming
//! it (`trim | upper_first`). A new sub-section of a file that has no heading of its kind yet
//! takes that name, not relhook's word for it.

use super::Changelog;
use super::vocab::{bare, same_section};

/// `group` as git-cliff's templates head it: every HTML comment (`<!-- 0 -->`) taken out,
/// blanks trimmed, the first letter a capital.
pub fn heading_name(group: &str) -> String {
    let mut rest = group;
    let mut kept = String::new();
    while let Some(start) = rest.find("<!--") {
        kept.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    kept.push_str(rest);
    let mut chars = kept.trim().chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The Unreleased heading a git-cliff template `body` writes (`## [unreleased]` in git-cliff's
/// own, `## [Unreleased]` in its keepachangelog example, `## Unreleased`): the line of its
/// `{% else %}` branch that heads a section and says nothing but `unreleased`, its Tera tags
/// taken out (`{% else %}## [unreleased]`, once TOML's line-ending backslash joined them).
pub fn unreleased_heading(body: &str) -> Option<String> {
    body.lines().find_map(|line| {
        let mut text = String::new();
        let mut rest = line;
        while let Some(start) = rest.find("{%") {
            text.push_str(&rest[..start]);
            rest = rest[start..]
                .find("%}")
                .map_or("", |end| &rest[start + end + 2..]);
        }
        text.push_str(rest);
        let text = text.trim();
        let words = text.trim_start_matches('#');
        let level = text.len() - words.len();
        let name = words.trim().trim_start_matches('[').trim_end_matches(']');
        let heads = (1..=6).contains(&level) && words.starts_with(' ');
        (heads && name.eq_ignore_ascii_case("unreleased")).then(|| text.to_owned())
    })
}

impl Changelog {
    /// The Unreleased heading the project's git-cliff template `body` writes (see
    /// [`unreleased_heading`]), for the section relhook adds when the file has none.
    pub fn set_cliff_unreleased(&mut self, body: Option<&str>) {
        self.cliff_unreleased = body.and_then(unreleased_heading);
    }

    /// The heading of an Unreleased section relhook adds: the git-cliff template's, else
    /// Keep a Changelog's `## [Unreleased]`.
    pub(super) fn unreleased_heading(&self) -> String {
        (self.cliff_unreleased.clone()).unwrap_or_else(|| "## [Unreleased]".to_owned())
    }

    /// The group names of the project's git-cliff `commit_parsers` (as configured: each is
    /// headed as [`heading_name`] says): a new sub-section of their kind is named after them.
    pub fn set_cliff_groups(&mut self, groups: &[String]) {
        self.cliff_groups = groups
            .iter()
            .map(|g| heading_name(g))
            .filter(|g| !g.is_empty())
            .collect();
    }

    /// The git-cliff group heading for relhook's `section` (`word` in the file's vocabulary;
    /// `breaking`: for an entry marked `**BREAKING**`, which only a group of that very name
    /// takes), if the project configures one.
    pub(super) fn cliff_group(&self, section: &str, breaking: bool, word: &str) -> Option<String> {
        self.cliff_groups
            .iter()
            .find(|g| bare(g).eq_ignore_ascii_case(word) || (!breaking && same_section(g, section)))
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_comment_and_blanks_are_taken_out() {
        assert_eq!(heading_name("<!-- 0 -->🚀 Features"), "🚀 Features");
        assert_eq!(heading_name(" <!-- 10 --> bug fixes "), "Bug fixes");
        assert_eq!(heading_name("⛰️  Features"), "⛰️  Features");
        assert_eq!(heading_name("<!-- unclosed"), "");
    }

    #[test]
    fn the_unreleased_heading_is_the_templates() {
        let own = "{% if version %}## [{{ version }}]\n{% else %}## [unreleased]\n{% endif %}\n";
        assert_eq!(unreleased_heading(own).as_deref(), Some("## [unreleased]"));
        let example =
            "{% if version -%}\n    ## [{{ version }}]\n{% else -%}\n    ## [Unreleased]\n";
        assert_eq!(
            unreleased_heading(example).as_deref(),
            Some("## [Unreleased]")
        );
        let bare = "## {{ version }}{% else %}\n## Unreleased{% endif %}\n";
        assert_eq!(unreleased_heading(bare).as_deref(), Some("## Unreleased"));
        assert_eq!(unreleased_heading("- unreleased\n##unreleased\n"), None);
    }

    #[test]
    fn a_new_section_takes_the_group_of_its_kind() {
        let mut log = Changelog::parse("# C\n\n## [Unreleased]\n").unwrap();
        assert_eq!(log.section_name("Fixed", false), "Fixed");
        log.set_cliff_groups(&["<!-- 1 -->🐛 Bug Fixes".into(), "⚡ Performance".into()]);
        assert_eq!(log.section_name("Fixed", false), "🐛 Bug Fixes");
        assert_eq!(log.section_name("Changed", true), "Changed");
        assert_eq!(log.section_name("Added", false), "Added");
    }
}
