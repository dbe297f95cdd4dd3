//! QA46: a hand tag's `next:` line named at most five older unpushed untested release tags
//! (`relhook test --tag v0.1.1 && … --tag v0.1.5 && relhook test`): with seven, pasting it
//! left v0.1.0 untested and pre-push refused the push. `relhook test --tag` now takes several
//! tags, and the line tests every one in a single command.

use crate::support::{Repo, hand_tag, next_command, ok, stderr, text};

/// A repository with `origin`, the test command `argv` committed, relhook installed.
fn tested_with(argv: &str) -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    repo.write(".relconfig.toml", format!("[checks]\ntest = {argv}\n"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: config"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_hand_tags_advice_tests_every_older_untested_tag() {
    let repo = tested_with("[\"true\"]");
    let mut said = String::new();
    for i in 0..7 {
        repo.commit_hooked(&format!("fix: f{i}"));
        let tag = format!("v0.1.{i}");
        let out = hand_tag(&repo, &["-a", &tag, "-m", &tag]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        said = stderr(&out);
    }
    let test = next_command(&said);
    assert_eq!(
        test, "relhook test --tag v0.1.0 v0.1.1 v0.1.2 v0.1.3 v0.1.4 v0.1.5 && relhook test",
        "{said}"
    );
    // The whole line, pasted: the tests, then the push, which pre-push lets through.
    let line = said.lines().find_map(|l| l.strip_prefix("next: ")).unwrap();
    let pasted = line
        .split("   (")
        .next()
        .unwrap()
        .replacen(", then ", " && ", 1);
    assert!(
        pasted.ends_with("git push --follow-tags -u origin main"),
        "{said}"
    );
    let out = repo.sh(&pasted);
    assert_eq!(out.status.code(), Some(0), "{pasted}\n{}", text(&out));
    let pushed = repo.git(&["ls-remote", "--tags", "origin"]);
    assert_eq!(pushed.matches("^{}").count(), 7, "{pushed}");
}

#[test]
fn test_takes_several_tags_and_stops_at_the_first_that_fails() {
    // The tests pass only where the tree has `ok`: v0.1.0 has none.
    let repo = tested_with("[\"test\", \"-f\", \"ok\"]");
    for (i, file) in ["a", "ok", "b"].into_iter().enumerate() {
        repo.write(file, "x\n");
        repo.git(&["add", file]);
        repo.commit_hooked(&format!("fix: f{i}"));
        let tag = format!("v0.1.{i}");
        ok(hand_tag(&repo, &["-a", &tag, "-m", &tag]));
    }
    let out = repo.relhook(&["test", "--tag", "v0.1.1", "v0.1.2"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    for tag in ["v0.1.1", "v0.1.2"] {
        assert!(
            said.contains(&format!("tests passed; recorded for {tag}'s tree")),
            "{said}"
        );
    }
    let out = repo.relhook(&["test", "--tag", "v0.1.1", "--tag", "v0.1.0", "v0.1.2"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("tests failed on v0.1.0"), "{said}");
    assert!(
        said.contains("relhook: stopped at v0.1.0: v0.1.2 not tested"),
        "{said}"
    );
}
