//! Found by QA in round 23: `check` on a GitHub pull request whose base comes only from the
//! event payload; uninstall's one rule for the team's files and its all-or-nothing removal; a
//! package's name used as a scope on a commit of root files; a cherry-pick run while a rebase
//! is stopped.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, SKELETON, listing, ok, pending, stderr, stdout, text};

// ---------------------------------------------------------------------------------------
// 1. `relhook check` on a GitHub pull request: the base from the event payload.

/// An origin with a pull request: main has an old non-conventional commit, the feature
/// branch one bad commit, `refs/pull/1/merge` merges it into main, and main moves on.
struct Origin {
    repo: Repo,
    /// The oldest commit (not conventional).
    old: String,
    /// main when the merge ref was made: the merge base.
    fork: String,
    /// The feature branch's tip.
    feature: String,
    /// main's tip now.
    main: String,
}

fn origin() -> Origin {
    let repo = Repo::new();
    let old = repo.commit("old commit that is not conventional");
    repo.commit("feat: one");
    let fork = repo.commit("fix: two");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.commit("feat: pr work");
    repo.commit("bad pr commit");
    let feature = repo.commit("fix: more pr work");
    repo.git(&["checkout", "-q", "--detach", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "-m", "Merge feature", "feature"]);
    let merge = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["update-ref", "refs/pull/1/merge", &merge]);
    repo.git(&["checkout", "-q", "main"]);
    let main = repo.commit("fix: main moved on");
    Origin {
        repo,
        old,
        fork,
        feature,
        main,
    }
}

impl Origin {
    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.repo.git_in(dir, args, &[]);
        assert!(out.status.success(), "git {args:?}: {}", text(&out));
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// actions/checkout of the pull request's merge ref: `depth` 1, or everything (None).
    fn checkout(&self, depth: Option<u32>) -> PathBuf {
        let dir = self.repo.scratch("ci");
        self.git(&dir, &["init", "-q"]);
        let url = format!("file://{}", self.repo.path().display());
        self.git(&dir, &["remote", "add", "origin", &url]);
        let pull = "+refs/pull/1/merge:refs/remotes/pull/1/merge";
        match depth {
            Some(d) => {
                let d = format!("--depth={d}");
                self.git(&dir, &["fetch", "-q", "--no-tags", &d, "origin", pull]);
            }
            None => {
                self.git(
                    &dir,
                    &[
                        "fetch",
                        "-q",
                        "origin",
                        "+refs/heads/*:refs/remotes/origin/*",
                        pull,
                    ],
                );
            }
        }
        self.git(
            &dir,
            &["checkout", "-q", "--detach", "refs/remotes/pull/1/merge"],
        );
        dir
    }

    /// The event payload of the pull request, written beside the checkout.
    fn event(&self, base_sha: &str, head_sha: &str) -> PathBuf {
        let path = self.repo.scratch("event").join("event.json");
        std::fs::write(
            &path,
            format!(
                r#"{{"pull_request":{{"base":{{"ref":"main","sha":"{base_sha}"}},"head":{{"ref":"feature","sha":"{head_sha}"}}}}}}"#
            ),
        )
        .unwrap();
        path
    }

    fn check(&self, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.repo.command_in(crate::support::relhook_bin(), dir);
        cmd.arg("check").args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }
}

