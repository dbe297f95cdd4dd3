//! QA35: the README's CI step (`relhook test`, then `git push origin refs/notes/relhook-tests`)
//! worked once: every later run, in a fresh clone that never fetched the remote's records, made
//! an unrelated notes history and its push was refused as non-fast-forward. The publish command
//! `relhook test` prints now merges the remote's records first, and works run after run.

use crate::support::{Repo, ok, stderr, text};

/// The `publish:` command a passing `relhook test` printed.
fn publish_command(out: &std::process::Output) -> String {
    let err = stderr(out);
    let start = err.find("(publish: `").expect("a publish command") + "(publish: `".len();
    let end = err[start..].find("`)").unwrap() + start;
    err[start..end].to_owned()
}

#[test]
fn each_ci_run_publishes_its_record_with_the_command_relhook_test_prints() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    for run in 0..3 {
        // A CI run: a fresh clone of the pushed commit.
        let dir = repo.scratch(&format!("ci{run}"));
        let clone = dir.join("c");
        ok(repo.git_in(
            &dir,
            &[
                "clone",
                "-q",
                "-b",
                "main",
                origin.to_str().unwrap(),
                clone.to_str().unwrap(),
            ],
            &[],
        ));
        if run > 0 {
            std::fs::write(clone.join(format!("r{run}")), "x").unwrap();
            ok(repo.git_in(&clone, &["add", "-A"], &[]));
            ok(repo.git_in(&clone, &["commit", "-q", "-m", "chore: more"], &[]));
        }
        let out = ok(repo.relhook_in(&clone, &["test"]));
        let publish = publish_command(&out);
        let sh = std::process::Command::new("sh")
            .args(["-c", &publish])
            .current_dir(&clone)
            .output()
            .unwrap();
        assert!(sh.status.success(), "run {run}: {publish}\n{}", text(&sh));
        // QA37: the first publish (no records on the remote yet) says no `fatal:` either.
        assert!(!stderr(&sh).contains("fatal"), "run {run}: {}", text(&sh));
    }
    let records = repo.git(&[
        "--git-dir",
        origin.to_str().unwrap(),
        "notes",
        "--ref",
        "relhook-tests",
        "list",
    ]);
    assert_eq!(records.lines().count(), 3, "{records}");
}
