//! QA222: vue's release commits are `release: v3.5.41` (264 of them), git-cliff's
//! `chore(release): prepare for v2.13.1`; `init` proposed relhook's `chore(release): {version}`
//! all the same, so the first release relhook made read unlike every one before it. It
//! proposes the message the newest release tags' commits share, and says so; lerna's bare
//! `v21.2.2` and tags on ordinary commits (semantic-release's) keep the default.

use crate::support::{Repo, ok, stdout, text};

/// Releases `versions` in turn, each tag on a commit whose header is `header(version)`.
fn released(header: impl Fn(&str) -> String, versions: &[&str]) -> Repo {
    let repo = Repo::new();
    for v in versions {
        repo.commit(&format!("fix: before {v}"));
        repo.commit(&header(v));
        repo.git(&["tag", "-a", &format!("v{v}"), "-m", v]);
    }
    repo.commit("feat: after");
    repo
}

#[test]
fn init_proposes_the_projects_release_commit_message() {
    let repo = released(
        |v| format!("release: v{v}"),
        &["1.0.0", "1.1.0", "1.2.0-rc.1"],
    );
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\ncommit_message = \"release: v{version}\"\n"),
        "{config}"
    );
    assert!(
        stdout(&out).contains(
            "set `[release] commit_message = \"release: v{version}\"`: the project's release commits use it (`release: v1.2.0-rc.1`)"
        ),
        "{}",
        text(&out)
    );
    // The release it makes reads as the project's did.
    repo.git(&["add", ".relconfig.toml", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: adopt relhook"]);
    let dry = ok(repo.relhook(&["release", "--dry-run", "--no-test"]));
    assert!(
        stdout(&dry).contains("commit: release: v1.2.0\n"),
        "{}",
        text(&dry)
    );
    // Lerna's bare version, and tags on ordinary commits, keep the default.
    for header in [
        (|v: &str| format!("v{v}")) as fn(&str) -> String,
        |v: &str| format!("fix: the bug of {v}x"),
        |_: &str| "fix: something".to_owned(),
    ] {
        let repo = released(header, &["1.0.0", "1.1.0"]);
        let out = ok(repo.relhook(&["init"]));
        let config = repo.read(".relconfig.toml");
        assert!(
            config.contains("\ncommit_message = \"chore(release): {version}\"\n"),
            "{config}"
        );
        assert!(!stdout(&out).contains("commit_message"), "{}", text(&out));
    }
}
