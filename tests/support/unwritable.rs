//! The hand-tag tests of release files and git-dir files relhook cannot write: a released
//! crate, the printed step pasted as a user would, and the tag made once it is.

use super::hand_tag_cost::released_with_fixes;
use super::{Repo, hand_tag, stderr, text};

/// The crate's manifest at the released 0.1.0.
pub const MANIFEST: &str = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

/// A crate released at 0.1.0 with fixes since ([`MANIFEST`] as Cargo.toml).
pub fn released() -> Repo {
    released_with_fixes(&[("Cargo.toml", MANIFEST)])
}

/// `step` as printed, pasted into `sh` in the work tree: it must succeed.
pub fn paste(repo: &Repo, step: &str) {
    let out = repo
        .command_in("sh", &repo.path())
        .args(["-c", step])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

/// The tag is made once the file can be written again, and its release bumps Cargo.toml.
pub fn tags_once_writable(repo: &Repo) {
    let out = hand_tag(repo, &["-a", "v0.2.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("now points at release commit"),
        "{}",
        text(&out)
    );
    let shown = repo.git(&["show", "v0.2.0:Cargo.toml"]);
    assert!(shown.contains("version = \"0.2.0\""), "{shown}");
}
