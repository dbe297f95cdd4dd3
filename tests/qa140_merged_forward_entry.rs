//! QA140: main released v1.1.0; `release/1.0` got `fix: security hole` and released v1.0.1;
//! main merged `release/1.0` with a clean `git merge` (git runs no post-commit for it).
//! `--sync`, `--rebuild` and `version --next` count the fix unreleased on main's line, and so
//! must the CHANGELOG.md the hooks keep: the merge driver lists it under Unreleased as it
//! merges, and says so. A backport of a change main has stays out.

use crate::qa44_merged_forward_fix::two_lines;
use crate::support::{Repo, ok, stderr, stdout, text};

fn security_fix(repo: &Repo) {
    repo.write("sec", "sec\n");
    repo.git(&["add", "sec"]);
    repo.commit_hooked("fix: security hole");
}

/// The `## [Unreleased]` section of `log`, up to the next section.
fn unreleased(log: &str) -> &str {
    let start = log.find("## [Unreleased]").expect("an Unreleased section");
    let rest = &log[start + 4..];
    &log[start..start + 4 + rest.find("\n## [").unwrap_or(rest.len())]
}

#[test]
fn a_clean_merge_of_an_older_lines_release_lists_its_fix_under_unreleased() {
    let repo = two_lines(security_fix);
    let merge = repo.git_output(&["merge", "--no-edit", "release/1.0"]);
    assert!(merge.status.success(), "{}", text(&merge));
    assert!(
        stderr(&merge).contains(
            "CHANGELOG.md: added `- security hole` under Fixed: v1.0.1 released it on an older line, and this line has not released it yet"
        ),
        "{}",
        text(&merge)
    );
    // In the merge commit itself, and the work tree clean.
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        unreleased(&committed).contains("### Fixed\n\n- security hole"),
        "{committed}"
    );
    assert!(committed.contains("## [1.0.1]"), "{committed}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    // The commands agree with the file: nothing for sync to add, nothing for doctor to say.
    let sync = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&sync), repo.read("CHANGELOG.md"), "{}", text(&sync));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !stdout(&doctor).contains("on an older line"),
        "{}",
        text(&doctor)
    );
    assert_eq!(
        stdout(&ok(repo.relhook(&["version", "--next"]))).trim(),
        "1.1.1"
    );
    // The release takes it into 1.1.1 once, as the commands said.
    ok(repo.relhook(&["release"]));
    let log = repo.read("CHANGELOG.md");
    let v111 = &log[log.find("## [1.1.1]").unwrap()..log.find("## [1.1.0]").unwrap()];
    assert_eq!(v111.matches("- security hole").count(), 1, "{log}");
    assert!(!unreleased(&log).contains("- "), "{log}");
}

/// A backport made with `git cherry-pick -x` of a fix v1.1.0 shipped is not new on main: the
/// merge adds nothing to Unreleased.
#[test]
fn a_backport_merged_forward_adds_no_entry() {
    let repo = two_lines(|repo| {
        repo.git(&["switch", "-q", "main"]);
        security_fix(repo);
        let fix = repo.git(&["rev-parse", "HEAD"]);
        repo.git(&["switch", "-q", "release/1.0"]);
        repo.git(&["cherry-pick", "-x", &fix]);
    });
    let merge = repo.git_output(&["merge", "--no-edit", "release/1.0"]);
    assert!(merge.status.success(), "{}", text(&merge));
    assert!(!stderr(&merge).contains("added `"), "{}", text(&merge));
    let log = repo.read("CHANGELOG.md");
    assert!(!unreleased(&log).contains("- "), "{log}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}
