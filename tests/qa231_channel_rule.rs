//! QA231: what `[release] channels` (QA224, QA225) still got wrong. `relhook version --all`
//! on a channel's branch showed stable next versions where `release --all` makes the
//! channel's pre-releases; pre-push judged where a stable tag stands from this clone's own
//! branches, not the remote's; and a hand tag of another identifier's pre-release
//! (`v2.0.0-rc.1` on `beta`) was refused where `relhook release --pre rc` makes it.

use crate::qa224_release_channels::{CONFIG, on_beta};
use crate::qa225_channel_version_resume_packages::packages_on_beta;
use crate::support::{clone_installed, dated_release, hand_tag, ok, stderr, stdout, text};

#[test]
fn version_all_on_a_channel_branch_is_what_release_all_makes() {
    let repo = packages_on_beta();
    let out = ok(repo.relhook(&["version", "--all", "--next"]));
    let said = stdout(&out);
    assert!(said.contains("a 1.0.0 -> 2.0.0-beta.1"), "{}", text(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = (err.lines())
        .filter(|l| l.contains("[release] channels"))
        .collect();
    assert!(
        lines.len() == 1 && lines[0].contains("branch beta"),
        "{}",
        text(&out)
    );
    let out = ok(repo.relhook(&["version", "--all", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let a = (doc["packages"].as_array().unwrap().iter())
        .find(|p| p["package"] == "a")
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(a["next"], "2.0.0-beta.1", "{doc}");
    assert_eq!(a["channel"], "beta", "{doc}");
    // What `release --all` makes there.
    let out = ok(dated_release(&repo, &["--all", "--no-test", "--dry-run"]));
    assert!(text(&out).contains("2.0.0-beta.1"), "{}", text(&out));
    // `--pre` still asks for another identifier.
    let out = ok(repo.relhook(&["version", "--all", "--next", "--pre", "rc"]));
    assert!(
        stdout(&out).contains("a 1.0.0 -> 2.0.0-rc.1"),
        "{}",
        text(&out)
    );
}

/// `beta` released as v2.0.0-beta.1 and pushed to `origin` with main, then a stable
/// `v2.0.0` made past the hook on a fix above it (the tag relhook must refuse to publish).
fn stable_tag_on_pushed_beta() -> crate::support::Repo {
    let repo = on_beta(CONFIG);
    ok(dated_release(&repo, &[]));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "beta", "v2.0.0-beta.1"]));
    repo.commit_hooked("fix: api");
    ok(repo.git_output(&["push", "-q", "origin", "beta"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    repo
}

fn says_channel(out: &std::process::Output) -> bool {
    let said = stderr(out);
    said.contains("beta = \"beta\"") && said.contains("relhook release 2.0.0 --allow-stable")
}

#[test]
fn pre_push_judges_a_stable_tag_by_the_remotes_branches() {
    // Local `beta` deleted: origin's beta still holds the tag's commit, and only it.
    let repo = stable_tag_on_pushed_beta();
    repo.git(&["switch", "-q", "--detach"]);
    repo.git(&["branch", "-q", "-D", "beta"]);
    let out = repo.git_output(&["push", "origin", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(says_channel(&out), "{}", text(&out));
    // A clone with `origin/beta` only (no local beta), the tag made there past the hook.
    let origin = repo.dir.path().join("origin.git");
    let clone = clone_installed(&repo, &origin, "clone");
    let git = |args: &[&str]| repo.git_in(&clone, args, &[]);
    ok(git(&["switch", "-q", "--detach", "origin/beta"]));
    let skip = [("RELHOOK_SKIP", "1")];
    ok(repo.git_in(&clone, &["tag", "-a", "v2.0.0", "-m", "x"], &skip));
    let out = git(&["push", "origin", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(says_channel(&out), "{}", text(&out));
}

#[test]
fn pre_push_says_nothing_of_channels_the_remote_does_not_show() {
    // A stable release made on purpose on beta, its tag made again without saying so.
    let repo = on_beta(CONFIG);
    ok(dated_release(&repo, &["2.0.0", "--allow-stable"]));
    ok(repo.git_skipping_relhook(&["tag", "-f", "-a", "v2.0.0", "-m", "v2.0.0", "HEAD"]));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    // origin's main has the commit (merged there), though this clone's main does not.
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "beta:main"]));
    ok(repo.git_output(&["fetch", "-q", "origin"]));
    let out = repo.git_output(&["push", "origin", "v2.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("channels"), "{}", text(&out));
    // A remote this clone knows no branch of (a URL): nothing guessed from local `beta`.
    let other = repo.scratch("other.git");
    repo.git(&["init", "-q", "--bare", other.to_str().unwrap()]);
    let out = repo.git_output(&["push", other.to_str().unwrap(), "v2.0.0"]);
    assert!(!stderr(&out).contains("channels"), "{}", text(&out));
}

#[test]
fn a_hand_tag_of_another_pre_release_is_made_as_pre_rc_is() {
    let repo = on_beta(CONFIG);
    let out = hand_tag(&repo, &["-a", "v2.0.0-rc.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [2.0.0-rc.1]"));
    let said = stderr(&out);
    assert!(
        said.lines().any(|l| l.contains("v2.0.0-rc.1")
            && l.contains("branch beta")
            && l.contains("beta = \"beta\"")),
        "{said}"
    );
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "origin", "beta", "v2.0.0-rc.1"]);
    assert!(out.status.success(), "{}", text(&out));
    // A stable one stays refused, with the command that makes it on purpose, as the release.
    repo.commit_hooked("fix: api");
    let out = hand_tag(&repo, &["-a", "v2.0.0", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("relhook release 2.0.0 --allow-stable"),
        "{}",
        text(&out)
    );
    let out = dated_release(&repo, &["2.0.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

#[test]
fn after_another_pre_release_the_channels_refusal_names_no_loop() {
    // `--pre rc` on beta made 2.0.0-rc.1; a beta cannot follow it, and the way on is never
    // the `relhook release` that was just refused.
    let repo = on_beta(CONFIG);
    ok(dated_release(&repo, &["--pre", "rc"]));
    repo.commit_hooked("fix: api");
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("cannot follow 2.0.0-rc.1")
            && said.contains("`relhook release --pre rc`")
            && said.contains("`relhook release 2.0.0 --allow-stable`"),
        "{said}"
    );
    assert!(!said.contains("let relhook choose"), "{said}");
    // Refused, it says only its refusal (QA238), not the channel's pre-release it would make.
    assert!(!said.contains("a beta pre-release: branch beta"), "{said}");
    // Each way named is taken; a release made still says why it is the channel's.
    let out = ok(repo.relhook(&["version", "--next", "--pre", "rc"]));
    assert_eq!(stdout(&out).trim(), "2.0.0-rc.2", "{}", text(&out));
    let out = ok(dated_release(&repo, &["--pre", "rc"]));
    let said = stderr(&out);
    assert!(said.contains("--pre rc on branch beta"), "{said}");
    repo.commit_hooked("fix: more");
    ok(dated_release(&repo, &["2.0.0", "--allow-stable"]));
}
