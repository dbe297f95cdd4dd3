//! A Cargo project's own crates follow its release, as cargo-release has them: the crates a
//! release bumps (a bumped `package.version`, or a member inheriting a bumped
//! `workspace.package.version`), and every requirement on one of them written beside a `path`
//! (in any dependency table, `[target.'cfg(…)'.*]` and `[workspace.dependencies]` included)
//! moved to the new version, same operator and precision, only the requirement's bytes
//! changed. Otherwise the tagged tree does not resolve (`failed to select a version for the
//! requirement b = "^0.3.0"`). A requirement that cannot be moved safely refuses the release.

use std::path::{Component, Path, PathBuf};

use semver::Version;

use crate::error::{Reason, Refusal};
use crate::history::version::files::cargo_deps::{self, Stated};
use crate::history::version::files::deps::{self, Manifest, Rewrite};
use crate::history::version::files::{self as vfiles, Edit, Locator, VersionFile};
use crate::{Error, Result};

/// How many manifests a release reads at most, following path dependencies.
const MANIFESTS_AT_MOST: usize = 2000;

/// A crate a release bumps.
#[derive(Debug)]
pub struct Crate {
    /// Its manifest, from the top of the work tree.
    pub manifest: PathBuf,
    /// Its name.
    pub name: String,
    /// The version it is at before the release.
    pub old: String,
}

/// The crates a release bumps, and the manifests that may require them.
#[derive(Debug, Default)]
pub struct Crates {
    /// Each bumped crate.
    pub bumped: Vec<Crate>,
    /// The manifests read: the bumped files, the workspaces' roots and members, and the crates
    /// their path dependencies name.
    pub manifests: Vec<PathBuf>,
}

/// The crates that bumping the version files `bumped` (each with the version it says) bumps;
/// `read` gives a file's text (`None`: not there).
pub fn bumped_crates(
    read: &dyn Fn(&Path) -> Option<String>,
    root: &Path,
    bumped: &[(VersionFile, String)],
) -> Crates {
    let toml_key = |f: &VersionFile, key: &str| {
        f.path.file_name().is_some_and(|n| n == "Cargo.toml")
            && matches!(&f.locator, Locator::TomlKey(k) if k == key)
    };
    let own: Vec<(PathBuf, &String)> = bumped
        .iter()
        .filter(|(f, _)| toml_key(f, "package.version"))
        .filter_map(|(f, old)| Some((normal(&f.path)?, old)))
        .collect();
    let workspaces: Vec<(PathBuf, &String)> = bumped
        .iter()
        .filter(|(f, _)| toml_key(f, "workspace.package.version"))
        .filter_map(|(f, old)| Some((normal(f.path.parent()?)?, old)))
        .collect();
    if own.is_empty() && workspaces.is_empty() {
        return Crates::default();
    }
    let mut manifests: Vec<PathBuf> = Vec::new();
    let add = |m: PathBuf, list: &mut Vec<PathBuf>| {
        if !list.contains(&m) {
            list.push(m);
        }
    };
    for (m, _) in &own {
        add(m.clone(), &mut manifests);
    }
    // Any member of a bumped crate's workspace may require it (a package on the root crate).
    let own_workspaces: Vec<PathBuf> = own
        .iter()
        .filter_map(|(m, _)| workspace_root(read, m, &read(m)?))
        .collect();
    for dir in own_workspaces
        .iter()
        .chain(workspaces.iter().map(|(d, _)| d))
    {
        add(dir.join("Cargo.toml"), &mut manifests);
        for m in crate::history::packages::detect::cargo_members(&root.join(dir)) {
            add(dir.join(m).join("Cargo.toml"), &mut manifests);
        }
    }
    // The crates the path dependencies name, as far as they lead.
    let mut i = 0;
    while i < manifests.len() && manifests.len() < MANIFESTS_AT_MOST {
        let m = manifests[i].clone();
        i += 1;
        let Some(text) = read(&m) else { continue };
        for dep in cargo_deps::path_deps(&text).unwrap_or_default() {
            if let Some(target) = target_of(&m, &dep.path) {
                if read(&target).is_some() {
                    add(target, &mut manifests);
                }
            }
        }
    }
    let mut out = Crates::default();
    for m in &manifests {
        let Some(text) = read(m) else { continue };
        let Some((name, inherited)) = cargo_deps::package_of(&text) else {
            continue;
        };
        let of = |list: &[(PathBuf, &String)], p: &Path| {
            list.iter()
                .find(|(q, _)| q == p)
                .map(|(_, old)| (*old).clone())
        };
        let from_workspace = || {
            let w = workspace_root(read, m, &text)?;
            of(&workspaces, &w).filter(|_| inherited)
        };
        if let Some(old) = of(&own, m).or_else(from_workspace) {
            out.bumped.push(Crate {
                manifest: m.clone(),
                name,
                old,
            });
        }
    }
    out.manifests = manifests;
    out
}

