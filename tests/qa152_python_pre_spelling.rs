//! QA152: a Python project whose pyproject.toml says `1.3.0rc1` (PEP 440's spelling) was
//! released as the next pre-release with `1.3.0-rc.2` written into it: a version its build
//! backend respells, and not the file's own convention. A Python file holding PEP 440's
//! spelling now gets PEP 440's normal form (`1.3.0rc2`, `1.3.0b2`), a `package.json` beside
//! it keeps SemVer's, and the tags stay SemVer (`v1.3.0-rc.2`).

use crate::support::{Repo, ok, text};

/// A project at `py` in pyproject.toml, `src/demo/__init__.py` and setup.cfg, and at `js` in
/// package.json, released as `tag`, with a fix since.
fn project(py: &str, js: &str, tag: &str) -> Repo {
    project_since(py, js, tag, "fix: one")
}

/// [`project`] with the commit `since` made after its release.
pub(crate) fn project_since(py: &str, js: &str, tag: &str, since: &str) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write(
        "pyproject.toml",
        format!("[project]\nname = \"demo\"\nversion = \"{py}\"\n"),
    );
    repo.write("src/demo/__init__.py", format!("__version__ = \"{py}\"\n"));
    repo.write(
        "setup.cfg",
        format!("[metadata]\nname = demo\nversion = {py}\n"),
    );
    repo.write(
        "package.json",
        format!("{{\n  \"name\": \"demo\",\n  \"version\": \"{js}\"\n}}\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", tag, "-m", tag]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked(since);
    repo
}

/// What each version file says, as written.
fn said(repo: &Repo) -> [String; 4] {
    [
        repo.read("pyproject.toml"),
        repo.read("src/demo/__init__.py"),
        repo.read("setup.cfg"),
        repo.read("package.json"),
    ]
}

fn assert_spelled(repo: &Repo, pep: &str, semver: &str) {
    let [py, init, cfg, js] = said(repo);
    assert!(py.contains(&format!("version = \"{pep}\"\n")), "{py}");
    assert!(
        init.contains(&format!("__version__ = \"{pep}\"\n")),
        "{init}"
    );
    assert!(cfg.contains(&format!("version = {pep}\n")), "{cfg}");
    assert!(js.contains(&format!("\"version\": \"{semver}\"")), "{js}");
}

#[test]
fn a_python_file_keeps_pep_440_s_spelling_through_pre_releases_and_the_final() {
    let repo = project("1.3.0rc1", "1.3.0-rc.1", "v1.3.0-rc.1");
    let out = repo.relhook(&["release", "--pre", "rc"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0-rc.2"));
    assert_spelled(&repo, "1.3.0rc2", "1.3.0-rc.2");
    assert!(repo.is_clean());

    repo.write("a.txt", "2\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: two");
    let out = repo.relhook(&["release"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0\n"));
    assert_spelled(&repo, "1.3.0", "1.3.0");
}

#[test]
fn a_beta_and_an_alpha_keep_their_spelling() {
    let repo = project("1.3.0b1", "1.3.0-beta.1", "v1.3.0-beta.1");
    let out = repo.relhook(&["release", "--pre", "beta"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_spelled(&repo, "1.3.0b2", "1.3.0-beta.2");

    let repo = project("1.3.0a1", "1.3.0-alpha.1", "v1.3.0-alpha.1");
    let out = repo.relhook(&["release", "--pre", "rc"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0-rc.1"));
    assert_spelled(&repo, "1.3.0rc1", "1.3.0-rc.1");
}
