//! Which files hold the version when nobody said: the project's manifests (and their lock
//! files), a Python package's `__version__`, `setup.cfg`/`setup.py`, and the other places the
//! release runbook updates by hand (README "Version: X", a Dockerfile's `LABEL version`,
//! Kubernetes labels, a Helm chart). Manifests count whenever they parse; the other places only
//! when they hold the same version as the first manifest, so an unrelated number in a README is
//! never bumped.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::{Locator, VersionFile, read_version};

fn file(path: impl Into<PathBuf>, locator: Locator) -> VersionFile {
    VersionFile {
        path: path.into(),
        locator,
    }
}

fn toml(path: &str, key: &str) -> VersionFile {
    file(path, Locator::TomlKey(key.into()))
}

fn json(path: &str, key: &str) -> VersionFile {
    file(path, Locator::JsonKey(key.into()))
}

fn pattern(path: impl Into<PathBuf>, p: &str) -> VersionFile {
    file(path, Locator::Pattern(p.into()))
}

/// `__version__ = "X"` (an annotation allowed), in `__init__.py`, `_version.py` or
/// `__version__.py`.
const DUNDER_VERSION: &str = r#"__version__\s*(?::\s*str\s*)?=\s*["']{version}["']"#;

/// npm's lock files repeat the root package's version twice: at the top and under
/// `packages[""]` (lockfileVersion 2 and 3); the empty key is written `packages..version`.
const NPM_LOCK_KEY: &str = "version|packages..version";

/// Whether `path` names one of npm's lock files.
fn is_npm_lock(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| matches!(n, "package-lock.json" | "npm-shrinkwrap.json"))
}

/// The locator of JSON key `key` in the file at `path`, listed in `[version] files`: in npm's
/// lock files `version` is both copies of the version, which a release keeps equal.
pub fn listed_json_key(path: &Path, key: String) -> Locator {
    if key == "version" && is_npm_lock(path) {
        Locator::JsonKey(NPM_LOCK_KEY.into())
    } else {
        Locator::JsonKey(key)
    }
}

/// The `key` that lists JSON key `key` of the file at `path` in `[version] files` (the inverse
/// of [`listed_json_key`]).
pub fn key_as_listed<'k>(path: &Path, key: &'k str) -> &'k str {
    if key == NPM_LOCK_KEY && is_npm_lock(path) {
        "version"
    } else {
        key
    }
}

/// The manifests, in the order they are tried; for one path the first locator that reads wins.
fn manifests() -> Vec<VersionFile> {
    vec![
        toml("Cargo.toml", "package.version"),
        toml("Cargo.toml", "workspace.package.version"),
        json("package.json", "version"),
        json("package-lock.json", NPM_LOCK_KEY),
        json("npm-shrinkwrap.json", NPM_LOCK_KEY),
        toml("pyproject.toml", "project.version"),
        toml("pyproject.toml", "tool.poetry.version"),
        pattern("setup.cfg", r"(?m)^version\s*=\s*{version}\s*$"),
        pattern("setup.py", r#"\bversion\s*=\s*["']{version}["']"#),
    ]
}

/// The files at the top of the work tree that [`detect`] reads first (manifests, their lock
/// files, lerna.json): where a release looks for the project's version.
pub fn manifest_paths() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for f in manifests()
        .into_iter()
        .chain([json("lerna.json", "version")])
    {
        if !out.contains(&f.path) {
            out.push(f.path);
        }
    }
    out
}

/// Whether the work tree holds still for the rest of the process (see [`hold_still`]).
static STILL: AtomicBool = AtomicBool::new(false);

/// Says that no file of the work tree changes while this process runs, so the version files
/// of a root are detected once: for the `prepared` state of a ref transaction, in which
/// relhook only judges a tag (a dozen manifests probed and parsed for each of its checks).
pub fn hold_still() {
    PERIOD.fetch_add(1, Ordering::Relaxed);
    STILL.store(true, Ordering::Relaxed);
}

