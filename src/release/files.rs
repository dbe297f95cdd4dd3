//! Which files hold the version: those detected in the work tree (unless `version.detect =
//! false`) and those `[version] files` adds. The editors, the detection and the `Cargo.lock`
//! edit live in `version::files`.

use std::path::Path;

use super::found::found_version_files;
use super::left_note::LeftNote;
use super::listed::listed;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::above::as_semver;
use crate::history::version::files::{self, VersionFile};
use crate::history::version::placeholder::tags_only_placeholder;

/// The configured version files first (they name the first version file), then the detected
/// ones; a configured entry wins over a detected one for the same file. In a monorepo, a found
/// file that holds the packages' version (see `held`) is not the root project's.
pub fn version_files(config: &Config, root: &Path) -> Vec<VersionFile> {
    let mut out = found_version_files(config, root);
    let held = super::held::held(config, root, &out);
    out.retain(|f| listed(config, f) || !held.iter().any(|h| h.file == *f));
    out.retain(|f| listed(config, f) || !in_package(config, f));
    out
}

/// Whether `f` lies in a package's directory: whatever the root's detection finds there (a
/// package's `__init__.py`, `package.json`, `Cargo.toml`, VERSION file) is that package's
/// version, moved by its own release, as a changelog there is the package's.
fn in_package(config: &Config, f: &VersionFile) -> bool {
    config.package.is_none() && config.packages.iter().any(|p| f.path.starts_with(&p.path))
}

/// The version files a release to a version writes, with what each says now, and the found
/// ones it leaves as they are.
#[derive(Debug, Clone, Default)]
pub struct Sorted {
    /// The files the release bumps (those already at the version included), with what they say.
    pub bumped: Vec<(VersionFile, String)>,
    /// The found files it leaves alone, each with the note that says so.
    pub left_alone: LeftAlone,
    /// The notes that name what the release bumps beyond the files at its version (lerna's
    /// packages at older versions).
    pub also: Vec<String>,
}

/// Whether `v` says "no version yet": `0.0.0` (`npm create vite`, `setup(version='0.0.0')`)
/// and its pre-releases (semantic-release's `0.0.0-development` and
/// `0.0.0-semantically-released`, which its users keep in package.json).
pub fn is_placeholder(v: &semver::Version) -> bool {
    (v.major, v.minor, v.patch) == (0, 0, 0)
}

/// What a release says of a found file left at semantic-release's placeholder.
pub fn tags_only_note(f: &VersionFile, old: &str) -> String {
    format!(
        "{} holds semantic-release's placeholder {old}: versions come from tags, so the release leaves it as it is",
        f.path.display()
    )
}

/// Of the version files' versions (in [`version_files`]' order), the one a project without a
/// release tag is at: a listed file's, else the first found one's that is not `0.0.0` (a
/// tooling `package.json` or a placeholder `setup.py` is found before pyproject.toml), else
/// the first one's.
pub fn untagged_current<'a>(
    config: &Config,
    versions: impl IntoIterator<Item = (&'a VersionFile, semver::Version)>,
) -> Option<(&'a VersionFile, semver::Version)> {
    versions
        .into_iter()
        .enumerate()
        .min_by_key(|(i, (f, v))| (!listed(config, f), is_placeholder(v), *i))
        .map(|(_, found)| found)
}

/// Sorts the version files `read` (each with what it says) for a release to `new`. A file
/// relhook found by itself (not listed in `[version] files`) that holds another version than
/// the one the release bumps from (`from`, asked only when needed: the versions and their tags,
/// see `next::bumped_from`; before the first release tag, the first file's version) is a
/// placeholder (`setup(version='0.0.0')`, a tooling `package.json` beside the real manifest)
/// or a file nobody kept: left alone, with a note, while another file holds that version (or
/// already `new`); refused when none does, as nothing then says which version is the
/// project's. A listed file is always bumped. `private`: whether a file is a private
/// package.json, whose note says to delete its version.
pub fn sort_version_files(
    config: &Config,
    read: Vec<(VersionFile, String)>,
    new: &semver::Version,
    from: impl FnOnce() -> Vec<(semver::Version, String)>,
    private: &dyn Fn(&VersionFile) -> bool,
) -> crate::Result<Sorted> {
    // semantic-release's placeholder in a found file, beside release tags, says the version
    // is the tags' alone. Before the first tag it is no version, and the release writes one.
    let at_placeholder =
        |(f, old): &(VersionFile, String)| !listed(config, f) && tags_only_placeholder(old);
    if !read.iter().any(at_placeholder) {
        return sort_rest(config, read, new, from, private);
    }
    let tagged = from();
    if tagged.is_empty() {
        return sort_rest(config, read, new, || tagged, private);
    }
    let (tags_only, read): (Vec<_>, Vec<_>) = read.into_iter().partition(at_placeholder);
    let mut sorted = sort_rest(config, read, new, || tagged, private)?;
    (sorted.left_alone).extend(tags_only.into_iter().map(|(f, old)| {
        let note = tags_only_note(&f, &old);
        (f, note.into())
    }));
    Ok(sorted)
}

