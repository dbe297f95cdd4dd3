//! QA157: on cocogitto's history, `relhook release --dry-run` (and a hand tag) said its
//! migration guide `website/guide/migration_6_5_to_7_0.md` "would still say 7.0.0": a guide
//! from one version to the next names them on purpose. Documents named for a migration or an
//! upgrade, release notes and blog posts are left out of the runbook's `grep -r` check, as a
//! page named after a release already was; a document that states the current version, and
//! code named so, still get their note.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn guides_about_a_version_are_not_places_to_bump() {
    let repo = Repo::new();
    repo.write(
        "README.md",
        "Install version 7.0.0 with `cargo install x`.\n",
    );
    repo.write("docs/install.md", "The current version is 7.0.0.\n");
    repo.write("src/migration.py", "CURRENT = \"7.0.0\"\n");
    repo.write(
        "website/guide/migration_6_5_to_7_0.md",
        "# Migration from 6.5.0 to 7.0.0\n",
    );
    repo.write(
        "website/guide/migrations.md",
        "The main breaking change in 7.0.0 is the layout.\n",
    );
    repo.write(
        "UPGRADING.md",
        "Coming from 6.x? 7.0.0 drops the old flag.\n",
    );
    repo.write("docs/release-notes.rst", "7.0.0\n=====\n");
    repo.write("website/blog/announcing.md", "Today we release 7.0.0.\n");
    repo.git(&["add", "-A"]);
    repo.commit("feat: start");
    repo.git(&["tag", "-a", "v7.0.0", "-m", "v7.0.0"]);
    repo.commit("fix: a");

    let out = ok(repo.relhook(&["release", "--dry-run"]));
    let err = stderr(&out);
    for kept in [
        "README.md:1 would still say 7.0.0",
        "docs/install.md:1 would still say 7.0.0",
        "src/migration.py:1 would still say 7.0.0",
    ] {
        assert!(err.contains(kept), "{kept}: {}", text(&out));
    }
    for left in [
        "migration_6_5_to_7_0.md",
        "migrations.md",
        "UPGRADING.md",
        "release-notes.rst",
        "announcing.md",
    ] {
        assert!(!err.contains(left), "{left}: {}", text(&out));
    }
}
