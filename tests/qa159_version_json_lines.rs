//! QA159: `relhook version --format json` showed a commit not understood only as
//! `understood: false`, and a release tag passed over (a build's, not SemVer's) not at all: the
//! warning and the note were said on stderr only. The report now carries every line stderr
//! says in `notes` and `warnings`, as the release's report does; `version --all` too.

use crate::support::told::{reported, strings, two_packages};
use crate::support::{Repo, ok};

#[test]
fn the_report_carries_the_commit_not_understood_and_the_tag_passed_over() {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"x","version":"1.0.0"}"#);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("one.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: mend");
    ok(repo.git_skipping_relhook(&["tag", "v1.1.0+b.1"]));
    repo.write("two.js", "2\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "Update x"]));
    for args in [
        &["version", "--format", "json"][..],
        &["version", "--next", "--format", "json"],
        &["version", "--explain", "--format", "json"],
    ] {
        let v = reported(&repo, args, &[]);
        let warnings = strings(&v, "warnings");
        assert!(
            warnings.iter().any(|w| w
                .starts_with("1 commit since v1.0.0 is not a Conventional Commit")
                && w.ends_with(" Update x")),
            "{args:?}: {v:#}"
        );
        assert!(
            strings(&v, "notes")
                .iter()
                .any(|n| n.contains("v1.1.0+b.1")),
            "{args:?}: {v:#}"
        );
    }
}

#[test]
fn a_monorepo_s_report_carries_them_too() {
    let repo = two_packages("", true);
    repo.write("p/a/one.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): mend");
    repo.write("p/a/two.js", "2\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "Update a"]));
    let v = reported(&repo, &["version", "--all", "--format", "json"], &[]);
    assert!(
        strings(&v, "warnings").iter().any(|w| w
            .starts_with("package a: 1 commit since a-v1.0.0 is not a Conventional")
            && w.ends_with(" Update a")),
        "{v:#}"
    );
}
