//! The path dependencies of a `Cargo.toml` (`b = { path = "crates/b", version = "0.3" }`, in
//! every dependency table and in `[workspace.dependencies]`) with where their version
//! requirement lies, so a release that bumps the crate a path names can move the requirement
//! with it; and what a manifest says of its own version (inherited from its workspace or not).

use std::ops::Range;

use super::deps::cargo_tables;
use super::inner_span;

/// How a path dependency states its version requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stated {
    /// A plain one-line string: its text and the byte span of that text (quotes excluded).
    Plain {
        /// The requirement.
        text: String,
        /// Where it lies in the manifest.
        span: Range<usize>,
    },
    /// A string written with escapes or as a multi-line string, which cannot be rewritten in
    /// place: its value and where the value starts.
    Escaped {
        /// The requirement, as TOML reads it.
        text: String,
        /// The byte offset of the value.
        at: usize,
    },
}

/// One dependency of a manifest with a `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathDep {
    /// Where it is declared: `dependencies`, `target.'cfg(unix)'.dev-dependencies`,
    /// `workspace.dependencies`…
    pub section: String,
    /// The key it is declared under.
    pub key: String,
    /// Its `path`, as written (relative to the manifest's directory).
    pub path: String,
    /// Its version requirement; `None` when it states none.
    pub version: Option<Stated>,
}

/// Every path dependency of the manifest, `[workspace.dependencies]` included. `None`: the
/// manifest does not parse.
pub fn path_deps(text: &str) -> Option<Vec<PathDep>> {
    let doc = super::parsed_toml(text)?;
    let mut tables = cargo_tables(doc.as_item())?;
    if let Some(table) = doc
        .as_item()
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|i| i.as_table_like())
    {
        tables.push(("workspace.dependencies".into(), "dependencies", table));
    }
    let mut out = Vec::new();
    for (section, _, table) in tables {
        for (key, item) in table.iter() {
            let Some(dep) = item.as_table_like() else {
                continue;
            };
            let Some(path) = dep.get("path").and_then(|p| p.as_str()) else {
                continue;
            };
            let version = match dep.get("version") {
                Some(toml_edit::Item::Value(toml_edit::Value::String(s))) => stated(text, s),
                _ => None,
            };
            out.push(PathDep {
                section: section.clone(),
                key: key.to_owned(),
                path: path.to_owned(),
                version,
            });
        }
    }
    Some(out)
}

fn stated(text: &str, s: &toml_edit::Formatted<String>) -> Option<Stated> {
    let span = s.span()?;
    let raw = text.get(span.clone())?;
    let plain = inner_span(raw, span.start, s.value())
        .filter(|_| !raw.starts_with("\"\"\"") && !raw.starts_with("'''"));
    Some(match plain {
        Some(inner) => Stated::Plain {
            text: s.value().to_owned(),
            span: inner,
        },
        None => Stated::Escaped {
            text: s.value().to_owned(),
            at: span.start,
        },
    })
}

/// What a manifest says of its package: its name, and whether its version is inherited from
/// the workspace (`version.workspace = true`). `None`: no `[package]` (or no parse).
pub fn package_of(text: &str) -> Option<(String, bool)> {
    let doc = super::parsed_toml(text)?;
    let package = doc.as_item().get("package")?;
    let name = package.get("name")?.as_str()?.to_owned();
    let inherited = package
        .get("version")
        .and_then(|v| v.get("workspace"))
        .and_then(|w| w.as_bool())
        .unwrap_or(false);
    Some((name, inherited))
}

/// The `package.workspace` of a manifest (the path to its workspace root, when it is not the
/// nearest one above), and whether the manifest has a `[workspace]` table.
pub fn workspace_of(text: &str) -> (Option<String>, bool) {
    let Some(doc) = super::parsed_toml(text) else {
        return (None, false);
    };
    let root = doc.as_item();
    let pointer = root
        .get("package")
        .and_then(|p| p.get("workspace"))
        .and_then(|w| w.as_str())
        .map(str::to_owned);
    (pointer, root.get("workspace").is_some())
}

/// Whether the workspace manifest `text` leaves out the crate in `dir` (from the workspace's
/// top) as cargo does: under one of its `exclude` paths and under none of its `members` as
/// written. cargo then looks further up for the crate's workspace.
pub fn excludes(text: &str, dir: &std::path::Path) -> bool {
    let Some(doc) = super::parsed_toml(text) else {
        return false;
    };
    let under = |key: &str| {
        let list = doc.get("workspace").and_then(|w| w.get(key));
        let paths = list.and_then(|a| a.as_array()).into_iter().flatten();
        paths.filter_map(|v| v.as_str()).any(|p| dir.starts_with(p))
    };
    under("exclude") && !under("members")
}

/// The 1-based line of byte `at` in `text`.
pub fn line_at(text: &str, at: usize) -> usize {
    let end = at.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_dependencies_are_found_in_every_table() {
        let text = "[workspace.dependencies]\nc = { path = \"crates/c\", version = \"=0.3.0\" }\nserde = \"1\"\n\n[package]\nname = \"a\"\nversion.workspace = true\n\n[dependencies]\nb = { path = \"crates/b\", version = '0.3.0' }\nc = { workspace = true }\nlocal = { path = \"local\" }\n\n[dev-dependencies.b]\npath = \"crates/b\"\nversion = \"^0.3.0\"\n\n[target.'cfg(unix)'.build-dependencies]\nb.path = \"crates/b\"\nb.version = \"\"\"0.3\"\"\"\n";
        let deps = path_deps(text).unwrap();
        let got: Vec<(&str, &str, &str, Option<String>)> = deps
            .iter()
            .map(|d| {
                let v = d.version.as_ref().map(|v| match v {
                    Stated::Plain { span, .. } => text[span.clone()].to_owned(),
                    Stated::Escaped { text: t, at } => {
                        format!("escaped {t} line {}", line_at(text, *at))
                    }
                });
                (d.section.as_str(), d.key.as_str(), d.path.as_str(), v)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("dependencies", "b", "crates/b", Some("0.3.0".into())),
                ("dependencies", "local", "local", None),
                ("dev-dependencies", "b", "crates/b", Some("^0.3.0".into())),
                (
                    "target.'cfg(unix)'.build-dependencies",
                    "b",
                    "crates/b",
                    Some("escaped 0.3 line 20".into())
                ),
                (
                    "workspace.dependencies",
                    "c",
                    "crates/c",
                    Some("=0.3.0".into())
                ),
            ]
        );
        assert_eq!(package_of(text), Some(("a".into(), true)));
        assert_eq!(workspace_of(text), (None, true));
        assert_eq!(
            workspace_of("[package]\nname = \"b\"\nworkspace = \"..\"\n"),
            (Some("..".into()), false)
        );
    }

    #[test]
    fn an_excluded_crate_is_not_a_member_unless_listed() {
        let ws = "[workspace]\nmembers = [\"crates/*\", \"tools/keep\"]\nexclude = [\"tools\"]\n";
        let dir = std::path::Path::new;
        assert!(excludes(ws, dir("tools/cli")));
        assert!(!excludes(ws, dir("tools/keep")));
        assert!(!excludes(ws, dir("crates/a")));
        assert!(!excludes(ws, dir("toolsx")));
        assert!(!excludes("[workspace]\n", dir("tools")));
    }
}
