//! QA37: two things doctor and install said that were not so: doctor offered to run a kept
//! post-commit hook "first" (install runs it after relhook's part, and says so), and a husky
//! file with CRLF line endings "fails, every commit is refused" when its commands ran fine
//! (sh takes the carriage return into each line's last word: `echo` only prints it).

use crate::support::{Repo, chmod, ok, stdout, text};

#[test]
fn doctor_says_a_kept_post_commit_hook_runs_after_relhooks_part() {
    let repo = Repo::new();
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    let hook = repo.hooks_dir().join("post-commit");
    std::fs::write(&hook, "#!/bin/sh\necho mine\n").unwrap();
    chmod(&hook, 0o755);
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains("and runs it after relhook's part)"), "{said}");
    let install = ok(repo.relhook(&["install"]));
    assert!(
        text(&install).contains("after relhook's part"),
        "{}",
        text(&install)
    );
}

#[test]
fn a_crlf_hook_sh_reads_is_said_to_break_commands_not_every_commit() {
    let repo = Repo::new();
    repo.write(".husky/commit-msg", "echo CM-MINE \"$1\"\r\n");
    chmod(&repo.path().join(".husky/commit-msg"), 0o755);
    repo.git(&["config", "core.hooksPath", ".husky"]);
    let out = repo.relhook(&["install"]);
    let said = text(&out);
    assert!(
        said.contains("sh reads the carriage return into each line's last word (line 1: `echo CM-MINE \"$1\"`): a command that takes it in fails or misbehaves (`exit 0` fails, `fi` is not read as one), and when the hook fails every commit is refused"),
        "{said}"
    );
}
