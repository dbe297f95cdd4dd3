//! git-lfs's hooks beside relhook's, in either order. `git lfs install` writes pre-push,
//! post-checkout, post-commit and post-merge; it refuses to replace a hook it did not write,
//! and `--force` replaces it. Where git-lfs is installed the test runs the real `git lfs
//! install`; where it is not, it writes the same files (git-lfs 3's text) and refuses as
//! git-lfs does. Either way the hooks then call a stand-in `git-lfs`, first on PATH, that
//! records what it was asked, so the test sees git-lfs's hooks run.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, chmod, ok, path_with, stderr, stdout, text};

/// The hooks `git lfs install` writes.
const LFS_HOOKS: [&str; 4] = ["pre-push", "post-checkout", "post-commit", "post-merge"];

/// The hook file git-lfs 3 writes for `hook`.
pub(crate) fn lfs_hook(hook: &str) -> String {
    format!(
        "#!/bin/sh\ncommand -v git-lfs >/dev/null 2>&1 || {{ echo >&2 \"\\nThis repository is configured for Git LFS but 'git-lfs' was not found on your path. If you no longer wish to use Git LFS, remove this hook by deleting '.git/hooks/{hook}'.\\n\"; exit 2; }}\ngit lfs {hook} \"$@\"\n"
    )
}

fn real_lfs(repo: &Repo) -> bool {
    repo.command_in("git", &repo.path())
        .args(["lfs", "version"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `git lfs install --local [--force]`, or what it does to the hooks where git-lfs is absent.
fn lfs_install(repo: &Repo, force: bool) -> bool {
    if real_lfs(repo) {
        let mut args = vec!["lfs", "install", "--local"];
        if force {
            args.push("--force");
        }
        return repo.git_output(&args).status.success();
    }
    let hooks = repo.hooks_dir();
    std::fs::create_dir_all(&hooks).unwrap();
    let theirs = |h: &&str| std::fs::read_to_string(hooks.join(h)).is_ok_and(|t| t != lfs_hook(h));
    if !force && LFS_HOOKS.iter().any(theirs) {
        return false; // "Hook already exists: pre-push", exit 2
    }
    for hook in LFS_HOOKS {
        std::fs::write(hooks.join(hook), lfs_hook(hook)).unwrap();
        chmod(&hooks.join(hook), 0o755);
    }
    true
}

/// A stand-in `git-lfs` that records each call in `.git/lfs-calls`.
pub(crate) fn stand_in(repo: &Repo) -> PathBuf {
    let dir = repo.scratch("lfs-bin");
    let log = repo.path().join(".git/lfs-calls");
    let refs = repo.path().join(".git/lfs-refs");
    let script = dir.join("git-lfs");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncase $1 in pre-push) cat >>'{}' ;; esac\necho \"$1\" >>'{}'\n",
            refs.display(),
            log.display()
        ),
    )
    .unwrap();
    chmod(&script, 0o755);
    dir
}

/// git with the stand-in first on PATH.
fn git(repo: &Repo, lfs: &Path, args: &[&str]) -> Output {
    repo.command_in("git", &repo.path())
        .env("PATH", path_with(&[lfs]))
        .args(args)
        .output()
        .expect("run git")
}

/// What git-lfs was asked since the last call, one hook a line.
pub(crate) fn lfs_calls(repo: &Repo) -> String {
    let log = repo.path().join(".git/lfs-calls");
    let calls = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(log);
    calls
}

fn doctor(repo: &Repo, code: i32) -> String {
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(code), "{}", text(&out));
    stdout(&out)
}

