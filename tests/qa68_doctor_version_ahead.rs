//! QA68: a version file bumped past every release tag (Cargo.toml at 1.0.1 after v1.0.0)
//! while CHANGELOG.md has no `## [1.0.1]` section had doctor say "all is well", though the
//! next release either makes 1.0.1 or, with a feature since, refuses to write the file down.
//! Doctor names it in one line, with the release that settles it, which works pasted.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn doctor_names_a_version_file_ahead_of_every_tag_without_its_section() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    let manifest = "[package]\nname = \"x\"\nversion = \"0.9.0\"\nedition = \"2021\"\n";
    repo.write("Cargo.toml", manifest);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "1.0.0"]));
    assert!(stdout(&ok(repo.relhook(&["doctor"]))).contains("all is well"));
    repo.write("Cargo.toml", manifest.replace("0.9.0", "1.0.1"));
    repo.git(&["commit", "-q", "-am", "build: bump to 1.0.1"]);
    repo.commit_hooked("feat: c");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let lines: Vec<&str> = doctor.lines().collect();
    let at = (lines.iter())
        .position(|l| l.contains("Cargo.toml says 1.0.1"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(lines[at].contains("no `## [1.0.1]` section"), "{doctor}");
    assert!(lines[at].contains("never released"), "{doctor}");
    let fix = lines[at + 1].trim_start();
    assert!(fix.starts_with("fix: `relhook release 1.0.1`"), "{fix}");
    let out = repo.relhook(&["release", "1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let doctor = stdout(&ok(repo.relhook(&["doctor"])));
    assert!(!doctor.contains("says 1.0.1"), "{doctor}");
}
