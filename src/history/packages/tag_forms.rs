//! The tag forms a repository's release tags already use, for `relhook init` to propose
//! instead of its defaults: a package's (`cocogitto-{version}` where cocogitto's tags are
//! `cocogitto-7.0.0`), and the repository's own `tag_prefix` (none for `1.2.3`, `hatch-v` for
//! `hatch-v1.18.0`). Nothing is read from git here: the caller passes the tags.

use semver::Version;

use super::detect::Found;
use super::names_package;

/// A tag ending in a version: the text before the version, its name, the version.
pub type VersionTag = (String, String, Version);

/// What [`adopt`] proposes beside the packages' templates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Adopted {
    /// The root's `tag_prefix` when not the default `v`, with its greatest tag's name.
    pub root: Option<(String, String)>,
    /// Each package whose tags use two forms or more, with which was proposed and which older
    /// ones there are (a sentence).
    pub older_forms: Vec<(String, String)>,
    /// The prefixes left out of the root's as a package's (`old-cli@`, a package gone from the
    /// workspace), each with its greatest tag's name.
    pub packages_tags: Vec<(String, String)>,
}

/// Sets the tag template of each package in `found` to the form of its newest release (its
/// tags named after it, the greatest version's) when that is not the default
/// (`<name>-v{version}`, `@scope/pkg@{version}`); the root's `tag_prefix` is the prefix the
/// remaining tags use most, when that is not `v`, leaving out those `package_s` says are a
/// package's (`old-cli@`, whose package.json is in the commits they tag).
pub fn adopt(
    found: &mut [Found],
    tags: &[VersionTag],
    package_s: &dyn Fn(&str) -> bool,
) -> Adopted {
    let names: Vec<String> = found.iter().map(|f| f.name.clone()).collect();
    let mut older_forms = Vec::new();
    for f in found.iter_mut() {
        let name = f.name.clone();
        let default = f
            .tag
            .as_deref()
            .and_then(|t| t.strip_suffix("{version}"))
            .map_or_else(|| format!("{name}-v"), str::to_owned);
        // `web-v1.0.0` is package web's, not @acme/web's beside it.
        let ours = |p: &str| {
            names_package(&name, p)
                && names
                    .iter()
                    .all(|other| *other == name || claim(other, p) <= claim(&name, p))
        };
        let mut used = forms(tags, ours);
        // The newest release's form (a tie: the one used most): a release in an older form
        // would be released again.
        used.sort_by(|a, b| b.3.cmp_precedence(a.3).then(b.1.cmp(&a.1)));
        let Some((prefix, _, newest, _)) = used.first() else {
            continue;
        };
        if *prefix != default {
            f.tag = Some(format!("{prefix}{{version}}"));
        }
        if used.len() > 1 {
            let older: Vec<String> = used[1..]
                .iter()
                .map(|(p, _, tag, _)| format!("`{p}{{version}}` ({tag})"))
                .collect();
            let sentence = format!(
                "Package {name}'s release tags change form: `tag = {}` is proposed, its newest release's ({newest}), not the older {}.",
                crate::config::toml_text::string(&format!("{prefix}{{version}}")),
                older.join(", ")
            );
            older_forms.push((name, sentence));
        }
    }
    let theirs = |p: &str| {
        found.iter().any(|f| {
            names_package(&f.name, p) || f.tag.as_deref() == Some(&format!("{p}{{version}}"))
        })
    };
    let (left, rest): (Vec<_>, Vec<_>) = forms(tags, |p| !theirs(p))
        .into_iter()
        .partition(|(p, ..)| package_s(p));
    let root = rest
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.3.cmp_precedence(b.3)))
        .filter(|(p, ..)| *p != "v")
        .map(|(p, _, name, _)| (p.to_owned(), name.clone()));
    let packages_tags = left
        .into_iter()
        .map(|(p, _, name, _)| (p.to_owned(), name.clone()))
        .collect();
    Adopted {
        root,
        older_forms,
        packages_tags,
    }
}

/// How closely the tag prefix `p` names the package `name`, greatest first: by the whole name
/// (`web@` for web, `@acme/web@` for @acme/web), then by a scoped name's last part (`web@`
/// for @acme/web), then not (0).
fn claim(name: &str, p: &str) -> usize {
    match names_package(name, p) {
        true if p.starts_with(name) => 2 * name.len() + 1,
        true => 2 * name.rsplit('/').next().unwrap_or(name).len(),
        false => 0,
    }
}

