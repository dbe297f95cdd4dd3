//! QA47: `git rebase -i` with `fixup -C` (or `fixup -c`) gives the first commit the fixup's
//! message, and the file lists both commits' entries, the first one's now stale. The step
//! (reflog `rebase (fixup)`) was not read as a reword: doctor said all is well and `--sync`
//! up to date, and the rebase's own line told to change the stale entry into the one the file
//! already lists. Now each names the stale entry beside the new one, to remove by hand.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

const SAID: &str = "CHANGELOG.md still lists `- add a` for reworded commit";
const FIX: &str = "beside `- add b`, the entry its new message calls for (relhook leaves the commits of a rebase as git makes them); remove `- add a` by hand if it should go";

/// `feat: add a`, `feat: add b`, `feat: add c`, then `rebase -i` with `step` on the second.
fn folded(step: &str) -> (Repo, std::process::Output) {
    let repo = installed_repo();
    for m in ["a", "b", "c"] {
        repo.write(&format!("{m}.txt"), "x\n");
        ok(repo.git_output(&["add", "."]));
        repo.commit_hooked(&format!("feat: add {m}"));
    }
    let todo = format!("sed -i '2s/^pick/{step}/'");
    let env = [
        ("GIT_SEQUENCE_EDITOR", todo.as_str()),
        ("GIT_EDITOR", "true"),
    ];
    let out = repo.git_in(&repo.path(), &["rebase", "-i", "HEAD~3"], &env);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", "HEAD~1"]),
        "feat: add b"
    );
    (repo, out)
}

#[test]
fn a_fixup_c_step_is_read_as_a_reword() {
    for step in ["fixup -C", "fixup -c"] {
        let (repo, out) = folded(step);
        // The rebase's own line: the stale entry beside the new one, said once.
        let said = stderr(&out);
        assert!(said.contains(SAID) && said.contains(FIX), "{step}: {said}");
        assert!(!said.contains("change it by hand"), "{step}: {said}");
        assert!(!said.contains("folded into"), "{step}: {said}");
        assert_eq!(said.matches("relhook:").count(), 1, "{step}: {said}");
        // doctor and `--sync` name it too.
        let out = repo.relhook(&["doctor"]);
        assert!(stdout(&out).contains(SAID), "{step}: {}", text(&out));
        assert!(stdout(&out).contains(FIX), "{step}: {}", text(&out));
        let out = ok(repo.relhook(&["changelog", "--sync"]));
        assert!(stderr(&out).contains(SAID), "{step}: {}", text(&out));
        // Removed by hand, the file lists the final message's entry alone, and all is well.
        let log = repo.read("CHANGELOG.md");
        repo.write("CHANGELOG.md", log.replace("- add a\n", ""));
        ok(repo.git_output(&["commit", "-q", "-am", "docs: drop a stale entry"]));
        let log = repo.read("CHANGELOG.md");
        assert_eq!(log.matches("- add b\n").count(), 1, "{log}");
        assert!(!log.contains("- add a"), "{log}");
        let out = repo.relhook(&["doctor"]);
        assert!(
            stdout(&out).contains("all is well"),
            "{step}: {}",
            text(&out)
        );
    }
}

/// A plain `fixup` keeps the first message, and its entry: only the folded commit's entry is
/// said, and doctor has nothing to say of a reword.
#[test]
fn a_plain_fixup_is_no_reword() {
    let (repo, out) = {
        let repo = installed_repo();
        for m in ["a", "b"] {
            repo.write(&format!("{m}.txt"), "x\n");
            ok(repo.git_output(&["add", "."]));
            repo.commit_hooked(&format!("feat: add {m}"));
        }
        let env = [("GIT_SEQUENCE_EDITOR", "sed -i '2s/^pick/fixup/'")];
        let out = repo.git_in(&repo.path(), &["rebase", "-i", "HEAD~2"], &env);
        (repo, out)
    };
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("reworded"), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("reworded"), "{}", text(&out));
}
