//! QA244: `relhook notes` refused a work tree changelog over 64 MiB by its size, but still
//! read the one a release's commit holds from git whole: now that one is refused the same
//! way, in one line, before any of it is read.

use crate::support::{dated_release, text, untested_installed};

#[test]
fn notes_refuse_a_huge_committed_changelog_unread() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    // A release whose commit holds 65 MiB of changelog, made past relhook's hooks; the work
    // tree's stays small.
    let small = repo.read("CHANGELOG.md");
    std::fs::OpenOptions::new()
        .write(true)
        .open(repo.path().join("CHANGELOG.md"))
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    let off = ["-c", "core.hooksPath=/dev/null"];
    repo.git(&[off[0], off[1], "commit", "-q", "-am", "docs: grow"]);
    repo.git(&[off[0], off[1], "tag", "v9.0.0"]);
    repo.write("CHANGELOG.md", small);
    repo.git(&[off[0], off[1], "commit", "-q", "-am", "docs: shrink"]);
    let started = std::time::Instant::now();
    let out = repo.relhook(&["notes", "v9.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = "CHANGELOG.md at v9.0.0 is 65 MiB, larger than the 64 MiB relhook reads of a changelog (vue's is 1 MiB), so relhook cannot read this release's notes from it";
    let all = text(&out);
    let lines: Vec<&str> = all.lines().filter(|l| l.contains(said)).collect();
    assert_eq!(lines.len(), 1, "{all}");
    assert!(lines[0].contains("--notes-file FILE"), "{}", lines[0]);
    assert!(started.elapsed().as_secs() < 5, "notes read it");
}
