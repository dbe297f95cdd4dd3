//! QA276: a `relhook release` killed while it replaced the changelog, before its journal
//! (`file-replacing`, `file-checked`), left `.git/relhook-tmp-<pid>-…`, and `relhook doctor`
//! said all was well; only the next `relhook changelog` or `relhook release` swept it. doctor
//! now names each temporary whose writer is gone, with the `rm` that removes it; one a live
//! relhook writes is not named.

use std::path::{Path, PathBuf};

use crate::support::{installed_repo, stdout, text};

fn temporaries(git: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(git)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("relhook-tmp-"))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// doctor's fix for the row that names `path`.
fn fix_naming(out: &str, path: &Path) -> String {
    let shown = path.display().to_string();
    out.lines()
        .skip_while(|l| !l.contains(&shown))
        .find_map(|l| l.trim().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix for {shown}:\n{out}"))
        .to_owned()
}

#[test]
fn doctor_names_what_a_killed_hook_left_with_the_rm_that_removes_it() {
    for step in ["file-replacing", "file-checked"] {
        let repo = installed_repo();
        let git = repo.path().join(".git");
        repo.relhook_killed_at(step, &["release", "--no-test"]);
        let left = temporaries(&git);
        assert_eq!(left.len(), 1, "{step}: {left:?}");
        let out = repo.relhook(&["doctor"]);
        let said = stdout(&out);
        assert!(
            said.contains(&left[0].display().to_string()),
            "{step}: {}",
            text(&out)
        );
        let fix = fix_naming(&said, &left[0]);
        assert!(fix.starts_with("rm "), "{fix}");
        let run = repo.sh(&fix);
        assert!(run.status.success(), "{fix}: {}", text(&run));
        assert_eq!(temporaries(&git), Vec::<PathBuf>::new(), "{step}");
        let again = stdout(&repo.relhook(&["doctor"]));
        assert!(!again.contains("relhook-tmp-"), "{again}");
    }
}

#[test]
fn doctor_leaves_a_live_relhook_s_temporary_unnamed() {
    let repo = installed_repo();
    // This test's pid stands for a live relhook's.
    let live =
        (repo.path().join(".git")).join(format!("relhook-tmp-{}-Lv1ive", std::process::id()));
    std::fs::write(&live, "").unwrap();
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("relhook-tmp-"), "{}", text(&out));
    assert!(live.exists());
}
