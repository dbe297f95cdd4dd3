//! Found in the session after qa18: lerna's internal requirements.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// lerna's fixed mode: `lerna version` rewrites each package's requirement on another package
/// of the workspace (same operator), so an exact pin never names a version no longer built.
#[test]
fn a_lerna_fixed_mode_release_moves_the_internal_requirements() {
    let repo = Repo::new();
    let pkg = |name: &str, version: &str, deps: &str| {
        format!("{{\n  \"name\": \"@x/{name}\",\n  \"version\": \"{version}\"{deps}\n}}\n")
    };
    let deps = |pin: &str, range: &str| {
        format!(
            ",\n  \"dependencies\": {{\n    \"@x/a\": \"{pin}\",\n    \"left-pad\": \"3.4.5\"\n  }},\n  \"devDependencies\": {{\n    \"@x/c\": \"{range}\"\n  }}"
        )
    };
    repo.write("package.json", "{\n  \"private\": true\n}\n");
    repo.write(
        "lerna.json",
        "{\n  \"version\": \"1.2.3\",\n  \"packages\": [\"packages/*\"]\n}\n",
    );
    repo.write("packages/a/package.json", pkg("a", "1.2.3", ""));
    repo.write(
        "packages/b/package.json",
        pkg("b", "1.2.3", &deps("1.2.3", "^1.2.3")),
    );
    repo.write("packages/c/package.json", pkg("c", "1.2.3", ""));
    // At another version, but requiring packages of the release as they are: lerna bumps it
    // with them (a dependent), its requirements moved.
    repo.write(
        "packages/tool/package.json",
        pkg("tool", "0.0.1", &deps("1.2.3", "~1.2.3")),
    );
    // At another version, requiring published copies the workspace's 1.2.3 does not meet: no
    // part of the fixed release, and its requirements stay too.
    repo.write(
        "packages/old/package.json",
        pkg("old", "0.0.1", &deps("1.0.0", "~1.1.0")),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.2.3", "-m", "v1.2.3"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: more");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read("packages/b/package.json"),
        pkg("b", "1.3.0", &deps("1.3.0", "^1.3.0"))
    );
    assert_eq!(repo.read("packages/a/package.json"), pkg("a", "1.3.0", ""));
    assert_eq!(
        repo.read("packages/tool/package.json"),
        pkg("tool", "1.3.0", &deps("1.3.0", "~1.3.0"))
    );
    assert_eq!(
        repo.read("packages/old/package.json"),
        pkg("old", "0.0.1", &deps("1.0.0", "~1.1.0"))
    );
    // The pins moved, so the old-version search has nothing left to name in b.
    assert!(!stderr(&out).contains("packages/b"), "{}", text(&out));
    assert!(repo.is_clean());
    // A hand tag does the same.
    repo.commit_hooked("fix: again");
    let out = hand_tag(&repo, &["-a", "v1.3.1", "-m", "v1.3.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read("packages/b/package.json"),
        pkg("b", "1.3.1", &deps("1.3.1", "^1.3.1"))
    );
    assert!(repo.is_clean());
}

/// `[release] bump_dependents = false` leaves lerna's internal requirements as they are.
#[test]
fn lerna_requirements_stay_when_dependents_are_not_bumped() {
    let repo = Repo::new();
    repo.write(
        "lerna.json",
        "{\n  \"version\": \"1.0.0\",\n  \"packages\": [\"packages/*\"]\n}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    let b = |v: &str| {
        format!(
            "{{\n  \"name\": \"b\",\n  \"version\": \"{v}\",\n  \"dependencies\": {{ \"a\": \"1.0.0\" }}\n}}\n"
        )
    };
    repo.write("packages/b/package.json", b("1.0.0"));
    repo.write(".relconfig.toml", "[release]\nbump_dependents = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: more");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("packages/b/package.json"), b("1.0.1"));
}

/// Releases pushed at once: pre-push's line names them in version order (git sends refs in
/// text order, v0.10.0 before v0.9.0), and a long run of them as a range with a count.
#[test]
fn pre_push_names_the_releases_in_version_order_and_a_long_run_as_a_range() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\nrequire_tested_tags = false\n".to_owned()
    });
    repo.with_origin();
    let release = |n: u32| {
        repo.commit_hooked(&format!("feat: step {n}"));
        let out = crate::support::dated_release(&repo, &[&format!("0.{n}.0"), "--no-test"]);
        assert!(out.status.success(), "{}", text(&out));
    };
    for n in 9..=11 {
        release(n);
    }
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains(
            "releasing v0.9.0 (no test record required), v0.10.0 (no test record required), v0.11.0 (no test record required)"
        ),
        "{said}"
    );
    for n in 12..=19 {
        release(n);
    }
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("releasing 8 tags, v0.12.0 to v0.19.0 (no test record required)"),
        "{said}"
    );
}

