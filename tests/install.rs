//! `relhook install`, `uninstall`, `doctor` and `init`, and the commit-msg hook living in real
//! repositories: foreign hooks, core.hooksPath, worktrees, submodules, minimal PATHs.

use std::path::Path;

use crate::support::{
    Repo, chmod, git_abs, installed_by_a_binary_that_then_goes, listing, relhook_bin, stderr,
    stdout, text,
};

const FOREIGN: &str = "#!/bin/sh\n# the team's own hook\necho FOREIGN-RAN >&2\nif grep -q veto \"$1\"; then echo 'foreign veto' >&2; exit 1; fi\n";

fn install(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["install"];
    all.extend_from_slice(args);
    let out = repo.relhook(&all);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    stdout(&out)
}

fn assert_refused(out: &std::process::Output, needle: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    assert!(stderr(out).contains(needle), "{}", text(out));
}

#[test]
fn install_rejects_a_bad_commit_and_is_idempotent() {
    let repo = Repo::new();
    let said = install(&repo, &[]);
    assert!(
        said.contains("installed commit-msg in .git/hooks"),
        "{said}"
    );
    let shim = repo.hooks_dir().join("commit-msg");
    let before = listing(&repo.hooks_dir());
    let again = install(&repo, &[]);
    assert!(again.contains("already installed"), "{again}");
    assert_eq!(
        listing(&repo.hooks_dir()),
        before,
        "second run changes nothing"
    );
    #[cfg(unix)]
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&shim).unwrap().permissions())
            & 0o777,
        0o755
    );
    assert_refused(&repo.try_commit("added a thing"), "error[header-format]");
    repo.commit_hooked("feat: add a thing");
    assert_eq!(repo.head_subject(), "feat: add a thing");
}

#[test]
fn foreign_hook_is_chained_can_veto_and_is_restored_byte_identical() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("commit-msg");
    std::fs::write(&hook, FOREIGN).unwrap();
    chmod(&hook, 0o750);
    let before = listing(&repo.hooks_dir());
    let said = install(&repo, &[]);
    assert!(
        said.contains("kept as commit-msg.relhook-orig and runs first"),
        "{said}"
    );
    let backup = repo.hooks_dir().join("commit-msg.relhook-orig");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), FOREIGN);
    let ok = repo.try_commit("feat: both hooks pass");
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(stderr(&ok).contains("FOREIGN-RAN"), "{}", text(&ok));
    assert_refused(&repo.try_commit("feat: veto this one"), "foreign veto");
    let bad = repo.try_commit("not conventional");
    assert_refused(&bad, "error[header-format]");
    assert!(
        stderr(&bad).contains("FOREIGN-RAN"),
        "the foreign hook ran first"
    );
    assert!(install(&repo, &[]).contains("already installed"));

    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).contains("restored"), "{}", text(&out));
    assert_eq!(
        listing(&repo.hooks_dir()),
        before,
        "bytes and mode restored"
    );
    let again = repo.relhook(&["uninstall"]);
    assert!(stdout(&again).contains("nothing to do"), "{}", text(&again));
    assert_eq!(listing(&repo.hooks_dir()), before);
}

#[test]
fn force_replaces_without_running_but_keeps_a_backup() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("commit-msg");
    std::fs::write(&hook, "#!/bin/sh\necho BLOCKED >&2\nexit 1\n").unwrap();
    chmod(&hook, 0o755);
    let before = listing(&repo.hooks_dir());
    let said = install(&repo, &["--force"]);
    assert!(
        said.contains("kept, not run, as commit-msg.relhook-orig"),
        "{said}"
    );
    let ok = repo.try_commit("feat: not blocked");
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(!stderr(&ok).contains("BLOCKED"));
    assert_refused(&repo.try_commit("still linted"), "error[header-format]");
    assert!(install(&repo, &["--force"]).contains("already installed"));
    repo.relhook(&["uninstall"]);
    assert_eq!(listing(&repo.hooks_dir()), before);
}

/// A tool writes back the hook `--force` kept out (the same bytes as the backup): a plain
/// install chains it again and says so, with the command that keeps it from running; `--force`
/// keeps it out again.
#[test]
fn a_kept_hook_written_back_is_chained_and_the_line_says_how_to_keep_it_out() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("commit-msg");
    let foreign = "#!/bin/sh\necho FOREIGN-BACK >&2\n";
    std::fs::write(&hook, foreign).unwrap();
    chmod(&hook, 0o755);
    install(&repo, &["--force"]);
    std::fs::write(&hook, foreign).unwrap();
    let said = install(&repo, &[]);
    assert!(
        said.contains("the same as commit-msg.relhook-orig")
            && said.contains("runs first now (`relhook install --force` keeps it from running)")
            && !said.contains("as before"),
        "{said}"
    );
    let ok = repo.try_commit("feat: chained again");
    assert!(stderr(&ok).contains("FOREIGN-BACK"), "{}", text(&ok));
    std::fs::write(&hook, foreign).unwrap();
    let forced = install(&repo, &["--force"]);
    assert!(forced.contains("is kept, not run (--force)"), "{forced}");
    let ok = repo.try_commit("feat: kept out again");
    assert!(!stderr(&ok).contains("FOREIGN-BACK"), "{}", text(&ok));
}

#[test]
fn uninstall_leaves_no_trace() {
    let repo = Repo::new();
    let hooks_before = listing(&repo.hooks_dir());
    let git_before = listing(&repo.path().join(".git"));
    install(&repo, &[]);
    let out = repo.relhook(&["uninstall"]);
    assert!(
        stdout(&out).contains("removed commit-msg"),
        "{}",
        text(&out)
    );
    assert_eq!(listing(&repo.hooks_dir()), hooks_before);
    // But the adoption note, which an install again must find (here: nothing came before).
    let mut after = listing(&repo.path().join(".git"));
    after.retain(|(name, _, _)| name != "relhook-adopted");
    assert_eq!(after, git_before, "no config, no file");
}

