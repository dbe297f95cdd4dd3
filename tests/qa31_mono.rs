//! QA31: `relhook notes` in a monorepo whose packages are released and the repository itself
//! not said "there is no release tag yet" and named `relhook release`, a root release nobody
//! asked for.

use crate::support::{Repo, stderr, stdout, text};

#[test]
fn notes_without_a_root_tag_name_the_packages_tags() {
    let repo = Repo::new();
    std::fs::create_dir_all(repo.path().join("api")).unwrap();
    std::fs::create_dir_all(repo.path().join("web")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[packages.api]\npath = \"api\"\n\n[packages.web]\npath = \"web\"\ntag = \"web@{version}\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("api/a.txt", "a\n");
    repo.git(&["add", "api"]);
    assert!(repo.try_commit("feat(api): a").status.success());
    repo.write("web/w.txt", "w\n");
    repo.git(&["add", "web"]);
    assert!(repo.try_commit("feat(web): w").status.success());
    let out = repo.relhook(&["release", "--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let out = repo.relhook(&["notes"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the repository has no release tag of its own (vX.Y.Z), and its packages' notes are asked for by tag: `relhook notes api-v0.1.0`, `relhook notes web@0.1.0`")
            && !err.contains("relhook release"),
        "{err}"
    );
    // The advice works.
    let out = repo.relhook(&["notes", "web@0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).contains("w"), "{}", text(&out));
}