/// A release killed before it moved the branch, whose locks the user then removed (as git
/// advises): `git commit -a` would take the half-written release section into an ordinary
/// commit, leaving a dated section with no release. commit-msg refuses, naming the command
/// that undoes the release, after which the commit goes through without it.
#[test]
fn a_commit_does_not_take_what_a_killed_release_half_wrote() {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    repo.relhook_killed_at("index-staged", &["release", "--no-test"]);
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.0]"));
    for lock in ["index.lock", "refs/heads/main.lock"] {
        let _ = std::fs::remove_file(repo.path().join(".git").join(lock));
    }
    repo.write("one.txt", "2\n");
    let out = repo.git_output(&["commit", "-q", "-a", "-m", "fix: q"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("commit refused") && err.contains("CHANGELOG.md"),
        "{err}"
    );
    let fix = err
        .lines()
        .find_map(|l| l.split_once("fix: run `")?.1.split_once('`'))
        .map(|(cmd, _)| cmd.to_owned())
        .unwrap_or_else(|| panic!("no fix named: {err}"));
    assert_eq!(
        fix, "git reset -q -- :/CHANGELOG.md && relhook changelog --sync",
        "{err}"
    );
    // Staged by hand (`git add -A`) before the fix: it undoes the release all the same.
    repo.git(&["add", "-A"]);
    ok(repo.sh(&fix));
    let out = repo.git_output(&["commit", "-q", "-a", "-m", "fix: q"]);
    assert!(out.status.success(), "{}", text(&out));
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!committed.contains("## [0.1.0]"), "{committed}");
    assert!(committed.contains("- q"), "{committed}");
    assert!(repo.is_clean());
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v0.1.0"));
}

/// A project released as `v1.0` (or `release-1.0`) before relhook: not X.Y.Z, so no release
/// tag to relhook, whose first release would be 0.1.0, below it. Refused, naming both ways on;
/// a first release named explicitly goes ahead.
#[test]
fn a_two_part_version_tag_before_the_first_release_is_not_passed_over() {
    for tag in ["v1.0", "release-1.0"] {
        let repo = Repo::new();
        repo.write("a.txt", "a\n");
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "chore: start"]);
        repo.git(&["tag", "-a", tag, "-m", tag]);
        ok(repo.relhook(&["install"]));
        repo.commit_hooked("feat: more");
        for args in [&["version", "--next"][..], &["release", "--no-test"][..]] {
            let out = repo.relhook(args);
            // The release repeats its `--no-test` in the advice (QA50); `version` has none.
            let err = stderr(&out).replace(" --no-test", "");
            assert!(!out.status.success(), "{tag} {args:?}: {}", text(&out));
            assert!(
                err.contains(&format!("`{tag}`"))
                    && err.contains("`relhook release 1.0.1`")
                    && err.contains("`relhook release 0.1.0`"),
                "{tag} {args:?}: {err}"
            );
        }
        assert_eq!(repo.git(&["tag", "-l", "v0*"]), "", "{tag}");
        let out = repo.relhook(&["doctor"]);
        assert!(
            stderr(&out).contains(tag) || stdout_of(&out).contains(tag),
            "{tag}: {}",
            text(&out)
        );
        // Named, the first release goes ahead.
        let out = crate::support::dated_release(&repo, &["1.0.1", "--no-test"]);
        assert!(out.status.success(), "{tag}: {}", text(&out));
    }
}

