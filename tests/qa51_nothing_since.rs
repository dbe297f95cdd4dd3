//! QA51: a release tag made past the hook (`RELHOOK_SKIP=1`) on its line's release commit,
//! nothing committed since: pre-push advised `relhook release --package util 0.1.1` (or plain
//! `--package util`), both refused with nothing to release. It now says what the hand-tag hook
//! says ("this commit is already release util-v0.1.0's, and nothing was committed since") and
//! advises only the tag's deletion. A published tag moved (`git tag -f`) over commits with no
//! change of its package was advised "release the later work as a new version", refused the
//! same way: that part is said only when there is such work.

use crate::support::{Repo, ok, stderr, text};

/// relhook installed with `config` and `files`, a `feat:` committed, `release` run and pushed
/// to `origin`.
fn released(config: &str, files: &[(&str, &str)], release: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", config);
    for (path, text) in files {
        repo.write(path, text);
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    for (path, text) in files {
        repo.write(path, format!("{text}\n"));
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: first"]);
    ok(repo.relhook(release));
    ok(repo.git_skipping_relhook(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    repo
}

const PACKAGES: &str = "[packages.core]\npath = \"core\"\ntest = [\"true\"]\n[packages.cli]\npath = \"cli\"\ntest = [\"true\"]\n";

fn monorepo() -> Repo {
    let files = [
        (
            "core/package.json",
            "{\"name\": \"core\", \"version\": \"0.4.0\"}\n",
        ),
        (
            "cli/package.json",
            "{\"name\": \"cli\", \"version\": \"0.1.0\"}\n",
        ),
    ];
    released(PACKAGES, &files, &["release", "--all"])
}

/// The refusal of a push of `name`, past the hook here, as its `- ` and `fix:` lines.
fn pushed(repo: &Repo, name: &str) -> Vec<String> {
    let out = repo.git_output(&["push", "origin", name]);
    assert!(!out.status.success(), "{}", text(&out));
    stderr(&out)
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("- ") || l.starts_with("fix: "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_package_tag_on_its_release_commit_is_advised_only_its_deletion() {
    let repo = monorepo();
    repo.git_env(
        &["tag", "-a", "core-v0.4.1", "-m", "core 0.4.1"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert_eq!(
        pushed(&repo, "core-v0.4.1"),
        [
            "- this commit is already release core-v0.4.0's, and nothing was committed since: there is nothing to release as 0.4.1",
            "fix: origin does not have it yet, so delete it here: `git tag -d core-v0.4.1`",
        ]
    );
}

#[test]
fn a_tag_on_the_release_commit_of_a_single_project_is_advised_only_its_deletion() {
    let repo = released(
        "[checks]\ntest = [\"true\"]\n",
        &[("a.txt", "a")],
        &["release"],
    );
    repo.git_env(
        &["tag", "-a", "v0.1.1", "-m", "v0.1.1"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert_eq!(
        pushed(&repo, "v0.1.1"),
        [
            "- this commit is already release v0.1.0's, and nothing was committed since: there is nothing to release as 0.1.1",
            "fix: origin does not have it yet, so delete it here: `git tag -d v0.1.1`",
        ]
    );
}

/// A published tag moved past the hook onto a commit that changes only the other package:
/// restored, and nothing to release for it; the other's is released after its restore.
#[test]
fn a_moved_tag_is_advised_a_release_only_when_its_package_has_work_since() {
    let repo = monorepo();
    repo.write("cli/main.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(cli): g"]);
    // The hand-tag hook's refusal of `git tag -f`.
    let moved = |name: &str| {
        let out = repo.git_output(&["tag", "-f", "-a", name, "-m", name]);
        assert!(!out.status.success(), "{}", text(&out));
        stderr(&out)
    };
    let core = moved("core-v0.4.0");
    assert!(!core.contains("release the later work"), "{core}");
    let cli = moved("cli-v0.1.0");
    assert!(
        cli.contains("release the later work as a new version (`relhook release --package cli`)"),
        "{cli}"
    );
    // pre-push's refusal of the move, made past the hook.
    for name in ["core-v0.4.0", "cli-v0.1.0"] {
        repo.git_env(
            &["tag", "-f", "-a", name, "-m", name],
            &[("RELHOOK_SKIP", "1")],
        );
    }
    let core = pushed(&repo, "core-v0.4.0");
    assert_eq!(
        core.last().unwrap(),
        "fix: restore the published tag here (`git fetch --force origin tag core-v0.4.0`); the commits it was moved over hold no change to release"
    );
    let cli = pushed(&repo, "cli-v0.1.0");
    assert_eq!(
        cli.last().unwrap(),
        "fix: restore the published tag here (`git fetch --force origin tag cli-v0.1.0`) and release the change as a new version (`relhook release --package cli`)"
    );
}
