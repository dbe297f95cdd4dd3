//! QA82: git before 2.43 names every revert of a revert `Revert "Revert "…""` (newer git says
//! `Reapply "…"`). relhook read only the `Reapply` form as bringing the change back, so in such
//! a chain a revert of a released revert got `- revert "x"` under Removed where the fix was
//! back (`- x` under Fixed), and `--rebuild` and doctor agreed with it; links of an
//! unreleased fix's chain said they reverted `- revert "x"`. Now each `Revert` undoes what it
//! quotes, however deep: an even count of them brings the change back.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// `git revert --edit <what>` with the message git before 2.43 writes: `Revert "<subject>"`
/// and `This reverts commit <id>.`. Its one `relhook:` line.
fn old_git_revert(repo: &Repo, what: &str) -> String {
    let subject = repo.git(&["log", "-1", "--format=%s", what]);
    let id = repo.git(&["rev-parse", what]);
    let msg = repo.scratch("msg").join("message");
    std::fs::write(
        &msg,
        format!("Revert \"{subject}\"\n\nThis reverts commit {id}.\n"),
    )
    .unwrap();
    let editor = format!("cp '{}'", msg.display());
    let out = repo.git_in(
        &repo.path(),
        &["revert", "--edit", what],
        &[("GIT_EDITOR", editor.as_str())],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), format!("Revert \"{subject}\""));
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("relhook:")).collect();
    assert_eq!(said.len(), 1, "{}", text(&out));
    said[0].to_owned()
}

/// The newest release's section of `log`.
fn newest_release(log: &str) -> String {
    let from = log.find("\n## [0").unwrap_or_else(|| panic!("{log}"));
    let rest = &log[from + 1..];
    let end = rest[1..].find("\n## [").map_or(rest.len(), |e| e + 1);
    rest[..end].to_owned()
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log.split("\n## [0").next().unwrap().to_owned()
}

#[test]
fn each_link_released_on_its_own_gets_the_fix_back_at_even_depth() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    repo.commit_hooked("fix: the crash");
    ok(repo.relhook(&["release", "0.1.0"]));
    // HEAD~1: below each release's own commit.
    for n in 1..=5 {
        let said = old_git_revert(&repo, "HEAD~1");
        ok(repo.relhook(&["release"]));
        let log = repo.read("CHANGELOG.md");
        let section = newest_release(&log);
        if n % 2 == 0 {
            assert!(
                section.contains("### Fixed\n\n- the crash\n"),
                "link {n}: {said}\n{section}"
            );
            assert!(!section.contains("revert"), "link {n}: {said}\n{section}");
        } else {
            assert!(
                section.contains("### Removed\n\n- revert \"the crash\"\n"),
                "link {n}: {said}\n{section}"
            );
        }
        // The same but for the heading's date (the tag's, which the tests pin).
        let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
        let body = |s: &str| s.split_once('\n').unwrap().1.to_owned();
        assert_eq!(body(&newest_release(&rebuilt)), body(&section), "link {n}");
    }
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    let doctor = repo.relhook(&["doctor"]);
    assert!(stdout(&doctor).contains("all is well"), "{}", text(&doctor));
}

#[test]
fn each_link_of_an_unreleased_fix_s_chain_names_the_fix_itself() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "0.1.0"]));
    repo.commit_hooked("fix: the crash");
    for n in 1..=5 {
        let said = old_git_revert(&repo, "HEAD");
        let un = unreleased(&repo);
        assert!(!said.contains("revert \\\""), "link {n}: {said}");
        assert!(!said.contains("`- revert"), "link {n}: {said}");
        if n % 2 == 0 {
            assert!(un.contains("- the crash\n"), "link {n}: {said}\n{un}");
            assert!(said.contains("is back in Unreleased"), "link {n}: {said}");
        } else {
            assert!(!un.contains("the crash"), "link {n}: {said}\n{un}");
            assert!(said.contains("reverts `- the crash`"), "link {n}: {said}");
        }
        let sync = ok(repo.relhook(&["changelog", "--sync"]));
        assert!(stderr(&sync).contains("up to date"), "{}", text(&sync));
    }
    let doctor = repo.relhook(&["doctor"]);
    assert!(stdout(&doctor).contains("all is well"), "{}", text(&doctor));
}