/// Counts the stretches the work tree held still, and the ends of them (see [`still_period`]).
static PERIOD: AtomicU64 = AtomicU64::new(0);

/// While the work tree holds still ([`hold_still`]), the number of this stretch of it: what is
/// worked out from the work tree's files under one number holds until [`let_go`], after which
/// no stretch has that number again.
pub fn still_period() -> Option<u64> {
    STILL
        .load(Ordering::Relaxed)
        .then(|| PERIOD.load(Ordering::Relaxed))
}

/// Ends [`hold_still`], forgetting the files detected and read under it: the process writes
/// now.
pub fn let_go() {
    STILL.store(false, Ordering::Relaxed);
    PERIOD.fetch_add(1, Ordering::Relaxed);
    if let Ok(mut seen) = SEEN.lock() {
        seen.clear();
    }
    if let Ok(mut read) = READ.lock() {
        read.clear();
    }
}

/// The version files read while the work tree holds still: each path under its root, with
/// its text (`None`: not there). A hand tag's checks each read the manifest again (a
/// `prepared` run read Cargo.toml 29 times, each read resolving the path through every
/// directory above it).
type HeldTexts = Vec<((PathBuf, PathBuf), Option<String>)>;
static READ: Mutex<HeldTexts> = Mutex::new(Vec::new());

/// The text of version file `rel` under `root` as `read` gives it; while the work tree holds
/// still, read once. Only a text and a missing file are kept: any other failure is read again,
/// and so said as it is then.
pub(super) fn read_held(
    root: &Path,
    rel: &Path,
    read: impl FnOnce() -> super::Result<String>,
) -> super::Result<String> {
    if !STILL.load(Ordering::Relaxed) {
        return read();
    }
    let known = READ.lock().ok().and_then(|seen| {
        seen.iter()
            .find(|((r, p), _)| r == root && p == rel)
            .map(|(_, text)| text.clone())
    });
    match known {
        Some(Some(text)) => return Ok(text),
        Some(None) => {
            return Err(super::VersionFileError::Missing {
                path: rel.to_path_buf(),
            });
        }
        None => {}
    }
    let got = read();
    let kept = match &got {
        Ok(text) => Some(Some(text.clone())),
        Err(super::VersionFileError::Missing { .. }) => Some(None),
        Err(_) => None,
    };
    if let (Some(text), Ok(mut seen)) = (kept, READ.lock()) {
        seen.push(((root.to_owned(), rel.to_owned()), text));
    }
    got
}

/// The version files detected while the work tree holds still, by root.
static SEEN: Mutex<Vec<(PathBuf, Vec<VersionFile>)>> = Mutex::new(Vec::new());

/// The version files detected under `root` (the top of the work tree).
pub fn detect(root: &Path) -> Vec<VersionFile> {
    if !STILL.load(Ordering::Relaxed) {
        return detect_now(root);
    }
    let known = SEEN.lock().ok().and_then(|seen| {
        seen.iter()
            .find(|(r, _)| r == root)
            .map(|(_, files)| files.clone())
    });
    if let Some(files) = known {
        return files;
    }
    let files = detect_now(root);
    if let Ok(mut seen) = SEEN.lock() {
        seen.push((root.to_owned(), files.clone()));
    }
    files
}

