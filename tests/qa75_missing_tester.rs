//! QA75: a Python project whose `[checks] test = ["pytest"]` runs nowhere here was told after
//! `relhook release --no-test`: "install `pytest` (it is not on PATH) or set `[checks] test`
//! in .relconfig.toml to a test command that runs here, then relhook test". Choosing another
//! command is a commit of .relconfig.toml (`relhook test` refuses one left uncommitted), and
//! that commit moves HEAD off the tag: `relhook test` then recorded the new commit's tree, and
//! the push was still refused, the tag untested. The advice now names the tag.

use crate::support::{Repo, relhook_bin, stderr, text};

#[test]
fn a_missing_test_program_is_followed_by_a_test_of_the_tag_itself() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"0.1.0\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"pytest\"]\n");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: start");
    // A PATH with git and `true` alone: no pytest, whatever this machine has.
    let bin = repo.scratch("bin");
    std::os::unix::fs::symlink(crate::support::git_abs(), bin.join("git")).unwrap();
    let truth = ["/bin/true", "/usr/bin/true"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .unwrap();
    std::os::unix::fs::symlink(truth, bin.join("true")).unwrap();
    let run = |program: &std::path::Path, args: &[&str]| {
        repo.command_in(program, &repo.path())
            .args(args)
            .env("PATH", &bin)
            .output()
            .unwrap()
    };
    let out = run(&relhook_bin(), &["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("or commit `[checks] test` in .relconfig.toml, set to a test command that runs here, then relhook test --tag v0.1.0, then"),
        "{said}"
    );
    // Followed as told: another test command, committed, then the tag's test and the push.
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["commit", "-qm", "chore: test with true", ".relconfig.toml"]);
    let out = run(&relhook_bin(), &["test", "--tag", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.with_origin();
    let out = run(
        std::path::Path::new("git"),
        &["push", "-q", "--follow-tags", "origin", "main"],
    );
    assert!(out.status.success(), "{}", text(&out));
}
