//! Versions and releases on real repositories: bumps, pre-releases, backports, the runbook's
//! refusals, dry runs that write nothing, and failures that leave nothing behind.

use crate::support::{Repo, SKELETON, hand_tag as tag, stderr, stdout, text};

fn repo_at(tag: Option<&str>) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    if let Some(t) = tag {
        let v = t.trim_start_matches('v');
        repo.write(
            "Cargo.toml",
            format!("[package]\nname = \"app\"\nversion = \"{v}\"\nedition = \"2021\"\n"),
        );
        repo.git(&[
            "commit",
            "-q",
            "--allow-empty",
            "-am",
            &format!("chore(release): {v}"),
        ]);
        repo.git(&["tag", "-a", t, "-m", t]);
    }
    repo
}

fn next(repo: &Repo, extra: &[&str]) -> String {
    let mut args = vec!["version", "--next"];
    args.extend_from_slice(extra);
    let out = repo.relhook(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    stdout(&out).trim().to_owned()
}

fn release(repo: &Repo, args: &[&str]) -> std::process::Output {
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args);
    cmd.output().unwrap()
}

#[test]
fn zero_major_bumps() {
    let repo = repo_at(Some("v0.1.0"));
    repo.commit("fix: a");
    assert_eq!(next(&repo, &[]), "0.1.1");
    repo.commit("feat: b");
    assert_eq!(
        next(&repo, &[]),
        "0.1.1",
        "below 1.0.0 a feature bumps the patch"
    );
    repo.commit("feat!: c");
    assert_eq!(
        next(&repo, &[]),
        "0.2.0",
        "below 1.0.0 a breaking change bumps the minor"
    );
    repo.write(
        ".relconfig.toml",
        "[version]\nzero_major_breaking_bumps_minor = false\n",
    );
    assert_eq!(next(&repo, &[]), "1.0.0");
}

#[test]
fn one_x_bumps_and_explain() {
    let repo = repo_at(Some("v1.2.3"));
    repo.commit("fix: a");
    assert_eq!(next(&repo, &[]), "1.2.4");
    repo.commit("feat(ui): b");
    assert_eq!(next(&repo, &[]), "1.3.0");
    repo.commit("refactor: c\n\nBREAKING CHANGE: the API moved");
    assert_eq!(next(&repo, &[]), "2.0.0");
    let out = repo.relhook(&["version", "--next", "--explain"]);
    let o = stdout(&out);
    assert!(
        o.contains("3 commits since v1.2.3; they call for a major release"),
        "{o}"
    );
    assert!(o.contains("refactor: c  (major)"), "{o}");
    let json = repo.relhook(&["version", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        (
            v["current"].as_str(),
            v["next"].as_str(),
            v["level"].as_str()
        ),
        (Some("1.2.3"), Some("2.0.0"), Some("major"))
    );
    assert_eq!(stdout(&repo.relhook(&["version"])).trim(), "1.2.3");
}

#[test]
fn no_tag_starts_from_the_version_file() {
    let repo = repo_at(None);
    repo.commit("feat: first");
    assert_eq!(next(&repo, &[]), "0.1.0");
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("v0.1.0"));
}

