//! QA43: `git revert` of a package's release commit took its section out of the package's
//! changelog without a word: post-commit and doctor said nothing, and `relhook release
//! --package a` sent to setting the version file, after which the next release shipped the
//! reverted release's entries a second time. Now they say it as they do for the root's.

use crate::support::{Repo, ok, stderr, stdout, text};

/// Package `a` (a/pyproject.toml at 1.0.0, `[packages.a]`, tests `true`), its set-up
/// committed, relhook installed.
pub(crate) fn package_a() -> Repo {
    let repo = Repo::new();
    repo.write(
        "a/pyproject.toml",
        "[project]\nname = \"a\"\nversion = \"1.0.0\"\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[packages.a]\npath = \"a\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo
}

/// Package `a` (a/pyproject.toml at 1.0.0) released as a-v1.0.0 and a-v1.0.1, then the
/// second release commit reverted through the hooks; returns the revert's output.
fn reverted_package_release() -> (Repo, String) {
    let repo = package_a();
    repo.write("a/m.py", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: y");
    ok(repo.relhook(&["release", "--package", "a"]));
    repo.write("a/m.py", "2\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: z");
    ok(repo.relhook(&["release", "--package", "a"]));
    assert_eq!(repo.git(&["tag", "-l", "a-v1.0.1"]), "a-v1.0.1");
    let out = ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    (repo, text(&out))
}

#[test]
fn the_revert_of_a_package_release_commit_warns_at_once() {
    let (_repo, said) = reverted_package_release();
    assert!(
        said.contains("release tag a-v1.0.1 is in HEAD's history")
            && said.contains("a/CHANGELOG.md")
            && said.contains("git tag -d a-v1.0.1"),
        "{said}"
    );
}

#[test]
fn doctor_and_the_package_release_name_the_reverted_release() {
    let (repo, _) = reverted_package_release();
    let doctor = repo.relhook(&["doctor"]);
    let out = stdout(&doctor);
    assert!(
        out.contains("release tag a-v1.0.1 is in HEAD's history") && !out.contains("all is well"),
        "{}",
        text(&doctor)
    );
    let release = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    let err = stderr(&release);
    assert!(
        err.contains("release tag a-v1.0.1 is in HEAD's history")
            && err.contains("git tag -d a-v1.0.1"),
        "{err}"
    );
}