#[test]
fn relative_absolute_and_global_core_hooks_path() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    let said = install(&repo, &[]);
    assert!(said.contains("created .githooks"), "{said}");
    assert!(
        said.contains("core.hooksPath = .githooks (local config)"),
        "{said}"
    );
    assert!(repo.path().join(".githooks/commit-msg").is_file());
    assert!(!repo.hooks_dir().join("commit-msg").exists());
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    assert_refused(
        &repo.try_commit_in(&repo.path().join("sub"), "from a subfolder"),
        "error[header-format]",
    );
    let out = repo.relhook_in(&repo.path().join("sub"), &["uninstall"]);
    assert!(
        stdout(&out).contains("relhook had created it"),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join(".githooks").exists());

    let abs = repo.scratch("abs hooks");
    repo.git(&["config", "core.hooksPath", abs.to_str().unwrap()]);
    install(&repo, &[]);
    assert!(abs.join("commit-msg").is_file());
    assert_refused(&repo.try_commit("absolute"), "error[header-format]");
    repo.relhook(&["uninstall"]);
    assert_eq!(
        listing(&abs),
        vec![],
        "a directory relhook did not create stays"
    );
    assert!(abs.is_dir());

    repo.git(&["config", "--unset", "core.hooksPath"]);
    let global = repo.scratch("global-hooks");
    repo.git(&[
        "config",
        "--global",
        "core.hooksPath",
        global.to_str().unwrap(),
    ]);
    // Every repository on the machine runs hooks from there: not without `--shared`.
    let refused = repo.relhook(&["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        stderr(&refused).contains("for every repository on this machine")
            && stderr(&refused).contains("on purpose: `relhook install --shared`"),
        "{}",
        text(&refused)
    );
    assert!(!global.join("commit-msg").exists(), "nothing written");
    let said = install(&repo, &["--shared"]);
    assert!(
        said.contains("in your global git config replaces"),
        "{said}"
    );
    assert!(global.join("commit-msg").is_file());
    assert_refused(&repo.try_commit("global"), "error[header-format]");
}

/// A global core.hooksPath is every repository's: relhook's hooks there would lint and amend
/// the commits of repositories that never asked for relhook. Install refuses, and the way it
/// names to install for this repository only leaves the others alone.
#[test]
fn a_global_hooks_directory_is_not_written_without_shared() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let other = Repo::new();
    let global = repo.scratch("global-hooks");
    for r in [&repo, &other] {
        r.git(&[
            "config",
            "--global",
            "core.hooksPath",
            global.to_str().unwrap(),
        ]);
    }
    let refused = repo.relhook(&["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(!global.join("commit-msg").exists());
    let said = stderr(&refused);
    let command = said
        .split("For this repository only: `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("{said}"));
    let out = repo
        .command_in("sh", &repo.path())
        .args(["-c", command])
        .output()
        .unwrap();
    assert!(out.status.success(), "{command}: {}", text(&out));
    let said = install(&repo, &[]);
    assert!(said.contains("(local config)"), "{said}");
    assert_refused(&repo.try_commit("bad here"), "error[header-format]");
    // Another repository on the machine: no relhook, no changelog.
    let elsewhere = other.try_commit("whatever the other team writes");
    assert!(elsewhere.status.success(), "{}", text(&elsewhere));
    assert!(!other.path().join("CHANGELOG.md").exists());
}

/// A local core.hooksPath outside the repository may be other repositories' too, and a
/// relative one is found from each linked worktree's own top: install says both.
#[test]
fn a_hooks_directory_outside_the_repository_is_named_as_such() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", "../shared-hooks"]);
    let said = install(&repo, &[]);
    assert!(
        said.contains("is outside this repository: every repository whose core.hooksPath names it runs relhook's hooks too; and the path is relative"),
        "{said}"
    );
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    let said = install(&repo, &[]);
    assert!(!said.contains("outside this repository"), "{said}");
}

#[test]
fn linked_worktree_installs_into_the_common_hooks_dir() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let wt = repo.dir.path().join("wt");
    repo.git(&["worktree", "add", "-q", wt.to_str().unwrap(), "-b", "wt"]);
    let out = repo.relhook_in(&wt, &["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.hooks_dir().join("commit-msg").is_file());
    assert_refused(
        &repo.try_commit_in(&wt, "in the worktree"),
        "error[header-format]",
    );
    let ok = repo.try_commit_in(&wt, "feat: in the worktree");
    assert!(ok.status.success(), "{}", text(&ok));
    assert_refused(
        &repo.try_commit("in the main checkout"),
        "error[header-format]",
    );
}

#[test]
fn submodule_gets_its_own_hooks() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let lib = repo.scratch("lib");
    let git = |cwd: &Path, args: &[&str]| {
        let out = repo.git_in(cwd, args, &[]);
        assert!(out.status.success(), "{}", text(&out));
    };
    git(&lib, &["init", "-q", "-b", "main"]);
    git(&lib, &["commit", "-q", "--allow-empty", "-m", "chore: lib"]);
    git(
        &repo.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            lib.to_str().unwrap(),
            "mod",
        ],
    );
    let module = repo.path().join("mod");
    assert!(
        module.join(".git").is_file(),
        "the submodule has a .git file"
    );
    let out = repo.relhook_in(&module, &["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        repo.path()
            .join(".git/modules/mod/hooks/commit-msg")
            .is_file()
    );
    assert!(!repo.hooks_dir().join("commit-msg").exists());
    assert_refused(
        &repo.try_commit_in(&module, "in the submodule"),
        "error[header-format]",
    );
    let ok = repo.try_commit_in(&module, "fix: in the submodule");
    assert!(ok.status.success(), "{}", text(&ok));
}

#[test]
fn repository_without_commits() {
    let repo = Repo::new();
    install(&repo, &[]);
    assert_refused(&repo.try_commit("initial"), "error[header-format]");
    repo.commit_hooked("chore: initial commit");
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]), "1");
}

