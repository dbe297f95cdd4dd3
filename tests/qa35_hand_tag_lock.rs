//! QA35: a hand tag of an npm workspace package (`git tag -a a-v1.1.0`) left the root
//! package-lock.json saying the old version, as `relhook release --package` no longer does:
//! the tagged tree's lock disagreed with its manifest.

use crate::support::{hand_tag, text, two_packages};

#[test]
fn a_package_hand_tag_moves_its_version_in_the_root_lock() {
    let repo = two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"a\": \"^1.0.0\"\n  }\n}\n",
    );
    repo.write("package-lock.json", crate::qa34_npm_lock::LOCK);
    repo.write(
        "package.json",
        "{\"name\": \"root\", \"private\": true, \"workspaces\": [\"p/*\"]}\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: workspace root"]);
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    let out = repo.commit_with_hooks("feat(a): more");
    assert!(out.status.success(), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "a-v1.1.0", "-m", "a"]);
    assert!(out.status.success(), "{}", text(&out));
    let changed = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(
        changed.contains("package-lock.json"),
        "{changed}\n{}",
        text(&out)
    );
    let lock = repo.read("package-lock.json");
    assert!(
        lock.contains("\"p/a\": {\n      \"version\": \"1.1.0\""),
        "{lock}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
