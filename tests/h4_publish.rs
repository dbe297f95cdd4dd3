//! What a push publishes: a release tag never lands on a commit no branch of the remote holds
//! (a branch update git will reject, a tag pushed alone), a rewritten release commit never goes
//! without its tag, a forced branch never drops a published release, and a second remote never
//! has history another remote already published refused as unchecked.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, configured_with_a_feature, dated_release, hand_tag, ok, stderr, text};

const TESTED: &str = "[checks]\ntest = [\"true\"]\n";

/// A repository with relhook installed, a test command, one feature, and `origin` (a bare
/// repository beside it) holding main (pushed without `-u`, as the README's first push).
fn pushed() -> (Repo, PathBuf) {
    let repo = configured_with_a_feature(|_| TESTED.into());
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    (repo, origin)
}

/// A teammate's clone of `origin` that pushes one commit to main.
fn teammate_pushes(repo: &Repo, origin: &Path) {
    let mate = repo.dir.path().join("mate");
    let clone = repo.git_in(
        repo.dir.path(),
        &[
            "clone",
            "-q",
            "-b",
            "main",
            origin.to_str().unwrap(),
            mate.to_str().unwrap(),
        ],
        &[],
    );
    assert!(clone.status.success(), "{}", text(&clone));
    std::fs::write(mate.join("o.txt"), "o\n").unwrap();
    for args in [
        &["add", "o.txt"][..],
        &["commit", "-q", "--no-verify", "-m", "fix: teammate"],
        &["push", "-q", "--no-verify", "origin", "main"],
    ] {
        let out = repo.git_in(&mate, args, &[]);
        assert!(out.status.success(), "{}", text(&out));
    }
}

