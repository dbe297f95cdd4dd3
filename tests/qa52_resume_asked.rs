//! QA52: `relhook release 0.3.0` killed before its commit is undone by the next relhook, and
//! `relhook release --resume` then said "run it again: `relhook release`": pasted, that
//! released the version the commits call for (0.1.0), not the 0.3.0 asked for. A release's
//! journal now records what it was asked for (a line older relhooks pass over), and the
//! advice makes that release again; where a journal (an older relhook's) does not say, the
//! refusal says so in its one line and names no release that would make another version.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, text, two_packages};

/// A repository ready for its first release, whose tests pass, with `relhook release ARGS`
/// killed once it holds the lock (before its commit).
fn killed(args: &[&str]) -> Repo {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let before = repo.git(&["rev-parse", "HEAD"]);
    repo.relhook_killed_at("locked", args);
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    assert_eq!(repo.git(&["tag", "-l"]), "");
    repo
}

/// `relhook release --resume ARGS`, refused with nothing to resume: its one line.
fn nothing_to_resume(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["release", "--resume"];
    all.extend_from_slice(args);
    let out = repo.relhook(&all);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("nothing to resume"))
        .collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("stopped before its commit and is undone"),
        "{err}"
    );
    lines[0].to_owned()
}

/// The command a line names after `run it again: `.
fn asked_command(line: &str) -> String {
    let (_, after) = line
        .split_once("run it again: `")
        .unwrap_or_else(|| panic!("no command to run again in: {line}"));
    after.split('`').next().unwrap_or_default().to_owned()
}

#[test]
fn the_advice_makes_the_version_the_killed_release_asked_for() {
    let repo = killed(&["release", "0.3.0", "--no-test"]);
    let line = nothing_to_resume(&repo, &[]);
    let again = asked_command(&line);
    assert_eq!(again, "relhook release 0.3.0 --no-test", "{line}");
    ok(repo.sh(&again));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.3.0");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn a_plain_release_is_advised_plain_and_flags_given_now_are_kept() {
    let repo = killed(&["release", "--pre", "rc"]);
    let line = nothing_to_resume(&repo, &["--allow-dirty"]);
    assert_eq!(
        asked_command(&line),
        "relhook release --pre rc --allow-dirty",
        "{line}"
    );

    let repo = killed(&["release"]);
    let line = nothing_to_resume(&repo, &[]);
    assert_eq!(asked_command(&line), "relhook release", "{line}");
    ok(repo.sh(&asked_command(&line)));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v0.1.0");
}

/// A journal an older relhook wrote (no `asked` line): said plainly, with no release named
/// that could make another version than the one asked for.
#[test]
fn a_journal_that_does_not_say_is_said_so() {
    let repo = killed(&["release", "0.3.0"]);
    let journal = repo.path().join(".git/relhook-txn");
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(text.contains("\nasked 0.3.0\n"), "{text}");
    let older: String = text
        .lines()
        .filter(|l| !l.starts_with("asked "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&journal, older).unwrap();

    let line = nothing_to_resume(&repo, &[]);
    assert!(
        line.contains("its journal does not record what it was asked for"),
        "{line}"
    );
    assert!(!line.contains("run it again: `"), "{line}");
    assert!(!line.contains("`relhook release`"), "{line}");
    assert!(line.contains("`relhook version --next`"), "{line}");
    assert_eq!(repo.git(&["tag", "-l"]), "");
}

/// In a monorepo, the package and the version asked for are named, not `--all` or
/// `--package NAME`.
#[test]
fn a_package_release_is_made_again_for_that_package() {
    let repo = two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"0.1.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"0.1.0\"\n}\n",
    );
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): x");
    let before = repo.git(&["rev-parse", "HEAD"]);
    repo.relhook_killed_at("locked", &["release", "--package", "a", "0.3.0"]);
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    let line = nothing_to_resume(&repo, &[]);
    let again = asked_command(&line);
    assert_eq!(again, "relhook release 0.3.0 --package a", "{line}");
    assert!(!line.contains("NAME"), "{line}");
    ok(repo.sh(&again));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "a-v0.3.0");
}
