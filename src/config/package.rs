//! `[packages.<name>]`: the packages of a monorepo, each with its own directory, changelog,
//! release tags, scopes and test command. Read here (serde's raw view, then validated with the
//! file's line and column in every error); what relhook does with them is in `crate::history::packages`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::check::{relative_path, word_list};
use super::raw::Fault;
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
    /// Where its `path` is in the configuration file (the file and a byte offset), for
    /// errors found later: see [`Package::config_error`].
    pub defined_at: (PathBuf, usize),
    /// Where its `changelog` is in that file (its `path`'s place when the default is taken),
    /// for errors about the changelog: see [`Package::changelog_error`].
    pub changelog_at: usize,
}

impl Package {
    /// An error about this package's `path` found after loading (a symbolic link that takes
    /// it out of the repository), located at its line and column in the configuration file.
    /// The file is read again only here, so loading stays linear in the file's size.
    pub fn config_error(&self, message: String) -> crate::Error {
        self.error_at(self.defined_at.1, message)
    }

    /// An error about this package's changelog found after loading, located at its
    /// `changelog` value: the line to change is that one, not `path`.
    pub fn changelog_error(&self, message: String) -> crate::Error {
        self.error_at(self.changelog_at, message)
    }

    fn error_at(&self, offset: usize, message: String) -> crate::Error {
        let file = &self.defined_at.0;
        let text = std::fs::read_to_string(file).unwrap_or_default();
        super::config_error(file, &text, offset, message)
    }
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
        if let Some(why) = bad_tag_prefix(&prefix) {
            return Err(format!("`{template}` cannot make a git tag name: {why}"));
        }
        Ok(TagTemplate { prefix })
    }
}

/// Why `prefix` cannot begin the name of a tag, `refs/tags/<prefix>X.Y.Z` (`git
/// check-ref-format`'s rules, and no `refs/` of its own: `refs/tags/refs/heads/1.0.0` is a
/// tag that reads as a branch), if it cannot.
pub(super) fn bad_tag_prefix(prefix: &str) -> Option<&'static str> {
    if prefix.starts_with("refs/") {
        return Some("it starts with `refs/`; the tag is `refs/tags/<prefix>X.Y.Z` already");
    }
    bad_tag_text(prefix)
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

/// Whether `name` cannot name a package: empty, or not something relhook can put in a tag.
pub fn bad_package_name(name: &str) -> bool {
    name.is_empty()
        || name.contains(|c: char| c.is_whitespace() || c.is_control())
        || bad_tag_text(&name.replace('@', "a")).is_some()
}

/// Whether the tags of two prefixes would be taken for each other, which the configuration
/// refuses between packages and against the root's `tag_prefix`: the same prefix, or one the
/// other and digits (`v1` after `v`).
pub fn prefixes_clash(a: &str, b: &str) -> bool {
    a == b || run_into(a, b, "").is_some() || run_into(b, a, "").is_some()
}

/// The raw table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPackage {
    path: Spanned<String>,
    changelog: Option<Spanned<String>>,
    tag: Option<Spanned<String>>,
    scopes: Option<Vec<Spanned<String>>>,
    test: Option<Spanned<super::check::Argv>>,
}

/// Resolves every `[packages.*]` table, in name order, and checks them against each other and
/// against the root's changelog and tag prefix.
pub(super) fn resolve(
    raw: BTreeMap<String, Spanned<RawPackage>>,
    root: (&Path, &str),
    source: &Path,
    err: Fault<'_>,
) -> Result<Vec<Package>> {
    let (root_changelog, root_prefix) = root;
    let mut out: Vec<(Package, usize)> = Vec::new();
    for (name, table) in raw {
        let at = table.span().start;
        if bad_package_name(&name) {
            return Err(err(
                at,
                format!(
                    "`packages.{}`: `{name}` is not a package name relhook can put in a tag (no spaces, no ~ ^ : ? * [ \\ {{ }}, `..`, or a leading `-`, `/`, `.`)",
                    super::toml_text::key(&name)
                ),
            ));
        }
        let raw = table.into_inner();
        let key = |k: &str| format!("packages.{}.{k}", super::toml_text::key(&name));
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
        if let Some(why) = run_into(tag.prefix(), root_prefix, "the repository's")
            .or_else(|| run_into(root_prefix, tag.prefix(), &format!("package `{name}`'s")))
        {
            return Err(err(tag_at, format!("`{}`: {why}", key("tag"))));
        }
        let scopes = match raw.scopes {
            Some(s) => word_list(&key("scopes"), s, err)?,
            None => Vec::new(),
        };
        let test = match raw.test {
            Some(t) if t.get_ref().0.first().is_none_or(|p| p.trim().is_empty()) => {
                return Err(err(
                    t.span().start,
                    format!(
                        "`{}` is an argv list with the program first, e.g. [\"cargo\", \"test\", \"-p\", \"{name}\"]",
                        key("test")
                    ),
                ));
            }
            Some(t) if let Some(why) = t.get_ref().nul_fault(&key("test")) => {
                return Err(err(t.span().start, why));
            }
            Some(t) => Some(t.into_inner().0),
            None => None,
        };
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
        out.push((
            Package {
                name,
                path,
                changelog,
                tag,
                scopes,
                test,
                defined_at: (source.to_owned(), raw.path.span().start),
                changelog_at: raw
                    .changelog
                    .as_ref()
                    .map_or(raw.path.span().start, |c| c.span().start),
            },
            at,
        ));
    }
    check_apart(&out, root_changelog, err)?;
    Ok(out.into_iter().map(|(p, _)| p).collect())
}

