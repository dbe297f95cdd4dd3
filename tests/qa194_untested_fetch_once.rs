//! QA194: a push of several untested release tags repeated the same "fetch CI's records"
//! advice in every tag's fix. Each tag keeps its own line and fix; the fetch, one for them
//! all, is said once after them.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn the_fetch_of_ci_records_is_said_once_after_the_untested_tags() {
    let repo = installed_repo();
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("fix: b");
    ok(repo.relhook(&["release", "--no-test"]));
    let tags = repo.git(&["tag", "-l"]);
    let tags: Vec<&str> = tags.lines().collect();
    assert_eq!(tags.len(), 2, "{tags:?}");
    repo.with_origin();
    // The remote has CI's records (of another commit): their fetch is a way past (QA276: not
    // offered where the remote is known to lack them).
    repo.git(&["notes", "--ref=relhook-tests", "add", "-m", "x", "HEAD~2"]);
    repo.git(&[
        "push",
        "-q",
        "--no-verify",
        "origin",
        "refs/notes/relhook-tests",
    ]);
    let mut push = vec!["push", "-q", "origin", "main"];
    push.extend(&tags);
    let out = repo.git_output(&push);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let e = stderr(&out);
    assert_eq!(e.matches("fetch CI's records").count(), 1, "{e}");
    for tag in &tags {
        assert!(e.contains(&format!("release tag {tag}, untested")), "{e}");
        assert!(e.contains(&format!("`relhook test --tag {tag}`")), "{e}");
    }
    let once = e
        .find("Tested in CI? For the 2 untested release tags above, fetch CI's records, if it publishes them (`git fetch origin ")
        .unwrap_or_else(|| panic!("{e}"));
    let last_fix = e.rfind("    fix: ").unwrap();
    assert!(once > last_fix, "{e}");
    assert!(once < e.find("Nothing was pushed.").unwrap(), "{e}");
    // Each fix still reads whole without it.
    assert!(
        e.contains(" (tests ")
            && !e.contains(";; ")
            && !e.contains("; or ; ")
            && e.matches("; or commit `[checks] require_tested_tags = false`")
                .count()
                == 2,
        "{e}"
    );
}
