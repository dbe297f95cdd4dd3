//! Found by the third QA pass (`git tag` by hand, empty releases, conflict markers): each test
//! drives real git through the installed hooks and pins what relhook must refuse or say.

use crate::support::{
    Repo, dated_release, hand_tag as tag, hand_tag_refused, installed_repo, ok, stderr, text,
};

/// F9: `git tag -f` would move a release tag off its release commit onto later, unreleased
/// work, which pre-push then publishes. Refused in `prepared`, before the tag moves.
#[test]
fn git_tag_force_does_not_move_a_release_tag() {
    let repo = installed_repo();
    let out = tag(&repo, &["-a", "v0.1.0", "-m", "first"]);
    assert!(out.status.success(), "{}", text(&out));
    let released = repo.git(&["rev-parse", "v0.1.0"]);
    repo.commit_hooked("fix: later");
    for args in [
        vec!["-a", "-f", "v0.1.0", "-m", "again"],
        vec!["-f", "v0.1.0"],
        vec!["-a", "-f", "v0.1.0", "-m", "again", "v0.1.0^{commit}"],
    ] {
        let out = tag(&repo, &args);
        assert_eq!(out.status.code(), Some(128), "{args:?}\n{}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("refusing tag v0.1.0"), "{err}");
        assert!(err.contains("never moved"), "{err}");
        assert!(err.contains("RELHOOK_SKIP=1 git tag"), "{err}");
        assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), released, "{args:?}");
    }
    // Tags that are not releases still move, and the deliberate bypass works.
    assert!(tag(&repo, &["nightly1", "HEAD~1"]).status.success());
    let out = tag(&repo, &["-f", "nightly1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_skipping_relhook(&["tag", "-a", "-f", "v0.1.0", "-m", "meant"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_ne!(repo.git(&["rev-parse", "v0.1.0"]), released);
}

/// The plumbing hole beside F9: `git update-ref` moves a release tag as `git tag -f` would, and
/// without an old value git hands the hook the line of a creation (`0000… <new> <ref>`). The
/// move is refused in `prepared` all the same, whatever local command runs the transaction.
/// Allowed: deleting a tag (`git tag -d`, `update-ref -d`), `pack-refs` (which re-creates every
/// ref at its own value), and `git fetch --force` of the remote's tag, pre-push's way to
/// restore a moved one.
#[test]
fn update_ref_does_not_move_a_release_tag() {
    let repo = installed_repo();
    let out = tag(&repo, &["-a", "v0.1.0", "-m", "first"]);
    assert!(out.status.success(), "{}", text(&out));
    let released = repo.git(&["rev-parse", "v0.1.0"]);
    repo.commit_hooked("fix: later");
    let moves: [&[&str]; 3] = [
        &["update-ref", "refs/tags/v0.1.0", "HEAD"],
        &["update-ref", "refs/tags/v0.1.0", "HEAD", &released],
        &["update-ref", "-m", "why", "refs/tags/v0.1.0", "HEAD~1"],
    ];
    let refused = |out: &std::process::Output, what: &str| {
        assert_eq!(out.status.code(), Some(128), "{what}\n{}", text(out));
        let err = stderr(out);
        assert!(err.contains("refusing tag v0.1.0"), "{what}: {err}");
        assert!(err.contains("never moved"), "{what}: {err}");
        assert!(
            err.contains("RELHOOK_SKIP=1 git update-ref"),
            "{what}: {err}"
        );
        let ours = err.lines().filter(|l| l.starts_with("relhook:")).count();
        assert_eq!(ours, 1, "one line: {err}");
        assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), released, "{what}");
    };
    for args in moves {
        refused(&repo.git_output(args), &format!("{args:?}"));
    }
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.args(["update-ref", "--stdin"]);
    let out = crate::support::output_with_stdin(&mut cmd, b"update refs/tags/v0.1.0 HEAD\n");
    refused(&out, "update-ref --stdin");
    // Packed, the tag has no file of its own; pack-refs itself is no move.
    let out = repo.git_output(&["pack-refs", "--all"]);
    assert!(out.status.success(), "{}", text(&out));
    refused(&repo.git_output(moves[0]), "packed");
    // Tags that are not releases still move; the bypass and deletion still work.
    repo.git(&["update-ref", "refs/tags/nightly1", "HEAD~1"]);
    repo.git(&["update-ref", "refs/tags/nightly1", "HEAD"]);
    let origin = repo.with_origin();
    let o = origin.to_str().unwrap();
    repo.git(&["push", "-q", "--no-verify", o, "v0.1.0"]);
    let out = repo.git_skipping_relhook(moves[0]);
    assert!(out.status.success(), "{}", text(&out));
    assert_ne!(repo.git(&["rev-parse", "v0.1.0"]), released);
    // The remote's tag fetched back over the moved one: how pre-push says to restore it.
    let out = repo.git_output(&["fetch", "-q", "--force", "origin", "tag", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), released);
    repo.git(&["update-ref", "-d", "refs/tags/v0.1.0"]);
    let out = repo.git_skipping_relhook(&["tag", "v0.1.0", &released]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["tag", "-d", "v0.1.0"]);
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "");
}