#[test]
fn full_release_commits_tags_and_writes_the_changelog() {
    let repo = repo_at(Some("v1.2.3"));
    repo.write(
        "Cargo.lock",
        "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"1.2.3\"\n",
    );
    repo.git(&["add", "Cargo.lock"]);
    repo.git(&["commit", "-q", "-m", "build: lock"]);
    repo.git(&["remote", "add", "origin", "https://github.com/acme/app.git"]);
    repo.commit("feat(api): add search (#12)");
    repo.commit("fix: crash on empty input");
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains("v1.3.0 is tagged"), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s"]),
        "chore(release): 1.3.0"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("## [Unreleased]\n\n## [1.3.0] - 2026-11-21\n\n### Added\n\n- **api:** add search ([#12](https://github.com/acme/app/issues/12))\n\n### Fixed\n\n- crash on empty input\n"), "{log}");
    assert!(
        log.contains("[unreleased]: https://github.com/acme/app/compare/v1.3.0...HEAD"),
        "{log}"
    );
    assert!(repo.read("Cargo.toml").contains("version = \"1.3.0\""));
    assert!(
        repo.read("Cargo.lock")
            .contains("name = \"app\"\nversion = \"1.3.0\"")
    );
    assert_eq!(repo.git(&["cat-file", "-t", "v1.3.0"]), "tag");
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "v1.3.0"]);
    assert!(
        message.starts_with("v1.3.0\n\n### Added\n\n- **api:** add search"),
        "{message}"
    );
    assert_eq!(
        repo.git(&["rev-parse", "v1.3.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    let notes = repo.relhook(&["notes"]);
    assert!(
        stdout(&notes).starts_with("### Added\n\n- **api:** add search"),
        "{}",
        text(&notes)
    );
    // No section for v1.2.3, and its commits (`chore`) have no entry: nothing to print, which
    // is refused rather than printed as empty notes.
    let notes = repo.relhook(&["notes", "v1.2.3"]);
    assert_eq!(notes.status.code(), Some(1), "{}", text(&notes));
    assert_eq!(stdout(&notes), "");
    assert!(
        stderr(&notes).contains("no notes for v1.2.3: CHANGELOG.md at v1.2.3 has no section for 1.2.3, and no commit since the first commit has a changelog entry"),
        "{}",
        text(&notes)
    );
}

#[test]
fn pre_release_sequence() {
    let repo = repo_at(Some("v1.2.3"));
    repo.commit("feat: shiny");
    assert_eq!(release(&repo, &["--pre", "rc"]).status.code(), Some(0));
    assert!(repo.git(&["tag"]).contains("v1.3.0-rc.1"));
    repo.commit("fix: polish");
    assert_eq!(next(&repo, &["--pre", "rc"]), "1.3.0-rc.2");
    assert_eq!(release(&repo, &["--pre", "rc"]).status.code(), Some(0));
    repo.commit("fix: last one");
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tags = repo.git(&["tag"]);
    let mut tags: Vec<&str> = tags.lines().collect();
    tags.sort();
    assert_eq!(tags, ["v1.2.3", "v1.3.0", "v1.3.0-rc.1", "v1.3.0-rc.2"]);
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [1.3.0] - 2026-11-21") && log.contains("## [1.3.0-rc.2] - 2026-11-21"),
        "{log}"
    );
}

#[test]
fn backport_on_a_maintenance_branch() {
    let repo = repo_at(Some("v1.2.0"));
    repo.commit("feat: new on main");
    assert_eq!(release(&repo, &[]).status.code(), Some(0));
    repo.git(&["checkout", "-q", "-b", "release-1.2", "v1.2.0"]);
    repo.commit("fix: backported fix");
    let refused = release(&repo, &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("--allow-branch"),
        "{}",
        text(&refused)
    );
    let out = release(&repo, &["--allow-branch"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("v1.2.1"));
}

#[test]
fn runbook_refusals() {
    let repo = repo_at(Some("v1.0.0"));
    repo.commit("fix: x");
    repo.write("dirty.txt", "x");
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not clean (dirty.txt)"),
        "{}",
        text(&out)
    );
    std::fs::remove_file(repo.path().join("dirty.txt")).unwrap();
    repo.git(&["checkout", "-q", "--detach"]);
    assert!(stderr(&release(&repo, &[])).contains("detached"));
    repo.git(&["checkout", "-q", "main"]);
    let out = release(&repo, &["1.0.0"]);
    assert!(stderr(&out).contains("1.0.0"), "{}", text(&out));
    assert_eq!(out.status.code(), Some(1));
    repo.git(&["checkout", "-q", "-b", "elsewhere"]);
    repo.commit("fix: elsewhere");
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    repo.git(&["checkout", "-q", "main"]);
    let out = release(&repo, &[]);
    assert!(
        stderr(&out).contains("tag v1.0.1 already exists"),
        "{}",
        text(&out)
    );
    assert_eq!(release(&repo, &["banana"]).status.code(), Some(2));
    // Behind the upstream as last fetched.
    let remote = repo.dir.path().join("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let out = release(&repo, &["1.1.0"]);
    assert!(
        stderr(&out).contains("behind origin/main"),
        "{}",
        text(&out)
    );
}

#[test]
fn dry_run_writes_nothing() {
    let repo = repo_at(Some("v1.0.0"));
    repo.commit("feat: x");
    let refs = repo.git(&["show-ref"]);
    let files = (repo.read("CHANGELOG.md"), repo.read("Cargo.toml"));
    let out = release(&repo, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let o = stdout(&out);
    assert!(o.contains("release v1.1.0 (1.0.0 → 1.1.0"), "{o}");
    assert!(o.contains("+## [1.1.0] - 2026-11-21"), "{o}");
    assert!(
        o.contains("-version = \"1.0.0\"\n+version = \"1.1.0\""),
        "{o}"
    );
    assert_eq!(repo.git(&["show-ref"]), refs);
    assert_eq!((repo.read("CHANGELOG.md"), repo.read("Cargo.toml")), files);
    assert!(repo.is_clean());
}

#[test]
fn failing_version_file_or_tag_leaves_nothing_behind() {
    let repo = repo_at(Some("v1.0.0"));
    repo.write("VERSION.txt", "1.0.0 and also 0.9.0\n");
    repo.write(".relconfig.toml", "[version]\nfiles = [{ path = \"Cargo.toml\", key = \"package.version\" }, { path = \"VERSION.txt\", pattern = '{version}' }]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: version file"]);
    repo.commit("feat: x");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("VERSION.txt"), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.is_clean());
    assert_eq!(repo.git(&["tag"]), "v1.0.0");
    // A failure half-way (the tag cannot be signed: the key stops working after relhook
    // checked that git can sign) undoes the commit and the files.
    repo.write("VERSION.txt", "1.0.0\n");
    repo.git(&["commit", "-q", "-am", "chore: fix version file"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    crate::support::Signer::failing_after(&repo, 1).configure(&repo);
    let out = release(&repo, &["--sign"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "HEAD"]),
        head,
        "the release commit is undone"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_eq!(repo.git(&["tag"]), "v1.0.0");
}

#[test]
fn tests_run_on_the_release_commit() {
    let repo = repo_at(Some("v1.0.0"));
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"sh\", \"-c\", \"test -f must-exist\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "ci: tests"]);
    repo.commit("fix: x");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("the tests failed on the release candidate"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    repo.write("must-exist", "");
    repo.git(&["add", "must-exist"]);
    repo.git(&["commit", "-q", "-m", "test: fixture"]);
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let note = repo.git(&["notes", "--ref=relhook-tests", "show", "v1.0.1^{commit}"]);
    assert!(
        note.contains("relhook-test-record: pass")
            && note.contains(&repo.git(&["rev-parse", "v1.0.1^{tree}"])),
        "{note}"
    );
}

/// Tests that leave files behind (build output not in .gitignore) make a release pre-push
/// refuses as dirty: the release says so and names the clean-up before the push.
#[test]
fn tests_that_dirty_the_tree_are_said_before_the_push() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\ntest = [\"sh\", \"-c\", \"echo x > junk.txt\"]\n".into()
    });
    repo.with_origin();
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the working tree has changes the release does not include (junk.txt)"),
        "{err}"
    );
    let next = crate::support::next_command(&err);
    assert!(
        next.contains("junk.txt") && next.contains(".gitignore"),
        "{err}"
    );
    assert!(err.contains("git push"), "{err}");
}

fn installed(tag: Option<&str>) -> Repo {
    let repo = repo_at(tag);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        "",
        "install leaves the tree clean"
    );
    repo
}