/// A feat commit gets its changelog entry and runs git-lfs's post-commit; a push runs
/// git-lfs's pre-push and relhook's gate (a commit that dodged commit-msg is refused).
fn both_run(repo: &Repo, lfs: &Path, n: usize) {
    repo.write(&format!("f{n}.txt"), "x\n");
    ok(git(repo, lfs, &["add", "."]));
    ok(git(
        repo,
        lfs,
        &["commit", "-q", "-m", &format!("feat: add f{n}")],
    ));
    assert!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"])
            .starts_with("CHANGELOG.md\n"),
        "relhook's post-commit ran"
    );
    assert_eq!(lfs_calls(repo), "post-commit\n");
    ok(git(
        repo,
        lfs,
        &[
            "commit",
            "-q",
            "--no-verify",
            "--allow-empty",
            "-m",
            "dodged",
        ],
    ));
    lfs_calls(repo);
    let remote = repo.scratch(&format!("remote{n}.git"));
    ok(git(
        repo,
        lfs,
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    ));
    let push = git(repo, lfs, &["push", remote.to_str().unwrap(), "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        stderr(&push).contains("dodged"),
        "relhook's gate: {}",
        text(&push)
    );
    assert_eq!(
        lfs_calls(repo),
        "pre-push\n",
        "git-lfs's pre-push ran first"
    );
    ok(git(repo, lfs, &["reset", "-q", "--hard", "HEAD~1"]));
}

#[test]
fn relhook_installed_after_git_lfs_chains_its_hooks() {
    let repo = Repo::new();
    let lfs = stand_in(&repo);
    assert!(lfs_install(&repo, false));
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    for (hook, when) in [
        ("post-commit", "after relhook's part"),
        ("pre-push", "first"),
    ] {
        assert!(
            stdout(&install).contains(&format!(
                "installed {hook} in .git/hooks; the {hook} hook that was there is kept as {hook}.relhook-orig and runs {when}"
            )),
            "{}",
            text(&install)
        );
    }
    doctor(&repo, 0);
    both_run(&repo, &lfs, 1);

    // `git lfs install --force` again (a setup script): its hooks over relhook's shims, the
    // same bytes relhook keeps. Doctor says relhook's shims are gone; install puts them back.
    assert!(lfs_install(&repo, true));
    let said = doctor(&repo, 1);
    assert!(
        said.contains("relhook's pre-push shim is gone (pushes are not checked)")
            && said.contains("is git-lfs's hook again, the same as")
            && said.contains("relhook's post-commit shim is gone (commits get no changelog entry)"),
        "{said}"
    );
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    assert!(
        stdout(&install).contains("installed pre-push in .git/hooks again: the hook there was the same as pre-push.relhook-orig"),
        "{}",
        text(&install)
    );
    doctor(&repo, 0);
    both_run(&repo, &lfs, 2);
}

#[test]
fn git_lfs_installed_after_relhook_is_refused_or_forced_and_install_restores_relhook() {
    let repo = Repo::new();
    let lfs = stand_in(&repo);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    let shims = crate::support::listing(&repo.hooks_dir());
    // git-lfs will not replace hooks it did not write, and leaves relhook's as they are.
    assert!(!lfs_install(&repo, false));
    for hook in ["post-commit", "pre-push"] {
        let file = repo.read(&format!(".git/hooks/{hook}"));
        assert!(file.contains("relhook-shim"), "{hook}: {file}");
    }
    doctor(&repo, 0);

    assert!(lfs_install(&repo, true));
    assert_ne!(crate::support::listing(&repo.hooks_dir()), shims);
    let said = doctor(&repo, 1);
    assert!(
        said.contains("relhook's post-commit shim is gone (commits get no changelog entry)")
            && said.contains("relhook's pre-push shim is gone (pushes are not checked)")
            && said.contains("is git-lfs's hook"),
        "{said}"
    );
    assert!(said.contains("fix: relhook install (keeps it as"), "{said}");
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    assert_eq!(
        std::fs::read_to_string(repo.hooks_dir().join("pre-push.relhook-orig")).unwrap(),
        lfs_hook("pre-push"),
        "git-lfs's hook, kept byte for byte"
    );
    doctor(&repo, 0);
    both_run(&repo, &lfs, 1);
}

