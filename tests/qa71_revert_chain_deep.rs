//! QA71: from the fifth link of a fix's revert chain (`Revert "Reapply "Reapply "fix: x"""`)
//! relhook read no entry: only one `Reapply "` was taken off, so the fourth link called for
//! none, and the fifth, reverting it, added a `revert "x"` under Removed to a changelog that
//! never listed the fix as released, which `--sync` then took out. Now each `Reapply` brings
//! back what it quotes, however deep: every link is judged as the first two are, and
//! post-commit and `--sync` agree all along the chain.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// `fix: the crash` over a released `feat: one`, itself released when `released`.
fn fixed(released: bool) -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    if !released {
        ok(repo.relhook(&["release", "0.1.0"]));
    }
    repo.commit_hooked("fix: the crash");
    if released {
        ok(repo.relhook(&["release", "0.1.1"]));
    }
    repo
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log.split("\n## [0").next().unwrap().to_owned()
}

/// `git revert --no-edit <what>`: its one `relhook:` line, the tree left clean, and `--sync`
/// finding nothing to change.
fn link(repo: &Repo, what: &str) -> String {
    let out = ok(repo.git_output(&["revert", "--no-edit", what]));
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook:")).collect();
    let subject = repo.head_subject();
    assert_eq!(said.len(), 1, "{subject}: {}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let before = repo.read("CHANGELOG.md");
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&sync).contains("up to date"),
        "{subject}: {}",
        text(&sync)
    );
    assert_eq!(repo.read("CHANGELOG.md"), before, "{subject}");
    said[0].to_owned()
}

/// Seven links reverted one after the other, the first of `first`: whether each (1-based)
/// leaves the fix in effect is checked against Unreleased by `check`.
fn chain(repo: &Repo, first: &str, check: impl Fn(usize, &str, &str)) {
    let mut what = first;
    for n in 1..=7 {
        let said = link(repo, what);
        what = "HEAD";
        check(n, &said, &unreleased(repo));
        if n == 5 {
            assert_eq!(
                repo.head_subject(),
                "Revert \"Reapply \"Reapply \"fix: the crash\"\"\""
            );
        }
    }
    let doctor = repo.relhook(&["doctor"]);
    assert!(stdout(&doctor).contains("all is well"), "{}", text(&doctor));
}

#[test]
fn every_link_of_an_unreleased_fix_s_chain_leaves_unreleased_as_the_fix_is() {
    let repo = fixed(false);
    chain(&repo, "HEAD", |n, said, un| {
        assert!(!un.contains("revert"), "link {n}: {said}\n{un}");
        if n % 2 == 1 {
            assert!(!un.contains("the crash"), "link {n}: {said}\n{un}");
            assert!(said.contains("so neither ships"), "link {n}: {said}");
        } else {
            assert!(un.contains("- the crash\n"), "link {n}: {said}\n{un}");
            assert!(said.contains("is back in Unreleased"), "link {n}: {said}");
        }
    });
    let out = repo.relhook(&["version", "--next"]);
    assert!(
        stderr(&out).contains("nothing to release"),
        "{}",
        text(&out)
    );
}

#[test]
fn every_link_of_a_released_fix_s_chain_keeps_its_revert_entry_as_the_revert_is() {
    let repo = fixed(true);
    chain(&repo, "HEAD~1", |n, said, un| {
        assert!(!un.contains("- the crash\n"), "link {n}: {said}\n{un}");
        if n % 2 == 1 {
            assert!(
                un.contains("- revert \"the crash\"\n"),
                "link {n}: {said}\n{un}"
            );
        } else {
            assert!(!un.contains("the crash"), "link {n}: {said}\n{un}");
            assert!(said.contains("so neither ships"), "link {n}: {said}");
        }
    });
}

#[test]
fn a_release_in_the_middle_of_the_chain_makes_the_next_revert_one_of_a_released_fix() {
    let repo = fixed(false);
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    for _ in 0..3 {
        link(&repo, "HEAD");
    }
    assert_eq!(
        repo.head_subject(),
        "Reapply \"Reapply \"fix: the crash\"\""
    );
    ok(repo.relhook(&["release", "0.1.1"]));
    let log = repo.read("CHANGELOG.md");
    let released = log
        .split("## [0.1.1]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    assert!(released.contains("- the crash\n"), "{log}");
    let said = link(&repo, "HEAD~1");
    assert!(
        said.contains("added `- revert \"the crash\"` under Removed"),
        "{said}"
    );
    link(&repo, "HEAD");
    assert!(!unreleased(&repo).contains("the crash"));
    link(&repo, "HEAD");
    assert!(unreleased(&repo).contains("- revert \"the crash\"\n"));
}
