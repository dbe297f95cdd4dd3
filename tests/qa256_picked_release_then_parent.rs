//! QA256: a release commit cherry-picked onto a maintenance branch, then the fix under it.
//! The release commit brings its section, which lists the fix's entry; the fix's pick brings
//! that entry again, which the merge driver leaves out of Unreleased (the release lists it).
//! post-commit then said the fix was "cherry-picked from a commit that carries no changelog
//! entry" and that `relhook changelog --sync` adds it, though the fix carries one and
//! `--sync` adds nothing: the picked release section lists it. It says nothing now, as
//! `--sync` counts that section's entries.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_fix_picked_after_its_release_commit_is_not_said_to_carry_no_entry() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: b");
    ok(repo.relhook(&["release"]));
    repo.git(&["switch", "-q", "-c", "maint", "v0.1.0"]);

    ok(repo.git_output(&["cherry-pick", "main"]));
    let out = repo.git_output(&["cherry-pick", "main~1"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("carries no changelog entry"), "{err}");
    assert!(!err.contains("no entry added"), "{err}");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("- b\n").count(), 1, "{log}");
    // As `--sync` has it: nothing to add.
    let synced = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert_eq!(crate::support::stdout(&ok(synced)), log);

    // A pick whose entry no section lists is still said.
    repo.git(&["switch", "-q", "main"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "fix: c"]));
    repo.git(&["switch", "-q", "maint"]);
    let out = repo.git_output(&["cherry-pick", "--allow-empty", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("it was cherry-picked from a commit that carries no changelog entry"),
        "{err}"
    );
    assert!(
        err.contains("`relhook changelog --sync` adds `- c`"),
        "{err}"
    );
}
