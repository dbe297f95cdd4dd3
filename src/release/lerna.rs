//! lerna's fixed mode (lerna.json with a version): `lerna version` bumps every package that
//! changed since the last release to the new version, whatever version it said, and every
//! package that depends on a bumped one (transitively), so a dependent's version and the
//! requirement it publishes stay coherent; it leaves the others. Those at lerna's version are
//! found version files already (`vfiles::detect`); a package left behind at an older version
//! that changed, or that depends on a bumped package, is added here, with npm's lock entries
//! for it.

use std::path::{Path, PathBuf};

use semver::Version;

use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::files::deps::{self, Manifest, Requirement};
use crate::history::version::files::{self as vfiles, Locator, VersionFile};

/// The packages a lerna release bumps from older versions: their version files (package.json,
/// npm's lock entries), each with what it says, and the note that names them.
#[derive(Debug, Default)]
pub struct Older {
    /// The version files, with what each says now.
    pub files: Vec<(VersionFile, String)>,
    /// One line naming each package, its version and why (empty when there is none).
    pub note: Option<String>,
}

/// A lerna package left at an older version.
struct Package {
    manifest: PathBuf,
    name: String,
    old: String,
    requirements: Vec<Requirement>,
}

/// The tracked package.json files of lerna's packages, not among `bumped`, whose version is
/// below `new`, that the release bumps: those whose directory changed since the last release
/// tag (none before the first one: every package is then new), then (unless `[release]
/// bump_dependents = false`) those that depend on a bumped package through a requirement that
/// package meets (see `deps::npm_links`), until no more do. None in a `[packages]` monorepo
/// (each package its own release).
pub fn older_packages(
    repo: &Repo,
    config: &Config,
    root: &Path,
    new: &Version,
    bumped: &[(VersionFile, String)],
) -> Result<Older> {
    let lerna = bumped
        .iter()
        .any(|(f, _)| f.path == Path::new("lerna.json"));
    if config.package.is_some() || !lerna {
        return Ok(Older::default());
    }
    let Some(head) = repo.head() else {
        return Ok(Older::default());
    };
    let manifests = vfiles::lerna_packages(root);
    // The bumped packages by published name, with the version they say before the release.
    let mut released: Vec<(String, String)> = Vec::new();
    let mut candidates: Vec<Package> = Vec::new();
    for path in manifests {
        let Some(text) = crate::fsx::project_bytes(&root.join(&path))?
            .map(|b| String::from_utf8_lossy(&b).into_owned())
        else {
            continue;
        };
        let name = deps::package_name(Manifest::Npm, &text)
            .unwrap_or_else(|| path.parent().unwrap_or(&path).display().to_string());
        if let Some((_, old)) = bumped.iter().find(|(f, _)| f.path == path) {
            released.push((name, old.clone()));
            continue;
        }
        if repo.staged_blob(&path).is_none() {
            continue;
        }
        let f = VersionFile {
            path: path.clone(),
            locator: Locator::JsonKey("version".into()),
        };
        let Some(old) = vfiles::read_version(root, &f).ok() else {
            continue;
        };
        // Versions only go up: a package at or above the release's is no part of it.
        if Version::parse(&old).map_or(true, |v| v >= *new) {
            continue;
        }
        let requirements = deps::requirements(Manifest::Npm, &text).unwrap_or_default();
        candidates.push(Package {
            manifest: path,
            name,
            old,
            requirements,
        });
    }
    let mut chosen: Vec<(Package, String)> = Vec::new();
    // The last release below this one: a hand tag's own tag is on HEAD already.
    let since = repo
        .release_tags(head, &config.version.tag_prefix)
        .unwrap_or_default()
        .into_iter()
        .filter(|t| t.version.cmp_precedence(new) == std::cmp::Ordering::Less)
        .max_by(|a, b| a.version.cmp_precedence(&b.version));
    if let Some(since) = since {
        let mut kept = Vec::new();
        for p in candidates {
            let dir: PathBuf = p
                .manifest
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            if repo
                .changed_between(Some(since.commit), head, &[&dir])?
                .is_empty()
            {
                kept.push(p);
            } else {
                chosen.push((p, format!("changed since {}", since.name)));
            }
        }
        candidates = kept;
    }
    released.extend(chosen.iter().map(|(p, _)| (p.name.clone(), p.old.clone())));
    if config.release.bump_dependents {
        dependents(&mut candidates, &mut released, &mut chosen);
    }
    Ok(Older {
        note: note(&chosen, new),
        files: files(root, &chosen),
    })
}

/// Moves from `candidates` to `chosen` (and `released`) each package that requires a released
/// one, round by round until a round adds none.
fn dependents(
    candidates: &mut Vec<Package>,
    released: &mut Vec<(String, String)>,
    chosen: &mut Vec<(Package, String)>,
) {
    loop {
        let mut round = Vec::new();
        let mut kept = Vec::new();
        for p in candidates.drain(..) {
            let mut on: Vec<&str> = Vec::new();
            for r in &p.requirements {
                let found = released.iter().find(|(name, old)| {
                    *name == r.name
                        && *name != p.name
                        && Version::parse(old).is_ok_and(|v| deps::npm_links(&r.text, &v))
                });
                if let Some((name, _)) = found {
                    if !on.contains(&name.as_str()) {
                        on.push(name);
                    }
                }
            }
            if on.is_empty() {
                kept.push(p);
            } else {
                let why = format!("depends on {}", on.join(", "));
                round.push((p, why));
            }
        }
        *candidates = kept;
        if round.is_empty() {
            return;
        }
        released.extend(round.iter().map(|(p, _)| (p.name.clone(), p.old.clone())));
        chosen.extend(round);
    }
}

/// The version files of the `chosen` packages: each package.json, and npm's lock entries that
/// say its version (`vfiles::npm_lock_keys`), moved as they are for a package at the version.
fn files(root: &Path, chosen: &[(Package, String)]) -> Vec<(VersionFile, String)> {
    let mut out = Vec::new();
    for (p, _) in chosen {
        out.push((
            VersionFile {
                path: p.manifest.clone(),
                locator: Locator::JsonKey("version".into()),
            },
            p.old.clone(),
        ));
        let dir = p.manifest.parent().unwrap_or(Path::new(""));
        for lock in ["package-lock.json", "npm-shrinkwrap.json"] {
            let lock = Path::new(lock);
            let keys = vfiles::npm_lock_keys(root, lock, dir, Some(&p.name), &p.old);
            if !keys.is_empty() {
                let locator = Locator::JsonKey(keys.join("|"));
                out.push((
                    VersionFile {
                        path: lock.to_path_buf(),
                        locator,
                    },
                    p.old.clone(),
                ));
            }
        }
    }
    out
}

/// The line that names the packages bumped from older versions, and why.
fn note(chosen: &[(Package, String)], new: &Version) -> Option<String> {
    if chosen.is_empty() {
        return None;
    }
    let named: Vec<String> = chosen
        .iter()
        .map(|(p, why)| format!("{} {} ({why})", p.name, p.old))
        .collect();
    Some(format!(
        "lerna's fixed mode: {new} also goes to the packages `lerna version` bumps from older versions: {}",
        named.join(", ")
    ))
}
