//! Round 29: a changelog that is not what relhook expects (`changelog.md` in lower case).
//! Every command that would write it agrees with post-commit, and each refusal is one line:
//! what relhook did not do, and the command that finishes.

use crate::support::{Repo, stderr, text};

/// relhook's own lines in `out`'s stderr (git's `fatal:` and the bypass hint left out).
fn relhook_lines(out: &std::process::Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("relhook: ") && !l.starts_with("relhook: to tag anyway"))
        .map(str::to_owned)
        .collect()
}

/// A project that keeps its changelog as `changelog.md`, released as v1.0.0 before relhook
/// was installed, and a feature committed since with the hooks off.
fn lower_case_changelog_and_a_feature() -> Repo {
    let repo = Repo::new();
    repo.write(
        "changelog.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- thing\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: new widget"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

#[test]
fn sync_and_rebuild_make_no_second_changelog_beside_one_named_in_other_case() {
    let repo = lower_case_changelog_and_a_feature();
    let before = repo.read("changelog.md");
    for args in [
        &["changelog", "--sync"][..],
        &["changelog", "--rebuild"][..],
        &["changelog", "--sync", "--stdout"][..],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let said = relhook_lines(&out);
        assert_eq!(said.len(), 1, "{args:?}: one line: {said:?}");
        assert!(
            said[0].contains("changelog.md")
                && said[0].contains("`git mv changelog.md CHANGELOG.md`")
                && said[0].contains("run this again"),
            "{args:?}: {said:?}"
        );
        assert!(
            !repo.path().join("CHANGELOG.md").exists(),
            "{args:?} wrote a second changelog beside changelog.md"
        );
        assert_eq!(repo.read("changelog.md"), before);
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    }
    // The fix it names works: the rename, then the sync adds the feature.
    repo.git(&["mv", "changelog.md", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: rename the changelog",
    ]);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- new widget"));
}
