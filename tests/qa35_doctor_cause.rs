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

/// A package's first entry in a monorepo whose earlier commits are all `chore:` (QA35): no
/// "the commits before this one are not in it: `--sync --all` adds…", which then adds nothing.
#[test]
fn a_packages_first_entry_names_no_sync_that_adds_nothing() {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(a): add x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("created it"), "{}", text(&out));
    assert!(!text(&out).contains("are not in it"), "{}", text(&out));
    // With an earlier commit that calls for one, it is said.
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write("p/a/j.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.git_env(
        &["commit", "-q", "-m", "fix(a): early"],
        &[("RELHOOK_SKIP", "1")],
    );
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(a): add x"]);
    assert!(text(&out).contains("are not in it"), "{}", text(&out));
}
