//! QA39: `core.hooksPath` settings that install and doctor read wrong. A relative path seen
//! from a linked worktree (advice naming a directory that holds no hooks), and the settings
//! that turn hooks off.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A relative, untracked `core.hooksPath` (`.githooks`, excluded): from a linked worktree,
/// doctor and install named that worktree's own `.githooks` by its absolute path as the fix,
/// a directory with no hooks, so following it no hook ran anywhere; and install wrote a second
/// set there, which only that worktree runs. They name the main worktree's directory, where
/// the hooks are, and install writes nothing in the linked worktree; following the advice, its
/// commits meet relhook's hooks.
#[test]
fn a_linked_worktree_is_sent_to_the_main_worktrees_hooks_directory() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    std::fs::write(repo.path().join(".git/info/exclude"), "/.githooks/\n").unwrap();
    let main_hooks = repo.path().join(".githooks");
    let fix = format!("`git config core.hooksPath {}`", main_hooks.display());
    let said = stdout(&ok(repo.relhook(&["install"])));
    assert!(said.contains(&fix), "{said}");

    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "wt", wt.to_str().unwrap()]);
    let own = wt.join(".githooks");
    let wrong = format!("core.hooksPath {}", own.display());
    let doctor = stdout(&repo.relhook_in(&wt, &["doctor"]));
    assert!(doctor.contains(&fix), "{doctor}");
    assert!(!doctor.contains(&wrong), "{doctor}");
    assert!(!doctor.contains("fix: relhook install"), "{doctor}");
    assert!(doctor.contains("this linked worktree looks in"), "{doctor}");

    let refused = repo.relhook_in(&wt, &["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let err = stderr(&refused);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&fix), "{err}");
    assert!(!err.contains(&wrong), "{err}");
    assert!(
        !own.exists(),
        "install wrote into the linked worktree's own directory"
    );

    // The advice followed, from the linked worktree: its commits are checked, and the main
    // worktree's still are.
    repo.git_in(
        &wt,
        &["config", "core.hooksPath", main_hooks.to_str().unwrap()],
        &[],
    );
    let refused = repo.try_commit_in(&wt, "not conventional");
    assert!(!refused.status.success(), "{}", text(&refused));
    let refused = repo.try_commit("not conventional either");
    assert!(!refused.status.success(), "{}", text(&refused));
    let doctor = stdout(&ok(repo.relhook_in(&wt, &["doctor"])));
    assert!(doctor.contains("all is well"), "{doctor}");
}

/// A tracked `.githooks` is in every worktree's checkout, so the relative path is right from
/// each: install in a linked worktree works as in the main one (the team's files: `--shared`).
#[test]
fn a_tracked_relative_hooks_directory_still_installs_from_a_linked_worktree() {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "wt", wt.to_str().unwrap()]);
    let said = stdout(&ok(repo.relhook_in(&wt, &["install", "--shared"])));
    assert!(!said.contains("linked worktree"), "{said}");
    assert!(wt.join(".githooks/commit-msg").is_file());
}

/// `core.hooksPath` set to the empty string (to clear a global one): git 2.47 looks for each
/// hook at the file-system root and runs none, while `git rev-parse --git-path hooks` says
/// `./`. install wrote the hooks into the top of the work tree (`git status` showed them),
/// and doctor said all is well while a garbage commit passed. install refuses in one line and
/// writes nothing, and doctor reports it, both naming the unset; followed, commits are checked.
#[test]
fn an_empty_hooks_path_is_named_as_turning_every_hook_off() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", ""]);
    let refused = repo.relhook(&["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let err = stderr(&refused);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("core.hooksPath is set to the empty string (local config, .git/config)"),
        "{err}"
    );
    assert!(err.contains("`git config --unset core.hooksPath`"), "{err}");
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        "",
        "install wrote files"
    );
    assert!(!repo.hooks_dir().join("commit-msg").exists());

    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(
        said.contains("MISSING  core.hooksPath: core.hooksPath is set to the empty string"),
        "{said}"
    );
    assert!(
        said.contains("fix: `git config --unset core.hooksPath`, then relhook install"),
        "{said}"
    );
    assert!(!said.contains("all is well"), "{said}");

    // What it says: git runs no hook, not even one in .git/hooks.
    let hook = repo.hooks_dir().join("commit-msg");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\nexit 1\n").unwrap();
    crate::support::make_executable(&hook);
    let passed = repo.try_commit("garbage");
    assert!(passed.status.success(), "{}", text(&passed));
    std::fs::remove_file(&hook).unwrap();

    // The fix it names.
    repo.git(&["config", "--unset", "core.hooksPath"]);
    ok(repo.relhook(&["install"]));
    let refused = repo.try_commit("garbage again");
    assert!(!refused.status.success(), "{}", text(&refused));
}