/// [`sort_version_files`] for the files not at semantic-release's placeholder.
fn sort_rest(
    config: &Config,
    read: Vec<(VersionFile, String)>,
    new: &semver::Version,
    from: impl FnOnce() -> Vec<(semver::Version, String)>,
    private: &dyn Fn(&VersionFile) -> bool,
) -> crate::Result<Sorted> {
    let new_text = new.to_string();
    let stray = |f: &VersionFile, old: &str| old != new_text && !listed(config, f);
    // A file above `new` (PEP 440's `1.0.0b1` read as `1.0.0-b.1`) is never written down.
    // A pre-release of the final version a file announces (`0.1.0-rc.1` at `0.1.0`) is none.
    let core = |v: &semver::Version| (v.major, v.minor, v.patch);
    // A PEP 440 spelling is ordered as PEP 440 orders it (`1.3.0rc1` below `1.3.0-pre.2`).
    let above = |old: &str| {
        as_semver(old).filter(|v| {
            v.cmp_precedence(new).is_gt()
                && !(v.pre.is_empty() && core(v) == core(new))
                && !files::pep440_at_or_below(old, new)
        })
    };
    if !read
        .iter()
        .any(|(f, old)| stray(f, old) || above(old).is_some())
    {
        return Ok(Sorted {
            bumped: read,
            ..Sorted::default()
        });
    }
    let tagged = from();
    let released = |v: &semver::Version| tagged.iter().any(|(t, _)| t == v);
    let mut from: Vec<(semver::Version, String)> = (tagged.iter().cloned())
        .map(|(v, tag)| (v, format!("the version of release tag {tag}")))
        .collect();
    if from.is_empty() {
        let parsed = read
            .iter()
            .filter_map(|(f, old)| Some((f, semver::Version::parse(old).ok()?)));
        let first = untagged_current(config, parsed).map(|(f, v)| {
            (
                v,
                format!("the version in {}; no release tag yet", f.path.display()),
            )
        });
        from.extend(first);
    }
    let Some((current, origin)) = from.first().cloned() else {
        return Ok(Sorted {
            bumped: read,
            ..Sorted::default()
        });
    };
    // A found file at a pre-release of `new` (pyproject.toml at poetry's `2.5.0.dev0` for
    // 2.5.0) was moved there towards this release: it holds the project's version as surely
    // as one at the current version does.
    let leads_to_new = |old: &str| {
        as_semver(old).is_some_and(|v| {
            !v.pre.is_empty() && core(&v) == core(new) && v.cmp_precedence(new).is_lt()
        })
    };
    // A Python file holds a release in PEP 440's normal form (`1.3.0rc1` of `1.3.0-pre.1`).
    let holds_project = |old: &str| {
        as_semver(old).is_some_and(|v| from.iter().any(|(c, _)| *c == v))
            || from.iter().any(|(c, _)| files::pep440_spells(old, c))
            || leads_to_new(old)
    };
    let downwards = |f: &VersionFile, old: &str| {
        let held = above(old)?;
        let refusal = super::downwards::refusal(config, (f, old), &held, released(&held), new);
        Some(refusal)
    };
    let anchors: Vec<&VersionFile> = read
        .iter()
        .filter(|(_, old)| *old == new_text || holds_project(old))
        .map(|(f, _)| f)
        .collect();
    let kept_file = |f: &VersionFile, old: &str| !stray(f, old) || holds_project(old);
    // What `[version] files` lists to keep the release as it is with detection off.
    let kept: Vec<String> = read
        .iter()
        .filter(|(f, old)| kept_file(f, old))
        .map(|(f, _)| super::links::entry(&f.path.display().to_string(), &f.locator))
        .collect();
    // Bumped (listed, or holding a release passed over), or with nothing else to go by.
    let refused = (read.iter())
        .filter(|(f, old)| kept_file(f, old) || anchors.is_empty())
        .find_map(|(f, old)| downwards(f, old));
    if let Some(r) = refused {
        return Err(crate::Error::Refused(r));
    }
    if anchors.is_empty() {
        let unkept: Vec<(&VersionFile, &str)> = read
            .iter()
            .filter(|(f, old)| !kept_file(f, old))
            .map(|(f, old)| (f, old.as_str()))
            .collect();
        return Err(crate::Error::Refused(super::unanchored::refusal(
            config, &current, &origin, &unkept, &kept,
        )));
    }
    let mut sorted = Sorted::default();
    for (f, old) in &read {
        if kept_file(f, old) {
            sorted.bumped.push((f.clone(), old.clone()));
            continue;
        }
        let what = format!(
            "{} says {old} ({}), not {current}, {origin}",
            f.path.display(),
            f.locator
        );
        let held: Vec<String> = anchors
            .iter()
            .map(|a| a.path.display().to_string())
            .collect();
        // Listed, a file above the release would be refused: the way on is a version.
        let fix = above(old).map(|v| {
            format!(
                "if it holds the project's version, {}",
                super::downwards::way_on(config, &v, released(&v))
            )
        });
        let held = super::left_note::Held {
            files: &held,
            kept: &kept,
        };
        let note = super::left_note::note(config, &what, &current, held, fix, private(f));
        sorted.left_alone.push((f.clone(), note));
    }
    Ok(sorted)
}

