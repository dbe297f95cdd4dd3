//! QA222: `relhook changelog --sync --dry-run`, the preview `relhook release --dry-run`
//! teaches, was refused as an unexpected argument that named no way on. It is `--stdout`'s
//! other name: the result printed, the file left as it is.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn changelog_dry_run_prints_and_writes_nothing() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", crate::support::SKELETON);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit("chore: start");
    repo.commit("feat: add search");
    let before = repo.read("CHANGELOG.md");
    for args in [
        ["changelog", "--sync", "--dry-run"],
        ["changelog", "--rebuild", "--dry-run"],
    ] {
        let out = ok(repo.relhook(&args));
        assert!(stdout(&out).contains("- add search\n"), "{}", text(&out));
        assert_eq!(repo.read("CHANGELOG.md"), before, "{}", text(&out));
    }
}
