//! A changelog kept under another common name (HISTORY.md, CHANGES.md, NEWS.md, CHANGELOG):
//! where the project has no CHANGELOG.md, relhook names that file rather than start a second
//! changelog beside it. Asked only where CHANGELOG.md is missing, from a listing already read.

use super::Changelog;

/// The names (compared without letter case) a changelog is commonly kept under at the top,
/// the likelier first. CHANGELOG.md in another letter case is a case twin, said apart.
const OTHER_NAMES: &[&str] = &[
    "CHANGES.md",
    "HISTORY.md",
    "NEWS.md",
    "CHANGELOG",
    "CHANGES",
    "HISTORY",
    "NEWS",
    "CHANGELOG.txt",
    "CHANGES.txt",
    "HISTORY.txt",
    "NEWS.txt",
    "CHANGELOG.markdown",
];

/// The first of `names` (a folder's listing, as stored) that is a changelog under another
/// common name: `read(name)` gives its text, read only for a name on the list, and it must be
/// one relhook keeps with an Unreleased or a release section (a NEWS.md of prose is not).
pub fn kept_under_other_name<'a>(
    names: impl IntoIterator<Item = &'a str>,
    read: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let names: Vec<&str> = names.into_iter().collect();
    OTHER_NAMES
        .iter()
        .flat_map(|want| names.iter().filter(|n| n.eq_ignore_ascii_case(want)))
        .find(|n| read(n).is_some_and(|text| recognised(&text)))
        .map(|n| (*n).to_owned())
}

/// The same, for the files at `root` in the work tree.
pub fn kept_under_other_name_on_disk(root: &std::path::Path) -> Option<String> {
    let names: Vec<String> = std::fs::read_dir(root)
        .ok()?
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    kept_under_other_name(names.iter().map(String::as_str), |n| {
        std::fs::read_to_string(root.join(n)).ok()
    })
}

/// Why relhook makes no CHANGELOG.md beside `name`, the changelog kept under another name.
pub fn other_name_what(name: &str) -> String {
    format!(
        "the changelog here is {name} (Keep a Changelog), and relhook makes no second one named CHANGELOG.md beside it"
    )
}

/// The setting that names `name` (key and table said apart, so that it pastes into a
/// `[changelog]` table already there as well as into a new file).
pub fn other_name_fix(name: &str) -> String {
    let value = serde_json::Value::from(name).to_string();
    format!("set `path = {value}` under `[changelog]` in .relconfig.toml")
}

/// [`other_name_what`] and [`other_name_fix`], in one sentence.
pub fn other_name_what_fix(name: &str) -> String {
    format!("{}: {}", other_name_what(name), other_name_fix(name))
}

fn recognised(text: &str) -> bool {
    Changelog::parse(text).is_ok_and(|log| {
        log.is_keep_a_changelog() && (log.has_unreleased() || !log.versions().is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEPT: &str = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2020-01-01\n\n- a\n";

    #[test]
    fn a_changelog_under_another_name_is_found_and_prose_is_not() {
        let read = |n: &str| match n {
            "NEWS.md" => Some("# News\n\nWe moved offices.\n".to_owned()),
            "History.md" | "CHANGES" => Some(KEPT.to_owned()),
            _ => None,
        };
        assert_eq!(kept_under_other_name(["NEWS.md", "a.rs"], read), None);
        assert_eq!(
            kept_under_other_name(["NEWS.md", "CHANGES", "History.md"], read).as_deref(),
            Some("History.md")
        );
        assert_eq!(
            kept_under_other_name(["CHANGES"], read).as_deref(),
            Some("CHANGES")
        );
        assert_eq!(kept_under_other_name(["changelog.md"], read), None);
    }
}
