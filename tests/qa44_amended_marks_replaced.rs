//! QA44: `fix(a): d` amended to `fix(b): d` while relhook's post-commit did not run: `--sync`
//! replaced `- **a:** d` with `- **b:** d`, saying the entry "was left as its old type had it"
//! (the type had not changed), and in the same run said the file still read `- **a:** d`,
//! to be changed by hand. Now the replacement is said by what the message changed, and only
//! doctor, before the sync, says the stale entry (with `--sync` as the fix).

use crate::support::{installed_repo, ok, stderr, stdout, text};

fn synced(from: &str, to: &str) -> (String, String, String) {
    let repo = installed_repo();
    repo.commit_hooked(from);
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", to]));
    let short = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(!text(&out).contains("by hand"), "{}", text(&out));
    (short, doctor, stderr(&out))
}

#[test]
fn a_scope_amended_unhooked_is_replaced_once_and_said_as_a_scope() {
    let (short, doctor, sync) = synced("fix(a): d", "fix(b): d");
    assert!(
        doctor.contains(&format!(
            "CHANGELOG.md still reads `- **a:** d` for amended commit {short} ("
        )),
        "{doctor}"
    );
    assert!(
        doctor.contains("`--sync` replaces it with `- **b:** d` under Fixed, as the new message has it\n          fix: relhook changelog --sync"),
        "{doctor}"
    );
    assert!(
        sync.contains("with `- **b:** d` under Fixed, as the commit's message has it now (its entry was left as its old scope had it)"),
        "{sync}"
    );
    assert!(!sync.contains("still reads"), "{sync}");
}

#[test]
fn a_breaking_mark_amended_unhooked_is_said_as_the_mark() {
    let (_, _, sync) = synced("feat: d", "feat!: d");
    assert!(
        sync.contains("(its entry was left without the breaking mark its message now has)"),
        "{sync}"
    );
    assert!(!sync.contains("old type"), "{sync}");
}
