//! QA32: the refusals of a package's version below its last release pointed at the
//! repository's commands (`relhook version --next`, `relhook release X.Y.Z`), which answer for
//! the root, not the package.

use crate::support::{Repo, hand_tag, stderr, text};

#[test]
fn a_packages_refusals_name_the_packages_commands() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.core]\npath = \"core\"\n[packages.cli]\npath = \"cli\"\n",
    );
    repo.write("core/a.txt", "1\n");
    repo.write("cli/a.txt", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("core/a.txt", "2\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(core): one");
    let out = repo.relhook(&["release", "--package", "core", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.git(&["tag"]).contains("core-v0.1.0"));
    repo.write("core/a.txt", "3\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(core): two");

    let out = hand_tag(&repo, &["-a", "core-v0.0.5", "-m", "x"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert!(
        stderr(&out).contains("(the next one is `relhook version --next --package core`)"),
        "{}",
        text(&out)
    );
    let out = repo.relhook(&["release", "--package", "core", "0.0.5", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "next: name a greater version (`relhook release --package core --no-test X.Y.Z`), or let relhook choose: `relhook release --package core --no-test`"
        ),
        "{}",
        text(&out)
    );
}
