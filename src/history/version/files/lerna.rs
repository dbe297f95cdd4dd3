//! lerna's fixed mode: one version for every package, kept in lerna.json and in each
//! package's package.json (`lerna version` bumps them all). The packages are where lerna
//! looks: lerna.json's `packages` globs (unless `useWorkspaces`), else pnpm-workspace.yaml's
//! `packages` (`npmClient: "pnpm"`), else the root package.json's `workspaces`, else
//! lerna's default `packages/*`.

use std::path::{Path, PathBuf};

/// The package.json of each package lerna manages under `root`, as paths from the top, in
/// the order found; none that a glob reaches through a symbolic link, `..` or node_modules.
pub fn package_manifests(root: &Path) -> Vec<PathBuf> {
    let globs = globs(root);
    let (exclude, include): (Vec<&String>, Vec<&String>) =
        globs.iter().partition(|g| g.starts_with('!'));
    let excluded: Vec<PathBuf> = exclude.iter().flat_map(|g| expand(root, &g[1..])).collect();
    let mut out = Vec::new();
    for dir in include.iter().flat_map(|g| expand(root, g)) {
        let manifest = dir.join("package.json");
        if !excluded.contains(&dir) && !out.contains(&manifest) && root.join(&manifest).is_file() {
            out.push(manifest);
        }
    }
    out
}

/// The keys (as `JsonKey` locators write them) of npm lock file `lock`'s entries for the
/// workspace package in `dir` published as `name` that say `version`, as `npm install` keeps
/// them: `packages["<dir>"]` (lockfileVersion 2 and 3), its `node_modules/<name>` link when
/// the link carries a version, and lockfileVersion 1's `dependencies["<name>"]` unless that is
/// a published copy (it has `integrity`). A key with a `.` or `|` cannot be written, so its
/// entry is left.
pub fn npm_lock_keys(
    root: &Path,
    lock: &Path,
    dir: &Path,
    name: Option<&str>,
    version: &str,
) -> Vec<String> {
    crate::fsx::regular_text(&root.join(lock)).map_or_else(Vec::new, |t| {
        npm_lock_keys_in(t.as_bytes(), dir, name, version)
    })
}

/// [`npm_lock_keys`] in the lock whose bytes are `lock` (the work tree's or HEAD's).
pub fn npm_lock_keys_in(lock: &[u8], dir: &Path, name: Option<&str>, version: &str) -> Vec<String> {
    let Some(doc) = super::json_value(lock) else {
        return Vec::new();
    };
    let says = |entry: Option<&serde_json::Value>| {
        entry
            .and_then(|e| e.get("version"))
            .and_then(serde_json::Value::as_str)
            == Some(version)
    };
    let writable = |k: &str| !k.is_empty() && !k.contains(['.', '|']);
    let mut out = Vec::new();
    let packages = doc.get("packages");
    if let Some(dir) = dir.to_str().filter(|d| writable(d)) {
        if says(packages.and_then(|p| p.get(dir))) {
            out.push(format!("packages.{dir}.version"));
        }
    }
    let Some(name) = name.filter(|n| writable(n)) else {
        return out;
    };
    let link = packages.and_then(|p| p.get(format!("node_modules/{name}")));
    let linked = link
        .and_then(|l| l.get("link"))
        .and_then(serde_json::Value::as_bool)
        == Some(true);
    if linked && says(link) {
        out.push(format!("packages.node_modules/{name}.version"));
    }
    let v1 = doc.get("dependencies").and_then(|d| d.get(name));
    if says(v1) && v1.and_then(|e| e.get("integrity")).is_none() {
        out.push(format!("dependencies.{name}.version"));
    }
    out
}

/// The package globs, where lerna reads them (see the module's comment).
fn globs(root: &Path) -> Vec<String> {
    let read = |name: &str| -> Option<serde_json::Value> {
        super::json_value(crate::fsx::regular_text(&root.join(name))?.as_bytes())
    };
    let list = |v: &serde_json::Value| -> Option<Vec<String>> {
        let items = v.as_array()?;
        Some(
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
        )
    };
    let lerna = read("lerna.json");
    let field = |key: &str| lerna.as_ref().and_then(|l| l.get(key));
    let workspaces = field("useWorkspaces").and_then(serde_json::Value::as_bool) == Some(true);
    if let Some(globs) = field("packages").filter(|_| !workspaces).and_then(list) {
        return globs;
    }
    if field("npmClient").and_then(serde_json::Value::as_str) == Some("pnpm") {
        if let Some(globs) = pnpm_packages(root) {
            return globs;
        }
    }
    let from_package_json = read("package.json").and_then(|p| {
        let w = p.get("workspaces")?;
        list(w).or_else(|| list(w.get("packages")?))
    });
    from_package_json.unwrap_or_else(|| vec!["packages/*".to_owned()])
}

/// The `packages:` list of pnpm-workspace.yaml (`- 'packages/*'` items, quoted or not).
fn pnpm_packages(root: &Path) -> Option<Vec<String>> {
    let text = crate::fsx::regular_text(&root.join("pnpm-workspace.yaml"))?;
    let mut lines = text.lines().skip_while(|l| l.trim_end() != "packages:");
    lines.next()?;
    let items = lines
        .take_while(|l| l.trim().is_empty() || l.starts_with([' ', '\t', '-']))
        .filter_map(|l| {
            let item = l.trim().strip_prefix('-')?.trim();
            let item = item.split(" #").next().unwrap_or(item).trim();
            Some(item.trim_matches(['\'', '"']).to_owned())
        })
        .filter(|i| !i.is_empty())
        .collect();
    Some(items)
}

