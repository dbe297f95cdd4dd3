//! QA208: `--rebuild` gives a release the file has no section for (commitlint's 12.1.4) a
//! section "above the first section of a lower version". Where the file lists a maintenance
//! line's release by date among newer ones (8.3.6 between 15.0.0 and 14.2.0), that first lower
//! section is the maintenance one, and 12.1.4 went above 14.x and 13.x. It now goes where
//! history puts it: above the next older release the file has a section for.

use crate::support::{Repo, ok, stdout, text};

fn tag(repo: &Repo, name: &str) {
    repo.git(&["tag", "-a", name, "-m", name]);
}

#[test]
fn a_release_without_a_section_goes_below_the_newer_ones() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.commit("chore: start");
    repo.commit("fix: zero");
    tag(&repo, "v0.9.0");
    repo.commit("feat: one");
    tag(&repo, "v1.0.0");
    repo.commit("fix: one more");
    tag(&repo, "v1.0.1");
    repo.commit("feat!: two");
    tag(&repo, "v2.0.0");
    repo.git(&["checkout", "-q", "-b", "0.x", "v0.9.0"]);
    repo.commit("fix: zero more");
    tag(&repo, "v0.9.1");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("feat!: three");
    tag(&repo, "v3.0.0");
    // 0.9.1 was made after 2.0.0, and the file lists it by date; it has no section for 1.0.1.
    let log = "# Changelog\n\n## [Unreleased]\n\n\
        ## [3.0.0] - 2024-05-01\n\n### Changed\n\n- **BREAKING** three\n\n\
        ## [0.9.1] - 2024-04-01\n\n### Fixed\n\n- zero more\n\n\
        ## [2.0.0] - 2024-03-01\n\n### Changed\n\n- **BREAKING** two\n\n\
        ## [1.0.0] - 2024-02-01\n\n### Added\n\n- one\n\n\
        ## [0.9.0] - 2024-01-01\n\n### Fixed\n\n- zero\n";
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "docs: changelog"]);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let rebuilt = stdout(&out);
    let order: Vec<&str> = rebuilt
        .lines()
        .filter_map(|l| l.strip_prefix("## ["))
        .map(|l| &l[..l.find(']').unwrap()])
        .collect();
    assert_eq!(
        order,
        [
            "Unreleased",
            "3.0.0",
            "0.9.1",
            "2.0.0",
            "1.0.1",
            "1.0.0",
            "0.9.0"
        ],
        "{}",
        text(&out)
    );
}
