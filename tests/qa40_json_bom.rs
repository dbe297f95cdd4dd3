//! QA40: a package.json saved with a UTF-8 byte-order mark (npm reads it): relhook could not
//! read the package's name, so a release of it left its dependents' requirements behind, in
//! silence. The mark is skipped when reading, and kept in the file.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_package_json_with_a_byte_order_mark_is_read() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"root\",\"private\":true,\"workspaces\":[\"packages/*\"]}\n",
    );
    repo.write(
        "packages/core/package.json",
        "\u{feff}{\"name\":\"@x/core\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(
        "packages/ui/package.json",
        "{\"name\":\"@x/ui\",\"version\":\"1.0.0\",\"dependencies\":{\"@x/core\":\"^1.0.0\"}}\n",
    );
    ok(repo.relhook(&["init"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/core/a.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(core)!: x");
    let out = ok(repo.relhook(&["release", "--no-test", "--package", "@x/core"]));
    assert!(
        stderr(&out).contains("requires @x/core 2.0.0"),
        "{}",
        text(&out)
    );
    assert!(
        repo.read("packages/ui/package.json")
            .contains("\"@x/core\":\"^2.0.0\""),
        "{}",
        repo.read("packages/ui/package.json")
    );
    assert!(
        repo.read("packages/core/package.json")
            .starts_with('\u{feff}')
    );
    assert!(repo.is_clean());
}