/// A `pull_request` run whose environment has no GITHUB_BASE_REF (a container step, a
/// re-run through `act`, a wrapper that passes only some variables): the payload still names
/// the base (`pull_request.base`). relhook took the run for one that "names no base" and
/// checked all of history, blaming main's old commit; it checks exactly the pull request.
#[test]
fn a_pull_request_without_github_base_ref_checks_from_the_payloads_base() {
    let o = origin();
    let dir = o.checkout(None);
    let event = o.event(&o.fork, &o.feature);
    let env = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
    ];
    let out = o.check(&dir, &[], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let s = stdout(&out);
    assert!(
        s.starts_with(&format!("relhook: checking {}..HEAD: ", &o.fork[..9])),
        "{s}"
    );
    assert!(s.contains("pull_request.base"), "{s}");
    assert!(s.contains("✗") && s.contains("bad pr commit"), "{s}");
    assert!(
        !s.contains("old commit"),
        "main's history is not blamed: {s}"
    );
    let j: serde_json::Value =
        serde_json::from_slice(&o.check(&dir, &["--format", "json"], &env).stdout).unwrap();
    assert_eq!(j["range"]["base"], o.fork.as_str());
    assert_eq!(j["range"]["source"], "github");
    // Without origin/main, the payload's base commit alone.
    o.git(&dir, &["update-ref", "-d", "refs/remotes/origin/main"]);
    let out = o.check(&dir, &[], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains(&format!("; base {}\n", &o.fork[..9])),
        "{}",
        text(&out)
    );
}

/// The same run in a shallow clone: relhook refuses with the fix for GitHub instead of
/// checking what the boundary leaves. At actions/checkout's default depth 1 the payload's head
/// commit is already missing; at depth 2 the head is there and the base commit the payload
/// names is not.
#[test]
fn a_pull_request_without_github_base_ref_in_a_shallow_clone_refuses_with_the_fix() {
    let o = origin();
    for (depth, base) in [(1, &o.fork), (2, &o.main)] {
        let dir = o.checkout(Some(depth));
        let event = o.event(base, &o.feature);
        let env = [
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
        ];
        let out = o.check(&dir, &[], &env);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("is not in this clone"), "{err}");
        assert!(err.contains("fetch-depth: 0"), "{err}");
        if depth == 2 {
            assert!(err.contains("the base `origin/main`"), "{err}");
            assert!(err.contains(&o.main[..9]), "{err}");
        }
        assert!(!stdout(&out).contains("checked"), "{}", text(&out));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// GITHUB_BASE_REF is set but origin/main was not fetched, and the payload's base commit is
/// not in the clone either: a local `main` (a runner's workspace kept from an earlier job)
/// is no stand-in for the base the event names. relhook checked from it, a wrong range; it
/// refuses now, naming what is missing.
#[test]
fn a_pull_request_whose_named_base_is_missing_is_not_checked_from_a_local_branch() {
    let o = origin();
    let dir = o.repo.scratch("ci");
    o.git(&dir, &["init", "-q"]);
    let url = format!("file://{}", o.repo.path().display());
    o.git(&dir, &["remote", "add", "origin", &url]);
    o.git(
        &dir,
        &[
            "fetch",
            "-q",
            "--no-tags",
            "origin",
            "+refs/pull/1/merge:refs/remotes/pull/1/merge",
        ],
    );
    o.git(
        &dir,
        &["checkout", "-q", "--detach", "refs/remotes/pull/1/merge"],
    );
    o.git(&dir, &["branch", "main", &o.old]);
    let event = o.event(&o.main, &o.feature);
    let env = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("GITHUB_BASE_REF", "main"),
        ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
    ];
    let out = o.check(&dir, &[], &env);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("is not in this clone"), "{err}");
    assert!(err.contains(&o.main[..9]), "{err}");
    assert!(!stdout(&out).contains("checked"), "{}", text(&out));
}

/// Without GITHUB_BASE_REF, the payload's head commit is still the pull request's: a checkout
/// that does not contain it (pull_request_target's default, the base branch) is refused.
#[test]
fn a_pull_request_without_github_base_ref_whose_checkout_is_not_the_pull_request_refuses() {
    let o = origin();
    let dir = o.checkout(None);
    o.git(
        &dir,
        &["checkout", "-q", "--detach", "refs/remotes/origin/main"],
    );
    let event = o.event(&o.fork, &o.feature);
    let env = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "pull_request_target"),
        ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
    ];
    let out = o.check(&dir, &[], &env);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("pull_request.head.sha"), "{err}");
}

// ---------------------------------------------------------------------------------------
// 2. uninstall: one rule for the team's files, for every manager.