fn detect_now(root: &Path) -> Vec<VersionFile> {
    let mut out: Vec<VersionFile> = Vec::new();
    // A manifest that is a symbolic link relhook cannot read (leading out of the work tree,
    // or nowhere) is found all the same: the release then refuses it, naming it, where
    // leaving it out would release with the file still at the old version.
    let add = |f: VersionFile, out: &mut Vec<VersionFile>, is_manifest: bool| {
        if out.iter().any(|o| o.path == f.path) {
            return;
        }
        let found = match read_version(root, &f) {
            Ok(_) => true,
            // Leading out, or nowhere (an absent file is `Missing`, and no version file).
            Err(super::VersionFileError::UnsafePath { .. }) => root
                .join(&f.path)
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink()),
            // A manifest there that cannot be read as one (a trailing comma, a version
            // written with escapes, not UTF-8): found too, so the release refuses it by
            // name instead of releasing with the file still at the old version.
            Err(
                super::VersionFileError::Parse { .. }
                | super::VersionFileError::Read { .. }
                | super::VersionFileError::NotUtf8 { .. }
                | super::VersionFileError::NotAString { .. }
                | super::VersionFileError::DuplicateKey { .. }
                | super::VersionFileError::Unrewritable { .. },
            ) => is_manifest,
            Err(_) => false,
        };
        if found {
            out.push(f);
        }
    };
    for f in manifests() {
        add(f, &mut out, true);
    }
    // A pyproject.toml with both `project.version` and `tool.poetry.version` (a Poetry 2
    // migration): both are the version, bumped together, and refused when they disagree.
    let both = toml("pyproject.toml", "project.version|tool.poetry.version");
    let poetry = toml("pyproject.toml", "tool.poetry.version");
    if let Some(i) = out.iter().position(|f| f.path == both.path)
        && read_version(root, &poetry).is_ok()
        && out[i].locator != poetry.locator
    {
        out[i] = both;
    }
    // lerna's fixed mode keeps the workspace's one version in lerna.json (a private root
    // package.json often has none); `"independent"` is no version.
    let lerna = json("lerna.json", "version");
    if let Some(fixed) = read_version(root, &lerna)
        .ok()
        .filter(|v| semver::Version::parse(v).is_ok())
    {
        add(lerna, &mut out, false);
        // `lerna version` bumps every package's package.json with it: those at that version
        // are the release's too (one at another is no part of the fixed version).
        // Only those git tracks: an ignored or new package.json is nobody's release yet.
        let repo = crate::git::Repo::open(root).ok();
        for path in super::lerna::package_manifests(root) {
            if repo
                .as_ref()
                .is_some_and(|r| r.staged_blob(&path).is_none())
            {
                continue;
            }
            let f = json(&path.to_string_lossy(), "version");
            if read_version(root, &f).is_ok_and(|v| v == fixed) {
                add(f, &mut out, false);
            }
        }
        with_workspace_lock_entries(root, &fixed, &mut out);
    }
    let python = ["pyproject.toml", "setup.py", "setup.cfg"]
        .iter()
        .any(|m| root.join(m).is_file());
    if python {
        for path in python_version_modules(root) {
            add(pattern(path, DUNDER_VERSION), &mut out, false);
        }
    }
    let Some(primary) = out.first().and_then(|f| read_version(root, f).ok()) else {
        return out;
    };
    for candidates in runbook_places(root) {
        // The first candidate locator of a file that holds the primary version wins.
        if let Some(f) = candidates.into_iter().find(|f| {
            !out.iter().any(|o| o.path == f.path)
                && read_version(root, f).is_ok_and(|v| v == primary)
        }) {
            out.push(f);
        }
    }
    out
}