/// The empty string set to clear a global `core.hooksPath`: unsetting it would bring that one
/// back (whose hooks directory install refuses as every repository's), so the fix names this
/// repository's own hooks directory by its absolute path.
#[test]
fn an_empty_hooks_path_over_a_global_one_is_set_to_the_repositorys_own() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let global = repo.scratch("global-hooks");
    repo.git(&[
        "config",
        "--global",
        "core.hooksPath",
        global.to_str().unwrap(),
    ]);
    repo.git(&["config", "core.hooksPath", ""]);
    let own = repo.hooks_dir();
    let fix = format!("`git config core.hooksPath {}`", own.display());
    let err = stderr(&repo.relhook(&["install"]));
    assert!(err.contains(&fix), "{fix}: {err}");
    assert!(err.contains("would bring back core.hooksPath"), "{err}");
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains(&fix), "{said}");

    repo.git(&["config", "core.hooksPath", own.to_str().unwrap()]);
    ok(repo.relhook(&["install"]));
    let refused = repo.try_commit("garbage");
    assert!(!refused.status.success(), "{}", text(&refused));
    assert_eq!(std::fs::read_dir(&global).map_or(0, |d| d.count()), 0);
}

/// `core.hooksPath = /dev/null`, a common way to turn hooks off: install failed (exit 2) with a
/// raw "cannot create a temporary file in /dev/null: Not a directory", and doctor said each
/// hook was MISSING with `relhook install` as the fix, which fails again. Both say the
/// setting turns hooks off, /dev/null being a file, and name the unset.
#[test]
fn a_hooks_path_to_a_file_is_named_as_turning_hooks_off() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", "/dev/null"]);
    let refused = repo.relhook(&["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let err = stderr(&refused);
    assert_eq!(err.lines().count(), 1, "{err}");
    let why = "hooks are turned off by core.hooksPath = /dev/null (local config, .git/config): /dev/null is a file, not a directory";
    assert!(err.contains(why), "{err}");
    assert!(err.contains("`git config --unset core.hooksPath`"), "{err}");
    assert!(!err.contains("temporary file"), "{err}");

    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(said.contains(why), "{said}");
    assert!(
        said.contains("fix: `git config --unset core.hooksPath`, then relhook install"),
        "{said}"
    );
    assert!(!said.contains("fix: relhook install"), "{said}");

    // Set in the global config, on purpose for every repository: this one's own hooks
    // directory is named first, then the global unset.
    repo.git(&["config", "--unset", "core.hooksPath"]);
    repo.git(&["config", "--global", "core.hooksPath", "/dev/null"]);
    let err = stderr(&repo.relhook(&["install"]));
    let own = format!(
        "`git config core.hooksPath {}` (this repository only)",
        repo.hooks_dir().display()
    );
    assert!(err.contains(&own), "{own}: {err}");
    assert!(
        err.contains("`git config --global --unset core.hooksPath`"),
        "{err}"
    );
    assert!(!err.contains("--shared"), "{err}");

    repo.git(&[
        "config",
        "core.hooksPath",
        repo.hooks_dir().to_str().unwrap(),
    ]);
    ok(repo.relhook(&["install"]));
    let refused = repo.try_commit("garbage");
    assert!(!refused.status.success(), "{}", text(&refused));
}

/// A checkout owned by another user, untrusted: install and doctor said git's refusal through
/// the raw `git rev-parse ...` failure, its advice run together with `;`, and a misleading
/// "is `git` on PATH" hint; `relhook version` and `check` say it in one line with git's fix.
/// install and doctor say it as they do, and the fix they name works. Needs root (to give
/// the checkout away).
#[cfg(unix)]
#[test]
fn install_and_doctor_say_gits_refusal_of_another_users_checkout_as_version_does() {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root {
        eprintln!("skipped: giving the checkout to another user needs root");
        return;
    }
    let repo = Repo::new();
    repo.commit("chore: start");
    let top = repo.path();
    let chown = std::process::Command::new("chown")
        .args(["-R", "nobody:"])
        .arg(&top)
        .status()
        .expect("chown");
    assert!(chown.success());
    let version = repo.relhook(&["version"]);
    let said = stderr(&version);
    let fix = format!(
        "`git config --global --add safe.directory {}`",
        top.display()
    );
    assert!(
        said.contains("git refuses to work here: detected dubious ownership"),
        "{said}"
    );
    assert!(said.contains(&fix), "{said}");
    for args in [&["install"][..], &["doctor"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert_eq!(stderr(&out), said, "{args:?}");
    }
    assert!(!top.join(".git/hooks/commit-msg").exists());

    // The fix it names.
    repo.git(&[
        "config",
        "--global",
        "--add",
        "safe.directory",
        top.to_str().unwrap(),
    ]);
    ok(repo.relhook(&["install"]));
    let refused = repo.try_commit("garbage");
    assert!(!refused.status.success(), "{}", text(&refused));
}

/// QA39, second round: a core.hooksPath from a file `include.path` brings in was given the
/// fix `git config --unset core.hooksPath`, which leaves it where it is (git exits 5): the fix
/// names that file.
#[test]
fn a_hooks_path_from_an_included_file_is_unset_in_that_file() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let inc = repo.scratch("inc").join("hooks.cfg");
    std::fs::write(&inc, "[core]\n\thooksPath = /dev/null\n").unwrap();
    repo.git(&["config", "include.path", inc.to_str().unwrap()]);
    let err = stderr(&repo.relhook(&["install"]));
    let fix = format!(
        "`git config --file {} --unset core.hooksPath`",
        inc.display()
    );
    assert!(err.contains(&fix), "{fix}: {err}");
    let unset = repo.git_output(&[
        "config",
        "--file",
        inc.to_str().unwrap(),
        "--unset",
        "core.hooksPath",
    ]);
    assert!(unset.status.success(), "{}", text(&unset));
    ok(repo.relhook(&["install"]));
}
