//! QA46: on a long history (vuejs/core's `minor`, 8,928 commits) `changelog --rebuild` took
//! 25 s and `version --next` 4 s: telling a cherry-pick from its original diffed every file
//! of every commit on both sides, reading both versions of each. Now a commit is diffed only
//! when one on the other side is worded as it and changed the same paths. A blobless clone
//! shows it: the old version of a file no such pair touches stays unfetched (before, the
//! diff wanted it and the command failed), while a pick is still known by its patch.

use std::path::{Path, PathBuf};

use crate::support::{Repo, ok, stdout, text, untested_installed};

/// Commits `file` with `content` (and whatever else was written) as `message`, through the
/// hooks.
fn commit_file(repo: &Repo, file: &str, content: &str, message: &str) {
    repo.write(file, content);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", message]);
}

/// main released 0.1.0 with `a.txt` and `b.txt`; branch `feature` changed both (`fix: the
/// bug` in b.txt, then `feat: more` in a.txt); main picked the fix without `-x`, released
/// 0.1.1 and merged `feature`. Served to partial clones.
fn picked_and_merged() -> Repo {
    let repo = untested_installed();
    repo.write("a.txt", "a\n");
    commit_file(&repo, "b.txt", "b\n", "feat: one");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.git(&["switch", "-q", "-c", "feature"]);
    commit_file(&repo, "b.txt", "b fixed\n", "fix: the bug");
    commit_file(&repo, "a.txt", "a more\n", "feat: more");
    repo.git(&["switch", "-q", "main"]);
    commit_file(&repo, "c.txt", "c\n", "docs: a note");
    ok(repo.git_output(&["cherry-pick", "feature~1"]));
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["merge", "-q", "--no-edit", "feature"]));
    repo.git(&["config", "uploadpack.allowFilter", "true"]);
    repo
}

/// A blobless clone (`git clone --filter=blob:none`) of `repo`.
fn blobless_clone(repo: &Repo) -> PathBuf {
    let url = format!("file://{}", repo.path().display());
    let args = ["clone", "-q", "--filter=blob:none", &url, "pc"];
    ok(repo.git_in(repo.dir.path(), &args, &[]));
    repo.dir.path().join("pc")
}

/// Whether the clone at `dir` holds object `id`, without fetching it.
fn holds(repo: &Repo, dir: &Path, id: &str) -> bool {
    let args = ["cat-file", "-e", id];
    let out = repo.git_in(dir, &args, &[("GIT_NO_LAZY_FETCH", "1")]);
    out.status.success()
}

#[test]
fn a_copy_is_told_by_diffing_only_commits_worded_alike_on_the_same_paths() {
    let repo = picked_and_merged();
    let old_a = repo.git(&["rev-parse", "v0.1.0:a.txt"]);
    let pc = blobless_clone(&repo);
    assert!(
        !holds(&repo, &pc, &old_a),
        "the clone must lack a.txt's first version"
    );
    let next = repo.relhook_in(&pc, &["version", "--next"]);
    assert_eq!(stdout(&next).trim(), "0.1.2", "{}", text(&next));
    for args in [&["--sync", "--stdout"][..], &["--rebuild", "--stdout"]] {
        let out = repo.relhook_in(&pc, &[&["changelog"][..], args].concat());
        assert!(out.status.success(), "{args:?}\n{}", text(&out));
        let said = stdout(&out);
        assert_eq!(said.matches("- the bug").count(), 1, "{args:?}\n{said}");
        let unreleased = said.split("\n## [0").next().unwrap_or("");
        assert!(unreleased.contains("- more"), "{args:?}\n{said}");
        assert!(!unreleased.contains("the bug"), "{args:?}\n{said}");
    }
    // No commit worded as `feat: more` was released: a.txt's first version was never wanted.
    assert!(
        !holds(&repo, &pc, &old_a),
        "a.txt's first version was fetched"
    );
}
