//! QA211: only the commit types' reading was bounded; the rest of `relhook init` (package
//! detection, version files, the test command) read package.json whole: a 50 MB one made it
//! take 18 s and 129 MB. Every read of a project file is now bounded (1 MiB, 64 MiB for a lock
//! file) by its size before any read, and one warning line names the file and the limit.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_huge_package_json_is_told_once_and_never_read() {
    let repo = Repo::new();
    repo.commit("feat: start");
    let path = repo.path().join("package.json");
    std::fs::write(&path, "{\"name\": \"big\", \"version\": \"1.0.0\"").unwrap();
    // 50 MB without writing them: the size alone must refuse it.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(50 << 20)
        .unwrap();
    let out = ok(repo.relhook(&["init"]));
    let warned: Vec<String> = stderr(&out)
        .lines()
        .filter(|l| l.contains("package.json"))
        .map(str::to_owned)
        .collect();
    assert_eq!(warned.len(), 1, "{}", text(&out));
    assert!(
        warned[0].starts_with("relhook: warning: did not read ")
            && warned[0].ends_with(
                "package.json: it is larger than 1 MiB, the most relhook reads of a project file like it"
            ),
        "{}",
        text(&out)
    );
    assert!(repo.path().join(".relconfig.toml").is_file());
}
