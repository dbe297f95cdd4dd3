//! `[packages.<name>]`: the packages of a monorepo, each with its own directory, changelog,
//! release tags, scopes and test command. Read here (serde's raw view, then validated with the
//! file's line and column in every error); what relhook does with them is in `crate::history::packages`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::raw::{Fault, relative_path, word_list};
use crate::Result;

/// One `[packages.<name>]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The table's name (`api`, `@scope/web`).
    pub name: String,
    /// Its directory, relative to the top of the work tree (never `.`, never climbing out).
    pub path: PathBuf,
    /// Its changelog, relative to the top of the work tree (default `<path>/CHANGELOG.md`).
    pub changelog: PathBuf,
    /// Its release tags.
    pub tag: TagTemplate,
    /// Commit scopes that attribute a commit to it whatever the commit touches.
    pub scopes: Vec<String>,
    /// Its own test command (argv), for the pre-push gate and releases of this package.
    pub test: Option<Vec<String>>,
    /// Where its `path` is in the configuration file, for errors found later (a path that
    /// a symbolic link takes out of the repository): the file, line and column.
    pub defined_at: (PathBuf, usize, usize),
}

/// A release-tag template: `{version}` last, `{name}` anywhere before it (`api-v{version}`,
/// `@scope/web@{version}`, `{name}/v{version}`). Stored resolved, as the text before
/// `{version}`: a package's tags are exactly `<prefix>X.Y.Z`, which is what every tag reader
/// of relhook takes (`tag_prefix`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagTemplate {
    prefix: String,
}

impl TagTemplate {
    /// The template as written (`{name}` already replaced): `<prefix>{version}`.
    pub fn template(&self) -> String {
        format!("{}{{version}}", self.prefix)
    }

    /// What precedes the version in the tag.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The tag of a version (`api-v1.2.0`).
    pub fn format(&self, version: &semver::Version) -> String {
        format!("{}{version}", self.prefix)
    }

    /// The version a tag names, when it is one of this template's (`None` otherwise).
    pub fn parse(&self, tag: &str) -> Option<semver::Version> {
        let rest = tag.strip_prefix(self.prefix.as_str())?;
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then(|| semver::Version::parse(rest).ok())
            .flatten()
    }

    /// Resolves a template for the package `name`; the error says what is wrong with it.
    pub fn new(template: &str, name: &str) -> std::result::Result<TagTemplate, String> {
        if template.matches("{version}").count() != 1 || !template.ends_with("{version}") {
            return Err(format!(
                "`{template}` must end with `{{version}}`, once (e.g. \"{name}-v{{version}}\")"
            ));
        }
        let prefix = template
            .trim_end_matches("{version}")
            .replace("{name}", name);
        if prefix.is_empty() {
            return Err(format!(
                "`{template}` gives tags without a package prefix, which the repository's own release tags use; e.g. \"{name}-v{{version}}\""
            ));
        }
        if let Some(why) = bad_tag_text(&prefix) {
            return Err(format!("`{template}` cannot make a git tag name: {why}"));
        }
        Ok(TagTemplate { prefix })
    }
}

/// Why `prefix` cannot begin a git tag name (`git check-ref-format`'s rules), if it cannot.
fn bad_tag_text(prefix: &str) -> Option<&'static str> {
    if prefix.contains(|c: char| c.is_whitespace() || c.is_control() || "~^:?*[\\{}".contains(c)) {
        return Some("it holds a space, a control character or one of ~ ^ : ? * [ \\ { }");
    }
    if prefix.contains("..") || prefix.contains("@{") || prefix.contains("//") {
        return Some("it holds `..`, `@{` or `//`");
    }
    if prefix.starts_with(['-', '/', '.']) || prefix.contains("/.") {
        return Some("a part of it starts with `-`, `/` or `.`");
    }
    if prefix.split('/').any(|part| part.ends_with(".lock")) {
        return Some("a part of it ends with `.lock`");
    }
    None
}

/// The raw table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPackage {
    path: Spanned<String>,
    changelog: Option<Spanned<String>>,
    tag: Option<Spanned<String>>,
    scopes: Option<Vec<Spanned<String>>>,
    test: Option<Spanned<Vec<String>>>,
}

