//! Dependency requirements inside manifests (`Cargo.toml`, `package.json`, `pyproject.toml`:
//! its PEP 508 strings are `super::py_deps`'s): which packages a
//! manifest requires, at which version requirement, and where that requirement's text lies, so
//! a release can rewrite it in place (every other byte kept). Used for the internal dependents
//! of a monorepo; deciding who depends on whom is `release::dependents`.

use std::ops::Range;
use std::path::Path;

use semver::Version;

use super::inner_span;
use super::json::json_string_at;

/// The ecosystem of a manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manifest {
    /// `Cargo.toml`.
    Cargo,
    /// `package.json`.
    Npm,
    /// `pyproject.toml`'s PEP 621 metadata and dependency groups (names as PEP 503
    /// normalizes them).
    Python,
    /// `pyproject.toml`'s Poetry tables (`[tool.poetry.dependencies]`, its groups'), whose
    /// constraints are Poetry's (`^1.2`, a bare `1.2.3` for exactly that version).
    Poetry,
}

impl Manifest {
    /// The manifest's file name.
    pub fn file_name(self) -> &'static str {
        match self {
            Manifest::Cargo => "Cargo.toml",
            Manifest::Npm => "package.json",
            Manifest::Python | Manifest::Poetry => "pyproject.toml",
        }
    }
}

/// One dependency of a manifest that states a version requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// Where it is declared: `dependencies`, `dev-dependencies`, `peerDependencies`,
    /// `target.'cfg(unix)'.dependencies`…
    pub section: String,
    /// The name the dependency is published under (a Cargo `package = "…"` rename resolved).
    pub name: String,
    /// The key it is declared under (differs from `name` for a Cargo rename).
    pub key: String,
    /// The requirement as written (`^1.2`, `1.2.0`, `~0.3`).
    pub text: String,
    /// The byte span of that text in the manifest; `None` when escapes in the string before
    /// it (`\u0020`) put its bytes elsewhere: it cannot be rewritten in place.
    pub span: Option<Range<usize>>,
    /// A development-only dependency (`dev-dependencies`, `devDependencies`): what the package
    /// ships does not change when it changes.
    pub dev: bool,
    /// A Cargo dependency's `path`, as written (relative to its manifest's folder).
    pub path: Option<String>,
    /// Poetry's `allow-prereleases` on the dependency: `Some(true)` admits any pre-release its
    /// constraint spans, `Some(false)` none, `None` (everywhere else) as the constraint says.
    pub prereleases: Option<bool>,
}

/// Whether `r`, stated in the manifest in `manifest_dir`, is on the crate in `dir` (both from
/// the top): a Cargo `path` must lead there (`vendor/lib1` is another crate of the same name);
/// an npm requirement is on the workspace's package of its name.
pub fn points_at(r: &Requirement, manifest_dir: &Path, dir: &Path) -> bool {
    let Some(path) = &r.path else {
        return true;
    };
    lexical(&manifest_dir.join(path)) == lexical(dir)
}