/// npm's lock file repeats each workspace package's version (`packages["packages/a"].version`,
/// see `lerna::npm_lock_keys`): in lerna's fixed mode those entries of the packages found
/// (`out`) are bumped with them, as `npm install` would rewrite them, when every version the
/// lock file then holds is `fixed`.
fn with_workspace_lock_entries(root: &Path, fixed: &str, out: &mut Vec<VersionFile>) {
    let packages: Vec<(PathBuf, Option<String>)> = out
        .iter()
        .filter(|f| f.path.file_name().is_some_and(|n| n == "package.json"))
        .filter_map(|f| {
            let dir = f.path.parent()?.to_path_buf();
            let text = crate::fsx::regular_text(&root.join(&f.path));
            let name = text.and_then(|t| super::deps::package_name(super::deps::Manifest::Npm, &t));
            Some((dir, name))
        })
        .filter(|(d, _)| !d.as_os_str().is_empty())
        .collect();
    if packages.is_empty() {
        return;
    }
    for lock in ["package-lock.json", "npm-shrinkwrap.json"] {
        let keys: Vec<String> = packages
            .iter()
            .flat_map(|(dir, name)| {
                super::lerna::npm_lock_keys(root, Path::new(lock), dir, name.as_deref(), fixed)
            })
            .collect();
        if keys.is_empty() {
            continue;
        }
        let at = out.iter().position(|f| f.path == Path::new(lock));
        let mut key = keys.join("|");
        if at.is_some() {
            key = format!("{NPM_LOCK_KEY}|{key}");
        }
        let f = json(lock, &key);
        if read_version(root, &f).is_ok_and(|v| v == fixed) {
            match at {
                Some(i) => out[i] = f,
                None => out.push(f),
            }
        }
    }
}

/// `src/<pkg>/` and `<pkg>/` `_version.py`, `__version__.py` (commitizen's own layout) and
/// `__init__.py` for the package directories beside the Python manifest.
fn python_version_modules(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = hatch_version_path(root).into_iter().collect();
    for base in ["src", ""] {
        let dir = root.join(base);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| {
                !n.starts_with('.')
                    && !matches!(
                        n.as_str(),
                        "src"
                            | "tests"
                            | "test"
                            | "docs"
                            | "node_modules"
                            | "target"
                            | "build"
                            | "dist"
                            | "venv"
                    )
            })
            .collect();
        names.sort();
        for name in names {
            for module in ["_version.py", "__version__.py", "__init__.py"] {
                let rel = Path::new(base).join(&name).join(module);
                if root.join(&rel).is_file() {
                    out.push(rel);
                }
            }
        }
    }
    out
}

/// The module hatch reads the version from (`[tool.hatch.version] path` in pyproject.toml,
/// e.g. `src/app/__about__.py`), when it is a plain relative path to a file.
fn hatch_version_path(root: &Path) -> Option<PathBuf> {
    let text = crate::fsx::regular_text(&root.join("pyproject.toml"))?;
    let doc: toml::Table = toml::from_str(&text).ok()?;
    let path = doc
        .get("tool")?
        .get("hatch")?
        .get("version")?
        .get("path")?
        .as_str()?;
    let rel = PathBuf::from(path);
    let plain = rel
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    (plain && root.join(&rel).is_file()).then_some(rel)
}

/// The runbook's other places, each a list of alternative locators for one file.
fn runbook_places(root: &Path) -> Vec<Vec<VersionFile>> {
    let mut out = vec![
        vec![pattern("README.md", r"Version: {version}\b")],
        vec![pattern(
            "Dockerfile",
            r#"(?m)^(?:LABEL\s+(?:org\.opencontainers\.image\.)?version|ENV\s+APP_VERSION)\s*=\s*"?{version}"?"#,
        )],
    ];
    // A chart at the top, in a folder of its own, or one of several under charts/.
    let mut charts = vec![PathBuf::from("Chart.yaml")];
    for dir in ["chart", "helm"] {
        let one = Path::new(dir).join("Chart.yaml");
        if root.join(&one).is_file() {
            charts.push(one);
        }
    }
    charts.extend(yaml_files(root, "charts", Some("Chart.yaml")));
    // A value may end in a YAML comment (`version: 2.3.4 # chart version`).
    for chart in charts {
        out.push(vec![
            pattern(
                chart.clone(),
                r#"(?m)^(?:version|appVersion):\s*["']?{version}["']?(?:[ \t]+#.*)?\s*$"#,
            ),
            pattern(
                chart,
                r#"(?m)^appVersion:\s*["']?{version}["']?(?:[ \t]+#.*)?\s*$"#,
            ),
        ]);
    }
    for dir in ["k8s", "kubernetes", "deploy", "manifests"] {
        for manifest in yaml_files(root, dir, None) {
            out.push(vec![pattern(
                manifest,
                r#"(?m)^\s+(?:version|app\.kubernetes\.io/version):\s*["']?{version}["']?\s*$"#,
            )]);
        }
    }
    out
}

