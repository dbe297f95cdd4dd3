//! QA37: `release --package core --pre rc` of a breaking change below 1.0.0 said "major since
//! core-v0.4.1" for `0.4.1 → 0.5.0-rc.1`, where the stable path says minor, and why.

use crate::support::{Repo, ok, text};

#[test]
fn a_pre_release_below_one_names_the_level_it_makes() {
    let repo = Repo::new();
    repo.write(
        "p/core/package.json",
        "{\"name\":\"core\",\"version\":\"0.4.1\"}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\nrequire_tested_tags = false\n[packages.core]\npath = \"p/core\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("p/core/a.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "fix: a"]));
    ok(repo.relhook(&["release", "--package", "core"]));
    repo.write("p/core/b.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat!: b"]));
    let out = ok(repo.relhook(&["release", "--package", "core", "--pre", "rc", "--dry-run"]));
    let said = text(&out);
    assert!(said.contains("0.5.0-rc.1"), "{said}");
    assert!(!said.contains("major since"), "{said}");
    assert!(
        said.contains(
            "minor since core-v0.4.1: a breaking change, which below 1.0.0 makes a minor release"
        ),
        "{said}"
    );
}
