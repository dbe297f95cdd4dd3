//! QA64: fixes that name a path in a shell command named it from the top of the work tree
//! (`rm CHANGELOG.md && git checkout -- CHANGELOG.md` for a changelog that is a FIFO, `rm
//! .git/hooks && mkdir .git/hooks` for a hooks link into a tracked folder, `echo /hk/ >>
//! .git/info/exclude`), so pasted in a folder below it they failed or acted on another path.
//! Each is pasted here in `sub/`.

use crate::support::{Repo, installed_repo, ok, path_with, stderr, text};

/// The commands in backquotes in `line`.
fn commands(line: &str) -> Vec<String> {
    line.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The command in `said` that starts with `start`.
fn command_starting(said: &str, start: &str) -> String {
    commands(said)
        .into_iter()
        .find(|c| c.starts_with(start))
        .unwrap_or_else(|| panic!("no `{start}…` in:\n{said}"))
}

/// `line` run by `sh` in `sub/`, with the binary under test first on PATH.
fn paste_in_sub(repo: &Repo, line: &str) -> std::process::Output {
    let sub = repo.path().join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    repo.command_in("sh", &sub)
        .env("PATH", path_with(&[&repo.relhook_on_path()]))
        .args(["-c", line])
        .output()
        .expect("run sh")
}

#[cfg(unix)]
#[test]
fn a_fifo_changelogs_fix_works_pasted_below_the_top() {
    let repo = installed_repo();
    let committed = repo.read("CHANGELOG.md");
    let log = repo.path().join("CHANGELOG.md");
    std::fs::remove_file(&log).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&log).status();
    assert!(made.is_ok_and(|s| s.success()));
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    let out = repo.relhook_in(&repo.path().join("sub"), &["changelog", "--sync"]);
    assert!(!out.status.success(), "{}", text(&out));
    let fix = command_starting(&stderr(&out), "rm ");
    assert!(fix.contains("git checkout -- "), "{fix}");
    let pasted = paste_in_sub(&repo, &fix);
    assert!(pasted.status.success(), "{fix}: {}", text(&pasted));
    assert!(log.is_file());
    assert_eq!(repo.read("CHANGELOG.md"), committed);
    assert!(!repo.path().join("sub/CHANGELOG.md").exists());
}

#[cfg(unix)]
#[test]
fn the_fix_for_a_hooks_link_into_a_tracked_folder_works_pasted_below_the_top() {
    let repo = Repo::new();
    repo.write(".githooks/team-hook", "#!/bin/sh\n");
    repo.write("sub/keep.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: team hooks"]);
    let hooks = repo.path().join(".git/hooks");
    std::fs::remove_dir_all(&hooks).unwrap();
    std::os::unix::fs::symlink("../.githooks", &hooks).unwrap();
    let out = repo.relhook_in(&repo.path().join("sub"), &["install"]);
    assert!(!out.status.success(), "{}", text(&out));
    let fix = command_starting(&stderr(&out), "rm ");
    let pasted = paste_in_sub(&repo, &fix);
    assert!(pasted.status.success(), "{fix}: {}", text(&pasted));
    let meta = hooks.symlink_metadata().unwrap();
    assert!(meta.is_dir(), "{fix} left .git/hooks a link");
    assert!(repo.path().join(".githooks/team-hook").exists());
    assert!(!repo.path().join("sub/.git").exists());
    ok(repo.relhook_in(&repo.path().join("sub"), &["install"]));
}

#[test]
fn the_note_for_an_untracked_hooks_folder_works_pasted_below_the_top() {
    let repo = Repo::new();
    repo.write("sub/keep.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: sub"]);
    repo.git(&["config", "core.hooksPath", "hk"]);
    let out = ok(repo.relhook_in(&repo.path().join("sub"), &["install"]));
    let said = text(&out);
    let fix = command_starting(&said, "echo ");
    let pasted = paste_in_sub(&repo, &fix);
    assert!(pasted.status.success(), "{fix}: {}", text(&pasted));
    assert_eq!(repo.git(&["status", "--porcelain"]), "", "{fix}");
}

#[test]
fn the_note_for_a_tracked_hooks_folder_names_it_from_the_top() {
    let repo = Repo::new();
    repo.write(".githooks/team-hook", "#!/bin/sh\n");
    repo.write("sub/keep.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: team hooks"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    let out = ok(repo.relhook_in(&repo.path().join("sub"), &["install", "--shared"]));
    let said = text(&out);
    let add = command_starting(&said, "git add ");
    ok(paste_in_sub(&repo, &add));
    let staged = repo.git(&["diff", "--cached", "--name-only"]);
    assert!(staged.contains(".githooks/commit-msg"), "{add}: {staged}");
    assert!(
        repo.git(&["status", "--porcelain", "--", ".githooks"])
            .lines()
            .all(|l| !l.starts_with("??"))
    );
}

#[test]
fn doctors_fix_for_an_untracked_hooks_folder_works_pasted_below_the_top() {
    let repo = Repo::new();
    repo.write("sub/keep.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: sub"]);
    repo.git(&["config", "core.hooksPath", "hk"]);
    ok(repo.relhook(&["install"]));
    let doctor = crate::support::stdout(&repo.relhook_in(&repo.path().join("sub"), &["doctor"]));
    let fix = doctor
        .lines()
        .skip_while(|l| !l.contains("INVALID  hooks directory"))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"));
    let echo = fix.split(" (this clone only)").next().unwrap();
    let pasted = paste_in_sub(&repo, echo);
    assert!(pasted.status.success(), "{echo}: {}", text(&pasted));
    assert_eq!(repo.git(&["status", "--porcelain"]), "", "{echo}");
}