#[test]
fn hand_tag_gets_its_release_commit() {
    let repo = installed(Some("v1.0.0"));
    assert!(repo.commit_with_hooks("feat: hand made").status.success());
    let out = tag(&repo, &["-a", "v1.1.0", "-m", "Release 1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("v1.1.0 now points at release commit"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git(&["rev-parse", "v1.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s"]),
        "chore(release): 1.1.0"
    );
    assert_eq!(repo.git(&["cat-file", "-t", "v1.1.0"]), "tag");
    assert_eq!(
        repo.git(&["tag", "-l", "--format=%(contents:subject)", "v1.1.0"]),
        "Release 1.1.0"
    );
    let log = repo.git(&["show", "v1.1.0:CHANGELOG.md"]);
    assert!(
        log.contains("## [1.1.0] - 2026-11-21\n\n### Added\n\n- hand made"),
        "{log}"
    );
    assert!(
        repo.git(&["show", "v1.1.0:Cargo.toml"])
            .contains("version = \"1.1.0\"")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let settled = repo.path().join(".git/relhook-tag-settled");
    assert!(!settled.exists(), "the tag needed relhook in `committed`");
    // A tag whose commit already has its section (made by `relhook release`) is left alone.
    repo.commit_with_hooks("fix: later");
    assert_eq!(release(&repo, &["--no-test"]).status.code(), Some(0));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s"]),
        "chore(release): 1.1.1"
    );
    // Made again by hand there, `prepared` tells the shim that `committed` has nothing to
    // do: relhook is not started again.
    let head = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["tag", "-d", "v1.1.1"]);
    let out = tag(&repo, &["-a", "v1.1.1", "-m", "again"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    let noted = std::fs::read_to_string(&settled).unwrap_or_default();
    assert!(
        noted.ends_with(&format!(
            " {} refs/tags/v1.1.1\n",
            repo.git(&["rev-parse", "v1.1.1"])
        )),
        "{noted:?}"
    );
}

/// post-commit links `#12` to the forge of `origin`, and finds the forge only for an entry
/// that has a `#` (the result is the same either way).
#[test]
fn post_commit_links_references_to_the_forge() {
    let repo = installed(Some("v1.0.0"));
    repo.git(&["remote", "add", "origin", "git@github.com:acme/app.git"]);
    assert!(
        repo.commit_with_hooks("fix: crash on empty input (#7)")
            .status
            .success()
    );
    assert!(repo.commit_with_hooks("feat: plain words").status.success());
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- crash on empty input ([#7](https://github.com/acme/app/issues/7))\n"),
        "{log}"
    );
    assert!(log.contains("- plain words\n"), "{log}");
}

/// The release commit is written in-process (no `git commit-tree`): the same object git
/// would write, byte for byte, with the test environment's identity and ISO dates.
#[test]
fn release_commit_is_the_object_git_commit_tree_writes() {
    let repo = installed(Some("v1.0.0"));
    assert!(repo.commit_with_hooks("feat: hand made").status.success());
    let out = tag(&repo, &["-a", "v1.1.0", "-m", "Release 1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    let raw = repo.git(&["cat-file", "commit", "HEAD"]);
    let message = raw.split_once("\n\n").expect("a message").1.to_owned() + "\n";
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.args(["commit-tree", "HEAD^{tree}", "-p", "HEAD~1"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(message.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), head, "{raw}");
}

/// With no dates in the environment and the committer's name from the configuration, the
/// release commit carries what `git var` says git would record now.
#[test]
fn release_commit_identity_and_date_follow_git_rules() {
    let repo = installed(Some("v1.0.0"));
    repo.commit_with_hooks("feat: dated now");
    repo.git(&["config", "user.name", "Config Name"]);
    let env_less = |program: &str| {
        let mut cmd = repo.command_in(program, &repo.path());
        cmd.env_remove("GIT_AUTHOR_DATE")
            .env_remove("GIT_COMMITTER_DATE")
            .env_remove("GIT_COMMITTER_NAME")
            .env("GIT_AUTHOR_DATE", "@1767268800 +0530");
        cmd
    };
    // A `git` first on PATH that notes each subcommand: the commit must start none.
    let bin = repo.scratch("bin");
    let calls = repo.scratch("calls").join("log");
    std::fs::write(
        bin.join("git"),
        format!(
            "#!/bin/sh\necho \"$1\" >>'{}'\nexec '{}' \"$@\"\n",
            calls.display(),
            crate::support::git_abs().display()
        ),
    )
    .unwrap();
    crate::support::make_executable(&bin.join("git"));
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let out = env_less(crate::support::relhook_bin().to_str().unwrap())
        .env("RELHOOK_DATE", "2026-11-21")
        .env("PATH", path)
        .args(["release", "--no-test"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let calls = std::fs::read_to_string(&calls).unwrap_or_default();
    assert!(
        calls.lines().any(|c| c == "tag"),
        "the shim saw git run: {calls}"
    );
    assert!(!calls.lines().any(|c| c == "commit-tree"), "{calls}");
    let want = env_less("git")
        .args(["var", "GIT_COMMITTER_IDENT"])
        .output()
        .unwrap();
    let want = stdout(&want).trim().to_owned();
    let raw = repo.git(&["cat-file", "commit", "HEAD"]);
    let line = |who: &str| {
        raw.lines()
            .find_map(|l| l.strip_prefix(who))
            .expect("an identity line")
            .to_owned()
    };
    assert_eq!(
        line("author "),
        "Test Author <author@example.com> 1767268800 +0530"
    );
    // `Config Name <committer@example.com> <seconds> <local offset>`: all but the seconds
    // exactly as git says; the seconds within the few the two commands took.
    let (got, want) = (line("committer "), want);
    let split = |s: &str| {
        let mut p: Vec<String> = s.rsplitn(3, ' ').map(str::to_owned).collect();
        p.reverse();
        p
    };
    let (g, w) = (split(&got), split(&want));
    assert_eq!((&g[0], &g[2]), (&w[0], &w[2]), "{got} vs {want}");
    assert!(
        g[0].starts_with("Config Name <committer@example.com>"),
        "{got}"
    );
    let (gs, ws): (i64, i64) = (g[1].parse().unwrap(), w[1].parse().unwrap());
    assert!((0..=30).contains(&(ws - gs)), "{got} vs {want}");
}

#[test]
fn hand_tags_the_runbook_forbids_are_refused() {
    let repo = installed(Some("v1.0.0"));
    repo.commit_with_hooks("fix: something");
    for (args, reason) in [
        (vec!["v1.0.1"], "lightweight tag"),
        (vec!["-a", "v1.1", "-m", "x"], "not `v` + a SemVer version"),
        (vec!["-a", "v0.9.0", "-m", "x"], "not greater than v1.0.0"),
        // v1.0.0's own commit (QA51): nothing new there, whatever the section.
        (
            vec!["-a", "v1.0.1", "-m", "x", "HEAD~1"],
            "is release v1.0.0's own",
        ),
    ] {
        let out = tag(&repo, &args);
        assert_eq!(out.status.code(), Some(128), "{args:?}\n{}", text(&out));
        assert!(stderr(&out).contains(reason), "{args:?}\n{}", text(&out));
        assert_eq!(repo.git(&["tag"]), "v1.0.0", "{args:?}: no tag was made");
    }
    repo.write("scratch.txt", "x");
    let out = tag(&repo, &["-a", "v1.0.1", "-m", "x"]);
    assert!(
        stderr(&out).contains("not clean (scratch.txt)"),
        "{}",
        text(&out)
    );
    std::fs::remove_file(repo.path().join("scratch.txt")).unwrap();
    // Other tags pass untouched, and the bypass works.
    assert!(tag(&repo, &["wip-marker"]).status.success());
    let bypass = repo.git_skipping_relhook(&["tag", "v1.0.1"]);
    assert!(bypass.status.success());
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s"]),
        "fix: something",
        "no release commit when bypassed"
    );
}

#[test]
fn fetched_tags_are_not_judged() {
    let upstream = repo_at(Some("v2.0.0"));
    upstream.git(&["tag", "v0.0.1-light", "HEAD~1"]);
    let repo = installed(Some("v1.0.0"));
    repo.git(&["remote", "add", "up", upstream.path().to_str().unwrap()]);
    let out = repo.git_output(&["fetch", "-q", "--tags", "up"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("v0.0.1-light"));
}

#[test]
fn hand_tag_works_when_relhook_chains_another_reference_transaction_hook() {
    let repo = repo_at(Some("v1.0.0"));
    let foreign = repo.path().join(".git/hooks/reference-transaction");
    std::fs::write(&foreign, "#!/bin/sh\ncat >/dev/null\nexit 0\n").unwrap();
    crate::support::make_executable(&foreign);
    let out = repo.relhook(&["install"]);
    assert!(
        crate::support::stdout(&out).contains("runs first"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        "",
        "install leaves the tree clean"
    );
    repo.commit_with_hooks("fix: chained");
    assert!(
        tag(&repo, &["v1.0.1"]).status.code() == Some(128),
        "still refused when lightweight"
    );
    let out = tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s"]),
        "chore(release): 1.0.1"
    );
}

/// A maintenance branch's release merged back into main: the CHANGELOG.md merge driver keeps
/// both release sections, newest first, where a text merge (and the driver before) conflicted.
#[test]
fn a_backport_release_merges_back_without_a_changelog_conflict() {
    let repo = repo_at(Some("v1.2.0"));
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["branch", "release-1.2"]);
    repo.commit("feat: new on main");
    assert_eq!(release(&repo, &[]).status.code(), Some(0));
    repo.git(&["checkout", "-q", "release-1.2"]);
    repo.commit("fix: backported fix");
    let out = release(&repo, &["--allow-branch"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["checkout", "-q", "main"]);
    // Cargo.toml conflicts, as it should (1.3.0 against 1.2.1); CHANGELOG.md must not.
    let _ = repo.git_output(&["merge", "-q", "--no-edit", "release-1.2"]);
    let unmerged = repo.git(&["diff", "--name-only", "--diff-filter=U"]);
    assert!(!unmerged.contains("CHANGELOG.md"), "{unmerged}");
    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("<<<<<<<"), "{log}");
    let headings: Vec<&str> = log.lines().filter(|l| l.starts_with("## [")).collect();
    assert_eq!(
        headings,
        [
            "## [Unreleased]",
            "## [1.3.0] - 2026-11-21",
            "## [1.2.1] - 2026-11-21"
        ],
        "{log}"
    );
    assert!(log.contains("- backported fix"), "{log}");
    assert!(log.contains("- new on main"), "{log}");
}

/// The dry run notes what the real run would note after tagging: a file still saying the old
/// version once the planned edits are made. The files the plan bumps are not named.
#[test]
fn dry_run_names_the_files_that_would_still_say_the_old_version() {
    let repo = repo_at(Some("v1.0.0"));
    repo.write(
        "crate/Cargo.toml",
        "[package]\nname = \"member\"\nversion = \"1.0.0\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "fix: y"]);
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("note: crate/Cargo.toml:3 would still say 1.0.0"),
        "{said}"
    );
    assert!(!said.contains("note: Cargo.toml:"), "{said}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

/// A forge's squash-merged revert names no commit id (`Revert "feat: x" (#2)`, body `Reverts
/// o/r#1`): it still cancels the change it reverts, found by header, for the version and the
/// changelog alike; and the refusal says the commits cancel out, not that there are none.
#[test]
fn a_revert_without_an_id_cancels_its_change_by_header() {
    let repo = repo_at(Some("v1.0.0"));
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "feat(api): add search (#1)",
    ]);
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "Revert \"feat(api): add search (#1)\" (#2)",
        "-m",
        "Reverts o/r#1",
    ]);
    let out = repo.relhook(&["version", "--next"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("no commits since v1.0.0 but 2 that cancel out"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stdout(&out).contains("add search"), "{}", text(&out));
}

/// A squash-merged revert made without relhook (no commit id, and a `Removed` entry written
/// for it): the release drops the change and the revert's own entry alike, so the notes never
/// announce removing what was never released.
#[test]
fn a_release_drops_a_cancelled_pairs_revert_entry_too() {
    let repo = Repo::new();
    assert!(repo.relhook(&["install"]).status.success());
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: one"]);
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: add widget (#2)"]);
    // Made without relhook (a forge's squash merge), its entry written as such tools do.
    repo.git(&["revert", "--no-commit", "HEAD"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replacen(
            "### Added",
            "### Removed\n\n- revert \"add widget (#2)\"\n\n### Added",
            1,
        ),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git_env(
        &[
            "commit",
            "-q",
            "-m",
            "Revert \"feat: add widget (#2)\" (#3)",
        ],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- revert \"add widget (#2)\"")
    );
    let out = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let plan = stdout(&out);
    let message: String = plan
        .lines()
        .skip_while(|l| !l.starts_with("tag:"))
        .take_while(|l| !l.starts_with("---"))
        .collect();
    assert!(message.contains("- one"), "{plan}");
    assert!(!message.contains("widget"), "{plan}");
}

/// Under `core.autocrlf=true` the work tree's CHANGELOG.md has CRLF and the committed one LF:
/// the release commit stores LF, as `git add` would, changing only the lines it changes.
#[test]
fn a_release_under_autocrlf_stores_lf() {
    let repo = Repo::new();
    assert!(repo.relhook(&["install"]).status.success());
    repo.git(&["config", "core.autocrlf", "true"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: one"]);
    repo.git(&["rm", "-q", "--cached", "CHANGELOG.md"]);
    repo.git(&["add", "CHANGELOG.md"]);
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    assert!(repo.read("CHANGELOG.md").contains("\r\n"));
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let stored = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!stored.contains('\r'), "{stored:?}");
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
}

/// Relhook installed, tagged `v{base}`, then an abandoned branch whose commits took the tags
/// of `versions`, and `feat: on main` on main.
fn abandoned_line(base: &str, versions: &[&str]) -> Repo {
    let repo = crate::support::installed_repo();
    let base = format!("v{base}");
    repo.git(&["tag", "-a", &base, "-m", &base]);
    repo.git(&["switch", "-q", "-c", "abandoned"]);
    for v in versions {
        repo.git(&[
            "commit",
            "-q",
            "--allow-empty",
            "--no-verify",
            "-m",
            "chore: x",
        ]);
        let tag = format!("v{v}");
        repo.git_skipping_relhook(&["tag", "-a", &tag, "-m", v]);
    }
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("feat: on main");
    repo
}

/// A computed version whose tag exists on a commit the branch does not hold (an abandoned
/// line's: commitizen's history has four, QA12): the refusal names the first version above it
/// with no tag, not `relhook release`, which computes the same version again.
#[test]
fn a_taken_version_names_the_first_free_one() {
    let repo = abandoned_line("0.1.0", &["0.1.1", "0.1.2"]);
    // `version --next` prints the version the refusal names, and says why (QA20).
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&next), "0.1.3\n", "{}", text(&next));
    assert!(
        stderr(&next).contains("note: tag v0.1.1 already exists, on a commit this branch does not hold, so the next version is 0.1.3, the first above it with no tag (`relhook release 0.1.3` makes it)"),
        "{}",
        text(&next)
    );
    // A script reading the JSON sees why `next` is not what `level` gives (QA32).
    let json = repo.relhook(&["version", "--next", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(doc["next"], "0.1.3", "{doc}");
    assert_eq!(doc["taken"], "v0.1.1", "{doc}");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("tag v0.1.1 already exists; a released tag is never reused: `relhook release --no-test 0.1.3` takes the first version above it with no tag"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "0.1.3", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// A detected version file that does not hold the current version (crate-ci/typos' pre-commit
/// placeholder `setup.py`, `version='0.0.0'`, beside the real `v1.48.0`, QA12): refused, never
/// overwritten with the new version; listed in `[version] files`, it is bumped.
#[test]
fn a_detected_file_at_another_version_is_refused_not_overwritten() {
    let repo = Repo::new();
    let setup = "from setuptools import setup\n\nsetup(\n    name='placeholder',\n    version='0.0.0',\n)\n";
    repo.write("setup.py", setup);
    repo.git(&["add", "setup.py"]);
    repo.git(&["commit", "-q", "-m", "build: placeholder"]);
    // Tagged as the project did, before relhook (whose hand tag would release setup.py too).
    repo.git(&["tag", "-a", "v1.4.1", "-m", "v1.4.1"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("fix: z");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("setup.py says 0.0.0")
            && stderr(&out).contains("not 1.4.1, the version of release tag v1.4.1"),
        "{}",
        text(&out)
    );
    // The entry that lists it, as the configuration spells one.
    assert!(
        stderr(&out).contains(r#"`files = [{ path = "setup.py", pattern = '''\bversion"#),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("setup.py"), setup);
    assert_eq!(repo.git(&["tag", "--list"]), "v1.4.1");
    // The same refusal before a hand tag exists.
    let tag = crate::support::hand_tag(&repo, &["-a", "v1.4.2", "-m", "v1.4.2"]);
    assert!(!tag.status.success(), "{}", text(&tag));
    assert_eq!(repo.git(&["tag", "--list"]), "v1.4.1");
    // Listed, it is the project's version: bumped.
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"setup.py\", pattern = \"version='{version}'\" }]\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: list setup.py"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("setup.py").contains("version='1.4.2'"));
}

/// `--pre rc` whose computed pre-release's tag is an abandoned line's, and that line released
/// its version too (v1.1.0-rc.1, v1.1.0-rc.2 and v1.1.0): the suggestion is no rc of the
/// released 1.1.0 but the first free pre-release above it, and the release takes it.
#[test]
fn a_taken_pre_release_of_a_released_version_names_the_next_line() {
    let repo = abandoned_line(
        "1.0.0",
        &["1.1.0-rc.1", "1.1.0-rc.2", "1.1.0", "1.1.1-rc.1"],
    );
    let next = repo.relhook(&["version", "--next", "--pre", "rc"]);
    assert_eq!(stdout(&next), "1.1.1-rc.2\n", "{}", text(&next));
    assert!(
        stderr(&next).contains("`relhook release 1.1.1-rc.2`"),
        "{}",
        text(&next)
    );
    let out = repo.relhook(&["release", "--pre", "rc", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("tag v1.1.0-rc.1 already exists; 1.1.0 is released already: `relhook release --no-test 1.1.1-rc.2` takes the first pre-release above it with no tag"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "1.1.1-rc.2", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
