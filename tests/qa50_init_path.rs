//! QA50: `relhook init` beside a `.relconfig.toml` that sets `changelog.path` wrote
//! ./CHANGELOG.md and advised committing it. Now it writes the configured file (its folder
//! made), names it in `next:`, and refuses in one line a folder that leads out of the
//! repository, creating nothing there.

use crate::support::{Repo, ok, stderr, stdout};

const CONFIG: &str = "[changelog]\npath = \"docs/CHANGELOG.md\"\n";

#[test]
fn init_writes_the_configured_changelog_and_names_it() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", CONFIG);
    let said = stdout(&ok(repo.relhook(&["init"])));
    assert!(said.contains("wrote docs/CHANGELOG.md"), "{said}");
    assert!(
        // The untracked configuration is committed with it (QA51).
        said.contains("next: git add .relconfig.toml docs/CHANGELOG.md && "),
        "{said}"
    );
    assert!(!repo.path().join("CHANGELOG.md").exists(), "{said}");
    assert!(repo.read("docs/CHANGELOG.md").contains("## [Unreleased]"));
}

#[test]
fn init_refuses_a_changelog_folder_that_leads_out() {
    let repo = Repo::new();
    let outside = repo.scratch("outside");
    std::os::unix::fs::symlink(&outside, repo.path().join("docs")).unwrap();
    repo.write(".relconfig.toml", CONFIG);
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.lines().next().is_some_and(|l| l
            .contains("refusing `docs/CHANGELOG.md`: its folder resolves to")
            && l.contains("outside the work tree")),
        "{said}"
    );
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    assert!(!repo.path().join("CHANGELOG.md").exists());
}
