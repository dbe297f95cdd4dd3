//! Found by QA in round 23, in how relhook talks to git: a partial clone's objects not fetched
//! yet, read as "not there"; and `GIT_DIR`/`GIT_WORK_TREE` given relative to a subdirectory,
//! resolved against the wrong folder by relhook and by the `git` it starts.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{
    Repo, configured_with_a_feature, hand_tag, ok, relhook_bin, stderr, stdout, text,
};

/// How the repository is named to git while working in `d/e`, two levels below the top.
#[derive(Clone, Copy, Debug)]
enum Naming {
    /// `export GIT_DIR=../../.git GIT_WORK_TREE=../..`.
    RelativeEnv,
    /// `export GIT_DIR=<abs>/.git GIT_WORK_TREE=<abs>`.
    AbsoluteEnv,
    /// `git --git-dir=../../.git --work-tree=../.. …` (git exports both to its hooks).
    Flags,
}

/// A repository with relhook installed, `origin` beside it, and a tracked file in `d/e`.
fn repo_with_a_subdir() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write("d/e/a", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo
}

/// Runs `program ARGS` in `d/e` with the repository named as `naming` says.
fn run_in_subdir(repo: &Repo, naming: Naming, program: &str, args: &[&str]) -> Output {
    let sub = repo.path().join("d/e");
    let top = repo.path();
    let is_git = program == "git";
    let mut cmd = if is_git {
        repo.command_in("git", &sub)
    } else {
        repo.command_in(relhook_bin(), &sub)
    };
    cmd.env("RELHOOK_DATE", "2026-11-21");
    match naming {
        Naming::RelativeEnv => {
            cmd.env("GIT_DIR", "../../.git")
                .env("GIT_WORK_TREE", "../..");
        }
        Naming::AbsoluteEnv => {
            cmd.env("GIT_DIR", top.join(".git"))
                .env("GIT_WORK_TREE", &top);
        }
        Naming::Flags if is_git => {
            cmd.args(["--git-dir=../../.git", "--work-tree=../.."]);
        }
        // relhook has no such flags: it runs in the subdirectory as it is.
        Naming::Flags => {}
    }
    cmd.args(args).output().expect("run")
}

