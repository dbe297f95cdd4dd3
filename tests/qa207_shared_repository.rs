//! QA207: in a repository shared by a group (`git init --shared=group`, `core.sharedRepository`)
//! git widens everything it writes in the git directory to the group. relhook's post-commit
//! amend, release and test record wrote their trees, commits and tag objects and moved their
//! refs through libgit2, which gives them the umask's bits alone: under `umask 077` the amended
//! commit, its tree, the branch and the release tag were private files (`0400`, `0600`) and a
//! folder such as `objects/ab/` or `refs/notes/` refused every teammate's writes. They now get
//! the permissions git gives its own.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::{Repo, ok, text};

/// Files under `dir` the group cannot read, and folders it cannot write into (or that are not
/// setgid, as git makes a shared repository's), with their modes.
fn private(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let mode = entry.metadata().unwrap().permissions().mode() & 0o7777;
        if path.is_dir() {
            if mode & 0o2070 != 0o2070 {
                out.push(format!("{} {mode:o}", path.display()));
            }
            private(&path, out);
        } else if mode & 0o040 == 0 {
            out.push(format!("{} {mode:o}", path.display()));
        }
    }
}

#[test]
fn a_group_shared_repository_keeps_what_relhook_writes_readable_by_the_group() {
    let repo = Repo::new();
    repo.git(&["config", "core.sharedRepository", "group"]);
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    // What git made before relhook wrote anything is shared as git shares it.
    let git_dir = repo.path().join(".git");
    let objects = git_dir.join("objects");
    let mut before = Vec::new();
    for entry in std::fs::read_dir(&objects).unwrap().flatten() {
        if entry.file_name().len() == 2 {
            private(&entry.path(), &mut before);
        }
    }
    assert!(before.is_empty(), "git's own: {before:?}");
    repo.write("sub/deep/b.txt", "b\n");
    let out = repo.sh(
        "umask 077 && git add sub && git commit -q -m 'feat: add b' \
         && relhook release --no-test && relhook test",
    );
    ok(out.clone());
    assert!(
        repo.read("CHANGELOG.md").contains("## [0.1.0]"),
        "{}",
        text(&out)
    );
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&objects).unwrap().flatten() {
        let name = entry.file_name();
        if name.len() == 2 {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o7777;
            if mode & 0o2070 != 0o2070 {
                found.push(format!("{} {mode:o}", entry.path().display()));
            }
            private(&entry.path(), &mut found);
        }
    }
    for refs in ["refs/heads", "refs/tags", "refs/notes", "logs/refs/notes"] {
        private(&git_dir.join(refs), &mut found);
    }
    assert!(
        found.is_empty(),
        "not shared with the group: {found:#?}\n{}",
        text(&out)
    );
    // And git, as a teammate would run it, finds every object whole.
    repo.git(&["fsck", "--strict", "--no-dangling"]);
}
