//! QA78: a Cargo crate released before its Cargo.lock was committed (`cargo new` ignores no
//! lock; `cargo test` writes it afterwards): pre-push's fix commits the lock and makes the
//! release tag again on that commit. It made it with `-m v0.1.0`, so the pushed tag lost the
//! release notes relhook had written into it; the tag is now made again with its own message.

use crate::support::{Repo, text};

#[test]
fn the_lock_files_fix_keeps_the_release_tags_notes() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("src/lib.rs", "");
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write(".gitignore", "/target\n");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    repo.with_origin();
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = |r: &Repo| r.git(&["tag", "-l", "--format=%(contents)", "v0.1.0"]);
    let before = notes(&repo);
    assert!(before.contains("### Added\n\n- start"), "{before}");

    // What `cargo test` leaves: the lock, untracked.
    repo.write(
        "Cargo.lock",
        "version = 4\n\n[[package]]\nname = \"demo\"\nversion = \"0.1.0\"\n",
    );
    let push = repo.git_output(&["push", "--follow-tags", "origin", "HEAD"]);
    assert_ne!(push.status.code(), Some(0), "{}", text(&push));
    let said = text(&push);
    let fix = said
        .split("a lock file belongs in the release it locks: `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no lock file fix in:\n{said}"));
    let out = repo.sh(fix);
    assert_eq!(out.status.code(), Some(0), "{fix}\n{}", text(&out));

    assert_eq!(notes(&repo), before, "the tag made again keeps its notes");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(
        repo.git(&["log", "-1", "--format=%s"])
            .starts_with("build:")
    );
    let push = repo.git_output(&["push", "--follow-tags", "origin", "HEAD"]);
    assert_eq!(push.status.code(), Some(0), "{}", text(&push));
}