/// [`sort_version_files`] for the version files in the work tree, bumped from HEAD's release tags.
pub fn sorted(
    repo: &Repo,
    config: &Config,
    root: &Path,
    new: &semver::Version,
) -> crate::Result<Sorted> {
    super::sorted_once::once(repo, config, root, new, || {
        sort_now(repo, config, root, new)
    })
}

fn sort_now(
    repo: &Repo,
    config: &Config,
    root: &Path,
    new: &semver::Version,
) -> crate::Result<Sorted> {
    super::unanchored::versionless_private_root(config, root)?;
    super::unanchored::packages_only_root(repo, config, root)?;
    let kept = version_files(config, root);
    super::held::refuse_held(config, root, &found_version_files(config, root), &kept, new)?;
    let mut read = Vec::new();
    for f in kept {
        let old = match files::read_version(root, &f) {
            Ok(old) => old,
            // A link leading out of the work tree (or nowhere): refused as a release refuses
            // any link it would write, with the fix.
            Err(e) => {
                return Err(check_path_list(config, root, [f.path.as_path()])
                    .err()
                    .unwrap_or(e.into()));
            }
        };
        read.push((f, old));
    }
    let from = || {
        // A file at a release relhook passed over (`1.0.0b1`) holds a release all the same.
        let passed = crate::history::passed_over::passed_over(repo, config);
        let mut from = super::next::bumped_from(repo, config, new);
        from.extend(passed.map(|p| (p.version, p.name)));
        from
    };
    // A private package.json needs no version: deleting it is the way to stop the note.
    let private = |f: &VersionFile| {
        f.path.file_name().is_some_and(|n| n == "package.json")
            && crate::history::packages::private_npm(root, f.path.parent().unwrap_or(Path::new("")))
    };
    let mut sorted = sort_version_files(config, read, new, from, &private)
        .map_err(|e| super::unanchored::private_root(e, config, root))?;
    let older = super::lerna::older_packages(repo, config, root, new, &sorted.bumped)?;
    sorted.bumped.extend(older.files);
    sorted.also.extend(older.note);
    super::shared_version::renote(root, &mut sorted);
    Ok(sorted)
}

/// The notes of [`Sorted::also`] for a release to `new`: what it bumps beyond the files at its
/// version. None when the version files refuse (the release says why).
pub fn also_bumped(
    repo: &Repo,
    config: &Config,
    root: &Path,
    new: &semver::Version,
) -> Vec<String> {
    sorted(repo, config, root, new).map_or_else(|_| Vec::new(), |s| s.also)
}

/// Found files a release leaves as they are, each with the note that says why.
pub type LeftAlone = Vec<(VersionFile, LeftNote)>;