#[test]
fn minimal_path_finds_the_recorded_binary() {
    let repo = Repo::new();
    install(&repo, &[]);
    repo.write("a.txt", "a");
    repo.git(&["add", "a.txt"]);
    let commit = |msg: &str| {
        repo.command_in(git_abs(), &repo.path())
            .env("PATH", "/usr/bin:/bin")
            .args(["commit", "-q", "-m", msg])
            .output()
            .unwrap()
    };
    assert_refused(&commit("gui commit"), "error[header-format]");
    let ok = commit("feat: gui commit");
    assert!(ok.status.success(), "{}", text(&ok));
}

#[test]
fn recorded_binary_gone_falls_back_to_path_then_warns() {
    let repo = Repo::new();
    let bin = installed_by_a_binary_that_then_goes(&repo);
    #[cfg(unix)]
    std::os::unix::fs::symlink(relhook_bin(), bin.join("relhook")).unwrap();
    repo.write("a.txt", "a");
    repo.git(&["add", "a.txt"]);
    let commit = |path: &str, msg: &str| {
        repo.command_in(git_abs(), &repo.path())
            .env("PATH", path)
            .args(["commit", "-q", "-m", msg])
            .output()
            .unwrap()
    };
    let on_path = format!("{}:/usr/bin:/bin", bin.display());
    assert_refused(&commit(&on_path, "via PATH"), "error[header-format]");
    let nowhere = commit("/usr/bin:/bin", "nowhere to be found");
    assert!(
        nowhere.status.success(),
        "git keeps working: {}",
        text(&nowhere)
    );
    assert!(
        stderr(&nowhere).contains("commit-msg check SKIPPED"),
        "{}",
        text(&nowhere)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(stdout(&doctor).contains("STALE"), "{}", text(&doctor));
}

#[test]
fn relhook_skip_bypasses_the_check() {
    let repo = Repo::new();
    install(&repo, &[]);
    repo.write("a.txt", "a");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "wip"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "wip");
}

#[test]
fn doctor_exit_codes_healthy_missing_stale_not_executable() {
    let repo = Repo::new();
    let doctor = |want: i32, needle: &str| {
        let out = repo.relhook(&["doctor"]);
        assert_eq!(out.status.code(), Some(want), "{}", text(&out));
        assert!(stdout(&out).contains(needle), "{needle}: {}", text(&out));
    };
    doctor(1, "MISSING  hook commit-msg");
    doctor(1, "fix: relhook install");
    install(&repo, &[]);
    doctor(0, "all is well");
    let shim = repo.hooks_dir().join("commit-msg");
    let text_ = std::fs::read_to_string(&shim).unwrap();
    let recorded = format!(
        "relhook='{}'",
        relhook_bin().canonicalize().unwrap().display()
    );
    assert!(text_.contains(&recorded), "{text_}");
    std::fs::write(
        &shim,
        text_.replace(&recorded, "relhook='/nonexistent/relhook'"),
    )
    .unwrap();
    doctor(
        1,
        "STALE  hook commit-msg: it calls `/nonexistent/relhook`, which no longer exists",
    );
    std::fs::write(
        &shim,
        text_.replace("# relhook-shim v15", "# relhook-shim v0"),
    )
    .unwrap();
    doctor(1, "older than this relhook's v15");
    install(&repo, &[]);
    doctor(0, "all is well");
    chmod(&shim, 0o644);
    doctor(1, "is not executable, so git skips it");
    doctor(1, "fix: chmod +x");
    assert!(install(&repo, &[]).contains("not executable"));
    doctor(0, "all is well");
    repo.write(".relconfig.toml", "[commit]\nbogus = 1\n");
    doctor(1, "fix: edit");
    let json = repo.relhook(&["doctor", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["healthy"], false);
    assert_eq!(v["checks"][0]["status"], "ok");
    let checks = v["checks"].as_array().unwrap();
    assert_eq!(
        checks.last().unwrap()["status"],
        "invalid",
        "the config check comes last"
    );
}

#[test]
fn hook_managers_get_relhooks_calls_in_their_own_files() {
    let repo = Repo::new();
    // husky, before `npx husky` has run in this clone: the calls are written, and install and
    // doctor agree that husky must be set up (both exit 1).
    std::fs::create_dir_all(repo.path().join(".husky")).unwrap();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // install wrote the runners husky lacks ahead of it (QA255): `npx husky` is all that is
    // left, with no second `relhook install`.
    let said = stdout(&out);
    assert!(
        said.contains("then run `npx husky`; until then the hooks it sets up for relhook do not run in this clone (`relhook install --force` puts them in .git/hooks meanwhile)")
            && !said.contains("&& relhook install")
            && said.contains("commit-msg wired in .husky/commit-msg;"),
        "{}",
        text(&out)
    );
    assert!(
        repo.read(".husky/commit-msg")
            .contains("relhook hook commit-msg \"$@\"")
    );
    assert!(!repo.hooks_dir().join("commit-msg").exists());
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("fix: npx husky"),
        "{}",
        text(&doctor)
    );
    assert!(
        !stdout(&doctor).contains("fix: relhook install"),
        "no loop: {}",
        text(&doctor)
    );
    repo.relhook(&["uninstall"]);
    assert!(!repo.path().join(".husky/commit-msg").exists());
    std::fs::remove_dir_all(repo.path().join(".husky")).unwrap();

    // lefthook with a commit-msg section of its own: that one is left to the user, with the
    // lines to add; install and doctor say the same.
    repo.write(
        "lefthook.yml",
        "commit-msg:\n  commands:\n    lint:\n      run: echo\n",
    );
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains(
            "run: if command -v relhook >/dev/null 2>&1; then relhook hook commit-msg {1}; else echo 'relhook is not on PATH, so the commit message was not checked' >&2; fi"
        ),
        "{}",
        text(&out)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        stdout(&doctor).contains("already has a `commit-msg:` section"),
        "{}",
        text(&doctor)
    );
    repo.relhook(&["uninstall"]);
    assert_eq!(
        repo.read("lefthook.yml"),
        "commit-msg:\n  commands:\n    lint:\n      run: echo\n"
    );
    std::fs::remove_file(repo.path().join("lefthook.yml")).unwrap();

    // pre-commit shares .git/hooks: relhook's shims go there, chaining its scripts.
    repo.write(".pre-commit-config.yaml", "repos: []\n");
    let said = install(&repo, &[]);
    assert!(
        said.contains("installed commit-msg in .git/hooks"),
        "{said}"
    );
    assert!(said.contains("note: pre-commit"), "{said}");
    // --force past husky: the text says what --force does (keeps, does not run).
    std::fs::remove_file(repo.path().join(".pre-commit-config.yaml")).unwrap();
    std::fs::create_dir_all(repo.path().join(".husky")).unwrap();
    let forced = install(&repo, &["--force"]);
    assert!(forced.contains("--force wrote relhook's shims"), "{forced}");
}

