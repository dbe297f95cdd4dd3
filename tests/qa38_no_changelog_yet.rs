//! QA38: in a project that keeps no CHANGELOG.md (pnpm's changesets), doctor said
//! "CHANGELOG.md has no entry for 34 commit(s)" about a file that does not exist. It now says
//! there is none yet and what `--sync` would create it with.

use crate::support::{Repo, ok, stdout};

#[test]
fn doctor_says_there_is_no_changelog_yet() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("feat: one");
    repo.commit("fix: two");
    ok(repo.relhook(&["install"]));
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.contains("there is no CHANGELOG.md yet, and 2 commits since the last release call for an entry: `relhook changelog --sync` creates it with them")
            && !said.contains("CHANGELOG.md has no entry"),
        "{said}"
    );
}
