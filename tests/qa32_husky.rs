//! QA32: husky set up in a sub-directory (`cd .. && husky frontend/.husky`, as husky's docs
//! show: `core.hooksPath=frontend/.husky/_`): relhook wrote its calls into a new `.husky` at
//! the top that husky never runs, so nothing was checked, and doctor said all is well.

use crate::hook_files::husky_9_runners_in;
use crate::support::{Repo, hand_tag, text};

#[test]
fn husky_in_a_sub_directory_gets_relhooks_calls_in_its_own_files() {
    let repo = Repo::new();
    husky_9_runners_in(&repo, "frontend/.husky");
    repo.write(
        "frontend/.husky/pre-commit",
        "echo frontend-pre-commit-ran\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: husky"]);

    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        crate::support::stdout(&out).contains("commit-msg: wired in frontend/.husky/commit-msg"),
        "{}",
        text(&out)
    );
    assert!(
        !repo.path().join(".husky").exists(),
        "no husky directory at the top"
    );
    for hook in [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
    ] {
        assert!(
            repo.read(&format!("frontend/.husky/{hook}"))
                .contains("relhook"),
            "{hook}"
        );
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: wire relhook"]);

    // husky runs them: a bad message is refused, a feature gets its entry, a hand tag releases.
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "not conventional"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- x"));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");

    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        crate::support::stdout(&out)
            .contains("husky runs relhook for it (frontend/.husky/commit-msg)"),
        "{}",
        text(&out)
    );
}
