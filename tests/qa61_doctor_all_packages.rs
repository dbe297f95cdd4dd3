//! QA61: in a monorepo whose packages came after `relhook install`, doctor named only the
//! first package changelog no attribute line sends to the merge driver; `relhook install`
//! adds them all, so doctor names them all.

use crate::support::{Repo, ok, stdout};

#[test]
fn doctor_names_every_package_changelog_without_the_driver_and_install_fixes_them_all() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("p/a/package.json", r#"{"name":"a","version":"0.1.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"b","version":"0.1.0"}"#);
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let line = doctor
        .lines()
        .find(|l| l.contains("merge driver"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        line.contains("MISSING")
            && line.contains("package a's p/a/CHANGELOG.md")
            && line.contains("package b's p/b/CHANGELOG.md"),
        "{line}"
    );
    ok(repo.relhook(&["install"]));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor
            .lines()
            .any(|l| l.contains("ok  merge driver") && !l.contains("package a's")),
        "{doctor}"
    );
}
