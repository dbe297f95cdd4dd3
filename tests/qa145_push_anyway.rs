//! QA145: a refused push said "To push anyway: `RELHOOK_SKIP=1 git push ...`", and a diverged
//! release's force advice the same: dots, not a command. The refused push is now printed as
//! the command that makes it past relhook, from the remote and the refs git gave the hook;
//! pasted, it pushes what was refused (a forced update with a lease on what the hook saw).

use crate::support::{Repo, clone_installed, ok, stderr, text, untested_installed};

/// The command after "To push anyway, on purpose: " in a refusal.
fn push_anyway(err: &str) -> String {
    err.split("To push anyway, on purpose: `")
        .nth(1)
        .and_then(|s| s.split('`').next())
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned()
}

fn remote_ref(repo: &Repo, name: &str) -> Option<String> {
    let out = repo.git(&["ls-remote", "origin", name]);
    out.split_whitespace().next().map(str::to_owned)
}

#[test]
fn a_refused_push_prints_the_push_that_sends_it_anyway() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "main:refs/heads/old"]));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "not conventional"]);
    let out = repo.git_output(&[
        "push",
        "origin",
        "main",
        "HEAD:refs/heads/copy",
        ":refs/heads/old",
    ]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(
        push_anyway(&err),
        "RELHOOK_SKIP=1 git push origin main :refs/heads/old HEAD:refs/heads/copy",
        "{err}"
    );
    ok(repo.sh(&push_anyway(&err)));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(remote_ref(&repo, "refs/heads/main"), Some(head.clone()));
    assert_eq!(remote_ref(&repo, "refs/heads/copy"), Some(head));
    assert_eq!(remote_ref(&repo, "refs/heads/old"), None);
    // Pushed to a URL, not a named remote: the command names the URL.
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "not conventional either",
    ]);
    let url = origin.to_str().unwrap();
    let out = repo.git_output(&["push", url, "main"]);
    let err = stderr(&out);
    assert_eq!(
        push_anyway(&err),
        format!("RELHOOK_SKIP=1 git push {url} main"),
        "{err}"
    );
    ok(repo.sh(&push_anyway(&err)));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(remote_ref(&repo, "refs/heads/main"), Some(head));
}

#[test]
fn a_forced_push_refused_is_pushed_anyway_with_a_lease_on_what_the_hook_saw() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let b = clone_installed(&repo, &origin, "b");
    std::fs::write(b.join("b.txt"), "b\n").unwrap();
    ok(repo.git_in(&b, &["add", "b.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", "fix: b"], &[]));
    ok(repo.git_in(&b, &["push", "-q", "origin", "main"], &[]));
    repo.commit_hooked("feat: c");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["fetch", "-q"]));
    let theirs = repo.git(&["rev-parse", "origin/main"]);
    let out = repo.git_output(&["push", "--force", "--follow-tags", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let lease = format!("--force-with-lease=refs/heads/main:{theirs}");
    // The diverged release's own way to replace origin's main, and the whole push's.
    assert!(
        err.contains(&format!(
            "push on purpose: `RELHOOK_SKIP=1 git push {lease} origin main`"
        )),
        "{err}"
    );
    let command = push_anyway(&err);
    assert_eq!(
        command,
        format!("RELHOOK_SKIP=1 git push {lease} origin main v0.1.0"),
        "{err}"
    );
    ok(repo.sh(&command));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(remote_ref(&repo, "refs/heads/main"), Some(head));
    assert!(remote_ref(&repo, "refs/tags/v0.1.0").is_some());
}
