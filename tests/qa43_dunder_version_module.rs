//! QA43: a Python package's `<pkg>/__version__.py` (commitizen's own layout,
//! `commitizen/__version__.py`) was not detected as a version file: `relhook release` tagged
//! v1.0.1 with it still at 1.0.0 (only a note said so) and doctor said "all is well". It is
//! detected as `_version.py` is: bumped by the release, judged by doctor.

use crate::support::{Repo, stdout, text};

fn python_package(version_py: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"pkg\"\nversion = \"1.0.0\"\n",
    );
    repo.write("pkg/__version__.py", version_py);
    repo.write("pkg/__init__.py", "");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix: x");
    repo
}

#[test]
fn the_release_bumps_pkg_dunder_version_py() {
    let repo = python_package("__version__ = \"1.0.0\"\n");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("pkg/__version__.py"), "__version__ = \"1.0.1\"\n");
    assert!(!text(&out).contains("still says"), "{}", text(&out));
    assert_eq!(
        repo.git(&["show", "v1.0.1:pkg/__version__.py"]),
        "__version__ = \"1.0.1\""
    );
}

#[test]
fn doctor_judges_pkg_dunder_version_py() {
    // The version lives only there (`dynamic = ["version"]`) and says another version than the
    // release tag: every release would be refused, so doctor says so now.
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"pkg\"\ndynamic = [\"version\"]\n",
    );
    repo.write("pkg/__version__.py", "__version__ = \"0.9.0\"\n");
    repo.write("pkg/__init__.py", "");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("version files: pkg/__version__.py says 0.9.0"),
        "{}",
        text(&out)
    );
}
