//! QA31: a `[version] files` entry reached through a link out of the work tree: every release
//! and hand tag refuses it (rightly), while doctor said "all is well", and the refusal named
//! no way on.

use crate::support::{Repo, stderr, stdout, text};

/// A repository whose `[version] files` lists `sub/package.json`, `sub` a link out of the work
/// tree, with `more` (`tag_prefix = …\n`) above it under [version]; its first commit made.
pub(crate) fn outside_file(more: &str) -> Repo {
    let repo = Repo::new();
    let outside = repo.scratch("outside");
    std::fs::write(outside.join("package.json"), "{\"version\":\"0.1.0\"}\n").unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join("sub")).unwrap();
    repo.write(
        ".relconfig.toml",
        format!(
            "[version]\n{more}files = [{{ path = \"sub/package.json\", key = \"version\" }}]\n"
        ),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    repo
}

#[test]
fn a_version_file_outside_the_work_tree_is_said_by_doctor_with_the_fix() {
    let repo = outside_file("");
    let outside = repo.scratch("outside");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains(
            "INVALID  version files: refusing `sub/package.json`: its folder resolves to"
        ) && said.contains("releases and hand tags are refused")
            && said
                .contains("fix: relhook reads and writes only regular files inside the work tree"),
        "{said}"
    );
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out)
            .contains("hint: relhook reads and writes only regular files inside the work tree"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("package.json")).unwrap(),
        "{\"version\":\"0.1.0\"}\n"
    );
}