/// Refuses packages that nest or share a changelog or tags, in time linear in their number
/// (the hooks load the configuration on every commit): paths sorted component by component
/// put a directory right before the first one inside it.
fn check_apart(packages: &[(Package, usize)], root_changelog: &Path, err: Fault<'_>) -> Result<()> {
    let mut by_path: Vec<&(Package, usize)> = packages.iter().collect();
    by_path.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    for pair in by_path.windows(2) {
        let ((outer, _), (inner, at)) = (pair[0], pair[1]);
        if inner.path.starts_with(&outer.path) {
            return Err(err(
                *at,
                format!(
                    "`packages.{}.path`: `{}` is inside the path of package `{}` (`{}`); a file belongs to one package, so package directories cannot nest",
                    super::toml_text::key(&inner.name),
                    inner.path.display(),
                    outer.name,
                    outer.path.display()
                ),
            ));
        }
    }
    // A changelog inside another package's directory would count its writes as changes of
    // that package (post-commit adds them to the commit): that package would be released.
    let owner = |file: &Path| {
        let i = by_path.partition_point(|q| q.0.path.as_path() <= file);
        i.checked_sub(1)
            .map(|i| &by_path[i].0)
            .filter(|q| file.starts_with(&q.path))
    };
    for (p, at) in packages {
        if let Some(other) = owner(&p.changelog).filter(|q| q.name != p.name) {
            return Err(err(
                *at,
                format!(
                    "`packages.{}.changelog`: `{}` is inside the path of package `{}` (`{}`), so writing it would change that package; keep it in `{}` or outside every package",
                    super::toml_text::key(&p.name),
                    p.changelog.display(),
                    other.name,
                    other.path.display(),
                    p.path.display()
                ),
            ));
        }
    }
    if let Some((other, at)) =
        owner(root_changelog).and_then(|q| packages.iter().find(|(p, _)| p.name == q.name))
    {
        return Err(err(
            *at,
            format!(
                "`changelog.path`: the repository's changelog `{}` is inside the path of package `{}` (`{}`); give the package its own, or move the repository's out of it",
                root_changelog.display(),
                other.name,
                other.path.display()
            ),
        ));
    }
    let mut changelogs = std::collections::HashMap::new();
    let mut prefixes = std::collections::HashMap::new();
    for (p, at) in packages {
        if let Some(other) = changelogs.insert(p.changelog.as_path(), &p.name) {
            return Err(err(
                *at,
                format!(
                    "`packages.{}.changelog`: packages `{other}` and `{}` would share the changelog `{}`",
                    super::toml_text::key(&p.name),
                    p.name,
                    p.changelog.display()
                ),
            ));
        }
        for (q, _) in packages.iter().filter(|(q, _)| q.name != p.name) {
            if let Some(why) = run_into(
                p.tag.prefix(),
                q.tag.prefix(),
                &format!("package `{}`'s", q.name),
            ) {
                return Err(err(
                    *at,
                    format!("`packages.{}.tag`: {why}", super::toml_text::key(&p.name)),
                ));
            }
        }
        if let Some(other) = prefixes.insert(p.tag.prefix(), &p.name) {
            return Err(err(
                *at,
                format!(
                    "`packages.{}.tag`: packages `{other}` and `{}` would share the tags `{}`",
                    super::toml_text::key(&p.name),
                    p.name,
                    p.tag.template()
                ),
            ));
        }
    }
    Ok(())
}

/// Why the tags of prefix `long` would also read as releases of prefix `short` (`whose`
/// names it): `long` is `short` and digits on (`v1` after `v`: `v11.0.0` is both 1.0.0 and
/// 11.0.0). `None` when they cannot be taken for each other (`v2-` after `v`: `2-1.0.0` is
/// no version).
fn run_into(long: &str, short: &str, whose: &str) -> Option<String> {
    let rest = long.strip_prefix(short)?;
    let digits = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| {
        format!(
            "the tags `{long}X.Y.Z` begin with {whose} tag prefix `{short}` and digits, so `{long}1.0.0` would read as {whose} version {rest}1.0.0 too; give the tags a prefix that ends in a separator (`-v`, `@`)"
        )
    })
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
