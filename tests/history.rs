//! Versions, changelog and notes on histories shaped like real ones (issue 12): pre-release
//! lines, odd scopes, breaking notes outside the last paragraph, empty releases, linked
//! headings, stable releases after pre-releases, shallow clones, unprefixed tags, git's own
//! reverts and the small things that used to go wrong.

use crate::support::{Repo, SKELETON, stderr, stdout, text};

/// A repository with a changelog and a Cargo.toml at `version`, tagged `tag` if given.
fn project(version: &str, tag: Option<&str>) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        "Cargo.toml",
        format!("[package]\nname = \"app\"\nversion = \"{version}\"\nedition = \"2021\"\n"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    if let Some(t) = tag {
        repo.git(&["tag", "-a", t, "-m", t]);
    }
    repo
}

fn tag(repo: &Repo, name: &str) {
    repo.git(&["tag", "-a", name, "-m", name]);
}

fn ok(repo: &Repo, args: &[&str]) -> String {
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
    stdout(&out)
}

fn next(repo: &Repo, extra: &[&str]) -> String {
    let mut args = vec!["version", "--next"];
    args.extend_from_slice(extra);
    ok(repo, &args).trim().to_owned()
}

fn release(repo: &Repo, args: &[&str]) -> std::process::Output {
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args);
    cmd.output().unwrap()
}

#[test]
fn a_pre_release_never_caps_the_next_bump() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("fix: a");
    tag(&repo, "v1.0.1-rc.1");
    repo.commit("feat!: b");
    assert_eq!(next(&repo, &[]), "2.0.0");
    assert_eq!(next(&repo, &["--pre", "rc"]), "2.0.0-rc.1");
    let explain = ok(&repo, &["version", "--next", "--explain"]);
    assert!(explain.contains("call for a major release"), "{explain}");
    assert!(explain.contains("next: 2.0.0"), "{explain}");
    let dry = release(&repo, &["--pre", "rc", "--dry-run"]);
    assert!(
        stdout(&dry).contains("release v2.0.0-rc.1"),
        "{}",
        text(&dry)
    );
}

#[test]
fn a_pre_release_line_continues_until_a_bigger_change_arrives() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("feat: a");
    tag(&repo, "v1.1.0-rc.1");
    repo.commit("fix: b");
    assert_eq!(next(&repo, &["--pre", "rc"]), "1.1.0-rc.2");
    assert_eq!(next(&repo, &[]), "1.1.0");
    repo.commit("feat(api)!: c");
    assert_eq!(next(&repo, &["--pre", "rc"]), "2.0.0-rc.1");
}

#[test]
fn the_first_pre_release_number_is_configurable() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.write(".relconfig.toml", "[version]\npre_release_start = 0\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: x"]);
    assert_eq!(next(&repo, &["--pre", "rc"]), "1.1.0-rc.0");
    tag(&repo, "v1.1.0-rc.0");
    repo.commit("fix: y");
    assert_eq!(next(&repo, &["--pre", "rc"]), "1.1.0-rc.1");
}

#[test]
fn scopes_with_spaces_and_commas_are_understood() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("docs(GitHub Actions): explain the workflow");
    repo.commit("feat(changelog, config)!: one file for both");
    let check = repo.relhook(&["check", "v1.0.0..HEAD"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert_eq!(next(&repo, &[]), "2.0.0");
    ok(&repo, &["changelog", "--sync"]);
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- **BREAKING** **changelog, config:** one file for both"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    for bad in ["feat(a,,b): x", "feat(): x", "feat( ): x"] {
        let out = repo.relhook(&["lint", "--message", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}: {}", text(&out));
    }
}

#[test]
fn commits_that_are_not_understood_are_named_not_silently_counted() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("fix: a");
    repo.commit("Update the thing");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out).trim(), "1.0.1");
    let err = stderr(&out);
    assert!(
        err.contains("1 commit since v1.0.0 is not a Conventional Commit"),
        "{err}"
    );
    assert!(err.contains("Update the thing"), "{err}");
    let json = ok(&repo, &["version", "--format", "json"]);
    assert!(json.contains("\"understood\": false"), "{json}");
    assert!(json.contains("\"stable_tag\": \"v1.0.0\""), "{json}");
}

