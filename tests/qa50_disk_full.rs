//! QA50: a full disk was said with the path twice ("cannot write X: No space left on device
//! (os error 28) at path X"): tempfile's writer adds its path to the error. Said once now.
//! Needs a small tmpfs, mounted only where the test may (as root); elsewhere the unit test
//! `error::hint::tests::the_reason_names_no_path_tempfile_added` covers the wording.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{installed_repo, ok, relhook_bin, text};

/// A tmpfs mounted on a folder, unmounted when dropped.
pub(crate) struct Mounted(PathBuf);

impl Mounted {
    pub(crate) fn tmpfs(on: &Path, size: &str) -> Option<Mounted> {
        let done = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(on)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        done.then(|| Mounted(on.to_owned()))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_names_the_file_once() {
    let repo = installed_repo();
    repo.write("b.txt", "b\n");
    ok(repo.git_output(&["add", "b.txt"]));
    ok(repo.git_output(&[
        "-c",
        "core.hooksPath=/dev/null",
        "commit",
        "-q",
        "-m",
        "feat: b",
    ]));
    // The object store on a small tmpfs, then filled: post-commit's object write fails.
    let objects = repo.path().join(".git/objects");
    let saved = repo.dir.path().join("objects-saved");
    std::fs::rename(&objects, &saved).unwrap();
    std::fs::create_dir(&objects).unwrap();
    let Some(_mounted) = Mounted::tmpfs(&objects, "1m") else {
        std::fs::remove_dir(&objects).unwrap();
        std::fs::rename(&saved, &objects).unwrap();
        eprintln!("no tmpfs could be mounted here: the unit test covers the wording");
        return;
    };
    let copied = Command::new("cp")
        .arg("-a")
        .arg(saved.join("."))
        .arg(&objects)
        .status()
        .unwrap();
    assert!(copied.success());
    let fill = objects.join("fill");
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=1k", "count=4096"])
        .arg(format!("of={}", fill.display()))
        .stderr(std::process::Stdio::null())
        .status();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["hook", "post-commit"])
        .output()
        .unwrap();
    let said = text(&out);
    std::fs::remove_file(&fill).unwrap();
    assert!(said.contains("No space left on device"), "{said}");
    assert!(!said.contains(" at path "), "{said}");
    let objects_named = said.matches("/.git/objects/").count();
    assert_eq!(objects_named, 1, "{said}");
}
