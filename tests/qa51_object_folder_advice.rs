//! QA51: a loose-object folder that refused the release's temporary file (immutable, or
//! read-only) got "`chmod u+rw` the file" advice: tempfile adds its path to the OS error,
//! which then has no number, so EPERM was not told from EACCES, and the folder was called a
//! file. EPERM names the attribute now, EACCES the folder alone.

use std::path::PathBuf;

use crate::support::{Repo, as_user, configured_with_a_feature, is_root, ok, relhook_bin, text};

/// A repository with a feature to release and every loose-object folder made.
fn with_object_folders() -> (Repo, Vec<PathBuf>) {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let objects = repo.path().join(".git/objects");
    let folders: Vec<PathBuf> = (0..=255u8)
        .map(|i| objects.join(format!("{i:02x}")))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(folder).unwrap();
    }
    (repo, folders)
}

/// The folder `said` names as the one a temporary file could not be made in.
fn refused_folder(said: &str) -> String {
    let (_, rest) = said
        .split_once("cannot create a temporary file in `")
        .unwrap_or_else(|| panic!("{said}"));
    rest.split_once('`').unwrap().0.to_owned()
}

/// `chattr` with `flag` on `folders`; whether it worked.
fn chattr(flag: &str, folders: &[PathBuf]) -> bool {
    std::process::Command::new("chattr")
        .arg(flag)
        .args(folders)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The folders made immutable until dropped.
struct Immutable(Vec<PathBuf>);

impl Drop for Immutable {
    fn drop(&mut self) {
        chattr("-i", &self.0);
    }
}

#[test]
fn an_immutable_object_folder_names_its_attribute() {
    let (repo, folders) = with_object_folders();
    if !is_root() || !chattr("+i", &folders) {
        eprintln!("skipped: `chattr +i` needs root and a file system with attributes");
        return;
    }
    let immutable = Immutable(folders);
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = text(&out);
    let folder = refused_folder(&said);
    assert!(
        said.contains(&format!(
            "Operation not permitted (os error 1); `lsattr -d {folder}` shows an immutable (`i`) or append-only (`a`) attribute, which `chattr -i -a {folder}` (as root) clears;"
        )),
        "{said}"
    );
    assert!(
        !said.contains("chmod") && !said.contains("the file"),
        "{said}"
    );
    // The advice pasted clears that folder's attribute.
    ok(repo.sh(&format!("chattr -i -a {folder}")));
    let attributes = repo.sh(&format!("lsattr -d {folder}"));
    assert!(!text(&attributes).split(' ').next().unwrap().contains('i'));
    drop(immutable);
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]).trim(), "v0.1.0");
}

#[cfg(unix)]
#[test]
fn a_read_only_object_folder_is_called_a_folder() {
    use std::os::unix::fs::PermissionsExt;
    let (repo, folders) = with_object_folders();
    let set = |mode| {
        for folder in &folders {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    set(0o555);
    let out = as_user(&repo, &relhook_bin(), &["release", "--no-test"]);
    set(0o755);
    let Some(out) = out else {
        eprintln!("skipped: capsh is needed to run as a user file modes apply to");
        return;
    };
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = text(&out);
    let folder = refused_folder(&said);
    assert!(
        said.contains(&format!(
            "Permission denied (os error 13); `ls -ld {folder}` shows who may change it (`chmod u+rwx` the folder, as its owner);"
        )),
        "{said}"
    );
    assert!(!said.contains("the file"), "{said}");
}
