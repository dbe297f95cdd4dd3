//! QA23: a release commit a rebase put above changes it does not tell is judged as one release
//! wherever it could go out.
//! G1: a release tag pushed alone (`git push origin vX`) that a rebase left on the release
//! commit as it was before is refused with the way to a release the branch holds; a
//! maintenance branch's tag pushed alone still goes.
//! G2: pre-releases and first releases are judged as stable releases are: the version a
//! release made now would have, which the redo names (a pre-release line moved up, a first
//! release raised by a breaking change after its files' version); a pre-release then the final
//! release of its version, or a first release, rebased over a chore, are still tagged.

use std::path::PathBuf;

use crate::support::{Repo, ok, stderr, text};

/// The files and commits of one test's history.
struct Setup<'a> {
    /// `.relconfig.toml`.
    config: &'a str,
    /// Other files of the first commit (a version file).
    files: &'a [(&'a str, &'a str)],
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

/// When the teammate and the local commit were written: each commit has an author date of
/// its own, as in life (the release commit is written at the support module's fixed date).
const MATE_DATE: &str = "2026-01-01T10:00:00Z";
const LOCAL_DATE: &str = "2026-01-01T11:00:00Z";

/// Runs git in `cwd` with `env`; panics when it fails.
fn git_in(repo: &Repo, cwd: &std::path::Path, args: &[&str], env: &[(&str, &str)]) {
    let out = repo.git_in(cwd, args, env);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
}

/// The local release, its push refused (the teammate pushed first), then `git pull --rebase`:
/// the release commit is HEAD, above the teammate's commit, its tag on the commit before.
fn rebased(s: &Setup) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", s.config);
    for (path, text) in s.files {
        repo.write(path, text);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("one.txt", "1\n");
    repo.git(&["add", "."]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: one"]));
    if let Some(args) = s.first_release {
        ok(repo.relhook(&[&["release"], args].concat()));
    }
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let mate: PathBuf = repo.dir.path().join("mate");
    let url = origin.to_str().unwrap();
    let top = repo.dir.path();
    git_in(&repo, top, &["clone", "-q", "-b", "main", url, "mate"], &[]);
    if s.mate_hooks {
        ok(repo.relhook_in(&mate, &["install"]));
    }
    std::fs::write(mate.join("c.txt"), "c\n").unwrap();
    git_in(&repo, &mate, &["add", "."], &[]);
    let dated = [("GIT_AUTHOR_DATE", MATE_DATE)];
    git_in(&repo, &mate, &["commit", "-q", "-m", s.mate], &dated);
    git_in(&repo, &mate, &["push", "-q", "origin", "main"], &[]);
    repo.write("d.txt", "d\n");
    repo.git(&["add", "."]);
    let dated = [("GIT_AUTHOR_DATE", LOCAL_DATE)];
    git_in(
        &repo,
        &repo.path(),
        &["commit", "-q", "-m", s.local],
        &dated,
    );
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

/// The tags `origin` has.
fn remote_tags(repo: &Repo) -> String {
    repo.git(&["ls-remote", "--tags", "origin"])
}

/// A push refused whole: nothing sent, nothing changed here; its stderr.
fn push_refused(repo: &Repo, args: &[&str]) -> String {
    let before = (state(repo), remote_tags(repo));
    let out = repo.git_output(&[&["push"], args].concat());
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!((state(repo), remote_tags(repo)), before, "{}", text(&out));
    stderr(&out)
}

/// The `fix:` line of a refusal.
fn fix_line(err: &str) -> &str {
    err.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix line in:\n{err}"))
}

const SINGLE: &str = "[checks]\ntest = [\"true\"]\n";

fn single<'a>(mate_hooks: bool, mate: &'a str) -> Setup<'a> {
    Setup {
        config: SINGLE,
        files: &[],
        first_release: None,
        mate_hooks,
        mate,
        local: "feat: d",
        release: &[],
    }
}

/// The entries of release `version`'s section at `tag`.
fn section(repo: &Repo, tag: &str, version: &str) -> String {
    let log = repo.git(&["show", &format!("{tag}:CHANGELOG.md")]);
    let head = format!("## [{version}]");
    let rest = log.split(&head).nth(1).unwrap_or_default();
    rest.split("\n## ").next().unwrap_or_default().to_owned()
}

/// The short id of HEAD, as relhook's commands name it.
fn head_short(repo: &Repo) -> String {
    repo.git(&["rev-parse", "--short=9", "HEAD"])
}

