//! QA44: a `## [0.2.0]` section written by hand, with the version files still at 0.1.0.
//! `relhook release` advised tagging that commit as it is, and the hand tag was then refused
//! because the files say 0.1.0, one refusal line per file. The advice now says to set the
//! files first, and the refusal names every file in one line.

use crate::support::{hand_tag, ok, stderr, text, untested_installed};

fn written_by_hand() -> crate::support::Repo {
    let repo = untested_installed();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "package.json",
        "{\n  \"name\": \"d\",\n  \"version\": \"0.1.0\"\n}\n",
    );
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"d\"\nversion = \"0.1.0\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: version files"]);
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.commit_hooked("feat: b");
    let log = repo.read("CHANGELOG.md").replace(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [0.2.0] - 2026-11-30\n",
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-a", "-m", "docs: changelog for 0.2.0"]);
    repo
}

#[test]
fn the_advice_for_a_hand_written_section_sets_the_version_files_first() {
    let repo = written_by_hand();
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "set Cargo.toml, package.json and pyproject.toml to 0.2.0 (they say 0.1.0; no release commit sets the version, the section being there), commit, then tag the new commit: `git tag -a v0.2.0 -m \"release 0.2.0\"`"
        ),
        "{err}"
    );
    // The hand tag of the commit as it is: one line naming every file.
    let refused = hand_tag(&repo, &["-a", "v0.2.0", "-m", "release 0.2.0"]);
    assert_eq!(refused.status.code(), Some(128), "{}", text(&refused));
    let err = stderr(&refused);
    assert_eq!(err.matches("refusing tag").count(), 1, "{err}");
    assert!(
        err.contains(
            "Cargo.toml, package.json and pyproject.toml say 0.1.0 at `v0.2.0`, not 0.2.0;"
        ),
        "{err}"
    );
    // The advice followed: the tag is made.
    for f in ["Cargo.toml", "package.json", "pyproject.toml"] {
        repo.write(f, repo.read(f).replace("0.1.0", "0.2.0"));
    }
    repo.git(&["commit", "-q", "-a", "-m", "chore: version 0.2.0"]);
    ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "release 0.2.0"]));
}

#[test]
fn the_advice_for_a_section_below_head_sets_the_files_in_that_commit() {
    let repo = written_by_hand();
    let wrote = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit_hooked("feat: c");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "in {wrote} itself (`git rebase -i {wrote}~1`, mark it `edit`), then tag it"
        )),
        "{err}"
    );
}
