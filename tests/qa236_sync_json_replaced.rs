//! QA236: `relhook changelog --sync --format json` listed the entries it added, but not the
//! ones it replaced (a commit amended while relhook's post-commit did not run: `fix(a): d`
//! become `fix(b): d`) or moved to another section (`fix: d` become `feat: d`), which the
//! text output says. Each is now in `replaced`: the entry as the message has it now, and the
//! one the file had (`old`).

use crate::support::{installed_repo, ok, stdout};

/// `from` committed through the hooks, amended to `to` without them, then synced in JSON.
fn synced_json(from: &str, to: &str) -> String {
    let repo = installed_repo();
    repo.commit_hooked(from);
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", to]));
    let out = stdout(&ok(repo.relhook(&[
        "changelog",
        "--sync",
        "--format",
        "json",
    ])));
    // The amend's id depends on when the hooks ran: named by what it is.
    let head = repo.git(&["rev-parse", "HEAD"]);
    out.replace(&head, "[HEAD]")
        .replace(&head[..9], "[HEAD-SHORT]")
}

#[test]
fn a_replaced_entry_is_listed_in_json() {
    insta::assert_snapshot!(
        "qa236_sync_json_replaced",
        synced_json("fix(a): d", "fix(b): d")
    );
}

#[test]
fn a_moved_entry_is_listed_in_json() {
    insta::assert_snapshot!("qa236_sync_json_moved", synced_json("fix: d", "feat: d"));
}
