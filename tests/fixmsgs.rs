//! The messages relhook prints after a refusal or a release: the way back must work as
//! printed, and say only what relhook knows.

use std::process::Output;

use crate::support::*;

/// An editor script that applies `sed_expr` to the message file.
fn editor(repo: &Repo, name: &str, sed_expr: &str) -> String {
    let path = repo.scratch("editors").join(name);
    std::fs::write(&path, format!("#!/bin/sh\nsed -i '{sed_expr}' \"$1\"\n")).unwrap();
    make_executable(&path);
    path.display().to_string()
}

/// The command between the backticks of the commit-msg hook's `note:` line.
fn reopen_command(err: &str) -> String {
    let note = err
        .lines()
        .find(|l| l.starts_with("note:"))
        .unwrap_or_else(|| panic!("no note in:\n{err}"));
    note.split('`').nth(1).unwrap_or("").to_owned()
}

#[test]
fn reopening_a_refused_verbose_commit_leaves_the_diff_out_of_the_message() {
    let repo = installed_repo();
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked("chore: a");
    repo.write("a", "a\nb\n");
    let bad = editor(&repo, "bad", "1s/^/oops bad/");
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-v", "-a"],
        &[("GIT_EDITOR", bad.as_str())],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("other options, e.g. `-a`"), "{err}");
    let reopen = reopen_command(&err);
    assert!(reopen.starts_with("git commit -v -e -F "), "{err}");
    // As the note says: the original commit's `-a` goes with it (here: the change is staged).
    repo.git(&["add", "a"]);
    let good = editor(&repo, "good", "1s/^oops bad/fix: oops/");
    let out = repo
        .command_in("sh", &repo.path())
        .env("GIT_EDITOR", &good)
        .args(["-c", &reopen])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["log", "-1", "--format=%B"]), "fix: oops");
}

#[test]
fn the_reopen_note_of_a_plain_commit_has_no_verbose_flag() {
    let repo = installed_repo();
    let out = repo.try_commit("bad message");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        reopen_command(&stderr(&out)).starts_with("git commit -e -F "),
        "{}",
        text(&out)
    );
}

