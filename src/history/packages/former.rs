//! Tags in an npm package's form (`old-cli@2.1.1`, `@acme/old@1.0.0`) that a package.json
//! below the top names in the commits they tag: that package's releases, never the
//! repository's own, also once the package is gone from the workspace (conventional-changelog's
//! `conventional-changelog-cli@`). Taken for the root's, `init` proposed their prefix as
//! `tag_prefix`, and the root's version became the gone package's.

use std::path::Path;

use git2::Oid;

use super::detect::npm_members;
use super::passed_over::npm_manifest;
use crate::git::Repo;

/// How many folders deep below the top a package.json is looked for in a tagged commit.
const DEPTH: usize = 4;

/// How many prefixes [`sentence`] names.
const SHOWN: usize = 4;

/// The package a tag prefix in npm's form names: `old-cli` for `old-cli@`, `@acme/old` for
/// `@acme/old@`; `None` for any other prefix (`v`, `hatch-v`, `release-`).
pub fn npm_form(prefix: &str) -> Option<&str> {
    let name = prefix.strip_suffix('@')?;
    let (scope, bare) = match name.strip_prefix('@') {
        Some(rest) => rest.split_once('/').map(|(s, b)| (Some(s), b))?,
        None => (None, name),
    };
    let word = |w: &str| {
        !w.is_empty()
            && !w.starts_with(['.', '_'])
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
    };
    (scope.is_none_or(word) && word(bare)).then_some(name)
}

/// Whether the tags of `prefix`, whose greatest is on `commit`, are a package's: the prefix is
/// in npm's form and that commit has a package.json below the top with that name (the top's
/// own not named so).
pub fn a_package_s(repo: &Repo, prefix: &str, commit: Oid) -> bool {
    let Some(name) = npm_form(prefix) else {
        return false;
    };
    let named = |bytes: &[u8]| {
        crate::history::version::files::json_value(bytes)
            .is_some_and(|v| v.get("name").and_then(|n| n.as_str()) == Some(name))
    };
    let top = repo.file_at(commit, Path::new("package.json"));
    if top.ok().flatten().is_some_and(|f| named(&f.bytes)) {
        return false;
    }
    repo.files_named(commit, "package.json", DEPTH)
        .iter()
        .any(|(_, bytes)| named(bytes))
}

/// The names in the package.json of the workspace's members at `root` now: read once per
/// run, as each check of a member's name would read every manifest and expand every glob again.
pub fn member_names(root: &Path) -> Vec<String> {
    npm_members(root)
        .0
        .iter()
        .filter_map(|dir| {
            npm_manifest(root, dir)?
                .get("name")?
                .as_str()
                .map(str::to_owned)
        })
        .collect()
}

/// Whether the package a tag prefix in npm's form names (`@changesets/cli@`) is one of the
/// workspace's `members` ([`member_names`]): its tags are a package's that wants a
/// `[packages.*]` table.
pub fn in_workspace(members: &[String], prefix: &str) -> bool {
    npm_form(prefix).is_some_and(|name| members.iter().any(|m| m == name))
}

/// What `init` says of the tags it left out of the root's as a package's (each prefix with
/// its greatest tag), as one sentence for those of packages gone from the workspace at `root`
/// and one for those of packages still there (not proposed: private ones).
pub fn sentence(root: &Path, left: &[(String, String)]) -> Option<String> {
    let members = member_names(root);
    let (still, gone): (Vec<_>, Vec<_>) = left.iter().partition(|(p, _)| in_workspace(&members, p));
    // Four at most: conventional-changelog has thirteen.
    let list = |tags: &[&(String, String)]| {
        let shown: Vec<String> = tags
            .iter()
            .take(SHOWN)
            .map(|(p, t)| format!("`{p}{{version}}` ({t})"))
            .collect();
        match tags.len().saturating_sub(SHOWN) {
            0 => shown.join(", "),
            more => format!("{}, and {more} more", shown.join(", ")),
        }
    };
    let mut sentences = Vec::new();
    if !gone.is_empty() {
        sentences.push(format!(
            "Tags left out of the repository's own, as a former package's (a package.json of that name is in the commits they tag, none is in the workspace now): {}.",
            list(&gone)
        ));
    }
    if !still.is_empty() {
        sentences.push(format!(
            "Tags left out of the repository's own, as a package's of the workspace: {}.",
            list(&still)
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npm_forms_name_a_package() {
        assert_eq!(npm_form("old-cli@"), Some("old-cli"));
        assert_eq!(npm_form("@acme/old@"), Some("@acme/old"));
        assert_eq!(
            npm_form("conventional-changelog-cli@"),
            Some("conventional-changelog-cli")
        );
        for other in [
            "v", "", "hatch-v", "release-", "@", "@acme@", "@/x@", "a b@", ".x@",
        ] {
            assert_eq!(npm_form(other), None, "{other}");
        }
    }
}
