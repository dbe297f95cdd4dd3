//! QA227: `core.sharedRepository` read as git reads it (setup.c `git_config_perm`) and what
//! relhook writes widened as git widens its own (path.c `adjust_shared_perm`). relhook took
//! `660` (no leading 0) for not shared, `00`/`01`/`02` for exact modes (git: umask, group,
//! everybody), made every folder setgid (git: only when the group gains something), and read a
//! key without `=` as not shared (git: group). Under `umask 077` each gave relhook's objects,
//! refs and reflogs other modes than git's files of the same kind beside them.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::{Repo, ok, text};

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

/// Every loose object and object folder with its mode (`None` for the pack and info folders
/// `git init` made before the setting).
fn objects(git_dir: &Path) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(git_dir.join("objects"))
        .unwrap()
        .flatten()
    {
        if dir.file_name().len() != 2 {
            continue;
        }
        out.push((
            dir.file_name().to_string_lossy().into_owned(),
            mode(&dir.path()),
        ));
        for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
            out.push((file.path().display().to_string(), mode(&file.path())));
        }
    }
    out
}

/// A repository set to `value` (`None`: the key without `=`), a `feat:` commit made under
/// `umask 077` through post-commit (relhook amends it: a blob, trees, a commit, the branch and
/// its reflog), and a branch git makes beside it: every mode relhook gave is git's.
fn post_commit_writes_as_git(value: Option<&str>) {
    let repo = Repo::new();
    match value {
        Some(v) => {
            repo.git(&["config", "core.sharedRepository", v]);
        }
        None => {
            let config = repo.path().join(".git/config");
            let mut text = std::fs::read_to_string(&config).unwrap();
            text.push_str("[core]\n\tsharedRepository\n");
            std::fs::write(&config, text).unwrap();
        }
    }
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write("sub/deep/a.txt", "a\n");
    let out = repo.sh("umask 077 && git add . && git commit -q -m 'feat: add a' \
         && git branch other && git hash-object -w --stdin </dev/null >/dev/null");
    ok(out.clone());
    assert!(
        repo.read("CHANGELOG.md").contains("add a"),
        "{}",
        text(&out)
    );
    let git_dir = repo.path().join(".git");
    // git's own: the commit before relhook amended it, its folder, a branch and its reflog.
    let before = repo.git(&["rev-parse", "main@{1}"]);
    let object = git_dir.join("objects").join(&before[..2]);
    let (git_folder, git_file) = (mode(&object), mode(&object.join(&before[2..])));
    let want_ref = mode(&git_dir.join("refs/heads/other"));
    let mut wrong = Vec::new();
    for (path, m) in objects(&git_dir) {
        let want = if path.len() == 2 {
            git_folder
        } else {
            git_file
        };
        if m != want {
            wrong.push(format!("objects {path}: {m:o}, git's {want:o}"));
        }
    }
    for (path, want) in [
        ("refs/heads/main", want_ref),
        (
            "logs/refs/heads/main",
            mode(&git_dir.join("logs/refs/heads/other")),
        ),
    ] {
        let m = mode(&git_dir.join(path));
        if m != want {
            wrong.push(format!("{path}: {m:o}, git's {want:o}"));
        }
    }
    assert!(wrong.is_empty(), "sharedRepository {value:?}: {wrong:#?}");
}

#[test]
fn a_mode_without_its_leading_zero_is_a_mode() {
    post_commit_writes_as_git(Some("660"));
}

#[test]
fn zero_one_and_two_are_umask_group_and_everybody() {
    for value in ["00", "01", "02"] {
        post_commit_writes_as_git(Some(value));
    }
}

#[test]
fn a_mode_granting_the_group_nothing_leaves_folders_without_setgid() {
    post_commit_writes_as_git(Some("0604"));
}

#[test]
fn a_key_without_a_value_is_group() {
    post_commit_writes_as_git(None);
}
