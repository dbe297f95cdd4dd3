//! QA236: a `core.sharedRepository` value git refuses (a mode such as `0440` that locks the
//! owner out, or a word that is neither a mode nor a boolean such as `foo`). git dies at its
//! first write in the repository (`git commit`, `git tag`, `git update-ref`, `git status`),
//! with "problem with core.sharedRepository filemode value" or "bad boolean config value";
//! reading (`git log`) goes on. relhook took such a value for "not shared" without a word: it
//! wrote the changelog, a release's objects and commit, and then failed at git's tag with
//! git's message. It now refuses before writing anything, in one line with the fix.

use crate::support::{Repo, listing, stderr, text};

/// A repository with a `feat:` commit to release and to sync, set to `value` (set once: git
/// refuses to write its config again after that).
fn set_to(value: &str) -> Repo {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.commit("feat: one");
    repo.git(&["config", "core.sharedRepository", value]);
    let out = repo.git_output(&["update-ref", "refs/x", "HEAD"]);
    assert_eq!(out.status.code(), Some(128), "git refuses {value}");
    repo
}

/// relhook's line for `value`, which git refuses for `why`.
fn refused(value: &str, why: &str) -> String {
    format!(
        "relhook: error: core.sharedRepository is `{value}`, a value git refuses ({why}): git writes nothing in the repository with it, and neither does relhook; set `group` or a mode such as `0660` (`git -c core.sharedRepository=umask config core.sharedRepository group`), or unset it (`git -c core.sharedRepository=umask config --unset core.sharedRepository`)"
    )
}

#[test]
fn a_release_writes_nothing_under_a_mode_git_refuses() {
    let repo = set_to("0440");
    let git_dir = repo.path().join(".git");
    let stores = || {
        [
            listing(&git_dir.join("objects")),
            listing(&git_dir.join("refs")),
        ]
    };
    let before = stores();
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let why = "a mode that does not let the owner of files read and write them";
    // Said first, as the refusal itself (qa246).
    let line = refused("0440", why).replace("relhook: error: ", "");
    assert!(stderr(&out).contains(&line), "{}", text(&out));
    assert!(stores() == before, "objects or refs were written");
    assert_eq!(repo.git(&["tag"]), "");
}

#[test]
fn a_sync_writes_nothing_under_a_value_git_refuses() {
    let repo = set_to("foo");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let why = "not a mode, `umask`, `group`, `all`, `world`, `everybody` or a boolean";
    assert_eq!(
        stderr(&out).trim_end(),
        refused("foo", why),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
    // The fix it names works, where `git config` alone is refused too.
    assert_eq!(
        repo.git_output(&["config", "core.sharedRepository", "group"])
            .status
            .code(),
        Some(128)
    );
    repo.git(&[
        "-c",
        "core.sharedRepository=umask",
        "config",
        "core.sharedRepository",
        "group",
    ]);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- one"));
}

/// A value `git -c` gives (passed down in the environment) is the one git reads, before the
/// files': a refused one refuses.
#[test]
fn a_value_given_by_git_dash_c_is_read_first() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.commit("feat: one");
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.env("GIT_CONFIG_PARAMETERS", "'core.sharedrepository'='0200'")
        .args(["changelog", "--sync"]);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "`git -c core.sharedRepository=0200` gives git a value it refuses (a mode that does not let the owner of files read and write them)"
        ),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
}
