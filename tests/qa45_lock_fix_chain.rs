//! QA45: the lock-file fix after a hand-tagged release (`git tag -d v0.1.0 && git add
//! Cargo.lock && git commit … && git tag -a v0.1.0 …`) made post-commit warn of an
//! "interrupted release" with `relhook release --resume`, which run then would have tagged the
//! release without the lock file. The tag is deleted after the commit now: no warning.

use crate::support::{hand_tag, installed_repo, ok, stderr, text};

#[test]
fn the_lock_file_fix_pasted_warns_of_no_interrupted_release() {
    let repo = installed_repo();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"sh\", \"-c\", \"echo pinned > deps.lock\"]\n",
    );
    ok(repo.git_output(&["add", "."]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "chore: cfg"]));
    repo.commit_hooked("feat: two");
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    let out = ok(repo.relhook(&["test"]));
    let err = stderr(&out);
    let at = err
        .find("`git add :/deps.lock")
        .expect("the lock file's fix")
        + 1;
    let chain = &err[at..at + err[at..].find('`').unwrap()];
    assert!(
        chain.contains("&& RELHOOK_SKIP=1 git tag -f -a v0.1.0 "),
        "{chain}"
    );
    let out = ok(repo.sh(chain));
    assert!(
        !text(&out).contains("interrupted release"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
