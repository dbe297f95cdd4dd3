//! Internal dependents in a monorepo: when packages are released, the packages whose
//! manifest (`Cargo.toml`, `package.json`, `pyproject.toml`) requires one of them get that
//! requirement rewritten (same operator, same precision: `^1.2` → `^1.3`, `==1.2.0` →
//! `==1.3.0`), and a dependent whose shipped
//! requirement changed is due a patch release of its own, whose changelog entry says why.
//! Computing only: the caller decides the versions and writes everything in one transaction.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use semver::Version;

use crate::history::version::files::deps::{self, Manifest, Rewrite};
use crate::history::version::files::py_pre;
use crate::history::version::files::{Edit, Locks, VersionFile};
use crate::{Error, Result};

/// A workspace member: a relhook package and the manifests in its directory.
#[derive(Debug, Clone)]
pub struct Member {
    /// The relhook package name (`[packages.<name>]`).
    pub package: String,
    /// Its directory, relative to the top of the work tree.
    pub dir: PathBuf,
}

/// One requirement a release rewrites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The package whose manifest holds the requirement.
    pub dependent: String,
    /// The released package it requires.
    pub dependency: String,
    /// The dependency's new version.
    pub version: Version,
    /// The manifest, relative to the top of the work tree.
    pub file: PathBuf,
    /// Where in it (`dependencies`, `devDependencies`…).
    pub section: String,
    /// The name it requires (the dependency's published name).
    pub name: String,
    /// The requirement before and after.
    pub before: String,
    /// The requirement written instead.
    pub after: String,
    /// Only a development dependency: the dependent's release does not change with it.
    pub dev: bool,
    /// The kind of manifest (a pyproject.toml's PEP 621 tables or its Poetry ones).
    pub kind: Manifest,
    /// Where the requirement lies in the file; `None` for one kept as it is that escapes put
    /// elsewhere.
    span: Option<std::ops::Range<usize>>,
    /// Poetry's `allow-prereleases` on it ([`deps::Requirement::prereleases`]).
    pub prereleases: Option<bool>,
    /// A workspace shorthand kept as written (`workspace:*`): what it is published as now and
    /// with the new version, which the old no longer admits.
    pub published: Option<(String, String)>,
}

impl Change {
    /// The changelog entry of the dependent's release (without the leading `- `).
    pub fn entry(&self) -> String {
        // Named where it is not the plain one, so two requirements on one package (npm's
        // `dependencies` and `peerDependencies`) are two different lines.
        let section = match self.section.as_str() {
            npm @ ("peerDependencies" | "optionalDependencies" | "devDependencies") => {
                format!(" {npm}")
            }
            // A Python extra's or group's: `project.optional-dependencies.cli`.
            py if py.starts_with("project.optional-dependencies.")
                || py.starts_with("dependency-groups.")
                || py.starts_with("tool.poetry.group.")
                || py == "tool.poetry.dev-dependencies" =>
            {
                format!(" {py}")
            }
            _ => String::new(),
        };
        if let Some(entry) = super::shorthand::entry(self, &section) {
            return entry;
        }
        format!(
            "**deps:** require {} {} (`{}` → `{}` in {}{section})",
            self.dependency,
            self.version,
            self.before,
            self.after,
            self.file.display()
        )
    }
}

/// Reads a file of the release as it will be (edits planned so far applied): `None` when it
/// does not exist.
pub type Read<'a> = &'a dyn Fn(&Path) -> Result<Option<String>>;

/// The requirement changes that releasing `released` (package → new version) brings to the
/// manifests of `members`. A requirement relhook cannot rewrite and the new version does not
/// meet is refused, naming the file.
pub fn changes(
    members: &[Member],
    read: Read<'_>,
    released: &BTreeMap<String, Version>,
) -> Result<Vec<Change>> {
    let npm_workspace = npm_workspace(read)?;
    changes_with(members, read, released, Ranges::Refuse { npm_workspace })
}

/// The changes of [`changes`], a range relhook cannot rewrite kept as it is (`after` is
/// `before`) instead of refused: what a release that rewrites nothing (a hand tag, `[release]
/// bump_dependents = false`) leaves, for the caller to judge.
pub fn changes_keeping_ranges(
    members: &[Member],
    read: Read<'_>,
    released: &BTreeMap<String, Version>,
) -> Result<Vec<Change>> {
    changes_with(members, read, released, Ranges::Keep)
}

