//! QA78: a release run in `src/` refused a version file of mode 000 with `ls -ld Cargo.toml .`,
//! which names files of `src/` there: the step now names them from the top of the work tree,
//! and pasted in `src/` it shows Cargo.toml and the top folder.

use std::path::Path;

use crate::support::{Repo, as_user, chmod, ok, relhook_bin, text, untested_installed};

#[cfg(unix)]
#[test]
fn the_permission_step_of_an_unreadable_version_file_works_pasted_in_a_subfolder() {
    let repo: Repo = untested_installed();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("src/lib.rs", "");
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: add the manifest");
    chmod(&repo.path().join("Cargo.toml"), 0o000);
    let relhook = relhook_bin();
    let line = format!(
        "cd src && exec {} release --no-test 0.1.0",
        relhook.display()
    );
    let Some(out) = as_user(&repo, Path::new("sh"), &["-c", &line]) else {
        eprintln!("skipped: capsh is needed to read as a user whom the mode stops");
        return;
    };
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    let step = said
        .split("`ls -ld ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no `ls -ld` step in:\n{said}"));
    chmod(&repo.path().join("Cargo.toml"), 0o644);
    let shown = repo
        .command_in("sh", &repo.path().join("src"))
        .args(["-c", &format!("ls -ld {step}")])
        .output()
        .unwrap();
    assert!(shown.status.success(), "{step}: {}", text(&shown));
    let listed = String::from_utf8_lossy(&shown.stdout).into_owned();
    let top = repo.path().canonicalize().unwrap();
    assert!(
        listed.contains(&format!("{}/Cargo.toml", top.display())),
        "{listed}"
    );
    assert!(!listed.contains("/src"), "{listed}");
    ok(repo.relhook(&["release", "--no-test", "0.1.0"]));
}