#[test]
fn refusals_exit_2() {
    let repo = Repo::new();
    let out = repo.relhook(&["install", "--hooks", "pre-commit"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown hook `pre-commit`"));
    assert!(!repo.hooks_dir().join("commit-msg").exists());
    install(&repo, &["--hooks", "commit-msg,pre-push"]);
    assert!(repo.hooks_dir().join("pre-push").is_file());
    assert!(
        !repo.hooks_dir().join("post-commit").exists(),
        "only the hooks named"
    );

    let bare = repo.scratch("bare.git");
    assert!(
        repo.git_in(&bare, &["init", "-q", "--bare"], &[])
            .status
            .success()
    );
    let out = repo.relhook_in(&bare, &["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("is a bare repository"),
        "{}",
        text(&out)
    );
    let outside = repo.scratch("not-a-repo");
    let out = repo
        .command_in(relhook_bin(), &outside)
        .env("GIT_CEILING_DIRECTORIES", repo.dir.path())
        .arg("install")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("not inside a git repository"),
        "{}",
        text(&out)
    );
}

#[test]
fn init_writes_once_and_never_overwrites() {
    let repo = Repo::new();
    repo.write("Cargo.toml", "[package]\nname = \"x\"\n");
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("wrote .relconfig.toml"),
        "{}",
        text(&out)
    );
    assert!(stdout(&out).contains("wrote CHANGELOG.md"));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\ntest = [\"cargo\", \"test\"]"),
        "{config}"
    );
    assert!(repo.read("CHANGELOG.md").contains("## [Unreleased]"));
    let lint = repo.relhook(&["lint", "--message", "feat: x"]);
    assert_eq!(
        lint.status.code(),
        Some(0),
        "the written config loads: {}",
        text(&lint)
    );
    repo.write("CHANGELOG.md", "# mine\n");
    let again = repo.relhook(&["init"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).contains("left .relconfig.toml alone"),
        "{}",
        text(&again)
    );
    assert!(stdout(&again).contains("left CHANGELOG.md alone"));
    assert_eq!(repo.read("CHANGELOG.md"), "# mine\n");
    assert_eq!(repo.read(".relconfig.toml"), config);
}

// --- git's own flows, with relhook installed -------------------------------------------------

/// A repository with relhook installed and two commits on main.
fn installed_repo() -> Repo {
    let repo = Repo::new();
    install(&repo, &[]);
    repo.commit_hooked("feat: one");
    repo.commit_hooked("fix: two");
    repo
}

fn subjects(repo: &Repo, n: usize) -> Vec<String> {
    repo.git(&["log", &format!("-{n}"), "--format=%s"])
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn rebase_interactive_reword_squash_and_fixup() {
    let repo = installed_repo();
    repo.commit_hooked("docs: three");
    // reword the first commit after the root: the editor writes a new, valid header.
    repo.git_env(
        &["rebase", "-q", "-i", "HEAD~2"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i -e '1s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i -e '1s/.*/fix: two, reworded/'"),
        ],
    );
    assert_eq!(
        subjects(&repo, 3),
        ["docs: three", "fix: two, reworded", "feat: one"]
    );
    // a reword to a bad header is refused by the hook and the rebase stops.
    let bad = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "HEAD~1"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i -e '1s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i -e '1s/.*/bad reword/'"),
        ],
    );
    assert!(!bad.status.success(), "{}", text(&bad));
    assert!(
        stderr(&bad).contains("error[header-format]"),
        "{}",
        text(&bad)
    );
    repo.git(&["rebase", "--abort"]);
    // squash, keeping git's combined message ("# This is a combination of 2 commits.").
    repo.git_env(
        &["rebase", "-q", "-i", "HEAD~2"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i -e '2s/^pick/squash/'"),
            ("GIT_EDITOR", "true"),
        ],
    );
    assert_eq!(subjects(&repo, 2), ["fix: two, reworded", "feat: one"]);
    assert!(
        repo.git(&["log", "-1", "--format=%B"])
            .contains("docs: three")
    );
    // --fixup, --fixup=amend: and --squash commits pass the hook, then autosquash.
    repo.commit_hooked("test: four");
    repo.write("f.txt", "x");
    repo.git(&["add", "f.txt"]);
    repo.git_env(&["commit", "-q", "--fixup", "HEAD"], &[]);
    assert_eq!(repo.head_subject(), "fixup! test: four");
    repo.git_env(
        &["commit", "-q", "--allow-empty", "--fixup=amend:HEAD~1"],
        &[("GIT_EDITOR", "true")],
    );
    assert_eq!(repo.head_subject(), "amend! test: four");
    repo.git_env(
        &[
            "commit",
            "-q",
            "--allow-empty",
            "--squash",
            "HEAD~2",
            "-m",
            "more",
        ],
        &[],
    );
    repo.git_env(
        &["rebase", "-q", "-i", "--autosquash", "HEAD~5"],
        &[("GIT_SEQUENCE_EDITOR", "true"), ("GIT_EDITOR", "true")],
    );
    assert_eq!(subjects(&repo, 2), ["test: four", "fix: two, reworded"]);
}

