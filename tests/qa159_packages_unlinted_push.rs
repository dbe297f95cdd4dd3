//! QA159: a monorepo release with `--allow-unlinted` advised a plain `git push` on its `next:`
//! line, which pre-push then refused for the very commits the release took unchecked; the
//! single project's release says so and adds `--no-verify`. The monorepo's now does the same,
//! on stderr and in its JSON report.

use crate::support::told::{reported, strings};
use crate::support::{Repo, next_command, ok, stderr};

#[test]
fn the_push_advised_after_unlinted_commits_skips_pre_push_and_works_when_pasted() {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"p/a\"\ntest = [\"true\"]\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    ok(repo.relhook(&["release", "--package", "a"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "HEAD:main"]));
    repo.git(&["branch", "-q", "--set-upstream-to", "origin/main"]);
    repo.write("p/a/one.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): mend");
    repo.write("p/a/two.js", "2\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "Update a"]));
    let args = [
        "release",
        "--package",
        "a",
        "--allow-unlinted",
        "--format",
        "json",
    ];
    let progress = ["relhook: releasing ", " tagged on ", "relhook: testing"];
    let v = reported(&repo, &args, &progress);
    assert!(
        strings(&v, "notes")
            .iter()
            .any(|n| n.starts_with("pre-push refuses the commits this release took unchecked")),
        "{v:#}"
    );
    let next = v["next"].as_str().unwrap_or_else(|| panic!("{v:#}"));
    assert!(next.contains("git push --no-verify "), "{v:#}");
    // Pasted, it pushes the release: pre-push would refuse `Update a` otherwise.
    let line = next_command(&format!("next: {next}"));
    let out = repo.sh(&line);
    assert!(out.status.success(), "{line}: {}", stderr(&out));
    let pushed = repo.git(&["ls-remote", "--tags", "origin", "a-v1.0.1"]);
    assert!(pushed.contains("refs/tags/a-v1.0.1"), "{line}: {pushed}");
}
