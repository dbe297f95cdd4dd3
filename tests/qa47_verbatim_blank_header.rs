//! QA47: a verbatim message whose first line is whitespace only (`--cleanup=verbatim`,
//! `commit.cleanup = verbatim`) passed the commit-msg hook, which skipped git's cleanup mode for
//! a message with no comment line and so judged it as whitespace cleanup would store it. Git
//! stores the blank first line as the header, which post-commit, `lint`, `check` and pre-push
//! all refuse. The hook now refuses it too, with the same error.

use crate::support::{Repo, ok, text};

fn installed() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("chore: init");
    repo
}

fn refused(repo: &Repo, args: &[&str]) {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(args);
    let said = text(&out);
    assert!(!out.status.success(), "{args:?} was committed:\n{said}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{said}");
    assert!(said.contains("header-format"), "{said}");
    assert!(!said.contains("not a Conventional Commit"), "{said}");
}

#[test]
fn a_blank_first_line_kept_verbatim_is_refused_by_the_hook() {
    let repo = installed();
    let msg = repo.scratch("m").join("msg");
    std::fs::write(&msg, "  \n\nfix: leading blank line\n").unwrap();
    let msg = msg.to_str().unwrap();
    refused(
        &repo,
        &["commit", "--allow-empty", "--cleanup=verbatim", "-F", msg],
    );
    refused(
        &repo,
        &[
            "-c",
            "commit.cleanup=verbatim",
            "commit",
            "--allow-empty",
            "-F",
            msg,
        ],
    );
    refused(
        &repo,
        &[
            "commit",
            "--allow-empty",
            "--cleanup=verbatim",
            "-m",
            "  ",
            "-m",
            "fix: x",
        ],
    );
    // The same message under git's default cleanup loses its blank line and passes.
    ok(repo.git_output(&["commit", "--allow-empty", "-q", "-F", msg]));
    assert_eq!(repo.head_subject(), "fix: leading blank line");
}