/// Tags that end in two numbers but name something else (`ubuntu-22.04`, `py3.8`), or whose
/// name is not ASCII, neither stop a first release nor crash relhook.
#[test]
fn other_two_number_tags_do_not_stop_the_first_release() {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    for tag in ["ubuntu-22.04", "py3.8", "é1.0", "api-v1.0"] {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    let out = repo.relhook(&["version", "--next"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stdout_of(&out).trim(), "0.1.0");
}

fn stdout_of(out: &std::process::Output) -> String {
    crate::support::stdout(out)
}

/// A release tag made with the hooks off, refused by pre-push: the way to make it again names
/// its version (below 1.0.0 a plain `relhook release` of a `feat` is 0.1.1, not 0.2.0).
#[test]
fn pre_push_names_the_version_of_the_tag_it_asks_to_make_again() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\nrequire_tested_tags = false\n".to_owned()
    });
    repo.with_origin();
    ok(crate::support::dated_release(&repo, &["--no-test"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    repo.commit_hooked("feat: x");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("then `relhook release 0.2.0` (or `relhook release` for the version the commits call for)"),
        "{err}"
    );
    ok(repo.git_output(&["tag", "-d", "v0.2.0"]));
    let out = crate::support::dated_release(&repo, &["0.2.0", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v0.2.0"));
}

/// A hand tag's release commit, untested: the hook names the step pre-push would otherwise
/// refuse the first push over, as `relhook release` does.
#[test]
fn a_hand_tag_names_the_test_step_before_the_push() {
    let repo =
        crate::support::configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: v0.1.0 was not tested (a release tagged by hand runs no tests)"),
        "{err}"
    );
    let next = crate::support::next_command(&err);
    assert!(next.starts_with("relhook test"), "{err}");
    ok(repo.sh(&next));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    // Tests not required: nothing to say before the push.
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\nrequire_tested_tags = false\n".to_owned()
    });
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(!stderr(&out).contains("not tested"), "{}", text(&out));
}

/// `[checks] run_tests_on_push = true` with no `[checks] test`: pre-push runs the evident test
/// command (`pytest` for a pyproject.toml), as `relhook test` does, instead of refusing and
/// proposing the very setting that is on.
#[test]
fn run_tests_on_push_runs_the_evident_test_command() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"p\"\nversion = \"0.1.0\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrun_tests_on_push = true\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    // A stand-in pytest that leaves a mark where it ran.
    let bin = repo.scratch("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let mark = repo.scratch("ran").join("mark");
    std::fs::write(
        bin.join("pytest"),
        format!("#!/bin/sh\necho ran > '{}'\n", mark.display()),
    )
    .unwrap();
    crate::support::make_executable(&bin.join("pytest"));
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.with_origin();
    let path = crate::support::path_with(&[&bin]);
    let out = repo.git_in(
        &repo.path(),
        &["push", "-q", "--follow-tags", "origin", "main"],
        &[("PATH", path.to_str().unwrap())],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("(`pytest`, evident from pyproject.toml)"),
        "{err}"
    );
    assert!(mark.exists(), "{err}");
}

/// relhook adopted by a project with history: the commits made before `relhook install` never
/// met its hooks, so the first release and the first push to a new remote do not ask to reword
/// all of history; pre-push says in one line that they were not linted. Commits made after
/// the install are linted as ever.
#[test]
fn commits_from_before_the_install_are_not_linted_and_that_is_said() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "Initial commit"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "Add b"]);
    ok(repo.relhook(&["install"]));
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: c");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("2 commits from before `relhook install` here were not linted"),
        "{err}"
    );
    // After the install, as ever: a commit that dodged commit-msg is refused.
    repo.write("d.txt", "d\n");
    repo.git(&["add", "."]);
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "Add d"]));
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("Add d"), "{}", text(&out));
    // Uninstalled and installed again, the first install's note stands: what was committed
    // in between is checked.
    let note = repo.read(".git/relhook-adopted");
    ok(repo.relhook(&["uninstall"]));
    ok(repo.relhook(&["install"]));
    assert_eq!(repo.read(".git/relhook-adopted"), note);
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    // An install over relhook's hooks (one made before the note existed) notes nothing.
    std::fs::remove_file(repo.path().join(".git/relhook-adopted")).unwrap();
    ok(repo.relhook(&["install"]));
    assert!(!repo.path().join(".git/relhook-adopted").exists());
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
}

/// An index.lock a crashed git left: waiting never helps, so relhook says the lock may be
/// stale and how to remove it, instead of "try again in a moment".
#[test]
fn a_stale_index_lock_is_named_as_possibly_left_by_a_crashed_git() {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    let lock = repo.path().join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    // Made a minute ago: no live git holds an index lock that long.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&lock)
        .unwrap()
        .set_modified(old)
        .unwrap();
    for out in [
        crate::support::dated_release(&repo, &["--no-test"]),
        hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]),
    ] {
        let err = stderr(&out);
        assert!(!out.status.success(), "{err}");
        assert!(
            err.contains(
                "if no git command is running, a git that crashed left it: remove it (`rm "
            ) && err.contains(".git/index.lock`)"),
            "{err}"
        );
        assert!(!err.contains("try again in a moment"), "{err}");
    }
}