/// Whether the top is an npm, yarn or pnpm workspace, whose packages link their siblings: a
/// sibling's requirement left unmet there breaks the install, as a Cargo path dependency's
/// breaks the build.
pub fn npm_workspace(read: Read<'_>) -> Result<bool> {
    if read(Path::new("pnpm-workspace.yaml"))?.is_some() {
        return Ok(true);
    }
    Ok(read(Path::new("package.json"))?
        .and_then(|t| crate::history::version::files::json_value(t.as_bytes()))
        .is_some_and(|v| v.get("workspaces").is_some()))
}

/// What to do with a requirement relhook cannot rewrite that a new version leaves unmet.
#[derive(Debug, Clone, Copy)]
enum Ranges {
    /// Refuse the release, naming the file (`npm_workspace`: see [`npm_workspace`]).
    Refuse { npm_workspace: bool },
    /// Keep it as it is.
    Keep,
}

fn changes_with(
    members: &[Member],
    read: Read<'_>,
    released: &BTreeMap<String, Version>,
    ranges: Ranges,
) -> Result<Vec<Change>> {
    let published = published(members, read, released)?;
    let kinds = [
        Manifest::Cargo,
        Manifest::Npm,
        Manifest::Python,
        Manifest::Poetry,
    ];
    let mut out = changes_in(&kinds, members, read, &published, ranges)?;
    if !published.is_empty() {
        workspace_changes(members, read, &published, &mut out, ranges)?;
    }
    Ok(out)
}

/// lerna's fixed mode (lerna.json among the bumped files `bumped`): `lerna version` rewrites
/// each package's requirement on another package of the release (same operator: `1.2.3` →
/// `1.3.0`, `^1.2.3` → `^1.3.0`), so an exact pin never names a version no longer built.
/// Spliced into the planned files `edits`; only package.json files are read.
pub fn lerna_requirements(
    root: &Path,
    edits: &mut Vec<Edit>,
    bumped: &[VersionFile],
    version: &Version,
) -> Result<()> {
    if !bumped.iter().any(|f| f.path == Path::new("lerna.json")) {
        return Ok(());
    }
    let packages = crate::history::version::files::lerna_packages(root);
    let members: Vec<Member> = bumped
        .iter()
        .filter(|f| packages.contains(&f.path))
        .filter_map(|f| {
            Some(Member {
                package: f.path.to_string_lossy().into_owned(),
                dir: f.path.parent()?.to_path_buf(),
            })
        })
        .collect();
    let released = members
        .iter()
        .map(|m| (m.package.clone(), version.clone()))
        .collect();
    let changes = {
        let planned = |p: &Path| -> Result<Option<String>> {
            if let Some(e) = edits.iter().find(|e| e.path == p) {
                return Ok(Some(String::from_utf8_lossy(&e.after).into_owned()));
            }
            Ok(crate::fsx::project_bytes(&root.join(p))?
                .map(|b| String::from_utf8_lossy(&b).into_owned()))
        };
        let published = published(&members, &planned, &released)?;
        let npm_workspace = npm_workspace(&planned)?;
        let ranges = Ranges::Refuse { npm_workspace };
        changes_in(&[Manifest::Npm], &members, &planned, &published, ranges)?
    };
    let mut files: Vec<&PathBuf> = changes.iter().map(|c| &c.file).collect();
    files.sort();
    files.dedup();
    for file in files {
        match edits.iter_mut().find(|e| e.path == *file) {
            Some(e) => {
                let text = String::from_utf8_lossy(&e.after).into_owned();
                e.after = apply(file, &text, &changes).into_bytes();
            }
            // A package already at the version (no bump of its own) whose requirement moves.
            None => {
                let before = crate::fsx::read_project(&root.join(file))?;
                let text = String::from_utf8_lossy(&before).into_owned();
                let after = apply(file, &text, &changes).into_bytes();
                edits.push(Edit {
                    path: file.clone(),
                    before,
                    after,
                    committed: None,
                });
            }
        }
    }
    lock_requirements(Locks::WorkTree, root, &[], edits, &changes)
}