/// `path` with `.` and `..` taken out as written (no link is followed).
fn lexical(path: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The name a manifest publishes its package under (`package.name`, `"name"`).
pub fn package_name(kind: Manifest, text: &str) -> Option<String> {
    match kind {
        Manifest::Cargo => {
            let doc = super::parsed_toml(text)?;
            let name = doc.as_item().get("package")?.get("name")?.as_str()?;
            Some(name.to_owned())
        }
        Manifest::Npm => {
            let doc = super::json_value(text.as_bytes())?;
            doc.get("name")?.as_str().map(str::to_owned)
        }
        Manifest::Python | Manifest::Poetry => super::py_deps::package_name(text),
    }
}

/// Every dependency of the manifest that states a version requirement as a plain string
/// (workspace-inherited and path-only Cargo dependencies state none); of a Cargo manifest,
/// only those with a `path` (a registry or git dependency is no workspace crate, whatever its
/// name). `None`: the manifest does not parse.
pub fn requirements(kind: Manifest, text: &str) -> Option<Vec<Requirement>> {
    match kind {
        Manifest::Cargo => cargo_requirements(text),
        Manifest::Npm => npm_requirements(text),
        Manifest::Python => super::py_deps::requirements(text),
        Manifest::Poetry => super::poetry_deps::requirements(text),
    }
}

const CARGO_SECTIONS: [&str; 3] = ["dependencies", "build-dependencies", "dev-dependencies"];

fn cargo_requirements(text: &str) -> Option<Vec<Requirement>> {
    let doc = super::parsed_toml(text)?;
    let mut out = Vec::new();
    for (label, section, table) in cargo_tables(doc.as_item())? {
        cargo_section(text, label, section, table, &mut out);
    }
    Some(out)
}

/// Every dependency table of a Cargo manifest: (label, kind of section, table).
pub(super) fn cargo_tables(
    doc: &toml_edit::Item,
) -> Option<Vec<(String, &'static str, &dyn toml_edit::TableLike)>> {
    let root = doc.as_table_like()?;
    let mut out = Vec::new();
    for section in CARGO_SECTIONS {
        if let Some(table) = root.get(section).and_then(|i| i.as_table_like()) {
            out.push((section.to_owned(), section, table));
        }
    }
    if let Some(targets) = root.get("target").and_then(|i| i.as_table_like()) {
        for (cfg, item) in targets.iter() {
            let Some(t) = item.as_table_like() else {
                continue;
            };
            for section in CARGO_SECTIONS {
                if let Some(table) = t.get(section).and_then(|i| i.as_table_like()) {
                    out.push((format!("target.'{cfg}'.{section}"), section, table));
                }
            }
        }
    }
    Some(out)
}

/// The `[workspace.dependencies]` with a `path` of a workspace's root `Cargo.toml`: the
/// requirements its members take with `name = { workspace = true }`. `None`: the manifest does
/// not parse.
pub fn workspace_requirements(text: &str) -> Option<Vec<Requirement>> {
    let doc = super::parsed_toml(text)?;
    let mut out = Vec::new();
    if let Some(table) = doc
        .as_item()
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|i| i.as_table_like())
    {
        cargo_section(
            text,
            "workspace.dependencies".into(),
            "dependencies",
            table,
            &mut out,
        );
    }
    Some(out)
}

/// The dependencies a member's `Cargo.toml` inherits from the workspace
/// (`key = { workspace = true }`): each key, with whether it is development-only.
pub fn inherited(text: &str) -> Option<Vec<(String, bool)>> {
    let doc = super::parsed_toml(text)?;
    let mut out = Vec::new();
    for (_, section, table) in cargo_tables(doc.as_item())? {
        for (key, item) in table.iter() {
            let inherits = item
                .as_table_like()
                .and_then(|t| t.get("workspace"))
                .and_then(|w| w.as_bool())
                .unwrap_or(false);
            if inherits {
                out.push((key.to_owned(), section == "dev-dependencies"));
            }
        }
    }
    Some(out)
}

fn cargo_section(
    text: &str,
    label: String,
    section: &str,
    table: &dyn toml_edit::TableLike,
    out: &mut Vec<Requirement>,
) {
    for (key, item) in table.iter() {
        // Only a `path` names the workspace's crate: `a = "0.1"`, a `git` dependency or a
        // renamed registry one is another crate of the same name.
        let Some(t) = item.as_table_like().filter(|t| t.contains_key("path")) else {
            continue;
        };
        let Some(toml_edit::Item::Value(toml_edit::Value::String(value))) = t.get("version") else {
            continue;
        };
        let name = t
            .get("package")
            .and_then(|p| p.as_str())
            .unwrap_or(key)
            .to_owned();
        let Some(span) = value.span() else { continue };
        let Some(raw) = text.get(span.clone()) else {
            continue;
        };
        let Some(inner) = inner_span(raw, span.start, value.value()) else {
            continue;
        };
        out.push(Requirement {
            section: label.clone(),
            name,
            key: key.to_owned(),
            text: value.value().to_owned(),
            span: Some(inner),
            dev: section == "dev-dependencies",
            path: t.get("path").and_then(|p| p.as_str()).map(str::to_owned),
            prereleases: None,
        });
    }
}

const NPM_SECTIONS: [&str; 4] = [
    "dependencies",
    "peerDependencies",
    "optionalDependencies",
    "devDependencies",
];

fn npm_requirements(text: &str) -> Option<Vec<Requirement>> {
    let doc = super::json_value(text.as_bytes())?;
    let mut out = Vec::new();
    for section in NPM_SECTIONS {
        let Some(deps) = doc.get(section).and_then(|d| d.as_object()) else {
            continue;
        };
        for (name, req) in deps {
            let Some(req) = req.as_str() else { continue };
            let Some(span) = json_string_at(text, &[section, name]) else {
                continue;
            };
            if text.get(span.clone()) != Some(req) {
                continue;
            }
            out.push(Requirement {
                section: section.to_owned(),
                name: name.clone(),
                key: name.clone(),
                text: req.to_owned(),
                span: Some(span),
                dev: section == "devDependencies",
                path: None,
                prereleases: None,
            });
        }
    }
    Some(out)
}

