//! The packages a repository evidently has, for `relhook init` to propose: the members of a
//! Cargo workspace (`[workspace] members`, globs, `exclude`), of an npm or yarn workspace
//! (`package.json` `workspaces`) or a pnpm one (`pnpm-workspace.yaml`), and directories
//! holding a `pyproject.toml`. Nothing is written here; [`render`] gives the tables.

use std::path::{Path, PathBuf};

pub use super::passed_over::{comment, left_out, one_project, passed_over};
use super::passed_over::{
    crate_build, npm_manifest, one_version, sharing_crates, unpublished_crate, unpublished_npm,
};

/// A package found in the work tree.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Found {
    /// Its name (the manifest's, else its directory's).
    pub name: String,
    /// Its directory, relative to the top of the work tree.
    pub path: PathBuf,
    /// The tag template to propose when the default (`<name>-v{version}`) is not the custom
    /// (`@scope/pkg@{version}` for a scoped npm package).
    pub tag: Option<String>,
    /// What gave it away (`Cargo workspace`, `npm workspace`, `yarn workspace`, `pnpm
    /// workspace`, `pyproject.toml`).
    pub from: &'static str,
    /// Its test command (argv, run from the top of the work tree), and whether it is evident
    /// enough to propose as set (`cargo test -p`, a `test` script) rather than commented.
    pub test: Option<(Vec<String>, bool)>,
}

/// Folders never searched for a pyproject.toml.
pub(super) const SKIP: [&str; 8] = [
    "node_modules",
    "target",
    "dist",
    "build",
    "venv",
    "site-packages",
    "__pycache__",
    "vendor",
];

/// Folders whose manifests are test data or samples, never a project's release: no
/// workspace lists Python projects, so poetry's `tests/fixtures/*/pyproject.toml` would
/// otherwise each be proposed as a package.
pub(super) const SAMPLES: [&str; 8] = [
    "fixtures",
    "fixture",
    "examples",
    "example",
    "tests",
    "test",
    "__tests__",
    "testdata",
];

/// How deep below the top a pyproject.toml is looked for.
const PYTHON_DEPTH: usize = 3;

/// Every package found under `root`, in path order, each directory once.
pub fn detect(root: &Path) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut add = |found: Found| {
        if !found.path.as_os_str().is_empty() && !out.iter().any(|o| o.path == found.path) {
            out.push(found);
        }
    };
    let argv = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
    let sharing = sharing_crates(root);
    for dir in cargo_members(root) {
        if unpublished_crate(root, &dir) {
            continue; // never published: see `passed_over`
        }
        if sharing.contains(&dir) {
            continue; // one version with the workspace: see `passed_over`
        }
        let name = toml_string(&root.join(&dir).join("Cargo.toml"), &["package", "name"]);
        let mut f = found(name, dir, "Cargo workspace");
        f.test = Some((argv(&["cargo", "test", "-p", &f.name]), true));
        add(f);
    }
    let (npm, from) = npm_members(root);
    let from = if from == "npm workspace" && root.join("yarn.lock").is_file() {
        "yarn workspace"
    } else {
        from
    };
    // A workspace versioned as one project (lerna's fixed mode, or every package at the
    // root's version, as vuejs/core): no package of its own.
    let npm = if one_version(root, &npm).is_some() {
        Vec::new()
    } else {
        npm
    };
    for dir in npm {
        let manifest = npm_manifest(root, &dir);
        if manifest
            .as_ref()
            .is_some_and(|m| unpublished_npm(&dir, m).is_some())
        {
            continue; // never published: see `passed_over`
        }
        let name = manifest
            .as_ref()
            .and_then(|v| v.get("name")?.as_str().map(str::to_owned));
        let has_test = manifest
            .as_ref()
            .is_some_and(|v| v.get("scripts").and_then(|s| s.get("test")).is_some());
        let mut f = found(name, dir, from);
        let n = f.name.as_str();
        let command = match from {
            "pnpm workspace" => argv(&["pnpm", "--filter", n, "test"]),
            "yarn workspace" => argv(&["yarn", "workspace", n, "test"]),
            _ => argv(&["npm", "test", "--workspace", n]),
        };
        f.test = Some((command, has_test));
        add(f);
    }
    for dir in python_projects(root) {
        if crate_build(root, &dir) {
            continue; // built from a crate, at its version: see `passed_over`
        }
        let file = root.join(&dir).join("pyproject.toml");
        let name = toml_string(&file, &["project", "name"])
            .or_else(|| toml_string(&file, &["tool", "poetry", "name"]));
        let mut f = found(name, dir, "pyproject.toml");
        f.test = Some((argv(&["pytest", &f.path.to_string_lossy()]), false));
        add(f);
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    // Two packages with one name (a crate and an npm package, say): the later is named by
    // its directory.
    let mut names = std::collections::HashSet::new();
    for f in &mut out {
        if !names.insert(f.name.clone()) {
            f.name = f.path.to_string_lossy().replace(['/', '\\'], "-");
            f.tag = None;
            names.insert(f.name.clone());
        }
    }
    out
}