/// A push into a clone that has relhook installed (a non-bare repository as the remote) is
/// the pusher's to check: the receiving side's hook runs under `git-receive-pack <dir>`,
/// whose directory is no git command, and refusing there broke the whole push, branch too.
#[test]
fn a_push_into_a_clone_with_relhook_is_not_refused_by_its_hook() {
    let remote = installed_repo();
    ok(tag(&remote, &["-a", "v0.1.0", "-m", "first"]));
    remote.commit_hooked("fix: later");
    let clone = Repo::new();
    let from = remote.path();
    clone.git(&[
        "fetch",
        "-q",
        from.to_str().unwrap(),
        "main:refs/remotes/o/main",
        "--tags",
    ]);
    clone.git(&["reset", "-q", "--hard", "refs/remotes/o/main"]);
    clone.git(&["branch", "feat1"]);
    let ok_skip = clone.git_skipping_relhook(&["tag", "-f", "-a", "v0.1.0", "-m", "moved", "HEAD"]);
    assert!(ok_skip.status.success(), "{}", text(&ok_skip));
    let out = clone.git_output(&[
        "push",
        "--no-verify",
        "-f",
        from.to_str().unwrap(),
        "feat1",
        "v0.1.0",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("refusing"), "{}", text(&out));
    assert_eq!(
        remote.git(&["rev-parse", "feat1"]),
        clone.git(&["rev-parse", "feat1"])
    );
}

/// A hand tag's release commit syncs history like `relhook release`: a commit that never met
/// the hook (`RELHOOK_SKIP=1`, another clone) gets its entry in the section. The tag being
/// made was taken for the last release, so nothing was synced and the section lacked it.
#[test]
fn a_hand_tag_releases_the_commits_that_never_met_the_hook() {
    let repo = installed_repo();
    assert!(
        tag(&repo, &["-a", "v0.1.0", "-m", "first"])
            .status
            .success()
    );
    repo.write("off.txt", "x\n");
    repo.git(&["add", "off.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: made with hooks off"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!repo.read("CHANGELOG.md").contains("hooks off"));
    let out = tag(&repo, &["-a", "v0.1.1", "-m", "second"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.git(&["show", "v0.1.1:CHANGELOG.md"]);
    assert!(
        log.contains("## [0.1.1] - 2026-11-21\n\n### Fixed\n\n- made with hooks off\n"),
        "{log}"
    );
}

/// F6: a hand tag with nothing for the changelog (a feature and its revert, or only `chore:`)
/// made an empty release that `relhook release` refuses, and said that `relhook notes` prints
/// its notes, which then refused. Now refused before the tag exists, like the release; and a
/// release never has empty notes, even when its version is named.
#[test]
fn a_hand_tag_with_nothing_for_the_changelog_is_refused_like_release() {
    let repo = installed_repo();
    assert!(
        tag(&repo, &["-a", "v0.1.0", "-m", "first"])
            .status
            .success()
    );
    repo.commit_hooked("feat: temp");
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(err.contains("nothing for the changelog"), "{err}");
    assert!(
        err.contains("`relhook release 0.1.1` refuses it too"),
        "{err}"
    );
    assert!(err.contains("RELHOOK_SKIP=1 git tag"), "{err}");
    assert!(!err.contains("prints its notes"), "{err}");
    repo.commit_hooked("chore: tidy");
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(err.contains("nothing for the changelog"), "{err}");
    for args in [vec!["--no-test", "0.1.1"], vec!["--no-test", "patch"]] {
        let out = dated_release(&repo, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("nothing for the changelog"),
            "{}",
            text(&out)
        );
        assert_eq!(repo.git(&["tag", "-l", "v0.1.1"]), "", "{args:?}");
    }
    // A hand-written section without notes is refused too, though it needs no release commit.
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.1.1] - 2026-11-21\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "docs: an empty section",
    ]);
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(err.contains("section is empty"), "{err}");
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    // What the release changes, written by hand, is what it needs.
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Changed\n\n- tidied up\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: say what 0.1.1 changes"]);
    let out = tag(&repo, &["-a", "v0.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("prints its notes"), "{}", text(&out));
    let out = repo.relhook(&["notes", "v0.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        crate::support::stdout(&out).contains("- tidied up"),
        "{}",
        text(&out)
    );
}

/// F7: a hand tag on a detached HEAD put its release commit on no branch: the branch never got
/// the release, and the next release shipped its entries again. Refused like `relhook release`.
#[test]
fn a_hand_tag_on_a_detached_head_is_refused_like_release() {
    let repo = installed_repo();
    repo.commit_hooked("fix: one");
    repo.git(&["checkout", "-q", "--detach", "HEAD"]);
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(err.contains("HEAD is detached"), "{err}");
    assert!(err.contains("git switch"), "{err}");
    let out = dated_release(&repo, &["--no-test", "0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("HEAD is detached"), "{}", text(&out));
    // On the branch, the release commit is the branch's.
    repo.git(&["checkout", "-q", "main"]);
    let out = tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "main"])
    );
}

/// F5: a branch merged and then reverted (`git revert -m 1` of the merge) before a release
/// never shipped: version, release, sync and the hand tag agree with `check` that there is
/// nothing to release, and a reapplied merge brings the branch back.
#[test]
fn a_merged_branch_reverted_before_release_is_nothing_to_release() {
    let repo = installed_repo();
    assert!(
        tag(&repo, &["-a", "v0.1.0", "-m", "first"])
            .status
            .success()
    );
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.commit_hooked("feat: topic thing");
    // Its entry comes from sync only: the commit never met the hook.
    repo.write("off.txt", "x\n");
    repo.git(&["add", "off.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: topic fix"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-ff",
        "topic",
        "-m",
        "Merge branch 'topic'",
    ]);
    repo.git(&["revert", "--no-edit", "-m", "1", "HEAD"]);
    let out = repo.relhook(&["check", "v0.1.0..HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["version", "--next", "--explain"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release") && stderr(&out).contains("cancel out"),
        "{}",
        text(&out)
    );
    assert!(
        !text(&out).contains("not a Conventional Commit"),
        "{}",
        text(&out)
    );
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l", "v0.1.1"]), "");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        !repo.read("CHANGELOG.md").contains("topic"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        !crate::support::stdout(&out).contains("topic"),
        "{}",
        text(&out)
    );
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(err.contains("nothing for the changelog"), "{err}");
    // Reapplied (a revert of the revert), the branch is back.
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let out = repo.relhook(&["version", "--next", "--explain"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        crate::support::stdout(&out).contains("feat: topic thing"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- topic thing") && log.contains("- topic fix"),
        "{log}"
    );
}

/// F12: conflict markers committed in CHANGELOG.md got post-commit's entries appended inside
/// them and were released as the notes. Post-commit now says where they are and leaves the
/// file alone; release, its dry run, the hand tag and `notes` refuse them.
#[test]
fn committed_conflict_markers_are_left_alone_and_never_released() {
    let repo = installed_repo();
    let marked = repo.read("CHANGELOG.md") + "\n<<<<<<< ours\n- a\n=======\n- b\n>>>>>>> theirs\n";
    repo.write("CHANGELOG.md", &marked);
    repo.git(&["commit", "-q", "-am", "docs: a bad conflict resolution"]);
    let line = marked.lines().position(|l| l == "<<<<<<< ours").unwrap() + 1;
    let at = format!("CHANGELOG.md:{line} has unresolved conflict markers");
    let out = repo.try_commit("feat: after the markers");
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(&at), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), marked, "the file is left alone");
    assert_eq!(repo.git(&["show", "HEAD:CHANGELOG.md"]) + "\n", marked);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&at), "{}", text(&out));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        marked,
        "sync leaves it alone too"
    );
    for args in [vec!["--no-test", "--dry-run"], vec!["--no-test"]] {
        let out = dated_release(&repo, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(&at), "{args:?}: {}", text(&out));
    }
    assert_eq!(repo.git(&["tag"]), "");
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(err.contains(&at), "{err}");
    // doctor says so before a release does, with the way out.
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = crate::support::stdout(&out);
    assert!(
        report.contains(&format!("INVALID  changelog: {at}"))
            && report.contains("relhook changelog --sync"),
        "{report}"
    );
    // A release tag made around them anyway has no notes to print.
    let log = marked.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.1.0] - 2026-11-21\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: release it by hand"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["notes", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("unresolved conflict markers"),
        "{}",
        text(&out)
    );
}

