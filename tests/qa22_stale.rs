//! QA22: a release commit `git pull --rebase` put above a teammate's commits is judged by one
//! rule everywhere: made again (never tagged) exactly when a release made now would differ,
//! in its section or its version.
//! G1: doctor, pre-push and `relhook release` never advise tagging such a commit (a tag moved
//! onto it by hand included), but name the redo.
//! G2: a package release's `--resume` applies the rule too.
//! G3: a commit with no entry of its own counts only when it changes the version: a `chore:`
//! below the release lets `--resume` tag it (a release asked for below its commits included);
//! a `feat:` where features get no entry but bump the version makes it refuse.

use std::path::{Path, PathBuf};

use crate::support::{Repo, ok, stderr, text};

/// The files and commits of one test's history.
struct Setup<'a> {
    /// `.relconfig.toml`.
    config: &'a str,
    /// The path of the teammate's and the local change (`c.txt`, `d.txt` in it).
    dir: &'a str,
    /// A release made and pushed before the one under test (`relhook release ARGS`).
    first_release: Option<&'a [&'a str]>,
    /// Whether the teammate's clone has relhook's hooks (its commit gets its entry).
    mate_hooks: bool,
    /// The teammate's commit message.
    mate: &'a str,
    /// The local commit released.
    local: &'a str,
    /// The release command's arguments.
    release: &'a [&'a str],
}

/// Runs git in `cwd`; panics when it fails.
fn git_in(repo: &Repo, cwd: &Path, args: &[&str]) {
    let out = repo.git_in(cwd, args, &[]);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
}

/// The local release, its push refused (the teammate pushed first), then `git pull --rebase`:
/// the release commit is HEAD, above the teammate's commit, its tag on the commit before.
fn rebased(s: &Setup) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", s.config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write(&format!("{}one.txt", s.dir), "1\n");
    repo.git(&["add", "."]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: one"]));
    if let Some(args) = s.first_release {
        ok(repo.relhook(&[&["release"], args].concat()));
    }
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let mate: PathBuf = repo.dir.path().join("mate");
    let url = origin.to_str().unwrap();
    git_in(
        &repo,
        repo.dir.path(),
        &["clone", "-q", "-b", "main", url, "mate"],
    );
    if s.mate_hooks {
        ok(repo.relhook_in(&mate, &["install"]));
    }
    std::fs::write(mate.join(format!("{}c.txt", s.dir)), "c\n").unwrap();
    git_in(&repo, &mate, &["add", "."]);
    git_in(&repo, &mate, &["commit", "-q", "-m", s.mate]);
    git_in(&repo, &mate, &["push", "-q", "origin", "main"]);
    repo.write(&format!("{}d.txt", s.dir), "d\n");
    repo.git(&["add", "."]);
    ok(repo.git_output(&["commit", "-q", "-m", s.local]));
    ok(repo.relhook(&[&["release"], s.release].concat()));
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    ok(repo.git_output(&["pull", "-q", "--rebase"]));
    repo
}

/// HEAD, the tags, the index and the work tree, to see that a refusal touched nothing.
fn state(repo: &Repo) -> String {
    [
        repo.git(&["rev-parse", "HEAD"]),
        repo.git(&["tag", "-l", "--format=%(refname) %(objectname)"]),
        repo.git(&["status", "--porcelain", "--ignored"]),
    ]
    .join("\n")
}

/// `--resume` refused, on one line naming `redo` between backticks; nothing changed.
fn resume_refused(repo: &Repo, redo: &str) -> String {
    let before = state(repo);
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(state(repo), before, "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("is not tagged"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains(&format!("`{redo}`")), "{err}");
    err
}

const SINGLE: &str = "[checks]\ntest = [\"true\"]\n";

fn single<'a>(mate_hooks: bool, mate: &'a str) -> Setup<'a> {
    Setup {
        config: SINGLE,
        dir: "",
        first_release: None,
        mate_hooks,
        mate,
        local: "feat: d",
        release: &[],
    }
}

#[test]
fn g3_a_chore_below_the_release_changes_nothing_and_resume_tags_it() {
    let repo = rebased(&single(false, "chore: tidy the scripts"));
    repo.git(&["tag", "-d", "v0.1.0"]);
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("fix: relhook release --resume"), "{doctor}");
    let out = ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"]),
        "{}",
        text(&out)
    );
}

/// Features get no entry here, but still bump the minor version.
const NO_FEAT_ENTRIES: &str =
    "[checks]\ntest = [\"true\"]\n\n[changelog.sections]\nfix = \"Fixed\"\n";

