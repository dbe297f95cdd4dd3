//! QA44: after a commit deleted a released package's changelog, post-commit, doctor, the
//! release and the hand-tag refusal named `relhook changelog --rebuild` and `relhook
//! changelog --sync`, which act on the root's CHANGELOG.md alone (pasted, they said it was up
//! to date). They now name the package: `relhook changelog --rebuild --package a`.

use crate::support::{Repo, ok, stderr, stdout, text, two_packages};

/// Package a released as a-v1.0.0, its changelog deleted by a commit, then a `fix(a):`
/// commit made through the hooks; returns what that commit's post-commit said.
fn deleted_after_release() -> (Repo, String) {
    let repo = two_packages(
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
        "{\"name\": \"b\", \"version\": \"2.0.0\"}\n",
    );
    repo.write("p/a/one.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): one");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    repo.git(&["rm", "-q", "p/a/CHANGELOG.md"]);
    repo.commit_hooked("chore: drop it");
    repo.write("p/a/two.js", "2\n");
    repo.git(&["add", "-A"]);
    let out = repo.try_commit("fix(a): two");
    assert!(out.status.success(), "{}", text(&out));
    (repo, stderr(&out))
}

#[test]
fn a_deleted_package_changelog_is_rebuilt_and_synced_by_commands_naming_it() {
    let (repo, said) = deleted_after_release();
    let (rebuild, sync) = (
        "relhook changelog --rebuild --package a",
        "relhook changelog --sync --package a",
    );
    assert!(
        said.contains(&format!("`{rebuild}`")) && said.contains(&format!("`{sync}`")),
        "{said}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(&format!("`{rebuild}` writes it again from history")),
        "{doctor}"
    );
    let release = repo.relhook(&["release", "--package", "a", "--no-test"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    assert!(
        stderr(&release).contains(&format!("`{rebuild}`")),
        "{}",
        text(&release)
    );
    let tag = repo.git_output(&["tag", "-a", "a-v1.0.1", "-m", "a-v1.0.1"]);
    assert!(!tag.status.success(), "{}", text(&tag));
    assert!(
        stderr(&tag).contains(&format!("`{rebuild}`")),
        "{}",
        text(&tag)
    );
    // Pasted, the rebuild writes the package's changelog back, with its release.
    ok(repo.sh(rebuild));
    let log = repo.read("p/a/CHANGELOG.md");
    assert!(log.contains("## [1.0.0]") && log.contains("two"), "{log}");
}

#[test]
fn after_the_revert_the_named_sync_adds_the_missing_entry() {
    let (repo, _) = deleted_after_release();
    ok(repo.git_output(&["revert", "--no-edit", "HEAD~1"]));
    assert!(!repo.read("p/a/CHANGELOG.md").contains("two"));
    ok(repo.sh("relhook changelog --sync --package a"));
    assert!(repo.read("p/a/CHANGELOG.md").contains("two"));
}
