//! Found adopting relhook on real repositories: tags that end in a version but are not the
//! project's releases, and the ways past relhook's refusals that must stay open.

use crate::support::{Repo, dated_release, hand_tag, installed_repo, ok, stderr, stdout, text};

/// A repository whose only version-ending tags are a CI's (`build-1.2.3`, `nightly-2.0.0`).
fn with_ci_tags() -> Repo {
    let repo = installed_repo();
    for tag in ["build-1.2.3", "nightly-2.0.0"] {
        let out = repo.git_skipping_relhook(&["tag", tag]);
        assert!(out.status.success(), "{}", text(&out));
    }
    repo.commit_hooked("feat: two");
    repo
}

#[test]
fn tags_that_are_not_releases_do_not_block_a_first_release_named_by_its_version() {
    let repo = with_ci_tags();
    // Not knowing whether they are releases, relhook asks, and names both answers.
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("tag_prefix = \"nightly-\""), "{err}");
    assert!(err.contains("`relhook release --no-test 0.1.0`"), "{err}");
    // The answer "they are not": the first release named by its version.
    let out = dated_release(&repo, &["0.1.0", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--exact-match", "HEAD"]), "v0.1.0");
    // From then on, the project's own tags decide: no more question.
    repo.commit_hooked("fix: three");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&out).trim(), "0.1.1", "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// A Node project at 1.0.0 whose `src/version.ts` also says it, and which vendors yarn's
/// bundle: one minified line that mentions the version only in dependency ranges.
fn node_project_with_a_stale_file() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write("src/version.ts", "export const VERSION = '1.0.0';\n");
    let bundle = format!(
        "var a={{}};{}\"dep\":\"^1.0.0\",\"other\":\"~1.0.0\",\"x\":\">=1.0.0\";{}\n",
        "x".repeat(5000),
        "y".repeat(5000)
    );
    repo.write(".yarn/releases/yarn-4.10.3.cjs", &bundle);
    let long = format!("{} the 1.0.0 line {}\n", "a".repeat(400), "b".repeat(400));
    repo.write("docs/long.md", &long);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    assert!(
        repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v"])
            .status
            .success()
    );
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: y");
    repo
}

fn notes(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains("still say")).collect()
}

#[test]
fn the_old_version_notes_name_the_project_s_files_briefly() {
    let repo = node_project_with_a_stale_file();
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let notes = notes(&err);
    assert!(
        notes.iter().any(|l| l.contains("src/version.ts:1")),
        "{err}"
    );
    // A vendored bundle and dependency ranges are not the project's version.
    assert!(!err.contains(".yarn/releases"), "{err}");
    // A long line is quoted around the version, not whole.
    let long = notes
        .iter()
        .find(|l| l.contains("docs/long.md:1"))
        .expect("docs/long.md noted");
    assert!(
        long.contains("the 1.0.0 line") && long.len() < 300,
        "{long}"
    );
}

#[test]
fn a_hand_tag_says_which_files_still_say_the_old_version_as_release_does() {
    let repo = node_project_with_a_stale_file();
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let notes = notes(&err);
    assert!(
        notes
            .iter()
            .any(|l| l.contains("src/version.ts:1") && l.contains("still says 1.0.0")),
        "{err}"
    );
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1");
    assert!(repo.is_clean());
}

/// keep-a-changelog's own history: old release tags on commits a later rewrite left, below
/// release tags HEAD holds. They block nothing: the next release goes above the newer ones.
#[test]
fn doctor_leaves_old_tags_off_history_alone_when_newer_releases_are_on_it() {
    let repo = installed_repo();
    // v0.1.0 tagged on a commit the branch then lost (a rewrite), its section kept.
    repo.git(&["checkout", "-q", "-b", "old"]);
    repo.commit_hooked("feat: old");
    let out = dated_release(&repo, &["0.1.0", "--allow-branch", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: keep the 0.1.0 section"]);
    repo.commit_hooked("feat: new");
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let doctor = repo.relhook(&["doctor"]);
    assert!(!stdout(&doctor).contains("tag v0.1.0"), "{}", text(&doctor));
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    repo.commit_hooked("fix: later");
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&next).trim(), "0.2.1", "{}", text(&next));
}

