//! QA138: `relhook install` in a project that keeps its changelog as HISTORY.md (no
//! CHANGELOG.md, no setting yet) registered the merge driver for CHANGELOG.md, a file relhook
//! never makes there, and said so: HISTORY.md still merged line by line. Install now registers
//! the driver for the file the project keeps, names it, and says the setting post-commit waits
//! for; uninstall takes its line out again.

use crate::qa134_init_changelog_case::KEPT;
use crate::support::{Repo, ok, stderr, stdout};

fn history_md_repo() -> Repo {
    let repo = Repo::new();
    repo.write("HISTORY.md", KEPT);
    repo.git(&["add", "HISTORY.md"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo
}

#[test]
fn install_registers_the_driver_for_the_changelog_kept_as_history_md() {
    let repo = history_md_repo();
    let out = ok(repo.relhook(&["install"]));
    let said = stdout(&out);
    assert!(
        said.contains("registered the relhook-changelog merge driver for HISTORY.md ("),
        "{said}"
    );
    assert!(
        said.contains("commit `/HISTORY.md merge=relhook-changelog` in .gitattributes"),
        "{said}"
    );
    assert!(
        said.contains("`git am` merges HISTORY.md through"),
        "{said}"
    );
    assert!(!said.contains("CHANGELOG.md"), "{said}");
    assert!(
        stderr(&out).contains("relhook: warning: the changelog here is HISTORY.md (Keep a Changelog), and relhook makes no second one named CHANGELOG.md beside it: post-commit adds no entries to it until you set `path = \"HISTORY.md\"` under `[changelog]` in .relconfig.toml\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        repo.git(&["check-attr", "merge", "HISTORY.md"]),
        "HISTORY.md: merge: relhook-changelog"
    );
    assert_eq!(
        repo.read(".git/info/attributes"),
        "/HISTORY.md merge=relhook-changelog\n"
    );

    // The setting pasted: branches that each add an entry merge without a conflict.
    repo.write(".relconfig.toml", "[changelog]\npath = \"HISTORY.md\"\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: keep HISTORY.md");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.commit_hooked("feat: side");
    repo.git(&["checkout", "-q", "main"]);
    repo.commit_hooked("fix: main");
    let merged = repo.git_output(&["merge", "-q", "--no-edit", "side"]);
    assert!(merged.status.success(), "{}", crate::support::text(&merged));
    let history = repo.read("HISTORY.md");
    assert!(history.contains("- side\n"), "{history}");
    assert!(history.contains("- main\n"), "{history}");
    assert!(!history.contains("<<<<<<<"), "{history}");

    // Uninstall takes the line out, and a line an earlier install wrote for CHANGELOG.md.
    ok(repo.relhook(&["uninstall"]));
    assert!(!repo.path().join(".git/info/attributes").exists());
}

#[test]
fn uninstall_takes_out_the_line_an_earlier_install_wrote_for_changelog_md() {
    let repo = history_md_repo();
    std::fs::create_dir_all(repo.path().join(".git/info")).unwrap();
    repo.write(
        ".git/info/attributes",
        "/CHANGELOG.md merge=relhook-changelog\n",
    );
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert!(!repo.path().join(".git/info/attributes").exists());
}