/// The edits that bump each of `bumped` (with what it says) to `new`, one per file (the
/// entries that meet in a file make one edit, or they would undo each other), then the
/// `Cargo.lock` edits that move every bumped crate's own entries (the top lock's, and a
/// crate's own lock's: `crate_lock`), and the `uv.lock` ones that move each bumped Python
/// project's own entry; with the locks left as they are, each with its note (an entry at
/// another version: a lock not kept). The locks are read from `locks`.
pub fn bump_edits(
    repo: &Repo,
    config: &Config,
    locks: files::Locks<'_>,
    root: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
) -> crate::Result<(Vec<files::Edit>, LeftAlone)> {
    let todo: Vec<&(VersionFile, String)> = bumped.iter().filter(|(_, old)| old != new).collect();
    let mut edits = Vec::new();
    for (i, (f, _)) in todo.iter().enumerate() {
        if todo[..i].iter().any(|(g, _)| g.path == f.path) {
            continue;
        }
        let entries: Vec<(&files::Locator, &str)> = todo[i..]
            .iter()
            .filter(|(g, _)| g.path == f.path)
            .map(|(g, old)| (&g.locator, old.as_str()))
            .collect();
        // A Python file gets PEP 440's normal form (`1.3.0rc2`), unless it holds SemVer's.
        let spelled = files::pep440_spelled_like(&f.path, entries[0].1, new);
        edits.push(files::plan_bumps(root, &f.path, &entries, &spelled)?);
    }
    edits.extend(super::crate_lock::cargo_lock_edits(
        repo, locks, root, bumped, new,
    )?);
    let (uv, left) = super::pep440::uv_lock_edits(repo, config, locks, root, bumped, new)?;
    edits.extend(uv);
    let lock = |path| VersionFile {
        path,
        locator: files::Locator::TomlKey("package.version".into()),
    };
    Ok((
        edits,
        (left.into_iter())
            .map(|(p, n)| (lock(p), n.into()))
            .collect(),
    ))
}

/// After the bump, no version file may still hold the old version.
pub(crate) fn verify(
    root: &Path,
    bumped: &[VersionFile],
    olds: &[String],
    version: &semver::Version,
) -> crate::Result<()> {
    for (f, old) in bumped.iter().zip(olds) {
        if *old != version.to_string() {
            files::verify_no_old(root, std::slice::from_ref(f), old)?;
        }
    }
    Ok(())
}

/// The checks the release commit makes on every file it writes (see `commit_files`), made
/// when planning too: a dry run or a hand tag that says yes is a release that no path refuses.
/// A symlinked file is refused with the change that makes relhook write the file it names.
pub fn check_paths(config: &Config, root: &Path, edits: &[files::Edit]) -> crate::Result<()> {
    check_path_list(config, root, edits.iter().map(|e| e.path.as_path()))
}

/// The files a release of `version` would write, known without reading history: the
/// changelog, the version files (listed, and detected at the top of the work tree) that do not
/// say `version` yet, Cargo.lock where there is one (and a bumped crate's own), and the
/// manifests whose requirement on a crate of the release moves (see `crates`): refused as the
/// release refuses such a requirement it cannot move.
pub fn files_written(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &semver::Version,
    left_alone: &[VersionFile],
) -> crate::Result<Vec<std::path::PathBuf>> {
    let mut out = vec![config.changelog.path.clone()];
    let new = version.to_string();
    let mut bumped = Vec::new();
    for f in version_files(config, root) {
        if left_alone.iter().any(|l| l.path == f.path) {
            continue;
        }
        let old = files::read_version(root, &f);
        if old.as_ref().map_or(true, |v| *v != new) {
            out.push(f.path.clone());
        }
        bumped.extend(old.ok().map(|old| (f, old)));
    }
    let lock = Path::new("Cargo.lock");
    if root.join(lock).exists() && !out.iter().any(|p| p == lock) {
        out.push(lock.to_path_buf());
    }
    for (own, _) in super::crate_lock::own_locks(files::Locks::WorkTree, root, &bumped, &new) {
        if !out.contains(&own) {
            out.push(own);
        }
    }
    // uv's locks follow a pyproject.toml the release bumps, refused as the release refuses.
    let (uv, _) =
        super::pep440::uv_lock_edits(repo, config, files::Locks::WorkTree, root, &bumped, &new)?;
    for e in uv {
        if !out.contains(&e.path) {
            out.push(e.path);
        }
    }
    if config.package.is_none() {
        let mut edits = Vec::new();
        let rewrite = config.release.bump_dependents;
        super::crates::requirement_edits(root, &mut edits, &bumped, version, rewrite)?;
        for e in edits {
            if !out.contains(&e.path) {
                out.push(e.path);
            }
        }
    }
    Ok(out)
}

