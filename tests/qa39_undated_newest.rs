//! QA39: `## [0.2.0]` with no date, as many projects head the release they work towards, was
//! taken for released without a word: the next commit's entry went into a new `## [Unreleased]`
//! above it, and a hand tag of 0.2.0 was then refused. Said now, on that commit and by doctor,
//! with both ways on (`- TBD` and `- Unreleased` dates were refused with a fix already).

use crate::support::{Repo, ok, stderr, stdout, text};

fn with_an_undated_newest() -> Repo {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [0.2.0]\n\n### Added\n\n- pending\n\n## [0.1.0] - 2024-01-01\n\n- old\n",
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-qm", "docs: changelog"]);
    repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo
}

#[test]
fn an_undated_untagged_newest_version_is_said_when_unreleased_goes_above_it() {
    let repo = with_an_undated_newest();
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: new"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "relhook: warning: CHANGELOG.md:9 `## [0.2.0]` has no date and v0.2.0 is no tag"
        ) && stderr(&out).contains("move its entries under `## [Unreleased]` and delete line 9"),
        "{}",
        text(&out)
    );
    // Said once: the next commit adds to Unreleased in silence.
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: newer"]);
    assert!(!stderr(&out).contains("no date"), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("WARNING  changelog: CHANGELOG.md:10 `## [0.2.0]` has no date"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_dated_or_tagged_newest_version_is_not_said() {
    let repo = with_an_undated_newest();
    repo.git_skipping_relhook(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]);
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: new"]);
    assert!(!stderr(&out).contains("no date"), "{}", text(&out));
    assert!(!stdout(&repo.relhook(&["doctor"])).contains("no date"));
}