/// npm's lock files repeat each workspace package's requirements (`packages["<dir>"]`): those
/// `changes` moved are moved there too, as `npm install` would, so the lock stays in step with
/// the package.json files (`super::npm_lock`). pnpm's and bun's locks move the same way
/// (`super::pnpm_lock`, `super::bun_lock`). `packages`: the folders of the repository's
/// packages, whose own locks may repeat them.
pub(super) fn lock_requirements(
    locks: Locks<'_>,
    root: &Path,
    packages: &[PathBuf],
    edits: &mut Vec<Edit>,
    changes: &[Change],
) -> Result<()> {
    let moved = super::shorthand::moved(changes);
    let changes = moved.as_slice();
    super::npm_lock::requirements(locks, root, packages, edits, changes)?;
    super::pnpm_lock::requirements(locks, root, edits, changes)?;
    super::bun_lock::requirements(locks, root, edits, changes)
}

/// The released package and its version, by the name it is published under, per ecosystem.
type Published<'a> = BTreeMap<(ManifestKey, String), (&'a str, &'a Version, &'a Path)>;

/// The published name of each released package, per ecosystem.
fn published<'a>(
    members: &'a [Member],
    read: Read<'_>,
    released: &'a BTreeMap<String, Version>,
) -> Result<Published<'a>> {
    let mut published = BTreeMap::new();
    for m in members {
        let Some(version) = released.get(&m.package) else {
            continue;
        };
        for kind in [Manifest::Cargo, Manifest::Npm, Manifest::Python] {
            if let Some(text) = read(&m.dir.join(kind.file_name()))? {
                if let Some(name) = deps::package_name(kind, &text) {
                    published.insert(
                        (key(kind), name),
                        (m.package.as_str(), version, m.dir.as_path()),
                    );
                }
            }
        }
    }
    Ok(published)
}

/// The requirement changes in the `kinds` of manifests of `members` (see [`changes`]).
fn changes_in(
    kinds: &[Manifest],
    members: &[Member],
    read: Read<'_>,
    published: &Published<'_>,
    ranges: Ranges,
) -> Result<Vec<Change>> {
    let mut out = Vec::new();
    if published.is_empty() {
        return Ok(out);
    }
    for m in members {
        for &kind in kinds {
            let file = m.dir.join(kind.file_name());
            let Some(text) = read(&file)? else { continue };
            let Some(reqs) = deps::requirements(kind, &text) else {
                continue;
            };
            for r in reqs {
                let Some((dependency, version, dir)) = published.get(&(key(kind), r.name.clone()))
                else {
                    continue;
                };
                if *dependency == m.package || !deps::points_at(&r, &m.dir, dir) {
                    continue;
                }
                // A workspace shorthand stays as written: what it publishes moves (see
                // `shorthand`); a peer range that admits the new version stays: narrowed, it
                // would drop versions the dependent's users may have, a breaking change in a patch.
                let (after, shipped) = if let Some(judged) =
                    super::shorthand::judged(read, kind, (&m.package, &r.text), dir, version)?
                {
                    let Some(published) = judged else { continue };
                    (r.text.clone(), Some(published))
                } else if r.section == "peerDependencies" && deps::admits(kind, &r.text, version) {
                    continue;
                } else {
                    let Some(after) = rewritten(kind, &file, &r, version, ranges)? else {
                        continue;
                    };
                    (after, None)
                };
                out.push(Change {
                    dependent: m.package.clone(),
                    dependency: (*dependency).to_owned(),
                    version: (*version).clone(),
                    file: file.clone(),
                    section: r.section,
                    name: r.name,
                    before: r.text,
                    after,
                    dev: r.dev,
                    kind,
                    span: r.span,
                    prereleases: r.prereleases,
                    published: shipped,
                });
            }
        }
    }
    Ok(out)
}

