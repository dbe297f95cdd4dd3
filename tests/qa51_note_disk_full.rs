//! QA51: a disk that filled up while the release wrote its test record note was said as
//! libgit2's "target OID for the reference doesn't exist on the repository": its note write
//! ignores a failed notes commit write, then fails the ref update. The note is written
//! through relhook's own object writer now, which names the full disk as every other step
//! does. Needs a small tmpfs, mounted only where the test may (as root); elsewhere the unit
//! tests of `git::note_write` cover the note itself.

use std::process::Command;

use crate::qa50_disk_full::Mounted;
use crate::support::{configured_with_a_feature, text};

#[test]
fn a_full_disk_while_the_test_record_is_written_is_named() {
    // The tests fill the object store but for two pages: the note's blob and tree fit, its
    // commit does not.
    let repo = configured_with_a_feature(|repo| {
        let fill = repo.path().join(".git/objects/fill");
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"cat /dev/zero > '{0}' 2>/dev/null; truncate -s -8192 '{0}'\"]\n",
            fill.display()
        )
    });
    let head = repo.git(&["rev-parse", "HEAD"]);
    let objects = repo.path().join(".git/objects");
    let saved = repo.dir.path().join("objects-saved");
    std::fs::rename(&objects, &saved).unwrap();
    std::fs::create_dir(&objects).unwrap();
    let Some(_mounted) = Mounted::tmpfs(&objects, "1m") else {
        std::fs::remove_dir(&objects).unwrap();
        std::fs::rename(&saved, &objects).unwrap();
        eprintln!("no tmpfs could be mounted here: the unit tests cover the note");
        return;
    };
    let copied = Command::new("cp")
        .arg("-a")
        .arg(saved.join("."))
        .arg(&objects)
        .status()
        .unwrap();
    assert!(copied.success());
    let out = repo.relhook(&["release"]);
    let _ = std::fs::remove_file(objects.join("fill"));
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("No space left on device"), "{said}");
    assert!(!said.contains("target OID"), "{said}");
    assert!(said.contains("nothing was left behind"), "{said}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), "");
}