fn found(name: Option<String>, path: PathBuf, from: &'static str) -> Found {
    let name = name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| {
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    });
    let tag = (name.starts_with('@') && name.contains('/')).then(|| format!("{name}@{{version}}"));
    Found {
        name,
        path,
        tag,
        from,
        test: None,
    }
}

/// The value at `keys` in a TOML file.
pub(super) fn toml_at(file: &Path, keys: &[&str]) -> Option<toml::Value> {
    let text = crate::fsx::regular_text(file)?;
    let mut value = toml::Value::Table(text.parse::<toml::Table>().ok()?);
    for k in keys {
        value = value.get(k)?.clone();
    }
    Some(value)
}

/// A string at `keys` in a TOML file.
fn toml_string(file: &Path, keys: &[&str]) -> Option<String> {
    toml_at(file, keys)?.as_str().map(str::to_owned)
}

/// A string array at `keys` in a TOML file (empty when there is none).
pub(super) fn toml_strings(file: &Path, keys: &[&str]) -> Vec<String> {
    toml_at(file, keys)
        .and_then(|v| {
            v.as_array().map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// Every member directory of the workspaces at `root` (Cargo's and npm's, pnpm's, yarn's), and
/// the top itself (`""`) where a package.json is, packages or not: whoever may require a
/// package. (A root Cargo.toml's `[workspace.dependencies]` are its members' to move.)
pub fn workspace_dirs(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if root.join("package.json").is_file() {
        out.push(PathBuf::new());
    }
    for dir in cargo_members(root).into_iter().chain(npm_members(root).0) {
        if !out.contains(&dir) {
            out.push(dir);
        }
    }
    out
}

/// The member directories of the Cargo workspace whose root is `root` (`[workspace] members`,
/// globs expanded, `exclude` taken out), relative to it; the root itself is never one.
pub fn cargo_members(root: &Path) -> Vec<PathBuf> {
    let manifest = root.join("Cargo.toml");
    let members = toml_strings(&manifest, &["workspace", "members"]);
    let exclude = toml_strings(&manifest, &["workspace", "exclude"]);
    let excluded: Vec<PathBuf> = exclude.iter().flat_map(|e| expand(root, e)).collect();
    members
        .iter()
        .flat_map(|m| expand(root, m))
        .filter(|d| !excluded.contains(d) && root.join(d).join("Cargo.toml").is_file())
        .collect()
}

/// The member directories of the npm (yarn, pnpm) workspace whose top is `root`, relative to it.
pub fn npm_workspace_members(root: &Path) -> Vec<PathBuf> {
    npm_members(root).0
}

/// The npm/yarn workspaces of package.json, else pnpm-workspace.yaml's; `!pattern` excludes.
pub(super) fn npm_members(root: &Path) -> (Vec<PathBuf>, &'static str) {
    let json = crate::fsx::regular_text(&root.join("package.json"))
        .and_then(|t| crate::history::version::files::json_value(t.as_bytes()));
    let workspaces = json.as_ref().and_then(|v| {
        let w = v.get("workspaces")?;
        w.as_array()
            .or_else(|| w.get("packages")?.as_array())
            .cloned()
    });
    // pnpm's own files, or `packageManager` naming it, say whose workspace it is, whatever
    // package.json lists (its tests then run with pnpm, not npm).
    let pnpm = root.join("pnpm-workspace.yaml").is_file()
        || root.join("pnpm-lock.yaml").is_file()
        || json.as_ref().is_some_and(|v| {
            v.get("packageManager")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|m| m.starts_with("pnpm@"))
        });
    let (patterns, from): (Vec<String>, _) = match workspaces {
        Some(list) => (
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            if pnpm {
                "pnpm workspace"
            } else {
                "npm workspace"
            },
        ),
        None => (
            crate::fsx::regular_text(&root.join("pnpm-workspace.yaml"))
                .map(|t| pnpm_packages(&t))
                .unwrap_or_default(),
            "pnpm workspace",
        ),
    };
    let (negated, plain): (Vec<&String>, Vec<&String>) =
        patterns.iter().partition(|p| p.starts_with('!'));
    let excluded: Vec<PathBuf> = negated.iter().flat_map(|p| expand(root, &p[1..])).collect();
    let dirs = plain
        .iter()
        .flat_map(|p| expand(root, p))
        .filter(|d| !excluded.contains(d) && root.join(d).join("package.json").is_file())
        .collect();
    (dirs, from)
}

/// The `packages:` list of a pnpm-workspace.yaml (block list of plain or quoted strings).
fn pnpm_packages(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t', '-']) {
            inside = trimmed.trim_end_matches(':').trim() == "packages" && trimmed.ends_with(':');
            continue;
        }
        if let Some(item) = trimmed.strip_prefix('-').filter(|_| inside) {
            let item = item.split(" #").next().unwrap_or("").trim();
            out.push(item.trim_matches(|c| c == '\'' || c == '"').to_owned());
        }
    }
    out
}

