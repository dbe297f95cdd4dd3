//! QA44: a `fixup!` that touches another package, folded in by `git rebase -i --autosquash`,
//! leaves that package without an entry, and git's rebase says nothing of it. doctor names
//! the missing entry and the command that writes it, also when the package has no changelog
//! yet (pinned here: QA saw "all is well").

use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctor_names_the_entry_a_folded_fixup_left_out() {
    let repo = Repo::new();
    for p in ["core", "util"] {
        repo.write(
            &format!("{p}/pyproject.toml"),
            format!("[project]\nname = \"{p}\"\nversion = \"0.1.0\"\n"),
        );
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.core]\npath = \"core\"\n[packages.util]\npath = \"util\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("core/m.py", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(core): core one");
    repo.write("util/m.py", "f\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fixup! fix(core): core one");
    repo.git_env(
        &["rebase", "-q", "-i", "--autosquash", "HEAD~2"],
        &[("GIT_SEQUENCE_EDITOR", "true")],
    );
    assert_eq!(repo.head_subject(), "fix(core): core one");
    assert!(!repo.path().join("util/CHANGELOG.md").exists());
    let doctor = repo.relhook(&["doctor"]);
    let report = stdout(&doctor);
    assert!(!report.contains("all is well"), "{}", text(&doctor));
    assert!(
        report.contains("fix: relhook changelog --sync --package util"),
        "{report}"
    );
    ok(repo.sh("relhook changelog --sync --package util"));
    assert!(repo.read("util/CHANGELOG.md").contains("core one"));
}