/// F4: with CHANGELOG.md a symbolic link, `release --dry-run` showed a plan where `release`
/// refused, and the hand tag pointed at `relhook release X.Y.Z`, which failed the same way.
/// Both now refuse up front with the fix that works (exit 1, as every release refusal), and
/// following it releases.
#[cfg(unix)]
#[test]
fn a_symlinked_changelog_is_refused_by_the_dry_run_with_the_fix_that_works() {
    let repo = installed_repo();
    std::fs::create_dir_all(repo.path().join("docs")).unwrap();
    repo.git(&["mv", "CHANGELOG.md", "docs/CHANGELOG.md"]);
    std::os::unix::fs::symlink("docs/CHANGELOG.md", repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: move the changelog"]);
    let fix = "set `path = \"docs/CHANGELOG.md\"` under [changelog] in .relconfig.toml";
    for args in [vec!["--no-test", "--dry-run"], vec!["--no-test"]] {
        let out = dated_release(&repo, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(fix), "{args:?}: {}", text(&out));
    }
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(err.contains(fix), "{err}");
    // Following the advice works.
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"docs/CHANGELOG.md\"\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: name the changelog"]);
    let out = dated_release(&repo, &["--no-test", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["show", "v0.1.0:docs/CHANGELOG.md"])
            .contains("## [0.1.0] - 2026-11-21"),
        "{}",
        text(&out)
    );
}

