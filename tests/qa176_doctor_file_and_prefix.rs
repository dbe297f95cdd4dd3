//! QA176: a `[version] files` entry out of the work tree, and a `tag_prefix` the release tags
//! do not have. Doctor's row for the file took the place of the version's, so the second
//! problem (relhook cannot tell the current version from the tags) went unsaid until the
//! file was fixed. Each problem now has its own row, with its fix.

use crate::qa31_files::outside_file;
use crate::support::{stdout, text};

#[test]
fn doctor_says_both_the_outside_file_and_the_tags_another_prefix_names() {
    let repo = outside_file("tag_prefix = \"release-\"\n");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: b"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    let row = |start: &str| said.lines().position(|l| l.trim_start().starts_with(start));
    let file = row("INVALID  version files: refusing `sub/package.json`").expect(&said);
    let version =
        row("INVALID  version: the release tags here do not start with tag_prefix \"release-\"")
            .unwrap_or_else(|| panic!("no row for the tags: {said}"));
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        lines[file + 1]
            .contains("fix: relhook reads and writes only regular files inside the work tree"),
        "{said}"
    );
    assert!(
        lines[version + 1]
            .contains("fix: set `tag_prefix = \"v\"` under [version] in .relconfig.toml"),
        "{said}"
    );
}

#[test]
fn the_outside_file_alone_is_said_once() {
    let repo = outside_file("");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let said = stdout(&repo.relhook(&["doctor"]));
    assert_eq!(
        said.matches("refusing `sub/package.json`").count(),
        1,
        "{said}"
    );
    assert!(!said.contains("INVALID  version:"), "{said}");
}