/// What `origin` has at `reference`, if anything.
fn remote_has(repo: &Repo, origin: &Path, reference: &str) -> Option<String> {
    let out = repo
        .command_in("git", origin)
        .args(["rev-parse", "--verify", "--quiet", reference])
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The first backticked command of the refusal's `fix:` line that starts with `start`.
fn fix_command(err: &str, start: &str) -> String {
    let fix = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix line in:\n{err}"));
    fix.split('`')
        .skip(1)
        .step_by(2)
        .find(|c| c.starts_with(start))
        .unwrap_or_else(|| panic!("no `{start}…` command in: {fix}"))
        .to_owned()
}

fn push(repo: &Repo, args: &[&str]) -> Output {
    let mut all = vec!["push"];
    all.extend_from_slice(args);
    repo.git_output(&all)
}

#[test]
fn a_release_tag_whose_branch_update_git_will_reject_is_not_published() {
    let (repo, origin) = pushed();
    teammate_pushes(&repo, &origin);
    ok(dated_release(&repo, &[]));
    let out = push(&repo, &["--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("v0.1.0"), "{err}");
    assert!(err.contains("--force"), "says what it cannot see: {err}");
    assert_eq!(
        remote_has(&repo, &origin, "refs/tags/v0.1.0"),
        None,
        "{err}"
    );

    // The printed fix leads to a pushed, tagged, tested release with one section.
    let fix = fix_command(&err, "git ");
    let out = repo.sh(&fix);
    assert!(out.status.success(), "{fix}:\n{}", text(&out));
    let out = push(&repo, &["--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("releasing v0.1.0 (tested)"),
        "{}",
        text(&out)
    );
    let tagged = remote_has(&repo, &origin, "refs/tags/v0.1.0^{commit}").expect("tag pushed");
    assert_eq!(remote_has(&repo, &origin, "refs/heads/main"), Some(tagged));
    let log = repo.git(&["log", "--format=%s", "main"]);
    assert!(log.contains("fix: teammate"), "{log}");
    assert_eq!(repo.read("CHANGELOG.md").matches("## [0.1.0]").count(), 1);
}

#[test]
fn a_release_tag_pushed_alone_is_said_not_refused() {
    let repo = configured_with_a_feature(|_| TESTED.into());
    let origin = repo.with_origin();
    ok(dated_release(&repo, &[]));
    // The tag alone, before any branch of origin holds it as far as this clone knows: said,
    // with the push that sends the branch too, since the remote may have it by another way.
    let out = push(&repo, &["origin", "v0.1.0"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // main has no upstream yet: the push named sets it, as every push relhook names does.
    let named = "`git push --follow-tags -u origin main`";
    assert!(
        err.contains("v0.1.0 goes alone") && err.contains(named),
        "{err}"
    );
    ok(push(
        &repo,
        &["-q", "--follow-tags", "-u", "origin", "main"],
    ));
    assert!(remote_has(&repo, &origin, "refs/heads/main").is_some());
    assert_eq!(
        repo.git(&["rev-parse", "--abbrev-ref", "main@{upstream}"]),
        "origin/main"
    );
    // Once the branch is there, the tag alone goes quietly (a later release).
    repo.commit_hooked("feat: two");
    ok(dated_release(&repo, &["0.2.0"]));
    ok(push(&repo, &["-q", "origin", "main"]));
    let out = push(&repo, &["-q", "origin", "v0.2.0"]);
    assert!(!stderr(&out).contains("goes alone"), "{}", text(&out));
}

/// QA16: the branch pushed to the remote's URL leaves `origin/main` stale; the tag pushed by
/// the remote's name is not refused for it (it was, with fixes that were refused again).
#[test]
fn a_tag_whose_branch_went_by_url_is_pushed_by_name() {
    let repo = configured_with_a_feature(|_| TESTED.into());
    let origin = repo.with_origin();
    ok(push(&repo, &["-q", "origin", "main"]));
    repo.commit_hooked("feat: two");
    ok(dated_release(&repo, &[]));
    let url = origin.to_str().unwrap();
    ok(push(&repo, &["-q", url, "main"]));
    let tag = repo.git(&["describe", "--exact-match", "HEAD"]);
    ok(push(&repo, &["-q", "origin", &tag]));
    assert!(remote_has(&repo, &origin, &format!("refs/tags/{tag}")).is_some());
}

#[test]
fn a_hand_tag_and_a_release_refuse_behind_the_remote_branch_without_an_upstream() {
    let (repo, origin) = pushed();
    teammate_pushes(&repo, &origin);
    repo.git(&["fetch", "-q", "origin"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("behind origin/main"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l"]), "");
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // The pull it names works without an upstream (QA16: a plain `git pull` refuses there).
    let pull = stderr(&out)
        .split('`')
        .find(|p| p.starts_with("git pull"))
        .map(str::to_owned)
        .expect("a pull command");
    assert_eq!(
        pull,
        "git pull --rebase --tags origin main",
        "{}",
        text(&out)
    );
    assert!(
        stderr(&out).contains("behind origin/main"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_forced_branch_that_drops_a_published_release_is_refused() {
    let (repo, origin) = pushed();
    ok(dated_release(&repo, &[]));
    ok(push(&repo, &["-q", "--follow-tags", "origin", "main"]));
    let published = remote_has(&repo, &origin, "refs/heads/main");
    repo.git(&["reset", "-q", "--hard", "HEAD~2"]);
    repo.commit_hooked("fix: other");
    let out = push(&repo, &["-f", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("dropping release v0.1.0"), "{err}");
    assert!(err.contains("--force"), "{err}");
    // The ref's line names the commit pushed, as every refusal line does.
    let pushed = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    assert!(
        err.contains(&format!("✗ refs/heads/main {} dropping", pushed.trim())),
        "{err}"
    );
    assert_eq!(remote_has(&repo, &origin, "refs/heads/main"), published);
    // On purpose it goes; a later forced update that drops no release passes.
    ok(repo.git_skipping_relhook(&["push", "-q", "-f", "origin", "main"]));
    ok(repo.git_output(&["commit", "-q", "--amend", "--no-edit", "--no-verify"]));
    ok(push(&repo, &["-q", "-f", "origin", "main"]));
}

/// A release made and published on a maintenance branch that no other branch of the remote
/// holds: deleting that branch leaves the release on no branch of the remote.
#[test]
fn deleting_the_only_remote_branch_that_holds_a_published_release_is_refused() {
    let (repo, origin) = pushed();
    repo.git(&["switch", "-q", "-c", "maint"]);
    repo.commit_hooked("fix: backport");
    ok(dated_release(&repo, &["--allow-branch"]));
    ok(push(&repo, &["-q", "--follow-tags", "origin", "maint"]));
    // A second branch of it elsewhere, which holds nothing else: deleting that one passes.
    ok(push(&repo, &["-q", "origin", "main:refs/heads/topic"]));
    ok(push(&repo, &["-q", "origin", "--delete", "topic"]));
    assert_eq!(remote_has(&repo, &origin, "refs/heads/topic"), None);

    let published = remote_has(&repo, &origin, "refs/heads/maint");
    let out = push(&repo, &["origin", "--delete", "maint"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("deleting origin's maint") && err.contains("v0.1.0"),
        "{err}"
    );
    assert!(
        err.contains("RELHOOK_SKIP=1 git push origin --delete maint"),
        "{err}"
    );
    assert!(
        err.contains("`git switch main && git merge origin/maint`"),
        "{err}"
    );
    assert_eq!(remote_has(&repo, &origin, "refs/heads/maint"), published);
    // Once main holds the release too, the branch can go.
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-edit", "maint"]);
    ok(push(&repo, &["-q", "origin", "main"]));
    ok(push(&repo, &["-q", "origin", "--delete", "maint"]));
    assert_eq!(remote_has(&repo, &origin, "refs/heads/maint"), None);
}

#[test]
fn an_amended_release_commit_is_not_pushed_without_its_tag() {
    let (repo, origin) = pushed();
    ok(dated_release(&repo, &[]));
    let before = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
    let log = repo
        .read("CHANGELOG.md")
        .replacen("- one\n", "- one\n- and a note by hand\n", 1);
    assert!(log.contains("by hand"), "{log}");
    repo.write("CHANGELOG.md", log);
    let out = ok(repo.git_output(&["commit", "-qa", "--amend", "--no-edit"]));
    let said = stderr(&out);
    assert!(said.contains("v0.1.0") && said.contains(&before), "{said}");
    assert!(
        said.contains("`relhook release --resume` (makes v0.1.0 again"),
        "{said}"
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        text(&doctor).contains("fix: relhook release --resume"),
        "{}",
        text(&doctor)
    );
    assert!(!text(&doctor).contains("git tag -f"), "{}", text(&doctor));

    let main_before = remote_has(&repo, &origin, "refs/heads/main");
    let out = push(&repo, &["--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("v0.1.0") && err.contains(&before), "{err}");
    assert_eq!(remote_has(&repo, &origin, "refs/heads/main"), main_before);

    // The fix keeps the release notes in the tag, and the release tested.
    let fix = fix_command(&err, "relhook release --resume");
    ok(repo.sh(&fix));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    assert!(notes.contains("and a note by hand"), "{notes}");
    let out = ok(push(&repo, &["--follow-tags", "origin", "main"]));
    assert!(
        stderr(&out).contains("releasing v0.1.0 (tested)"),
        "{}",
        text(&out)
    );
    assert_eq!(
        remote_has(&repo, &origin, "refs/tags/v0.1.0^{commit}"),
        remote_has(&repo, &origin, "refs/heads/main")
    );
}

#[test]
fn history_another_remote_published_is_not_refused_on_a_mirror() {
    let repo = Repo::new();
    repo.with_origin();
    for i in 1..=3 {
        repo.commit(&format!("legacy commit {i}"));
    }
    ok(push(&repo, &["-q", "origin", "main"]));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: first conventional");
    ok(push(&repo, &["-q", "origin", "main"]));
    let mirror = repo.scratch("mirror.git");
    repo.git(&["init", "-q", "--bare", mirror.to_str().unwrap()]);
    repo.git(&["remote", "add", "mirror", mirror.to_str().unwrap()]);
    let out = push(&repo, &["mirror", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("rebase"), "{}", text(&out));

    // A commit no remote has is still checked, and the fix rewrites nothing published.
    let published = repo.git(&["rev-parse", "--short=9", "origin/main"]);
    repo.commit("wip");
    let out = push(&repo, &["mirror", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("git rebase -i {published}")), "{err}");
    assert!(!err.contains("--root"), "{err}");
}

#[test]
fn a_release_below_new_work_keeps_its_tag_by_merging_what_the_remote_has() {
    let (repo, origin) = pushed();
    teammate_pushes(&repo, &origin);
    ok(dated_release(&repo, &[]));
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    repo.commit_hooked("feat: two");
    let out = push(&repo, &["--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        remote_has(&repo, &origin, "refs/tags/v0.1.0"),
        None,
        "{err}"
    );
    let fix = fix_command(&err, "git ");
    assert_eq!(fix, "git pull --no-rebase origin main", "{err}");
    ok(repo.sh(&fix));
    ok(push(&repo, &["-q", "--follow-tags", "origin", "main"]));
    assert_eq!(
        remote_has(&repo, &origin, "refs/tags/v0.1.0^{commit}"),
        Some(tagged)
    );
    assert_eq!(repo.read("CHANGELOG.md").matches("## [0.1.0]").count(), 1);
}

/// A release commit reworded by the amend (`git commit --amend -m "chore(release): 0.1.0
/// (tweaked)"`) was no release commit any more: the amend said nothing and pre-push sent the
/// release without its tag. Read as the release commit it is, it is refused as above.
#[test]
fn a_release_commit_reworded_by_an_amend_is_not_pushed_without_its_tag() {
    let (repo, origin) = pushed();
    ok(dated_release(&repo, &[]));
    let before = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
    let out = ok(repo.git_output(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "chore(release): 0.1.0 (tweaked)",
    ]));
    let said = stderr(&out);
    assert!(
        said.contains("this amend rewrote a release commit") && said.contains(&before),
        "{said}"
    );
    let main_before = remote_has(&repo, &origin, "refs/heads/main");
    let out = push(&repo, &["--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(remote_has(&repo, &origin, "refs/heads/main"), main_before);
    let fix = fix_command(&err, "relhook release --resume");
    ok(repo.sh(&fix));
    ok(push(&repo, &["--follow-tags", "origin", "main"]));
    assert_eq!(
        remote_has(&repo, &origin, "refs/tags/v0.1.0^{commit}"),
        remote_has(&repo, &origin, "refs/heads/main")
    );
}

/// Reworded without the template's words (`chore: release 0.1.0`, `chore: cut v0.1.0.`, even
/// `chore: bump version`), the release commit was unknown: the amend said nothing, pre-push sent
/// the branch without its tag, and doctor's fix re-made the tag with `-m v0.1.0`, losing its
/// release notes. A commit that adds the section its tag's commit (which the branch no longer
/// holds) added is that release commit reworded.
#[test]
fn a_release_commit_reworded_in_other_words_is_not_pushed_without_its_tag() {
    for message in [
        "chore: release 0.1.0",
        "chore: cut v0.1.0.",
        "chore: bump version",
        "fix: typo",
    ] {
        let (repo, origin) = pushed();
        ok(dated_release(&repo, &[]));
        let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
        assert!(notes.contains("### "), "{notes}");
        let before = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
        let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", message]));
        let said = stderr(&out);
        assert!(
            said.contains("this amend rewrote a release commit") && said.contains(&before),
            "{message}: {said}"
        );
        let doctor = text(&repo.relhook(&["doctor"]));
        assert!(
            doctor.contains("relhook release --resume") && !doctor.contains("git tag -f"),
            "{message}: {doctor}"
        );
        // Nor does a release above it go: it would publish the rewritten one untagged.
        let above = dated_release(&repo, &["0.2.0", "--no-test"]);
        assert_eq!(above.status.code(), Some(1), "{message}: {}", text(&above));
        assert!(
            stderr(&above).contains("relhook release --resume"),
            "{message}: {}",
            text(&above)
        );
        let main_before = remote_has(&repo, &origin, "refs/heads/main");
        let out = push(&repo, &["--follow-tags", "origin", "main"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{message}: {err}");
        assert_eq!(remote_has(&repo, &origin, "refs/heads/main"), main_before);
        ok(repo.sh(&fix_command(&err, "relhook release --resume")));
        ok(push(&repo, &["--follow-tags", "origin", "main"]));
        assert_eq!(
            remote_has(&repo, &origin, "refs/tags/v0.1.0^{commit}"),
            remote_has(&repo, &origin, "refs/heads/main")
        );
        assert_eq!(
            repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]),
            notes,
            "{message}"
        );
    }
}

/// The tag of the release commit as it was goes only once the rewritten one passed its tests:
/// a failing run leaves it where it was, and the fix still stands.
#[test]
fn a_failed_resume_of_a_reworded_release_commit_leaves_its_tag() {
    let (repo, _origin) = pushed();
    ok(dated_release(&repo, &[]));
    let tag = repo.git(&["rev-parse", "v0.1.0"]);
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "chore: release 0.1.0"]));
    let bin = repo.dir.path().join("failing-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let script = bin.join("true");
    std::fs::write(&script, "#!/bin/sh\nexit 1\n").unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = repo.sh(&format!(
        "PATH={}:$PATH relhook release --resume",
        bin.display()
    ));
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let old = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
    assert!(
        stderr(&out).contains("tests failed")
            && stderr(&out).contains(&format!("v0.1.0 stays on {old}"))
            && !stderr(&out).contains("untagged"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "v0.1.0"]), tag);
    ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

/// A hand tag's own words survive its release commit being reworded: `--resume` makes the tag
/// again with the message the person wrote, not notes of relhook's (a review found them
/// replaced). A tag already pushed is not made again: `--resume` names the way back.
#[test]
fn a_reworded_hand_tags_message_is_kept_and_a_published_one_is_not_resumed() {
    let (repo, _origin) = pushed();
    ok(repo.git_output(&[
        "tag",
        "-a",
        "v0.1.0",
        "-m",
        "Codename Falcon",
        "-m",
        "Hand-written highlights.",
    ]));
    let words = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    assert!(words.contains("Codename Falcon"), "{words}");
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "chore: release 0.1.0"]));
    ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert_eq!(
        repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]),
        words
    );

    // Pushed, then reworded: going back is the fix, and --resume says so.
    ok(push(&repo, &["-q", "--follow-tags", "origin", "main"]));
    let tagged = repo.git(&["rev-parse", "--short=9", "v0.1.0^{commit}"]);
    let out = ok(repo.git_output(&["commit", "-q", "--amend", "-m", "chore: cut 0.1.0"]));
    let said = stderr(&out);
    assert!(
        said.contains(&format!("git reset --soft {tagged}"))
            && !said.contains("until v0.1.0 names this commit"),
        "{said}"
    );
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("the tag is published, so the branch goes back to it")
            && doctor.contains(&format!("fix: git reset --soft {tagged}")),
        "{doctor}"
    );
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("git reset --soft {tagged}"))
            && !stderr(&out).contains("nothing to resume"),
        "{}",
        text(&out)
    );
}

/// A rebase across two releases not pushed yet rewrites both release commits: doctor named only
/// the newer one's fix (and `git tag -f -m` for the older), and `--resume` made the newer tag
/// again only, leaving the older on a commit the branch no longer holds, unreported, while the
/// push sent its release commit untagged. Now both are named, and `--resume` makes both again.
#[test]
fn a_rebase_across_two_releases_has_both_tags_made_again() {
    let (repo, origin) = pushed();
    ok(dated_release(&repo, &["0.1.0"]));
    assert!(repo.commit_with_hooks("feat: b").status.success());
    ok(dated_release(&repo, &["0.2.0"]));
    let notes = |t: &str| repo.git(&["tag", "-l", "--format=%(contents)", t]);
    let (old1, old2) = (notes("v0.1.0"), notes("v0.2.0"));
    // A later date: the rebase makes new commits even within the second.
    let date = [("GIT_COMMITTER_DATE", "2030-01-01T00:00:00")];
    ok(repo.git_in(
        &repo.path(),
        &["rebase", "-q", "--force-rebase", "HEAD~3"],
        &date,
    ));
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("INVALID  tag v0.1.0")
            && doctor.contains("INVALID  tag v0.2.0")
            && !doctor.contains("git tag -f"),
        "{doctor}"
    );
    ok(repo.relhook(&["release", "--resume"]));
    for (tag, subject) in [
        ("v0.1.0", "chore(release): 0.1.0"),
        ("v0.2.0", "chore(release): 0.2.0"),
    ] {
        let at = repo.git(&["log", "-1", "--format=%s", &format!("{tag}^{{commit}}")]);
        assert_eq!(at, subject);
        let held = repo.git_output(&["merge-base", "--is-ancestor", tag, "HEAD"]);
        assert!(held.status.success(), "{tag} is not in HEAD's history");
    }
    assert_eq!((notes("v0.1.0"), notes("v0.2.0")), (old1, old2));
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("INVALID"), "{}", text(&doctor));
    ok(push(&repo, &["-q", "--follow-tags", "origin", "main"]));
    assert_eq!(
        remote_has(&repo, &origin, "refs/tags/v0.1.0^{commit}"),
        Some(repo.git(&["rev-parse", "HEAD~2"]))
    );
}

/// Read as a reworded release commit only where it adds its version's section: a later commit
/// that merely opens like one (`chore(release): 0.1.0 announcement`) is no release commit, and
/// its push goes (a review found it refused, and `--resume` moving the published tag).
#[test]
fn a_commit_that_only_opens_like_a_release_commit_is_not_one() {
    let (repo, origin) = pushed();
    ok(dated_release(&repo, &[]));
    ok(push(&repo, &["-q", "--follow-tags", "origin", "main"]));
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    repo.write("README.md", "0.1.0 is out\n");
    repo.git(&["add", "README.md"]);
    ok(repo.git_output(&[
        "commit",
        "-q",
        "-m",
        "chore(release): 0.1.0 announcement in README",
    ]));
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "chore(release): 0.1.0 follow-up: fix date",
    ]));
    // Even the release's very subject, above its tag, when it adds no section.
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "chore(release): 0.1.0",
    ]));
    let out = push(&repo, &["origin", "main"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        remote_has(&repo, &origin, "refs/heads/main"),
        Some(repo.git(&["rev-parse", "HEAD"]))
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("INVALID"), "{}", text(&doctor));
    let resume = repo.relhook(&["release", "--resume"]);
    assert_ne!(resume.status.code(), Some(0), "{}", text(&resume));
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), tagged);
}
