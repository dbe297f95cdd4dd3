//! QA50: a FIFO at a tracked path (`sub/data.bin`) kept by `release --allow-dirty`. The
//! release's closing line said "commit or stash sub/data.bin, then git push …" and pre-push's
//! dirty-tree refusal "commit or stash them": git can do neither with a FIFO. Both now give
//! the step the release's own dirty-tree refusal gives: `rm X && git checkout -- X`, its paths
//! now from the top (QA77).

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// `relhook ARGS` or `git ARGS`, which must end within 20 s (a FIFO read would block).
fn bounded(repo: &Repo, program: &str, args: &[&str]) -> std::process::Output {
    let mut cmd = match program {
        "relhook" => repo.command_in(crate::support::relhook_bin(), &repo.path()),
        _ => repo.command_in("git", &repo.path()),
    };
    cmd.env("RELHOOK_DATE", "2026-11-21").args(args);
    crate::qa27_faults::within_20s(cmd).unwrap_or_else(|| panic!("{program} {args:?} hung"))
}

/// The first command in backquotes of `line`.
fn first_command(line: &str) -> String {
    line.split('`').nth(1).expect("a command").to_owned()
}

#[test]
fn a_fifo_kept_by_allow_dirty_is_put_back_not_committed_or_stashed() {
    let repo = untested_installed();
    repo.with_origin();
    repo.write("sub/data.bin", "x\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: first");
    let path = repo.path().join("sub/data.bin");
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let step =
        "rm \"$(git rev-parse --show-toplevel)\"/sub/data.bin && git checkout -- :/sub/data.bin";

    let out = bounded(&repo, "relhook", &["release", "--no-test", "--allow-dirty"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let next = err
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .unwrap_or_else(|| panic!("no next line:\n{err}"));
    assert!(!next.contains("commit or stash"), "{next}");
    assert_eq!(first_command(next), step, "{next}");
    assert!(next.contains("FIFO"), "{next}");

    let out = bounded(&repo, "git", &["push", "--follow-tags", "origin", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    let fix = stderr(&out)
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: ").map(str::to_owned))
        .unwrap_or_else(|| panic!("no fix:\n{}", text(&out)));
    assert!(!fix.contains("commit or stash"), "{fix}");
    assert_eq!(first_command(&fix), step, "{fix}");

    // Pasted, the tree is clean and the push goes through.
    ok(repo.sh(step));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let out = bounded(&repo, "git", &["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}
