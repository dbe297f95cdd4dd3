//! QA35 (known before): `version --all --next` listed only the packages with commits of their
//! own, while `release --all` also releases each dependent whose requirement on a released
//! package moves: a CI job announcing versions from the preview missed those releases.

use crate::support::{ok, stdout, text, two_packages};

#[test]
fn the_version_preview_lists_the_dependents_release_all_adds() {
    let repo = two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"0.4.0\",\n  \"dependencies\": {\n    \"a\": \"^1.0.0\"\n  }\n}\n",
    );
    crate::qa35_peer_range::both_released_then_a_fixed(&repo);

    let out = ok(repo.relhook(&["version", "--all", "--next"]));
    let said = stdout(&out);
    assert!(said.contains("a 1.0.0 -> 1.0.1\n"), "{said}");
    assert!(
        said.contains("b 0.4.0 -> 0.4.1 (a dependency's requirement changed: a)\n"),
        "{said}"
    );
    let plan = repo.relhook(&["release", "--all", "--dry-run"]);
    assert!(text(&plan).contains("0.4.0 → 0.4.1"), "{}", text(&plan));
    let out = ok(repo.relhook(&["version", "--all", "--next", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let b = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["package"] == "b")
        .cloned()
        .unwrap();
    assert_eq!(b["next"], "0.4.1", "{b}");
}
