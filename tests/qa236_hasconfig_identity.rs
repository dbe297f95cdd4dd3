//! QA236: an identity git takes from a file included on a remote's URL
//! (`[includeIf "hasconfig:remote.*.url:…"]` in `~/.gitconfig`: a work address for a work
//! remote's clones). libgit2 never weighs that condition, so relhook's release commit, whose
//! author and committer it works out in-process, carried the home address while git's own
//! commits and the release tag carried the work one. Such a condition now leaves it to git.

use crate::support::{Repo, relhook_bin, text};

#[test]
fn a_release_commit_takes_the_identity_git_includes_for_the_remote() {
    let repo = Repo::new();
    std::fs::write(
        repo.home().join("work.gitconfig"),
        "[user]\n\temail = work@example.com\n",
    )
    .unwrap();
    std::fs::write(
        repo.home().join(".gitconfig"),
        format!(
            "[user]\n\tname = Home\n\temail = home@example.com\n[includeIf \"hasconfig:remote.*.url:https://work.example.com/**\"]\n\tpath = {}\n",
            repo.home().join("work.gitconfig").display()
        ),
    )
    .unwrap();
    let git = |args: &[&str]| {
        let mut cmd = repo.command_in("git", &repo.path());
        cmd.env_remove("GIT_CONFIG_GLOBAL")
            .env_remove("GIT_AUTHOR_EMAIL")
            .env_remove("GIT_COMMITTER_EMAIL")
            .env_remove("GIT_AUTHOR_NAME")
            .env_remove("GIT_COMMITTER_NAME")
            .args(args);
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    git(&["remote", "add", "origin", "https://work.example.com/a.git"]);
    assert_eq!(git(&["config", "user.email"]), "work@example.com");
    git(&["commit", "-q", "--allow-empty", "-m", "feat: one"]);
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env_remove("GIT_CONFIG_GLOBAL")
        .env_remove("GIT_AUTHOR_EMAIL")
        .env_remove("GIT_COMMITTER_EMAIL")
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_COMMITTER_NAME")
        .args(["release", "--no-test"]);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        git(&["log", "-1", "--format=%s %ae %ce"]),
        "chore(release): 0.1.0 work@example.com work@example.com",
        "{}",
        text(&out)
    );
}
