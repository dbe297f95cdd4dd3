//! QA33: after a hand tag on a clone adopted with a history of tags, `next:` told the user to
//! test five old tags (`relhook test --tag v3.5.36 && …`) that pre-push never judges: tags from
//! before `relhook install`, and lightweight ones `--follow-tags` does not push.

use crate::support::{Repo, hand_tag, stderr, text};

#[test]
fn next_names_only_the_tags_pre_push_would_refuse() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "a.txt", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: b"]);
    repo.git(&["tag", "v0.2.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit_hooked("feat: c");
    let out = hand_tag(&repo, &["-a", "v0.3.0", "-m", "v0.3.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("next: relhook test,"), "{said}");
    assert!(!said.contains("--tag v0.1.0"), "{said}");
    assert!(!said.contains("--tag v0.2.0"), "{said}");

    // A tag made since the install, untested, is named.
    repo.commit_hooked("feat: d");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("relhook test --tag v0.3.0"), "{said}");
    assert!(!said.contains("--tag v0.1.0"), "{said}");
    // Why an older tag is named after this release (QA35): it goes with the push.
    assert!(
        said.contains("the older release tag it tests, not pushed yet, goes with this push"),
        "{said}"
    );
}
