//! QA235: with the repository named by `GIT_DIR` and `GIT_WORK_TREE` from another folder,
//! `relhook release`'s last line named its push with the two variables ahead of it, but not
//! the other push in its parentheses (`(or: git push origin HEAD v0.1.0; …)`): pasted there,
//! that one found no repository. Both carry them now, and the second pushes pasted.

use crate::support::{Repo, ok, relhook_bin, stderr, text, untested_installed};

/// The command after `(or: ` on a `next: ` line, up to `;` or `)`.
fn or_command(err: &str) -> String {
    let line = err.lines().find(|l| l.starts_with("next: ")).unwrap();
    let at = line.find("(or: ").unwrap_or_else(|| panic!("{err}")) + "(or: ".len();
    line[at..].split([';', ')']).next().unwrap().to_owned()
}

#[test]
fn the_other_push_of_a_release_works_pasted_where_git_dir_named_the_repository() {
    let repo: Repo = untested_installed();
    let remote = repo.with_origin();
    repo.commit_hooked("feat: one");
    let top = repo.path().canonicalize().unwrap();
    let git_dir = top.join(".git");
    let elsewhere = repo.scratch("elsewhere");
    let out = repo
        .command_in(relhook_bin(), &elsewhere)
        .env("GIT_DIR", &git_dir)
        .env("GIT_WORK_TREE", &top)
        .arg("release")
        .output()
        .unwrap();
    let out = ok(out);
    let command = or_command(&stderr(&out));
    let prefix = format!(
        "GIT_DIR={} GIT_WORK_TREE={} ",
        git_dir.display(),
        top.display()
    );
    assert_eq!(command, format!("{prefix}git push -u origin HEAD v0.1.0"));
    let pasted = repo
        .command_in("sh", &elsewhere)
        .args(["-c", &command])
        .output()
        .unwrap();
    assert!(pasted.status.success(), "{command}\n{}", text(&pasted));
    let tags = repo.git(&["--git-dir", remote.to_str().unwrap(), "tag", "-l"]);
    assert_eq!(tags, "v0.1.0");
}
