//! QA44: a hand tag on `npm init`'s placeholder `test` script (relhook said no test of it can
//! pass: push it untested on purpose), then the script fixed and `relhook release`: its
//! `next:` line tested the older tag first (`relhook test --tag v1.0.0 && relhook test`),
//! which fails on the placeholder and never tests the new release, and pre-push said the same.
//! Both now give the hand tag's advice: the older tag goes first, untested on purpose.

use crate::support::{Repo, hand_tag, ok, stderr, text};

const PLACEHOLDER: &str = "{\n  \"name\": \"demo\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\n    \"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"\n  }\n}\n";

#[test]
fn an_older_tag_no_test_can_pass_is_pushed_on_purpose_and_the_release_still_tested() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("package.json", PLACEHOLDER);
    repo.git(&["add", "package.json"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    let tag = ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "v1.0.0"]));
    assert!(
        stderr(&tag).contains("so no test of it can pass"),
        "{}",
        text(&tag)
    );
    repo.write(
        "package.json",
        PLACEHOLDER.replace(
            "echo \\\"Error: no test specified\\\" && exit 1",
            "node -e 0",
        ),
    );
    repo.git(&["commit", "-q", "-a", "-m", "fix: real tests"]);
    let release = ok(repo.relhook(&["release"]));
    let err = stderr(&release);
    let next = err
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .unwrap_or_else(|| panic!("no next line: {err}"));
    assert!(!next.contains("relhook test --tag v1.0.0"), "{err}");
    assert!(
        next.starts_with("relhook test, then git remote add origin <url> && RELHOOK_SKIP=1 git push origin v1.0.0 && git push --follow-tags -u origin "),
        "{err}"
    );
    assert!(
        next.contains("v1.0.0's tree has no tests to run")
            && next.contains("require_tested_tags = false"),
        "{err}"
    );
    // pre-push, asked first, gives the same way past the older tag, not its test.
    let origin = repo.scratch("origin.git");
    repo.git(&["init", "-q", "--bare", origin.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", origin.to_str().unwrap()]);
    ok(repo.sh("relhook test"));
    let branch = repo.git(&["branch", "--show-current"]);
    let push = repo.git_output(&["push", "--follow-tags", "origin", &branch]);
    assert!(!push.status.success(), "{}", text(&push));
    assert!(
        text(&push)
            .contains("push it untested on purpose (`RELHOOK_SKIP=1 git push origin v1.0.0`)")
            && !text(&push).contains("relhook test --tag"),
        "{}",
        text(&push)
    );
    // The advice, pasted (the remote added above), tests v1.0.1 and sends both tags.
    let command =
        next.split("   (")
            .next()
            .unwrap()
            .replacen(", then git remote add origin <url>", "", 1);
    ok(repo.sh(&command));
    let remote = repo.git(&["ls-remote", "--tags", "origin"]);
    assert!(
        remote.contains("refs/tags/v1.0.0") && remote.contains("refs/tags/v1.0.1"),
        "{remote}"
    );
}