/// Where npm's lock file `text` repeats the requirement on `name` in `section` of the
/// workspace package in `dir` (`packages["<dir>"].<section>["<name>"]`, lockfileVersion 2 and
/// 3), when it says `req`: `npm install` rewrites it to what the package.json says.
pub fn npm_lock_requirement(
    text: &str,
    dir: &str,
    section: &str,
    name: &str,
    req: &str,
) -> Option<Range<usize>> {
    let span = json_string_at(text, &["packages", dir, section, name])?;
    (text.get(span.clone()) == Some(req)).then_some(span)
}

/// Where npm's lock file `text` says the version of the package at `key` (`packages["<key>"]
/// .version`, a key as the lock spells it, `../a` for a sibling linked with `file:`), when it
/// says `version`.
pub fn npm_lock_version(text: &str, key: &str, version: &str) -> Option<Range<usize>> {
    let span = json_string_at(text, &["packages", key, "version"])?;
    (text.get(span.clone()) == Some(version)).then_some(span)
}

/// What a release of a dependency does to a requirement on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rewrite {
    /// Nothing to write: the requirement already reads as the new version would write it, or
    /// it names no version (`*`, `workspace:*`, `file:…`, `link:…`).
    Same,
    /// The requirement to write instead.
    To(String),
    /// A requirement relhook cannot rewrite (a range such as `>=1, <2`, `1.x || 2.x`) that the
    /// new version does not meet: it must be edited by hand.
    Unsupported,
}

/// The requirement that follows a release of `new`: the same operator and the same precision
/// (`^1.2` → `^1.3`, `1.2.0` → `1.3.0`, `~0.3` → `~0.4`, `=1.2.3` → `=1.3.0`), so a patch
/// release leaves a `major.minor` requirement as it is. A range it cannot rewrite is kept when
/// `new` meets it.
pub fn rewrite(kind: Manifest, text: &str, new: &Version) -> Rewrite {
    rewrite_allowing(kind, text, None, new)
}

