//! QA44: entries were written `- **scope:** text` whatever the file's own style, so a
//! changelog commitizen (`- **scope**: text`), git-cliff (`- *(scope)* Text`) or cocogitto
//! (`- (**scope**) text - (abc1234) - author`) made changed its look with relhook's first
//! entry. When the newest release's scoped entries all use one of those styles, new entries
//! (post-commit and its amend, --sync, release) follow it; an entry written either way is the
//! same entry.

use crate::support::{Repo, dated_release, ok, stderr, stdout, text};

/// The three tools' ways of writing scope `api`'s entry `old fix`, and how `fix(core): …`
/// reads in each.
const STYLES: [(&str, &str); 3] = [
    ("**api**: old fix", "**core**: "),
    ("*(api)* Old fix", "*(core)* "),
    ("(**api**) old fix - (abc1234) - someone", "(**core**) "),
];

/// An installed repository whose CHANGELOG.md has `released` as its newest release's entries.
fn with_released(released: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        format!(
            "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Fixed\n\n{released}\n"
        ),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn post_commit_writes_the_scope_as_the_file_does() {
    for (old, new) in STYLES {
        let repo = with_released(&format!("- {old}\n- unscoped fix"));
        let out = repo.try_commit("fix(core): handle x");
        assert!(out.status.success(), "{}", text(&out));
        let log = repo.read("CHANGELOG.md");
        assert!(log.contains(&format!("\n- {new}handle x\n")), "{log}");
        // Said as written.
        assert!(
            stderr(&out).contains(&format!("`- {new}handle x`")),
            "{}",
            text(&out)
        );
        // The same entry to --sync: nothing to add.
        let sync = repo.relhook(&["changelog", "--sync", "--stdout"]);
        assert!(sync.status.success(), "{}", text(&sync));
        assert_eq!(stdout(&sync), log);
        // An amend replaces it, written the same way.
        let amend = repo.git_output(&["commit", "-q", "--amend", "-m", "fix(core): handle y"]);
        assert!(amend.status.success(), "{}", text(&amend));
        let log = repo.read("CHANGELOG.md");
        assert!(log.contains(&format!("\n- {new}handle y\n")), "{log}");
        assert!(!log.contains("handle x"), "{log}");
    }
}

#[test]
fn sync_and_release_write_the_scope_as_the_file_does() {
    let (old, new) = STYLES[0];
    let repo = with_released(&format!("- {old}"));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix(core): handle x"]));
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert!(
        stderr(&sync).contains(&format!("`- {new}handle x`")),
        "{}",
        text(&sync)
    );
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(&format!("\n- {new}handle x\n")), "{log}");
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: synced"]));
    // A commit the hook never saw goes into the release as the file writes it.
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "fix(ui): handle y"]));
    ok(dated_release(&repo, &["--no-test"]));
    let log = repo.read("CHANGELOG.md");
    let released = log.split("## [1.0.0]").next().unwrap_or_default();
    assert!(released.contains(&format!("\n- {new}handle x\n")), "{log}");
    assert!(released.contains("\n- **ui**: handle y\n"), "{log}");
    assert!(!log.contains(":**"), "{log}");
}

#[test]
fn an_entry_in_relhooks_style_is_the_same_entry_in_a_styled_file() {
    let repo = with_released("- **api**: old fix");
    repo.commit_hooked("fix(core): handle x");
    assert!(
        repo.read("CHANGELOG.md")
            .contains("\n- **core**: handle x\n")
    );
    // Written as relhook writes it (by hand, or by an older relhook): no second entry.
    let log = repo.read("CHANGELOG.md").replace("**core**:", "**core:**");
    repo.write("CHANGELOG.md", &log);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: as it was"]));
    let sync = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert_eq!(stdout(&sync), log);
}

#[test]
fn a_commitizen_file_keeps_its_style_through_a_release() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "## v1.0.0 (2024-01-01)\n\n### Feat\n\n- **api**: first\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat(api): first"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix(core): a bug");
    ok(dated_release(&repo, &["--no-test"]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("\n- **core**: a bug\n"), "{log}");
}

#[test]
fn mixed_or_unscoped_releases_keep_relhooks_own_style() {
    for released in ["- **api**: a\n- *(ui)* B", "- plain fix"] {
        let repo = with_released(released);
        repo.commit_hooked("fix(core): handle x");
        let log = repo.read("CHANGELOG.md");
        assert!(log.contains("\n- **core:** handle x\n"), "{log}");
    }
}
