//! Files whose old version is named on purpose, so a release never asks to bump them:
//! changelogs, pages about one release (migration guides, release notes, blog posts),
//! other people's code kept in the repository and tests' data.

/// Whether `path` is a changelog (a package's `CHANGELOG.md` in a monorepo, `HISTORY.md`,
/// `CHANGES.rst`): the old version there is history, never a place to bump.
pub(super) fn is_history(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
    ["changelog", "changes", "history", "news", "releases"].contains(&stem)
        && ["", "md", "markdown", "rst", "txt", "adoc"].contains(&ext)
}

/// Whether `path` is a page about a release rather than one that states the current version:
/// its name holds a version ([`names_a_version`]), or it is a document named for a migration or
/// an upgrade (cocogitto's `website/guide/migration_6_5_to_7_0.md`, `UPGRADING.md`) or release
/// notes, or a blog post: the old version is named there on purpose, never a place to bump.
pub(super) fn about_a_release(path: &str) -> bool {
    if names_a_version(path) {
        return true;
    }
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name.as_str(), ""));
    // Documents only: code or settings named `migration` may well hold the version in use.
    if !["md", "markdown", "mdx", "rst", "txt", "adoc"].contains(&ext) {
        return false;
    }
    let named = [
        "migrat",
        "upgrad",
        "release-note",
        "release_note",
        "releasenote",
    ]
    .iter()
    .any(|w| stem.contains(w));
    let posted = path
        .split('/')
        .rev()
        .skip(1)
        .any(|d| ["blog", "_posts", "posts"].contains(&d.to_ascii_lowercase().as_str()));
    named || posted
}

/// Whether `path`'s file name holds a version (git-cliff's `website/blog/git-cliff-2.13.0.md`,
/// `docs/release-notes-1.4.0.md`): a page about that one release, whose versions are history
/// there, never a place to bump.
fn names_a_version(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let bytes = name.as_bytes();
    // A digit run starting here, not inside a longer number: `2.13.0`, never the `3.0` of `12.3.0`.
    (0..bytes.len()).any(|start| {
        let fresh = start == 0 || !(bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.');
        fresh && three_numbers(&bytes[start..])
    })
}

/// Whether `s` starts with `N.N.N`.
fn three_numbers(s: &[u8]) -> bool {
    let mut at = 0;
    for part in 0..3 {
        let digits = s[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        at += digits;
        if part < 2 {
            if s.get(at) != Some(&b'.') {
                return false;
            }
            at += 1;
        }
    }
    true
}

/// Whether `path` is someone else's code kept in the repository, whose versions are never the
/// project's: vendored trees, yarn's own releases and plug-n-play maps, minified bundles; test
/// fixtures (a sample workspace's crates at 0.1.0); pre-commit's pins of other tools (`rev:`).
pub(super) fn is_vendored(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == ".pre-commit-config.yaml" {
        return true;
    }
    // A manifest inside a test directory is a sample project's, not one of this project's.
    let manifest = ["Cargo.toml", "package.json", "pyproject.toml"].contains(&name);
    if manifest && path.split('/').any(|d| d == "tests" || d == "test") {
        return true;
    }
    let dirs = [
        ".yarn/",
        "vendor/",
        "third_party/",
        "node_modules/",
        "fixtures/",
        "__fixtures__/",
        "testdata/",
    ];
    dirs.iter()
        .any(|d| path.starts_with(d) || path.contains(&format!("/{d}")))
        || [".pnp.cjs", ".pnp.loader.mjs"].contains(&name)
        || [".min.js", ".min.css", ".map"]
            .iter()
            .any(|end| name.ends_with(end))
}

/// Whether `path` is a test's source (`index.test.ts`, `parse.spec.js`, a file under
/// `__tests__/`, `tests/` or `test/`, `version_test.go`, `test_cli.py`): a version there is a
/// test's data, and a test that checks the version in use fails by itself once it is bumped,
/// so it is never a place the runbook's `grep -r` asks to bump (changesets'
/// `packages/read/src/index.test.ts`). Docs and code outside tests still are.
pub(super) fn is_test_source(path: &str) -> bool {
    let mut dirs = path.split('/');
    let name = dirs.next_back().unwrap_or(path);
    if dirs.any(|d| ["tests", "test", "__tests__"].contains(&d)) {
        return true;
    }
    // `test` or `spec` between the stem and the extension: `index.test.ts`, `a.test.snap.ts`.
    let parts: Vec<&str> = name.split('.').collect();
    let inner = parts.get(1..parts.len().saturating_sub(1)).unwrap_or(&[]);
    let marked = inner.iter().any(|part| ["test", "spec"].contains(part));
    marked || name.ends_with("_test.go") || (name.starts_with("test_") && name.ends_with(".py"))
}

#[cfg(test)]
mod tests {
    use super::is_test_source;

    #[test]
    fn test_sources_are_told_from_docs_and_code() {
        for path in [
            "packages/read/src/index.test.ts",
            "src/parse.spec.js",
            "a.test.snap.ts",
            "src/__tests__/run.ts",
            "tests/cli.rs",
            "crates/x/test/helpers.js",
            "pkg/cmd/version_test.go",
            "test_version.py",
            "src/app/test_cli.py",
        ] {
            assert!(is_test_source(path), "{path}");
        }
        for path in [
            "README.md",
            "docs/install.md",
            "src/version.ts",
            "test.ts",
            "src/test.js",
            "src/latest.ts",
            "src/contest_cli.py",
            "testing/guide.md",
            "src/version.go",
            "test_data.json",
        ] {
            assert!(!is_test_source(path), "{path}");
        }
    }
}