#[test]
fn merge_cherry_pick_revert_and_am() {
    let repo = installed_repo();
    repo.git(&["switch", "-q", "-c", "side", "HEAD~1"]);
    repo.commit_hooked("feat: on the side");
    repo.git(&["switch", "-q", "main"]);
    repo.git_env(&["merge", "-q", "--no-ff", "--no-edit", "side"], &[]);
    assert_eq!(repo.head_subject(), "Merge branch 'side'");
    // a merge with a conflict, concluded by `git commit` with git's "# Conflicts:" lines.
    repo.git(&["switch", "-q", "-c", "clash", "HEAD~1"]);
    repo.write("same.txt", "side\n");
    repo.git(&["add", "same.txt"]);
    repo.commit_hooked("feat: clash on the side");
    repo.git(&["switch", "-q", "main"]);
    repo.write("same.txt", "main\n");
    repo.git(&["add", "same.txt"]);
    repo.commit_hooked("feat: clash on main");
    assert!(!repo.git_output(&["merge", "-q", "clash"]).status.success());
    repo.write("same.txt", "both\n");
    repo.git(&["add", "same.txt"]);
    repo.git_env(&["commit", "-q"], &[("GIT_EDITOR", "true")]);
    assert_eq!(repo.head_subject(), "Merge branch 'clash'");
    repo.git_env(&["commit", "-q", "--no-edit", "--amend"], &[]);
    // cherry-pick, with -x and with the editor.
    repo.git(&["switch", "-q", "-c", "pick", "HEAD~3"]);
    repo.git_env(&["cherry-pick", "-x", "side"], &[]);
    repo.git_env(&["cherry-pick", "-e", "clash"], &[("GIT_EDITOR", "true")]);
    assert_eq!(
        subjects(&repo, 2),
        ["feat: clash on the side", "feat: on the side"]
    );
    // revert, without and with the editor; a revert of a revert.
    repo.git_env(&["revert", "--no-edit", "HEAD"], &[]);
    assert_eq!(repo.head_subject(), "Revert \"feat: clash on the side\"");
    repo.git_env(&["revert", "HEAD"], &[("GIT_EDITOR", "true")]);
    assert!(repo.head_subject().contains("feat: clash on the side"));
    // am: a patch made on main, applied to another branch.
    let patches = repo.scratch("patches");
    repo.git(&[
        "format-patch",
        "-q",
        "-1",
        "main~1",
        "-o",
        patches.to_str().unwrap(),
    ]);
    let patch = std::fs::read_dir(&patches)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    repo.git(&["switch", "-q", "-c", "applied", "main~2"]);
    repo.git_env(&["am", "-q", patch.to_str().unwrap()], &[]);
    assert_eq!(repo.head_subject(), "feat: clash on main");
}

#[test]
fn amend_keeps_working_and_is_still_linted() {
    let repo = installed_repo();
    repo.git_env(&["commit", "-q", "--amend", "--no-edit"], &[]);
    repo.git_env(&["commit", "-q", "--amend"], &[("GIT_EDITOR", "true")]);
    repo.git_env(&["commit", "-q", "--amend", "-m", "fix: two, amended"], &[]);
    assert_eq!(repo.head_subject(), "fix: two, amended");
    let bad = repo.git_in(
        &repo.path(),
        &["commit", "-q", "--amend", "-m", "amended badly"],
        &[],
    );
    assert_refused(&bad, "error[header-format]");
    assert_eq!(repo.head_subject(), "fix: two, amended");
}

/// post-commit names relhook on its `#!` line: git starts relhook without a shell.
#[cfg(unix)]
#[test]
fn post_commit_starts_relhook_directly_and_still_chains_the_hook_it_replaced() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("post-commit");
    let marker = repo.scratch("marks").join("ran");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\necho ran >>'{}'\n[ -f veto ] && exit 4\nexit 0\n",
            marker.display()
        ),
    )
    .unwrap();
    chmod(&hook, 0o755);
    let said = install(&repo, &[]);
    assert!(said.contains("post-commit.relhook-orig"), "{said}");
    let shim = std::fs::read_to_string(&hook).unwrap();
    let bin = relhook_bin().canonicalize().unwrap();
    assert!(
        shim.starts_with(&format!("#!{} hook:post-commit:chain\n", bin.display())),
        "{shim}"
    );
    repo.commit_hooked("feat: first");
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\n");
    assert!(repo.read("CHANGELOG.md").contains("- first"));
    // The replaced hook fails: git ignores a post-commit's exit, and relhook's part still runs
    // (a `[ -f x ] && ...` last line "fails" on most commits).
    repo.write("veto", "");
    repo.git(&["add", "veto"]);
    repo.commit_hooked("feat: second");
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\nran\n");
    assert!(repo.read("CHANGELOG.md").contains("- second"));
    // RELHOOK_SKIP still bypasses relhook (the replaced hook still runs).
    repo.git(&["rm", "-q", "veto"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "feat: third"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("- third"));
    assert_eq!(std::fs::read_to_string(&marker).unwrap().lines().count(), 3);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    // Uninstall puts the replaced hook back, byte for byte.
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(std::fs::read_to_string(&hook).unwrap().contains("exit 4"));
}

