//! QA46: `fix: d` reworded to `chore: d` by `git rebase -i` kept its `- d` entry (relhook
//! leaves a rebase's commits as git makes them). post-commit said so once, then doctor said
//! all is well and `--sync` up to date; with RELHOOK_SKIP=1 nothing was said at all. The same
//! change by `git commit --amend` is named by both: a rebase's reword now is too.

use crate::support::{installed_repo, ok, stderr, stdout, text};

const SAID: &str = "CHANGELOG.md still reads `- d` for reworded commit";

fn reworded(skip: bool) -> crate::support::Repo {
    let repo = installed_repo();
    for m in ["a", "d", "e"] {
        repo.write(&format!("{m}.txt"), "x\n");
        ok(repo.git_output(&["add", "."]));
        repo.commit_hooked(&format!("fix: {m}"));
    }
    let mut env = vec![
        (
            "GIT_SEQUENCE_EDITOR",
            "sed -i 's/^pick \\([0-9a-f]*\\) fix: d$/reword \\1 fix: d/'",
        ),
        ("GIT_EDITOR", "sed -i 's/^fix: d$/chore: d/'"),
    ];
    if skip {
        env.push(("RELHOOK_SKIP", "1"));
    }
    repo.git_env(&["rebase", "-q", "-i", "HEAD~2"], &env);
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", "HEAD~1"]),
        "chore: d"
    );
    assert!(repo.read("CHANGELOG.md").contains("- d\n"));
    repo
}

#[test]
fn doctor_and_sync_name_the_entry_a_rebase_reword_left() {
    for skip in [false, true] {
        let repo = reworded(skip);
        let out = repo.relhook(&["doctor"]);
        let said = stdout(&out);
        assert!(said.contains(SAID), "{}", text(&out));
        assert!(
            said.contains("(relhook leaves the commits of a rebase as git makes them); remove `- d` by hand if it should go"),
            "{}",
            text(&out)
        );
        let out = ok(repo.relhook(&["changelog", "--sync"]));
        assert!(stderr(&out).contains(SAID), "{}", text(&out));
    }
}
