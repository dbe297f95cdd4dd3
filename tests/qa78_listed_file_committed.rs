//! QA78: a hand tag refused because a version file relhook found by itself says neither the
//! version released nor the new one advised listing the file in .relconfig.toml, "then tag
//! again"; followed as written, the tag was refused next for the changed .relconfig.toml.
//! The advice now says to commit it, and pasted as told the tag goes through.

use crate::support::{Repo, hand_tag, hand_tag_refused, text};

#[test]
fn listing_the_found_file_as_advised_and_tagging_again_releases() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\": \"demo\", \"version\": \"0.3.0\"}\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("fix.txt", "x\n");
    repo.git(&["add", "fix.txt"]);
    repo.commit_hooked("fix: a bug");

    let err = hand_tag_refused(&repo, "v1.0.1");
    assert!(err.contains("package.json says 0.3.0"), "{err}");
    let line = err
        .split("(`[version]` then `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no `files` line in:\n{err}"));
    assert!(
        err.contains(&format!("`[version]` then `{line}`) and commit it")),
        "{err}"
    );
    // As told: listed, committed, tagged again.
    let config = repo.read(".relconfig.toml");
    repo.write(".relconfig.toml", format!("{config}[version]\n{line}\n"));
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: list package.json as a version file");
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "x"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let released = repo.git(&["show", "v1.0.1:package.json"]);
    assert!(released.contains("\"version\": \"1.0.1\""), "{released}");
}
