//! pre-push through real `git push` to a local bare repository, the hook installed as a shim
//! (so git's own update lines reach relhook), and `relhook test` with its records.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, SKELETON, relhook_bin, stderr, text};

const TESTED: &str = "[checks]\ntest = [\"true\"]\n";

/// A repository whose `origin` is a bare repository next to it, with the pre-push shim, one
/// pushed commit, and `config` as `.relconfig.toml`.
fn setup(config: &str) -> Repo {
    let repo = Repo::new();
    let remote = remote_path(&repo);
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo.hooks(&["pre-push"]);
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = push(&repo, &["-u", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

fn remote_path(repo: &Repo) -> PathBuf {
    repo.dir.path().join("remote.git")
}

fn push(repo: &Repo, args: &[&str]) -> Output {
    let mut all = vec!["push", "-q"];
    all.extend_from_slice(args);
    repo.git_output(&all)
}

/// What the remote has at `reference`, if anything.
fn remote_has(repo: &Repo, reference: &str) -> Option<String> {
    let out = repo
        .command_in("git", &remote_path(repo))
        .args(["rev-parse", "--verify", "--quiet", reference])
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// A release commit for `version` (changelog section written), tagged with an annotated tag.
fn release(repo: &Repo, version: &str) -> String {
    release_commit(repo, version);
    let tag = format!("v{version}");
    repo.git(&["tag", "-a", &tag, "-m", &tag]);
    tag
}

fn release_commit(repo: &Repo, version: &str) -> String {
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        &format!(
            "## [Unreleased]\n\n## [{version}] - 2026-01-01\n\n### Added\n\n- thing {version}\n"
        ),
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "-m", &format!("chore(release): {version}")]);
    repo.git(&["rev-parse", "HEAD"])
}

fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    let e = stderr(out);
    assert!(e.contains("refused"), "{e}");
    assert!(
        e.contains("To push anyway, on purpose: `RELHOOK_SKIP=1 git push "),
        "names the bypass: {e}"
    );
    assert!(e.contains("fix:"), "says how to fix it: {e}");
    e
}

fn passed(out: &Output) -> String {
    assert!(out.status.success(), "{}", text(out));
    let e = stderr(out);
    assert!(!e.contains("refused"), "{e}");
    e
}

fn short(id: &str) -> &str {
    &id[..9]
}

#[test]
fn branch_push_of_conventional_history_passes_quietly() {
    let repo = setup(TESTED);
    repo.commit("feat: one");
    let head = repo.commit("fix(core): two");
    let e = passed(&push(&repo, &["origin", "main"]));
    assert!(!e.contains("relhook"), "a plain branch push is quiet: {e}");
    assert_eq!(remote_has(&repo, "main").as_deref(), Some(head.as_str()));
}

#[test]
fn no_verify_commit_is_refused_naming_ref_and_commit() {
    let repo = setup(TESTED);
    repo.commit("feat: fine");
    let bad = repo.commit("added some stuff");
    repo.commit("fix: also fine");
    let before = remote_has(&repo, "main");
    let e = refused(&push(&repo, &["origin", "main"]));
    assert!(
        e.contains(&format!(
            "✗ refs/heads/main {} added some stuff",
            short(&bad)
        )),
        "{e}"
    );
    assert!(e.contains("header-format"), "{e}");
    assert!(e.contains("reword"), "{e}");
    assert!(
        !e.contains("also fine"),
        "passing commits are not listed: {e}"
    );
    assert_eq!(remote_has(&repo, "main"), before, "nothing was pushed");
}

#[test]
fn fixup_commits_must_be_squashed_before_pushing() {
    let repo = setup(TESTED);
    repo.commit("feat: target");
    let fixup = repo.commit("fixup! feat: target");
    let e = refused(&push(&repo, &["origin", "main"]));
    assert!(e.contains(short(&fixup)), "{e}");
    assert!(e.contains("--autosquash"), "{e}");
}

#[test]
fn one_report_names_every_offending_ref_and_commit() {
    let repo = setup("");
    let bad_main = repo.commit("bad on main");
    repo.git(&["checkout", "-q", "-b", "topic"]);
    let bad_topic = repo.commit("bad on topic");
    repo.git(&["tag", "v1.0.0"]);
    let e = refused(&push(&repo, &["origin", "main", "topic", "v1.0.0"]));
    assert!(
        e.contains(short(&bad_main)) && e.contains(short(&bad_topic)),
        "{e}"
    );
    let line = e
        .lines()
        .find(|l| l.starts_with("✗ ") && l.contains(short(&bad_main)))
        .unwrap();
    for r in ["refs/heads/main", "refs/heads/topic", "refs/tags/v1.0.0"] {
        assert!(
            line.contains(r),
            "a commit in several pushed refs is reported once, naming each: {e}"
        );
    }
    assert!(e.contains("lightweight"), "{e}");
    assert!(
        e.contains("[checks] test = [\"<your test command>\"]"),
        "{e}"
    );
    // The lightweight tag's fix makes it again, its test record step in the same block.
    assert_eq!(e.matches("\n✗ ").count(), 3, "{e}");
}

#[test]
fn commits_the_remote_has_are_not_linted_again() {
    let repo = setup(TESTED);
    repo.commit("legacy message, pushed before relhook");
    let skip = repo.git_skipping_relhook(&["push", "-q", "origin", "main"]);
    assert!(skip.status.success(), "{}", text(&skip));
    repo.commit("feat: new work");
    passed(&push(&repo, &["origin", "main"]));
    repo.git(&["checkout", "-q", "-b", "fresh"]);
    repo.commit("fix: on a new branch");
    passed(&push(&repo, &["origin", "fresh"]));
}

#[test]
fn push_to_a_url_hides_what_the_remote_ref_had() {
    let repo = setup(TESTED);
    let url = remote_path(&repo).to_str().unwrap().to_owned();
    repo.commit("legacy message");
    assert!(
        repo.git_output(&["push", "-q", "--no-verify", &url, "main"])
            .status
            .success()
    );
    repo.commit("feat: good");
    passed(&push(&repo, &[&url, "main"]));
    let bad = repo.commit("bad again");
    let e = refused(&push(&repo, &[&url, "main"]));
    assert!(e.contains(short(&bad)) && !e.contains("legacy"), "{e}");
}

#[test]
fn merge_commits_follow_ignore_merge_commits() {
    let repo = setup(TESTED);
    repo.merged_history("feat: side", "feat: main", "merged the side work");
    let dry = push(&repo, &["--dry-run", "origin", "main"]);
    passed(&dry);
    repo.write(
        ".relconfig.toml",
        format!("{TESTED}[commit]\nignore_merge_commits = false\n"),
    );
    let e = refused(&push(&repo, &["--dry-run", "origin", "main"]));
    assert!(e.contains("merged the side work"), "{e}");
}

#[test]
fn dry_run_runs_the_hook() {
    let repo = setup(TESTED);
    let bad = repo.commit("oops");
    let e = refused(&push(&repo, &["--dry-run", "origin", "main"]));
    assert!(e.contains(short(&bad)), "{e}");
}

#[test]
fn bypasses_up_to_date_and_deletion() {
    let repo = setup(TESTED);
    repo.commit("oops");
    let skip = repo.git_skipping_relhook(&["push", "-q", "origin", "main"]);
    assert!(skip.status.success(), "RELHOOK_SKIP=1: {}", text(&skip));
    let e = passed(&push(&repo, &["origin", "main"]));
    assert!(
        e.is_empty() || e.contains("Everything up-to-date"),
        "0 lines: {e}"
    );
    repo.git(&["checkout", "-q", "-b", "gone"]);
    repo.commit("also bad");
    assert!(
        push(&repo, &["--no-verify", "origin", "gone"])
            .status
            .success()
    );
    passed(&push(&repo, &["origin", "--delete", "gone"]));
    assert_eq!(remote_has(&repo, "refs/heads/gone"), None);
}

#[test]
fn non_release_tags_may_be_pushed_moved_and_deleted() {
    let repo = setup(TESTED);
    repo.commit("feat: one");
    repo.git(&["tag", "nightly"]);
    passed(&push(&repo, &["origin", "main", "nightly"]));
    repo.commit("feat: two");
    repo.git(&["tag", "-f", "nightly"]);
    passed(&push(&repo, &["-f", "origin", "main", "nightly"]));
    passed(&push(&repo, &["origin", "--delete", "nightly"]));
    assert_eq!(remote_has(&repo, "refs/tags/nightly"), None);
}

#[test]
fn tested_release_tag_passes_with_a_summary() {
    let repo = setup(TESTED);
    repo.commit("feat: one");
    release_commit(&repo, "1.0.0");
    let test = repo.relhook(&["test"]);
    assert!(test.status.success(), "{}", text(&test));
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let e = passed(&push(&repo, &["--follow-tags", "origin", "main"]));
    assert!(e.contains("releasing v1.0.0 (tested)"), "{e}");
    assert!(remote_has(&repo, "refs/tags/v1.0.0").is_some());
}

#[test]
fn untested_release_tag_is_refused_with_how_to_test_it() {
    let repo = setup(TESTED);
    let tag = release(&repo, "1.0.0");
    let e = refused(&push(&repo, &["origin", "main", &tag]));
    assert!(e.contains("✗ refs/tags/v1.0.0"), "{e}");
    assert!(e.contains("no passing test record"), "{e}");
    assert!(e.contains("relhook test"), "{e}");
    assert!(
        e.contains("git fetch origin +refs/notes/relhook-tests:refs/notes/relhook-tests-fetched && git notes --ref=refs/notes/relhook-tests merge -s union refs/notes/relhook-tests-fetched"),
        "{e}"
    );
    assert_eq!(remote_has(&repo, "refs/tags/v1.0.0"), None);
}

#[test]
fn untested_tag_without_test_command_says_how_to_set_one_or_opt_out() {
    let repo = setup("");
    let tag = release(&repo, "1.0.0");
    let e = refused(&push(&repo, &["origin", &tag]));
    assert!(e.contains("no test command is configured"), "{e}");
    assert!(
        e.contains("`[checks] test = [\"<your test command>\"]`"),
        "{e}"
    );
    assert!(e.contains("require_tested_tags = false"), "{e}");
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["commit", "-qam", "chore: opt out"]);
    passed(&push(&repo, &["origin", "main", &tag]));
}

