//! QA41: `relhook check`'s hint for a commit that fails the lint below a local release tag
//! said only to reword it with `git rebase -i`, which leaves the tag on the old commits;
//! `relhook doctor` gave the steps around the tag. Both now give the same steps.

use crate::support::{Repo, ok, stdout, text, untested_installed};

/// A failing commit, then a release of it tagged here, not pushed; `on_top`: a commit above.
fn released_over_a_bad_commit(on_top: bool) -> Repo {
    let repo = untested_installed();
    let _ = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    repo.commit("bad message");
    repo.commit_hooked("fix: b");
    ok(repo.relhook(&["release", "--allow-unlinted"]));
    if on_top {
        repo.commit_hooked("fix: c");
    }
    repo
}

/// The `fix:` of doctor's unpushed-commits row.
fn doctor_fix(repo: &Repo) -> String {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let row = said
        .split("unpushed commits")
        .nth(1)
        .unwrap_or_else(|| panic!("{said}"));
    row.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{said}"))
        .to_owned()
}

#[test]
fn check_gives_the_local_tag_steps_doctor_gives() {
    for on_top in [false, true] {
        let repo = released_over_a_bad_commit(on_top);
        let doctor = doctor_fix(&repo);
        assert!(doctor.contains("git tag -d v0.1.0"), "{doctor}");
        let out = repo.relhook(&["check"]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let said = stdout(&out);
        let hint = said
            .lines()
            .find_map(|l| l.strip_prefix("hint: "))
            .unwrap_or_else(|| panic!("{said}"));
        assert!(hint.contains("git tag -d v0.1.0"), "{said}");
        let steps = |s: &str| s.split_once(": ").map(|(_, rest)| rest.to_owned());
        assert_eq!(
            steps(hint),
            steps(&doctor),
            "check: {hint}\ndoctor: {doctor}"
        );
    }
}
