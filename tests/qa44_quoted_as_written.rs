//! QA44: in a changelog whose entries another tool styles (git-cliff's `- *(api)* x` under
//! `### 🐛 Bug Fixes`), relhook's messages quoted entries as relhook writes them: a rebase
//! reword "still reads `- **b:** two`" and would go "under Fixed", `--sync` said it wrote
//! `- **d:** two`, a second `fix(a): one` was "already" there as `- **a:** one`, and a revert
//! "reverts `- **c:** three`". Every quoted entry and heading reads as the file has it now.

use crate::support::{Repo, ok, stderr, text};

fn cliff() -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [1.0.0] - 2024-01-01\n\n### 🐛 Bug Fixes\n\n- *(api)* old - ([abc1234](https://github.com/o/r/commit/abc1234))\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo
}

/// Says `out`'s stderr, which must hold each of `quotes` and none of relhook's own marks.
fn says(out: &std::process::Output, quotes: &[&str]) {
    assert!(out.status.success(), "{}", text(out));
    let said = stderr(out);
    for q in quotes {
        assert!(said.contains(q), "{q}: {said}");
    }
    assert!(!said.contains(":**") && !said.contains("Fixed"), "{said}");
}

#[test]
fn a_reword_and_its_sync_quote_entries_as_the_file_has_them() {
    let repo = cliff();
    repo.commit_hooked("fix(a): one");
    repo.commit_hooked("fix(b): two");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~2"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i '2s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i '1s/fix(b)/fix(d)/'"),
        ],
    );
    says(
        &out,
        &[
            "still reads `- *(b)* two`",
            "with `- *(d)* two` under 🐛 Bug Fixes",
        ],
    );
    let sync = repo.relhook(&["changelog", "--sync"]);
    says(
        &sync,
        &["replaced `- *(b)* two` under 🐛 Bug Fixes with `- *(d)* two` under 🐛 Bug Fixes"],
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("\n- *(a)* one\n- *(d)* two\n")
    );
}

#[test]
fn a_repeated_entry_and_a_revert_quote_entries_as_the_file_has_them() {
    let repo = cliff();
    repo.commit_hooked("fix(a): one");
    let again = repo.try_commit("fix(a): one");
    says(
        &again,
        &["`- *(a)* one` is already under 🐛 Bug Fixes in CHANGELOG.md's Unreleased (line 7)"],
    );
    repo.commit_hooked("fix(c): three");
    let out = repo.git_output(&["revert", "--no-edit", "HEAD"]);
    says(&out, &["this commit reverts `- *(c)* three`"]);
}
