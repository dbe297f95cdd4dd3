//! QA47: a release left uv.lock at the old version (commitizen's own repository: its root
//! project's `source = { editable = "." }` entry still said 4.17.0 after the 4.17.1
//! release), so `uv sync --locked` failed on the tag. The project's own entries (editable or
//! virtual, at the bumped project's folder) now move with pyproject.toml, written as uv
//! writes versions (PEP 440: `1.3.0rc1`), every other byte kept; an entry relhook cannot
//! read as uv writes it refuses the release rather than be guessed at.

use crate::support::{Repo, ok, stderr, text};

/// A uv lock file's head, the root project's entry at `root` (its source `source`), and a
/// dependency that happens to be at the same version.
pub(crate) fn lock(root: &str, source: &str) -> String {
    format!(
        "version = 1\nrevision = 3\nrequires-python = \">=3.9\"\n\n\
         [[package]]\nname = \"click\"\nversion = \"1.2.0\"\n\
         source = {{ registry = \"https://pypi.org/simple\" }}\n\
         wheels = [\n    {{ url = \"https://x/click-1.2.0.whl\", hash = \"sha256:00\" }},\n]\n\n\
         [[package]]\nname = \"my-app\"\nversion = \"{root}\"\nsource = {source}\n\
         dependencies = [\n    {{ name = \"click\" }},\n]\n\n\
         [package.metadata]\nrequires-dist = [{{ name = \"click\", specifier = \">=1\" }}]\n"
    )
}

/// A Python project `My_App` at 1.2.0 with `uv_lock` as its uv.lock, tagged v1.2.0, then a
/// fix committed through the hooks.
pub(crate) fn project(uv_lock: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"My_App\"\nversion = \"1.2.0\"\n",
    );
    repo.write("uv.lock", uv_lock);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.2.0", "-m", "1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: x");
    repo
}

#[test]
fn a_release_moves_the_root_project_s_uv_lock_entry() {
    let editable = "{ editable = \".\" }";
    let repo = project(&lock("1.2.0", editable));
    let plan = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(
        text(&plan).contains("+version = \"1.2.1\""),
        "{}",
        text(&plan)
    );
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1", editable));
    // In the release commit, nothing left over.
    let status = repo.git(&["status", "--porcelain"]);
    assert_eq!(status, "");
    let files = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(files.lines().any(|l| l == "uv.lock"), "{files}");
}

#[test]
fn a_pre_release_is_written_as_uv_writes_it() {
    let virtual_root = "{ virtual = \".\" }";
    let repo = project(&lock("1.2.0", virtual_root));
    ok(repo.relhook(&["release", "--pre", "rc"]));
    // pyproject.toml in PEP 440's normal form too (QA161).
    assert!(repo.read("pyproject.toml").contains("\"1.2.1rc1\""));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc1", virtual_root));
    // And from there to the next pre-release.
    repo.commit_hooked("fix: y");
    ok(repo.relhook(&["release", "--pre", "rc"]));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc2", virtual_root));
}

#[test]
fn an_entry_not_as_uv_writes_it_refuses_the_release() {
    let odd = lock("1.2.0", "{ editable = \".\" }").replace(
        "version = \"1.2.0\"\nsource = { editable",
        "version = \"1.2\\u002E0\"\nsource = { editable",
    );
    let repo = project(&odd);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("uv.lock") && err.contains("version = \"1.2.0\""),
        "{err}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.read("uv.lock"), odd);
}

#[test]
fn a_workspace_member_s_release_moves_its_entry_alone() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"root\"\nversion = \"0.1.0\"\n\n[tool.uv.workspace]\nmembers = [\"a\"]\n",
    );
    repo.write(
        "a/pyproject.toml",
        "[project]\nname = \"a\"\nversion = \"1.0.0\"\n",
    );
    let uv_lock = "version = 1\nrevision = 3\n\n[manifest]\nmembers = [\n    \"a\",\n    \"root\",\n]\n\n\
        [[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = { editable = \"a\" }\n\n\
        [[package]]\nname = \"root\"\nversion = \"1.0.0\"\nsource = { virtual = \".\" }\n\
        dependencies = [\n    { name = \"a\" },\n]\n\n\
        [package.metadata]\nrequires-dist = [{ name = \"a\", editable = \"a\" }]\n";
    repo.write("uv.lock", uv_lock);
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[packages.a]\npath = \"a\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a 1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("a/m.py", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: y");
    ok(repo.relhook(&["release", "--package", "a"]));
    let want = uv_lock.replacen(
        "version = \"1.0.0\"\nsource = { editable",
        "version = \"1.0.1\"\nsource = { editable",
        1,
    );
    assert_eq!(repo.read("uv.lock"), want);
}