/// Two stray release tags whose sections one commit brought in together (a changelog copied
/// in whole): that commit is neither's release commit, so no fix moves both onto it.
#[test]
fn doctor_never_moves_several_tags_onto_one_commit() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "old"]);
    for v in ["1.0.0", "1.1.0"] {
        repo.commit_hooked("feat: old");
        let out = dated_release(&repo, &[v, "--allow-branch", "--no-test"]);
        assert!(out.status.success(), "{}", text(&out));
    }
    let log = repo.read("CHANGELOG.md");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: bring the changelog over"]);
    let doctor = repo.relhook(&["doctor"]);
    let out = stdout(&doctor);
    assert!(out.contains("INVALID  tag v1.1.0"), "{}", text(&doctor));
    assert!(!out.contains("git tag -f"), "{}", text(&doctor));
    assert!(
        out.contains("release a version above v1.1.0"),
        "{}",
        text(&doctor)
    );
}

/// A remote URL with a token in it (GitLab CI's `https://gitlab-ci-token:…@…`): git redacts
/// it on the same push, and so does relhook.
#[test]
fn pre_push_never_prints_credentials_of_a_remote_url() {
    let repo = installed_repo();
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "--no-verify",
        "-m",
        "bad message",
    ]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let line = format!(
        "refs/heads/main {head} refs/heads/main {}\n",
        "0".repeat(40)
    );
    for (remote, url) in [
        ("tok", "https://user:s3cr3tT0ken@example.com/x.git"),
        (
            "https://gitlab-ci-token:s3cr3tT0ken@example.com/x.git",
            "https://gitlab-ci-token:s3cr3tT0ken@example.com/x.git",
        ),
    ] {
        let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
        cmd.args(["hook", "pre-push", remote, url]);
        let out = crate::support::output_with_stdin(&mut cmd, line.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let all = text(&out);
        assert!(!all.contains("s3cr3tT0ken"), "{all}");
        assert!(all.contains("https://example.com/x.git"), "{all}");
    }
}

/// `RELHOOK_SKIP=false` from a CI matrix or an .env file means "do not skip": every falsy
/// spelling keeps the checks, and a real skip of pre-push says so in one line.
#[test]
fn relhook_skip_false_checks_and_a_skipped_push_says_so() {
    let repo = installed_repo();
    repo.with_origin();
    for value in ["false", "no", "off", "0", "FALSE", ""] {
        let out = repo
            .command_in("git", &repo.path())
            .env("RELHOOK_SKIP", value)
            .args([
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                "not conventional at all",
            ])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "RELHOOK_SKIP={value}: {}",
            text(&out)
        );
        let out = repo
            .command_in(crate::support::relhook_bin(), &repo.path())
            .env("RELHOOK_SKIP", value)
            .args(["lint", "-"])
            .output()
            .unwrap();
        assert_ne!(
            out.status.code(),
            Some(0),
            "RELHOOK_SKIP={value}: {}",
            text(&out)
        );
    }
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "--no-verify",
        "-m",
        "not conventional",
    ]);
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_SKIP", "false")
        .args(["push", "-q", "origin", "main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_SKIP", "1")
        .args(["push", "-q", "origin", "main"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook: pre-push checks skipped (RELHOOK_SKIP=1)"),
        "{}",
        text(&out)
    );
}

/// A `release.commit_message` that fails relhook's own lint: pre-push would refuse relhook's
/// own release commit, and its fix led to a dead end. Refused before anything is made.
#[test]
fn a_release_commit_message_that_fails_the_lint_is_refused_up_front() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[release]\ncommit_message = \"release {version}\"\n".into()
    });
    let head = repo.git(&["rev-parse", "HEAD"]);
    for args in [&["release", "--dry-run"][..], &["release", "--no-test"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("`release.commit_message`")
                && err.contains("`release 0.1.0`")
                && err.contains("chore(release): {version}"),
            "{err}"
        );
    }
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("`release.commit_message`"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag"]), "");
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("release.commit_message"),
        "{}",
        text(&doctor)
    );
}

/// A test file changed locally and hidden from `git status` (`--skip-worktree`): the tests
/// that pass are not HEAD's, so no pass is recorded, and pre-push does not call the tree clean.
#[test]
fn hidden_local_changes_are_never_tested_as_head() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"test.sh\"]\n".into()
    });
    repo.write("test.sh", "echo 'real suite: FAIL'; exit 1\n");
    repo.git(&["add", "test.sh"]);
    repo.git(&["commit", "-q", "-m", "test: the suite"]);
    repo.with_origin();
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["update-index", "--skip-worktree", "test.sh"]);
    repo.write("test.sh", "exit 0\n");
    assert_eq!(repo.git(&["status", "--short"]), "");
    let out = repo.relhook(&["test"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("test.sh") && err.contains("not recorded"),
        "{err}"
    );
    assert!(err.contains("skip-worktree"), "{err}");
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("test.sh"), "{}", text(&out));
}