/// The directories (from the top) a workspace glob names: `*` and `?` within a part, `**`
/// for any depth (at most four), a trailing `/` or `/package.json` ignored.
fn expand(root: &Path, glob: &str) -> Vec<PathBuf> {
    let glob = glob.trim_start_matches("./").trim_end_matches('/');
    let glob = glob.strip_suffix("/package.json").unwrap_or(glob);
    // The top itself (`.`): its package.json is a manifest found on its own.
    if glob == "." || glob.is_empty() {
        return vec![PathBuf::new()];
    }
    let parts: Vec<&str> = glob.split('/').collect();
    if glob.starts_with('/') || parts.iter().any(|p| matches!(*p, ".." | "." | "")) {
        return Vec::new();
    }
    let mut found = Vec::new();
    walk(root, PathBuf::new(), &parts, 0, &mut found);
    found
}

fn walk(root: &Path, at: PathBuf, parts: &[&str], depth: usize, found: &mut Vec<PathBuf>) {
    let Some((part, rest)) = parts.split_first() else {
        found.push(at);
        return;
    };
    if *part == "**" {
        // Zero directories, then one more level (a bounded depth: no runaway walk).
        walk(root, at.clone(), rest, depth, found);
        if depth < 4 {
            for sub in subdirs(root, &at) {
                walk(root, at.join(sub), parts, depth + 1, found);
            }
        }
        return;
    }
    if !part.contains(['*', '?']) {
        let next = at.join(part);
        if is_real_dir(&root.join(&next)) {
            walk(root, next, rest, depth, found);
        }
        return;
    }
    for sub in subdirs(root, &at) {
        if wildcard(part.as_bytes(), sub.as_bytes()) {
            walk(root, at.join(&sub), rest, depth, found);
        }
    }
}

/// The directories in `at` (not symbolic links; not hidden, not node_modules), sorted.
fn subdirs(root: &Path, at: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(at)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| !n.starts_with('.') && n != "node_modules")
        .collect();
    names.sort();
    names
}

fn is_real_dir(path: &Path) -> bool {
    path.symlink_metadata().is_ok_and(|m| m.is_dir())
}

/// Whether `name` matches `pattern`, where `*` is any run of bytes and `?` any one byte.
fn wildcard(pattern: &[u8], name: &[u8]) -> bool {
    match (pattern.split_first(), name.split_first()) {
        (None, None) => true,
        (Some((b'*', rest)), _) => {
            wildcard(rest, name)
                || name
                    .split_first()
                    .is_some_and(|(_, n)| wildcard(pattern, n))
        }
        (Some((b'?', rest)), Some((_, n))) => wildcard(rest, n),
        (Some((p, rest)), Some((c, n))) if p == c => wildcard(rest, n),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_name_the_packages_lerna_manages() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        for dir in [
            "packages/a",
            "packages/b",
            "packages/b/node_modules/x",
            "@scope/c",
            "@scope/skip",
            "tools/deep/d",
            "packages/.hidden",
        ] {
            std::fs::create_dir_all(r.join(dir)).unwrap();
            std::fs::write(r.join(dir).join("package.json"), "{}").unwrap();
        }
        // No lerna.json packages, no workspaces: lerna's default.
        std::fs::write(r.join("lerna.json"), r#"{"version": "1.0.0"}"#).unwrap();
        let names = |r: &Path| -> Vec<String> {
            package_manifests(r)
                .iter()
                .map(|p| p.display().to_string())
                .collect()
        };
        assert_eq!(
            names(r),
            ["packages/a/package.json", "packages/b/package.json"]
        );
        // The root package.json's workspaces, yarn's object form too.
        std::fs::write(
            r.join("package.json"),
            r#"{"workspaces": {"packages": ["@scope/*"]}}"#,
        )
        .unwrap();
        assert_eq!(
            names(r),
            ["@scope/c/package.json", "@scope/skip/package.json"]
        );
        // lerna.json's own list wins; `!` leaves out, `**` goes down, `..` is refused.
        std::fs::write(
            r.join("lerna.json"),
            r#"{"version": "1.0.0", "packages": ["@scope/*", "!@scope/skip", "tools/**", "../x/*"]}"#,
        )
        .unwrap();
        assert_eq!(
            names(r),
            ["@scope/c/package.json", "tools/deep/d/package.json"]
        );
        // `.` is the top's own package.json, as git names it.
        std::fs::write(
            r.join("lerna.json"),
            r#"{"version": "1.0.0", "packages": ["."]}"#,
        )
        .unwrap();
        assert_eq!(names(r), ["package.json"]);
        // lerna 5 and 6 with `useWorkspaces` read the workspaces; pnpm's own file for pnpm.
        std::fs::write(
            r.join("lerna.json"),
            r#"{"version": "1.0.0", "useWorkspaces": true, "packages": ["packages/*"]}"#,
        )
        .unwrap();
        assert_eq!(
            names(r),
            ["@scope/c/package.json", "@scope/skip/package.json"]
        );
        std::fs::write(
            r.join("lerna.json"),
            r#"{"version": "1.0.0", "npmClient": "pnpm"}"#,
        )
        .unwrap();
        std::fs::write(
            r.join("pnpm-workspace.yaml"),
            "packages:\n  - 'tools/**' # all of them\n  - \"!tools/skip\"\nother: 1\n",
        )
        .unwrap();
        assert_eq!(names(r), ["tools/deep/d/package.json"]);
    }

    #[test]
    fn wildcards_match_within_a_part() {
        assert!(wildcard(b"*", b"abc"));
        assert!(wildcard(b"a*c", b"abbc"));
        assert!(wildcard(b"a?c", b"abc"));
        assert!(!wildcard(b"a?c", b"ac"));
        assert!(!wildcard(b"b*", b"abc"));
    }
}
