//! QA51: `relhook install` over an existing post-applypatch hook said it "is kept as
//! post-applypatch.relhook-orig and runs first (it can still veto)"; git ignores
//! post-applypatch's exit (the patch is committed already), so a failing kept hook vetoes
//! nothing. The line now says so, as post-commit's does.

use crate::support::{Repo, make_executable, ok, stdout, text};

#[test]
fn install_says_git_ignores_a_kept_post_applypatch_hook_s_exit() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("post-applypatch");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\necho user-hook-fails >&2\nexit 1\n").unwrap();
    make_executable(&hook);
    let out = ok(repo.relhook(&["install"]));
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.starts_with("installed post-applypatch"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(
        line.ends_with(
            "kept as post-applypatch.relhook-orig and runs first (git ignores either's exit)"
        ),
        "{line}"
    );
    assert!(!said.contains("veto"), "{said}");
}