#[test]
fn a_test_record_counts_for_the_same_tree_under_another_message() {
    let repo = setup(TESTED);
    release_commit(&repo, "1.0.0");
    assert!(repo.relhook(&["test"]).status.success());
    repo.git(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "chore(release): 1.0.0, reworded",
    ]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    passed(&push(&repo, &["origin", "main", "v1.0.0"]));
}

#[test]
fn a_record_published_by_ci_counts_after_fetching_the_notes() {
    let repo = setup(TESTED);
    release_commit(&repo, "1.0.0");
    // A release commit without its tag looks like an interrupted release: pushed for CI to
    // test before tagging, it goes on purpose.
    let e = refused(&push(&repo, &["origin", "main"]));
    assert!(e.contains("its tag v1.0.0 is missing"), "{e}");
    let out = repo.git_skipping_relhook(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    // CI: a clone of its own runs the tests and publishes the record.
    let ci = repo.dir.path().join("ci");
    let remote = remote_path(&repo);
    let clone = repo
        .command_in("git", repo.dir.path())
        .args([
            "clone",
            "-q",
            "-b",
            "main",
            remote.to_str().unwrap(),
            ci.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(clone.status.success(), "{}", text(&clone));
    let test = repo
        .command_in(relhook_bin(), &ci)
        .arg("test")
        .output()
        .unwrap();
    assert!(test.status.success(), "{}", text(&test));
    let publish = repo
        .command_in("git", &ci)
        .args(["push", "-q", "origin", "refs/notes/relhook-tests"])
        .output()
        .unwrap();
    assert!(publish.status.success(), "{}", text(&publish));
    // The developer tags the same commit: refused until the records are fetched.
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    // A record of the developer's own, on another commit: a plain fetch of the notes ref is
    // refused as non-fast-forward then; the fetch pre-push names merges them (QA34).
    repo.git(&[
        "notes",
        "--ref=relhook-tests",
        "add",
        "-m",
        "relhook-test-record: pass\ntree: 0000000000000000000000000000000000000000\n",
        "HEAD~1",
    ]);
    let e = refused(&push(&repo, &["origin", "v1.0.0"]));
    let fetch = e
        .split("fetch CI's records, if it publishes them (`")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no fetch named: {e}"));
    let out = repo.sh(fetch);
    assert!(out.status.success(), "{fetch}: {}", text(&out));
    passed(&push(&repo, &["origin", "v1.0.0"]));
    // The developer's record is kept beside CI's.
    let mine = repo.git(&["notes", "--ref=relhook-tests", "show", "HEAD~1"]);
    assert!(mine.contains("tree: 0000000000"), "{mine}");
}

fn tested_release(repo: &Repo, version: &str) -> String {
    release_commit(repo, version);
    assert!(repo.relhook(&["test"]).status.success());
    let tag = format!("v{version}");
    repo.git(&["tag", "-a", &tag, "-m", &tag]);
    passed(&push(repo, &["origin", "main", &tag]));
    tag
}

#[test]
fn deleting_a_published_release_tag_is_refused() {
    let repo = setup(TESTED);
    let tag = tested_release(&repo, "1.0.0");
    let published = remote_has(&repo, "refs/tags/v1.0.0");
    for args in [
        vec!["origin", "--delete", "v1.0.0"],
        vec!["origin", ":refs/tags/v1.0.0"],
    ] {
        let e = refused(&push(&repo, &args));
        assert!(e.contains(&format!("✗ refs/tags/{tag}")), "{e}");
        assert!(e.contains("deleting release tag v1.0.0"), "{e}");
        assert!(e.contains("immutable"), "{e}");
    }
    assert_eq!(remote_has(&repo, "refs/tags/v1.0.0"), published);
}

#[test]
fn moving_a_published_release_tag_is_refused() {
    let repo = setup(TESTED);
    tested_release(&repo, "1.0.0");
    repo.commit("fix: late fix");
    assert!(repo.relhook(&["test"]).status.success());
    repo.git(&["tag", "-f", "-a", "v1.0.0", "-m", "moved"]);
    let e = refused(&push(&repo, &["-f", "origin", "v1.0.0"]));
    assert!(e.contains("moving release tag v1.0.0"), "{e}");
    assert!(e.contains("origin already has v1.0.0 on "), "{e}");
    assert!(e.contains("this push would move it to "), "{e}");
    assert!(e.contains("git fetch --force origin tag v1.0.0"), "{e}");
    // Made again on the same commit (another message): said as such, not as a move.
    let head = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    repo.git(&["tag", "-f", "-a", "v1.0.0", "-m", "again", "HEAD~1"]);
    let e = refused(&push(&repo, &["-f", "origin", "v1.0.0"]));
    assert!(
        e.contains(&format!(
            "origin already has v1.0.0 on commit {head}; this push would replace it with another tag object on that same commit"
        )),
        "{e}"
    );
}

#[test]
fn release_tag_checks_run_at_publish() {
    // Not SemVer.
    let repo = setup("[checks]\nrequire_tested_tags = false\n");
    release_commit(&repo, "1.0.0");
    repo.git(&["tag", "-a", "v1.0", "-m", "v1.0"]);
    let e = refused(&push(&repo, &["origin", "v1.0"]));
    assert!(e.contains("is not `v` + a SemVer version"), "{e}");
    // No changelog section for that version.
    repo.git(&["tag", "-a", "v2.0.0", "-m", "v2.0.0"]);
    let e = refused(&push(&repo, &["origin", "v2.0.0"]));
    assert!(e.contains("has no `## [2.0.0]` section"), "{e}");
    assert!(e.contains("git tag -d v2.0.0"), "{e}");
    // A version file that disagrees.
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.9.0\"\n",
    );
    repo.git(&["add", "Cargo.toml"]);
    repo.git(&["commit", "-q", "-m", "build: add a manifest"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0", "HEAD"]);
    let e = refused(&push(&repo, &["origin", "main", "v1.0.0"]));
    assert!(
        e.contains("Cargo.toml says 0.9.0 at `v1.0.0`, not 1.0.0"),
        "{e}"
    );
}

#[test]
fn release_tag_not_greater_than_its_ancestors_is_refused() {
    let repo = setup(TESTED);
    tested_release(&repo, "1.0.0");
    release_commit(&repo, "0.9.0");
    repo.git(&["tag", "-a", "v0.9.0", "-m", "v0.9.0"]);
    let e = refused(&push(&repo, &["origin", "main", "v0.9.0"]));
    assert!(e.contains("is not greater than v1.0.0"), "{e}");
}

#[test]
fn release_tag_from_a_dirty_tree_is_refused() {
    let repo = setup(TESTED);
    release_commit(&repo, "1.0.0");
    assert!(repo.relhook(&["test"]).status.success());
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.write("notes.txt", "not committed\n");
    let e = refused(&push(&repo, &["origin", "main", "v1.0.0"]));
    assert!(e.contains("dirty working tree"), "{e}");
    assert!(e.contains("notes.txt"), "{e}");
    std::fs::remove_file(repo.path().join("notes.txt")).unwrap();
    passed(&push(&repo, &["origin", "main", "v1.0.0"]));
}

fn set_test(repo: &Repo, argv: &str, on_push: bool) {
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = {argv}\nrun_tests_on_push = {on_push}\n"),
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: set the test command",
    ]);
}

fn has_note(repo: &Repo, rev: &str) -> bool {
    repo.git_output(&["notes", "--ref", "relhook-tests", "show", rev])
        .status
        .success()
}

#[test]
fn relhook_test_exits_as_the_test_command_did() {
    let repo = setup(TESTED);
    set_test(
        &repo,
        "[\"sh\", \"-c\", \"echo failing >&2; exit 3\"]",
        false,
    );
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(stderr(&out).contains("tests failed (exit code 3); nothing recorded"));
    assert!(
        stderr(&out).contains("failing"),
        "output streams: {}",
        text(&out)
    );
    assert!(!has_note(&repo, "HEAD"));

    set_test(&repo, "[\"relhook-no-such-program\"]", false);
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(127), "{}", text(&out));
    assert!(
        stderr(&out).contains("`relhook-no-such-program` was not found"),
        "{}",
        text(&out)
    );

    repo.write("check.sh", "#!/bin/sh\nexit 0\n");
    repo.git(&["add", "check.sh"]);
    set_test(&repo, "[\"./check.sh\"]", false);
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(126), "{}", text(&out));
    assert!(stderr(&out).contains("is not executable"), "{}", text(&out));
    assert!(!has_note(&repo, "HEAD"));

    set_test(&repo, "[\"true\"]", false);
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(has_note(&repo, "HEAD"));
}

