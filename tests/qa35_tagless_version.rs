//! QA35: in a clone without tags (`git fetch --no-tags`), `relhook version` said "nothing is
//! released yet: 0.1.0 is where the first release starts" while the changelog records 0.1.0
//! released and `version --next` refused for the missing tag. It names the missing tags now.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn version_in_a_clone_without_tags_names_the_missing_tags() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.git(&["tag", "-d", "v0.1.0"]);
    let out = ok(repo.relhook(&["version"]));
    let said = stderr(&out);
    assert!(!said.contains("nothing is released yet"), "{}", text(&out));
    assert!(said.contains("git fetch --tags"), "{}", text(&out));
}