/// YAML files directly in `dir` (or, with `name`, `dir/*/name`), sorted.
fn yaml_files(root: &Path, dir: &str, name: Option<&str>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .filter_map(|e| {
            let file_name = e.file_name().to_str()?.to_owned();
            match name {
                Some(n) => {
                    let rel = Path::new(dir).join(&file_name).join(n);
                    root.join(&rel).is_file().then_some(rel)
                }
                None => (file_name.ends_with(".yaml") || file_name.ends_with(".yml"))
                    .then(|| Path::new(dir).join(file_name)),
            }
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn described(files: &[VersionFile]) -> Vec<String> {
        files
            .iter()
            .map(|f| format!("{} {}", f.path.display(), f.locator))
            .collect()
    }

    #[test]
    fn node_lock_files_follow_package_json() {
        let lock = "{\n  \"name\": \"app\",\n  \"version\": \"1.4.2\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\n      \"name\": \"app\",\n      \"version\": \"1.4.2\"\n    },\n    \"node_modules/x\": {\n      \"version\": \"1.4.2\"\n    }\n  }\n}\n";
        let dir = tree(&[
            (
                "package.json",
                "{ \"name\": \"app\", \"version\": \"1.4.2\" }\n",
            ),
            ("package-lock.json", lock),
        ]);
        let found = detect(dir.path());
        assert_eq!(
            described(&found),
            [
                "package.json JSON key `version`",
                "package-lock.json JSON keys `version` and `packages[\"\"].version`",
            ]
        );
        let edit = super::super::plan_bump(dir.path(), &found[1], "1.4.2", "2.0.0").unwrap();
        let after = String::from_utf8(edit.after).unwrap();
        let want = lock
            .replacen(
                "\"version\": \"1.4.2\",\n  \"lock",
                "\"version\": \"2.0.0\",\n  \"lock",
                1,
            )
            .replacen(
                "\"version\": \"1.4.2\"\n    },",
                "\"version\": \"2.0.0\"\n    },",
                1,
            );
        assert_eq!(after, want, "both places, and not node_modules/x");
    }

    #[test]
    fn python_packages_setup_files_and_runbook_places() {
        let dir = tree(&[
            (
                "pyproject.toml",
                "[project]\nname = \"pkg\"\nversion = \"0.3.0\"\n",
            ),
            (
                "src/pkg/__init__.py",
                "\"\"\"Pkg.\"\"\"\n__version__ = \"0.3.0\"\n",
            ),
            ("tests/__init__.py", "__version__ = \"0.3.0\"\n"),
            ("other/_version.py", "__version__: str = '0.3.0'\n"),
            ("tool/__version__.py", "__version__ = '0.3.0'\n"),
            ("setup.cfg", "[metadata]\nname = pkg\nversion = 0.3.0\n"),
            ("README.md", "# Pkg\n\nVersion: 0.3.0\n"),
            (
                "Dockerfile",
                "FROM python\nLABEL version=\"0.3.0\"\nENV APP_VERSION=\"0.3.0\"\n",
            ),
            (
                "k8s/deployment.yaml",
                "metadata:\n  labels:\n    version: \"0.3.0\"\n",
            ),
            (
                "k8s/other.yaml",
                "metadata:\n  labels:\n    version: \"9.9.9\"\n",
            ),
            (
                "charts/app/Chart.yaml",
                "apiVersion: v2\nversion: 1.0.0\nappVersion: \"0.3.0\"\n",
            ),
        ]);
        assert_eq!(
            described(&detect(dir.path())),
            [
                "pyproject.toml TOML key `project.version`",
                "setup.cfg pattern `(?m)^version\\s*=\\s*{version}\\s*$`",
                format!("src/pkg/__init__.py pattern `{DUNDER_VERSION}`").as_str(),
                format!("other/_version.py pattern `{DUNDER_VERSION}`").as_str(),
                format!("tool/__version__.py pattern `{DUNDER_VERSION}`").as_str(),
                "README.md pattern `Version: {version}\\b`",
                "Dockerfile pattern `(?m)^(?:LABEL\\s+(?:org\\.opencontainers\\.image\\.)?version|ENV\\s+APP_VERSION)\\s*=\\s*\"?{version}\"?`",
                "charts/app/Chart.yaml pattern `(?m)^appVersion:\\s*[\"']?{version}[\"']?(?:[ \\t]+#.*)?\\s*$`",
                "k8s/deployment.yaml pattern `(?m)^\\s+(?:version|app\\.kubernetes\\.io/version):\\s*[\"']?{version}[\"']?\\s*$`",
            ]
        );
    }

    /// QA32: a Poetry 2 migration keeps the version in `project.version` and
    /// `tool.poetry.version`: only the first was bumped (the second said in a note), and two
    /// different versions were not said at all.
    #[test]
    fn a_pyproject_with_both_version_keys_has_both_bumped_or_refused() {
        let both =
            "[project]\nname = \"p\"\nversion = \"1.0.0\"\n\n[tool.poetry]\nversion = \"1.0.0\"\n";
        let dir = tree(&[("pyproject.toml", both)]);
        let files = detect(dir.path());
        assert_eq!(
            described(&files),
            ["pyproject.toml TOML key `project.version|tool.poetry.version`"]
        );
        let edit = super::super::plan_bump(dir.path(), &files[0], "1.0.0", "1.1.0").unwrap();
        assert_eq!(
            String::from_utf8(edit.after).unwrap(),
            both.replace("1.0.0", "1.1.0")
        );
        let apart = both.replacen("1.0.0", "2.0.0", 1);
        let dir = tree(&[("pyproject.toml", apart.as_str())]);
        let files = detect(dir.path());
        let e = super::super::read_version(dir.path(), &files[0]).unwrap_err();
        assert!(
            e.to_string()
                .contains("finds different versions: 2.0.0, 1.0.0"),
            "{e}"
        );
        // One key alone is read as before.
        let one = "[tool.poetry]\nname = \"p\"\nversion = \"1.0.0\"\n";
        let dir = tree(&[("pyproject.toml", one)]);
        assert_eq!(
            described(&detect(dir.path())),
            ["pyproject.toml TOML key `tool.poetry.version`"]
        );
    }

    #[test]
    fn a_chart_of_its_own_folder_with_a_comment_on_its_version_is_bumped_whole() {
        let chart = "apiVersion: v2\nversion: 2.3.4 # chart version\nappVersion: \"2.3.4\"\n";
        let dir = tree(&[
            (
                "Cargo.toml",
                "[package]\nname = \"a\"\nversion = \"2.3.4\"\n",
            ),
            ("chart/Chart.yaml", chart),
        ]);
        let files = detect(dir.path());
        let found = files
            .iter()
            .find(|f| f.path == Path::new("chart/Chart.yaml"))
            .expect("chart/Chart.yaml is found");
        let edit = super::super::plan_bump(dir.path(), found, "2.3.4", "2.4.0").unwrap();
        assert_eq!(
            String::from_utf8(edit.after).unwrap(),
            "apiVersion: v2\nversion: 2.4.0 # chart version\nappVersion: \"2.4.0\"\n"
        );
    }

    #[test]
    fn a_readme_with_another_number_is_left_alone() {
        let dir = tree(&[
            (
                "Cargo.toml",
                "[package]\nname = \"a\"\nversion = \"2.0.0\"\n",
            ),
            ("README.md", "Version: 1.0.0\n"),
        ]);
        assert_eq!(
            described(&detect(dir.path())),
            ["Cargo.toml TOML key `package.version`"]
        );
    }
}