/// QA 6 F6: `changelog.path` through a symlinked folder (`docs -> realdocs`). git stores the
/// link, so the release commit turned it into a folder holding a second CHANGELOG.md, kept
/// the tag, and left the work tree dirty. Every writer now refuses it up front with the real
/// path, and post-commit says so instead of asking to `git add` a file that is there.
#[cfg(unix)]
#[test]
fn a_changelog_through_a_symlinked_folder_is_refused_with_the_real_path() {
    let repo = installed_repo();
    std::fs::create_dir_all(repo.path().join("realdocs")).unwrap();
    repo.git(&["mv", "CHANGELOG.md", "realdocs/CHANGELOG.md"]);
    std::os::unix::fs::symlink("realdocs", repo.path().join("docs")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[changelog]\npath = \"docs/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: docs link"]);
    let fix = "point the configuration at `realdocs/CHANGELOG.md`";
    let out = repo.try_commit("feat: through the link");
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(fix), "{}", text(&out));
    assert!(!stderr(&out).contains("git add"), "{}", text(&out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    for args in [vec!["--no-test", "--dry-run"], vec!["--no-test"]] {
        let out = dated_release(&repo, &args);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(fix), "{args:?}: {}", text(&out));
    }
    assert!(hand_tag_refused(&repo, "v0.1.0").contains(fix));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(
        repo.git(&["ls-tree", "HEAD", "docs"])
            .starts_with("120000 "),
        "the link is still a link"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// QA 6 F3: notes with nothing in them (a `### Added` heading alone, an empty list item, an
/// HTML comment) were published: a release never has empty notes, whatever its text holds.
#[test]
fn notes_of_headings_and_empty_items_alone_are_no_notes() {
    let repo = installed_repo();
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Added\n\n- \n\n<!-- to do -->\n",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    repo.git(&[
        "commit",
        "-q",
        "-am",
        "docs: a skeleton for the next release",
    ]);
    let out = dated_release(&repo, &["0.2.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing for the changelog"),
        "{}",
        text(&out)
    );
    assert!(hand_tag_refused(&repo, "v0.2.0").contains("nothing for the changelog"));
}