/// [`check_paths`] for paths alone.
pub fn check_path_list<'a>(
    config: &Config,
    root: &Path,
    paths: impl IntoIterator<Item = &'a Path>,
) -> crate::Result<()> {
    for path in paths {
        // A link is refused as any release refusal is (exit 1): the user changes a setting.
        let abs = crate::fsx::confine(root, path).map_err(|err| {
            match super::links::refusal(config, root, path) {
                Some((reason, fix)) => {
                    let kind = if path == config.changelog.path {
                        Reason::Changelog
                    } else {
                        Reason::VersionFile
                    };
                    let what = format!("{}: {reason}", path.display());
                    crate::Error::Refused(Refusal::new(kind, what, fix))
                }
                None => err,
            }
        })?;
        match std::fs::metadata(&abs) {
            Ok(m) if !m.is_file() => {
                return Err(crate::Error::UnsafePath {
                    path: path.to_path_buf(),
                    reason: "not a regular file (a FIFO, device or directory); relhook writes only regular files there".into(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::version::files::Locator;

    #[test]
    fn configured_files_add_to_detection_unless_it_is_off() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[project]\nname = \"app\"\nversion = \"0.3.0\"\n",
        )
        .unwrap();
        let mut config = Config::default();
        let extra = VersionFile {
            path: "VERSION".into(),
            locator: Locator::Pattern("{version}".into()),
        };
        config.version.files = Some(vec![extra.clone()]);
        let paths = |c: &Config| {
            version_files(c, dir.path())
                .iter()
                .map(|f| f.path.display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(&config), ["VERSION", "pyproject.toml"]);
        config.version.detect = false;
        assert_eq!(paths(&config), ["VERSION"]);
    }

    /// QA46: the root's detection found `__version__` in a package's `plugin/__init__.py`.
    #[test]
    fn found_files_inside_a_package_are_the_packages_unless_listed() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("pyproject.toml", "[project]\nversion = \"1.0.0\"\n");
        write("app/__init__.py", "__version__ = \"1.0.0\"\n");
        write("plugin/__init__.py", "__version__ = \"1.0.0\"\n");
        let text = "[packages.plugin]\npath = \"plugin\"\n";
        let mut config = Config::parse(&dir.path().join(".relconfig.toml"), text).unwrap();
        let paths = |c: &Config| {
            version_files(c, dir.path())
                .iter()
                .map(|f| f.path.display().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(&config), ["pyproject.toml", "app/__init__.py"]);
        let listed = VersionFile {
            path: "plugin/__init__.py".into(),
            locator: Locator::Pattern("{version}".into()),
        };
        config.version.files = Some(vec![listed]);
        assert_eq!(
            paths(&config),
            ["plugin/__init__.py", "pyproject.toml", "app/__init__.py"]
        );
    }

    #[test]
    fn a_found_file_at_another_version_is_left_alone_only_beside_one_that_holds_it() {
        let file = |path: &str| VersionFile {
            path: path.into(),
            locator: Locator::JsonKey("version".into()),
        };
        let read = |versions: &[(&str, &str)]| {
            versions
                .iter()
                .map(|(p, v)| (file(p), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        let new = semver::Version::new(1, 3, 0);
        let from = || vec![(semver::Version::new(1, 2, 0), "v1.2.0".to_owned())];
        let mut config = Config::default();
        let both = read(&[("Cargo.toml", "1.2.0"), ("package.json", "0.0.0")]);
        let sorted = sort_version_files(&config, both.clone(), &new, from, &|_| false).unwrap();
        assert_eq!(sorted.bumped, both[..1]);
        assert_eq!(sorted.left_alone[0].0, file("package.json"));
        // The `files` that silence the note list what the release bumps, no other file left
        // alone.
        let three = read(&[
            ("Cargo.toml", "1.2.0"),
            ("package.json", "0.0.0"),
            ("web.json", "0.0.1"),
        ]);
        let sorted = sort_version_files(&config, three, &new, from, &|_| false).unwrap();
        let note = &sorted.left_alone[0].1.full;
        assert!(
            note.ends_with(
                "`files = [{ path = \"Cargo.toml\", key = \"version\", format = \"json\" }]` there, the files that hold the version"
            ),
            "{note}"
        );
        // Named in that line, the file that holds the version is named once.
        assert_eq!(note.matches("Cargo.toml").count(), 1, "{note}");
        // Nothing holds 1.2.0: nothing says which version is the project's.
        let alone = read(&[("package.json", "0.0.0")]);
        assert!(sort_version_files(&config, alone, &new, from, &|_| false).is_err());
        // Listed, it is bumped whatever it says.
        config.version.files = Some(vec![file("package.json")]);
        let sorted = sort_version_files(&config, both.clone(), &new, from, &|_| false).unwrap();
        assert_eq!(sorted.bumped, both);
    }
}