/// The manifest of the crate at `path` (as a dependency of `manifest` writes it), from the top
/// of the work tree; `None` when it leaves the work tree.
fn target_of(manifest: &Path, path: &str) -> Option<PathBuf> {
    let dir = manifest.parent().unwrap_or(Path::new(""));
    normal(&dir.join(path).join("Cargo.toml"))
}

/// `path` with `.` and `..` resolved lexically; `None` when it is absolute or climbs above the
/// top of the work tree.
fn normal(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// The directory of the workspace the crate of `manifest` (its `text`) belongs to: its own
/// (`[workspace]`), the one `package.workspace` names, else the nearest above with a
/// `[workspace]` that does not exclude it.
pub(crate) fn workspace_root(
    read: &dyn Fn(&Path) -> Option<String>,
    manifest: &Path,
    text: &str,
) -> Option<PathBuf> {
    let dir = manifest.parent().unwrap_or(Path::new(""));
    match cargo_deps::workspace_of(text) {
        (_, true) => return Some(dir.to_path_buf()),
        (Some(pointer), _) => return normal(&dir.join(pointer)),
        (None, false) => {}
    }
    let mut up = dir.to_path_buf();
    while up.pop() {
        let rel = dir.strip_prefix(&up).unwrap_or(dir);
        let found = |t: &str| cargo_deps::workspace_of(t).1 && !cargo_deps::excludes(t, rel);
        if read(&up.join("Cargo.toml")).is_some_and(|t| found(&t)) {
            return Some(up);
        }
        if up.as_os_str().is_empty() {
            break;
        }
    }
    None
}

/// A requirement a release moved.
#[derive(Debug, Clone)]
pub struct Moved {
    /// The manifest holding it, from the top of the work tree.
    pub manifest: PathBuf,
    /// Its table (`dependencies`, `dev-dependencies`, `workspace.dependencies`…).
    pub section: String,
    /// The key it is declared under (the crate's name, unless renamed).
    pub key: String,
    /// The crate it requires.
    pub name: String,
    /// The requirement before and after.
    pub before: String,
    /// The requirement written instead.
    pub after: String,
}

/// Moves every requirement on a crate the release bumps (to `version`) in the planned edits
/// `edits` (the version files' edits already there, read instead of the files), adding an edit
/// for a manifest that has none yet, and returns them. A requirement the new version does not
/// meet and relhook cannot rewrite (a range, an escaped or multi-line string) is refused,
/// naming its line; so is any the new version does not meet when `rewrite` is false
/// (`[release] bump_dependents = false`): left, the workspace would no longer resolve.
pub fn requirement_edits(
    root: &Path,
    edits: &mut Vec<Edit>,
    bumped: &[(VersionFile, String)],
    version: &Version,
    rewrite: bool,
) -> Result<Vec<Moved>> {
    let crates = {
        let planned = |p: &Path| planned_text(root, edits, p);
        bumped_crates(&planned, root, bumped)
    };
    let mut moved = Vec::new();
    if crates.bumped.is_empty() {
        return Ok(moved);
    }
    for m in &crates.manifests {
        let Some(text) = planned_text(root, edits, m) else {
            continue;
        };
        let mut changes: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for dep in cargo_deps::path_deps(&text).unwrap_or_default() {
            let Some(target) = target_of(m, &dep.path) else {
                continue;
            };
            let Some(Crate { name, old, .. }) = crates.bumped.iter().find(|c| c.manifest == target)
            else {
                continue;
            };
            let refuse = |at: usize, what: String, fix: String| {
                let line = cargo_deps::line_at(&text, at);
                Error::Refused(Refusal::new(
                    Reason::Dependent,
                    format!(
                        "{}:{line}: the requirement on {name} ({}) {what}",
                        m.display(),
                        dep.section
                    ),
                    fix,
                ))
            };
            if !rewrite {
                let (req, at) = match &dep.version {
                    None => continue,
                    Some(Stated::Plain { text, span }) => (text, span.start),
                    Some(Stated::Escaped { text, at }) => (text, *at),
                };
                if semver::VersionReq::parse(req).is_ok_and(|r| !r.matches(version)) {
                    return Err(refuse(
                        at,
                        format!(
                            "`{req}` does not admit {version}, and `[release] bump_dependents = false` leaves it as it is; nothing was released"
                        ),
                        format!(
                            "edit it by hand so that it admits {version}, commit, and run the release again"
                        ),
                    ));
                }
                continue;
            }
            match dep.version {
                None => {}
                Some(Stated::Plain { text: req, span }) => match admitting(&req, version) {
                    Rewrite::Same => {}
                    Rewrite::To(after) => {
                        moved.push(Moved {
                            manifest: m.clone(),
                            section: dep.section.clone(),
                            key: dep.key.clone(),
                            name: name.clone(),
                            before: req.clone(),
                            after: after.clone(),
                        });
                        changes.push((span, after));
                    }
                    Rewrite::Unsupported => {
                        return Err(refuse(
                            span.start,
                            format!(
                                "`{req}` does not admit {version}, the version this release gives it, and relhook cannot rewrite a range"
                            ),
                            format!(
                                "write it as `version = \"{old}\"` (relhook then moves it with each release), commit, and run the release again"
                            ),
                        ));
                    }
                },
                Some(Stated::Escaped { text: req, at }) => {
                    if admitting(&req, version) == Rewrite::Same {
                        continue;
                    }
                    return Err(refuse(
                        at,
                        format!(
                            "is written with escapes or as a multi-line string, which relhook cannot rewrite to {version} in place"
                        ),
                        format!(
                            "write it as a plain string, `version = \"{req}\"` (relhook then moves it with each release), commit, and run the release again"
                        ),
                    ));
                }
            }
        }
        if changes.is_empty() {
            continue;
        }
        changes.sort_by_key(|(s, _)| std::cmp::Reverse(s.start));
        let mut after = text.clone();
        for (span, req) in changes {
            after.replace_range(span, &req);
        }
        match edits.iter_mut().find(|e| e.path == *m) {
            Some(e) => e.after = after.into_bytes(),
            None => {
                let full = vfiles::safe_join(root, m)?;
                let before = crate::fsx::read_project(&full)?;
                edits.push(Edit {
                    path: m.clone(),
                    before,
                    after: after.into_bytes(),
                    committed: None,
                });
            }
        }
    }
    Ok(moved)
}

/// [`deps::rewrite`] for a requirement on a crate at `version`, made to admit it: cargo
/// matches a pre-release only against a requirement that names one of the same version, so
/// `0.3` or `~0.3` becomes `0.4.0-rc.1` or `~0.4.0-rc.1` for `0.4.0-rc.1`, not `0.4`.
fn admitting(req: &str, version: &Version) -> Rewrite {
    let admits = |r: &str| semver::VersionReq::parse(r).is_ok_and(|r| r.matches(version));
    let rewritten = deps::rewrite(Manifest::Cargo, req, version);
    let written = match &rewritten {
        Rewrite::Same => req,
        Rewrite::To(after) => after.as_str(),
        Rewrite::Unsupported => return Rewrite::Unsupported,
    };
    if admits(written) {
        return rewritten;
    }
    let trimmed = req.trim();
    let op = ["^", "~", "=", ">="]
        .into_iter()
        .find(|op| trimmed.starts_with(op))
        .unwrap_or("");
    let full = format!("{op}{version}");
    if !admits(&full) {
        Rewrite::Unsupported
    } else if full == req {
        Rewrite::Same
    } else {
        Rewrite::To(full)
    }
}

/// A file of the release as it will be: its planned edit's text, else the file's (UTF-8, under
/// the top of the work tree); `None` when it is not there or cannot be read.
fn planned_text(root: &Path, edits: &[Edit], path: &Path) -> Option<String> {
    if let Some(e) = edits.iter().find(|e| e.path == path) {
        return String::from_utf8(e.after.clone()).ok();
    }
    disk_text(root, path)
}

/// A file under the top of the work tree as UTF-8 text; `None` when it is not there, not
/// readable, or leads out of the work tree.
pub fn disk_text(root: &Path, path: &Path) -> Option<String> {
    let full = vfiles::safe_join(root, path).ok()?;
    // Bounded like every project file: one too large is said once, and not read.
    crate::fsx::regular_text(&full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_requirement_written_for_a_pre_release_admits_it() {
        let to = |req: &str, v: &str| admitting(req, &Version::parse(v).unwrap());
        assert_eq!(to("0.3", "0.4.0-rc.1"), Rewrite::To("0.4.0-rc.1".into()));
        assert_eq!(to("~0.3", "0.4.0-rc.1"), Rewrite::To("~0.4.0-rc.1".into()));
        assert_eq!(to("0.4.0-rc.1", "0.4.0"), Rewrite::To("0.4.0".into()));
        assert_eq!(to("0.3.0", "0.3.1"), Rewrite::To("0.3.1".into()));
        assert_eq!(to("0.3", "0.3.1"), Rewrite::Same);
        assert_eq!(to(">=0.3, <0.4", "0.4.0"), Rewrite::Unsupported);
    }

    #[test]
    fn a_member_requiring_the_root_crate_moves_with_it_or_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let top = "[package]\nname = \"app\"\nversion = \"2.0.0\"\n\n[workspace]\nmembers = [\".\", \"api\"]\n";
        std::fs::write(tmp.path().join("Cargo.toml"), top).unwrap();
        std::fs::create_dir(tmp.path().join("api")).unwrap();
        let api = "[package]\nname = \"api\"\nversion = \"1.0.0\"\n\n[dependencies]\napp = { path = \"..\", version = \"2.0.0\" }\n";
        std::fs::write(tmp.path().join("api/Cargo.toml"), api).unwrap();
        let bumped = [(
            VersionFile {
                path: "Cargo.toml".into(),
                locator: Locator::TomlKey("package.version".into()),
            },
            "2.0.0".to_owned(),
        )];
        let v3 = Version::new(3, 0, 0);
        let mut edits = Vec::new();
        let moved = requirement_edits(tmp.path(), &mut edits, &bumped, &v3, true).unwrap();
        assert_eq!(moved.len(), 1, "{moved:?}");
        assert_eq!(moved[0].manifest, Path::new("api/Cargo.toml"));
        assert_eq!(
            (moved[0].before.as_str(), moved[0].after.as_str()),
            ("2.0.0", "3.0.0")
        );
        // Not rewritten, it is refused, naming its line.
        let e = requirement_edits(tmp.path(), &mut Vec::new(), &bumped, &v3, false);
        let e = e.unwrap_err().to_string();
        assert!(e.contains("api/Cargo.toml:6:"), "{e}");
        // A patch it admits is no refusal.
        let patch = Version::new(2, 0, 1);
        assert!(requirement_edits(tmp.path(), &mut Vec::new(), &bumped, &patch, false).is_ok());
    }
}
