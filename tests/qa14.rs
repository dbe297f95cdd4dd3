//! QA14, pre-push: publishing test records was refused as unconventional commits, a release
//! commit whose tag is missing went out in silence, the fix for an untested older tag could
//! not work, and the reword fix forgot the local tag above the commit.

use crate::support::{Repo, configured_with_a_feature, dated_release, ok, stderr, stdout, text};

const TESTED: &str = "[checks]\ntest = [\"true\"]\n";

/// What the bare `origin` has at `reference`, if anything.
fn origin_has(repo: &Repo, reference: &str) -> Option<String> {
    let out = repo
        .command_in("git", &repo.dir.path().join("origin.git"))
        .args(["rev-parse", "--verify", "--quiet", reference])
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn refused(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    let err = stderr(out);
    assert!(err.contains("refused"), "{err}");
    assert!(err.contains("RELHOOK_SKIP=1"), "names the bypass: {err}");
    err
}

#[test]
fn test_records_and_other_refs_that_are_not_project_history_are_not_linted() {
    let repo = configured_with_a_feature(|_| TESTED.into());
    repo.with_origin();
    ok(dated_release(&repo, &[]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    // The step `relhook test` names: a notes commit is not a Conventional Commit.
    let out = repo.git_output(&["push", "-q", "origin", "refs/notes/relhook-tests"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(origin_has(&repo, "refs/notes/relhook-tests").is_some());
    // A commit that never met commit-msg, pushed where it is not the project's history.
    repo.git(&["checkout", "-q", "-b", "wip"]);
    let wip = repo.commit("wip, not conventional");
    for r in [
        "refs/pull/1/head",
        "refs/changes/01/1/1",
        "refs/merge-requests/1/head",
        "refs/remotes/origin/wip",
        "refs/backup/wip",
    ] {
        let out = repo.git_output(&["push", "-q", "origin", &format!("HEAD:{r}")]);
        assert_eq!(out.status.code(), Some(0), "{r}: {}", text(&out));
        assert_eq!(origin_has(&repo, r).as_deref(), Some(wip.as_str()), "{r}");
    }
    // Where it becomes the project's history, it is linted: a branch, a review push bound
    // for a branch, a tag's history.
    repo.git(&["tag", "keep"]);
    for r in ["refs/heads/wip", "refs/for/main", "refs/tags/keep"] {
        let out = repo.git_output(&["push", "-q", "origin", &format!("HEAD:{r}")]);
        let err = refused(&out);
        assert!(err.contains("wip, not conventional"), "{r}: {err}");
        assert_eq!(origin_has(&repo, r), None, "{r}");
    }
}

/// The push `fix:` names, run as printed (through `sh`, with this relhook on PATH).
fn fix_line(err: &str) -> String {
    let line = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix line in:\n{err}"));
    line.to_owned()
}

/// The commands between backquotes in `text`, in order.
fn quoted(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_release_commit_without_its_tag_is_refused_until_resumed() {
    let repo = configured_with_a_feature(|_| TESTED.into());
    repo.with_origin();
    repo.relhook_killed_at("release-committed", &["release"]);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(repo.git(&["tag", "--list"]), "");
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    let err = refused(&out);
    assert!(
        err.contains("✗ refs/heads/main ") && err.contains(" chore(release): 0.1.0\n"),
        "{err}"
    );
    assert!(err.contains("its tag v0.1.0 is missing"), "{err}");
    assert_eq!(origin_has(&repo, "refs/heads/main"), None);
    // The fix, followed literally, gets the release out whole.
    let fix = fix_line(&err);
    let commands = quoted(&fix);
    assert_eq!(
        commands,
        [
            "relhook release --resume",
            "git push --follow-tags -u origin main",
            "RELHOOK_SKIP=1 git push origin main",
        ],
        "{fix}"
    );
    for c in &commands[..2] {
        let out = repo.sh(c);
        assert_eq!(out.status.code(), Some(0), "{c}: {}", text(&out));
    }
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    assert_eq!(origin_has(&repo, "refs/heads/main"), Some(tagged));
    assert!(origin_has(&repo, "refs/tags/v0.1.0").is_some());
}

#[test]
fn a_release_commit_the_remote_has_or_another_branch_sends_is_named_so() {
    let repo = configured_with_a_feature(|_| TESTED.into());
    repo.with_origin();
    repo.relhook_killed_at("release-committed", &["release"]);
    // Pushed on purpose: the gate does not refuse every later push of the branch.
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "main"]));
    repo.commit_hooked("fix: later");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    // A branch other than HEAD's: the fix checks it out first.
    let repo = configured_with_a_feature(|_| TESTED.into());
    repo.with_origin();
    repo.relhook_killed_at("release-committed", &["release"]);
    repo.git(&["branch", "side"]);
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let out = repo.git_output(&["push", "-q", "origin", "side"]);
    let err = refused(&out);
    assert!(
        err.contains("`git checkout side && relhook release --resume`"),
        "{err}"
    );
}

#[test]
fn a_monorepo_release_commit_without_its_tags_is_refused_until_resumed() {
    let repo = crate::monorepo_hints::pnpm_workspace("[\"true\"]", Some("[\"true\"]"));
    repo.with_origin();
    repo.relhook_killed_at("release-committed", &["release", "--all"]);
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    let err = refused(&out);
    assert!(
        err.contains("its tags @x/a@1.0.0, @x/b@2.0.0 are missing"),
        "{err}"
    );
    for c in &quoted(&fix_line(&err))[..2] {
        let out = repo.sh(c);
        assert_eq!(out.status.code(), Some(0), "{c}: {}", text(&out));
    }
    assert!(origin_has(&repo, "refs/tags/@x/a@1.0.0").is_some());
    assert!(origin_has(&repo, "refs/tags/@x/b@2.0.0").is_some());
}

#[test]
fn the_fix_for_an_untested_tag_below_head_works_when_its_tree_predates_the_test_command() {
    let repo = crate::support::installed_repo();
    repo.with_origin();
    ok(crate::support::hand_tag(
        &repo,
        &["-a", "v0.1.0", "-m", "v0.1.0"],
    ));
    repo.write(".relconfig.toml", TESTED);
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: add tests"]);
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    let err = refused(&out);
    let fix = fix_line(&err);
    let command = quoted(&fix).into_iter().next().unwrap();
    assert_eq!(command, "relhook test --tag v0.1.0", "{err}");
    // Followed literally: the tag's tree gets its record, HEAD stays on main, the push goes.
    let out = repo.sh(&command);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["branch", "--show-current"]), "main");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    assert!(origin_has(&repo, "refs/tags/v0.1.0").is_some());
}

#[test]
fn test_tag_says_what_it_ran_and_refuses_a_tag_that_is_not_there() {
    let repo =
        configured_with_a_feature(|_| "[checks]\ntest = [\"sh\", \"-c\", \"exit 3\"]\n".into());
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let out = repo.relhook(&["test", "--tag", "v0.1.0"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "exits as the tests did: {}",
        text(&out)
    );
    assert!(
        stderr(&out).contains("tests failed on v0.1.0 (exit code 3); nothing recorded"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["test", "--tag", "v9.9.9"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("no tag `v9.9.9` here"),
        "{}",
        text(&out)
    );
}

/// A released history (`relhook release`, tested, tagged v0.1.0, not pushed) with a commit
/// that dodged commit-msg under the release.
fn released_over_an_unchecked_commit() -> Repo {
    let repo = configured_with_a_feature(|_| TESTED.into());
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.commit("added x");
    repo.commit_hooked("feat: y");
    // Refused without the flag (tests/unlinted.rs); released on purpose here, and said so:
    // its push is one on purpose too (QA34: `next:` named a plain push, which is refused).
    let out = ok(dated_release(&repo, &["--allow-unlinted"]));
    assert!(
        stderr(&out).contains("next: git push --no-verify --follow-tags -u origin main"),
        "{}",
        text(&out)
    );
    repo
}

/// Runs `git rebase -i` as a fix names it, marking the first commit `reword` and giving it
/// `header`.
fn rebase_rewording(repo: &Repo, command: &str, header: &str) {
    assert!(command.starts_with("git rebase -i "), "{command}");
    let line = format!(
        "GIT_SEQUENCE_EDITOR=\"sed -i '1s/^pick/reword/'\" GIT_EDITOR=\"sed -i '1s/.*/{header}/'\" {command}"
    );
    let out = repo.sh(&line);
    assert_eq!(out.status.code(), Some(0), "{line}: {}", text(&out));
}

#[test]
fn the_reword_fix_says_how_the_local_release_tag_above_follows() {
    let repo = released_over_an_unchecked_commit();
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    let err = refused(&out);
    let fix = fix_line(&err);
    let commands = quoted(&fix);
    // The release commit on top is dropped and made again: `--resume` would tag it again
    // with notes that miss the reworded commit's entry (QA34).
    assert_eq!(
        commands[0], "git tag -d v0.1.0 && git reset --keep HEAD~1",
        "{fix}"
    );
    assert!(commands[1].starts_with("git rebase -i "), "{fix}");
    assert_eq!(commands[3], "relhook release 0.1.0", "{fix}");
    // Followed literally (the reword done by the editors), the next push goes, tag and all.
    ok(repo.sh(&commands[0]));
    rebase_rewording(&repo, &commands[1], "feat: added x");
    let out = repo.sh(&commands[3]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = ok(repo.relhook(&["notes", "v0.1.0"]));
    assert!(stdout(&notes).contains("- added x"), "{}", text(&notes));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    assert_eq!(origin_has(&repo, "refs/heads/main"), Some(tagged));
    assert!(origin_has(&repo, "refs/tags/v0.1.0").is_some());
}

/// QA34: with a commit made above the release commit, the fix named `--resume`, which tagged
/// the rewritten release commit again with notes that missed the reworded commit's entry.
/// The release commit is dropped in the same rebase and the release made again.
#[test]
fn the_reword_fix_under_a_release_commit_below_head_keeps_every_entry() {
    let repo = released_over_an_unchecked_commit();
    repo.commit_hooked("fix: z");
    let release = repo.git(&["rev-parse", "--short=9", "HEAD~1"]);
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    let err = refused(&out);
    let fix = fix_line(&err);
    let commands = quoted(&fix);
    assert_eq!(commands[0], "git tag -d v0.1.0", "{fix}");
    assert!(commands[1].starts_with("git rebase -i "), "{fix}");
    assert_eq!(commands[3], "drop", "{fix}");
    assert!(
        fix.contains(&format!("release commit {release} `drop`")),
        "{fix}"
    );
    assert_eq!(commands[4], "relhook release 0.1.0", "{fix}");
    // Followed literally: the editors reword the first line and drop the release commit.
    ok(repo.sh(&commands[0]));
    let line = format!(
        "GIT_SEQUENCE_EDITOR=\"sed -i -e '1s/^pick/reword/' -e '/chore(release): 0.1.0/s/^pick/drop/'\" GIT_EDITOR=\"sed -i '1s/.*/feat: added x/'\" {}",
        commands[1]
    );
    let out = repo.sh(&line);
    assert_eq!(out.status.code(), Some(0), "{line}: {}", text(&out));
    let out = repo.sh(&commands[4]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = ok(repo.relhook(&["notes", "v0.1.0"]));
    for entry in ["- added x", "- y", "- z"] {
        assert!(stdout(&notes).contains(entry), "{entry}: {}", text(&notes));
    }
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn the_reword_fix_moves_a_tag_that_is_not_on_a_release_commit() {
    let repo = released_over_an_unchecked_commit();
    // A later hand-made tag on a plain commit above: moved by hand after the rebase.
    repo.commit_hooked("fix: z");
    repo.git(&["tag", "-a", "v0.1.1-rc.1", "-m", "rc"]);
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    let err = refused(&out);
    let fix = fix_line(&err);
    assert!(
        fix.contains("`git tag -d v0.1.0 && git tag -a v0.1.0 -m v0.1.0 NEW`"),
        "{fix}"
    );
    assert!(fix.contains("v0.1.1-rc.1"), "{fix}");
    // Without a tag above it, the fix is the plain reword.
    repo.git(&["tag", "-d", "v0.1.0", "v0.1.1-rc.1"]);
    let err = refused(&repo.git_output(&["push", "-q", "origin", "main"]));
    assert!(!fix_line(&err).contains("git tag"), "{err}");
}