/// The requirement `r` rewritten for `version`; `None` when it stays as it is.
fn rewritten(
    kind: Manifest,
    file: &Path,
    r: &deps::Requirement,
    version: &Version,
    ranges: Ranges,
) -> Result<Option<String>> {
    let rewrite = deps::rewrite_allowing(kind, &r.text, r.prereleases, version);
    let npm_workspace = match (rewrite, ranges) {
        (Rewrite::Same, _) => return Ok(None),
        (Rewrite::To(after), Ranges::Refuse { .. }) if r.span.is_none() => {
            return Err(Error::Refused(crate::error::Refusal::new(
                crate::error::Reason::Dependent,
                format!(
                    "{}: the requirement `{}` on {} ({}) is written with an escape before its version, which relhook cannot rewrite in place to `{after}`",
                    file.display(),
                    r.text,
                    r.name,
                    r.section
                ),
                "write that string without escapes, commit, and run the release again",
            )));
        }
        (Rewrite::To(after), _) => return Ok(Some(after)),
        (Rewrite::Unsupported, Ranges::Keep) => return Ok(Some(r.text.clone())),
        (Rewrite::Unsupported, Ranges::Refuse { npm_workspace }) => npm_workspace,
    };
    let spelled = py_pre::spelled(kind, version);
    let mut fix =
        format!("edit it by hand so that it admits {spelled}, commit, and run the release again");
    // Left as it is, a sibling outside any workspace keeps the published version it
    // requires; a path dependency or a workspace sibling would stop the workspace resolving.
    if kind == Manifest::Npm && !npm_workspace {
        fix.push_str(", or set `[release] bump_dependents = false`");
    }
    Err(Error::Refused(crate::error::Refusal::new(
        crate::error::Reason::Dependent,
        format!(
            "{}: the requirement `{}` on {} ({}) does not admit {spelled}{}, and relhook cannot rewrite a range",
            file.display(),
            r.text,
            r.name,
            r.section,
            py_pre::pre_excluded(kind, &r.text, r.prereleases, version)
                .map(|why| format!(" ({why})"))
                .unwrap_or_default()
        ),
        fix,
    )))
}

/// A Cargo workspace's `[workspace.dependencies]` (the root `Cargo.toml`): a requirement there
/// on a released package is rewritten once (a change of no package's own), and every member
/// that inherits it (`key = { workspace = true }`) counts as a dependent whose requirement
/// changed.
fn workspace_changes(
    members: &[Member],
    read: Read<'_>,
    published: &Published<'_>,
    out: &mut Vec<Change>,
    ranges: Ranges,
) -> Result<()> {
    let file = PathBuf::from("Cargo.toml");
    let Some(text) = read(&file)? else {
        return Ok(());
    };
    // A root crate among the members has its own dependency tables followed as a member's;
    // the workspace's table is followed here, whatever else sits at the root.
    let Some(reqs) = deps::workspace_requirements(&text) else {
        return Ok(());
    };
    for r in reqs {
        let Some((dependency, version, dir)) =
            published.get(&(key(Manifest::Cargo), r.name.clone()))
        else {
            continue;
        };
        if !deps::points_at(&r, Path::new(""), dir) {
            continue;
        }
        let Some(after) = rewritten(Manifest::Cargo, &file, &r, version, ranges)? else {
            continue;
        };
        let change = |dependent: &str, dev: bool| Change {
            dependent: dependent.to_owned(),
            dependency: (*dependency).to_owned(),
            version: (*version).clone(),
            file: file.clone(),
            section: r.section.clone(),
            name: r.name.clone(),
            before: r.text.clone(),
            after: after.clone(),
            dev,
            kind: Manifest::Cargo,
            span: r.span.clone(),
            prereleases: None,
            published: None,
        };
        // The root's own edit: no package is released for it.
        out.push(change("", true));
        for m in members.iter().filter(|m| m.package != *dependency) {
            let Some(member) = read(&m.dir.join("Cargo.toml"))? else {
                continue;
            };
            let inherits = deps::inherited(&member).unwrap_or_default();
            // A dependency both shipped and dev-only counts as shipped.
            if let Some(dev) = inherits
                .iter()
                .filter(|(k, _)| *k == r.key)
                .map(|(_, dev)| *dev)
                .reduce(|a, b| a && b)
            {
                out.push(change(&m.package, dev));
            }
        }
    }
    Ok(())
}

