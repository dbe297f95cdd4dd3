//! The packages `relhook init` found that the configuration would refuse beside the others:
//! a member inside another's directory (pnpm's `pnpm` and its `pnpm/artifacts/*`), tags of
//! one form for two packages or for a package and the root, a name no tag can hold. Proposed,
//! they would make `.relconfig.toml` fail to load, and with it every command and commit.

use super::detect::Found;
use crate::config::{TagTemplate, bad_package_name, prefixes_clash};

/// Takes out of `found` (in path order: a directory before those inside it) each package the
/// configuration would refuse beside those kept before it and the root's tag prefix `root`;
/// returns why, as one sentence per reason (`init` writes them into the configuration and
/// says them on the console).
pub fn set_apart(found: &mut Vec<Found>, root: &str) -> Option<String> {
    let mut kept: Vec<(Found, String)> = Vec::new();
    let (mut nested, mut unnamed, mut clashing) = (Vec::new(), Vec::new(), Vec::new());
    found.sort_by(|a, b| a.path.cmp(&b.path));
    for f in found.drain(..) {
        let template = f
            .tag
            .clone()
            .unwrap_or_else(|| format!("{}-v{{version}}", f.name));
        let at = f.path.display().to_string();
        let Some(prefix) = (!bad_package_name(&f.name))
            .then(|| TagTemplate::new(&template, &f.name).ok())
            .flatten()
            .map(|t| t.prefix().to_owned())
        else {
            // Shown: a line break would split the comment init writes this sentence into.
            unnamed.push(format!("{at} (`{}`)", crate::printable::visible(&f.name)));
            continue;
        };
        if let Some((outer, _)) = kept.iter().find(|(k, _)| f.path.starts_with(&k.path)) {
            let (dir, name) = (outer.path.display(), &outer.name);
            nested.push(format!("{at} (inside {dir}, package {name}'s directory)"));
        } else if prefixes_clash(&prefix, root) {
            clashing.push(format!("{at} (`{template}`, the repository's own)"));
        } else if let Some((other, _)) = kept.iter().find(|(_, p)| prefixes_clash(&prefix, p)) {
            clashing.push(format!("{at} (`{template}`, also {}'s)", other.name));
        } else {
            kept.push((f, prefix));
        }
    }
    found.extend(kept.into_iter().map(|(f, _)| f));
    let mut sentences = Vec::new();
    if !nested.is_empty() {
        sentences.push(format!(
            "Not proposed as packages, as each is inside another package's directory, and a file belongs to one package: {}.",
            nested.join(", ")
        ));
    }
    if !clashing.is_empty() {
        sentences.push(format!(
            "Not proposed as packages, as their tags would be taken for another's: {}.",
            clashing.join(", ")
        ));
    }
    if !unnamed.is_empty() {
        sentences.push(format!(
            "Not proposed as packages, as their names cannot be put in a tag: {}.",
            unnamed.join(", ")
        ));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(name: &str, path: &str, tag: Option<&str>) -> Found {
        Found {
            name: name.into(),
            path: path.into(),
            tag: tag.map(str::to_owned),
            from: "pnpm workspace",
            test: None,
        }
    }

    #[test]
    fn packages_the_configuration_would_refuse_are_set_apart() {
        let mut found = vec![
            package("app", "app", None),
            package(
                "@app/linux",
                "app/artifacts/linux",
                Some("@app/linux@{version}"),
            ),
            package("web", "apps/web", None),
            package("@x/web", "libs/web", Some("web-v{version}")),
            package("v", "libs/v", Some("v{version}")),
            package("my tool", "tools/my tool", None),
            package("apps", "apps2", None),
        ];
        let said = set_apart(&mut found, "v").unwrap();
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["app", "web", "apps"]);
        assert_eq!(
            said,
            "Not proposed as packages, as each is inside another package's directory, and a file belongs to one package: app/artifacts/linux (inside app, package app's directory). Not proposed as packages, as their tags would be taken for another's: libs/v (`v{version}`, the repository's own), libs/web (`web-v{version}`, also web's). Not proposed as packages, as their names cannot be put in a tag: tools/my tool (`my tool`)."
        );
        let mut fine = vec![package("a", "a", None), package("b", "b", None)];
        assert_eq!(set_apart(&mut fine, ""), None);
        assert_eq!(fine.len(), 2);
    }
}
