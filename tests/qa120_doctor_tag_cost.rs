//! QA120: `relhook doctor` on changesets/changesets before `relhook install` took 1.4 s (6 s
//! in a debug build): its check for release tags made past the hook parsed the changelog
//! stored at every release tag (hundreds), then dropped them all, as no tag is made past a
//! hook never installed. That check now reads nothing before relhook adopted the clone.
//! Guarded by counting work (`RELHOOK_TEST_PARSE_COUNT`), never by timing.

use crate::support::{Repo, SKELETON, stderr, text};

const TAGS: usize = 20;

#[test]
fn doctor_before_install_reads_no_changelog_per_release_tag() {
    let repo = Repo::new();
    for i in 1..=TAGS {
        // Each tag's changelog differs, and none has the tag's section (made without relhook).
        repo.write(
            "CHANGELOG.md",
            format!("{SKELETON}\n### Fixed\n\n- fix {i}\n"),
        );
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", &format!("fix: fix {i}")]);
        let tag = format!("v0.1.{i}");
        repo.git(&["tag", "-a", &tag, "-m", &tag]);
    }
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    let out = cmd
        .args(["doctor"])
        .env("RELHOOK_TEST_PARSE_COUNT", "1")
        .output()
        .expect("relhook runs");
    let parses: usize = stderr(&out)
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" changelog parses"))
        .map(|n| n.parse::<usize>().expect("a count"))
        .sum();
    assert!(parses > 0, "no parse count said:\n{}", text(&out));
    assert!(
        parses < TAGS / 2,
        "{parses} changelog parses for {TAGS} release tags:\n{}",
        text(&out)
    );
}
