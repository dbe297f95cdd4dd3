//! `.git/hooks` as a link to a folder the repository tracks (`ln -s ../scripts/hooks
//! .git/hooks`, an old and common set-up script): the same as `core.hooksPath` naming that
//! folder. install does not write the team's files unless told `--shared`, and doctor names
//! relhook's files that `git status` shows there.

use crate::support::{Repo, chmod, ok, stdout, text};

const TEAM_HOOK: &str = "#!/bin/sh\necho team >>.git/ran\n";

/// A repository tracking `scripts/hooks/commit-msg`, with `.git/hooks` linked to that folder.
fn linked_team_hooks() -> Repo {
    let repo = Repo::new();
    repo.write("scripts/hooks/commit-msg", TEAM_HOOK);
    chmod(&repo.path().join("scripts/hooks/commit-msg"), 0o755);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: team hooks"]);
    let hooks = repo.path().join(".git/hooks");
    std::fs::remove_dir_all(&hooks).unwrap();
    std::os::unix::fs::symlink("../scripts/hooks", &hooks).unwrap();
    repo
}

#[test]
fn install_refuses_to_write_the_teams_hooks_through_a_link() {
    let repo = linked_team_hooks();
    let out = repo.relhook(&["install"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("scripts/hooks"), "{said}");
    assert!(said.contains("which this repository tracks"), "{said}");
    assert!(said.contains("relhook install --shared"), "{said}");
    assert_eq!(repo.read("scripts/hooks/commit-msg"), TEAM_HOOK);
    assert!(repo.git(&["status", "--short"]).is_empty(), "{said}");

    // The way out for this clone alone, as the refusal names it, works and leaves a clean tree.
    let hooks = repo.path().join(".git/hooks");
    assert!(said.contains("rm \"$(git rev-parse --show-toplevel)\"/.git/hooks && mkdir \"$(git rev-parse --show-toplevel)\"/.git/hooks"), "{said}");
    std::fs::remove_file(&hooks).unwrap();
    std::fs::create_dir(&hooks).unwrap();
    ok(repo.relhook(&["install"]));
    assert!(repo.git(&["status", "--short"]).is_empty());
    repo.commit_hooked("feat: one");
    assert!(repo.read("CHANGELOG.md").contains("- one"));
}

#[test]
fn shared_install_through_a_link_says_to_commit_and_doctor_names_the_files() {
    let repo = linked_team_hooks();
    let out = ok(repo.relhook(&["install", "--shared"]));
    assert!(stdout(&out).contains("commit them"), "{}", text(&out));
    let doctor = repo.relhook(&["doctor"]);
    let said = text(&doctor);
    assert_ne!(doctor.status.code(), Some(0), "{said}");
    assert!(said.contains("scripts/hooks/post-applypatch"), "{said}");
    // Committed for the team, all is well again.
    repo.git(&["add", "scripts/hooks"]);
    let commit = repo.git_output(&["commit", "-q", "-m", "chore: relhook's hooks for the team"]);
    assert!(commit.status.success(), "{}", text(&commit));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}

/// husky 9 and relhook, then a linked worktree (`git worktree add`): `.husky/_` is per
/// checkout, so nothing runs there, and husky's own `npx husky` writes no reference-transaction
/// runner. doctor's one fix line for that hook is the one that finishes the job.
#[test]
fn husky_in_a_new_worktree_gets_one_fix_that_finishes() {
    let repo = Repo::new();
    repo.commit("chore: start");
    crate::hook_files::husky_9_runners(&repo);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", ".husky"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: husky"]);
    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", wt.to_str().unwrap(), "-b", "side"]);
    let doctor = repo.relhook_in(&wt, &["doctor"]);
    let said = stdout(&doctor);
    let line = said
        .lines()
        .skip_while(|l| !l.contains("hook reference-transaction"))
        .find(|l| l.trim_start().starts_with("fix:"))
        .unwrap_or_default();
    assert_eq!(line.trim(), "fix: npx husky && relhook install", "{said}");

    // What that does: husky's runners (its own list), then relhook's beside them.
    let (from, to) = (repo.path().join(".husky/_"), wt.join(".husky/_"));
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(&from).unwrap().flatten() {
        if e.file_name() != "reference-transaction" {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
    ok(repo.relhook_in(&wt, &["install"]));
    let doctor = repo.relhook_in(&wt, &["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}