/// A push with an extra environment variable.
fn push_env(repo: &Repo, args: &[&str], key: &str, value: &Path) -> Output {
    repo.command_in("git", &repo.path())
        .arg("push")
        .args(args)
        .env(key, value)
        .output()
        .unwrap()
}

#[test]
fn run_tests_on_push_tests_a_clean_checkout_and_records_the_pass() {
    let repo = setup(TESTED);
    set_test(
        &repo,
        "[\"sh\", \"-c\", \"pwd > \\\"$MARK\\\"; test ! -e local-only.txt\"]",
        true,
    );
    let tag = release(&repo, "1.0.0");
    // Ignored files stay out of the clean checkout (and do not make the tree dirty).
    repo.write(".git/info/exclude", "local-only.txt\n");
    repo.write("local-only.txt", "x\n");
    let mark = repo.dir.path().join("mark");
    let out = push_env(&repo, &["origin", "main", &tag], "MARK", &mark);
    let e = passed(&out);
    assert!(
        e.contains("relhook: testing v1.0.0 in a clean checkout"),
        "{e}"
    );
    assert!(e.contains("releasing v1.0.0 (tested just now)"), "{e}");
    assert!(
        e.contains("relhook: v1.0.0 passed in "),
        "the time it took: {e}"
    );
    let ran_in = std::fs::read_to_string(&mark).unwrap();
    let ran_in = Path::new(ran_in.trim());
    assert_ne!(ran_in, repo.path(), "not the work tree");
    assert!(
        !ran_in.exists(),
        "the temporary checkout is removed: {}",
        ran_in.display()
    );
    assert_eq!(repo.git(&["worktree", "list"]).lines().count(), 1);
    assert!(has_note(&repo, "v1.0.0^{commit}"));
    assert!(remote_has(&repo, "refs/tags/v1.0.0").is_some());
}