/// `text` of `file` with every change to that file applied (a span shared by several changes,
/// a workspace requirement its members inherit, is written once).
pub fn apply(file: &Path, text: &str, changes: &[Change]) -> String {
    let mut mine: Vec<(&std::ops::Range<usize>, &Change)> = changes
        .iter()
        .filter(|c| c.file == file)
        .filter_map(|c| Some((c.span.as_ref()?, c)))
        .collect();
    mine.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    mine.dedup_by_key(|(span, _)| span.start);
    let mut out = text.to_owned();
    for (span, c) in mine {
        out.replace_range(span.clone(), &c.after);
    }
    out
}

type ManifestKey = u8;

fn key(kind: Manifest) -> ManifestKey {
    match kind {
        Manifest::Cargo => 0,
        Manifest::Npm => 1,
        // One published name, whichever table of the pyproject.toml requires it.
        Manifest::Python | Manifest::Poetry => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn files(list: &[(&str, &str)]) -> HashMap<PathBuf, String> {
        list.iter()
            .map(|(p, t)| (PathBuf::from(p), (*t).to_owned()))
            .collect()
    }

    #[test]
    fn dependents_get_their_requirement_rewritten() {
        let fs = files(&[
            (
                "crates/api/Cargo.toml",
                "[package]\nname = \"acme-api\"\nversion = \"1.2.0\"\n",
            ),
            (
                "crates/cli/Cargo.toml",
                "[package]\nname = \"acme-cli\"\nversion = \"0.4.0\"\n\n[dependencies]\nacme-api = { path = \"../api\", version = \"1.2\" }\n\n[dev-dependencies]\napi = { package = \"acme-api\", path = \"../api\", version = \"1.2.0\" }\n",
            ),
            (
                "web/package.json",
                "{ \"name\": \"web\", \"version\": \"2.0.0\", \"dependencies\": { \"ui\": \"^0.3.1\" } }\n",
            ),
            (
                "ui/package.json",
                "{ \"name\": \"ui\", \"version\": \"0.3.1\" }\n",
            ),
        ]);
        let read = |p: &Path| Ok(fs.get(p).cloned());
        let members = [
            Member {
                package: "api".into(),
                dir: "crates/api".into(),
            },
            Member {
                package: "cli".into(),
                dir: "crates/cli".into(),
            },
            Member {
                package: "web".into(),
                dir: "web".into(),
            },
            Member {
                package: "ui".into(),
                dir: "ui".into(),
            },
        ];
        let released: BTreeMap<String, Version> = [
            ("api".to_owned(), Version::new(1, 3, 0)),
            ("ui".to_owned(), Version::new(0, 3, 2)),
        ]
        .into();
        let got = changes(&members, &read, &released).unwrap();
        let summary: Vec<(&str, &str, &str, &str, bool)> = got
            .iter()
            .map(|c| {
                (
                    c.dependent.as_str(),
                    c.dependency.as_str(),
                    c.before.as_str(),
                    c.after.as_str(),
                    c.dev,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("cli", "api", "1.2", "1.3", false),
                ("cli", "api", "1.2.0", "1.3.0", true),
                ("web", "ui", "^0.3.1", "^0.3.2", false),
            ]
        );
        let cli = Path::new("crates/cli/Cargo.toml");
        let after = apply(cli, &fs[cli], &got);
        assert!(
            after.contains("acme-api = { path = \"../api\", version = \"1.3\" }"),
            "{after}"
        );
        assert!(after.contains("version = \"1.3.0\" }"), "{after}");
        assert_eq!(
            got[0].entry(),
            "**deps:** require api 1.3.0 (`1.2` → `1.3` in crates/cli/Cargo.toml)"
        );
        // A patch of api leaves `1.2`-style requirements alone.
        let patch: BTreeMap<String, Version> = [("api".to_owned(), Version::new(1, 2, 1))].into();
        let got = changes(&members, &read, &patch).unwrap();
        assert_eq!(got.len(), 1, "only the three-part dev requirement: {got:?}");
        assert!(got[0].dev);
    }

    #[test]
    fn workspace_dependencies_are_rewritten_once_for_their_members() {
        let fs = files(&[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"api\", \"cli\", \"bench\"]\n\n[workspace.dependencies]\napi = { path = \"api\", version = \"1.2\" }\n",
            ),
            (
                "api/Cargo.toml",
                "[package]\nname = \"api\"\nversion = \"1.2.0\"\n",
            ),
            (
                "cli/Cargo.toml",
                "[package]\nname = \"cli\"\nversion = \"0.4.0\"\n[dependencies]\napi = { workspace = true }\n",
            ),
            (
                "bench/Cargo.toml",
                "[package]\nname = \"bench\"\nversion = \"0.1.0\"\n[dev-dependencies]\napi.workspace = true\n",
            ),
        ]);
        let read = |p: &Path| Ok(fs.get(p).cloned());
        let members: Vec<Member> = ["api", "cli", "bench"]
            .iter()
            .map(|n| Member {
                package: (*n).into(),
                dir: (*n).into(),
            })
            .collect();
        let released: BTreeMap<String, Version> =
            [("api".to_owned(), Version::new(1, 3, 0))].into();
        let got = changes(&members, &read, &released).unwrap();
        let who: Vec<(&str, bool)> = got.iter().map(|c| (c.dependent.as_str(), c.dev)).collect();
        assert_eq!(who, [("", true), ("cli", false), ("bench", true)]);
        let root = Path::new("Cargo.toml");
        assert_eq!(
            apply(root, &fs[root], &got),
            fs[root].replace("version = \"1.2\"", "version = \"1.3\"")
        );
        assert_eq!(
            got[1].entry(),
            "**deps:** require api 1.3.0 (`1.2` → `1.3` in Cargo.toml)"
        );
    }

    #[test]
    fn a_range_the_release_leaves_is_refused() {
        let fs = files(&[
            (
                "a/Cargo.toml",
                "[package]\nname = \"a\"\nversion = \"1.0.0\"\n",
            ),
            (
                "b/Cargo.toml",
                "[package]\nname = \"b\"\nversion = \"1.0.0\"\n[dependencies]\na = { path = \"../a\", version = \">=1, <2\" }\n",
            ),
        ]);
        let read = |p: &Path| Ok(fs.get(p).cloned());
        let members = [
            Member {
                package: "a".into(),
                dir: "a".into(),
            },
            Member {
                package: "b".into(),
                dir: "b".into(),
            },
        ];
        let released: BTreeMap<String, Version> = [("a".to_owned(), Version::new(2, 0, 0))].into();
        let e = changes(&members, &read, &released).unwrap_err().to_string();
        assert!(e.contains("b/Cargo.toml") && e.contains("by hand"), "{e}");
        // Left as it is, a path dependency stops the workspace resolving: not offered.
        assert!(!e.contains("bump_dependents"), "{e}");
        // Kept, for a caller that rewrites nothing to judge.
        let kept = changes_keeping_ranges(&members, &read, &released).unwrap();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(
            (kept[0].before.as_str(), kept[0].after.as_str()),
            (">=1, <2", ">=1, <2")
        );
    }

    #[test]
    fn leaving_a_range_is_offered_only_outside_an_npm_workspace() {
        let mut fs = files(&[
            (
                "a/package.json",
                "{ \"name\": \"a\", \"version\": \"1.0.0\" }",
            ),
            (
                "b/package.json",
                "{ \"name\": \"b\", \"version\": \"1.0.0\", \"dependencies\": { \"a\": \">=1.0.0 <2.0.0\" } }",
            ),
        ]);
        let members: Vec<Member> = ["a", "b"]
            .iter()
            .map(|n| Member {
                package: (*n).into(),
                dir: (*n).into(),
            })
            .collect();
        let released: BTreeMap<String, Version> = [("a".to_owned(), Version::new(2, 0, 0))].into();
        let refusal = |fs: &HashMap<PathBuf, String>| {
            let read = |p: &Path| Ok(fs.get(p).cloned());
            changes(&members, &read, &released).unwrap_err().to_string()
        };
        assert!(refusal(&fs).contains("bump_dependents = false"));
        for (top, text) in [
            (
                "package.json",
                "{ \"private\": true, \"workspaces\": [\"*\"] }",
            ),
            ("pnpm-workspace.yaml", "packages:\n  - '*'\n"),
        ] {
            fs.insert(top.into(), text.into());
            assert!(!refusal(&fs).contains("bump_dependents"), "{top}");
            fs.remove(Path::new(top));
        }
    }
}