/// `relhook release --allow-dirty`, or hidden local changes: the release commit is HEAD's files
/// plus the release's edits, so its tests run on that commit's checkout, not on the work tree.
#[test]
fn a_release_tests_its_commit_not_the_local_changes_beside_it() {
    for hide in [false, true] {
        let repo = crate::support::configured_with_a_feature(|_| {
            "[checks]\ntest = [\"sh\", \"test.sh\"]\n".into()
        });
        repo.write("test.sh", "echo 'real suite: FAIL'; exit 1\n");
        repo.git(&["add", "test.sh"]);
        repo.git(&["commit", "-q", "-m", "test: the suite"]);
        if hide {
            repo.git(&["update-index", "--skip-worktree", "test.sh"]);
        }
        repo.write("test.sh", "exit 0\n");
        let out = dated_release(&repo, &["--allow-dirty"]);
        assert_eq!(out.status.code(), Some(1), "hidden={hide}: {}", text(&out));
        assert!(stderr(&out).contains("tests failed"), "{}", text(&out));
        assert_eq!(repo.git(&["tag"]), "", "hidden={hide}");
        assert_eq!(repo.read("test.sh"), "exit 0\n", "the local change stays");
    }
}

/// The README's first run in a project whose tests leave a lock file and build output behind
/// (`cargo new` has no Cargo.lock yet; a Python project's `__pycache__/`): the warning and the
/// push's refusal name the steps, and followed literally they end in a pushed, tested release
/// whose tree holds the lock file.
#[test]
fn files_the_tests_leave_get_steps_that_end_in_a_pushed_release() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"echo lock > Cargo.lock; mkdir -p src/__pycache__; touch src/__pycache__/m.pyc\"]\n".into()
    });
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "first release"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["test"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Cargo.lock") && err.contains("__pycache__/"),
        "{err}"
    );
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let fix = stderr(&out)
        .lines()
        .find_map(|l| l.trim().strip_prefix("fix: ").map(str::to_owned))
        .expect("a fix line");
    // Each quoted command, run as the user would.
    let commands: Vec<&str> = fix.split('`').skip(1).step_by(2).collect();
    assert_eq!(commands.len(), 2, "{fix}");
    for command in &commands {
        let out = repo.sh(command);
        assert!(out.status.success(), "{command}: {}", text(&out));
    }
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let tagged = repo.git(&["ls-tree", "--name-only", "v0.1.0"]);
    assert!(tagged.lines().any(|l| l == "Cargo.lock"), "{tagged}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// Before the first tag, the version files say the version: a release below it is refused as
/// one below a tag is, and the files are never taken down.
#[test]
fn a_first_release_below_the_version_files_is_refused() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"0.1.0\"\n}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    let out = dated_release(&repo, &["0.0.1", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("0.0.1") && err.contains("package.json"),
        "{err}"
    );
    assert!(
        err.contains("set package.json (JSON key `version`) to 0.0.1"),
        "{err}"
    );
    assert!(repo.read("package.json").contains("\"0.1.0\""));
    assert_eq!(repo.git(&["tag"]), "");
    // A hand tag below it is refused the same way, before it exists.
    let out = hand_tag(&repo, &["-a", "v0.0.1", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("0.0.1 is below 0.1.0"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag"]), "");
    // A pre-release of the files' version is a first release, not a step down; then the
    // version the files say.
    let out = dated_release(&repo, &["0.1.0-rc.1", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: b");
    let out = dated_release(&repo, &["0.1.0", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// `git revert` of a release commit takes its section out while its tag stays: the next
/// release would ship that release's entries again. Doctor, release and a hand tag name it.
#[test]
fn a_reverted_release_commit_is_named_before_its_entries_ship_twice() {
    let repo = installed_repo();
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["revert", "--no-edit", "HEAD"]);
    assert!(!repo.read("CHANGELOG.md").contains("## [0.1.0]"));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(stdout(&doctor).contains("v0.1.0"), "{}", text(&doctor));
    let revert = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    for args in [&["--no-test"][..], &["patch", "--no-test"]] {
        let out = dated_release(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("## [0.1.0]")
                && err.contains(&revert)
                && err.contains("git tag -d v0.1.0"),
            "{err}"
        );
    }
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(stderr(&out).contains("## [0.1.0]"), "{}", text(&out));
    // Undone on purpose: the tag goes, and the release is made again, once.
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("- init").count(), 1, "{log}");
}

/// A hand tag in a shallow clone that reaches no release tag: the release commit cannot be
/// made (the history cannot tell what is unreleased), and the message names the fetch that
/// lets it, not a `relhook release` that refuses for the same reason.
#[test]
fn a_hand_tag_in_a_shallow_clone_names_the_unshallow() {
    let source = installed_repo();
    source.commit_hooked("feat: two");
    source.commit_hooked("fix: three");
    let clone = source.scratch("shallow");
    let url = format!("file://{}", source.path().display());
    let out = source
        .command_in("git", &source.path())
        .args(["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = source.relhook_in(&clone, &["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = source
        .command_in("git", &clone)
        .args(["tag", "-a", "v0.1.0", "-m", "x"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(128),
        "refused before it exists: {}",
        text(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("git fetch --tags --unshallow"), "{err}");
    assert!(!err.contains("makes both"), "{err}");
}

/// husky 7 and 8 (electron/forge): hooks source `.husky/_/husky.sh` and `husky install` sets
/// `core.hooksPath`; plain `npx husky` only prints husky's usage there.
#[test]
fn husky_before_9_is_activated_with_husky_install() {
    let repo = Repo::new();
    repo.write(
        ".husky/pre-commit",
        "#!/bin/sh\n. \"$(dirname \"$0\")/_/husky.sh\"\n\ntrue\n",
    );
    crate::support::make_executable(&repo.path().join(".husky/pre-commit"));
    repo.write(
        "package.json",
        "{\"name\":\"x\",\"version\":\"1.0.0\",\"scripts\":{\"prepare\":\"husky install\"},\"devDependencies\":{\"husky\":\"^7.0.4\"}}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    let all = text(&out);
    assert!(all.contains("npx husky install"), "{all}");
    let doctor = repo.relhook(&["doctor"]);
    let all = text(&doctor);
    assert!(all.contains("npx husky install"), "{all}");
    assert!(
        !all.contains("`npx husky`") && !all.contains("fix: npx husky\n"),
        "{all}"
    );
}

/// `git init -b trunk` (or `init.defaultBranch = trunk`): the default `release.branches`
/// (main, master) names no branch here, so the repository's own trunk is the release branch;
/// where main exists, another branch is still refused.
#[test]
fn a_repository_whose_trunk_is_not_main_releases_from_it() {
    let repo = Repo::new();
    repo.git(&["checkout", "-q", "-b", "trunk"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: b");
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    // With a main beside it, the default means main (and master) again.
    repo.git(&["branch", "main"]);
    repo.commit_hooked("fix: c");
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.2", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(stderr(&out).contains("git switch main"), "{}", text(&out));
}

/// An `npm init -y` project: its `test` script is the placeholder that always fails, so the
/// step to a test record says to write the tests there first, not to run the placeholder.
#[test]
fn npm_init_s_placeholder_test_script_is_named_not_proposed() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\n    \"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"\n  }\n}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    // Each way past it once (QA35: the hand tag's `next:` named the setting twice).
    for said in [text(&out), stderr(&repo.git_output(&["push", "--dry-run"]))] {
        let off = said.matches("require_tested_tags = false").count();
        assert!(off <= 1, "{said}");
    }
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("placeholder"), "{err}");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).contains("placeholder"), "{}", text(&out));
    // No test of this tree can pass (QA34): "release them with the next version" left the
    // tag to be refused on every push; the way past it on purpose is named.
    assert!(err.contains("push this one untested on purpose"), "{err}");
    repo.git_env(
        &["push", "-q", "--follow-tags", "origin", "main"],
        &[("RELHOOK_SKIP", "1")],
    );
}

/// CHANGELOG.md made a directory: the hand tag is refused before it exists (git then exits
/// non-zero), not made and silently removed with a `relhook release` that fails the same way.
#[test]
fn a_hand_tag_over_a_changelog_directory_is_refused_before_it_exists() {
    let repo = installed_repo();
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.write("CHANGELOG.md/x", "x\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: a folder"]);
    let err = crate::support::hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains("is a directory") && err.contains("changelog.path"),
        "{err}"
    );
    assert!(!err.contains("makes both"), "{err}");
}

/// `commit.scopes` (or `commit.types`) lists the project's own: relhook's release commit
/// (`chore(release): X.Y.Z`, from `release.commit_message`) is relhook's, and passes the lint
/// as it is, so releases, hand tags and their pushes go; other commits of that type and scope
/// are still judged.
#[test]
fn the_release_commit_passes_a_scope_and_type_list_that_lacks_it() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[commit]\nscopes = [\"api\", \"ui\"]\ntypes = [\"feat\", \"fix\"]\n[checks]\ntest = [\"true\"]\n".into()
    });
    repo.with_origin();
    // `chore: init`, made before the list, is the remote's already.
    ok(repo.git_output(&["push", "-q", "--no-verify", "-u", "origin", "main"]));
    repo.commit_hooked("feat(api): search");
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix(ui): two");
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["test"]));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    // Another chore, or another scope, is still refused.
    let out = repo.try_commit("chore(release): by hand");
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.try_commit("chore(build): x");
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
}