#[test]
fn run_tests_on_push_refuses_when_the_tests_fail_or_cannot_run() {
    let repo = setup(TESTED);
    set_test(
        &repo,
        "[\"sh\", \"-c\", \"echo from-the-tests; exit 4\"]",
        true,
    );
    let tag = release(&repo, "1.0.0");
    let e = refused(&push(&repo, &["origin", "main", &tag]));
    assert!(e.contains("from-the-tests"), "output streams: {e}");
    assert!(
        e.contains("failed on a clean checkout of v1.0.0 (exit code 4)"),
        "{e}"
    );
    assert_eq!(
        repo.git(&["worktree", "list"]).lines().count(),
        1,
        "removed"
    );

    repo.git(&["tag", "-d", &tag]);
    for (version, argv, says) in [
        ("1.0.1", "[\"relhook-no-such-program\"]", "was not found"),
        ("1.0.2", "[\"./check.sh\"]", "is not executable"),
    ] {
        repo.write("check.sh", "#!/bin/sh\nexit 0\n");
        repo.git(&["add", "check.sh"]);
        set_test(&repo, argv, true);
        let tag = release(&repo, version);
        let e = refused(&push(&repo, &["origin", "main", &tag]));
        assert!(e.contains(says), "{e}");
        assert!(e.contains("argv list"), "{e}");
        assert_eq!(
            repo.git(&["worktree", "list"]).lines().count(),
            1,
            "removed"
        );
        assert!(!has_note(&repo, &format!("{tag}^{{commit}}")));
    }
}

