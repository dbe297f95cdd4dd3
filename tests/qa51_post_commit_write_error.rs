//! QA51: post-commit that met a write error (an immutable CHANGELOG.md, a full disk, the file
//! size limit) added no entry and said why; `relhook doctor` later said the commit was "made
//! while relhook's post-commit did not run". post-commit now notes the write error beside
//! a held lock's (`.git/relhook-lock-met`), and doctor names it, with the same fix.

use crate::support::{installed_repo, is_root, ok, stderr, stdout, text};

#[test]
fn doctor_names_the_write_error_post_commit_met() {
    let repo = installed_repo();
    // A changelog past the limit below: its next version cannot be written.
    let mut log = repo.read("CHANGELOG.md");
    log.push_str(&"<!-- padding ---------------------------------------------- -->\n".repeat(80));
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: pad the changelog"]);
    let out = repo.sh("ulimit -f 4; echo x > x.txt; git add x.txt; git commit -q -m 'feat: x'");
    assert!(
        stderr(&out).contains("the changelog entry was not added to commit"),
        "{}",
        text(&out)
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.contains("(made while relhook's post-commit met a write error ("),
        "{said}"
    );
    assert!(said.contains(": File too large) at 20"), "{said}");
    assert!(!said.contains("did not run"), "{said}");
    assert!(said.contains("fix: relhook changelog --sync"), "{said}");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- x\n"));
}

#[test]
fn doctor_names_the_immutable_changelog_post_commit_met() {
    let repo = installed_repo();
    let changelog = repo.path().join("CHANGELOG.md");
    let chattr = |flag: &str| {
        std::process::Command::new("chattr")
            .arg(flag)
            .arg(&changelog)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !is_root() || !chattr("+i") {
        eprintln!("skipped: `chattr +i` needs root and a file system with attributes");
        return;
    }
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: b"]);
    assert!(chattr("-i"), "chattr -i failed");
    assert!(
        text(&out).contains("the changelog entry was not added to commit"),
        "{}",
        text(&out)
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.contains("(made while relhook's post-commit met a write error (CHANGELOG.md: Operation not permitted) at 20"),
        "{said}"
    );
    assert!(!said.contains("did not run"), "{said}");
    // A second commit whose post-commit did not run at all keeps that reason.
    repo.write("c.txt", "c\n");
    repo.git(&["add", "c.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: c"]));
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.contains("(1 made while relhook's post-commit met a write error (CHANGELOG.md"),
        "{said}"
    );
    assert!(
        said.contains("the others while relhook's post-commit did not run"),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- b\n") && log.contains("- c\n"), "{log}");
}
