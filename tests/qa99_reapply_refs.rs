//! QA99: git's `Reapply "fix: x"` of the unreleased revert of `fix: x` with a `Refs: #12`
//! footer added `- x` beside the `- x (#12)` git's revert of the file had put back, as the
//! entry was read from the reapply's header alone; `--sync` then took `- x` out, and
//! `--rebuild` lists `- x (#12)` only. Now the reapply's entry is the change's own, read
//! through the revert its body names: nothing is added, and a reapply made by hand (HEAD's
//! changelog kept) gets `- x (#12)` back.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// `feat: base` and `fix: x` with a `Refs: #12` footer through the hooks, and git's revert of
/// the fix.
fn reverted() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: base");
    repo.commit_hooked("fix: x\n\nRefs: #12");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!unreleased(&repo).contains("- x"), "{}", unreleased(&repo));
    repo
}

fn unreleased(repo: &Repo) -> String {
    repo.read("CHANGELOG.md")
        .split("## [Unreleased]")
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

/// Post-commit, `--sync` and `--rebuild` agree on the one entry.
fn agreed(repo: &Repo, said: &str) {
    let log = unreleased(repo);
    assert!(log.contains("### Fixed\n\n- x (#12)\n"), "{said}\n{log}");
    assert!(!log.contains("- x\n"), "{said}\n{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    assert!(rebuilt.contains("### Fixed\n\n- x (#12)\n"), "{rebuilt}");
}

#[test]
fn git_s_reapply_adds_no_second_entry() {
    let repo = reverted();
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("`- x (#12)` is back in Unreleased"), "{said}");
    agreed(&repo, &said);
}

#[test]
fn a_reapply_made_by_hand_gets_the_change_s_own_entry() {
    let repo = reverted();
    repo.git(&["revert", "--no-commit", "HEAD"]);
    repo.git(&["checkout", "HEAD", "--", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("added `- x (#12)` under Fixed"), "{said}");
    agreed(&repo, &said);
}