#[test]
fn lint_version_and_changelog_agree_on_what_is_breaking() {
    let repo = project("1.0.0", Some("v1.0.0"));
    // A note outside the last paragraph: breaking for all three, its text kept.
    let noted = "feat(core): new options\n\nBREAKING CHANGE: `old` is gone.\n\nUse `new` instead.\n\nclose #12";
    repo.commit(noted);
    let check = repo.relhook(&["check", "v1.0.0..HEAD"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(!text(&check).contains("breaking"), "{}", text(&check));
    assert_eq!(next(&repo, &[]), "2.0.0");
    ok(&repo, &["changelog", "--sync"]);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- **BREAKING** **core:** new options (#12)\n  > `old` is gone.\n  >\n  > Use `new` instead.\n"), "{log}");

    // Indented, it is body text for all three: lint warns, version and changelog agree.
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("feat: x\n\nbody\n  BREAKING CHANGE: indented");
    let check = repo.relhook(&["check", "v1.0.0..HEAD"]);
    assert!(
        text(&check).contains("breaking-change-format"),
        "{}",
        text(&check)
    );
    assert_eq!(next(&repo, &[]), "1.1.0");
    ok(&repo, &["changelog", "--sync"]);
    assert!(!repo.read("CHANGELOG.md").contains("BREAKING"));
}

#[test]
fn nothing_to_release_is_refused_with_what_would_make_one() {
    let repo = project("1.0.0", Some("v1.0.0"));
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("nothing to release: no commits since v1.0.0"),
        "{}",
        text(&out)
    );
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(repo.git(&["tag"]).lines().count() == 1);

    repo.commit("docs: a");
    repo.commit("chore: b");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("maps to a changelog section"),
        "{}",
        text(&out)
    );
    assert!(
        text(&out).contains("write what it changes under `## [Unreleased]`")
            && text(&out).contains("relhook release patch"),
        "{}",
        text(&out)
    );
    // Named explicitly, it is still refused while its notes would be empty...
    let out = release(&repo, &["patch", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing for the changelog") && stderr(&out).contains("empty"),
        "{}",
        text(&out)
    );
    // ... and a release once what it changes is written by hand.
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Changed\n\n- the docs\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: what 1.0.1 changes"]);
    let out = release(&repo, &["patch", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).contains("release v1.0.1"), "{}", text(&out));
}

#[test]
fn notes_read_linked_headings_and_fall_back_to_history() {
    let repo = project("2.13.0", None);
    let log = "# Changelog\n\n## [Unreleased]\n\n## [2.13.0](https://github.com/o/r/compare/v2.12.0...v2.13.0) - 2024-03-01\n\n### Added\n\n- linked feature\n";
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "chore(release): 2.13.0"]);
    tag(&repo, "v2.13.0");
    assert_eq!(
        ok(&repo, &["notes", "v2.13.0"]),
        "### Added\n\n- linked feature\n"
    );
    repo.commit("feat: later feature");
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(
        repo.read("CHANGELOG.md").contains(
            "## [2.13.0](https://github.com/o/r/compare/v2.12.0...v2.13.0) - 2024-03-01\n"
        )
    );
    repo.git(&["checkout", "-q", "--", "CHANGELOG.md"]);
    tag(&repo, "v2.14.0");
    let out = repo.relhook(&["notes", "v2.14.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), "### Added\n\n- later feature\n");
    assert!(
        stderr(&out).contains(
            "no section for 2.14.0; these notes are built from the commits since v2.13.0"
        ),
        "{}",
        text(&out)
    );
}

#[test]
fn a_stable_release_carries_what_its_pre_releases_shipped() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("feat: the feature");
    let out = release(&repo, &["--pre", "rc"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit("fix: a late fix");
    let out = release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--tags"]), "v1.1.0");
    let notes = ok(&repo, &["notes", "v1.1.0"]);
    assert_eq!(
        notes,
        "### Added\n\n- the feature\n\n### Fixed\n\n- a late fix\n"
    );
    assert_eq!(
        ok(&repo, &["notes", "v1.1.0-rc.1"]),
        "### Added\n\n- the feature\n"
    );
    // A rebuild from history says the same.
    let rebuilt = ok(&repo, &["changelog", "--rebuild", "--stdout"]);
    let stable = rebuilt.split("## [1.1.0] - ").nth(1).unwrap();
    let stable = stable.split("## [1.1.0-rc.1]").next().unwrap();
    assert!(
        stable.contains("- the feature") && stable.contains("- a late fix"),
        "{rebuilt}"
    );
}

#[test]
fn multi_paragraph_breaking_text_is_a_nested_block() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("refactor(api)!: adjust\n\nBREAKING CHANGE: adjustments:\n\n- `a` is gone\n- `b` is renamed\n\n```ts\nuse(b)\n```\n\nSigned-off-by: A <a@b.c>");
    ok(&repo, &["changelog", "--sync"]);
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("### Changed\n\n- **BREAKING** **api:** adjust\n  > adjustments:\n  >\n  > - `a` is gone\n  > - `b` is renamed\n  >\n  > ```ts\n  > use(b)\n  > ```\n"), "{log}");
    assert!(!log.contains("Signed-off-by"));
    // The entry reads back as one entry: a second sync adds nothing.
    ok(&repo, &["changelog", "--sync"]);
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

#[test]
fn shallow_clones_and_unprefixed_tags_are_named_not_guessed() {
    let upstream = project("1.0.0", Some("v1.0.0"));
    for i in 0..6 {
        upstream.commit(&format!("fix: f{i}"));
    }
    tag(&upstream, "v1.0.1");
    upstream.commit("feat: later");
    let url = format!("file://{}", upstream.path().display());
    for depth_args in [&["--depth", "1", "--no-tags"][..], &["--depth", "3"]] {
        let repo = Repo::new();
        std::fs::remove_dir_all(repo.path()).unwrap();
        let mut args = vec!["clone", "-q"];
        args.extend_from_slice(depth_args);
        args.extend([url.as_str(), "repo"]);
        let out = repo
            .command_in("git", repo.dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(
            stderr(&out).contains("git fetch --tags --unshallow"),
            "{}",
            text(&out)
        );
        if depth_args.contains(&"--no-tags") {
            let out = repo.relhook(&["version", "--next"]);
            assert_eq!(out.status.code(), Some(2), "{}", text(&out));
            assert!(
                stderr(&out).contains("git fetch --tags --unshallow"),
                "{}",
                text(&out)
            );
        } else {
            // The depth-3 clone reaches v1.0.1: the answer is known.
            assert_eq!(next(&repo, &[]), "1.1.0");
        }
    }

    let repo = project("1.4.0", Some("1.4.0"));
    repo.commit("fix: x");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("set `tag_prefix = \"\"`"),
        "{}",
        text(&out)
    );
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"\"\n");
    assert_eq!(next(&repo, &[]), "1.4.1");
}

#[test]
fn comment_openers_and_carriage_returns_never_break_the_file() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("fix: keep `<!--` in titles");
    repo.commit("fix: a\rb");
    repo.commit("fix: last");
    ok(&repo, &["changelog", "--sync"]);
    let once = repo.read("CHANGELOG.md");
    ok(&repo, &["changelog", "--sync"]);
    assert_eq!(
        repo.read("CHANGELOG.md"),
        once,
        "a second sync adds nothing"
    );
    assert!(
        once.contains("- keep `<\\!--` in titles\n- a b\n- last\n"),
        "{once:?}"
    );
    assert!(!once.contains('\r'));
}

