//! QA89: the fix for a journal relhook cannot read, `rm -r '<path>'`, escaped a quote in the
//! git directory's path but sent a line break in it raw: the one-line note broke in two, and
//! so did doctor's fix. The path is now one word of shellword's quoter, shown on one line.

use crate::support::{installed_repo, stderr, stdout, text};

#[test]
fn an_unreadable_journal_in_a_git_dir_with_a_line_break_is_removed_by_its_pasted_fix() {
    let repo = installed_repo();
    let git_dir = repo.dir.path().join("g it's\nhere");
    repo.git(&[
        "init",
        "-q",
        "--separate-git-dir",
        git_dir.to_str().unwrap(),
    ]);
    let journal = git_dir.join("relhook-txn");
    std::fs::write(&journal, "garbage here\n").unwrap();
    let out = repo.try_commit("feat: after the garbage");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let line = (err.lines())
        .find(|l| l.contains("was not added to commit"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("is not a journal relhook can read"), "{err}");
    let rm = line.split('`').nth(1).unwrap();
    assert!(
        rm.starts_with("rm -r ") && rm.contains("relhook-txn"),
        "{err}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let fix = (doctor.lines())
        .skip_while(|l| !l.contains("INVALID  transaction"))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert_eq!(fix, rm, "{doctor}");
    let ran = repo.sh(rm);
    assert!(ran.status.success(), "{rm}: {}", text(&ran));
    assert!(!journal.exists(), "{rm}");
    assert!(git_dir.join("HEAD").is_file(), "{rm}");
}
