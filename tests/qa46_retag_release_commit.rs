//! QA46: pre-push's advice after a history rewrite moves each release tag onto its rewritten
//! release commit (`git tag -d a-v1.0.0 && git tag -a a-v1.0.0 -m a-v1.0.0 NEW`). Pasted, the
//! delete went through and the re-creation was refused: `b` requires `a ^2.0.0` in HEAD's
//! files, which 1.0.0 does not meet. A tag on a commit that has its release already makes no
//! release commit, so HEAD's requirements are no reason to refuse it.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// An npm workspace: `a` 1.0.0 and `b` 0.2.0, which requires `a ^1.0.0`; released together,
/// then `a` 2.0.0 (a breaking change), whose release moves `b`'s requirement to `^2.0.0`.
fn released_twice() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"root\",\"private\":true,\"workspaces\":[\"packages/*\"]}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write(
        "packages/b/package.json",
        "{\n  \"name\": \"b\",\n  \"version\": \"0.2.0\",\n  \"dependencies\": { \"a\": \"^1.0.0\" }\n}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"packages/a\"\n[packages.b]\npath = \"packages/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/i.js", "x\n");
    repo.write("packages/b/i.js", "y\n");
    repo.git(&["add", "-A"]);
    commit_all(&repo, "feat: a and b index");
    ok(repo.relhook(&["release", "--all", "--no-test"]));
    repo.write("packages/a/i.js", "z\n");
    commit_all(&repo, "feat!: a breaks");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    assert!(
        repo.read("packages/b/package.json")
            .contains("\"a\": \"^2.0.0\""),
        "{}",
        repo.read("packages/b/package.json")
    );
    repo
}

/// Commits what is staged and changed through the hooks; panics when refused.
fn commit_all(repo: &Repo, message: &str) {
    ok(repo.git_output(&["commit", "-q", "-am", message]));
}

#[test]
fn an_older_package_tag_made_again_on_its_release_commit_is_not_judged_by_head() {
    let repo = released_twice();
    for tag in ["a-v1.0.0", "b-v0.2.0"] {
        let commit = repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]);
        ok(repo.git_output(&["tag", "-d", tag]));
        let out = hand_tag(&repo, &["-a", tag, "-m", tag, &commit]);
        assert!(out.status.success(), "{tag}: {}", text(&out));
        assert!(
            !stderr(&out).contains("does not meet"),
            "{tag}: {}",
            text(&out)
        );
        assert_eq!(
            repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]),
            commit
        );
    }
}

#[test]
fn pasting_the_advice_to_move_the_tags_after_a_reword_works() {
    let repo = released_twice();
    repo.with_origin();
    let first = repo.git(&["rev-list", "--max-parents=0", "HEAD"]);
    // Reword the first commit, as the advice's `git rebase -i --root` does: every commit above
    // it, the release commits too, gets a new id.
    ok(repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "--root"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i '1s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i '1s/.*/chore: begin/'"),
        ],
    ));
    assert_ne!(repo.git(&["rev-list", "--max-parents=0", "HEAD"]), first);
    for tag in ["a-v1.0.0", "b-v0.2.0", "a-v2.0.0", "b-v0.2.1"] {
        let new = repo.git(&[
            "log",
            "--format=%h",
            &format!("--grep=^chore(release): .*{tag}"),
            "-1",
        ]);
        let line = format!("git tag -d {tag} && git tag -a {tag} -m {tag} {new}");
        let out = repo.sh(&line);
        assert!(out.status.success(), "{line}: {}", text(&out));
        assert_eq!(repo.git(&["tag", "-l", tag]), tag);
    }
    ok(repo.git_output(&["push", "-q", "origin", "main", "--follow-tags"]));
}
