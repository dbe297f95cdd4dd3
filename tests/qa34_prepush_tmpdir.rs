//! QA34: with a pre-push hook kept from before `relhook install`, the shim copied the pushed
//! refs to a temporary file under TMPDIR; a TMPDIR that did not exist failed every push with
//! mktemp's message only, `RELHOOK_SKIP=1` included. The refs are now kept in a variable.

use crate::support::{Repo, text};

#[test]
fn a_kept_pre_push_hook_and_relhook_both_read_the_refs_without_a_temporary_file() {
    let repo = Repo::new();
    let seen = repo.path().join(".git/seen-by-kept-hook");
    let hook = repo.path().join(".git/hooks/pre-push");
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, format!("#!/bin/sh\ncat > '{}'\n", seen.display())).unwrap();
    crate::support::chmod(&hook, 0o755);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.with_origin();
    repo.commit_hooked("feat: one");
    for skip in ["", "1"] {
        let out = repo
            .command_in("git", &repo.path())
            .env("TMPDIR", "/nonexistent/relhook-qa34")
            .env("RELHOOK_SKIP", skip)
            .args(["push", "-q", "origin", "main"])
            .output()
            .unwrap();
        assert!(out.status.success(), "RELHOOK_SKIP={skip}: {}", text(&out));
        let refs = std::fs::read_to_string(&seen).unwrap();
        assert!(refs.starts_with("refs/heads/main "), "{refs}");
        assert!(
            refs.ends_with('\n') && refs.lines().count() == 1,
            "{refs:?}"
        );
        repo.commit_hooked(&format!("fix: after push {skip}"));
    }
    // relhook read them too: a commit that dodged commit-msg is refused.
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "--allow-empty",
        "-m",
        "not conventional",
    ]);
    let out = repo
        .command_in("git", &repo.path())
        .env("TMPDIR", "/nonexistent/relhook-qa34")
        .args(["push", "-q", "origin", "main"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("not conventional"), "{}", text(&out));
}