#[test]
fn run_tests_on_push_waits_until_the_other_problems_are_fixed() {
    let repo = setup(TESTED);
    set_test(&repo, "[\"sh\", \"-c\", \"echo SHOULD-NOT-RUN\"]", true);
    repo.commit("bad message");
    let tag = release(&repo, "1.0.0");
    let e = refused(&push(&repo, &["origin", "main", &tag]));
    assert!(!e.contains("SHOULD-NOT-RUN"), "{e}");
    assert!(e.contains("the tests were not run"), "{e}");
}

#[test]
fn tag_left_behind_with_no_test_command_gets_the_refusals_advice() {
    let repo = crate::support::installed_repo();
    repo.with_origin();
    let tag = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(tag.status.success(), "{}", text(&tag));
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("stays behind"))
        .unwrap_or_else(|| panic!("no hint:\n{err}"));
    // `relhook test` fails with no test command: the hint does not send the user there first.
    assert!(!line.contains("&& relhook test`"), "{line}");
    assert!(line.contains("no test command is configured"), "{line}");
    assert!(line.contains("[checks] test = "), "{line}");
    assert!(line.contains("require_tested_tags = false"), "{line}");
    assert!(line.contains("`git push origin v0.1.0`"), "{line}");
}

/// QA: a tag's name may hold `$(…)` (git allows it; a fetched tag may be anyone's). pre-push
/// printed it unquoted in the commands of its fix, and pasting `git tag -d …` ran it.
#[test]
fn a_hostile_tag_name_is_quoted_in_the_commands_pre_push_prints() {
    let repo = setup("[checks]\ntest = [\"true\"]\n");
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "--allow-empty",
        "-m",
        "feat: x",
    ]);
    let name = "v9.9.9-$(touch${IFS}pwned)";
    repo.git(&["tag", "-a", name, "-m", "x"]);
    let e = refused(&push(&repo, &["--follow-tags", "origin", "main"]));
    assert!(
        e.contains("`git tag -d 'v9.9.9-$(touch${IFS}pwned)'`")
            && !e.contains("`git tag -d v9.9.9-$(")
            && !e.contains("`git tag -a v9.9.9-$("),
        "{e}"
    );
}
