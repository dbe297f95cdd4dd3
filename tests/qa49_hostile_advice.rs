//! QA49: advice that could not work when followed, each case said at its test.

use crate::support::{Repo, ok, stderr, text};

/// relhook installed with a test command, `fix: b` pushed to `origin` past the hooks, and
/// `tag` made past them on it.
fn tagged_past_the_hooks(tag: &str) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.commit("fix: b");
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "main"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", tag, "-m", "typo'd release"]));
    repo
}

/// pre-push advised making a tag whose name is no release name (`v1.2.3.4`) again under that
/// name on a commit that passes, and a test record for it: neither makes it pass.
#[test]
fn a_tag_of_no_release_name_is_advised_a_new_name_and_no_test_record() {
    let repo = tagged_past_the_hooks("v1.2.3.4");
    let out = repo.git_output(&["push", "origin", "v1.2.3.4"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("refused: 1 problem"), "{err}");
    assert!(
        err.contains(
            "fix: origin does not have it yet, and no tag of that name passes: delete it (`git tag -d v1.2.3.4`) and make a release tag named `v` + a SemVer version: `relhook release`, or a hand tag of such a name (e.g. `git tag -a v1.2.3 -m v1.2.3`) on a commit that passes, and push again"
        ),
        "{err}"
    );
    assert!(!err.contains("git tag -a v1.2.3.4"), "{err}");
    assert!(!err.contains("relhook test"), "{err}");
    assert!(!err.contains("untested"), "{err}");
    // A test record changes nothing: it is not asked for.
    ok(repo.relhook(&["test", "--tag", "v1.2.3.4"]));
    let err = stderr(&repo.git_output(&["push", "origin", "v1.2.3.4"]));
    assert!(err.contains("refused: 1 problem"), "{err}");
    // The advice, followed, is pushed.
    ok(repo.sh("git tag -d v1.2.3.4 && relhook release"));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// A dangling .relconfig.toml link was advised `mkdir -p` of the work tree, and the commit
/// hook gave no way past it, while `relhook release`, `relhook test` and pre-push were given
/// the commit hook's way past a configuration error.
#[cfg(unix)]
#[test]
fn a_dangling_config_link_is_not_advised_a_folder_and_only_hooks_name_their_bypass() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    repo.commit("chore: start");
    std::os::unix::fs::symlink(
        "/nonexistent/relconfig.toml",
        repo.path().join(".relconfig.toml"),
    )
    .unwrap();
    let link = "it is a symbolic link to `/nonexistent/relconfig.toml`, a file that does not exist";
    let out = repo.try_commit("fix: y");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(link), "{err}");
    assert!(!err.contains("mkdir"), "{err}");
    assert!(
        err.contains(
            "hint: until it is fixed, `git commit --no-verify ...` or `RELHOOK_SKIP=1 git commit ...` commits without relhook"
        ),
        "{err}"
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(link), "{err}");
    assert!(!err.contains("hint:"), "{err}");
    // A configuration error of another kind: each hook names its own way past it, a
    // command none.
    std::fs::remove_file(repo.path().join(".relconfig.toml")).unwrap();
    repo.write(".relconfig.toml", "[commit]\nbogus = 1\n");
    let fix = "hint: fix that line (the keys and their defaults: `relhook init` in an empty folder writes a commented .relconfig.toml with every one)";
    for args in [&["release"][..], &["test"], &["changelog", "--sync"]] {
        let err = stderr(&repo.relhook(args));
        assert!(err.contains(&format!("{fix}\n")), "{args:?}: {err}");
        assert!(!err.contains("no-verify"), "{args:?}: {err}");
    }
    let err = stderr(&repo.try_commit("fix: z"));
    assert!(
        err.contains(&format!("{fix}; until then `git commit --no-verify ...` or `RELHOOK_SKIP=1 git commit ...` commits without relhook")),
        "{err}"
    );
    let out = repo.git_output(&["push", "origin", "main"]);
    let err = stderr(&out);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!("{fix}; until then the same `git push` again with `--no-verify`, or with `RELHOOK_SKIP=1 ` in front, pushes without relhook")),
        "{err}"
    );
    assert!(!err.contains("git commit"), "{err}");
}

/// `changelog.path = ".git/"` was advised `.git`, and then `.git` again as its example; an
/// empty path was said as two backticks.
#[test]
fn a_changelog_in_the_git_dir_is_said_so_with_a_work_tree_example() {
    let repo = Repo::new();
    let said = |path: &str| {
        repo.write(
            ".relconfig.toml",
            format!("[changelog]\npath = \"{path}\"\n"),
        );
        stderr(&repo.relhook(&["changelog"]))
    };
    let err = said(".git/");
    assert!(
        err.contains(
            ":2:8: `changelog.path`: `.git/` is inside the git directory, which git never commits; name a path in the work tree (e.g. `CHANGELOG.md`)"
        ),
        "{err}"
    );
    assert!(!err.contains("write `.git`"), "{err}");
    let err = said(".git/config");
    assert!(err.contains("(e.g. `config`)"), "{err}");
    let err = said("");
    assert!(
        err.contains(":2:8: `changelog.path` is empty; name a relative path inside the repository"),
        "{err}"
    );
}

/// A package's changelog through a symbolic link out of the repository was said at the
/// package's `path` line, naming that link as the folder.
#[cfg(unix)]
#[test]
fn a_package_changelog_out_of_the_repository_is_said_at_its_own_line() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    let outside = repo.scratch("outside");
    std::os::unix::fs::symlink(&outside, repo.path().join("lnk")).unwrap();
    repo.write("p/package.json", "{\"name\":\"p\",\"version\":\"0.1.0\"}\n");
    repo.write(
        ".relconfig.toml",
        "[packages.web]\npath = \"p\"\nchangelog = \"lnk/CHANGELOG.md\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat(p): thing"]);
    let out = repo.relhook(&["changelog", "--sync"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            ".relconfig.toml:3:13: package `web`: `lnk/CHANGELOG.md` cannot be used: its folder resolves to"
        ),
        "{err}"
    );
    assert!(!err.contains(":2:8:"), "{err}");
    assert!(!err.contains("`lnk` cannot"), "{err}");
}