/// The prefixes of `tags` that `keep` accepts, each with how many tags use it, its greatest
/// tag's name and version; in prefix order.
fn forms(
    tags: &[VersionTag],
    keep: impl Fn(&str) -> bool,
) -> Vec<(&str, usize, &String, &Version)> {
    let mut by: std::collections::BTreeMap<&str, (usize, &String, &Version)> = Default::default();
    for (prefix, name, version) in tags.iter().filter(|t| keep(&t.0)) {
        let e = by.entry(prefix).or_insert((0, name, version));
        e.0 += 1;
        if version.cmp_precedence(e.2).is_gt() {
            (e.1, e.2) = (name, version);
        }
    }
    by.into_iter()
        .map(|(p, (n, name, version))| (p, n, name, version))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{crate_found as package, tag};
    use super::*;

    fn no_package(_: &str) -> bool {
        false
    }

    #[test]
    fn packages_and_the_root_take_the_forms_their_tags_use() {
        let mut found = vec![package("cocogitto"), package("api"), package("web")];
        let tags: Vec<VersionTag> = [
            "cocogitto-7.0.0",
            "cocogitto-6.1.0",
            "api-v1.0.0",
            "hatch-v1.18.0",
            "hatch-v1.17.0",
            "build-9.0.0",
        ]
        .iter()
        .map(|t| tag(t))
        .collect();
        let root = adopt(&mut found, &tags, &no_package).root;
        assert_eq!(root, Some(("hatch-v".into(), "hatch-v1.18.0".into())));
        let forms: Vec<Option<&str>> = found.iter().map(|f| f.tag.as_deref()).collect();
        assert_eq!(forms, [Some("cocogitto-{version}"), None, None]);
        assert_eq!(
            adopt(&mut [], &[tag("1.2.3")], &no_package).root,
            Some((String::new(), "1.2.3".into()))
        );
        assert_eq!(
            adopt(&mut [], &[tag("v1.2.3"), tag("1.0.0")], &no_package).root,
            None
        );
        assert_eq!(adopt(&mut [], &[], &no_package), Adopted::default());
        // A package's tags (old-cli's, gone from the workspace) are not the root's.
        let tags = [tag("old-cli@2.1.1"), tag("old-cli@2.1.0"), tag("a-v1.0.0")];
        let adopted = adopt(&mut [package("a")], &tags, &|p| p == "old-cli@");
        assert_eq!(adopted.root, None);
        assert_eq!(
            adopted.packages_tags,
            [("old-cli@".to_owned(), "old-cli@2.1.1".to_owned())]
        );
    }

    /// A tag form named after two packages is the one's it names in full.
    #[test]
    fn a_form_two_packages_could_take_is_the_one_s_it_names_in_full() {
        let mut found = vec![package("@acme/web"), package("web")];
        found[0].tag = Some("@acme/web@{version}".into());
        adopt(
            &mut found,
            &[tag("web@1.0.0"), tag("web@1.1.0")],
            &no_package,
        );
        let forms: Vec<Option<&str>> = found.iter().map(|f| f.tag.as_deref()).collect();
        assert_eq!(forms, [Some("@acme/web@{version}"), Some("web@{version}")]);
        let mut alone = vec![package("@acme/web")];
        adopt(&mut alone, &[tag("web@1.0.0")], &no_package);
        assert_eq!(alone[0].tag.as_deref(), Some("web@{version}"));
    }

    /// conventional-changelog: `name@` tags, then `name-v` ones from 2.0.0 on. The newest
    /// release's form is proposed, however many the older one has: else 2.0.0 is released again.
    #[test]
    fn a_package_takes_the_form_of_its_newest_release() {
        let mut found = vec![package("a"), package("b")];
        let tags: Vec<VersionTag> = ["a@1.0.0", "a@1.1.0", "a@1.2.0", "a-v2.0.0", "b@1.2.0"]
            .iter()
            .map(|t| tag(t))
            .collect();
        let adopted = adopt(&mut found, &tags, &no_package);
        let forms: Vec<Option<&str>> = found.iter().map(|f| f.tag.as_deref()).collect();
        assert_eq!(forms, [None, Some("b@{version}")]);
        assert_eq!(adopted.older_forms[0].0, "a");
        assert_eq!(
            adopted.older_forms.iter().map(|f| &f.1).collect::<Vec<_>>(),
            [
                "Package a's release tags change form: `tag = \"a-v{version}\"` is proposed, its newest release's (a-v2.0.0), not the older `a@{version}` (a@1.2.0)."
            ]
        );
        // The older form used more, newer: the newest release's still.
        let tags: Vec<VersionTag> = ["a-v1.0.0", "a-v1.1.0", "a@2.0.0"]
            .iter()
            .map(|t| tag(t))
            .collect();
        let mut found = vec![package("a")];
        adopt(&mut found, &tags, &no_package);
        assert_eq!(found[0].tag.as_deref(), Some("a@{version}"));
    }
}
