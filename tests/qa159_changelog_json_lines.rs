//! QA159: `relhook changelog --sync|--rebuild --format json` reported the entries it added,
//! but not the rest of what it says on stderr: an entry removed or moved, the file up to date,
//! created or written, a monorepo without a root changelog synced as `--all`, a recovery, and
//! the `next:` step (the commit to make) were said on stderr only. The report now carries every
//! line in `notes`, `warnings` and `next`, as the release's report does.

use crate::support::told::{reported, strings};
use crate::support::{Repo, hooked_changelog_repo, ok};

#[test]
fn a_sync_s_report_carries_what_it_wrote_and_the_commit_to_make() {
    let repo = hooked_changelog_repo();
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: mend the parser"]));
    let v = reported(&repo, &["changelog", "--sync", "--format", "json"], &[]);
    assert_eq!(v["written"], true, "{v:#}");
    let notes = strings(&v, "notes");
    assert!(notes.contains(&"wrote CHANGELOG.md".to_owned()), "{v:#}");
    assert!(
        notes
            .iter()
            .any(|n| n.ends_with("mend the parser` under Fixed")),
        "{v:#}"
    );
    let next = v["next"].as_str().unwrap_or_else(|| panic!("{v:#}"));
    assert!(next.contains("git commit"), "{v:#}");
    // Synced again: up to date, and no step to take.
    let v = reported(&repo, &["changelog", "--sync", "--format", "json"], &[]);
    assert!(
        strings(&v, "notes").contains(&"CHANGELOG.md is up to date with history".to_owned()),
        "{v:#}"
    );
    assert!(v["next"].is_null(), "{v:#}");
    // A rebuild says what it does too.
    ok(repo.git_output(&["commit", "-q", "-am", "docs: sync the changelog"]));
    let v = reported(&repo, &["changelog", "--rebuild", "--format", "json"], &[]);
    assert!(!strings(&v, "notes").is_empty(), "{v:#}");
}

#[test]
fn a_monorepo_sync_s_report_says_it_synced_every_package() {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write(".relconfig.toml", "[packages.a]\npath = \"p/a\"\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.write("p/a/one.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(a): mend"]);
    let v = reported(&repo, &["changelog", "--sync", "--format", "json"], &[]);
    assert!(v["changelogs"].is_array(), "{v:#}");
    assert!(
        strings(&v, "notes")
            .iter()
            .any(|n| n.starts_with("a monorepo without a root CHANGELOG.md: syncing every")),
        "{v:#}"
    );
    assert!(v["next"].as_str().is_some(), "{v:#}");
}
