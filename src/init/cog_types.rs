//! cocogitto's commit types, for `init` to propose: cocogitto lists eleven types in its
//! changelog by default, each under a title (`docs` under `Documentation`, `test` under
//! `Tests`, ...), in an `order`, and bumps the minor version for `feat` and the patch for
//! `fix`. cog.toml's `[commit_types]` adds types to those, overrides a type's
//! `changelog_title`, `order`, `bump_minor` or `bump_patch`, leaves a type out of the
//! changelog (`omit_from_changelog = true`), and turns a type off with a table that sets none
//! of those (`perf = {}`). They become `[commit] types`, the `[changelog.sections]` the types
//! go under (in cocogitto's order) and `[version] minor_types`, so a project that moves from
//! cocogitto keeps its vocabulary, its changelog's sections and its bumps.
//! (Every other type bumps the patch version under relhook: a `bump_patch` type too.)

use std::path::Path;

use super::commit_types::{ProjectTypes, unread, valid};

/// cocogitto's configuration file.
pub(super) const COG_TOML: &str = "cog.toml";

/// cocogitto's default types (`Settings::default_commit_config`): each with its changelog
/// title and order; `feat` bumps the minor version. relhook's own names stand for the four it
/// knows (`Added` is written `Features` in a file that says so), cocogitto's for the rest.
const DEFAULTS: [(&str, &str); 11] = [
    ("feat", "Added"),
    ("fix", "Fixed"),
    ("perf", "Changed"),
    ("revert", "Removed"),
    ("docs", "Documentation"),
    ("test", "Tests"),
    ("build", "Build system"),
    ("ci", "Continuous Integration"),
    ("refactor", "Refactoring"),
    ("chore", "Miscellaneous Chores"),
    ("style", "Style"),
];

/// cog.toml's `[changelog] path` at `root` (`./` parts aside), when it names another file than
/// cocogitto's default `CHANGELOG.md`: where the project keeps its changelog. `Err`: a value
/// that is no path, as a clause.
pub(super) fn changelog_path(root: &Path) -> Option<Result<String, String>> {
    let Some(Ok(text)) = super::commit_types::load(root, COG_TOML) else {
        return None;
    };
    let doc = text.parse::<toml_edit::DocumentMut>().ok()?;
    let value = doc.get("changelog")?.get("path")?;
    let Some(mut path) = value.as_str() else {
        return Some(Err("it is not a string".to_owned()));
    };
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    (path != "CHANGELOG.md").then(|| Ok(path.to_owned()))
}

/// The configuration `text` (for the file `config`) with `[changelog] path` set as cog.toml's
/// `[changelog] path` says, and the sentence that says so (`Err`: why it stays
/// `CHANGELOG.md`); `None`: cog.toml says no other path.
pub(super) fn with_changelog(
    text: String,
    config: &Path,
) -> (String, Option<Result<String, String>>) {
    let root = config.parent().unwrap_or(Path::new("."));
    let why = match changelog_path(root) {
        None => return (text, None),
        Some(Err(why)) => why,
        Some(Ok(path)) => {
            let carried = super::config_text::with_changelog_path(&text, Path::new(&path));
            match crate::config::Config::parse(config, &carried) {
                Ok(_) => {
                    let value = crate::config::toml_text::string(&path);
                    let said = format!(
                        "set `[changelog] path = {value}`, as cog.toml's `[changelog] path` says"
                    );
                    return (carried, Some(Ok(said)));
                }
                Err(crate::Error::Config { message, .. }) => message,
                Err(e) => e.to_string(),
            }
        }
    };
    let said = format!(
        "left `[changelog] path` at CHANGELOG.md: cog.toml's `[changelog] path` is not carried: {why}"
    );
    (text, Some(Err(crate::printable::visible(&said))))
}

/// One type as cocogitto settles it: its title (`None`: no section), its order, whether it
/// bumps the minor version.
struct CogType {
    name: String,
    title: Option<String>,
    order: i64,
    minor: bool,
}

/// The types, sections and minor types cog.toml's text `text` says (cocogitto's defaults
/// where it has no `[commit_types]`).
pub(super) fn from_cog(text: &str) -> Option<ProjectTypes> {
    let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else {
        return Some(unread(COG_TOML, "it does not read as TOML"));
    };
    let mut all: Vec<CogType> = (DEFAULTS.iter().zip(1..))
        .map(|((name, title), order)| CogType {
            name: (*name).to_owned(),
            title: Some((*title).to_owned()),
            order,
            minor: *name == "feat",
        })
        .collect();
    let from = match doc.get("commit_types") {
        None => "cog.toml, whose types are cocogitto's defaults".to_owned(),
        Some(table) => {
            let Some(table) = table.as_table_like() else {
                return Some(unread(COG_TOML, "its `commit_types` is not a table"));
            };
            if let Err(why) = overlay(&mut all, table) {
                return Some(unread(COG_TOML, &why));
            }
            "cog.toml's `[commit_types]`".to_owned()
        }
    };
    if all.is_empty() {
        return Some(unread(
            COG_TOML,
            "its `[commit_types]` turns every type off, and relhook needs at least one",
        ));
    }
    // relhook's type order, then the project's own types in the order the file gives them.
    let rank = |t: &CogType| {
        let mut defaults = crate::config::DEFAULT_TYPES.iter();
        defaults.position(|d| *d == t.name).unwrap_or(usize::MAX)
    };
    let mut ranked: Vec<&CogType> = all.iter().collect();
    ranked.sort_by_key(|t| rank(t));
    let types: Vec<String> = ranked.iter().map(|t| t.name.clone()).collect();
    let minor: Vec<String> = (all.iter().filter(|t| t.minor))
        .map(|t| t.name.clone())
        .collect();
    // Sections in cocogitto's order (a type with no `order` first, as cocogitto sorts it).
    let mut sectioned: Vec<&CogType> = all.iter().filter(|t| t.title.is_some()).collect();
    sectioned.sort_by_key(|t| t.order);
    let sections: Vec<(String, String)> = (sectioned.into_iter())
        .map(|t| (t.name.clone(), t.title.clone().unwrap_or_default()))
        .collect();
    // cocogitto's order of the sub-sections, each name once: carried even where the sections
    // are relhook's defaults, which relhook would place otherwise.
    let mut order: Vec<String> = Vec::new();
    for (_, title) in &sections {
        if !order.iter().any(|n| n.eq_ignore_ascii_case(title)) {
            order.push(title.clone());
        }
    }
    let mut sorted = sections.clone();
    sorted.sort();
    let default_sections: Vec<(String, String)> = crate::config::ChangelogConfig::default()
        .sections
        .into_iter()
        .collect();
    Some(ProjectTypes::Read {
        types,
        from,
        sections: (sorted != default_sections).then_some(sections),
        order: (!order.is_empty()).then_some(order),
        minor_types: (minor != ["feat"]).then_some(minor),
    })
}