/// A post-commit that cannot start blocks nothing: git says so, the commit stands, doctor
/// names the fix.
#[cfg(unix)]
#[test]
fn post_commit_whose_relhook_is_gone_keeps_the_commit_and_doctor_says_why() {
    let repo = Repo::new();
    let bin = installed_by_a_binary_that_then_goes(&repo);
    std::os::unix::fs::symlink(relhook_bin(), bin.join("relhook")).unwrap();
    repo.write("a.txt", "a");
    repo.git(&["add", "a.txt"]);
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let out = repo
        .command_in(git_abs(), &repo.path())
        .env("PATH", &path)
        .args(["commit", "-q", "-m", "feat: made anyway"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "feat: made anyway");
    // git's own "cannot exec" comes with relhook's line saying why and what fixes it.
    assert!(
        stderr(&out).contains("which is gone; this check ran")
            && stderr(&out).contains("post-commit cannot start and adds no changelog entry: `relhook install` points the hooks at"),
        "{}",
        text(&out)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("STALE  hook post-commit"),
        "{}",
        text(&doctor)
    );
    install(&repo, &[]);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}

/// What else may run the direct post-commit: a chained hook with no `#!` line (git runs such
/// files with sh, and so does relhook), `sh <file>`, a hook manager that moved the file aside
/// and calls it by its new name; and `--force` means the kept hook no longer runs.
#[cfg(unix)]
#[test]
fn direct_post_commit_survives_sh_renames_and_hooks_without_a_shebang_line() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("post-commit");
    let marker = repo.scratch("marks").join("ran");
    std::fs::write(&hook, format!("echo ran >>'{}'\n", marker.display())).unwrap();
    chmod(&hook, 0o755);
    install(&repo, &[]);
    repo.commit_hooked("feat: first");
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\n");
    assert!(repo.read("CHANGELOG.md").contains("- first"));
    // Moved aside (pre-commit keeps a hook as `.legacy`) and called by its new name, and run
    // with sh: both still add the entry.
    let legacy = repo.hooks_dir().join("post-commit.legacy");
    std::fs::rename(&hook, &legacy).unwrap();
    std::fs::write(&hook, "#!/bin/sh\nexec \"$0.legacy\" \"$@\"\n").unwrap();
    chmod(&hook, 0o755);
    repo.commit_hooked("feat: second");
    assert!(
        repo.read("CHANGELOG.md").contains("- second"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    // The hook relhook chains still runs: it is found by the hook's name, not the moved file's.
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\nran\n");
    std::fs::write(&hook, "#!/bin/sh\nexec sh \"$0.legacy\" \"$@\"\n").unwrap();
    repo.commit_hooked("feat: third");
    assert!(repo.read("CHANGELOG.md").contains("- third"));
    std::fs::rename(&legacy, &hook).unwrap();
    // --force keeps the foreign hook but no longer runs it.
    install(&repo, &["--force"]);
    repo.commit_hooked("feat: fourth");
    assert!(repo.read("CHANGELOG.md").contains("- fourth"));
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\nran\nran\n");
    // git made the index readable to others; relhook's rewrite keeps it so.
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(repo.path().join(".git/index"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o077, 0o044, "index mode {mode:o}");
}

/// A hooks directory inside the work tree (tracked for the team) gets the sh shim: another
/// clone's relhook is not at this machine's path.
#[cfg(unix)]
#[test]
fn a_tracked_hooks_directory_gets_the_portable_post_commit_shim() {
    let repo = Repo::new();
    std::fs::create_dir(repo.path().join(".githooks")).unwrap();
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    install(&repo, &[]);
    let shim = std::fs::read_to_string(repo.path().join(".githooks/post-commit")).unwrap();
    assert!(shim.starts_with("#!/bin/sh\n"), "{shim}");
    repo.commit_hooked("feat: tracked hooks");
    assert!(repo.read("CHANGELOG.md").contains("- tracked hooks"));
}

/// GIT_INDEX_FILE names the index git commits from, with or without GIT_DIR: relhook stages
/// the changelog there, so the next commit does not delete it.
#[test]
fn an_exported_git_index_file_is_the_index_relhook_updates() {
    let repo = Repo::new();
    install(&repo, &[]);
    repo.commit_hooked("chore: start");
    let alt = repo.scratch("idx").join("alt.index");
    std::fs::copy(repo.path().join(".git/index"), &alt).unwrap();
    let env = [("GIT_INDEX_FILE", alt.to_str().unwrap())];
    repo.write("b.txt", "b");
    repo.git_env(&["add", "b.txt"], &env);
    let out = repo.git_in(&repo.path(), &["commit", "-q", "-m", "feat: b alt"], &env);
    assert!(out.status.success(), "{}", text(&out));
    let status = repo.git_env(&["status", "--short"], &env);
    assert_eq!(status.trim(), "", "{status}");
    repo.write("c.txt", "c");
    repo.git_env(&["add", "c.txt"], &env);
    let out = repo.git_in(&repo.path(), &["commit", "-q", "-m", "fix: c alt"], &env);
    assert!(out.status.success(), "{}", text(&out));
    let tree = repo.git(&["ls-tree", "--name-only", "HEAD"]);
    assert!(tree.contains("CHANGELOG.md"), "{tree}");
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(log.contains("- b alt") && log.contains("- c alt"), "{log}");
}

/// Uncommitted hand edits of CHANGELOG.md stay uncommitted through a post-commit: the index
/// records the committed entry, never the edited file's stat data, so a release tag is refused
/// as on any dirty tree (found by QA: the edits were swept into the release commit).
#[test]
fn hand_edits_in_the_changelog_keep_the_tree_dirty_after_a_commit() {
    let repo = Repo::new();
    install(&repo, &[]);
    repo.commit_hooked("chore: start");
    repo.commit_hooked("feat: a");
    let mut text = repo.read("CHANGELOG.md");
    text.push_str("- my uncommitted hand note\n");
    repo.write("CHANGELOG.md", &text);
    repo.write("g.txt", "g");
    repo.git(&["add", "g.txt"]);
    repo.commit_hooked("fix: b");
    assert!(
        repo.read("CHANGELOG.md")
            .contains("my uncommitted hand note")
    );
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!committed.contains("hand note"), "{committed}");
    let out = repo.git_in(&repo.path(), &["tag", "-a", "v0.1.0", "-m", "r"], &[]);
    assert!(
        !out.status.success(),
        "the tag is refused: {}",
        text_of(&out)
    );
    assert!(
        stderr(&out).contains("not clean") && stderr(&out).contains("CHANGELOG.md"),
        "{}",
        text_of(&out)
    );
    let shown = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!shown.contains("hand note"));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("my uncommitted hand note")
    );
}

