//! A `lefthook.yml` beside husky's `.husky/_` (a project moving from one to the other, or
//! lefthook's npm package writing its example file): git runs husky's hooks, `relhook install`
//! wires husky alone, and doctor judges husky alone, so its advice is never a `relhook install`
//! that changes nothing.

use crate::hook_files::husky_9_runners;
use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctor_judges_only_the_manager_install_wires() {
    let repo = Repo::new();
    husky_9_runners(&repo);
    repo.write(".husky/pre-commit", "true\n");
    let example = "# pre-push:\n#   jobs:\n#     - run: yarn audit\n";
    repo.write("lefthook.yml", example);
    repo.git(&["add", "-A"]);
    repo.commit("chore: init");
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: run relhook through husky"]));

    let d = repo.relhook(&["doctor"]);
    let out = stdout(&d);
    assert!(!out.contains("via lefthook"), "{}", text(&d));
    assert!(out.contains("hook commit-msg (via husky)"), "{}", text(&d));
    assert_eq!(d.status.code(), Some(0), "{}", text(&d));
    // Installing again changes nothing: there was nothing for it to fix.
    ok(repo.relhook(&["install"]));
    assert_eq!(repo.read("lefthook.yml"), example);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    // The hand tag's hook is husky's too: the tag becomes a release.
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: x"]));
    ok(repo.git_output(&["tag", "-a", "v0.1.0", "-m", "x"]));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
}
