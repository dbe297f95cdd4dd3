//! QA42: `relhook check --base main` on main itself (the base is HEAD, the range empty) said
//! "checking <id>..HEAD" and then "nothing to check" without why; it now says in one line that
//! the range is empty and what its base was. In a CI relhook does not read, a checkout at the
//! last release tag passes (exit 0, as the README says) with one clear note: the tag is HEAD's
//! own, not "a fresh CI checkout".

use std::process::Output;

use crate::support::{Repo, relhook_bin, stderr, stdout, text};

fn run(repo: &Repo, args: &[&str], env: &[(&str, &str)]) -> Output {
    repo.command_in(relhook_bin(), &repo.path())
        .arg("check")
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

#[test]
fn a_base_that_is_head_says_the_range_is_empty_in_one_line() {
    let repo = Repo::new();
    repo.commit("feat: one");
    let head = repo.commit("fix: two");
    for format in ["text", "github"] {
        let out = run(&repo, &["--base", "main", "--format", format], &[]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert_eq!(
            stdout(&out),
            format!(
                "relhook: nothing to check: {}..HEAD is empty: --base main; base main, which is HEAD itself\n",
                &head[..9]
            ),
            "{}",
            text(&out)
        );
        assert_eq!(stderr(&out), "", "{}", text(&out));
    }
    // GitLab's report stays a JSON array on stdout; the line goes to the job log.
    let out = run(&repo, &["--base", "HEAD", "--format", "gitlab"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out).trim(), "[]", "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is empty: --base HEAD"), "{err}");
    // A base behind HEAD still checks, as before.
    let out = run(&repo, &["--base", "HEAD~1"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).starts_with("relhook: checking ") && stdout(&out).contains("checked 1 commit"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_tag_checkout_in_an_undetected_ci_passes_with_one_clear_note() {
    let repo = Repo::new();
    repo.commit("feat: one");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix: two");
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    repo.git(&["checkout", "-q", "--detach", "v1.0.1"]);
    let out = run(&repo, &[], &[("CI", "true")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), "", "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(
            "relhook: note: nothing was checked: CI is set and HEAD is at the release tag `v1.0.1`, so `v1.0.1..HEAD` is empty;"
        ),
        "{err}"
    );
    assert!(err.contains("`relhook check v1.0.0..HEAD`"), "{err}");
    assert!(!err.contains("fresh CI checkout"), "{err}");
    // Outside CI, the same checkout says it in one line, on stdout.
    let out = run(&repo, &[], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stderr(&out), "", "{}", text(&out));
    assert_eq!(
        stdout(&out),
        "relhook: nothing to check: v1.0.1..HEAD is empty: the last release tag `v1.0.1` (no upstream), which is HEAD itself\n",
        "{}",
        text(&out)
    );
}
