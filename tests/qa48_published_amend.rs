//! QA48: `git commit --amend` of a pushed release commit that added a file. post-commit,
//! doctor and pre-push advised `git reset --keep <tagged>` "and commit changes on top":
//! pasted, it took the amend's changes out of the index and the work tree (only the reflog
//! had them), leaving nothing to commit. The advice is now `git reset --soft <tagged>`, which
//! keeps them staged; pasted, then committed, the branch pushes on top of the release.

use std::process::Output;

use crate::support::{Repo, configured_with_a_feature, ok, stderr, stdout, text};

/// A release 0.1.0 pushed with its tag, then its release commit amended: with `extra.txt`
/// added (`content`), or with only its message changed. The amend's output is returned.
fn amended_after_push(content: bool) -> (Repo, Output) {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    repo.with_origin();
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let out = if content {
        repo.write("extra.txt", "important work\n");
        repo.git(&["add", "extra.txt"]);
        repo.git_output(&["commit", "-q", "--amend", "--no-edit"])
    } else {
        repo.git_output(&["commit", "-q", "--amend", "-m", "chore: cut 0.1.0"])
    };
    (repo, ok(out))
}

/// The `git reset …` command a message names between backticks.
fn reset_in(said: &str) -> String {
    let at = said
        .find("`git reset")
        .unwrap_or_else(|| panic!("no reset advised:\n{said}"));
    said[at + 1..].split('`').next().unwrap().to_owned()
}

/// Pastes `command`, then checks that the amend's file survived and that, committed on top,
/// the branch pushes with the release tag where it was.
fn pasted_keeps_the_file(repo: &Repo, command: &str) {
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    ok(repo.sh(command));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), tagged);
    assert_eq!(repo.read("extra.txt"), "important work\n");
    assert_eq!(repo.git(&["status", "--porcelain"]), "A  extra.txt");
    repo.commit_hooked("fix: add the extra file");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), tagged);
}

#[test]
fn the_amend_warning_advises_a_reset_that_keeps_the_added_file() {
    let (repo, out) = amended_after_push(true);
    let said = stderr(&out);
    assert!(
        said.contains("keeps the rewrite's changes staged, then `git commit`")
            && !said.contains("--keep"),
        "{said}"
    );
    pasted_keeps_the_file(&repo, &reset_in(&said));
}

#[test]
fn doctors_fix_keeps_the_added_file() {
    let (repo, _) = amended_after_push(true);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let fix = doctor
        .lines()
        .skip_while(|l| !l.contains("INVALID  tag v0.1.0"))
        .find_map(|l| l.trim().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix for v0.1.0:\n{doctor}"));
    assert!(fix.starts_with("git reset --soft "), "{doctor}");
    assert!(
        doctor.contains("the changes staged to commit on top"),
        "{doctor}"
    );
    pasted_keeps_the_file(&repo, fix);
}

#[test]
fn pre_pushs_refusal_advises_a_reset_that_keeps_the_added_file() {
    let (repo, _) = amended_after_push(true);
    // Forced, as git itself rejects the rewrite otherwise, before pre-push runs.
    let out = repo.git_output(&["push", "-q", "--force-with-lease", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(!said.contains("git reset --keep"), "{said}");
    pasted_keeps_the_file(&repo, &reset_in(&said));
}

#[test]
fn a_message_only_amend_goes_back_with_nothing_to_commit() {
    let (repo, out) = amended_after_push(false);
    let said = stderr(&out);
    assert!(
        said.contains("the rewrite changed only the message"),
        "{said}"
    );
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    ok(repo.sh(&reset_in(&said)));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), tagged);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
}