/// Commit, doctor, release, hand tag and push, all from `d/e` with the repository named as
/// `naming` says: each works as it does from the top.
fn everything_works_from_the_subdir(naming: Naming) {
    let repo = repo_with_a_subdir();
    let run = |program: &str, args: &[&str]| run_in_subdir(&repo, naming, program, args);

    std::fs::write(repo.path().join("d/e/b"), "b\n").unwrap();
    ok(run("git", &["add", "b"]));
    let out = run("git", &["commit", "-q", "-m", "feat: b"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert!(stderr(&out).contains("- b"), "{naming:?}: {}", text(&out));
    assert!(repo.git(&["show", "HEAD:CHANGELOG.md"]).contains("- b"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let out = run("relhook", &["doctor"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert!(
        !text(&out).contains("MISSING"),
        "{naming:?}: {}",
        text(&out)
    );

    let out = run("relhook", &["release"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    std::fs::write(repo.path().join("d/e/c"), "c\n").unwrap();
    ok(run("git", &["add", "c"]));
    ok(run("git", &["commit", "-q", "-m", "fix: c"]));
    let out = run("git", &["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    assert!(
        repo.git(&["show", "v0.1.1:CHANGELOG.md"])
            .contains("## [0.1.1]"),
        "{naming:?}: {}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));

    let out = run("git", &["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{naming:?}: {}", text(&out));
    let remote_tags = repo.git(&["ls-remote", "--tags", "origin"]);
    assert!(remote_tags.contains("refs/tags/v0.1.1"), "{remote_tags}");
    assert!(!repo.path().join(".gitignore").exists());
}

/// QA 23.5: `export GIT_DIR=../../.git GIT_WORK_TREE=../..` in `d/e`. `relhook release`
/// failed at its tag (the `git` it started ran at the top with the relative GIT_DIR), doctor
/// called the merge driver missing, and a hand tag and a push were refused as "dirty" (git
/// hands `GIT_WORK_TREE=../..` unchanged to hooks it runs at the top).
#[test]
fn relative_git_dir_and_work_tree_from_a_subdirectory() {
    everything_works_from_the_subdir(Naming::RelativeEnv);
}

/// The same with absolute paths exported.
#[test]
fn absolute_git_dir_and_work_tree_from_a_subdirectory() {
    everything_works_from_the_subdir(Naming::AbsoluteEnv);
}

/// The same with `git --git-dir=../../.git --work-tree=../..`.
#[test]
fn git_dir_and_work_tree_flags_from_a_subdirectory() {
    everything_works_from_the_subdir(Naming::Flags);
}

/// QA: `git --git-dir=../repo/.git --work-tree=../repo` (or the same exported) from a folder
/// beside the work tree. libgit2 read the relative work tree against the git dir and could
/// not open the repository: every hand tag went through unchecked (a release tag could be
/// moved with `git tag -f`), `relhook version` failed and the push was refused.
#[test]
fn relative_git_dir_and_work_tree_from_a_folder_beside_the_work_tree() {
    let repo = repo_with_a_subdir();
    let out_dir = repo.scratch("out");
    for flags in [true, false] {
        let run = |program: &str, args: &[&str]| {
            let mut cmd = repo.command_in(program, &out_dir);
            cmd.env("RELHOOK_DATE", "2026-11-21");
            if flags && program == "git" {
                cmd.args(["--git-dir=../repo/.git", "--work-tree=../repo"]);
            } else {
                cmd.env("GIT_DIR", "../repo/.git")
                    .env("GIT_WORK_TREE", "../repo");
            }
            cmd.args(args).output().expect("run")
        };
        let relhook = relhook_bin();
        let relhook = relhook.to_str().unwrap();
        let version = if flags { "0.1.0" } else { "0.1.1" };
        let file = format!("f{version}");
        repo.write(&format!("d/e/{file}"), "x\n");
        ok(run("git", &["add", "."]));
        let out = run("git", &["commit", "-q", "-m", &format!("fix: {file}")]);
        assert!(out.status.success(), "{}", text(&out));
        let tag = format!("v{version}");
        let out = run("git", &["tag", "-a", &tag, "-m", &tag]);
        assert!(
            out.status.success() && !stderr(&out).contains("not checked"),
            "{}",
            text(&out)
        );
        assert!(
            repo.git(&["show", &format!("{tag}:CHANGELOG.md")])
                .contains(&format!("## [{version}]")),
            "{}",
            text(&out)
        );
        // A release tag is never moved, from here either.
        let out = run("git", &["tag", "-f", "-a", &tag, "-m", "moved", "HEAD~1"]);
        assert!(!out.status.success(), "{}", text(&out));
        assert!(
            stderr(&out).contains("a release tag is never moved"),
            "{}",
            text(&out)
        );
        let out = run(relhook, &["version"]);
        assert!(
            out.status.success() && stdout(&out).trim() == version,
            "{}",
            text(&out)
        );
        let out = run(relhook, &["doctor"]);
        assert!(
            out.status.success() && !text(&out).contains("INVALID"),
            "{}",
            text(&out)
        );
        let out = run("git", &["push", "-q", "--follow-tags", "origin", "main"]);
        assert!(out.status.success(), "{}", text(&out));
    }
}

/// The QA repro's history: a hand-reworded entry released in v0.1.0, then an entry deleted
/// by hand from Unreleased. Served to partial clones (`uploadpack.allowFilter`).
fn history_with_hand_edits() -> Repo {
    let repo = configured_with_a_feature(|_| "[checks]\nrequire_tested_tags = false\n".into());
    let log = repo
        .read("CHANGELOG.md")
        .replace("- one\n", "- one (hand-written: see docs/one.md)\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: reword entry"]);
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    repo.commit_hooked("fix: b");
    repo.commit_hooked("fix: internal thing nobody cares about");
    let log = repo
        .read("CHANGELOG.md")
        .replace("- internal thing nobody cares about\n", "");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: drop internal entry"]);
    repo.commit_hooked("feat: d");
    assert!(!repo.read("CHANGELOG.md").contains("internal thing"));
    repo.git(&["config", "uploadpack.allowFilter", "true"]);
    repo
}

/// A blobless clone (`git clone --filter=blob:none`) of `repo`, with relhook installed; it
/// lacks blobs of older commits (checked).
fn blobless_clone(repo: &Repo) -> PathBuf {
    let url = format!("file://{}", repo.path().display());
    let dest = repo.dir.path().join("pc");
    let out = repo.git_in(
        repo.dir.path(),
        &["clone", "-q", "--filter=blob:none", &url, "pc"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    ok(relhook_in(repo, &dest, &["install"]));
    let missing = repo.git_in(
        &dest,
        &["rev-list", "--objects", "--missing=print", "--all"],
        &[("GIT_NO_LAZY_FETCH", "1")],
    );
    assert!(
        String::from_utf8_lossy(&missing.stdout)
            .lines()
            .any(|l| l.starts_with('?')),
        "the clone must lack some blobs"
    );
    dest
}

fn relhook_in(repo: &Repo, dir: &Path, args: &[&str]) -> Output {
    repo.command_in(relhook_bin(), dir)
        .env("RELHOOK_DATE", "2026-11-21")
        .args(args)
        .output()
        .expect("run relhook")
}

/// The objects `dir` lacks.
fn missing_objects(repo: &Repo, dir: &Path) -> usize {
    let out = repo.git_in(
        dir,
        &["rev-list", "--objects", "--missing=print", "--all"],
        &[("GIT_NO_LAZY_FETCH", "1")],
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with('?'))
        .count()
}

/// QA 23.1: in a blobless clone, blobs not fetched yet were read as absent: the entry deleted
/// by hand came back in `--sync`, the release plan, the release commit and its tag message,
/// and `notes v0.1.0` said CHANGELOG.md is not in v0.1.0. Now every answer is the full
/// clone's (git fetches what relhook reads).
#[test]
fn a_partial_clone_answers_as_the_full_clone() {
    let full = history_with_hand_edits();
    let pc = blobless_clone(&full);

    let notes = |dir: &Path| relhook_in(&full, dir, &["notes", "v0.1.0"]);
    let (want, got) = (ok(notes(&full.path())), notes(&pc));
    assert!(got.status.success(), "{}", text(&got));
    assert_eq!(text(&got), text(&want));
    assert!(text(&got).contains("hand-written"), "{}", text(&got));

    let plan = |dir: &Path| relhook_in(&full, dir, &["release", "--dry-run"]);
    let (want, got) = (ok(plan(&full.path())), plan(&pc));
    assert!(got.status.success(), "{}", text(&got));
    assert_eq!(text(&got), text(&want));
    assert!(!text(&got).contains("internal thing"), "{}", text(&got));

    let out = relhook_in(&full, &pc, &["changelog", "--sync", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("internal thing"), "{}", text(&out));

    let out = relhook_in(&full, &pc, &["release"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = std::fs::read_to_string(pc.join("CHANGELOG.md")).unwrap();
    assert!(log.contains("## [0.1.1]"), "{log}");
    assert!(!log.contains("internal thing"), "{log}");
    let message = full.git_in(&pc, &["tag", "-l", "--format=%(contents)", "v0.1.1"], &[]);
    let message = String::from_utf8_lossy(&message.stdout).into_owned();
    assert!(message.contains("- b"), "{message}");
    assert!(!message.contains("internal thing"), "{message}");
}

/// The same clone with its promisor remote out of reach (offline): what relhook cannot fetch
/// is not taken as absent; notes, the plan, `--sync` and the release refuse, saying why and
/// what to run, and change nothing. Back online, the release is the full clone's.
#[test]
fn a_partial_clone_offline_refuses_what_it_cannot_read() {
    let full = history_with_hand_edits();
    let pc = blobless_clone(&full);
    let url = full.git_in(&pc, &["remote", "get-url", "origin"], &[]);
    let url = String::from_utf8_lossy(&url.stdout).trim().to_owned();
    let gone = full.dir.path().join("nowhere");
    let set = |u: &str| ok(full.git_in(&pc, &["remote", "set-url", "origin", u], &[]));
    set(&format!("file://{}", gone.display()));
    let missing = missing_objects(&full, &pc);
    let head = full.git_in(&pc, &["rev-parse", "HEAD"], &[]).stdout;
    let log = std::fs::read_to_string(pc.join("CHANGELOG.md")).unwrap();

    for args in [
        &["notes", "v0.1.0"][..],
        &["release", "--dry-run"],
        &["changelog", "--sync"],
        &["changelog", "--sync", "--stdout"],
        &["release"],
    ] {
        let out = relhook_in(&full, &pc, args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out));
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("partial clone"), "{args:?}: {err}");
        assert!(err.contains("origin"), "{args:?}: {err}");
        assert!(!err.contains("internal thing"), "{args:?}: {err}");
        assert_eq!(full.git_in(&pc, &["rev-parse", "HEAD"], &[]).stdout, head);
        assert_eq!(
            std::fs::read_to_string(pc.join("CHANGELOG.md")).unwrap(),
            log
        );
        assert!(
            full.git_in(&pc, &["tag", "-l", "v0.1.1"], &[])
                .stdout
                .is_empty()
        );
        assert_eq!(missing_objects(&full, &pc), missing, "{args:?}");
    }

    set(&url);
    let out = relhook_in(&full, &pc, &["release"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = std::fs::read_to_string(pc.join("CHANGELOG.md")).unwrap();
    assert!(log.contains("## [0.1.1]"), "{log}");
    assert!(!log.contains("internal thing"), "{log}");
}

/// The test records a partial clone fetches come without their blobs (the clone's filter
/// applies to notes too): pre-push refused a release tag CI had tested as untested, its fix
/// naming the fetch just done. git fetches them now, and CI's record counts.
#[test]
fn a_partial_clone_reads_the_test_records_it_fetched() {
    let ci = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let hub = ci.scratch("hub.git");
    ok(ci.git_in(&hub, &["init", "-q", "--bare", "-b", "main"], &[]));
    ok(ci.git_in(&hub, &["config", "uploadpack.allowFilter", "true"], &[]));
    ci.git(&["remote", "add", "origin", hub.to_str().unwrap()]);
    ok(ci.git_output(&["push", "-q", "origin", "main"]));
    let url = format!("file://{}", hub.display());
    let out = ci.git_in(
        ci.dir.path(),
        &["clone", "-q", "--filter=blob:none", &url, "pc"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let pc = ci.dir.path().join("pc");
    ok(relhook_in(&ci, &pc, &["install"]));
    std::fs::write(pc.join("two.txt"), "2\n").unwrap();
    ok(ci.git_in(&pc, &["add", "two.txt"], &[]));
    ok(ci.git_in(&pc, &["commit", "-q", "-m", "feat: two"], &[]));
    ok(relhook_in(&ci, &pc, &["release", "--no-test"]));
    ok(ci.git_in(&pc, &["push", "-q", "origin", "main"], &[]));

    // CI tests the release commit and publishes the record.
    ok(ci.git_output(&["pull", "-q", "--ff-only", "origin", "main"]));
    ok(ci.relhook(&["test"]));
    ok(ci.git_output(&["push", "-q", "origin", "refs/notes/relhook-tests"]));

    let notes = "refs/notes/relhook-tests:refs/notes/relhook-tests";
    ok(ci.git_in(&pc, &["fetch", "-q", "origin", notes], &[]));
    assert!(missing_objects(&ci, &pc) > 0);
    let out = ci.git_in(&pc, &["push", "origin", "v0.1.0"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("testing"), "{}", text(&out));
}

/// QA: a checkout owned by another user (a CI container's), trusted the way git allows it
/// without touching the user's files: `safe.directory` through GIT_CONFIG_COUNT or `git -c`.
/// libgit2 reads `safe.directory` from configuration files only, so relhook said "not inside a
/// git repository": commits got no entry and hand tags went through unchecked. Untrusted, the
/// refusal is git's own, with its fix. Needs root (to give the checkout away).
#[cfg(unix)]
#[test]
fn a_checkout_owned_by_another_user_is_trusted_as_git_trusts_it() {
    if !is_root() {
        eprintln!("skipped: giving the checkout to another user needs root");
        return;
    }
    let repo = repo_with_a_subdir();
    let top = repo.path();
    let chown = std::process::Command::new("chown")
        .args(["-R", "nobody:"])
        .arg(&top)
        .status()
        .expect("chown");
    assert!(chown.success());
    let safe = top.to_str().unwrap();
    let relhook = |env: bool, args: &[&str]| {
        let mut cmd = repo.command_in(relhook_bin(), &top);
        if env {
            cmd.env("GIT_CONFIG_COUNT", "1")
                .env("GIT_CONFIG_KEY_0", "safe.directory")
                .env("GIT_CONFIG_VALUE_0", safe);
        }
        cmd.args(args).output().expect("run relhook")
    };
    let untrusted = relhook(false, &["version"]);
    assert!(
        !untrusted.status.success()
            && stderr(&untrusted).contains("git refuses to work here: detected dubious ownership")
            && stderr(&untrusted).contains(&format!(
                "`git config --global --add safe.directory {safe}`"
            )),
        "{}",
        text(&untrusted)
    );
    let git = |args: &[&str]| {
        let mut cmd = repo.command_in("git", &top);
        cmd.env("RELHOOK_DATE", "2026-11-21")
            .env("GIT_CONFIG_COUNT", "1")
            .env("GIT_CONFIG_KEY_0", "safe.directory")
            .env("GIT_CONFIG_VALUE_0", safe);
        cmd.args(args).output().expect("run git")
    };
    let out = git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "feat: owned by another user",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git_output(&[
            "-c",
            &format!("safe.directory={safe}"),
            "show",
            "HEAD:CHANGELOG.md"
        ])
        .status
        .success(),
        "{}",
        text(&out)
    );
    // `git -c safe.directory=…` reaches the hooks as GIT_CONFIG_PARAMETERS.
    let mut tag = repo.command_in("git", &top);
    let out = tag
        .env("RELHOOK_DATE", "2026-11-21")
        .args([
            "-c",
            &format!("safe.directory={safe}"),
            "tag",
            "-a",
            "v0.1.0",
            "-m",
            "v0.1.0",
        ])
        .output()
        .expect("run git");
    assert!(
        out.status.success() && !stderr(&out).contains("not checked"),
        "{}",
        text(&out)
    );
    let log = git(&["log", "-1", "--format=%s", "v0.1.0"]);
    assert_eq!(
        String::from_utf8_lossy(&log.stdout).trim(),
        "chore(release): 0.1.0"
    );
    let doctor = relhook(true, &["doctor"]);
    assert!(doctor.status.success(), "{}", text(&doctor));
}

/// Review: git vouching for one repository must not let relhook open another. A folder owned
/// by another user that libgit2 takes for a repository (git skips it: its HEAD is no ref)
/// inside a trusted one: relhook refuses, and the other user's `core.worktree` is untouched.
#[cfg(unix)]
#[test]
fn a_repository_git_skips_is_never_opened_for_the_one_git_trusts() {
    if !is_root() {
        eprintln!("skipped: giving a folder to another user needs root");
        return;
    }
    let repo = repo_with_a_subdir();
    let victim = repo.scratch("victim");
    let sub = repo.path().join("sub");
    std::fs::create_dir_all(sub.join(".git/objects")).unwrap();
    std::fs::create_dir_all(sub.join(".git/refs")).unwrap();
    std::fs::write(sub.join(".git/HEAD"), "garbage\n").unwrap();
    std::fs::write(
        sub.join(".git/config"),
        format!(
            "[core]\n\trepositoryformatversion = 0\n\tworktree = {}\n",
            victim.display()
        ),
    )
    .unwrap();
    let chown = std::process::Command::new("chown")
        .args(["-R", "nobody:"])
        .arg(&sub)
        .status()
        .expect("chown");
    assert!(chown.success());
    let out = repo
        .command_in(relhook_bin(), &sub)
        .args(["changelog", "--sync"])
        .output()
        .expect("run relhook");
    assert!(
        !out.status.success() && stderr(&out).contains("owned by another user"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0);
}

/// Whether the tests run as root (giving a file to another user needs it).
#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
