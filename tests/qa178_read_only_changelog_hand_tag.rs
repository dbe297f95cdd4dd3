//! QA178: a release tag made by hand (`git tag -a v0.1.0`) over a CHANGELOG.md its owner made
//! read-only (`chmod 444`) was made, and `git tag` exited 0; then the `committed` run could
//! not write the release's section and took the tag away again: a script's next step (`git
//! push origin v0.1.0`) found no tag. The tag is now refused before git makes it, in one line
//! with the `chmod` that lets the release through.

use crate::support::{hand_tag, hand_tag_refused, installed_repo, stderr, text};

#[cfg(unix)]
#[test]
fn a_hand_tag_over_a_read_only_changelog_is_refused_before_it_exists() {
    use std::os::unix::fs::PermissionsExt;
    let repo = installed_repo();
    let path = repo.path().join("CHANGELOG.md");
    let before = repo.read("CHANGELOG.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = hand_tag_refused(&repo, "v0.1.0");
    let fix = "`chmod u+w \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md` (as its owner)";
    assert!(
        err.contains("refusing tag v0.1.0: CHANGELOG.md is read-only") && err.contains(fix),
        "{err}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), before);
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    // The step as printed, pasted in a folder of the work tree, lets the tag through.
    let step = fix.trim_start_matches('`').split('`').next().unwrap();
    std::fs::create_dir_all(repo.path().join("src")).unwrap();
    let out = repo
        .command_in("sh", &repo.path().join("src"))
        .args(["-c", step])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("now points at release commit"),
        "{}",
        text(&out)
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.1.0] - 2026-11-21")
    );
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}