/// `all` with cog.toml's `[commit_types]` `table` laid over it, as cocogitto merges them;
/// `Err`: why the table is not read.
fn overlay(all: &mut Vec<CogType>, table: &dyn toml_edit::TableLike) -> Result<(), String> {
    for (name, item) in table.iter() {
        let name = valid(vec![name.to_owned()], "its `[commit_types]`")?
            .0
            .remove(0);
        let Some(config) = item.as_table_like() else {
            return Err(format!("its `commit_types.{name}` is not a table"));
        };
        let set = [
            "changelog_title",
            "omit_from_changelog",
            "bump_minor",
            "bump_patch",
        ];
        if !set.iter().any(|k| config.contains_key(k)) {
            // A table that sets none of those (cocogitto reads `order` alone as none) turns
            // the type off.
            all.retain(|t| t.name != name);
            continue;
        }
        let at = match all.iter().position(|t| t.name == name) {
            Some(at) => at,
            None => {
                all.push(CogType {
                    name: name.clone(),
                    title: None,
                    order: 0,
                    minor: false,
                });
                all.len() - 1
            }
        };
        let t = &mut all[at];
        if let Some(order) = config.get("order").and_then(|v| v.as_integer()) {
            t.order = order;
        }
        if let Some(minor) = config.get("bump_minor").and_then(|v| v.as_bool()) {
            t.minor = minor;
        }
        let title = config.get("changelog_title").and_then(|v| v.as_str());
        if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
            if title.contains(|c: char| c.is_control() && c != '\t') || title.starts_with('#') {
                return Err(format!(
                    "its `commit_types.{name}` has the changelog title `{}`, and a sub-section name is one line of text without control characters",
                    crate::printable::visible(title)
                ));
            }
            t.title = Some(title.to_owned());
        }
        if config.get("omit_from_changelog").and_then(|v| v.as_bool()) == Some(true) {
            t.title = None;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The types, the sections and the minor types `text` gives.
    type Read = (Vec<String>, Vec<(String, String)>, Option<Vec<String>>);

    fn read(text: &str) -> Read {
        match from_cog(text) {
            Some(ProjectTypes::Read {
                types,
                sections,
                minor_types,
                ..
            }) => (types, sections.unwrap_or_default(), minor_types),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn cocogitto_s_own_commit_types_add_a_type_and_its_title() {
        let text = "[commit_types]\nex = { changelog_title = \"Ex\" }\nchore = { omit_from_changelog = true }\nperf = {}\nfeat = { changelog_title = \"Features\" }\n";
        let (types, sections, minor) = read(text);
        assert_eq!(
            types,
            [
                "feat", "fix", "docs", "style", "refactor", "test", "build", "ci", "chore",
                "revert", "ex"
            ]
        );
        let got: Vec<(&str, &str)> = sections
            .iter()
            .map(|(t, s)| (t.as_str(), s.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("ex", "Ex"),
                ("feat", "Features"),
                ("fix", "Fixed"),
                ("revert", "Removed"),
                ("docs", "Documentation"),
                ("test", "Tests"),
                ("build", "Build system"),
                ("ci", "Continuous Integration"),
                ("refactor", "Refactoring"),
                ("style", "Style"),
            ]
        );
        assert_eq!(minor, None, "feat alone bumps the minor version");
        assert!(matches!(
            from_cog("[commit_types]\n\"a b\" = { changelog_title = \"X\" }\n"),
            Some(ProjectTypes::Unread(_))
        ));
    }

    #[test]
    fn cocogitto_s_defaults_its_bumps_and_its_order_are_kept() {
        // No `[commit_types]`: cocogitto's eleven types, every one in the changelog.
        let (types, sections, minor) = read("branch_whitelist = [\"main\"]\n");
        assert_eq!(types.len(), 11);
        assert_eq!(sections.len(), 11);
        assert_eq!(minor, None);
        let text = "[commit_types]\nhotfix = { changelog_title = \"Hotfixes\", bump_patch = true, order = 3 }\nex = { changelog_title = \"Experiments\", bump_minor = true, order = 20 }\ndocs = { order = 1 }\ntest = { omit_from_changelog = true }\n";
        let (types, sections, minor) = read(text);
        assert!(types.contains(&"hotfix".to_owned()) && !types.contains(&"docs".to_owned()));
        assert_eq!(minor, Some(vec!["feat".to_owned(), "ex".to_owned()]));
        let names: Vec<&str> = sections.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "feat", "fix", "perf", "hotfix", "revert", "build", "ci", "refactor", "chore",
                "style", "ex"
            ]
        );
    }
}
