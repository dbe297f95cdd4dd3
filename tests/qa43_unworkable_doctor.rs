//! QA43: in a SHA-256 or reftable repository without hooks, `relhook doctor` listed each hook
//! MISSING with `fix: relhook install` (which refuses: relhook cannot work there) and then
//! `fix: relhook uninstall` (which has nothing to do), and `relhook init` said nothing of it.
//! Both say now, in one line, that relhook cannot work in this repository and why; doctor
//! names `relhook uninstall` only where relhook's hooks are there to remove.

use std::path::PathBuf;

use crate::support::{Repo, stderr, stdout, text};

fn unworkable(format: &str) -> (Repo, PathBuf) {
    let repo = Repo::new();
    let dir = repo.scratch("other");
    let out = repo.git_in(
        &repo.path(),
        &["init", "-q", format, dir.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    (repo, dir)
}

/// doctor's one line on the repository, with no fix line anywhere.
fn says_it_cannot_work(repo: &Repo, dir: &std::path::Path, why: &str) {
    let out = repo.relhook_in(dir, &["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(!said.contains("fix:"), "{said}");
    assert!(!said.contains("MISSING"), "{said}");
    assert!(!said.contains("see `fix:` above"), "{said}");
    let line = said
        .lines()
        .find(|l| l.contains("relhook cannot work in this repository"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains(why), "{said}");
    assert!(!line.contains("relhook uninstall"), "{said}");
}

#[test]
fn doctor_and_init_in_a_sha256_repository_say_relhook_cannot_work_there() {
    let (repo, dir) = unworkable("--object-format=sha256");
    let out = repo.relhook_in(&dir, &["install"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    says_it_cannot_work(&repo, &dir, "SHA-256");
    let out = repo.relhook_in(&dir, &["init"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.lines()
            .any(|l| l.contains("relhook cannot work in this repository")
                && l.contains("SHA-256")
                && l.contains("cannot install its hooks here")),
        "{said}"
    );
}

#[test]
fn doctor_in_a_reftable_repository_says_relhook_cannot_work_there() {
    let (repo, dir) = unworkable("--ref-format=reftable");
    says_it_cannot_work(&repo, &dir, "reftable");
}

#[test]
fn doctor_names_uninstall_where_relhook_s_hooks_were_copied_in() {
    let (repo, dir) = unworkable("--object-format=sha256");
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    for name in [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
    ] {
        std::fs::copy(
            repo.hooks_dir().join(name),
            dir.join(".git/hooks").join(name),
        )
        .unwrap();
    }
    let out = repo.relhook_in(&dir, &["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("relhook cannot work in this repository"),
        "{said}"
    );
    assert!(!said.contains("fix: relhook install"), "{said}");
    let fixes = said.lines().filter(|l| l.trim_start().starts_with("fix:"));
    assert_eq!(fixes.count(), 1, "{said}");
    assert!(said.contains("fix: relhook uninstall"), "{said}");
    // What it names removes them.
    let out = repo.relhook_in(&dir, &["uninstall"]);
    assert!(out.status.success(), "{}{}", text(&out), stderr(&out));
    assert!(!dir.join(".git/hooks/commit-msg").exists());
}
