//! QA45: a test command that rewrote a tracked file (a snapshot, codegen) got "the tests left
//! files git does not ignore …: add them to .gitignore", which does nothing for a tracked file.
//! Such a file is named as changed, with the restore that undoes it.

use crate::support::{installed_repo, ok, stderr};

#[test]
fn a_tracked_file_the_tests_changed_is_restored_not_ignored() {
    let repo = installed_repo();
    repo.write("snapshot.txt", "snap v1\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"sh\", \"-c\", \"echo updated > snapshot.txt && echo x > out.log\"]\n",
    );
    ok(repo.git_output(&["add", "."]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "chore: cfg"]));
    let out = ok(repo.relhook(&["test"]));
    let err = stderr(&out);
    let warning = err
        .lines()
        .find(|l| l.starts_with("relhook: warning: the tests"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        warning.contains("the tests changed tracked files and left files git does not ignore"),
        "{warning}"
    );
    assert!(warning.contains("printf '%s\\n' /out.log >>"), "{warning}");
    assert!(
        warning.contains(
            "restore what they changed (`git checkout -- :/snapshot.txt`), or commit it and test again"
        ),
        "{warning}"
    );
    ok(repo.sh("git checkout -- :/snapshot.txt && rm out.log"));
    assert!(repo.is_clean());
}
