//! QA35: a stable release after its pre-releases linked its section to a compare from the last
//! pre-release (`compare/v1.1.0-beta.1...v1.1.0`, the release commit alone), while the section
//! carries everything since 1.0.0, as its notes do.

use crate::support::{Repo, installed_repo, ok};

#[test]
fn a_stable_release_compares_from_the_release_before_its_pre_releases() {
    let repo: Repo = installed_repo();
    repo.git(&["remote", "add", "origin", "https://github.com/acme/app.git"]);
    ok(repo.relhook(&["release", "1.0.0", "--no-test"]));
    repo.commit_hooked("feat: beta thing");
    ok(repo.relhook(&["release", "--pre", "beta", "--no-test"]));
    repo.commit_hooked("fix: after the beta");
    ok(repo.relhook(&["release", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("[1.1.0]: https://github.com/acme/app/compare/v1.0.0...v1.1.0\n"),
        "{log}"
    );
    assert!(
        log.contains(
            "[1.1.0-beta.1]: https://github.com/acme/app/compare/v1.0.0...v1.1.0-beta.1\n"
        ),
        "{log}"
    );
    // The whole file from history says the same.
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let rebuilt = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        rebuilt.contains("[1.1.0]: https://github.com/acme/app/compare/v1.0.0...v1.1.0\n"),
        "{rebuilt}"
    );
}

/// The first stable release after pre-releases alone has no release to compare from: its link
/// is its tag's page, as `--rebuild` writes it (QA35 second round: `compare/v0.1.0-rc.1...`).
#[test]
fn a_first_stable_release_after_pre_releases_links_its_tag_page() {
    let repo: Repo = installed_repo();
    repo.git(&["remote", "add", "origin", "https://github.com/acme/app.git"]);
    ok(repo.relhook(&["release", "--pre", "rc", "--no-test"]));
    repo.commit_hooked("fix: x");
    ok(repo.relhook(&["release", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("[0.1.0]: https://github.com/acme/app/releases/tag/v0.1.0\n"),
        "{log}"
    );
}