#[test]
fn g3_a_feature_without_an_entry_below_the_release_changes_its_version() {
    let repo = rebased(&Setup {
        config: NO_FEAT_ENTRIES,
        dir: "",
        first_release: Some(&["1.0.0"]),
        mate_hooks: true,
        mate: "feat: c from b",
        local: "fix: d",
        release: &[],
    });
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1");
    repo.git(&["tag", "-d", "v1.0.1"]);
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let redo = format!("git reset --keep {rel}~1 && relhook release 1.1.0");
    let err = resume_refused(&repo, &redo);
    assert!(err.contains("feat: c from b"), "{err}");
    ok(repo.sh(&redo));
    assert_eq!(
        repo.git(&["rev-parse", "v1.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

#[test]
fn g3_a_chore_below_a_release_asked_below_its_commits_lets_resume_tag_it() {
    // 1.0.1 asked for though `feat: d` calls for 1.1.0: a chore below it changes nothing.
    let repo = rebased(&Setup {
        config: SINGLE,
        dir: "",
        first_release: Some(&["1.0.0"]),
        mate_hooks: true,
        mate: "chore: tidy",
        local: "feat: d",
        release: &["patch"],
    });
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1");
    repo.git(&["tag", "-d", "v1.0.1"]);
    ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", "v1.0.1^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

#[test]
fn g1_doctor_and_release_name_the_redo_for_a_tag_left_on_the_release_before_the_rebase() {
    let repo = rebased(&single(true, "fix: c from b"));
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let redo = format!("git tag -d v0.1.0 && git reset --keep {rel}~1 && relhook release 0.1.0");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&format!("fix: {redo}")), "{doctor}");
    assert!(!doctor.contains("--resume"), "{doctor}");
    // A new release's refusal offers the redo, not a tag on the stale commit.
    let out = repo.relhook(&["release", "0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&redo), "{err}");
    assert!(
        !err.contains("--resume") && !err.contains("tag -f"),
        "{err}"
    );
}

#[test]
fn g1_a_tag_moved_by_hand_onto_the_rebased_release_commit_is_named_by_doctor_and_pre_push() {
    let repo = rebased(&single(true, "fix: c from b"));
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    // What the old advice said: move the tag onto the rebased release commit.
    repo.git_env(
        &["tag", "-f", "-a", "v0.1.0", "-m", "v0.1.0", "HEAD"],
        &[("RELHOOK_SKIP", "1")],
    );
    ok(repo.relhook(&["test"]));
    let redo = format!("git tag -d v0.1.0 && git reset --keep {rel}~1 && relhook release 0.1.0");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&format!("fix: {redo}")), "{doctor}");
    let before = state(&repo);
    let push = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!push.status.success(), "{}", text(&push));
    assert_eq!(state(&repo), before);
    let err = stderr(&push);
    assert!(err.contains(&redo) && err.contains("c from b"), "{err}");
    assert_eq!(
        repo.git_output(&["ls-remote", "--tags", "origin"]).stdout,
        b""
    );
    ok(repo.sh(&redo));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn g1_a_hand_tag_made_again_on_the_rebased_release_commit_is_refused() {
    let repo = rebased(&single(true, "fix: c from b"));
    repo.git(&["tag", "-d", "v0.1.0"]);
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let err = crate::support::hand_tag_refused(&repo, "v0.1.0");
    let redo = format!("git reset --keep {rel}~1 && relhook release 0.1.0");
    assert!(err.contains(&redo), "{err}");
}

const MONOREPO: &str = "[packages.api]\npath = \"api\"\n";

#[test]
fn g2_a_package_release_rebased_over_a_change_it_leaves_out_is_not_resumed() {
    let repo = rebased(&Setup {
        config: MONOREPO,
        dir: "api/",
        first_release: None,
        mate_hooks: true,
        mate: "fix(api): c from b",
        local: "feat(api): d",
        release: &["--package", "api"],
    });
    repo.git(&["tag", "-d", "api-v0.1.0"]);
    let rel = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let redo = format!("git reset --keep {rel}~1 && relhook release --package api 0.1.0");
    let err = resume_refused(&repo, &redo);
    assert!(err.contains("c from b"), "{err}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&format!("fix: {redo}")), "{doctor}");
    ok(repo.sh(&redo));
    let log = repo.git(&["show", "api-v0.1.0:api/CHANGELOG.md"]);
    let section = log.split("## [0.1.0]").nth(1).unwrap_or_default();
    assert!(section.contains("c from b"), "{log}");
}

#[test]
fn g2_a_package_release_with_a_chore_below_it_is_resumed() {
    let repo = rebased(&Setup {
        config: MONOREPO,
        dir: "api/",
        first_release: None,
        mate_hooks: false,
        mate: "chore(api): tidy",
        local: "feat(api): d",
        release: &["--package", "api"],
    });
    repo.git(&["tag", "-d", "api-v0.1.0"]);
    ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", "api-v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}
