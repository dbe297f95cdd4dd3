//! Found by the seventh QA pass: local changes hidden from `git status` by an index flag
//! (`git update-index --skip-worktree` or `--assume-unchanged`, a common way to keep a local
//! override out of commits) in a file a release reads and writes. The release read the work
//! tree's file and committed them. Now `relhook release`, its dry run and a hand tag refuse,
//! naming the file and the flag to clear; a flagged file that matches the index is no change.

use crate::support::{
    Repo, dated_release, hand_tag as tag, hand_tag_refused, installed_repo, ok, stderr, stdout,
    text,
};

const PACKAGE_JSON: &str = "{\n  \"name\": \"app\",\n  \"version\": \"0.1.0\",\n  \"dependencies\": {\"lib\": \"^1.0.0\"}\n}\n";

/// A repository released as 0.1.0 with package.json, and a fix since (an entry in Unreleased).
fn released_package() -> Repo {
    let repo = installed_repo();
    repo.write("package.json", PACKAGE_JSON);
    repo.git(&["add", "package.json"]);
    repo.commit_hooked("chore: the package");
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: a bug");
    repo
}

/// `relhook release --dry-run` and `relhook release` both refuse with `fix`, writing nothing.
fn releases_refused(repo: &Repo, fix: &str) {
    let head = repo.git(&["rev-parse", "HEAD"]);
    for args in [
        vec!["0.1.1", "--no-test", "--dry-run"],
        vec!["0.1.1", "--no-test"],
    ] {
        let out = dated_release(repo, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains(fix), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert_eq!(repo.git(&["tag", "-l", "v0.1.1"]), "", "no tag");
}

/// QA7 #1: a local-only dependency in a skip-worktree package.json went into
/// `chore(release): 0.1.1`. Now the hand tag (before git makes it), the release and its dry
/// run refuse, naming the file and the command; doctor names it; following the fix releases.
#[test]
fn a_skip_worktree_manifest_with_local_changes_is_refused_before_the_release() {
    let repo = released_package();
    repo.git(&["update-index", "--skip-worktree", "package.json"]);
    repo.write(
        "package.json",
        PACKAGE_JSON.replace("^1.0.0", "file:../my-local-lib"),
    );
    assert_eq!(repo.git(&["status", "--short"]), "", "git status is clean");
    let what = "package.json has local changes hidden from git status (`git update-index --skip-worktree`)";
    let fix = "`git update-index --no-skip-worktree package.json` and commit or drop them";
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(err.contains(what) && err.contains(fix), "{err}");
    assert!(err.contains("then tag again"), "{err}");
    releases_refused(&repo, fix);
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains(what) && stdout(&out).contains(fix),
        "{}",
        text(&out)
    );
    // The fix: the flag cleared, the local change dropped; then the release goes ahead.
    repo.git(&["update-index", "--no-skip-worktree", "package.json"]);
    repo.git(&["checkout", "--", "package.json"]);
    ok(tag(&repo, &["-a", "v0.1.1", "-m", "second"]));
    let released = repo.git(&["show", "v0.1.1:package.json"]);
    assert!(
        released.contains("\"^1.0.0\"") && released.contains("\"version\": \"0.1.1\""),
        "{released}"
    );
}

/// The same for an assume-unchanged CHANGELOG.md with a line added by hand: it went into the
/// release commit and the tag's notes.
#[test]
fn an_assume_unchanged_changelog_with_a_hidden_line_is_refused() {
    let repo = released_package();
    repo.git(&["update-index", "--assume-unchanged", "CHANGELOG.md"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- a bug\n", "- a bug\n- extra local line\n"),
    );
    assert_eq!(repo.git(&["status", "--short"]), "", "git status is clean");
    let fix = "`git update-index --no-assume-unchanged CHANGELOG.md` and commit or drop them";
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(
        err.contains("CHANGELOG.md has local changes hidden from git status (`git update-index --assume-unchanged`)")
            && err.contains(fix),
        "{err}"
    );
    releases_refused(&repo, fix);
}

/// What must keep working: a flagged file whose bytes are the index's is no change (the hand
/// tag and the release go ahead, and keep the flag's file as committed), and a file flagged
/// skip-worktree by hand and absent is a sparse checkout's, refused as before (tests/sparse.rs).
#[test]
fn flagged_files_without_local_changes_release() {
    let repo = released_package();
    repo.git(&["update-index", "--skip-worktree", "package.json"]);
    repo.git(&["update-index", "--assume-unchanged", "CHANGELOG.md"]);
    ok(tag(&repo, &["-a", "v0.1.1", "-m", "second"]));
    let log = repo.git(&["show", "v0.1.1:CHANGELOG.md"]);
    assert!(log.contains("## [0.1.1] - 2026-11-21"), "{log}");
    repo.commit_hooked("fix: another");
    ok(dated_release(&repo, &["0.1.2", "--no-test"]));
    assert!(
        repo.git(&["show", "v0.1.2:package.json"])
            .contains("\"version\": \"0.1.2\"")
    );
}

/// A file the release finds by detection only (a Python package's `__version__`), with hidden
/// local changes: refused before the commit, and before the hand tag, as well.
#[test]
fn a_detected_version_file_with_hidden_changes_is_refused() {
    let repo = installed_repo();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"app\"\nversion = \"0.1.0\"\n",
    );
    repo.write("app/__init__.py", "__version__ = \"0.1.0\"\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: the package");
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("fix: a bug");
    repo.git(&["update-index", "--skip-worktree", "app/__init__.py"]);
    repo.write("app/__init__.py", "__version__ = \"0.1.0\"\nDEBUG = True\n");
    let fix = "`git update-index --no-skip-worktree app/__init__.py` and commit or drop them";
    releases_refused(&repo, fix);
    // The hand tag refuses it before git makes the tag.
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(err.contains(fix) && err.contains("then tag again"), "{err}");
}

/// In a monorepo, a package's own changelog and a dependent's manifest (its requirement on a
/// released package follows) are files the release writes too.
#[test]
fn a_package_changelog_or_a_dependents_manifest_with_hidden_changes_is_refused() {
    let repo = Repo::new();
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    for (name, deps) in [
        ("api", ""),
        (
            "cli",
            "\n[dependencies]\napi = { path = \"../api\", version = \"1.0\" }\n",
        ),
    ] {
        repo.write(
            &format!("crates/{name}/Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"1.0.0\"\n{deps}"),
        );
        repo.write(
            &format!("crates/{name}/CHANGELOG.md"),
            format!(
                "{}\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- the start\n",
                crate::support::SKELETON
            ),
        );
    }
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"crates/api\"\n\n[packages.cli]\npath = \"crates/cli\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "api-v1.0.0", "-m", "api"]);
    repo.git(&["tag", "-a", "cli-v1.0.0", "-m", "cli"]);
    repo.write("crates/api/src/lib.rs", "\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat(api)!: a new api"]);
    let release = |args: &[&str]| {
        let mut all = vec!["--no-test", "--dry-run"];
        all.extend_from_slice(args);
        dated_release(&repo, &all)
    };
    ok(release(&["--package", "api"]));
    // The dependent's manifest: its requirement on api becomes 2.0.
    repo.git(&["update-index", "--skip-worktree", "crates/cli/Cargo.toml"]);
    repo.write(
        "crates/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"1.0.0\"\n# local\n\n[dependencies]\napi = { path = \"../api\", version = \"1.0\" }\n",
    );
    let fix = "`git update-index --no-skip-worktree crates/cli/Cargo.toml` and commit or drop them";
    let out = release(&["--package", "api"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(fix), "{}", text(&out));
    repo.git(&[
        "update-index",
        "--no-skip-worktree",
        "crates/cli/Cargo.toml",
    ]);
    repo.git(&["checkout", "--", "crates/cli/Cargo.toml"]);
    // The package's own changelog.
    repo.git(&[
        "update-index",
        "--assume-unchanged",
        "crates/api/CHANGELOG.md",
    ]);
    let log = repo.read("crates/api/CHANGELOG.md");
    repo.write("crates/api/CHANGELOG.md", format!("{log}- local\n"));
    let fix =
        "`git update-index --no-assume-unchanged crates/api/CHANGELOG.md` and commit or drop them";
    for args in [&["--package", "api"][..], &["--all"][..]] {
        let out = release(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(fix), "{args:?}: {}", text(&out));
    }
}

/// QA7 #8: with a sparse index (`--sparse-index`, which relhook's git library cannot read),
/// every commit named `relhook changelog --sync`, which failed the same way, and no way out.
/// Now post-commit, `--sync` and doctor name the command that turns the sparse index off and
/// keeps the sparse checkout; after it, `--sync` writes the missed entry.
#[test]
fn a_sparse_index_is_named_with_the_command_that_turns_it_off() {
    let repo = installed_repo();
    repo.write("dir/a", "a\n");
    repo.write("other/o", "o\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("chore: two folders");
    repo.git(&["sparse-checkout", "set", "--cone", "--sparse-index", "dir"]);
    let fix = "`git sparse-checkout init --cone --no-sparse-index` turns it off";
    repo.write("dir/a", "b\n");
    let out = repo.git_output(&["commit", "-q", "-am", "feat: in the cone"]);
    let err = stderr(&out);
    assert!(err.contains(fix), "{err}");
    assert!(
        err.contains("once it is off, `relhook changelog --sync` writes it"),
        "{err}"
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stderr(&out).contains(fix), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("fix: git sparse-checkout init --cone --no-sparse-index"),
        "{}",
        text(&out)
    );
    // The fix works, and the sparse checkout stays.
    repo.git(&["sparse-checkout", "init", "--cone", "--no-sparse-index"]);
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- in the cone"));
    assert!(!repo.path().join("other/o").exists(), "still sparse");
    repo.git(&["commit", "-q", "-am", "docs: the missed entry"]);
    repo.write("dir/a", "c\n");
    ok(repo.git_output(&["commit", "-q", "-am", "fix: after the fix"]));
    assert!(repo.read("CHANGELOG.md").contains("- after the fix"));
}

/// QA7 #9: `git commit --allow-empty-message -m ""` is refused by the lint, whose help said
/// "git would abort the commit", false with that flag (which the hook cannot see). The help is
/// now true either way, and the note still names the bypass.
#[test]
fn the_empty_message_help_is_true_with_allow_empty_message() {
    let repo = installed_repo();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    for extra in [&["--allow-empty-message"][..], &[][..]] {
        let mut args = vec!["commit", "-q", "-m", ""];
        args.extend_from_slice(extra);
        let out = repo.git_output(&args);
        assert_ne!(out.status.code(), Some(0), "{extra:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(!err.contains("git would abort"), "{extra:?}: {err}");
        assert!(
            err.contains("git refuses an empty one unless `--allow-empty-message`"),
            "{extra:?}: {err}"
        );
        assert!(err.contains("RELHOOK_SKIP=1"), "{extra:?}: {err}");
    }
}
