//! QA41: `relhook doctor` said all was well while what `relhook changelog --sync` wrote was
//! not committed, though the next `relhook release` refused it as a dirty tree. Doctor now
//! warns, with the command that commits it.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctor_warns_of_a_synced_changelog_left_uncommitted() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.git_env(
        &[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "feat: made while skipped",
        ],
        &[("RELHOOK_SKIP", "1")],
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!repo.is_clean());
    let release = repo.relhook(&["release", "--dry-run"]);
    assert!(!release.status.success(), "{}", text(&release));

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.contains("CHANGELOG.md") && l.contains("not committed"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(line.contains("relhook release"), "{line}");
    let fix = said
        .lines()
        .skip_while(|l| *l != line)
        .nth(1)
        .unwrap_or_default();
    assert!(fix.contains("git commit -m \"docs(changelog):"), "{said}");
    // The command it names settles it.
    let command = fix.split_once("fix: ").unwrap().1;
    ok(repo.sh(command));
    assert!(repo.is_clean());
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("not committed"), "{}", text(&out));
}
