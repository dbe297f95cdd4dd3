//! QA51: a repository installed before relhook had a post-applypatch hook. doctor names that
//! one hook missing, with `relhook install` as its fix on one line, and the commit-time hooks
//! (older shims) say nothing about it; `relhook install` puts it in. This already held: the
//! test keeps it so.

use crate::support::{installed_repo, ok, stderr, stdout};

#[test]
fn doctor_names_the_missing_post_applypatch_and_install_adds_it() {
    let repo = installed_repo();
    // As an older relhook left it: no post-applypatch, and shims of an older version.
    let hooks = repo.hooks_dir();
    std::fs::remove_file(hooks.join("post-applypatch")).unwrap();
    for hook in ["commit-msg", "post-commit", "pre-push"] {
        let path = hooks.join(hook);
        let shim = std::fs::read_to_string(&path).unwrap();
        let current = format!("# relhook-shim v{} ", shim_version(&shim));
        std::fs::write(&path, shim.replace(&current, "# relhook-shim v13 ")).unwrap();
    }
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let lines: Vec<&str> = doctor.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("hook post-applypatch"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert_eq!(
        lines[at].trim(),
        format!(
            "MISSING  hook post-applypatch: no post-applypatch hook in {}",
            hooks.display()
        )
    );
    assert_eq!(lines[at + 1].trim(), "fix: relhook install");
    // A commit says only what it did to the changelog: nothing about the missing hook.
    let out = repo.try_commit("feat: more");
    assert!(out.status.success());
    let said: Vec<String> = stderr(&out).lines().map(str::to_owned).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("relhook: CHANGELOG.md: added `- more` under Added"),
        "{said:?}"
    );
    // The fix, pasted, puts it in.
    ok(repo.relhook(&["install"]));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("ok  hook post-applypatch: installed"),
        "{doctor}"
    );
}

/// The version in a shim's marker line (`# relhook-shim v14 commit-msg`).
fn shim_version(shim: &str) -> String {
    let rest = shim.split("# relhook-shim v").nth(1).unwrap();
    rest.chars().take_while(char::is_ascii_digit).collect()
}
