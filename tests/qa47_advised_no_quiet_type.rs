//! QA47: with `[commit] types = ["feat", "fix"]`, no allowed type adds nothing. The commit
//! relhook advises must then never get past the commit-msg hook only to be refused at push:
//! pasted, it is refused at once, and the refusal names `commit.types`, where it is fixed.

use crate::support::{Repo, ok, stderr, stdout, text};

const RULES: &str =
    "[commit]\ntypes = [\"feat\", \"fix\"]\n[checks]\nrequire_tested_tags = false\n";

/// A crate released as 0.1.0 under those rules, then `fix: b`, with an origin.
fn ruled() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(".relconfig.toml", RULES);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "."]);
    repo.commit_hooked("fix: start");
    ok(repo.relhook(&["release"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");
    repo.with_origin();
    repo
}

/// The advised commit command in `advice`: from its `git commit -m` (and any environment
/// set before it) up to the closing backtick or the end of the line.
fn advised_commit(advice: &str) -> String {
    let at = advice
        .find("git commit -m")
        .unwrap_or_else(|| panic!("{advice}"));
    let skip = "RELHOOK_SKIP=1 ";
    let start = match advice[..at].ends_with(skip) {
        true => at - skip.len(),
        false => at,
    };
    let rest = &advice[start..];
    rest.split(['`', '\n']).next().unwrap().to_owned()
}

/// Pasted, the advice either commits something the push then takes, or is refused at once
/// with the setting that decides it: never a commit pre-push refuses later.
fn pasted_is_refused_now_not_at_push(repo: &Repo, command: &str) {
    let done = repo.sh(command);
    if done.status.success() {
        let push = repo.git_output(&["push", "-q", "origin", "HEAD"]);
        assert!(push.status.success(), "{command}\n{}", text(&push));
    } else {
        let err = stderr(&done);
        assert!(err.contains("commit.types"), "{command}\n{err}");
        assert!(!command.contains("RELHOOK_SKIP"), "{command}");
    }
}

#[test]
fn the_allow_dirty_refusal_advises_no_commit_the_push_refuses() {
    let repo = ruled();
    let manifest = repo.read("Cargo.toml");
    repo.write(
        "Cargo.toml",
        manifest.replace("version = \"0.1.0\"", "version = \"0.1.0\" # pinned"),
    );
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let command = advised_commit(&stderr(&out));
    pasted_is_refused_now_not_at_push(&repo, &command);
}

#[test]
fn doctor_advises_no_changelog_commit_the_push_refuses() {
    let repo = ruled();
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", format!("{log}- hand note\n"));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let command = advised_commit(&doctor);
    pasted_is_refused_now_not_at_push(&repo, &command);
}