#[test]
fn g1_a_tag_left_on_the_release_commit_before_a_rebase_is_not_pushed_alone() {
    let repo = rebased(&single(true, "fix: c from b"));
    let rel = head_short(&repo);
    let redo = format!("git tag -d v0.1.0 && git reset --keep {rel}~1 && relhook release 0.1.0");
    let err = push_refused(&repo, &["origin", "v0.1.0"]);
    let fix = fix_line(&err);
    assert!(fix.contains(&format!("`{redo}`")), "{err}");
    assert!(err.contains("c from b"), "{err}");
    assert!(fix.contains("git push --follow-tags origin main"), "{err}");
    ok(repo.sh(&redo));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let log = repo.git(&["show", "v0.1.0:CHANGELOG.md"]);
    let section = log.split("## [0.1.0]").nth(1).unwrap_or_default();
    assert!(section.contains("c from b"), "{log}");
}

#[test]
fn g1_a_tag_left_behind_by_a_rebase_over_a_chore_names_the_tag_made_again() {
    let repo = rebased(&single(false, "chore: tidy the scripts"));
    let err = push_refused(&repo, &["origin", "v0.1.0"]);
    let fix = fix_line(&err);
    assert!(
        fix.contains("`relhook release --resume`") && !fix.contains("git tag -d"),
        "{err}"
    );
    ok(repo.relhook(&["release", "--resume"]));
    ok(repo.git_output(&["push", "-q", "origin", "v0.1.0"]));
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "origin/main"])
    );
}

#[test]
fn g1_a_tag_moved_onto_the_rebased_release_commit_and_pushed_alone_names_the_redo() {
    let repo = rebased(&single(true, "fix: c from b"));
    let rel = head_short(&repo);
    repo.git_env(
        &["tag", "-f", "-a", "v0.1.0", "-m", "v0.1.0", "HEAD"],
        &[("RELHOOK_SKIP", "1")],
    );
    ok(repo.relhook(&["test"]));
    let redo = format!("git tag -d v0.1.0 && git reset --keep {rel}~1 && relhook release 0.1.0");
    let err = push_refused(&repo, &["origin", "v0.1.0"]);
    assert!(fix_line(&err).contains(&format!("`{redo}`")), "{err}");
}

const MAINTENANCE: &str =
    "[checks]\ntest = [\"true\"]\n\n[release]\nbranches = [\"main\", \"release/*\"]\n";

#[test]
fn g1_a_maintenance_release_tag_pushed_alone_goes() {
    let repo = crate::support::configured_with_a_feature(|_| MAINTENANCE.into());
    ok(repo.relhook(&["release", "1.0.0"]));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    repo.commit_hooked("feat: two");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    repo.git(&["switch", "-q", "-c", "release/1.0", "v1.0.0"]);
    repo.commit_hooked("fix: backported");
    ok(repo.relhook(&["release"]));
    // The fix goes to main too, as a copy.
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_output(&["cherry-pick", "release/1.0~1"]));
    let out = ok(repo.git_output(&["push", "origin", "v1.0.1"]));
    assert!(
        remote_tags(&repo).contains("refs/tags/v1.0.1"),
        "{}",
        text(&out)
    );
    ok(repo.git_output(&["push", "-q", "origin", "release/1.0"]));
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

/// `--resume` tags HEAD as `tag`.
fn resumed(repo: &Repo, tag: &str) {
    let out = ok(repo.relhook(&["release", "--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", &format!("{tag}^{{commit}}")]),
        repo.git(&["rev-parse", "HEAD"]),
        "{}",
        text(&out)
    );
}

/// Features get no entry here, but still bump the minor version.
const NO_FEAT_ENTRIES: &str =
    "[checks]\ntest = [\"true\"]\n\n[changelog.sections]\nfix = \"Fixed\"\n";

