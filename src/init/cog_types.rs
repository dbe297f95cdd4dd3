//! cocogitto's commit types, for `init` to propose: cog.toml's `[commit_types]` adds types to
//! its defaults (which are relhook's), overrides a type's `changelog_title`, leaves a type out
//! of the changelog (`omit_from_changelog = true`), and turns a default type off with an empty
//! table (`perf = {}`). They become `[commit] types` and the `[changelog.sections]` the types
//! go under, so a project that moves from cocogitto keeps its vocabulary and its changelog's.

use super::commit_types::{ProjectTypes, unread, valid};

/// cocogitto's configuration file.
pub(super) const COG_TOML: &str = "cog.toml";

/// Where the types came from, as init says it.
const FROM: &str = "cog.toml's `[commit_types]`";

/// The types and sections cog.toml's text `text` says; `None` when it has no
/// `[commit_types]` (cocogitto's defaults are relhook's).
pub(super) fn from_cog(text: &str) -> Option<ProjectTypes> {
    let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else {
        return Some(unread(COG_TOML, "it does not read as TOML"));
    };
    let table = doc.get("commit_types")?;
    let Some(table) = table.as_table_like() else {
        return Some(unread(COG_TOML, "its `commit_types` is not a table"));
    };
    let mut types: Vec<String> = crate::config::DEFAULT_TYPES
        .iter()
        .map(|t| (*t).to_owned())
        .collect();
    let mut sections: Vec<(String, String)> = crate::config::ChangelogConfig::default()
        .sections
        .into_iter()
        .collect();
    for (name, item) in table.iter() {
        let name = match valid(vec![name.to_owned()], "its `[commit_types]`") {
            Ok((mut t, _)) => t.remove(0),
            Err(why) => return Some(unread(COG_TOML, &why)),
        };
        let Some(config) = item.as_table_like() else {
            return Some(unread(
                COG_TOML,
                &format!("its `commit_types.{name}` is not a table"),
            ));
        };
        let title = config.get("changelog_title").and_then(|v| v.as_str());
        let omit = config.get("omit_from_changelog").and_then(|v| v.as_bool());
        let set = [
            "changelog_title",
            "omit_from_changelog",
            "bump_minor",
            "bump_patch",
        ];
        if !set.iter().any(|k| config.contains_key(k)) {
            // An empty table (cocogitto reads `order` alone as one) turns the type off.
            types.retain(|t| *t != name);
            sections.retain(|(t, _)| *t != name);
            continue;
        }
        if !types.contains(&name) {
            types.push(name.clone());
        }
        if omit == Some(true) {
            sections.retain(|(t, _)| *t != name);
            continue;
        }
        let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        if title.contains(|c: char| c.is_control() && c != '\t') || title.starts_with('#') {
            return Some(unread(
                COG_TOML,
                &format!(
                    "its `commit_types.{name}` has the changelog title `{}`, and a sub-section name is one line of text without control characters",
                    crate::printable::visible(title)
                ),
            ));
        }
        match sections.iter_mut().find(|(t, _)| *t == name) {
            Some(s) => s.1 = title.to_owned(),
            None => sections.push((name.clone(), title.to_owned())),
        }
    }
    if types.is_empty() {
        return Some(unread(
            COG_TOML,
            "its `[commit_types]` turns every type off, and relhook needs at least one",
        ));
    }
    let default_sections: Vec<(String, String)> = crate::config::ChangelogConfig::default()
        .sections
        .into_iter()
        .collect();
    let mut sorted = sections.clone();
    sorted.sort();
    Some(ProjectTypes::Read {
        types,
        from: FROM.to_owned(),
        sections: (sorted != default_sections).then_some(sections),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cocogitto_s_own_commit_types_add_a_type_and_its_title() {
        let text = "[commit_types]\nex = { changelog_title = \"Ex\" }\nchore = { omit_from_changelog = true }\nperf = {}\nfeat = { changelog_title = \"Features\" }\n";
        let Some(ProjectTypes::Read {
            types, sections, ..
        }) = from_cog(text)
        else {
            panic!("{:?}", from_cog(text));
        };
        assert_eq!(
            types,
            [
                "feat", "fix", "docs", "style", "refactor", "test", "build", "ci", "chore",
                "revert", "ex"
            ]
        );
        let sections = sections.unwrap();
        let got: Vec<(&str, &str)> = sections
            .iter()
            .map(|(t, s)| (t.as_str(), s.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("feat", "Features"),
                ("fix", "Fixed"),
                ("revert", "Removed"),
                ("ex", "Ex")
            ]
        );
        assert!(from_cog("branch_whitelist = [\"main\"]\n").is_none());
        assert!(matches!(
            from_cog("[commit_types]\n\"a b\" = { changelog_title = \"X\" }\n"),
            Some(ProjectTypes::Unread(_))
        ));
    }
}
