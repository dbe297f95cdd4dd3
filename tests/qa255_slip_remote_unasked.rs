//! QA255: whether a slip of the release tags' prefix that a branch push leaves behind is on the
//! remote already was told only by `git ls-remote`; when that failed (the remote unreachable
//! for it), the slip was said to stay behind, with `git tag -d`, even where the remote had it.
//! Now one line says the remote could not be asked, how to tell, and what to do either way.

use crate::support::{Repo, ok, released_and_pushed, stderr};

/// v0.1.0 released and pushed, `fix: b` committed, and `0.1.1` tagged on HEAD past the hook;
/// pushed alone past pre-push when `alone`.
fn slipped(alone: bool) -> Repo {
    let repo = released_and_pushed("[checks]\nrequire_tested_tags = false\n");
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1", "-m", "0.1.1"]));
    if alone {
        ok(repo.git_skipping_relhook(&["push", "-q", "origin", "0.1.1"]));
    }
    // `git ls-remote` runs upload-pack, which now fails; a push runs receive-pack.
    repo.git(&["config", "remote.origin.uploadpack", "false"]);
    repo
}

/// The lines a push of `main` says about tag 0.1.1 (the push goes).
fn said(repo: &Repo) -> Vec<String> {
    let out = ok(repo.git_output(&["push", "origin", "main"]));
    let err = stderr(&out);
    err.lines()
        .filter(|l| l.contains("0.1.1"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_slip_the_remote_has_is_not_said_to_stay_behind_when_the_remote_cannot_be_asked() {
    let repo = slipped(true);
    let lines = said(&repo);
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert!(
        line.contains("origin could not be asked whether it has it already (`git ls-remote` failed): if `git ls-remote --tags origin refs/tags/0.1.1` lists it, keep it")
            && !line.contains("stays behind")
            && !line.contains("panicked"),
        "{line}"
    );
    // The command it names tells, once the remote answers.
    repo.git(&["config", "--unset", "remote.origin.uploadpack"]);
    assert!(
        repo.git(&["ls-remote", "--tags", "origin", "refs/tags/0.1.1"])
            .contains("0.1.1")
    );
}

#[test]
fn a_slip_only_here_gets_the_same_line_with_its_fix() {
    let repo = slipped(false);
    let lines = said(&repo);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("origin could not be asked")
            && lines[0].contains("if not, it makes no release and every later `relhook version` and release here would stop at it: delete it (`git tag -d 0.1.1`), then release v0.1.1: `relhook release 0.1.1`"),
        "{lines:?}"
    );
}
