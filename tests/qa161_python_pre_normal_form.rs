//! QA161: a Python project at a final version (`1.1.0`) released with `--pre beta` got
//! `1.2.0-beta.1` written into pyproject.toml, `__version__` and setup.cfg: pip reads it as
//! `1.2.0b1`, and setuptools warns that it normalizes it. A Python file now gets PEP 440's
//! normal form (`1.2.0b1`, then `1.2.0rc1`), package.json and the tag keep SemVer's, and a
//! Python file that holds a SemVer pre-release (`1.3.0-rc.1`) keeps that convention.

use crate::support::{Repo, ok, text};

/// A project at `py` in its Python files and `js` in package.json, released as `tag`, with
/// a feature since.
fn project(py: &str, js: &str, tag: &str) -> Repo {
    crate::qa152_python_pre_spelling::project_since(py, js, tag, "feat: one")
}

fn assert_spelled(repo: &Repo, py: &str, semver: &str) {
    let (toml, init) = (
        repo.read("pyproject.toml"),
        repo.read("src/demo/__init__.py"),
    );
    let (cfg, js) = (repo.read("setup.cfg"), repo.read("package.json"));
    assert!(toml.contains(&format!("version = \"{py}\"\n")), "{toml}");
    assert!(
        init.contains(&format!("__version__ = \"{py}\"\n")),
        "{init}"
    );
    assert!(cfg.contains(&format!("version = {py}\n")), "{cfg}");
    assert!(js.contains(&format!("\"version\": \"{semver}\"")), "{js}");
}

#[test]
fn a_final_version_s_python_files_get_pep_440_s_normal_form_of_a_pre_release() {
    let repo = project("1.1.0", "1.1.0", "v1.1.0");
    let out = repo.relhook(&["release", "--pre", "beta"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.2.0-beta.1"));
    assert_spelled(&repo, "1.2.0b1", "1.2.0-beta.1");
    assert!(repo.is_clean());

    repo.write("a.txt", "2\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: two");
    ok(repo.relhook(&["release", "--pre", "rc"]));
    assert!(repo.git(&["tag", "-l"]).contains("v1.2.0-rc.1"));
    assert_spelled(&repo, "1.2.0rc1", "1.2.0-rc.1");

    let repo = project("1.1.0", "1.1.0", "v1.1.0");
    ok(repo.relhook(&["release", "--pre", "alpha"]));
    assert_spelled(&repo, "1.2.0a1", "1.2.0-alpha.1");
}

#[test]
fn a_python_file_holding_a_semver_pre_release_keeps_that_spelling() {
    let repo = project("1.3.0-rc.1", "1.3.0-rc.1", "v1.3.0-rc.1");
    let out = repo.relhook(&["release", "--pre", "rc"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_spelled(&repo, "1.3.0-rc.2", "1.3.0-rc.2");
}
