//! QA39: `git merge --no-commit` of a branch, clean through relhook's merge driver, then an
//! entry taken out by hand before `git commit`: post-commit put it back and spoke of a
//! conflict's resolution that never was. Hand edits win: it stays out, and that is said.

use crate::support::{Repo, installed_repo, text};

fn add(repo: &Repo, file: &str, message: &str) {
    repo.write(file, "x\n");
    repo.git(&["add", file]);
    repo.commit_hooked(message);
}

#[test]
fn an_entry_taken_out_by_hand_while_concluding_a_clean_merge_stays_out() {
    let repo = installed_repo();
    repo.git(&["switch", "-qc", "feat"]);
    add(&repo, "u", "feat: add dashboard");
    add(&repo, "v", "fix: internal-only tweak");
    repo.git(&["switch", "-q", "main"]);
    add(&repo, "m", "fix: main fix");
    repo.git(&["merge", "-q", "--no-commit", "--no-ff", "feat"]);
    let text_now = repo
        .read("CHANGELOG.md")
        .replace("- internal-only tweak\n", "");
    repo.write("CHANGELOG.md", text_now);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("leaves out 1 entry a parent had unreleased (`- internal-only tweak`), which the merge itself kept: taken out by hand, it stays out")
            && !said.contains("conflict"),
        "{said}"
    );
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        !head.contains("internal-only tweak") && head.contains("- main fix"),
        "{head}"
    );
    assert!(repo.is_clean());
}
