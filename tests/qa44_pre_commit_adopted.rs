//! QA44: installed before the first commit with pre-commit running relhook's post-commit
//! (no relhook shim for it), install left no `.git/relhook-adopted` note, taking the
//! configuration's call for an earlier install: doctor then did not know relhook was there
//! before the first commit, and a skipped first commit's missing CHANGELOG.md went unsaid.
//! Before any commit, install notes that nothing came before, however the hooks are taken.

use crate::support::{Repo, ok, pending, stdout, text};

#[test]
fn an_install_before_any_commit_notes_it_with_pre_commit_running_relhook() {
    let repo = Repo::new();
    repo.write(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: local\n    hooks:\n      - id: relhook-post-commit\n        name: relhook (changelog entry)\n        entry: relhook hook post-commit\n        language: system\n        stages: [post-commit]\n        always_run: true\n        pass_filenames: false\n",
    );
    let install = stdout(&pending(repo.relhook(&["install"])));
    assert!(
        install.contains("post-commit: .pre-commit-config.yaml runs relhook for it"),
        "{install}"
    );
    assert!(repo.path().join(".git/relhook-adopted").exists());
    repo.write("f", "x\n");
    repo.git(&["add", "f"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: add f"]));
    assert!(!repo.path().join("CHANGELOG.md").exists());
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains(
            "there is no CHANGELOG.md yet, and 1 commit since the last release calls for an entry"
        ),
        "{}",
        text(&out)
    );
}