/// Resolves every `[packages.*]` table, in name order, and checks them against each other and
/// against the root's changelog and tag prefix.
pub(super) fn resolve(
    raw: BTreeMap<String, Spanned<RawPackage>>,
    root: (&Path, &str),
    (source, text): (&Path, &str),
    err: Fault<'_>,
) -> Result<Vec<Package>> {
    let (root_changelog, root_prefix) = root;
    let mut out: Vec<Package> = Vec::new();
    for (name, table) in raw {
        let at = table.span().start;
        let bad_name = name.is_empty()
            || name.contains(|c: char| c.is_whitespace() || c.is_control())
            || bad_tag_text(&name.replace('@', "a")).is_some();
        if bad_name {
            return Err(err(
                at,
                format!(
                    "`packages.{name}`: `{name}` is not a package name relhook can put in a tag (no spaces, no ~ ^ : ? * [ \\ {{ }}, `..`, or a leading `-`, `/`, `.`)"
                ),
            ));
        }
        let raw = table.into_inner();
        let key = |k: &str| format!("packages.{name}.{k}");
        let path = relative_path(&key("path"), &raw.path, err)?;
        let path = normal(&path);
        if path.as_os_str().is_empty() {
            return Err(err(
                raw.path.span().start,
                format!(
                    "`{}`: a package is a directory below the top of the repository, not the top itself (the top keeps [changelog] and [version])",
                    key("path")
                ),
            ));
        }
        let changelog = match &raw.changelog {
            Some(c) => normal(&relative_path(&key("changelog"), c, err)?),
            None => path.join("CHANGELOG.md"),
        };
        let template = raw.tag.as_ref().map_or_else(
            || format!("{name}-v{{version}}"),
            |t| t.get_ref().to_owned(),
        );
        let tag_at = raw.tag.as_ref().map_or(at, |t| t.span().start);
        let tag = TagTemplate::new(&template, &name)
            .map_err(|why| err(tag_at, format!("`{}`: {why}", key("tag"))))?;
        if tag.prefix() == root_prefix {
            return Err(err(
                tag_at,
                format!(
                    "`{}`: `{}` is the repository's own `version.tag_prefix`; a package's tags need a prefix of their own",
                    key("tag"),
                    tag.template()
                ),
            ));
        }
        let scopes = match raw.scopes {
            Some(s) => word_list(&key("scopes"), s, err)?,
            None => Vec::new(),
        };
        let test = match raw.test {
            Some(t) if t.get_ref().first().is_none_or(|p| p.trim().is_empty()) => {
                return Err(err(
                    t.span().start,
                    format!(
                        "`{}` is an argv list with the program first, e.g. [\"cargo\", \"test\", \"-p\", \"{name}\"]",
                        key("test")
                    ),
                ));
            }
            Some(t) => Some(t.into_inner()),
            None => None,
        };
        let clash = |p: &Package| -> Option<String> {
            if p.path.starts_with(&path) || path.starts_with(&p.path) {
                Some(format!(
                    "`{}`: `{}` and the path of package `{}` (`{}`) overlap; a file belongs to one package, so package directories cannot nest",
                    key("path"),
                    path.display(),
                    p.name,
                    p.path.display()
                ))
            } else if p.changelog == changelog {
                Some(format!(
                    "`{}`: packages `{}` and `{name}` would share the changelog `{}`",
                    key("changelog"),
                    p.name,
                    changelog.display()
                ))
            } else if p.tag.prefix() == tag.prefix() {
                Some(format!(
                    "`{}`: packages `{}` and `{name}` would share the tags `{}`",
                    key("tag"),
                    p.name,
                    tag.template()
                ))
            } else {
                None
            }
        };
        if let Some(message) = out.iter().find_map(clash) {
            return Err(err(at, message));
        }
        if changelog == root_changelog {
            return Err(err(
                at,
                format!(
                    "`{}`: `{}` is the repository's own changelog (`changelog.path`); give the package a file of its own",
                    key("changelog"),
                    changelog.display()
                ),
            ));
        }
        let (line, column) = super::line_col(text, raw.path.span().start);
        out.push(Package {
            name,
            path,
            changelog,
            tag,
            scopes,
            test,
            defined_at: (source.to_owned(), line, column),
        });
    }
    Ok(out)
}

/// A checked relative path without its `.` parts (`./crates//api` is `crates/api`).
fn normal(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_format_and_parse_tags() {
        let t = TagTemplate::new("{name}-v{version}", "api").unwrap();
        assert_eq!(t.format(&semver::Version::new(1, 2, 0)), "api-v1.2.0");
        assert_eq!(t.parse("api-v1.2.0"), Some(semver::Version::new(1, 2, 0)));
        assert_eq!(
            t.parse("api-v2.0.0-rc.1").map(|v| v.to_string()).as_deref(),
            Some("2.0.0-rc.1")
        );
        assert_eq!(t.parse("api-vx"), None);
        assert_eq!(t.parse("web-v1.0.0"), None);
        assert_eq!(t.parse("api-v+1.0.0"), None);
        let scoped = TagTemplate::new("@scope/web@{version}", "web").unwrap();
        assert_eq!(
            scoped.format(&semver::Version::new(0, 3, 1)),
            "@scope/web@0.3.1"
        );
        assert_eq!(scoped.prefix(), "@scope/web@");
        assert_eq!(scoped.template(), "@scope/web@{version}");
    }

    #[test]
    fn bad_templates_say_why() {
        for (template, says) in [
            ("api-{version}-x", "must end with"),
            ("{version}", "without a package prefix"),
            ("{version}{version}", "once"),
            ("api v{version}", "cannot make a git tag name"),
            ("api..v{version}", "`..`"),
            ("-api{version}", "starts with"),
            ("api.lock/v{version}", ".lock"),
        ] {
            let e = TagTemplate::new(template, "api").unwrap_err();
            assert!(e.contains(says), "{template}: {e}");
        }
    }
}
