//! QA46: the root project's release of a monorepo bumped `__version__` in a package's
//! `plugin/__init__.py` (and would a Helm chart in a package's folder), though that file is
//! the package's: its own release finds it, the root's version-file detection now skips it.

use crate::support::{Repo, ok, text};

#[test]
fn the_roots_release_leaves_the_version_files_inside_packages_alone() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"app\"\nversion = \"1.0.0\"\n",
    );
    repo.write("app/__init__.py", "__version__ = \"1.0.0\"\n");
    repo.write(
        "plugin/pyproject.toml",
        "[project]\nname = \"plugin\"\ndynamic = [\"version\"]\n",
    );
    repo.write("plugin/__init__.py", "__version__ = \"1.0.0\"\n");
    let chart = "apiVersion: v2\nname: chart\nversion: 1.0.0\n";
    repo.write("chart/Chart.yaml", chart);
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.plugin]\npath = \"plugin\"\n[packages.chart]\npath = \"chart\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.git_env(
        &["tag", "-a", "v1.0.0", "-m", "v1.0.0"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.write("app/core.py", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: app bug"]));

    let out = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    let said = text(&out);
    assert!(said.contains("app/__init__.py"), "{said}");
    assert!(
        !said.contains("plugin/__init__.py") && !said.contains("chart/Chart.yaml"),
        "{said}"
    );

    let out = ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.read("app/__init__.py"), "__version__ = \"1.0.1\"\n");
    assert_eq!(repo.read("plugin/__init__.py"), "__version__ = \"1.0.0\"\n");
    assert_eq!(repo.read("chart/Chart.yaml"), chart, "{}", text(&out));
}
