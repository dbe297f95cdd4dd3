//! QA31: a release section written by hand before the tag, as Keep a Changelog's own project
//! works (`## [2.0.0]` committed, then `git tag`). relhook called 2.0.0 "already released",
//! offered 2.0.1, and doctor's fix (`changelog --sync`) listed the section's commits again
//! under Unreleased.

use crate::support::{Repo, hand_tag, stderr, stdout, text};

const LOG: &str = "\
# Changelog

## [Unreleased]

## [1.0.0] - 2026-01-01

### Added

- first
";

/// v1.0.0 tagged; two commits made before relhook was installed; then a commit that writes
/// their release's section by hand, in other words than relhook would.
fn written_by_hand() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", LOG);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: first"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("feat!: big thing");
    repo.commit("fix(api): small fix");
    let section = "## [2.0.0] - 2026-11-30\n\n### Changed\n\n- The big thing, in my own words\n\n### Fixed\n\n- small fix\n\n## [1.0.0]";
    repo.write("CHANGELOG.md", LOG.replace("## [1.0.0]", section));
    repo.git(&["commit", "-q", "-am", "docs: changelog for 2.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
fn a_sync_lists_no_commit_of_a_section_written_by_hand_again() {
    let repo = written_by_hand();
    let before = repo.read("CHANGELOG.md");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), before, "{}", text(&out));
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("no entry for"), "{doctor}");
    // A commit made after it, with the hooks off, is Unreleased all the same.
    repo.commit("feat: later");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find("## [2.0.0]").unwrap()];
    assert!(unreleased.contains("- later"), "{log}");
    assert!(!unreleased.contains("big thing"), "{log}");
    assert!(!unreleased.contains("small fix"), "{log}");
}

#[test]
fn a_release_names_the_hand_tag_that_releases_the_section_as_written() {
    let repo = written_by_hand();
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("`## [2.0.0]` is in CHANGELOG.md already, written by hand in ")
            && err.contains("and no tag names it yet")
            && err.contains("`git tag -a v2.0.0 -m \"release 2.0.0\"`")
            && !err.contains("already released"),
        "{err}"
    );
    // A version below it says so, with the same way on.
    let err = stderr(&repo.relhook(&["release", "1.5.0"]));
    assert!(err.contains("1.5.0 is below 2.0.0, whose section"), "{err}");
    // The advice works: the tag stays on that commit, and nothing is left to fix.
    let out = hand_tag(&repo, &["-a", "v2.0.0", "-m", "release 2.0.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v2.0.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("all is well"), "{doctor}");
}

#[test]
fn a_later_commit_names_the_commit_that_wrote_the_section() {
    let repo = written_by_hand();
    let wrote = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit("docs: a typo");
    let err = stderr(&repo.relhook(&["release", "2.0.0"]));
    assert!(
        err.contains(&format!("`git tag -a v2.0.0 {wrote} -m \"release 2.0.0\"`")),
        "{err}"
    );
}

#[test]
fn a_release_commit_whose_tag_is_missing_is_still_resumed_not_tagged_by_hand() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: one");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: two");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let tag = repo.git(&["describe", "--abbrev=0"]);
    repo.git(&["tag", "-d", &tag]);
    let err = stderr(&repo.relhook(&["release", &tag[1..]]));
    assert!(err.contains("`relhook release --resume`"), "{err}");
    assert!(!err.contains("written by hand"), "{err}");
}

/// keep-a-changelog's own history: its commits since v1.1.2 are no Conventional Commits, and
/// `## [2.0.0]` is written, untagged. "Nothing for the changelog" named only Unreleased.
#[test]
fn nothing_to_release_since_the_tag_names_the_section_written_by_hand() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", LOG);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "Initial"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("Redesign the page (#600)");
    let section = "## [2.0.0] - 2026-06-07\n\n### Changed\n\n- The page, redesigned\n\n## [1.0.0]";
    repo.write("CHANGELOG.md", LOG.replace("## [1.0.0]", section));
    repo.git(&["commit", "-q", "-am", "2.0.0 (#601)"]);
    let wrote = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit("Desaturate the hero (#602)");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for args in [&["release", "--dry-run"][..], &["version", "--next"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("nothing for the changelog")
                && err.contains(&format!(
                    "`## [2.0.0]` in CHANGELOG.md was written by hand in {wrote} and no tag names it yet: to release it as it is written, tag that commit: `git tag -a v2.0.0 {wrote} -m \"release 2.0.0\"`"
                )),
            "{args:?}: {err}"
        );
    }
}

/// No tag at all yet, and `## [1.0.0]` written by hand: relhook called 1.0.0 released and
/// offered 1.0.1 (a `feat!` since calls for 2.0.0). Now the section's tag is named, and once
/// it is made the commits since decide.
#[test]
fn before_any_tag_a_section_written_by_hand_is_tagged_then_the_commits_since_decide() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-05-01\n\n### Added\n\n- big thing (hand)\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: initial"]);
    let wrote = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat!: breaking redesign");
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let tag = format!("git tag -a v1.0.0 {wrote} -m \"release 1.0.0\"");
    assert!(
        err.contains("0.1.0 is below 1.0.0, whose section")
            && err.contains(&format!("`{tag}`"))
            && !err.contains("relhook release 1.0.1"),
        "{err}"
    );
    let out = hand_tag(&repo, &["-a", "v1.0.0", &wrote, "-m", "release 1.0.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(stdout(&out), "2.0.0\n", "{}", text(&out));
}