/// The directories a workspace pattern names: `*` and `?` within one path segment, `**` for
/// any depth (limited), a trailing `/` or `/**` ignored.
pub(super) fn expand(root: &Path, pattern: &str) -> Vec<PathBuf> {
    let pattern = pattern.trim().trim_start_matches("./");
    let pattern = pattern.trim_end_matches('/');
    if pattern.is_empty() || pattern.starts_with('/') || pattern.contains("..") {
        return Vec::new();
    }
    let mut current = vec![PathBuf::new()];
    for segment in pattern.split('/').filter(|s| *s != "." && !s.is_empty()) {
        let mut next = Vec::new();
        for base in &current {
            if segment == "**" {
                descend(root, base, 3, &mut next);
            } else if segment.contains(['*', '?', '[']) {
                // Compiled once per segment, not once per folder tried.
                let Some(glob) = glob_regex(segment) else {
                    continue;
                };
                for child in subdirs(&root.join(base)) {
                    if glob.is_match(&child) {
                        next.push(base.join(child));
                    }
                }
            } else if root.join(base).join(segment).is_dir() {
                next.push(base.join(segment));
            }
        }
        current = next;
    }
    // The top itself (`"."`, a root crate listed as a member) is the repository's own
    // project, never a package.
    current.retain(|d| !d.as_os_str().is_empty());
    current.sort();
    current.dedup();
    current
}

fn descend(root: &Path, base: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    out.push(base.to_owned());
    if depth == 0 {
        return;
    }
    for child in subdirs(&root.join(base)) {
        if !child.starts_with('.') && !SKIP.contains(&child.as_str()) {
            descend(root, &base.join(child), depth - 1, out);
        }
    }
}

/// The names of the (real, not symlinked) sub-directories of `dir`, sorted. One holding a
/// `.git` is another repository (a submodule, a clone beside others): none of its files are
/// this one's, so none of its packages.
pub(super) fn subdirs(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| std::fs::symlink_metadata(e.path().join(".git")).is_err())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        // No setting may name a folder with a control character (a line break would also
        // split the comment init writes above its table into a line TOML refuses).
        .filter(|n| !n.contains(|c: char| c.is_control() && c != '\t'))
        .collect();
    out.sort();
    out
}

/// A glob of one path segment: `*` any run, `?` one character, `[...]` a class.
#[cfg(test)]
fn glob_match(pattern: &str, name: &str) -> bool {
    glob_regex(pattern).is_some_and(|r| r.is_match(name))
}