#[test]
fn explain_says_when_it_leaves_commits_out() {
    let repo = project("1.0.0", Some("v1.0.0"));
    for i in 0..23 {
        repo.commit(&format!("fix: f{i}"));
    }
    let out = ok(&repo, &["version", "--next", "--explain"]);
    assert!(out.contains("… and 3 more"), "{out}");
}

#[test]
fn the_current_version_of_a_tag_at_u64_max_is_printed() {
    let max = format!("1.0.{}", u64::MAX);
    let repo = project("1.0.0", Some(&format!("v{max}")));
    assert_eq!(ok(&repo, &["version"]).trim(), max);
    repo.commit("fix: x");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("overflow"), "{}", text(&out));
}

#[test]
fn git_reverts_of_released_changes_get_an_entry_and_of_unreleased_ones_remove_theirs() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("feat(api): add search");
    tag(&repo, "v1.1.0");
    repo.git(&["revert", "--no-edit", "HEAD"]);
    assert_eq!(next(&repo, &[]), "1.1.1");
    ok(&repo, &["changelog", "--sync"]);
    assert!(
        repo.read("CHANGELOG.md")
            .contains("### Removed\n\n- **api:** revert \"add search\"\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );
    repo.git(&["commit", "-q", "-am", "chore: sync the changelog"]);

    // Unreleased: the entry goes, and the pair counts for nothing.
    repo.commit("fix: b");
    ok(&repo, &["changelog", "--sync"]);
    assert!(repo.read("CHANGELOG.md").contains("- b\n"));
    repo.git(&["commit", "-q", "-am", "chore: sync the changelog"]);
    repo.git(&["revert", "--no-edit", "HEAD~1"]);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("removed `- b` from Fixed"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    assert!(
        !log.contains("- b\n") && !log.contains("revert \"b\""),
        "{log}"
    );
    assert!(log.contains("revert \"add search\""), "{log}");
    repo.git(&["commit", "-q", "-am", "chore: sync the changelog"]);
    assert_eq!(next(&repo, &[]), "1.1.1");
    let rebuilt = ok(&repo, &["changelog", "--rebuild", "--stdout"]);
    assert!(
        !rebuilt.contains("- b\n") && !rebuilt.contains("revert \"b\""),
        "{rebuilt}"
    );

    // A feature and its revert, and nothing else, are nothing to release.
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("feat: x");
    repo.git(&["revert", "--no-edit", "HEAD"]);
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("nothing to release"), "{}", text(&out));
}

#[test]
fn a_commit_in_another_encoding_gets_the_hooks_verdict_and_a_readable_entry() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.write("msg.txt", b"fix: caf\xe9 cr\xe8me\n".as_slice());
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&[
        "-c",
        "i18n.commitEncoding=ISO-8859-1",
        "commit",
        "-q",
        "--no-verify",
        "-F",
        "msg.txt",
    ]);
    // The hook sees the bytes as typed: with no `i18n.commitEncoding` in the repository's
    // configuration they are not UTF-8, and refused; the stored commit declares its encoding
    // (`encoding ISO-8859-1`), so check reads it in that (tests/qa22_small.rs has the hook
    // in a repository configured so).
    let hook = repo.relhook(&["lint", "msg.txt"]);
    assert_eq!(hook.status.code(), Some(1), "{}", text(&hook));
    let check = repo.relhook(&["check", "v1.0.0..HEAD"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    // History is read in its declared encoding: the entry is not garbled.
    ok(&repo, &["changelog", "--sync"]);
    assert!(
        repo.read("CHANGELOG.md").contains("- café crème\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}

#[test]
fn a_breaking_note_with_only_whitespace_is_refused() {
    let repo = project("1.0.0", None);
    for msg in [
        "feat: x\n\nBREAKING CHANGE:   ",
        "feat: x\n\nBREAKING-CHANGE:\t\n\nRefs #1",
    ] {
        let out = repo.relhook(&["lint", "--message", msg]);
        assert_eq!(out.status.code(), Some(1), "{msg:?}: {}", text(&out));
        assert!(
            text(&out).contains("needs a description of what breaks"),
            "{}",
            text(&out)
        );
    }
}

/// A one-parent commit whose header `commit.ignore` waves through (`Merge branch …`, as a
/// conflicted merge finished by hand can leave) is not reported as a commit relhook could not
/// read, and decides nothing: lint, version and changelog agree that it is not a change.
#[test]
fn commits_lint_ignores_are_neither_counted_nor_reported_by_version() {
    let repo = project("1.0.0", Some("v1.0.0"));
    repo.commit("Merge branch 'main' into topic");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "nothing to release: {}",
        text(&out)
    );
    repo.commit("fix: a real change");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&out).trim(), "1.0.1", "{}", text(&out));
    assert!(
        !stderr(&out).contains("not a Conventional Commit"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_release_tagged_on_a_clock_running_years_ahead_is_still_the_current_one() {
    // v1.1.0 was made on a machine whose clock ran to 2090; everything after it is dated
    // before it. Reachability must not rest on dates: the current version is 1.1.0.
    let repo = project("1.0.0", Some("v1.0.0"));
    let future = [
        ("GIT_COMMITTER_DATE", "2090-01-01T00:00:00Z"),
        ("GIT_AUTHOR_DATE", "2090-01-01T00:00:00Z"),
    ];
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git_env(
        &["commit", "-q", "--no-verify", "-m", "feat: from the future"],
        &future,
    );
    repo.git_env(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"], &future);
    repo.commit("fix: back in the present");
    repo.commit("fix: and again");
    assert_eq!(ok(&repo, &["version"]).trim(), "1.1.0");
    assert_eq!(next(&repo, &[]), "1.1.1");
}

/// `version --explain` at a release with nothing since answers with the current version and
/// why there is no next one; `--next` still refuses, as `relhook release` does.
#[test]
fn explain_at_a_release_with_nothing_since_answers_and_next_refuses() {
    let repo = project("1.2.0", Some("v1.2.0"));
    let explain = ok(&repo, &["version", "--explain"]);
    assert_eq!(
        explain,
        "1.2.0\ncurrent: 1.2.0 (from release tag v1.2.0)\nnext: none yet: no commits since v1.2.0; a `feat:` or `fix:` commit (anything with a changelog entry) makes one\n"
    );
    let out = repo.relhook(&["version", "--next", "--explain"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing to release: no commits since v1.2.0"),
        "{}",
        text(&out)
    );
    // Once there is something, --explain explains the next version again.
    repo.commit("fix: a bug");
    let explain = ok(&repo, &["version", "--explain"]);
    assert!(explain.starts_with("1.2.0\ncurrent: 1.2.0"), "{explain}");
    assert!(!explain.contains("none yet"), "{explain}");
}