#[test]
fn g2_a_pre_release_rebased_over_a_feature_is_made_again_on_the_line_it_calls_for() {
    let repo = rebased(&Setup {
        config: NO_FEAT_ENTRIES,
        first_release: Some(&["1.0.0"]),
        mate: "feat: c from b",
        local: "fix: d",
        release: &["--pre", "rc"],
        ..single(true, "")
    });
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1-rc.1");
    repo.git(&["tag", "-d", "v1.0.1-rc.1"]);
    let rel = head_short(&repo);
    let redo = format!("git reset --keep {rel}~1 && relhook release 1.1.0-rc.1");
    let err = resume_refused(&repo, &redo);
    assert!(err.contains("feat: c from b"), "{err}");
    ok(repo.sh(&redo));
    assert_eq!(
        repo.git(&["rev-parse", "v1.1.0-rc.1^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

const CARGO_1_4_2: &[(&str, &str)] = &[(
    "Cargo.toml",
    "[package]\nname = \"x\"\nversion = \"1.4.2\"\nedition = \"2021\"\n",
)];

#[test]
fn g2_a_first_release_rebased_over_a_breaking_change_is_made_again_at_the_version_it_calls_for() {
    // No tag yet: the first release is the files' 1.4.2, unless a breaking change came after.
    let repo = rebased(&Setup {
        files: CARGO_1_4_2,
        mate: "feat!: c from b",
        local: "fix: d",
        ..single(true, "")
    });
    assert_eq!(repo.head_subject(), "chore(release): 1.4.2");
    repo.git(&["tag", "-d", "v1.4.2"]);
    let rel = head_short(&repo);
    let redo = format!("git reset --keep {rel}~1 && relhook release 2.0.0");
    let err = resume_refused(&repo, &redo);
    assert!(err.contains("c from b"), "{err}");
    ok(repo.sh(&redo));
    assert_eq!(
        repo.git(&["rev-parse", "v2.0.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

#[test]
fn g2_a_feature_with_its_entry_rebased_under_a_patch_release_makes_it_a_minor_one() {
    let repo = rebased(&Setup {
        first_release: Some(&["1.0.0"]),
        mate: "feat: c from b",
        local: "fix: d",
        ..single(true, "")
    });
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1");
    repo.git(&["tag", "-d", "v1.0.1"]);
    let rel = head_short(&repo);
    resume_refused(
        &repo,
        &format!("git reset --keep {rel}~1 && relhook release 1.1.0"),
    );
}

#[test]
fn g2_first_releases_rebased_over_a_chore_are_tagged() {
    // From the files' version, raised by the local breaking change it was made over.
    let repo = rebased(&Setup {
        files: CARGO_1_4_2,
        local: "feat!: d",
        ..single(false, "chore: tidy")
    });
    assert_eq!(repo.head_subject(), "chore(release): 2.0.0");
    repo.git(&["tag", "-d", "v2.0.0"]);
    resumed(&repo, "v2.0.0");
    // A pre-release as the first release, no version file.
    let repo = rebased(&Setup {
        release: &["--pre", "rc"],
        ..single(false, "chore: tidy")
    });
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0-rc.1");
    repo.git(&["tag", "-d", "v0.1.0-rc.1"]);
    resumed(&repo, "v0.1.0-rc.1");
}

#[test]
fn g2_a_pre_release_then_its_final_release_rebased_over_a_chore_is_tagged() {
    let repo = rebased(&Setup {
        first_release: Some(&["--pre", "rc"]),
        local: "feat: d",
        ..single(false, "chore: tidy")
    });
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    repo.git(&["tag", "-d", "v0.1.0"]);
    resumed(&repo, "v0.1.0");
    // A stable release, a pre-release of the next, then that version's final release.
    let repo = rebased(&Setup {
        first_release: Some(&["1.0.0"]),
        local: "feat: d",
        release: &["--pre", "rc"],
        ..single(false, "chore: tidy")
    });
    repo.git(&["tag", "-d", "v1.1.0-rc.1"]);
    resumed(&repo, "v1.1.0-rc.1");
    repo.commit_hooked("fix: e");
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.head_subject(), "chore(release): 1.1.0");
    repo.git(&["tag", "-d", "v1.1.0"]);
    resumed(&repo, "v1.1.0");
}

#[test]
fn g3_a_fix_made_with_the_hooks_off_and_rebased_under_the_release_is_not_resumed() {
    let repo = rebased(&single(false, "fix: c from b"));
    let rel = head_short(&repo);
    // The tag still on the release commit as it was: pre-push and doctor name the redo.
    let redo = format!("git tag -d v0.1.0 && git reset --keep {rel}~1 && relhook release 0.1.0");
    let err = push_refused(&repo, &["--follow-tags", "origin", "main"]);
    assert!(err.contains(&redo) && err.contains("c from b"), "{err}");
    let err = push_refused(&repo, &["origin", "v0.1.0"]);
    assert!(fix_line(&err).contains(&redo), "{err}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains(&format!("fix: {redo}")), "{doctor}");
    // Its tag deleted, `--resume` refuses.
    repo.git(&["tag", "-d", "v0.1.0"]);
    let redo = format!("git reset --keep {rel}~1 && relhook release 0.1.0");
    let err = resume_refused(&repo, &redo);
    assert!(err.contains("c from b"), "{err}");
    ok(repo.sh(&redo));
    assert!(section(&repo, "v0.1.0", "0.1.0").contains("c from b"));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn g3_a_fix_made_with_the_hooks_off_after_the_release_and_moved_under_it_is_not_resumed() {
    let repo = crate::support::configured_with_a_feature(|_| SINGLE.into());
    ok(repo.relhook(&["release"]));
    repo.write("late.txt", "late\n");
    repo.git(&["add", "."]);
    let late = [
        ("GIT_AUTHOR_DATE", "2026-01-01T13:00:00Z"),
        ("RELHOOK_SKIP", "1"),
    ];
    repo.git_env(&["commit", "-q", "-m", "fix: late"], &late);
    assert!(!repo.read("CHANGELOG.md").contains("late"));
    // `rebase -i HEAD~2` with the two lines swapped: the fix goes under the release commit.
    let swap = [("GIT_SEQUENCE_EDITOR", "sed -i '1{h;d};2G'")];
    repo.git_env(&["rebase", "-q", "-i", "HEAD~2"], &swap);
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    repo.git(&["tag", "-d", "v0.1.0"]);
    let rel = head_short(&repo);
    let err = resume_refused(
        &repo,
        &format!("git reset --keep {rel}~1 && relhook release 0.1.0"),
    );
    assert!(err.contains("late"), "{err}");
}

#[test]
fn g3_a_commit_reworded_under_the_release_as_pre_push_says_is_resumed() {
    let repo = crate::support::configured_with_a_feature(|_| SINGLE.into());
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "."]);
    let early = [("GIT_AUTHOR_DATE", "2026-01-01T10:00:00Z")];
    repo.git_env(&["commit", "-q", "--no-verify", "-m", "added x"], &early);
    repo.write("y.txt", "y\n");
    repo.git(&["add", "."]);
    let later = [("GIT_AUTHOR_DATE", "2026-01-01T11:00:00Z")];
    repo.git_env(&["commit", "-q", "-m", "feat: y"], &later);
    ok(repo.relhook(&["release", "--allow-unlinted"]));
    let err = push_refused(&repo, &["--follow-tags", "origin", "main"]);
    let fix = fix_line(&err);
    let commands: Vec<&str> = fix.split('`').skip(1).step_by(2).collect();
    assert_eq!(
        commands[0], "git tag -d v0.1.0 && git reset --keep HEAD~1",
        "{fix}"
    );
    assert!(commands[1].starts_with("git rebase -i "), "{fix}");
    assert_eq!(commands[3], "relhook release 0.1.0", "{fix}");
    ok(repo.sh(commands[0]));
    let reword = format!(
        "GIT_SEQUENCE_EDITOR=\"sed -i '1s/^pick/reword/'\" GIT_EDITOR=\"sed -i '1s/.*/fix: added x/'\" {}",
        commands[1]
    );
    ok(repo.sh(&reword));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", "HEAD~1"]),
        "fix: added x"
    );
    ok(repo.sh(commands[3]));
    let notes = ok(repo.relhook(&["notes", "v0.1.0"]));
    assert!(String::from_utf8_lossy(&notes.stdout).contains("- added x"));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}

#[test]
fn g3_a_release_over_a_fix_made_with_the_hooks_off_keeps_its_section_as_edited() {
    // The fix was under the release when it was made (its entry synced into the section), and
    // its entry was then taken out of the section by hand: hand edits win.
    let repo = crate::support::configured_with_a_feature(|_| SINGLE.into());
    repo.write("x.txt", "x\n");
    repo.git(&["add", "."]);
    let early = [
        ("GIT_AUTHOR_DATE", "2026-01-01T10:00:00Z"),
        ("RELHOOK_SKIP", "1"),
    ];
    repo.git_env(&["commit", "-q", "-m", "fix: x"], &early);
    assert!(!repo.read("CHANGELOG.md").contains("- x"));
    ok(repo.relhook(&["release"]));
    assert!(section(&repo, "v0.1.0", "0.1.0").contains("- x"));
    let log = repo.read("CHANGELOG.md").replace("- x\n", "");
    repo.write("CHANGELOG.md", log);
    repo.git_env(
        &["commit", "-q", "-a", "--amend", "--no-edit"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.git(&["tag", "-d", "v0.1.0"]);
    resumed(&repo, "v0.1.0");
    assert!(!section(&repo, "v0.1.0", "0.1.0").contains("- x"));
}
