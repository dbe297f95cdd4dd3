//! QA38: a Ctrl-C reaches the whole process group, git's `git tag` included, and can land
//! after git made the tag but before it exited. `relhook release` took git's failure for the
//! tagging step's, undid the release commit and said "nothing was released", leaving the tag
//! on a commit no branch holds. Now the tag git made is the step done, and the release stands.

use crate::support::{make_executable, path_with, stderr, text, untested_installed};

#[test]
fn a_signal_after_git_made_the_tag_leaves_the_release_complete() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let bin = signalling_git(&repo);
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .env("PATH", path_with(&[&bin]))
        .args(["release", "--no-test"])
        .output()
        .unwrap();
    let said = stderr(&out);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!said.contains("nothing was released"), "{said}");
    assert!(
        said.contains("SIGINT came once v0.1.0 was made: the release is complete"),
        "{said}"
    );
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(repo.is_clean());
}

/// The same for a package's release, said in the same words (one tag: `was`).
#[test]
fn a_signal_after_git_made_a_packages_tag_leaves_its_release_complete() {
    let repo = crate::support::two_packages(
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
        "{\"name\":\"b\",\"version\":\"2.0.0\"}\n",
    );
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: a x"]);
    let bin = signalling_git(&repo);
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .env("PATH", path_with(&[&bin]))
        .args(["release", "--package", "a", "--no-test"])
        .output()
        .unwrap();
    let said = stderr(&out);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        said.contains("SIGINT came once a-v1.0.0 was made: the release is complete"),
        "{said}"
    );
    assert!(repo.is_clean());
}

/// A folder with a `git` that tags, then signals its parent (relhook) and dies of the signal
/// before exiting cleanly, as a Ctrl-C reaching both can.
fn signalling_git(repo: &crate::support::Repo) -> std::path::PathBuf {
    let bin = repo.scratch("bin");
    let real = crate::support::git_abs();
    std::fs::write(
        bin.join("git"),
        format!(
            "#!/bin/sh\nif [ \"$1\" = tag ] && [ \"$2\" = -a ]; then\n  '{}' \"$@\" || exit $?\n  kill -INT $PPID\n  exit 130\nfi\nexec '{}' \"$@\"\n",
            real.display(),
            real.display()
        ),
    )
    .unwrap();
    make_executable(&bin.join("git"));
    bin
}
