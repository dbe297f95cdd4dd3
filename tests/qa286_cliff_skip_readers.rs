//! QA286: commits a git-cliff project's `commit_parsers` skip (git-cliff's own first parser
//! skips every unscoped commit) get no entry from post-commit, and so are not missing: doctor
//! warned that they had no entry and advised `relhook changelog --sync`, which must add none.

use crate::support::{Repo, ok, stderr, text};

const RELEASED: &str =
    "# Changelog\n\n## [unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Features\n\n- add import\n";

const CLIFF: &str = r#"[git]
commit_parsers = [
  { message = "^[a-z]+\\s*:", skip = true },
  { message = "^feat", group = "Features" },
  { message = "^fix", group = "Bug Fixes" },
]
"#;

/// A git-cliff project released at `v1.0.0` with an `origin`, post-commit and pre-push
/// installed, then three unscoped commits the first parser skips and one scoped commit made
/// with `RELHOOK_SKIP=1`, truly missing its entry (its short id returned).
fn skipped_since_release() -> (Repo, String) {
    let repo = Repo::new();
    repo.with_origin();
    repo.write("CHANGELOG.md", RELEASED);
    repo.write("cliff.toml", CLIFF);
    repo.hooks(&["post-commit", "pre-push"]);
    repo.git(&["add", "-A"]);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.git_env(&["commit", "-q", "-m", "feat(core): add import"], &skip);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    for message in ["feat: add a", "fix: mend b", "feat: add c"] {
        repo.write(
            &format!("{}.txt", message.replace([':', ' '], "-")),
            message,
        );
        repo.git(&["add", "-A"]);
        ok(repo.commit_with_hooks(message));
    }
    assert_eq!(repo.read("CHANGELOG.md"), RELEASED);
    repo.write("d.txt", "d\n");
    repo.git(&["add", "-A"]);
    repo.git_env(&["commit", "-q", "-m", "fix(core): mend d"], &skip);
    let missing = repo.git(&["rev-parse", "HEAD"])[..9].to_owned();
    (repo, missing)
}

#[test]
fn doctor_counts_only_the_scoped_commit_as_missing() {
    let (repo, _) = skipped_since_release();
    let out = repo.relhook(&["doctor"]);
    let said = text(&out);
    let rows: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("no entry for"))
        .collect();
    assert_eq!(rows.len(), 1, "{said}");
    assert!(rows[0].contains("no entry for 1 commit "), "{said}");
}

#[test]
fn sync_adds_the_scoped_commit_alone() {
    let (repo, _) = skipped_since_release();
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    let unreleased = log.split("## [1.0.0]").next().unwrap_or_default();
    let entries: Vec<&str> = unreleased.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(entries.len(), 1, "{log}");
    assert!(entries[0].contains("mend d"), "{log}");
}

#[test]
fn a_push_warns_of_the_scoped_commit_alone() {
    let (repo, missing) = skipped_since_release();
    let push = repo.git_output(&["push", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
    let lines: Vec<String> = (stderr(&push).lines())
        .filter(|l| l.contains("no changelog entry"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        lines,
        [format!(
            "relhook: warning: 1 pushed commit has no changelog entry ({missing} fix(core): mend d); `relhook changelog --sync` adds it (else the next release does)"
        )]
    );
}