/// [`rewrite`] for a requirement with Poetry's `allow-prereleases` (`prereleases`, see
/// [`Requirement::prereleases`]).
pub fn rewrite_allowing(
    kind: Manifest,
    text: &str,
    prereleases: Option<bool>,
    new: &Version,
) -> Rewrite {
    match kind {
        Manifest::Python => return super::py_deps::rewrite(text, new),
        Manifest::Poetry => return super::poetry_deps::rewrite(text, new, prereleases),
        Manifest::Cargo | Manifest::Npm => {}
    }
    let req = text.trim();
    // pnpm's and yarn's workspace protocol with a range (`workspace:^1.2.0`, published as
    // `^1.2.0`) moves as that range; `workspace:*`, `workspace:^` and `workspace:~` follow
    // the workspace by themselves.
    if let Some(range) = req.strip_prefix("workspace:") {
        if matches!(range, "" | "*" | "^" | "~") {
            return Rewrite::Same;
        }
        return match rewrite(kind, range, new) {
            Rewrite::To(after) => Rewrite::To(format!("workspace:{after}")),
            other => other,
        };
    }
    if req.is_empty()
        || req == "*"
        || req == "latest"
        || ["file:", "link:", "portal:", "npm:", "git", "http"]
            .iter()
            .any(|p| req.starts_with(p))
    {
        return Rewrite::Same;
    }
    let (op, body) = split_operator(req);
    // `>=` says "this or any later": one that still admits the new version is not narrowed
    // (a patch release would otherwise drop the versions it admitted from a dependent's users).
    if op == ">=" && meets(kind, req, new) {
        return Rewrite::Same;
    }
    // The numbers before a pre-release or build (`1.2.3-rc.1`) say the precision.
    let simple = !body.is_empty()
        && body.split(['-', '+']).next().is_some_and(|core| {
            core.split('.').count() <= 3
                && core
                    .split('.')
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
    if !simple {
        return if meets(kind, req, new) {
            Rewrite::Same
        } else {
            Rewrite::Unsupported
        };
    }
    let core = body.split(['-', '+']).next().unwrap_or(body);
    let precision = core.split('.').count();
    // Cargo and npm match a pre-release only against a requirement naming one of the same
    // version: `1.0` for `2.0.0-rc.1` becomes `2.0.0-rc.1` (`2.0` would admit no release yet).
    let written = match precision {
        _ if !new.pre.is_empty() => {
            format!("{}.{}.{}-{}", new.major, new.minor, new.patch, new.pre)
        }
        1 => new.major.to_string(),
        2 => format!("{}.{}", new.major, new.minor),
        _ => format!("{}.{}.{}", new.major, new.minor, new.patch),
    };
    let after = format!("{op}{written}");
    if after == req {
        Rewrite::Same
    } else {
        Rewrite::To(after)
    }
}

fn split_operator(req: &str) -> (&str, &str) {
    for op in [">=", "^", "~", "="] {
        if let Some(rest) = req.strip_prefix(op) {
            return (op, rest.trim_start());
        }
    }
    ("", req)
}

/// Whether the npm requirement `req` on a workspace package at `version` is met by that
/// package itself, so lerna links it and counts the dependent as its dependent: the workspace
/// protocol, a `file:` or `link:` path, `*`, or a range `version` satisfies (read as npm reads
/// it: a bare `1.2.3` is exact, a bare `1.2` is `~1.2`). A published copy (`^0.5.0` beside a
/// package at 0.8.0), an alias or a git URL is no such link.
pub fn npm_links(req: &str, version: &Version) -> bool {
    let req = req.trim();
    if ["workspace:", "file:", "link:"]
        .iter()
        .any(|p| req.starts_with(p))
        || req.is_empty()
        || req == "*"
    {
        return true;
    }
    let (op, body) = split_operator(req);
    let core = body.split(['-', '+']).next().unwrap_or(body);
    let numeric = core
        .split('.')
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let bare = op.is_empty() && numeric && !body.contains(' ');
    let read = match core.split('.').count() {
        3 if bare => format!("={body}"),
        2 if bare => format!("~{body}"),
        _ => req.to_owned(),
    };
    meets(Manifest::Npm, &read, version)
}

/// Whether `new` meets the requirement, as far as relhook can tell (Cargo's syntax; npm's
/// ranges are read as Cargo's where they agree, and otherwise count as not met).
/// Whether requirement `req` admits `new` as it is (one naming no version does).
pub fn admits(kind: Manifest, req: &str, new: &Version) -> bool {
    rewrite(kind, req, new) == Rewrite::Same || meets(kind, req.trim(), new)
}

/// Whether `req` (as its manifest means it) admits `new`. A package.json's range is read as
/// npm reads it: `||` alternatives, hyphen ranges (`1.0.0 - 1.2.0`), spaces between
/// comparators and after an operator (`>= 1.0.0`), a `v` before a version, `x` for any
/// number, and a bare full version meaning that version exactly (`"1.0.0"`, which Cargo
/// reads as `^1.0.0`). One it cannot read admits nothing (`false`).
pub fn meets(kind: Manifest, req: &str, new: &Version) -> bool {
    meets_allowing(kind, req, None, new)
}

/// [`meets`] for a requirement with Poetry's `allow-prereleases` (`prereleases`).
pub fn meets_allowing(kind: Manifest, req: &str, prereleases: Option<bool>, new: &Version) -> bool {
    let parse = |r: &str| semver::VersionReq::parse(r).is_ok_and(|r| r.matches(new));
    match kind {
        Manifest::Cargo => parse(req),
        Manifest::Npm => req
            .split("||")
            .filter_map(npm_as_cargo)
            .any(|alternative| parse(&alternative)),
        Manifest::Python => super::py_deps::admits(req, new),
        Manifest::Poetry => super::poetry_deps::admits(req, new, prereleases),
    }
}

/// One npm range (no `||`) as Cargo writes it; `None` when it is empty.
fn npm_as_cargo(range: &str) -> Option<String> {
    let range = range.trim();
    if range.is_empty() {
        return None;
    }
    if let Some((low, high)) = range.split_once(" - ") {
        return Some(format!(
            ">={}, <={}",
            npm_version(low.trim()),
            npm_version(high.trim())
        ));
    }
    // An operator written apart from its version (`>= 1.0.0`) goes with it.
    let mut tokens: Vec<String> = Vec::new();
    for t in range.split_whitespace() {
        match tokens.last_mut() {
            Some(last) if last.chars().all(|c| "<>=~^".contains(c)) => last.push_str(t),
            _ => tokens.push(t.to_owned()),
        }
    }
    let exact = |t: &str| t.starts_with(|c: char| c.is_ascii_digit()) && Version::parse(t).is_ok();
    let comparators: Vec<String> = tokens
        .iter()
        .map(|t| {
            let op_len = t.len() - t.trim_start_matches(|c| "<>=~^".contains(c)).len();
            let (op, version) = t.split_at(op_len);
            let version = npm_version(version);
            if op.is_empty() && exact(&version) {
                format!("={version}")
            } else {
                format!("{op}{version}")
            }
        })
        .collect();
    Some(comparators.join(", "))
}

/// A version as npm writes it, as Cargo does: no `v`, `*` for an `x`.
fn npm_version(v: &str) -> String {
    let v = v.trim_start_matches(['v', '=']);
    v.split('.')
        .map(|part| {
            if part.eq_ignore_ascii_case("x") {
                "*"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    /// QA37: npm's own range forms were refused as "does not admit", or as not read.
    #[test]
    fn npm_ranges_are_read_as_npm_reads_them() {
        let at = v("1.1.0");
        for yes in [
            "^1.0.0",
            "^ 1.0.0",
            ">= 1.0.0",
            ">=1 <2",
            "1.0.0 - 1.2.0",
            "1.0 - 2",
            "^1.0.0 || ^2.0.0",
            "1.0.0 || 1.1.0",
            "v1.1.0",
            "=v1.1.0",
            "1.x",
            "1.1.x",
            "*",
        ] {
            assert!(meets(Manifest::Npm, yes, &at), "{yes}");
        }
        for no in [
            "1.0.0",
            "= 1.0.0",
            "~1.0.0",
            "1.0.x",
            "^2.0.0 || 1.0.0",
            ">1.1.0",
            "",
        ] {
            assert!(!meets(Manifest::Npm, no, &at), "{no}");
        }
        assert!(
            meets(Manifest::Cargo, "1.0.0", &at),
            "Cargo's bare version is a caret"
        );
    }

    #[test]
    fn npm_links_are_the_requirements_the_workspace_package_meets() {
        let at = v("0.8.0");
        for yes in [
            "^0.8.0",
            "0.8.0",
            "0.8",
            "~0.8.0",
            "workspace:*",
            "workspace:^0.1.0",
            "*",
            "file:../c",
            ">=0.5.0 <1.0.0",
        ] {
            assert!(npm_links(yes, &at), "{yes}");
        }
        for no in [
            "^0.5.0",
            "0.7.0",
            "0.7",
            "latest",
            "npm:@s/c@^0.8.0",
            "git+https://x/c.git",
            "1.x || 2.x",
        ] {
            assert!(!npm_links(no, &at), "{no}");
        }
    }

    #[test]
    fn requirements_keep_operator_and_precision() {
        let to = |req: &str, new: &str| rewrite(Manifest::Cargo, req, &v(new));
        assert_eq!(to("1.2", "1.3.0"), Rewrite::To("1.3".into()));
        assert_eq!(to("1.3", "1.3.1"), Rewrite::Same);
        assert_eq!(to("1.3.0", "1.3.1"), Rewrite::To("1.3.1".into()));
        assert_eq!(to("^0.3", "0.4.0"), Rewrite::To("^0.4".into()));
        assert_eq!(to("~1.2.3", "1.2.4"), Rewrite::To("~1.2.4".into()));
        assert_eq!(
            to("=1.2.3", "2.0.0-rc.1"),
            Rewrite::To("=2.0.0-rc.1".into())
        );
        assert_eq!(to("=1.3.0-rc.1", "1.3.0"), Rewrite::To("=1.3.0".into()));
        assert_eq!(
            to("^1.3.0-rc.1", "1.3.0-rc.2"),
            Rewrite::To("^1.3.0-rc.2".into())
        );
        // A pre-release is admitted only by a requirement naming it, whatever the precision.
        assert_eq!(to("1.0", "2.0.0-rc.1"), Rewrite::To("2.0.0-rc.1".into()));
        assert_eq!(to("^1", "2.0.0-rc.1"), Rewrite::To("^2.0.0-rc.1".into()));
        assert_eq!(to("1", "1.4.0"), Rewrite::Same);
        assert_eq!(to("1", "2.0.0"), Rewrite::To("2".into()));
        assert_eq!(to(">=1.0, <2", "1.5.0"), Rewrite::Same);
        assert_eq!(to(">=1.0, <2", "2.0.0"), Rewrite::Unsupported);
        let npm = |req: &str, new: &str| rewrite(Manifest::Npm, req, &v(new));
        assert_eq!(npm("workspace:*", "2.0.0"), Rewrite::Same);
        assert_eq!(npm("workspace:^", "2.0.0"), Rewrite::Same);
        assert_eq!(
            npm("workspace:^1.0.0", "2.0.0"),
            Rewrite::To("workspace:^2.0.0".into())
        );
        assert_eq!(
            npm("workspace:1.0.0", "1.0.1"),
            Rewrite::To("workspace:1.0.1".into())
        );
        assert_eq!(npm("workspace:1.x || 2.x", "3.0.0"), Rewrite::Unsupported);
        assert_eq!(npm("*", "2.0.0"), Rewrite::Same);
        assert_eq!(npm("^1.2.0", "1.3.0"), Rewrite::To("^1.3.0".into()));
        assert_eq!(npm("1.x || 2.x", "3.0.0"), Rewrite::Unsupported);
        assert_eq!(npm(">=1.0.0 <2.0.0", "1.1.0"), Rewrite::Same);
        // QA35: `>=` admits every later version: left as it is.
        assert_eq!(npm(">=1.0.0", "1.1.1"), Rewrite::Same);
        assert_eq!(npm(">=1.2.0", "2.0.0"), Rewrite::Same);
        assert_eq!(to(">=1.0", "3.0.0"), Rewrite::Same);
        assert_eq!(
            npm(">=2.0.0", "2.0.0-rc.1"),
            Rewrite::To(">=2.0.0-rc.1".into())
        );
    }

    #[test]
    fn cargo_requirements_are_found_in_place() {
        // QA40: only a `path` names a workspace crate; `serde`, `reglog`, `git` and `nix` are
        // other crates, whatever their names.
        let text = "[package]\nname = \"web\"\nversion = \"0.1.0\"\n\n[dependencies]\napi = { path = \"../api\", version = \"1.2\" }\nserde = \"1\"\nrenamed = { package = \"core-lib\", path = \"../core\", version = '0.3' }\nreglog = { package = \"log\", version = \"0.4\" }\ngit = { git = \"https://example.com/g.git\", version = \"0.1\" }\nlocal = { path = \"../local\" }\ninherited = { workspace = true }\n\n[dev-dependencies.api-test]\npath = \"../api-test\"\nversion = \"^0.1.0\"\n\n[target.'cfg(unix)'.dependencies]\nnix = \"0.29\"\n";
        assert_eq!(package_name(Manifest::Cargo, text).as_deref(), Some("web"));
        let reqs = requirements(Manifest::Cargo, text).unwrap();
        let got: Vec<(String, String, String, bool)> = reqs
            .iter()
            .map(|r| {
                (
                    r.section.clone(),
                    r.name.clone(),
                    text[r.span.clone().unwrap()].to_owned(),
                    r.dev,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("dependencies".into(), "api".into(), "1.2".into(), false),
                (
                    "dependencies".into(),
                    "core-lib".into(),
                    "0.3".into(),
                    false
                ),
                (
                    "dev-dependencies".into(),
                    "api-test".into(),
                    "^0.1.0".into(),
                    true
                ),
            ]
        );
    }

    #[test]
    fn npm_requirements_are_found_in_place() {
        let text = "{\n  \"name\": \"@acme/web\",\n  \"version\": \"0.1.0\",\n  \"dependencies\": { \"@acme/api\": \"^1.2.0\", \"lodash.merge\": \"4.6.2\" },\n  \"devDependencies\": { \"@acme/test\": \"workspace:*\" }\n}\n";
        assert_eq!(
            package_name(Manifest::Npm, text).as_deref(),
            Some("@acme/web")
        );
        let reqs = requirements(Manifest::Npm, text).unwrap();
        let got: Vec<(&str, &str, bool)> = reqs
            .iter()
            .map(|r| (r.name.as_str(), &text[r.span.clone().unwrap()], r.dev))
            .collect();
        assert_eq!(
            got,
            [
                ("@acme/api", "^1.2.0", false),
                ("lodash.merge", "4.6.2", false),
                ("@acme/test", "workspace:*", true),
            ]
        );
        assert_eq!(requirements(Manifest::Npm, "{ not json"), None);
    }
}
