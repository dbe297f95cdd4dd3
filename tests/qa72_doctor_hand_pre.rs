//! QA72: after v0.1.0, a `## [1.0.0-rc.1]` section written by hand and Cargo.toml set to
//! 1.0.0-rc.1 made doctor's "version files" row judge the files as a 0.1.1 release would,
//! and advise `relhook release 1.0.0-rc.1`, which is refused (the section awaits its hand
//! tag). The files are now judged as that hand tag judges them: they say its version, so
//! there is no such row, and the hand tag doctor names is what releases it.

use crate::support::{Repo, hand_tag, ok, stdout, text};

/// A crate at 0.1.0 released as v0.1.0, then `feat: c` and `fix: d`, their entries moved by
/// hand under `## [1.0.0-rc.1]` (committed as `docs:`), then Cargo.toml set to it (`chore:`).
pub(crate) fn hand_written_rc() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    for (file, message) in [("c.txt", "feat: c"), ("d.txt", "fix: d")] {
        repo.write(file, "x\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    }
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [1.0.0-rc.1] - 2026-11-21\n",
        1,
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("docs: prepare 1.0.0-rc.1");
    let manifest = repo.read("Cargo.toml").replace("0.1.0", "1.0.0-rc.1");
    repo.write("Cargo.toml", manifest);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: set the version to 1.0.0-rc.1");
    repo
}

#[test]
fn doctor_advises_no_release_of_a_version_whose_section_awaits_its_hand_tag() {
    let repo = hand_written_rc();
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("version files: "), "{doctor}");
    assert!(!doctor.contains("relhook release 1.0.0-rc.1"), "{doctor}");
    // That release is refused indeed: the section is released by its hand tag.
    let out = repo.relhook(&["release", "1.0.0-rc.1"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let out = hand_tag(&repo, &["-a", "v1.0.0-rc.1", "-m", "release 1.0.0-rc.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--tags"]), "v1.0.0-rc.1");
    assert!(repo.is_clean());
}

#[test]
fn the_section_written_before_the_version_is_judged_as_its_hand_tag_too() {
    // Cargo.toml still at 0.1.0: the version the hand tag needs set, said in one row.
    let repo = hand_written_rc();
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("version files: "), "{doctor}");
    assert!(doctor.contains("set Cargo.toml to 1.0.0-rc.1"), "{doctor}");
}
