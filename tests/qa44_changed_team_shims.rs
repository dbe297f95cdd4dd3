//! QA: committed shared shims that a newer relhook rewrote (`relhook install --shared` over
//! an older relhook's) were called "not committed", and install and doctor named `relhook
//! uninstall` as the undo, which refuses committed hooks. The changed shims are said to
//! differ from the committed ones now, with `git checkout HEAD -- .githooks` as the undo.

use crate::support::{Repo, ok, stderr, stdout, text};

#[test]
fn shims_changed_from_the_committed_ones_name_checkout_as_the_undo() {
    let repo = Repo::new();
    repo.write(".githooks/.keep", "");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    ok(repo.relhook(&["install", "--shared"]));
    // The shims an older relhook committed.
    for hook in [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
    ] {
        let path = format!(".githooks/{hook}");
        let Ok(text) = std::fs::read_to_string(repo.path().join(&path)) else {
            continue;
        };
        let older = text.replace("relhook-shim v", "relhook-shim v1");
        if older != text {
            repo.write(&path, &older);
        }
    }
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&[
        "-c",
        "core.hooksPath=/dev/null",
        "commit",
        "-q",
        "-m",
        "chore: old shims",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let install = ok(repo.relhook(&["install", "--shared"]));
    let said = format!("{}{}", stdout(&install), stderr(&install));
    assert!(
        said.contains("now differ from the ones committed"),
        "{said}"
    );
    assert!(
        said.contains("`git checkout HEAD -- :/.githooks` puts the committed ones back"),
        "{said}"
    );
    assert!(!said.contains("relhook uninstall"), "{said}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("relhook's hooks in .githooks differ from the ones committed"),
        "{doctor}"
    );
    assert!(
        doctor.contains("or git checkout HEAD -- :/.githooks (puts the committed ones back)"),
        "{doctor}"
    );
    // The undo named works.
    ok(repo.git_output(&["checkout", "HEAD", "--", ".githooks"]));
    assert!(repo.is_clean());
}
