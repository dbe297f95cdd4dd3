//! QA239: `[version] minor_types` (cocogitto's `bump_minor`) decided a commit's level, but an
//! Unreleased entry no commit wrote still weighed as a minor one only under `feat`'s section:
//! a hand-written entry under a minor type's own section asked for a patch.

use crate::support::{Repo, dated_release, text};

#[test]
fn a_hand_entry_under_a_minor_types_section_calls_for_a_minor_release() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[version]\ninitial = \"1.0.0\"\nminor_types = [\"feat\", \"ex\"]\n[changelog.sections]\nfeat = \"Added\"\nfix = \"Fixed\"\nex = \"Experimental\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    assert!(repo.relhook(&["install"]).status.success());
    repo.commit_hooked("feat: one");
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: two");
    let log = std::fs::read_to_string(repo.path().join("CHANGELOG.md")).unwrap();
    let log = log.replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n### Experimental\n\n- a hand-written trial\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: note the trial"]);
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(
        crate::support::stdout(&out).trim(),
        "1.1.0",
        "{}",
        text(&out)
    );
}
