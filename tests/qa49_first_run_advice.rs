//! QA49: advice on a first run that did not work when followed. With no CHANGELOG.md and only
//! `chore:` commits, a release said "no commit since the last release has an entry" (there
//! was none) and that `relhook changelog` makes CHANGELOG.md, which writes nothing while
//! history has no entry; now it names `relhook init`, which writes one.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// Installed, with one `chore:` commit and no CHANGELOG.md: nothing for a first release.
fn chores_only() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("a", "1\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked("chore: start");
    assert!(!repo.path().join("CHANGELOG.md").exists());
    repo
}

#[test]
fn a_first_release_with_no_changelog_names_init_which_makes_it() {
    let repo = chores_only();
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("(no commit has an entry yet: `chore:`"),
        "{err}"
    );
    assert!(!err.contains("since the last release"), "{err}");
    assert!(!err.contains("`relhook changelog` makes"), "{err}");
    assert!(
        err.contains("; `relhook init` writes CHANGELOG.md, which is not there yet: write what this release changes under its `## [Unreleased]` and commit the files init wrote, then release again"),
        "{err}"
    );
    // Followed: init, an entry by hand, the files committed, and the release goes ahead.
    ok(repo.relhook(&["init"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("## [Unreleased]"), "{log}");
    repo.write(
        "CHANGELOG.md",
        format!("{}\n\n### Added\n\n- The first thing.\n", log.trim_end()),
    );
    repo.git(&["add", ".relconfig.toml", "CHANGELOG.md"]);
    repo.commit_hooked("docs: a changelog");
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
}

#[test]
fn the_hand_tag_and_version_explain_name_init_when_the_changelog_is_absent() {
    let repo = untested_installed();
    repo.commit_hooked("chore: a script");
    let said = crate::support::hand_tag_refused(&repo, "v0.1.0");
    assert!(said.contains("(no commit has an entry yet"), "{said}");
    assert!(
        said.contains("`relhook init` writes CHANGELOG.md, which is not there yet"),
        "{said}"
    );
    // After a release tag (made past relhook, no changelog): since the last release, and
    // the file is still made by init, not edited where it is not.
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));
    repo.write("b", "2\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("chore: two");
    let out = ok(repo.relhook(&["version", "--explain"]));
    let said = stdout(&out);
    assert!(
        said.contains("to release anyway, `relhook init` writes CHANGELOG.md, which is not there yet: write what it changes under its `## [Unreleased]` and commit the files init wrote, then name the version: `relhook release patch`"),
        "{said}"
    );
    assert!(!said.contains("in CHANGELOG.md and commit it"), "{said}");
    let out = repo.relhook(&["release", "patch", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("(no commit since the last release has an entry"),
        "{err}"
    );
    assert!(err.contains("`relhook init` writes CHANGELOG.md"), "{err}");
}

/// The repository with v0.1.0 released and a fix after it, cloned (`git clone ARGS`, remote
/// `upstream`) into a folder beside it: the clone's path.
fn cloned(repo: &Repo, args: &[&str]) -> std::path::PathBuf {
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("fix: two");
    let url = format!("file://{}", repo.path().display());
    let mut clone = vec!["clone", "-q", "-o", "upstream"];
    clone.extend(args);
    clone.extend([url.as_str(), "ci"]);
    let parent = repo.scratch("clones");
    ok(repo.git_in(&parent, &clone, &[]));
    parent.join("ci")
}

/// `hint:` line's command in backquotes, run in `dir`; then `relhook check ARGS` passes.
fn the_hint_works(repo: &Repo, dir: &std::path::Path, err: &str, args: &[&str]) {
    let hint = err
        .lines()
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("no hint in:\n{err}"));
    let fetch = hint.split('`').nth(1).unwrap_or_default();
    assert!(fetch.starts_with("git fetch"), "{hint}");
    let mut sh = repo.command_in("sh", dir);
    ok(sh.args(["-c", fetch]).output().expect("sh"));
    let out = ok(repo.relhook_in(dir, args));
    assert!(stdout(&out).contains("all pass"), "{}", text(&out));
}

#[test]
fn a_release_tag_a_shallow_clone_did_not_fetch_is_named_with_the_fetch_that_brings_it() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let ci = cloned(&repo, &["--depth", "1"]);
    for args in [
        &["check", "v0.1.0..HEAD"][..],
        &["check", "--base", "v0.1.0"],
    ] {
        let out = repo.relhook_in(&ci, args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("no branch, tag or commit named `v0.1.0` exists here; `v0.1.0` may be a tag this shallow clone did not fetch"),
            "{err}"
        );
        assert!(
            err.contains("hint: run `git fetch --unshallow --tags upstream` (in GitHub Actions: `fetch-depth: 0` on actions/checkout), then check again"),
            "{err}"
        );
        assert!(!err.contains("give a range git understands"), "{err}");
        assert!(!err.contains("origin"), "{err}");
    }
    the_hint_works(
        &repo,
        &ci,
        &stderr(&repo.relhook_in(&ci, &["check", "--base", "v0.1.0"])),
        &["check", "--base", "v0.1.0"],
    );
}

#[test]
fn a_release_tag_a_full_clone_did_not_fetch_is_fetched_as_a_tag() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let ci = cloned(&repo, &["--no-tags"]);
    let out = repo.relhook_in(&ci, &["check", "v0.1.0..HEAD"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("`v0.1.0` may be a release tag this clone did not fetch"),
        "{err}"
    );
    assert!(
        err.contains("hint: run `git fetch upstream tag v0.1.0`, then check again"),
        "{err}"
    );
    the_hint_works(&repo, &ci, &err, &["check", "v0.1.0..HEAD"]);
    // A name that is no release tag, or a repository with no remote: no fetch can help.
    let out = repo.relhook_in(&ci, &["check", "nope..HEAD"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("give a range git understands"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["check", "v9.9.9..HEAD"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!stderr(&out).contains("git fetch"), "{}", text(&out));
}

/// QA49: with no remote at all, doctor's fix for an untested release tag offered to fetch
/// CI's records from `origin`, which does not exist; with one remote of another name, that one.
#[test]
fn doctor_offers_no_records_fetch_without_a_remote_and_names_the_only_one() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    ok(crate::support::hand_tag(
        &repo,
        &["-a", "v0.1.0", "-m", "v0.1.0"],
    ));
    let fix = |repo: &Repo| {
        let out = repo.relhook(&["doctor"]);
        let said = stdout(&out);
        let at = said
            .find("untested release tags")
            .unwrap_or_else(|| panic!("{}", text(&out)));
        let fix = said[at..]
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("fix: "))
            .unwrap_or_default()
            .to_owned();
        assert!(fix.contains("relhook test --tag v0.1.0"), "{fix}");
        fix
    };
    let none = fix(&repo);
    assert!(!none.contains("git fetch"), "{none}");
    assert!(!none.contains("origin"), "{none}");
    assert!(
        none.ends_with("; or commit `[checks] require_tested_tags = false`"),
        "{none}"
    );
    let bare = repo.scratch("up.git");
    repo.git(&["init", "-q", "--bare", bare.to_str().unwrap()]);
    repo.git(&["remote", "add", "upstream", bare.to_str().unwrap()]);
    let one = fix(&repo);
    assert!(
        one.contains("`git fetch upstream +refs/notes/relhook-tests:"),
        "{one}"
    );
}