/// A first pre-release of the files' version: the file then says `0.2.0-rc.1`, which is not
/// the old `0.2.0` left behind.
#[test]
fn a_pre_release_is_not_the_old_version_left_behind() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"0.2.0\"\n}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    let out = dated_release(&repo, &["--pre", "rc", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("package.json").contains("0.2.0-rc.1"));
    assert!(!stderr(&out).contains("still says"), "{}", text(&out));
}

/// `npm create vite` writes `"version": "0.0.0"`: a placeholder, not a version to release.
/// The first release is `version.initial`, and the file follows it.
#[test]
fn a_placeholder_0_0_0_is_not_released() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"private\": true,\n  \"version\": \"0.0.0\"\n}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&out).trim(), "0.1.0", "{}", text(&out));
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
    assert!(
        repo.read("package.json").contains("\"version\": \"0.1.0\""),
        "{}",
        repo.read("package.json")
    );
}

/// An old release tag without the prefix (`2.0.0`) and `tag_prefix = "v"`: a version named
/// above it goes on under `v`, as a hand tag of it does; one below it is refused (exit 1) with
/// the tag that it is below.
#[test]
fn a_named_version_above_an_unprefixed_tag_goes_on_under_the_prefix() {
    let repo = installed_repo();
    assert!(
        repo.git_skipping_relhook(&["tag", "-a", "2.0.0", "-m", "old"])
            .status
            .success()
    );
    repo.commit_hooked("feat: two");
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("`relhook release --no-test 2.0.1`"),
        "{}",
        text(&out)
    );
    let out = dated_release(&repo, &["0.1.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("2.0.0"), "{}", text(&out));
    // `init`, committed before 2.0.0 was tagged, shipped in it: 3.0.0 would list it again
    // (QA43), until 2.0.0 has its section.
    let out = dated_release(&repo, &["3.0.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("(`init`)"), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let listed = "### Added\n\n- init\n- two\n";
    assert!(log.contains(listed), "{log}");
    let sectioned = "### Added\n\n- two\n\n## [2.0.0] - 2026-01-01\n\n### Added\n\n- init\n";
    repo.write("CHANGELOG.md", log.replacen(listed, sectioned, 1));
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: the section of 2.0.0"]));
    let out = dated_release(&repo, &["3.0.0", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--exact-match", "HEAD"]), "v3.0.0");
}

/// A `fixup!` of a commit the remote has: `--autosquash` cannot reach it, so release and
/// pre-push name the reword, not an autosquash that leaves it where it is.
#[test]
fn a_fixup_of_a_pushed_commit_is_reworded_not_autosquashed() {
    let repo = installed_repo();
    repo.with_origin();
    repo.commit_hooked("feat: add f");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.commit_hooked("fixup! feat: add f");
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("reword") && !err.contains("--autosquash"),
        "{err}"
    );
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("reword") && !err.contains("--autosquash"),
        "{err}"
    );
    // A fixup of a commit not pushed yet is still squashed into it.
    repo.commit_hooked("feat: g");
    repo.commit_hooked("fixup! feat: g");
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(stderr(&out).contains("--autosquash"), "{}", text(&out));
}

/// `relhook install` beside a `.relconfig.toml` the hooks cannot read: installed, and said,
/// since every commit is refused until that line is fixed.
#[test]
fn install_beside_a_broken_config_says_so() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[commit]\ntypes = 3\n");
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(".relconfig.toml:2:9") && err.contains("refuse every commit"),
        "{err}"
    );
}
