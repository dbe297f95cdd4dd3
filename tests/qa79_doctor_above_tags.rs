//! QA79: Cargo.toml set to 0.3.0 after v0.1.0, then a `fix:` commit: doctor's version files
//! row said "releases and hand tags are refused", though a hand tag of the version the file
//! holds (v0.3.0) is accepted; only the next patch's tag (v0.1.1) is refused. The row now
//! names both, and each does as said.

use crate::qa79_version_above::set_above;
use crate::support::{hand_tag, stdout, text};

#[test]
fn doctor_names_the_tag_refused_and_the_tag_accepted() {
    let repo = set_above();
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let row = doctor
        .lines()
        .find(|l| l.contains("version files: "))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(!row.contains("hand tags are refused"), "{row}");
    assert!(
        row.ends_with(
            "tag v0.1.1 is refused, made by hand as by a release; tag v0.3.0 is accepted"
        ),
        "{row}"
    );
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "release 0.1.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0");
    let out = hand_tag(&repo, &["-a", "v0.3.0", "-m", "release 0.3.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v0.1.0\nv0.3.0");
    assert!(repo.is_clean());
}