/// A team's `.githooks`, tracked and named by `core.hooksPath`, with the team's own pre-push;
/// relhook's shims installed there with `--shared` and committed.
fn committed_shared_install() -> Repo {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    crate::support::make_executable(&repo.path().join(".githooks/pre-push"));
    repo.write("a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    ok(repo.relhook(&["install", "--shared"]));
    repo.git(&["add", ".githooks"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: run relhook's hooks"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    repo
}

/// husky 9's layout with relhook's calls committed in the team's `.husky/<hook>` files.
fn committed_husky_install() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".husky/commit-msg",
        "npx --no -- commitlint --edit \"$1\"\n",
    );
    repo.write(".husky/_/.gitignore", "*\n");
    repo.write(".husky/_/h", "#!/usr/bin/env sh\nexit 0\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", ".husky"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: relhook in husky"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    repo
}

/// lefthook's configuration with relhook's sections committed.
fn committed_lefthook_install() -> Repo {
    let repo = Repo::new();
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    lint:\n      run: echo lint\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    pending(repo.relhook(&["install"]));
    repo.git(&["add", "lefthook.yml"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: relhook in lefthook"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    repo
}

/// Appends `line` to a file of the work tree.
fn append(repo: &Repo, rel: &str, line: &str) {
    let mut text = repo.read(rel);
    text.push_str(line);
    repo.write(rel, text);
}

/// Plain uninstall refuses in one line naming `file` and `--shared`, and changes nothing.
fn refuses_naming(repo: &Repo, file: &str) {
    let before = listing(&repo.path());
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    for said in ["not uninstalled", file, "`relhook uninstall --shared`"] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert!(listing(&repo.path()) == before, "nothing changed: {err}");
}

/// A file whose committed version holds relhook's part is the team's whatever this clone did
/// to its copy since: a committed shim edited here (a line added below it, still relhook's
/// shim) was counted as this clone's alone, and plain uninstall deleted the team's tracked
/// file; husky's and lefthook's files were judged by their committed version already. One
/// rule now, for every manager: committed, edited or not, it needs `--shared`.
#[test]
fn a_committed_hook_edited_in_this_clone_is_still_the_teams_for_every_manager() {
    let repo = committed_shared_install();
    append(&repo, ".githooks/commit-msg", "# a note of mine\n");
    refuses_naming(&repo, ".githooks/commit-msg");
    // Its mode changed only (`git diff` shows it): the same.
    let repo = committed_shared_install();
    crate::support::chmod(&repo.path().join(".githooks/post-commit"), 0o700);
    refuses_naming(&repo, ".githooks/post-commit");
    let out = ok(repo.relhook(&["uninstall", "--shared"]));
    assert!(
        stdout(&out).contains(".githooks/post-commit"),
        "{}",
        text(&out)
    );
    assert!(!repo.path().join(".githooks/post-commit").exists());

    let repo = committed_husky_install();
    append(&repo, ".husky/commit-msg", "echo mine\n");
    refuses_naming(&repo, ".husky/commit-msg");

    let repo = committed_lefthook_install();
    append(&repo, "lefthook.yml", "# mine\n");
    refuses_naming(&repo, "lefthook.yml");
}

/// The rule's other side, for every manager: what the committed version does not hold is
/// this clone's. A team's own hook that this clone's install replaced (relhook's shim and its
/// backup not committed) goes back as it was, without `--shared`.
#[test]
fn what_only_this_clone_added_goes_without_shared_for_every_manager() {
    let repo = Repo::new();
    repo.write(".githooks/pre-push", "#!/bin/sh\nexit 0\n");
    crate::support::make_executable(&repo.path().join(".githooks/pre-push"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".githooks"]);
    ok(repo.relhook(&["install", "--shared"]));
    append(&repo, ".githooks/pre-push", "# edited here\n");
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(repo.read(".githooks/pre-push"), "#!/bin/sh\nexit 0\n");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let repo = Repo::new();
    repo.write(
        ".husky/commit-msg",
        "npx --no -- commitlint --edit \"$1\"\n",
    );
    repo.write(".husky/_/.gitignore", "*\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    pending(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let repo = Repo::new();
    repo.write("lefthook.yml", "pre-commit:\n  commands: {}\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    pending(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

// ---------------------------------------------------------------------------------------
// 3. uninstall is all or nothing.

/// A directory's files, bytes and modes (see [`listing`]).
type Listing = Vec<(String, Vec<u8>, u32)>;

/// Everything an uninstall changes: the work tree (hooks directory, managers' files), the
/// clone's hooks, its config and attributes.
fn everything(repo: &Repo) -> (Listing, Listing, String) {
    let tree = listing(&repo.path())
        .into_iter()
        .filter(|(name, ..)| !name.starts_with(".git/") && name != ".git/")
        .collect();
    let git = listing(&repo.path().join(".git"))
        .into_iter()
        .filter(|(name, ..)| name.starts_with("hooks") || name.starts_with("info"))
        .collect();
    (tree, git, repo.read(".git/config"))
}

/// The one line an uninstall that failed midway says: nothing changed, and why.
fn nothing_changed(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{}", text(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nothing changed"), "{err}");
    err
}

/// `uninstall --shared` that fails midway (git cannot write its config: another git holds
/// `.git/config.lock`) had already taken relhook's shims out of the team's `.githooks` and
/// husky's calls out of `.husky/`: half uninstalled. Now every file is put back as it was,
/// and one line says nothing changed and why; once the lock is gone, it goes through.
#[test]
fn uninstall_that_fails_midway_puts_everything_back() {
    let repo = committed_shared_install();
    assert!(repo.read(".git/config").contains("relhook-changelog"));
    let before = everything(&repo);
    std::fs::write(repo.path().join(".git/config.lock"), "").unwrap();
    let out = repo.relhook(&["uninstall", "--shared"]);
    let err = nothing_changed(&out);
    assert!(err.contains("config"), "{err}");
    std::fs::remove_file(repo.path().join(".git/config.lock")).unwrap();
    assert!(everything(&repo) == before, "nothing changed: {err}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    ok(repo.relhook(&["uninstall", "--shared"]));
    assert!(!repo.path().join(".githooks/commit-msg").exists());
    assert!(!repo.read(".git/config").contains("relhook-changelog"));

    // A failure after git's config changed too: the merge driver and the attribute come back.
    let repo = committed_husky_install();
    let before = everything(&repo);
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .args(["uninstall", "--shared"])
        .env("RELHOOK_TEST_FAILPOINT", "uninstall-unregistered")
        .output()
        .unwrap();
    nothing_changed(&out);
    assert!(
        everything(&repo) == before,
        "nothing changed: {}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

// ---------------------------------------------------------------------------------------
// 4. A package's name as the scope of a commit of root files.

/// Package `api` at packages/api (no `scopes`), a root CHANGELOG.md, the hooks.
fn api_monorepo(root_changelog: bool) -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"packages/api\"\n",
    );
    repo.write("packages/api/index.js", "1\n");
    repo.write("README.md", "readme\n");
    if root_changelog {
        repo.write("CHANGELOG.md", SKELETON);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo
}

/// `feat(api): x` touching only root files: DESIGN.md routes by path, and by `scopes` only
/// where configured, so the entry goes to the root changelog. relhook said only "added to
/// CHANGELOG.md", and the user who meant api's changelog never heard why; one line says now
/// that the scope names package api, that the commit changes nothing of it, and the setting
/// that sends such commits to api.
#[test]
fn a_package_name_as_scope_on_root_files_says_where_the_entry_went() {
    let repo = api_monorepo(true);
    repo.write("README.md", "readme, api docs\n");
    repo.git(&["add", "README.md"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(api): document the api"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("CHANGELOG.md: added"))
        .unwrap_or_else(|| panic!("{err}"));
    for said in [
        "package api",
        "packages/api",
        "root changelog",
        "scopes = [\"api\"]",
    ] {
        assert!(line.contains(said), "{said}: {line}");
    }
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("**api:** document the api")
    );
    assert!(
        repo.git_output(&["show", "HEAD:packages/api/CHANGELOG.md"])
            .status
            .code()
            != Some(0)
    );
    // A commit of api's own files says nothing more.
    repo.write("packages/api/index.js", "2\n");
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(api): two"]);
    assert!(!stderr(&out).contains("scopes = "), "{}", text(&out));

    // Without a root changelog, the line that says no entry was added names the scope too.
    let repo = api_monorepo(false);
    repo.write("README.md", "readme, api docs\n");
    repo.git(&["add", "README.md"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(api): document the api"]);
    let err = stderr(&out);
    assert!(err.contains("no entry added"), "{err}");
    assert!(err.contains("scopes = [\"api\"]"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("relhook:")).count(),
        1,
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// 5. A cherry-pick run while a rebase is stopped.

/// `chore: start` (no changelog), `feat: add A` (creates CHANGELOG.md), `fix: add B`; branch
/// `side` from `chore: start` with `chore: s`, and an interactive rebase of side stopped by
/// `todo` (a sed script for the todo list: `edit chore: s`, or a `break` before it).
fn rebase_stopped_on_a_branch_without_the_changelog(todo: &str) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.commit_hooked("feat: add A");
    repo.commit_hooked("fix: add B");
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~2"]);
    repo.commit_hooked("chore: s");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~1"],
        &[("GIT_SEQUENCE_EDITOR", todo)],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.path().join(".git/rebase-merge").exists());
    repo
}

/// While a rebase is stopped, `git cherry-pick main` stops on CHANGELOG.md, which the branch
/// does not have (modify/delete). relhook took the CHERRY_PICK_HEAD for the rebase's own pick
/// and said nothing, where the same pick outside a rebase gets the way on; doctor too. Now
/// the hook and doctor name it, and what follows says why no entry is added until the rebase
/// is done, and `relhook changelog --sync` then adds it. Stopped by `edit` or by `break`.
#[test]
fn a_cherry_pick_stopped_while_a_rebase_is_stopped_gets_the_way_on() {
    for todo in ["sed -i s/^pick/edit/", "sed -i 1ibreak"] {
        cherry_pick_in_a_stopped_rebase(todo);
    }
}

fn cherry_pick_in_a_stopped_rebase(todo: &str) {
    let repo = rebase_stopped_on_a_branch_without_the_changelog(todo);
    let out = repo.git_output(&["cherry-pick", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("CONFLICT (modify/delete)"),
        "{}",
        text(&out)
    );
    let line = stderr(&out)
        .lines()
        .find(|l| l.starts_with("relhook: CHANGELOG.md:"))
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no way on:\n{}", text(&out)));
    let fix = line.split('`').nth(1).unwrap().to_owned();
    assert_eq!(
        fix, "git rm CHANGELOG.md && git cherry-pick --continue",
        "{line}"
    );
    assert!(line.contains("rebase"), "{line}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("cherry-pick: ") && doctor.contains(&fix),
        "{doctor}"
    );
    let out = repo.sh(&format!("GIT_EDITOR=true; export GIT_EDITOR; {fix}"));
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("no entry added to CHANGELOG.md") && said.contains("a rebase is in progress"),
        "{said}"
    );
    assert_eq!(repo.head_subject(), "fix: add B");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "--continue"],
        &[("GIT_EDITOR", "true")],
    );
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("### Fixed\n\n- add B"), "{log}");
    assert!(!log.contains("add A"), "{log}");
}

/// The rebase's own pick stopping on the same conflict is still the rebase's: no line.
#[test]
fn a_rebase_pick_stopped_on_the_changelog_stays_the_rebases() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.commit_hooked("feat: add A");
    repo.commit_hooked("fix: add B");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~2"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i 1d")],
    );
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        !stderr(&out).contains("relhook: CHANGELOG.md"),
        "{}",
        text(&out)
    );
    assert!(!stdout(&repo.relhook(&["doctor"])).contains("cherry-pick:"));
}
