//! QA35: with a release tag made past the hook (or a hand tag or release cut short), the
//! version files still say the version before it, and doctor's first row told the user to list
//! Cargo.toml in .relconfig.toml or turn detection off: a config change for nothing. The row of
//! the unfinished work is the cause, and the files' row waits for it.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_tag_without_its_release_is_the_one_row_not_the_version_files() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("feat: c");
    repo.git_env(
        &["tag", "-a", "v0.2.0", "-m", "r"],
        &[("RELHOOK_SKIP", "1")],
    );
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(said.contains("tag v0.2.0"), "{said}");
    assert!(!said.contains("version files"), "{said}");
    // Its fix done, doctor is content: the files' row was never a problem of its own.
    let out = repo.git_output(&["tag", "-d", "v0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
