//! QA42: with its only release tag left off HEAD's history (the released commits reset or
//! rebased away), `relhook version` said nothing was released yet, or to fetch the tags the
//! clone has. It now names the tag HEAD's history does not hold, and doctor for the way on.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_release_tag_off_heads_history_is_named_not_fetched() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    ok(repo.relhook(&["release"]));
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    repo.git(&["commit", "-q", "--amend", "-m", "feat: a, reworded"]);
    let out = ok(repo.relhook(&["version"]));
    let said = stderr(&out);
    assert!(
        said.contains(
            "relhook: note: no release tag is in HEAD's history, though this clone has v0.1.0 (on "
        ) && said.contains("`relhook doctor` says what to do with it"),
        "{}",
        text(&out)
    );
    assert!(
        !said.contains("git fetch --tags") && !said.contains("nothing is released yet"),
        "{said}"
    );
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("release tag v0.1.0 is on no branch"),
        "{doctor}"
    );
}
