//! QA196: a hand tag's release commit writes its branch's reflog; with the reflog's folder not
//! there yet (`.git/logs/refs/heads` gone) under a locked `.git/logs/refs`, the refusal named
//! the missing folder (`chattr -i -a .git/logs/refs/heads`), which fails pasted. It now names
//! the folder that blocks, and the step as printed lets the tag through.

use crate::support::immutable::Immutable;
use crate::support::unwritable::{paste, released};
use crate::support::{hand_tag, hand_tag_refused, text};

#[cfg(target_os = "linux")]
#[test]
fn a_locked_folder_above_a_missing_reflog_folder_is_the_one_named() {
    let repo = released();
    std::fs::remove_dir_all(repo.path().join(".git/logs/refs/heads")).unwrap();
    let above = repo.path().join(".git/logs/refs");
    let Some(guard) = Immutable::set(&above) else {
        return;
    };
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains(&format!(
            "refusing tag v0.2.0: {}, where the folder of",
            above.display()
        )) && err.contains("is immutable or append-only, so git cannot record the release commit")
            && !err.contains("logs/refs/heads`"),
        "{err}"
    );
    assert!(repo.git(&["tag", "-l", "v0.2.0"]).trim().is_empty());
    // The step as printed, pasted in the work tree, lets the tag through.
    let step = err.split("; `").nth(1).unwrap().split('`').next().unwrap();
    assert_eq!(step, format!("chattr -i -a {}", above.display()), "{err}");
    paste(&repo, step);
    drop(guard);
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let shown = repo.git(&["show", "v0.2.0:Cargo.toml"]);
    assert!(shown.contains("version = \"0.2.0\""), "{shown}");
}
