//! QA39: `## [Unreleased](https://github.com/acme/proj/compare/v0.1.0...HEAD)`, a compare
//! link written on the heading itself, stayed as it was at each release (pointing at v0.1.0
//! for ever, as an inline link outranks a reference), and a `[unreleased]:` definition was
//! added below that said otherwise. The inline link now moves on, and the release's heading
//! gets its own in the same style.

use crate::support::{Repo, ok};

#[test]
fn an_inline_compare_link_on_the_unreleased_heading_moves_on_at_each_release() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["remote", "add", "origin", "git@github.com:acme/proj.git"]);
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased](https://github.com/acme/proj/compare/v0.1.0...HEAD)\n\n## [0.1.0](https://github.com/acme/proj/releases/tag/v0.1.0) - 2024-01-01\n\n### Added\n\n- initial thing\n",
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-qm", "docs: changelog"]);
    repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0", "HEAD~1"]);
    repo.commit_hooked("feat: new");
    ok(crate::support::hand_tag(
        &repo,
        &["-a", "v0.2.0", "-m", "v0.2.0"],
    ));
    let text = repo.read("CHANGELOG.md");
    assert!(
        text.contains("## [Unreleased](https://github.com/acme/proj/compare/v0.2.0...HEAD)\n\n## [0.2.0](https://github.com/acme/proj/compare/v0.1.0...v0.2.0) - "),
        "{text}"
    );
    assert!(
        !text.contains("[unreleased]:") && !text.contains("[0.2.0]:"),
        "{text}"
    );
    repo.commit_hooked("fix: later");
    ok(repo.relhook(&["release", "--no-test"]));
    let text = repo.read("CHANGELOG.md");
    assert!(
        text.contains("## [Unreleased](https://github.com/acme/proj/compare/v0.2.1...HEAD)\n\n## [0.2.1](https://github.com/acme/proj/compare/v0.2.0...v0.2.1) - "),
        "{text}"
    );
}
