//! QA51: `[release] branches = [""]` or `["ma in"]` was accepted, and every release was then
//! refused naming a blank branch ("releases are made from  (`release.branches`)") or one no
//! `git switch` can reach. Such an entry is refused at config load now, in one line with
//! file:line:col, like other bad values; a `*` pattern is still taken.

use crate::support::{installed_repo, ok, stderr};

#[test]
fn a_branch_name_git_refuses_is_refused_at_config_load() {
    let repo = installed_repo();
    for (branches, said) in [
        (
            "\"\"",
            "`release.branches`: an empty name matches no branch; remove it (`branches = []` lets releases be made from any branch)",
        ),
        (
            "\"ma in\"",
            "`release.branches`: `ma in` is no branch name git allows: it holds a space",
        ),
        (
            "\"main\", \"rel..x\"",
            "`release.branches`: `rel..x` is no branch name git allows: it holds `..`",
        ),
        (
            "\"v1~2\"",
            "`release.branches`: `v1~2` is no branch name git allows: it holds `~`",
        ),
    ] {
        repo.write(
            ".relconfig.toml",
            format!("[release]\nbranches = [{branches}]\n"),
        );
        let out = repo.relhook(&["release", "--dry-run"]);
        assert_eq!(out.status.code(), Some(2), "{branches}: {}", stderr(&out));
        let err = stderr(&out);
        let first = err.lines().next().unwrap();
        assert!(first.starts_with("relhook: error: "), "{err}");
        assert!(first.contains(".relconfig.toml:2:"), "{err}");
        assert!(first.ends_with(said), "{err}");
        assert!(!err.contains("releases are made from"), "{err}");
    }
    // A pattern is a branch name with `*`: taken, and `main` released from.
    repo.write(
        ".relconfig.toml",
        "[release]\nbranches = [\"release/*\", \"main\"]\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: release branches");
    ok(repo.relhook(&["release", "--dry-run"]));
}
