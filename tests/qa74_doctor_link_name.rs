//! QA74: a changelog that is a symbolic link got doctor's fix "point the configuration at the
//! file the link names", with that name as a TOML string; a name with a line break printed
//! that string over several lines (one of them relhook's own-looking), and no setting may hold
//! such a name anyway. The fix now puts the file in the link's place, pasted as one line.

use crate::support::{Repo, installed_repo, stdout, text};

#[test]
fn doctor_moves_a_linked_changelog_whose_name_no_setting_can_hold() {
    let repo: Repo = installed_repo();
    let target = "docs/x\nFAKE: ok.md";
    let changelog = repo.read("CHANGELOG.md");
    repo.write(target, &changelog);
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    std::os::unix::fs::symlink(target, repo.path().join("CHANGELOG.md")).unwrap();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(!said.lines().any(|l| l.starts_with("FAKE")), "{said}");
    let fix = said
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(fix.contains("no setting can hold"), "{said}");
    let command = fix.split('`').nth(1).unwrap();
    assert_eq!(
        command,
        r#"mv -f "$(git rev-parse --show-toplevel)"/"$(printf 'docs/x\nFAKE: ok.md')" "$(git rev-parse --show-toplevel)"/CHANGELOG.md"#
    );
    // The quoted name as bash reads it, pasted in a folder below the top.
    let below = repo.path().join("docs");
    let out = repo
        .command_in("bash", &below)
        .args(["-c", command])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let meta = std::fs::symlink_metadata(repo.path().join("CHANGELOG.md")).unwrap();
    assert!(meta.is_file());
    assert_eq!(repo.read("CHANGELOG.md"), changelog);
}
