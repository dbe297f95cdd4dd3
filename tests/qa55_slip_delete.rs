//! QA52: a tag without the release tags' prefix (`0.1.1` where they are `v0.1.1`) on this
//! clone only was advised `tag_prefix = ""` or a version above it (`relhook release 0.1.2`),
//! which, pasted, was refused; the fix that works, deleting it and releasing its version
//! under the prefix (as pre-push says for the same tag), went unnamed. Now doctor and
//! `relhook version` lead with it where no remote's branch holds the tag.

use crate::support::{Repo, ok, stderr, stdout, text};

/// relhook installed with a passing test, v0.1.0 released, `fix: b` committed on top, and
/// `0.1.1` tagged past the hook on it.
fn slipped() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: b");
    ok(repo.git_skipping_relhook(&["tag", "-a", "0.1.1", "-m", "0.1.1"]));
    repo
}

/// The last command in backquotes in `line`.
fn last_command(line: &str) -> String {
    let words: Vec<&str> = line.split('`').skip(1).step_by(2).collect();
    words
        .last()
        .unwrap_or_else(|| panic!("no command in {line}"))
        .to_string()
}

#[test]
fn doctor_leads_with_deleting_a_slip_no_remote_holds_and_it_works_pasted() {
    let repo = slipped();
    let out = repo.relhook(&["doctor"]);
    let doctor = stdout(&out);
    let fix = doctor
        .lines()
        .skip_while(|l| !l.contains("INVALID  version"))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        fix.starts_with("`0.1.1` is on no remote's branch here"),
        "{fix}"
    );
    assert!(!fix.contains("tag_prefix"), "{fix}");
    assert!(!fix.contains("0.1.2"), "{fix}");
    let line = last_command(fix);
    assert_eq!(line, "git tag -d 0.1.1 && relhook release 0.1.1");
    let out = repo.sh(&line);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0\nv0.1.1");
    assert!(stdout(&ok(repo.relhook(&["doctor"]))).contains("all is well"));
}

#[test]
fn version_gives_the_same_fix() {
    let repo = slipped();
    let out = repo.relhook(&["version"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let hint = err
        .lines()
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(
        last_command(hint),
        "git tag -d 0.1.1 && relhook release 0.1.1"
    );
}

#[test]
fn a_slip_a_remote_branch_holds_is_kept_and_its_version_released_beside_it() {
    let repo = slipped();
    repo.with_origin();
    ok(repo.git_skipping_relhook(&["push", "-q", "origin", "main"]));
    let err = stderr(&repo.relhook(&["version"]));
    assert!(!err.contains("no remote's branch"), "{err}");
    // QA55: `tag_prefix = ""` and a version above it were refused pasted (see qa58).
    assert!(err.contains("keep it"), "{err}");
    assert!(err.contains("`relhook release 0.1.1`"), "{err}");
}