/// A release killed after its release commit, before its index was in place, whose lock the
/// user then removed: commit-msg says it was a release and names the command that finishes
/// it (the tag too), not an amend's; and `changelog --sync` does not call it finished.
#[test]
fn a_release_killed_after_its_commit_is_named_a_release_with_its_resume() {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    repo.relhook_killed_at("refs-moved", &["release", "--no-test"]);
    let _ = std::fs::remove_file(repo.path().join(".git/index.lock"));
    // Every resume named repeats the run's `--no-test` (QA51).
    repo.write("one.txt", "2\n");
    repo.git(&["add", "one.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: q"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("a relhook release killed after its release commit"),
        "{err}"
    );
    assert!(
        err.contains("fix: run `relhook release --resume --allow-dirty --no-test`"),
        "{err}"
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    let err = stderr(&out);
    assert!(
        err.contains("`relhook release --resume --no-test` makes its tag"),
        "{err}"
    );
    // The change the user staged stays theirs: the resume takes it along only as asked.
    let out = repo.relhook(&["release", "--resume", "--no-test", "--allow-dirty"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v0.1.0"));
    assert_eq!(repo.git(&["diff", "--cached", "--name-only"]), "one.txt");
    assert_eq!(repo.git(&["show", "v0.1.0:one.txt"]), "1");
    ok(repo.git_output(&["commit", "-q", "-m", "fix: q"]));
}

/// A release below what the commits call for (a breaking change released as a patch) is
/// made as asked, and said in one line naming the commit and the version they call for.
#[test]
fn a_release_below_what_the_commits_call_for_is_said() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\nrequire_tested_tags = false\n".to_owned()
    });
    ok(crate::support::dated_release(
        &repo,
        &["1.0.0", "--no-test"],
    ));
    repo.commit_hooked("feat!: drop the old API");
    let warning = "the commits since v1.0.0 call for 2.0.0 (`feat!: drop the old API` is a breaking change); releasing 1.0.1 as asked";
    let out = crate::support::dated_release(&repo, &["patch", "--dry-run", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(warning), "{}", text(&out));
    let out = crate::support::dated_release(&repo, &["patch", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(warning), "{}", text(&out));
    // As the commits call for it, nothing to say.
    repo.commit_hooked("feat: more");
    let out = crate::support::dated_release(&repo, &["minor", "--no-test"]);
    assert!(!stderr(&out).contains("call for"), "{}", text(&out));
    // A hand tag below says it too.
    repo.commit_hooked("feat!: again");
    let out = hand_tag(&repo, &["-a", "v1.1.1", "-m", "v1.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("the commits since v1.1.0 call for 2.0.0 (`feat!: again` is a breaking change); releasing 1.1.1 as asked"),
        "{}",
        text(&out)
    );
}

/// lerna's fixed mode: `lerna version` bumps every package changed since the last release to
/// the new version, whatever version it said (a package unchanged for a few releases is left
/// behind at an older one). A changed package at an older version is the release's too.
#[test]
fn a_lerna_package_changed_since_the_last_release_is_bumped_from_an_older_version() {
    let repo = Repo::new();
    let pkg =
        |name: &str, v: &str| format!("{{ \"name\": \"@s/{name}\", \"version\": \"{v}\" }}\n");
    repo.write(
        "lerna.json",
        "{ \"version\": \"1.0.0\", \"packages\": [\"packages/*\"] }\n",
    );
    repo.write(
        "package.json",
        "{ \"name\": \"root\", \"private\": true }\n",
    );
    repo.write("packages/a/package.json", pkg("a", "1.0.0"));
    repo.write("packages/b/package.json", pkg("b", "0.9.0"));
    repo.write("packages/c/package.json", pkg("c", "0.8.0"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]));
    ok(repo.relhook(&["install"]));
    repo.write("packages/b/index.js", "x\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(b): repair b");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("packages/b/package.json"), pkg("b", "1.0.1"));
    assert_eq!(repo.read("packages/a/package.json"), pkg("a", "1.0.1"));
    // Unchanged since the release, at an older version: left, as lerna leaves it.
    assert_eq!(repo.read("packages/c/package.json"), pkg("c", "0.8.0"));
    assert!(repo.is_clean());
    // A hand tag does the same (its own tag, on HEAD already, is not the last release).
    repo.write("packages/c/index.js", "x\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(c): repair c");
    let out = hand_tag(&repo, &["-a", "v1.0.2", "-m", "v1.0.2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("packages/c/package.json"), pkg("c", "1.0.2"));
    assert!(repo.is_clean());
}

/// A stable release carries its pre-releases' entries, not the text written around them (a
/// migration note): that is said in one line, before the release is made, naming what stays.
#[test]
fn a_stable_release_names_the_pre_release_text_it_does_not_carry() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[checks]\nrequire_tested_tags = false\n".to_owned()
    });
    ok(crate::support::dated_release(
        &repo,
        &["1.0.0", "--no-test"],
    ));
    repo.commit_hooked("feat!: new config format");
    ok(crate::support::dated_release(
        &repo,
        &["--pre", "rc", "--no-test"],
    ));
    let text_now = repo.read("CHANGELOG.md");
    let at = text_now.find("## [2.0.0-rc.1]").unwrap();
    let eol = at + text_now[at..].find('\n').unwrap() + 1;
    let with = format!(
        "{}\nThis release candidate changes the configuration format.\n\n### Migration\n\nRun `tool migrate` before upgrading.\n{}",
        &text_now[..eol],
        &text_now[eol..]
    );
    repo.write("CHANGELOG.md", with);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked("docs: explain the migration");
    repo.commit_hooked("fix: c");
    let note = "2.0.0 carries its pre-releases' entries, not their other text: 2.0.0-rc.1's \"This release candidate changes the configuration format.\", `### Migration`";
    let out = crate::support::dated_release(&repo, &["--dry-run", "--no-test"]);
    assert!(stderr(&out).contains(note), "{}", text(&out));
    // Tagged by hand, the same is said once the release commit is made.
    let out = hand_tag(&repo, &["-a", "v2.0.0", "-m", "v2.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(note), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [2.0.0]"));
}

/// A second release while the first is still untested and unpushed: the push sends both tags,
/// so the step before it tests both, not only the new one.
#[test]
fn the_next_step_tests_every_unpushed_untested_release_the_push_sends() {
    let repo =
        crate::support::configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".to_owned());
    ok(crate::support::dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("fix: two");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let next = crate::support::next_command(&err);
    assert!(
        next.contains("relhook test --tag v0.1.0") && next.contains("relhook test"),
        "{err}"
    );
    ok(repo.sh(&next));
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// pnpm's workspace protocol with a range moves as that range does (`workspace:^1.0.0` is
/// published as `^1.0.0`); `workspace:*` follows the workspace by itself.
#[test]
fn lerna_workspace_protocol_requirements_move_with_the_release() {
    let repo = Repo::new();
    repo.write(
        "lerna.json",
        "{\n  \"version\": \"1.0.0\",\n  \"npmClient\": \"pnpm\"\n}\n",
    );
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"libs/*\"\n");
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"private\": true\n}\n",
    );
    repo.write(
        "libs/a/package.json",
        "{\n  \"name\": \"@s/a\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    let b = |v: &str, range: &str, pin: &str| {
        format!(
            "{{\n  \"name\": \"@s/b\",\n  \"version\": \"{v}\",\n  \"dependencies\": {{\"@s/a\": \"{range}\"}},\n  \"devDependencies\": {{\"@s/a\": \"{pin}\"}}\n}}\n"
        )
    };
    repo.write(
        "libs/b/package.json",
        b("1.0.0", "workspace:^1.0.0", "workspace:*"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat(a)!: y");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read("libs/b/package.json"),
        b("2.0.0", "workspace:^2.0.0", "workspace:*")
    );
}

/// Release tags made before `relhook install`, on commits from before it, are history relhook
/// never judged: the first push to a new remote sends them with a one-line note, not dozens of
/// refusals whose fix would delete them. A tag made since, even on an old commit, is judged.
#[test]
fn release_tags_from_before_the_install_go_with_a_note() {
    let repo = Repo::new();
    for n in 1..=3 {
        repo.write("a.txt", format!("{n}\n"));
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", &format!("Change {n}")]);
        repo.git(&["tag", "-a", &format!("v0.{n}.0"), "-m", "release"]);
    }
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("3 release tags from before `relhook install` here were not judged"),
        "{err}"
    );
    // Made now (a tagger date after the install), on an old commit: judged as ever.
    let later = format!(
        "{} +0000",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 3600
    );
    let out = repo.git_in(
        &repo.path(),
        &["tag", "-a", "v0.2.1", "HEAD~1", "-m", "late"],
        &[
            ("GIT_COMMITTER_DATE", later.as_str()),
            ("RELHOOK_SKIP", "1"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "-q", "origin", "v0.2.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("v0.2.1"), "{}", text(&out));
}