#[test]
fn a_commit_past_the_lint_is_said_by_post_commit() {
    let repo = installed_repo();
    repo.write("f", "x\n");
    repo.git(&["add", "f"]);
    let out = repo.git_output(&["commit", "-q", "-m", "bad message", "--no-verify"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        stderr(&out).trim_end(),
        "relhook: no changelog entry: \"bad message\" is not a Conventional Commit (pre-push refuses it; reword it with `git commit --amend`)"
    );
    // RELHOOK_QUIET=1 silences it, like every other notice.
    repo.write("f", "y\n");
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-qam", "worse message", "--no-verify"],
        &[("RELHOOK_QUIET", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn commits_without_an_entry_that_the_lint_accepts_stay_silent() {
    let repo = installed_repo();
    for (file, args) in [
        ("a", &["commit", "-qm", "chore: tidy", "--no-verify"][..]),
        ("b", &["commit", "-qm", "chore: tidy again"][..]),
        ("c", &["commit", "-q", "--fixup", "HEAD"][..]),
    ] {
        repo.write(file, "x\n");
        repo.git(&["add", file]);
        let out = repo.git_output(args);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    // Another rule than the format: named as it is.
    repo.write("d", "x\n");
    repo.git(&["add", "d"]);
    let long = format!("chore: {}", "x".repeat(120));
    let out = repo.git_output(&["commit", "-qm", &long, "--no-verify"]);
    assert!(
        stderr(&out).contains("fails the commit lint (header-max-length: "),
        "{}",
        text(&out)
    );
}

/// A `--no-verify` commit that gets an entry but that commit-msg would have refused (a header
/// over the configured length): the entry is added, and one line says the lint refuses it.
#[test]
fn a_commit_with_an_entry_past_the_lint_is_said_by_post_commit() {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[commit]\nheader_max_length = 40\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-qm", "chore: shorter headers"]);
    repo.write("f", "x\n");
    repo.git(&["add", "f"]);
    let long = format!("feat: {}", "y".repeat(40));
    let out = repo.git_output(&["commit", "-qm", &long, "--no-verify"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("under Added"), "{}", text(&out));
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("fails the commit lint (header-max-length: "))
        .collect();
    assert_eq!(said.len(), 1, "{}", text(&out));
    assert!(said[0].ends_with("pre-push refuses it; reword it with `git commit --amend`"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// git's cherry-pick commits with `-n`, past commit-msg: told as a `--no-verify` commit is
/// (QA39; it used to be left silent).
#[test]
fn a_cherry_pick_of_a_bad_commit_is_told_as_a_no_verify_commit_is() {
    let repo = installed_repo();
    repo.git(&["checkout", "-qb", "side"]);
    repo.write("s", "x\n");
    repo.git(&["add", "s"]);
    repo.git(&["commit", "-qm", "bad side", "--no-verify"]);
    repo.git(&["checkout", "-q", "main"]);
    let out = repo.git_output(&["cherry-pick", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("\"bad side\" is not a Conventional Commit (pre-push refuses it"),
        "{}",
        text(&out)
    );
}

/// main: `chore: start` tagged v0.1.0, a bad commit, `feat: x` tagged v0.1.1 (HEAD), and
/// origin/main at HEAD, as a CI checkout of the tag sees it.
fn tagged_twice() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["tag", "v0.1.0"]);
    repo.commit("bad commit");
    repo.commit("feat: x");
    repo.git(&["tag", "v0.1.1"]);
    repo.git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    repo
}

fn check_in_ci(repo: &Repo, env: &[(&str, &str)]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.args(["check"]).env("CI", "true");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn first_line(out: &Output) -> String {
    stdout(out).lines().next().unwrap_or("").to_owned()
}

#[test]
fn a_tag_pipeline_checks_the_release_the_tag_makes() {
    let repo = tagged_twice();
    let event = repo.scratch("event").join("tag.json");
    std::fs::write(
        &event,
        r#"{"ref":"refs/tags/v0.1.1","before":"0000000000000000000000000000000000000000","repository":{"default_branch":"main"}}"#,
    )
    .unwrap();
    let out = check_in_ci(
        &repo,
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_REF", "refs/tags/v0.1.1"),
            ("GITHUB_REF_NAME", "v0.1.1"),
            ("GITHUB_REF_TYPE", "tag"),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        first_line(&out),
        "relhook: checking v0.1.0..HEAD: GitHub Actions `push` of tag `v0.1.1` (GITHUB_REF), so the commits since the release tag before it, `v0.1.0`"
    );
    let out = check_in_ci(&repo, &[("GITLAB_CI", "true"), ("CI_COMMIT_TAG", "v0.1.1")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        first_line(&out),
        "relhook: checking v0.1.0..HEAD: GitLab tag pipeline of `v0.1.1` (CI_COMMIT_TAG), so the commits since the release tag before it, `v0.1.0`"
    );
}

#[test]
fn a_github_run_without_its_event_payload_says_so() {
    let repo = tagged_twice();
    repo.commit("fix: y");
    let out = check_in_ci(
        &repo,
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_REF", "refs/heads/main"),
            ("GITHUB_REF_NAME", "main"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        first_line(&out),
        "relhook: checking v0.1.1..HEAD: GitHub Actions `push` without its event payload (GITHUB_EVENT_PATH is not set), so the commits since the last release tag `v0.1.1`"
    );
}

/// `relhook check` as GitHub Actions runs it for a push to main, its payload at `event`.
fn check_in_github_push(repo: &Repo, event: &std::path::Path) -> std::process::Output {
    check_in_ci(
        repo,
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_REF", "refs/heads/main"),
            ("GITHUB_REF_NAME", "main"),
            ("GITHUB_EVENT_PATH", event.to_str().unwrap()),
        ],
    )
}

/// `GITHUB_EVENT_PATH` naming a file that is missing or empty: the run falls back as README
/// says for a run without its payload, with one line saying why (not a bare I/O error).
#[test]
fn a_github_event_path_that_cannot_be_read_falls_back() {
    let repo = tagged_twice();
    repo.commit("fix: y");
    let dir = repo.scratch("event");
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let missing = dir.join("missing.json");
    for (path, why) in [(&missing, "could not be read"), (&empty, "is empty")] {
        let out = check_in_github_push(&repo, path);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(
            first_line(&out),
            format!(
                "relhook: checking v0.1.1..HEAD: GitHub Actions `push` without its event payload (GITHUB_EVENT_PATH {why}), so the commits since the last release tag `v0.1.1`"
            )
        );
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{}", text(&out));
        assert!(
            err.starts_with(&format!(
                "relhook: note: GITHUB_EVENT_PATH {}",
                path.display()
            )),
            "{}",
            text(&out)
        );
    }
}

/// A push payload without `before` (`{}`) is no new branch: no `before` is invented, and the
/// run falls back as without the payload.
#[test]
fn a_github_push_payload_without_before_is_not_a_new_branch() {
    let repo = tagged_twice();
    repo.commit("fix: y");
    let event = repo.scratch("event").join("push.json");
    std::fs::write(&event, "{}").unwrap();
    let out = check_in_github_push(&repo, &event);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        first_line(&out),
        "relhook: checking v0.1.1..HEAD: GitHub Actions `push` without `before` in its event payload (GITHUB_EVENT_PATH), so the commits since the last release tag `v0.1.1`"
    );
}

/// relhook installed, `[checks] test = ["true"]` and `chore: init` committed; then `feat: one`.
fn ready_to_release(remote: bool) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    if remote {
        repo.with_origin();
        // Pushed without `-u`: main has no upstream.
        ok(repo.git_output(&["push", "-q", "origin", "main"]));
    }
    repo.commit_hooked("feat: one");
    repo
}

#[test]
fn after_a_release_on_a_branch_without_upstream_the_push_names_remote_and_branch() {
    let repo = ready_to_release(true);
    let out = ok(dated_release(&repo, &[]));
    let err = stderr(&out);
    let next = next_command(&err);
    assert_eq!(next, "git push --follow-tags -u origin main", "{err}");
    assert!(err.contains("`main` has no upstream yet"), "{err}");
    let out = repo.sh(&next);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["ls-remote", "origin", "refs/tags/v0.1.0"])
            .contains("refs/tags/v0.1.0"),
        "the tag went with it"
    );
    // The push set the upstream (`-u`): the plain push works and is what is said.
    repo.commit_hooked("fix: two");
    let err = stderr(&ok(dated_release(&repo, &[])));
    assert_eq!(next_command(&err), "git push --follow-tags", "{err}");
}

#[test]
fn after_a_release_with_no_remote_the_next_step_says_there_is_none() {
    let repo = ready_to_release(false);
    let err = stderr(&ok(dated_release(&repo, &[])));
    assert!(
        err.contains("next: git remote add origin <url> && git push --follow-tags -u origin main   (this repository has no remote yet)"),
        "{err}"
    );
}

/// The `✗ <ref> <commit> …` lines of a refused push that name `reference`.
fn refusal_lines(err: &str, reference: &str) -> Vec<String> {
    let mark = format!("✗ {reference} ");
    err.lines()
        .filter_map(|l| l.strip_prefix(&mark))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_tag_below_head_is_not_refused_for_the_working_tree_and_is_named_by_its_commit() {
    let repo = installed_repo();
    repo.with_origin();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    let tagged = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
    repo.commit_hooked("fix: later");
    repo.write("Cargo.lock", "untracked\n");
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let lines = refusal_lines(&err, "refs/tags/v0.1.0");
    assert!(!lines.is_empty(), "{err}");
    for line in &lines {
        assert!(line.starts_with(&format!("{tagged} ")), "{err}");
    }
    // The working tree belongs to HEAD, which the tag does not tag: nothing of it is published.
    assert!(!err.contains("dirty working tree"), "{err}");
}

#[test]
fn a_tag_at_head_pushed_from_a_dirty_tree_names_the_checkout_and_the_tag_s_commit() {
    let repo = installed_repo();
    repo.with_origin();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    let tagged = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
    repo.write("Cargo.lock", "untracked\n");
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let lines = refusal_lines(&err, "refs/tags/v0.1.0");
    assert!(
        lines.contains(&format!(
            "{tagged} release v0.1.0 from a dirty working tree (the checkout of HEAD, the tagged commit)"
        )),
        "{err}"
    );
}
