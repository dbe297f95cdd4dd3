//! Hook files relhook shares with others: doctor's advice when another tool rewrote a hook
//! beside relhook's backup of the first one.

use std::process::Output;

use crate::support::{Repo, chmod, stderr, stdout, text};

fn ok(out: Output) -> Output {
    assert!(out.status.success(), "{}", text(&out));
    out
}

#[test]
fn doctors_fix_for_a_rewritten_hook_beside_relhooks_backup_works() {
    for keep in ["backup", "new"] {
        let repo = Repo::new();
        let hook = repo.hooks_dir().join("commit-msg");
        let backup = repo.hooks_dir().join("commit-msg.relhook-orig");
        std::fs::write(&hook, "#!/bin/sh\necho FIRST >&2\n").unwrap();
        chmod(&hook, 0o755);
        ok(repo.relhook(&["install"]));
        // Another tool rewrites the hook.
        std::fs::write(&hook, "#!/bin/sh\necho SECOND >&2\n").unwrap();
        chmod(&hook, 0o755);

        let doctor = repo.relhook(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
        let said = stdout(&doctor);
        assert!(
            !said.contains("keeps it as"),
            "install would refuse: {said}"
        );
        let fix = said
            .lines()
            .find(|l| l.contains("fix:") && l.contains("commit-msg"))
            .unwrap_or_else(|| panic!("{said}"));
        assert!(
            fix.contains(&hook.display().to_string())
                && fix.contains(&backup.display().to_string()),
            "names both files: {fix}"
        );
        assert!(fix.contains("then relhook install"), "{fix}");

        // Either way doctor offers, install then succeeds and nothing kept is lost.
        let expected = if keep == "backup" {
            std::fs::remove_file(&hook).unwrap();
            "FIRST"
        } else {
            std::fs::rename(&backup, repo.scratch("away").join("commit-msg")).unwrap();
            "SECOND"
        };
        let install = repo.relhook(&["install"]);
        assert_eq!(install.status.code(), Some(0), "{}", text(&install));
        let doctor = repo.relhook(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
        let bad = repo.try_commit("bad message");
        assert!(!bad.status.success(), "{}", text(&bad));
        assert!(stderr(&bad).contains(expected), "{keep}: {}", text(&bad));
    }
}
