//! QA94: a git dir whose path holds a line break (`git init --separate-git-dir "…g it's⏎here"`)
//! made doctor report every hook MISSING in `…here/hooks`: git's `rev-parse` answers were read
//! line by line. Each is now read whole, up to git's one terminator.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctor_finds_hooks_in_a_git_dir_whose_path_holds_a_line_break() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    let git_dir = repo.scratch("x").join("g it's\nhere");
    let moved = repo.git_output(&[
        "init",
        "-q",
        "--separate-git-dir",
        git_dir.to_str().unwrap(),
    ]);
    assert!(moved.status.success(), "{}", text(&moved));
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(!said.contains("MISSING"), "{said}");
    assert!(
        said.contains("ok  hook commit-msg: installed in ") && said.contains("g it's␊here/hooks"),
        "{said}"
    );
    let refused = repo.try_commit("not conventional");
    assert!(!refused.status.success(), "{}", text(&refused));
}
