//! QA72: a `## [1.0.0-rc.1]` section written by hand, then Cargo.toml set to 1.0.0-rc.1 in a
//! commit of its own: doctor and `relhook release` said Cargo.toml "says 0.1.0" and advised
//! setting it in the section's commit through `git rebase -i`, though HEAD's says 1.0.0-rc.1
//! and a hand tag there releases the section as it is. They now name that tag, which works
//! pasted.

use crate::qa72_doctor_hand_pre::hand_written_rc;
use crate::support::{ok, stderr, stdout, text};

const TAG: &str = "git tag -a v1.0.0-rc.1 -m \"release 1.0.0-rc.1\"";

#[test]
fn doctor_and_release_name_the_hand_tag_on_head_and_it_works_pasted() {
    let repo = hand_written_rc();
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let fix = doctor
        .lines()
        .skip_while(|l| !l.contains("release 1.0.0-rc.1:"))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(!fix.contains("rebase"), "{fix}");
    assert!(!fix.contains("says 0.1.0"), "{fix}");
    assert!(fix.contains(&format!("`{TAG}`")), "{fix}");
    for args in [&["release"][..], &["release", "1.0.0-rc.1"][..]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(&format!("`{TAG}`")), "{}", text(&out));
    }
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.sh(TAG);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v1.0.0-rc.1^{commit}"]), head);
    assert!(repo.is_clean());
    assert_eq!(stdout(&ok(repo.relhook(&["version"]))), "1.0.0-rc.1\n");
}