fn text_of(out: &std::process::Output) -> String {
    text(out)
}

/// A binary reached through a link on PATH (Homebrew's `bin/relhook`, a nix profile) is
/// recorded by that link, so an upgrade that moves the binary and repoints the link keeps
/// every hook working, the direct post-commit included.
#[cfg(unix)]
#[test]
fn a_binary_linked_on_path_is_recorded_by_its_link_and_survives_an_upgrade() {
    let repo = Repo::new();
    let cellar = repo.scratch("cellar");
    let v1 = cellar.join("1.0");
    std::fs::create_dir_all(&v1).unwrap();
    // A hard link, not a copy (see `installed_by_a_binary_that_then_goes`).
    if std::fs::hard_link(relhook_bin(), v1.join("relhook")).is_err() {
        std::fs::copy(relhook_bin(), v1.join("relhook")).unwrap();
    }
    let bin = repo.scratch("linkbin");
    std::os::unix::fs::symlink(v1.join("relhook"), bin.join("relhook")).unwrap();
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let out = repo
        .command_in(bin.join("relhook"), &repo.path())
        .env("PATH", &path)
        .arg("install")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let shim = std::fs::read_to_string(repo.hooks_dir().join("post-commit")).unwrap();
    assert!(
        shim.contains(&bin.join("relhook").display().to_string()),
        "{shim}"
    );
    // The upgrade: the old version goes, the link points at the new one.
    let v2 = cellar.join("2.0");
    std::fs::create_dir_all(&v2).unwrap();
    std::fs::rename(v1.join("relhook"), v2.join("relhook")).unwrap();
    std::fs::remove_file(bin.join("relhook")).unwrap();
    std::os::unix::fs::symlink(v2.join("relhook"), bin.join("relhook")).unwrap();
    repo.write("a.txt", "a");
    repo.git(&["add", "a.txt"]);
    let out = repo
        .command_in(git_abs(), &repo.path())
        .env("PATH", &path)
        .args(["commit", "-q", "-m", "feat: after the upgrade"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md").contains("- after the upgrade"),
        "{}",
        text(&out)
    );
}

/// In a shared repository (`core.sharedRepository`), the objects and folders relhook writes get
/// the permissions git gives its own, and the index keeps git's.
#[cfg(unix)]
#[test]
fn a_shared_repository_gets_git_s_permissions_from_relhook_too() {
    use std::os::unix::fs::PermissionsExt;
    let repo = Repo::new();
    repo.git(&["config", "core.sharedRepository", "0640"]);
    install(&repo, &[]);
    repo.commit_hooked("chore: start");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let index_before = mode(&repo.path().join(".git/index"));
    repo.write("b.txt", "b");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("feat: shared");
    assert_eq!(mode(&repo.path().join(".git/index")), index_before);
    let object = |rev: &str| {
        let hex = repo.git(&["rev-parse", rev]);
        repo.path()
            .join(".git/objects")
            .join(&hex[..2])
            .join(&hex[2..])
    };
    // git's own commit (before relhook's amend), and the blob and commit relhook wrote.
    let by_git = mode(&object("HEAD@{1}"));
    assert_eq!(by_git, 0o440, "git made its object {by_git:o}");
    for rev in ["HEAD", "HEAD:CHANGELOG.md"] {
        let p = object(rev);
        assert_eq!(mode(&p), by_git, "{rev}: {:o}", mode(&p));
        let dir = mode(p.parent().unwrap());
        assert_eq!(
            dir & 0o2000,
            0o2000,
            "{rev}: folder {dir:o} keeps the group"
        );
    }
}

/// The note the tag hook keeps in the git dir (`relhook-tag-settled`) goes with the hooks.
#[test]
fn uninstall_removes_the_tag_hook_s_note() {
    let repo = Repo::new();
    install(&repo, &[]);
    repo.commit_hooked("chore: start");
    let out = repo.git_in(&repo.path(), &["tag", "-a", "build-7", "-m", "x"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let note = repo.path().join(".git/relhook-tag-settled");
    assert!(note.exists(), "the tag was settled in `prepared`");
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!note.exists());
}

/// A repository relhook cannot read (SHA-256 objects here) is not "all is well": doctor says
/// the hooks fail there and how to take them out.
#[test]
fn doctor_says_when_relhook_cannot_read_the_repository() {
    let repo = Repo::new();
    let dir = repo.scratch("s256");
    let out = repo
        .command_in(git_abs(), &dir)
        .args(["init", "-q", "--object-format=sha256", "."])
        .output()
        .unwrap();
    if !out.status.success() {
        return; // a git without SHA-256 support: nothing to check
    }
    let out = repo.relhook_in(&dir, &["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("INVALID  repository: relhook cannot work in this repository"),
        "{}",
        text(&out)
    );
    // No hook of relhook's is there: nothing to uninstall (QA43).
    assert!(!stdout(&out).contains("fix:"), "{}", text(&out));
}

/// A second release tag on the commit of the first (nothing committed since) is refused, not
/// turned into an empty release (found by QA).
#[test]
fn a_second_release_tag_on_a_release_commit_is_refused() {
    let repo = Repo::new();
    install(&repo, &[]);
    repo.commit_hooked("chore: start");
    repo.commit_hooked("feat: one");
    let tag = |name: &str| repo.git_in(&repo.path(), &["tag", "-a", name, "-m", name], &[]);
    let out = tag("v0.1.0");
    assert!(out.status.success(), "{}", text(&out));
    let out = tag("v0.1.1");
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("already release v0.1.0's"),
        "{}",
        text(&out)
    );
    assert!(!repo.read("CHANGELOG.md").contains("[0.1.1]"));
    assert!(repo.git(&["tag", "--list"]).lines().all(|t| t != "v0.1.1"));
}

/// A global core.hooksPath set after `relhook install` (QA12): doctor named `relhook install`,
/// which refuses a global hooks directory. Its fix is now the one install itself gives, and it
/// works when run as written.
#[test]
fn doctor_under_a_global_hooks_path_names_a_fix_that_works() {
    let repo = Repo::new();
    repo.commit("chore: start");
    install(&repo, &[]);
    let global = repo.scratch("global-hooks");
    repo.git(&[
        "config",
        "--global",
        "core.hooksPath",
        global.to_str().unwrap(),
    ]);
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("fix: relhook install\n"), "{doctor}");
    let fix = doctor
        .lines()
        .find_map(|l| l.trim().strip_prefix("fix: `"))
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(fix.starts_with("git config core.hooksPath "), "{doctor}");
    let out = repo
        .command_in("sh", &repo.path())
        .args(["-c", fix])
        .output()
        .unwrap();
    assert!(out.status.success(), "{fix}: {}", text(&out));
    install(&repo, &[]);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    assert_refused(&repo.try_commit("bad here"), "error[header-format]");
}

/// QA: lefthook keeps the hook it replaces as `<hook>.old` and puts it back on `lefthook
/// uninstall`. relhook's shim kept there stayed after `relhook uninstall`, and came back to
/// life with lefthook's uninstall. Now uninstall removes it, or puts the hook relhook had
/// kept there instead, for lefthook to give back.
#[test]
fn uninstall_takes_relhooks_shim_out_of_lefthooks_old() {
    let (repo, mine) = installed_over_my_commit_msg();
    let hooks = repo.hooks_dir();
    // `lefthook install`, as it does for a hook it did not write.
    let runner = "#!/bin/sh\n# lefthook's runner\nexit 0\n";
    for name in ["commit-msg", "reference-transaction"] {
        std::fs::rename(hooks.join(name), hooks.join(format!("{name}.old"))).unwrap();
        std::fs::write(hooks.join(name), runner).unwrap();
        chmod(&hooks.join(name), 0o755);
    }
    let out = repo.relhook(&["uninstall"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stdout(&out).contains(
            "removed commit-msg.old from .git/hooks: relhook's shim, which lefthook had kept aside and would put back on `lefthook uninstall`; the hook relhook had replaced is there instead (from commit-msg.relhook-orig)"
        ) && stdout(&out).contains("removed reference-transaction.old from .git/hooks: relhook's shim"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read_to_string(hooks.join("commit-msg.old")).unwrap(),
        mine
    );
    assert!(!hooks.join("reference-transaction.old").exists());
    assert!(!hooks.join("commit-msg.relhook-orig").exists());
    assert_eq!(
        std::fs::read_to_string(hooks.join("commit-msg")).unwrap(),
        runner
    );
    // `lefthook uninstall` then gives back the user's hook, and nothing of relhook's.
    std::fs::rename(hooks.join("commit-msg.old"), hooks.join("commit-msg")).unwrap();
    std::fs::remove_file(hooks.join("reference-transaction")).unwrap();
    let ok = repo.try_commit("not conventional, and nothing refuses it");
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(stderr(&ok).contains("MINE"), "{}", text(&ok));
    let tag = repo.git_output(&["tag", "-a", "1.0", "-m", "x"]);
    assert!(tag.status.success(), "{}", text(&tag));
}

/// QA: lefthook installed from npm has no `lefthook` command of its own: the step install
/// and doctor name is `npx lefthook install` there.
#[test]
fn lefthook_from_npm_is_named_through_npx() {
    let repo = Repo::new();
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    lint:\n      run: echo\n",
    );
    repo.write("node_modules/.bin/lefthook", "#!/bin/sh\nexit 0\n");
    chmod(&repo.path().join("node_modules/.bin/lefthook"), 0o755);
    let said = stdout(&crate::support::pending(repo.relhook(&["install"])));
    assert!(
        said.contains("then run `npx lefthook install`")
            && !said.contains("then run `lefthook install`"),
        "{said}"
    );
    let d = repo.relhook(&["doctor"]);
    assert!(
        stdout(&d).contains("fix: npx lefthook install"),
        "{}",
        text(&d)
    );
}

/// Review: relhook's shim at `<hook>.old` with a command added by hand keeps it (as the shim
/// itself does); with no lefthook runner at the hook, the hook relhook kept goes back to the
/// hook itself, where git runs it, not to `.old`.
#[test]
fn lefthooks_old_keeps_added_lines_and_a_kept_hook_goes_where_git_runs_it() {
    let (repo, mine) = installed_over_my_commit_msg();
    let hooks = repo.hooks_dir();
    // No runner written at the hook: the kept hook goes back there.
    std::fs::rename(hooks.join("commit-msg"), hooks.join("commit-msg.old")).unwrap();
    let out = repo.relhook(&["uninstall"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(hooks.join("commit-msg")).unwrap(),
        mine
    );
    assert!(!hooks.join("commit-msg.old").exists(), "{}", text(&out));
    // A command added below the shim kept as `.old`: left, and said.
    install(&repo, &[]);
    let mut shim = std::fs::read(hooks.join("post-commit")).unwrap();
    shim.extend_from_slice(b"\ngit lfs post-commit \"$@\"\n");
    std::fs::write(hooks.join("post-commit.old"), &shim).unwrap();
    std::fs::write(
        hooks.join("post-commit"),
        "#!/bin/sh\n# lefthook's runner\n",
    )
    .unwrap();
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("post-commit: NOT removed: .git/hooks/post-commit.old has"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read(hooks.join("post-commit.old")).unwrap(), shim);
}

/// relhook installed over a commit-msg hook of the user's (kept, and run first), and that
/// hook's text.
fn installed_over_my_commit_msg() -> (Repo, &'static str) {
    let repo = Repo::new();
    let mine = "#!/bin/sh\necho MINE >&2\n";
    let hook = repo.hooks_dir().join("commit-msg");
    std::fs::write(&hook, mine).unwrap();
    chmod(&hook, 0o755);
    install(&repo, &[]);
    (repo, mine)
}
