//! Real faults: `relhook install`, `uninstall` or `init` killed part way, then run again
//! (whatever the kill left, `relhook uninstall` gives the clone back as it was before relhook:
//! the same git config, the same hook files, nothing of relhook's beside them or in the work
//! tree); and a CHANGELOG.md that is no plain file (a symbolic link, a FIFO), which every
//! command refuses by name, with the fix, and none waits on.

use crate::support::{Repo, ok, stdout};

/// The clone's own config, as `git config --local --list` prints it.
fn local_config(repo: &Repo) -> String {
    stdout(&repo.git_output(&["config", "--local", "--list"]))
}

/// `relhook install` killed after it set one of its two am.threeWay keys (the setting and the
/// mark that says relhook set it): the next install and an uninstall must leave no
/// `am.threeWay` that the user never set.
#[test]
fn an_install_killed_while_setting_am_three_way_is_undone_by_uninstall() {
    let repo = Repo::new();
    let before = local_config(&repo);
    repo.relhook_killed_at("install-am-three-way", &["install"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(local_config(&repo), before, "uninstall left config behind");
}

/// A husky 9 project as `npx husky` leaves it: git runs `.husky/_/<hook>`, each of which runs
/// husky's `h`, which runs the team's `.husky/<hook>`; `.husky/_` is ignored, the rest is
/// committed.
fn husky_project() -> Repo {
    let repo = Repo::new();
    repo.write(".husky/commit-msg", "echo team commit-msg\n");
    repo.write(".husky/_/.gitignore", "*\n");
    repo.write(".husky/_/h", "#!/usr/bin/env sh\n# husky's runner\n");
    for hook in ["commit-msg", "post-commit", "pre-push", "pre-commit"] {
        let runner = repo.path().join(".husky/_").join(hook);
        std::fs::write(&runner, "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"\n").unwrap();
        crate::support::make_executable(&runner);
    }
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: husky"]);
    repo
}

/// `relhook install` killed while a file it writes in `.husky` (the team's committed folder)
/// exists only as its temporary copy: after the next install and an uninstall, `.husky` must
/// hold exactly what it held, with no stray relhook file for `git add .husky` to commit.
#[test]
fn an_install_killed_mid_write_leaves_no_temporary_in_the_husky_folder() {
    let repo = husky_project();
    let husky = repo.path().join(".husky");
    let before = crate::support::listing(&husky);
    let status = stdout(&repo.git_output(&["status", "--porcelain", "--ignored"]));
    repo.relhook_killed_at("beside-written", &["install"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(
        stdout(&repo.git_output(&["status", "--porcelain", "--ignored"])),
        status
    );
    let names = |l: &[(String, Vec<u8>, u32)]| l.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    let after = crate::support::listing(&husky);
    assert_eq!(names(&after), names(&before), "files left in .husky");
    assert_eq!(after, before, ".husky is not as it was");
}

/// The same in a plain hooks directory holding the user's own hook: the kill leaves nothing
/// of relhook's beside it once relhook is installed again and uninstalled.
#[test]
fn an_install_killed_mid_write_leaves_no_temporary_in_the_hooks_folder() {
    let repo = Repo::new();
    let hooks = repo.path().join(".git/hooks");
    let own = hooks.join("commit-msg");
    std::fs::write(&own, "#!/bin/sh\necho own\n").unwrap();
    crate::support::make_executable(&own);
    let before = crate::support::listing(&hooks);
    repo.relhook_killed_at("beside-written", &["install"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    let names = |l: &[(String, Vec<u8>, u32)]| l.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&crate::support::listing(&hooks)), names(&before));
    let stray: Vec<String> = names(&crate::support::listing(&repo.path().join(".git")))
        .into_iter()
        .filter(|n| {
            n.rsplit('/')
                .next()
                .is_some_and(|b| b.starts_with(".relhook-"))
        })
        .collect();
    assert!(
        stray.is_empty(),
        "relhook's temporaries left in .git: {stray:?}"
    );
}

/// `relhook init` killed while `.relconfig.toml` exists only as its temporary copy: the next
/// `relhook init` writes both files and leaves no stray relhook file in the work tree for
/// `git add -A` to commit.
#[test]
fn an_init_killed_mid_write_leaves_no_temporary_in_the_work_tree() {
    let repo = Repo::new();
    repo.relhook_killed_at("beside-written", &["init"]);
    ok(repo.relhook(&["init"]));
    assert_eq!(
        stdout(&repo.git_output(&["status", "--porcelain", "--untracked-files=all"])),
        "?? .relconfig.toml\n?? CHANGELOG.md\n"
    );
}

/// CHANGELOG.md a symbolic link to `docs/CHANGELOG.md`: post-commit adds no entry through the
/// link, and its one line names the file to point the configuration at, as the release's
/// refusal does.
#[test]
fn a_symlinked_changelog_names_the_file_to_configure() {
    let repo = Repo::new();
    ok(repo.relhook(&["init"]));
    std::fs::create_dir(repo.path().join("docs")).unwrap();
    std::fs::rename(
        repo.path().join("CHANGELOG.md"),
        repo.path().join("docs/CHANGELOG.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink("docs/CHANGELOG.md", repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    let out = ok(repo.try_commit("feat: through the link"));
    let said = crate::support::text(&out);
    assert!(said.contains("`docs/CHANGELOG.md`"), "{said}");
}

/// Runs `cmd` for at most 20 s: `None` when it was still running (then killed).
pub(crate) fn within_20s(mut cmd: std::process::Command) -> Option<std::process::Output> {
    use std::time::{Duration, Instant};
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(child.wait_with_output().expect("output"))
}

/// CHANGELOG.md a FIFO (a named pipe, which git does not track): reading it waits for a writer
/// that never comes. `relhook release` and `relhook doctor` must refuse it, naming the file,
/// not hang; so must the hook a hand tag runs.
#[cfg(unix)]
#[test]
fn a_fifo_changelog_is_refused_not_waited_on() {
    let repo = Repo::new();
    ok(repo.relhook(&["init"]));
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: start"]);
    let made = std::process::Command::new("mkfifo")
        .arg(repo.path().join("CHANGELOG.md"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    for args in [&["release", "--no-test"][..], &["doctor"][..]] {
        let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
        cmd.args(args);
        let out = within_20s(cmd).unwrap_or_else(|| panic!("relhook {args:?} hung"));
        let said = crate::support::text(&out);
        assert!(
            said.contains("CHANGELOG.md")
                && (said.contains("not a regular file") || said.contains("is a FIFO")),
            "{args:?}: {said}"
        );
    }
    assert!(repo.git(&["tag"]).is_empty(), "a release was made");
    ok(repo.relhook(&["install"]));
    let mut tag = repo.command_in("git", &repo.path());
    tag.args(["tag", "-a", "v0.1.0", "-m", "release"]);
    let out = within_20s(tag).expect("git tag -a hung in relhook's hook");
    let said = crate::support::text(&out);
    assert!(said.contains("CHANGELOG.md"), "{said}");
    assert!(repo.git(&["tag"]).is_empty(), "a tag was left: {said}");
}
