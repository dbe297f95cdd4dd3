//! QA35: a patch release of `ui` rewrote its dependent's peer range `>=1.0.0` to `>=1.1.1`,
//! dropping ui 1.0.x from the dependent's users in a patch release of its own, with two
//! identical-looking entries (`dependencies` and `peerDependencies`). A `>=` range, and a peer
//! range, that admit the new version stay as they are.

use crate::support::{Repo, ok, text, two_packages};

#[test]
fn a_range_that_admits_the_new_version_is_left_alone() {
    let repo = two_packages(
        "{\n  \"name\": \"ui\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"web\",\n  \"version\": \"0.4.0\",\n  \"dependencies\": {\n    \"ui\": \"^1.0.0\"\n  },\n  \"peerDependencies\": {\n    \"ui\": \">=1.0.0\"\n  },\n  \"optionalDependencies\": {\n    \"ui\": \">=1.0.0\"\n  }\n}\n",
    );
    both_released_then_a_fixed(&repo);
    let out = repo.relhook(&["release", "--all", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let plan = text(&out);
    assert!(plan.contains("`^1.0.0` → `^1.0.1`"), "{plan}");
    assert!(!plan.contains("`>=1.0.0` →"), "{plan}");
    ok(repo.relhook(&["release", "--all"]));
    let web = repo.read("p/b/package.json");
    assert!(web.contains("\"ui\": \"^1.0.1\""), "{web}");
    assert_eq!(web.matches("\"ui\": \">=1.0.0\"").count(), 2, "{web}");
    let log = repo.read("p/b/CHANGELOG.md");
    assert_eq!(log.matches("require a 1.0.1").count(), 1, "{log}");
}

/// Both packages released, then a fix of `a` alone: `a`'s patch is due, and `b`'s requirement
/// on it moves with it.
pub(crate) fn both_released_then_a_fixed(repo: &Repo) {
    repo.write("p/a/i.js", "x\n");
    repo.write("p/b/i.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: both"]));
    ok(repo.relhook(&["release", "--all"]));
    repo.write("p/a/i.js", "y\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix(a): z"]));
}