/// `git lfs install` refused, and said to add its lines to relhook's hook by hand (`git lfs
/// update --manual`): below the shim's last line they never run, and writing the shim again
/// would drop them. Doctor and install say so and keep them; the way out they name works.
#[test]
fn lines_git_lfs_asks_to_add_by_hand_are_reported_and_kept() {
    let repo = Repo::new();
    let lfs = stand_in(&repo);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    let shim = repo.hooks_dir().join("pre-push");
    let edited = format!(
        "{}\n{}",
        std::fs::read_to_string(&shim).unwrap(),
        lfs_hook("pre-push")
    );
    std::fs::write(&shim, &edited).unwrap();
    let said = doctor(&repo, 1);
    assert!(
        said.contains("SHADOWED  hook pre-push:")
            && said.contains("has lines added below relhook's shim (line ")
            && said.contains(": `command -v git-lfs >/dev/null 2>&1 || { echo")
            && said.contains("…`), which never run"),
        "{said}"
    );
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(1), "{}", text(&install));
    assert!(
        stdout(&install).contains(
            "pre-push: NOT updated: .git/hooks/pre-push has lines added below relhook's shim"
        ),
        "{}",
        text(&install)
    );
    assert_eq!(std::fs::read_to_string(&shim).unwrap(), edited, "kept");
    // What doctor says: git-lfs's own hook there (`git lfs update --force`), then install.
    assert!(lfs_install(&repo, true));
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    doctor(&repo, 0);
    both_run(&repo, &lfs, 1);
}

/// husky's `.husky/pre-push` with git-lfs's line (as husky's docs say to add it): git's refs
/// can be read once, so relhook's call goes above it and hands them on. Appended below it, as
/// an earlier relhook did, relhook read nothing and every push went out unchecked.
#[test]
fn in_a_husky_pre_push_with_git_lfs_both_get_the_refs() {
    let repo = Repo::new();
    let lfs = stand_in(&repo);
    let team = "#!/bin/sh\ngit lfs pre-push \"$@\"\n";
    repo.write(".husky/pre-push", team);
    chmod(&repo.path().join(".husky/pre-push"), 0o755);
    repo.git(&["config", "core.hooksPath", ".husky"]);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    assert!(
        stdout(&install).contains(
            "pre-push: wired in .husky/pre-push, above `git lfs pre-push \"$@\"`, the first command"
        ),
        "{}",
        text(&install)
    );
    ok(git(&repo, &lfs, &["add", "."]));
    ok(git(&repo, &lfs, &["commit", "-q", "-m", "chore: hooks"]));
    ok(git(
        &repo,
        &lfs,
        &[
            "commit",
            "-q",
            "--no-verify",
            "--allow-empty",
            "-m",
            "dodged",
        ],
    ));
    let remote = repo.scratch("remote.git");
    ok(git(
        &repo,
        &lfs,
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    ));
    let push = git(&repo, &lfs, &["push", remote.to_str().unwrap(), "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        stderr(&push).contains("dodged"),
        "relhook saw the refs: {}",
        text(&push)
    );
    ok(git(&repo, &lfs, &["reset", "-q", "--hard", "HEAD~1"]));
    lfs_calls(&repo);
    ok(git(
        &repo,
        &lfs,
        &["push", remote.to_str().unwrap(), "main"],
    ));
    assert_eq!(lfs_calls(&repo), "pre-push\n");
    let refs = repo.read(".git/lfs-refs");
    assert!(
        refs.starts_with("refs/heads/main "),
        "git-lfs saw them too: {refs:?}"
    );

    // relhook's block below git-lfs's line, as an earlier relhook appended it.
    let file = repo.read(".husky/pre-push");
    let old = format!(
        "{team}# >>> relhook: `relhook uninstall` removes this block\nif command -v relhook >/dev/null 2>&1; then\n  relhook hook pre-push \"$@\" || exit $?\nfi\n# <<< relhook\n"
    );
    repo.write(".husky/pre-push", old);
    let said = doctor(&repo, 1);
    assert!(
        said.contains("SHADOWED  hook pre-push (via husky): .husky/pre-push calls relhook below line 2 (`git lfs pre-push \"$@\"`), and git's refs can be read only once")
            && said.contains("fix: relhook install (moves the call to the top"),
        "{said}"
    );
    ok(repo.relhook(&["install"]));
    doctor(&repo, 0);
    assert_eq!(
        repo.read(".husky/pre-push"),
        file,
        "as install first wrote it"
    );
}