/// The regex a one-segment glob (`*`, `?`, `[ab]`, `[!a]`) stands for; `None` if it is malformed.
fn glob_regex(pattern: &str) -> Option<regex::Regex> {
    let mut re = String::from("^");
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            '[' => {
                re.push('[');
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                    if c == '\\' || c == '^' && re.ends_with('[') {
                        re.push('\\');
                    }
                    re.push(if c == '!' && re.ends_with('[') {
                        '^'
                    } else {
                        c
                    });
                }
                re.push(']');
            }
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re).ok()
}

/// The directories below the top holding a pyproject.toml (not searched below one, nor in
/// test data and samples: [`SAMPLES`]).
pub(super) fn python_projects(root: &Path) -> Vec<PathBuf> {
    // A uv workspace says which they are (`[tool.uv.workspace] members`, `exclude`), as a
    // Cargo workspace does: an example project in docs/ is none of its packages.
    let manifest = root.join("pyproject.toml");
    let members = toml_strings(&manifest, &["tool", "uv", "workspace", "members"]);
    if !members.is_empty() {
        let exclude = toml_strings(&manifest, &["tool", "uv", "workspace", "exclude"]);
        let excluded: Vec<PathBuf> = exclude.iter().flat_map(|e| expand(root, e)).collect();
        return members
            .iter()
            .flat_map(|m| expand(root, m))
            .filter(|d| !excluded.contains(d) && root.join(d).join("pyproject.toml").is_file())
            .collect();
    }
    let mut out = Vec::new();
    python_projects_in(root, Path::new(""), 0, &mut out);
    out
}

fn python_projects_in(root: &Path, rel: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > 0 && root.join(rel).join("pyproject.toml").is_file() {
        out.push(rel.to_owned());
        return;
    }
    if depth == PYTHON_DEPTH {
        return;
    }
    for child in subdirs(&root.join(rel)) {
        let skip = child.starts_with('.')
            || SKIP.contains(&child.as_str())
            || SAMPLES.contains(&child.as_str());
        if !skip {
            python_projects_in(root, &rel.join(child), depth + 1, out);
        }
    }
}