/// A reftable repository (`git init --ref-format=reftable`), which relhook's git library
/// cannot read: install refuses with the reason instead of installing hooks that then said
/// "not inside a git repository" on every commit; hooks installed before say the reason.
#[test]
fn a_reftable_repository_is_named_not_called_no_repository() {
    let repo = Repo::new();
    let probe = repo.git_output(&["init", "-q", "--ref-format=reftable", "reft"]);
    if !probe.status.success() {
        return eprintln!("skipped: this git has no reftable ({})", text(&probe));
    }
    let dir = repo.path().join("reft");
    let out = repo.relhook_in(&dir, &["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("reftable") && !err.contains("not inside"),
        "{err}"
    );
    assert!(!dir.join(".git/hooks/post-commit").exists());
    let out = repo.relhook_in(&dir, &["changelog", "--sync"]);
    assert!(stderr(&out).contains("reftable"), "{}", text(&out));
}

/// A hand tag on a branch outside `release.branches` made a release commit there, while
/// `relhook release` refuses that branch. Refused in `prepared` with release's own rule.
#[test]
fn a_hand_tag_on_a_branch_outside_release_branches_is_refused_like_release() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.commit_hooked("feat: topic thing");
    let out = dated_release(&repo, &["--dry-run", "--no-test", "0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let rule = "releases are made from main (`release.branches`), not `topic`";
    assert!(stderr(&out).contains(rule), "{}", text(&out));
    let err = hand_tag_refused(&repo, "v0.1.0");
    let line = err.lines().find(|l| l.contains(rule)).unwrap_or(&err);
    // topic has a commit main lacks: merged first, or the tag on main leaves it out.
    assert!(
        line.contains("`git switch main && git merge topic`"),
        "{err}"
    );
    assert!(line.contains("--allow-branch"), "{err}");
}

/// `release.branches` takes `*` patterns, as git's ref patterns do: `release/*` admits
/// `release/1.x` to `relhook release` and to a hand tag, but not `release/1.x/fix` nor `topic`,
/// and the refusal names a branch to switch to, never the pattern.
#[test]
fn release_branches_match_star_patterns() {
    let repo = installed_repo();
    repo.write(
        ".relconfig.toml",
        "[release]\nbranches = [\"release/*\", \"main\"]\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: release branches");
    for off in ["release/1.x/fix", "topic"] {
        repo.git(&["checkout", "-q", "-b", off]);
        let out = dated_release(&repo, &["--dry-run", "--no-test", "0.1.0"]);
        assert_eq!(out.status.code(), Some(1), "{off}: {}", text(&out));
        let err = hand_tag_refused(&repo, "v0.1.0");
        assert!(err.contains("`git switch main`"), "{off}: {err}");
        repo.git(&["checkout", "-q", "main"]);
        repo.git(&["branch", "-q", "-D", off]);
    }
    repo.git(&["checkout", "-q", "-b", "release/1.x"]);
    repo.commit_hooked("fix: on the release branch");
    let out = dated_release(&repo, &["--dry-run", "--no-test", "0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "x"]));
    assert!(
        repo.git(&["show", "v0.1.0:CHANGELOG.md"])
            .contains("## [0.1.0] - 2026-11-21")
    );
}

/// A tag on a commit that already has its section makes no release commit: the branch it is
/// on does not matter.
#[test]
fn a_hand_tag_needing_no_release_commit_is_accepted_off_the_release_branches() {
    let repo = installed_repo();
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "x"]));
    let released = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo.git(&["checkout", "-q", "-b", "topic"]);
    let out = tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("makes no release commit"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), released);
}
