//! QA144: on git-cliff's history, every `relhook release --dry-run` said its blog post about
//! the last release "would still say" that version (`website/blog/git-cliff-2.13.0.md:2
//! would still say 2.13.0: `slug: 2.13.0``) and advised bumping it by hand: a page named
//! after one release is about that release, and its versions are history. Such a file is
//! left out of the runbook's `grep -r` check; a file that only mentions the version still
//! gets its note.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_page_named_after_a_release_is_not_a_place_to_bump() {
    let repo = Repo::new();
    repo.write(
        "README.md",
        "Install version 1.2.0 with `cargo install x`.\n",
    );
    repo.write(
        "website/blog/x-1.2.0.md",
        "---\nslug: 1.2.0\ntitle: What's new in 1.2.0?\n---\n",
    );
    repo.write(
        "docs/notes-1.1.0.md",
        "Upgrading from 1.2.0 is not possible.\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit("feat: start");
    repo.git(&["tag", "-a", "v1.2.0", "-m", "v1.2.0"]);
    repo.commit("fix: a");

    let out = ok(repo.relhook(&["release", "--dry-run"]));
    let err = stderr(&out);
    assert!(
        err.contains("README.md:1 would still say 1.2.0"),
        "{}",
        text(&out)
    );
    assert!(!err.contains("x-1.2.0.md"), "{}", text(&out));
    assert!(!err.contains("notes-1.1.0.md"), "{}", text(&out));
}