/// The `[packages.*]` tables for what was found, ready to append to .relconfig.toml.
pub fn render(found: &[Found]) -> String {
    let mut out = String::new();
    for f in found {
        out.push_str(&format!(
            "\n# {} ({}); its changelog is {}/CHANGELOG.md\n{}\npath = {}\n",
            f.name,
            f.from,
            f.path.display(),
            crate::config::toml_text::package_table(&f.name),
            crate::config::toml_text::string(&f.path.to_string_lossy())
        ));
        match &f.tag {
            Some(t) => out.push_str(&format!("tag = {}\n", crate::config::toml_text::string(t))),
            None => out.push_str(&format!(
                "# tag = {}\n",
                crate::config::toml_text::string(&format!("{}-v{{version}}", f.name))
            )),
        }
        if let Some((argv, evident)) = &f.test {
            let list: Vec<String> = argv
                .iter()
                .map(|a| crate::config::toml_text::string(a))
                .collect();
            let hash = if *evident { "" } else { "# " };
            out.push_str(&format!("{hash}test = [{}]\n", list.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Real monorepos (QA): commitlint's lerna fixed mode and vuejs/core's one version are
    /// one project, not packages that were never released; private packages are not
    /// proposed, and the comments say so.
    #[test]
    fn one_version_workspaces_and_private_packages_are_passed_over() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        let member = |dir: &str, name: &str, v: &str, private: bool| {
            write(
                r,
                &format!("{dir}/package.json"),
                &format!(r#"{{"name": "{name}", "version": "{v}", "private": {private}}}"#),
            );
        };
        write(
            r,
            "package.json",
            r#"{"private": true, "version": "3.5.1", "workspaces": ["packages/*"]}"#,
        );
        member("packages/a", "@x/a", "3.5.1", false);
        member("packages/b", "@x/b", "3.5.1", false);
        member("packages/play", "play", "0.0.0", true);
        assert!(detect(r).is_empty());
        assert!(passed_over(r).contains("\n# No [packages] tables are proposed: every package of"));
        // Versions of their own: packages, the private one left out and named.
        member("packages/b", "@x/b", "1.0.0", false);
        let names: Vec<String> = detect(r).into_iter().map(|f| f.name).collect();
        assert_eq!(names, ["@x/a", "@x/b"]);
        assert!(
            left_out(r)
                .unwrap()
                .contains("as they are never published: packages/play (`\"private\": true`).")
        );
        assert!(passed_over(r).starts_with("\n# Not proposed as packages"));
        // lerna's fixed mode, whatever the members say.
        write(r, "lerna.json", r#"{"version": "21.2.2"}"#);
        assert!(detect(r).is_empty());
        assert!(passed_over(r).contains("(lerna's\n# fixed mode), so the workspace"));
        write(r, "lerna.json", r#"{"version": "independent"}"#);
        assert_eq!(detect(r).len(), 2);
    }

    #[test]
    fn cargo_workspace_members_globs_and_excludes() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        write(
            r,
            "Cargo.toml",
            "[workspace]\nmembers = [\"crates/*\", \"tools/cli\"]\nexclude = [\"crates/old\"]\n",
        );
        for (dir, name) in [
            ("crates/api", "api"),
            ("crates/core", "core-lib"),
            ("crates/old", "old"),
            ("tools/cli", "cli"),
        ] {
            write(
                r,
                &format!("{dir}/Cargo.toml"),
                &format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\n"),
            );
        }
        std::fs::create_dir_all(r.join("crates/empty")).unwrap();
        let found = detect(r);
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.name.as_str(), f.path.to_str().unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                ("api", "crates/api"),
                ("core-lib", "crates/core"),
                ("cli", "tools/cli")
            ]
        );
        assert!(found.iter().all(|f| f.from == "Cargo workspace"));
        let tables = render(&found);
        assert!(
            tables.contains("[packages.core-lib]\npath = \"crates/core\"\n# tag = \"core-lib-v{version}\"\ntest = [\"cargo\", \"test\", \"-p\", \"core-lib\"]\n"),
            "{tables}"
        );
        let parsed = crate::config::Config::parse(Path::new("x"), &tables).unwrap();
        assert_eq!(
            parsed.packages[0].test.as_deref().unwrap().join(" "),
            "cargo test -p api"
        );
    }

    /// casey/just: the root crate listed as a member (`"."`) is the repository's own project,
    /// and a crate that is never published is no package; the tables proposed always load.
    #[test]
    fn the_root_member_and_unpublished_crates_are_no_packages() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        write(
            r,
            "Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"1.0.0\"\n\n[workspace]\nmembers = [\".\", \"./\", \"crates/*\"]\n[workspace.package]\npublish = false\n",
        );
        let krate = |dir: &str, extra: &str| {
            let name = dir.rsplit('/').next().unwrap();
            let text = format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\n{extra}");
            write(r, &format!("{dir}/Cargo.toml"), &text);
        };
        krate("crates/lib", "");
        krate("crates/tool", "publish = false\n");
        krate("crates/none", "publish = []\n");
        krate("crates/inherits", "publish.workspace = true\n");
        krate("crates/registry", "publish = [\"mine\"]\n");
        let names: Vec<String> = detect(r).into_iter().map(|f| f.name).collect();
        assert_eq!(names, ["lib", "registry"]);
        let said = left_out(r).unwrap();
        assert!(
            said.contains("crates/inherits (`publish = false`), crates/none (`publish = false`), crates/tool (`publish = false`)"),
            "{said}"
        );
        let text = crate::init::render_config(None, None) + &render(&detect(r)) + &passed_over(r);
        let parsed = crate::config::Config::parse(Path::new("x"), &text).unwrap();
        assert_eq!(parsed.packages.len(), 2);
    }

    /// QA35: pnpm's workspace listed in package.json too (`workspaces`) got npm's test
    /// command; `packageManager`, or pnpm's own files, say it is pnpm's.
    #[test]
    fn a_pnpm_workspace_listed_in_package_json_runs_its_tests_with_pnpm() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        write(
            r,
            "package.json",
            r#"{"private": true, "packageManager": "pnpm@9.0.0", "workspaces": ["packages/*"]}"#,
        );
        write(
            r,
            "packages/ui/package.json",
            r#"{"name": "@acme/ui", "version": "1.0.0", "scripts": {"test": "vitest"}}"#,
        );
        let found = detect(r);
        let test = found[0].test.as_ref().map(|(argv, _)| argv.join(" "));
        assert_eq!(test.as_deref(), Some("pnpm --filter @acme/ui test"));
        // Without it, npm's.
        write(
            r,
            "package.json",
            r#"{"private": true, "workspaces": ["packages/*"]}"#,
        );
        let found = detect(r);
        let test = found[0].test.as_ref().map(|(argv, _)| argv.join(" "));
        assert_eq!(test.as_deref(), Some("npm test --workspace @acme/ui"));
    }

    #[test]
    fn npm_pnpm_and_python_projects() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        write(
            r,
            "package.json",
            r#"{"private": true, "workspaces": {"packages": ["packages/*", "!packages/skip"]}}"#,
        );
        write(
            r,
            "packages/web/package.json",
            r#"{"name": "@acme/web", "version": "1.0.0"}"#,
        );
        write(r, "packages/skip/package.json", r#"{"name": "skip"}"#);
        write(
            r,
            "py/tool/pyproject.toml",
            "[project]\nname = \"tool\"\nversion = \"0.2.0\"\n",
        );
        write(
            r,
            "node_modules/x/pyproject.toml",
            "[project]\nname = \"no\"\n",
        );
        // Another repository inside (a submodule, a clone): not this one's package.
        write(
            r,
            "other/pyproject.toml",
            "[project]\nname = \"other\"\nversion = \"1.0.0\"\n",
        );
        write(r, "other/.git", "gitdir: ../.git/modules/other\n");
        let found = detect(r);
        let got: Vec<(&str, &str, Option<&str>)> = found
            .iter()
            .map(|f| (f.name.as_str(), f.path.to_str().unwrap(), f.tag.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("@acme/web", "packages/web", Some("@acme/web@{version}")),
                ("tool", "py/tool", None)
            ]
        );
        let tables = render(&found);
        let parsed = crate::config::Config::parse(Path::new("x"), &tables).unwrap();
        assert_eq!(parsed.packages.len(), 2);
        assert_eq!(parsed.packages[0].tag.prefix(), "@acme/web@");
        assert_eq!(
            parsed.packages[1].changelog,
            Path::new("py/tool/CHANGELOG.md")
        );
        // No `test` script, no evident Python test run: proposed, commented.
        assert!(
            tables.contains("# test = [\"npm\", \"test\", \"--workspace\", \"@acme/web\"]\n"),
            "{tables}"
        );
        assert!(
            tables.contains("# test = [\"pytest\", \"py/tool\"]\n"),
            "{tables}"
        );
        assert!(parsed.packages.iter().all(|p| p.test.is_none()));
        write(r, "yarn.lock", "");
        write(
            r,
            "packages/web/package.json",
            r#"{"name": "@acme/web", "scripts": {"test": "vitest"}}"#,
        );
        let tables = render(&detect(r));
        assert!(
            tables.contains("(yarn workspace)")
                && tables.contains("\ntest = [\"yarn\", \"workspace\", \"@acme/web\", \"test\"]\n"),
            "{tables}"
        );

        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        write(
            r,
            "pnpm-workspace.yaml",
            "packages:\n  - 'apps/*'\n  - \"libs/**\"\n  - '!apps/legacy'\ncatalog:\n  - nope\n",
        );
        write(r, "apps/site/package.json", r#"{"name": "site"}"#);
        write(r, "apps/legacy/package.json", r#"{"name": "legacy"}"#);
        write(r, "libs/ui/button/package.json", r#"{"name": "button"}"#);
        let names: Vec<String> = detect(r).into_iter().map(|f| f.name).collect();
        assert_eq!(names, ["site", "button"]);
    }

    #[test]
    fn globs_match_one_segment() {
        assert!(glob_match("*", "api"));
        assert!(glob_match("a?i", "api"));
        assert!(glob_match("[ab]pi", "bpi"));
        assert!(!glob_match("a*", "bpi"));
        assert!(glob_match("x.y", "x.y") && !glob_match("x.y", "xzy"));
    }
}
