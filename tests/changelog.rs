//! The changelog engine on real repositories: post-commit accumulation, the merge driver,
//! sync and rebuild, and hand edits surviving all of them.

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, SKELETON, stderr, text};

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn commit_carries_its_own_entry_and_tree_is_clean() {
    let repo = setup();
    let out = repo.commit_with_hooks("feat(api): add the endpoint (#7)");
    assert!(out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains("the commit is now"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        committed.contains("### Added\n\n- **api:** add the endpoint (#7)"),
        "{committed}"
    );
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s%n%an%n%at%n%ct"]),
        "feat(api): add the endpoint (#7)\nTest Author\n1767268800\n1767268800"
    );
    // Types without a section, and fixups, add nothing.
    repo.commit_with_hooks("docs: typo");
    repo.commit_with_hooks("fixup! feat(api): add the endpoint (#7)");
    assert_eq!(repo.read("CHANGELOG.md"), committed + "\n");
    assert!(repo.is_clean());
}

#[test]
fn amending_the_message_replaces_the_entry() {
    let repo = setup();
    repo.commit_with_hooks("feat: frst try");
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "feat: first try"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- first try") && !log.contains("frst"),
        "{log}"
    );
    assert!(repo.is_clean());
    // Amending without touching the message changes nothing in the changelog.
    repo.git(&["commit", "-q", "--amend", "--no-edit"]);
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

#[test]
fn partial_commit_keeps_the_rest_of_the_index() {
    let repo = setup();
    repo.write("a.txt", "a\n");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "a.txt", "b.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: only a", "a.txt"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["status", "--porcelain"]), "A  b.txt");
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- only a")
    );
}

#[test]
fn hand_reworded_entry_survives_later_commits_and_sync() {
    let repo = setup();
    repo.commit_with_hooks("feat: add the widget");
    let reworded = repo
        .read("CHANGELOG.md")
        .replace("- add the widget", "- A shiny new widget, by hand");
    repo.write("CHANGELOG.md", &reworded);
    repo.git(&["commit", "-q", "-am", "docs: reword the changelog"]);
    for msg in ["fix: one", "fix: two", "feat: three"] {
        assert!(repo.commit_with_hooks(msg).status.success());
    }
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- A shiny new widget, by hand"), "{log}");
    assert_eq!(count(&log, "add the widget"), 0, "{log}");
    for e in ["- one", "- two", "- three"] {
        assert_eq!(count(&log, e), 1, "{log}");
    }
    // A deleted entry is not put back either.
    let deleted = log.replace("- two\n", "");
    repo.write("CHANGELOG.md", &deleted);
    repo.git(&["commit", "-q", "-am", "docs: drop an entry"]);
    repo.relhook(&["changelog", "--sync"]);
    assert_eq!(repo.read("CHANGELOG.md"), deleted);
}

#[test]
fn hooks_off_commits_are_picked_up_by_sync_once() {
    let repo = setup();
    repo.commit_with_hooks("feat: with hooks");
    repo.commit("feat: made with --no-verify in a web UI");
    let skipped =
        repo.git_skipping_relhook(&["commit", "-q", "--allow-empty", "-m", "fix: skipped by env"]);
    assert!(skipped.status.success());
    let before = repo.read("CHANGELOG.md");
    assert!(!before.contains("skipped by env"));
    let preview = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert!(String::from_utf8_lossy(&preview.stdout).contains("- skipped by env"));
    assert_eq!(repo.read("CHANGELOG.md"), before, "--stdout writes nothing");
    assert!(repo.relhook(&["changelog", "--sync"]).status.success());
    let after = repo.read("CHANGELOG.md");
    assert_eq!(count(&after, "- with hooks"), 1, "{after}");
    assert_eq!(
        count(&after, "- made with --no-verify in a web UI"),
        1,
        "{after}"
    );
    assert_eq!(count(&after, "- skipped by env"), 1, "{after}");
    let again = repo.relhook(&["changelog", "--sync"]);
    assert!(stderr(&again).contains("up to date"), "{}", text(&again));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        after,
        "a second sync changes nothing"
    );
}

#[test]
fn branches_merge_rebase_and_cherry_pick_without_conflict_or_duplicate() {
    let repo = setup();
    repo.git(&["checkout", "-q", "-b", "side"]);
    assert!(repo.commit_with_hooks("feat: side one").status.success());
    assert!(repo.commit_with_hooks("fix: side two").status.success());
    repo.git(&["checkout", "-q", "main"]);
    assert!(repo.commit_with_hooks("feat: main one").status.success());

    // Merge.
    repo.git(&["checkout", "-q", "-b", "merged", "main"]);
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    for e in ["- side one", "- side two", "- main one"] {
        assert_eq!(count(&log, e), 1, "{log}");
    }
    assert_eq!(count(&log, "### Added"), 1, "{log}");
    assert!(repo.is_clean());

    // Rebase.
    repo.git(&["checkout", "-q", "-b", "rebased", "side"]);
    let out = repo.git_output(&["rebase", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    for e in ["- side one", "- side two", "- main one"] {
        assert_eq!(count(&log, e), 1, "{log}");
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    // Cherry-pick onto main, then merge the branch too: still once.
    repo.git(&["checkout", "-q", "-b", "picked", "main"]);
    let side_one = repo.git(&["rev-parse", "side~1"]);
    let out = repo.git_output(&["cherry-pick", &side_one]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(count(&log, "- side one"), 1, "{log}");
    assert_eq!(count(&log, "- side two"), 1, "{log}");
}

/// A hand edit of Unreleased on one side (entries reordered, one reworded) survives a merge
/// with the other side's new entries, in place; so does one in a stash popped over a new
/// commit. When both sides rearranged it, git shows the conflict: neither edit is dropped.
#[test]
fn hand_arranged_unreleased_survives_merges_and_stash_pop() {
    let repo = setup();
    for n in ["alpha", "beta", "gamma"] {
        assert!(
            repo.commit_with_hooks(&format!("feat: {n}"))
                .status
                .success()
        );
    }
    repo.git(&["checkout", "-q", "-b", "arranged"]);
    let log = repo.read("CHANGELOG.md");
    let arranged = log.replace(
        "- alpha\n- beta\n- gamma\n",
        "- gamma\n- alpha\n- beta, reworded by hand\n",
    );
    assert_ne!(arranged, log);
    repo.write("CHANGELOG.md", &arranged);
    repo.git(&["commit", "-q", "-am", "docs: most important first"]);
    repo.git(&["checkout", "-q", "main"]);
    assert!(repo.commit_with_hooks("feat: delta").status.success());
    let out = repo.git_output(&["merge", "--no-edit", "arranged"]);
    assert!(out.status.success(), "{}", text(&out));
    let want = "- gamma\n- alpha\n- beta, reworded by hand\n- delta\n";
    assert!(
        repo.read("CHANGELOG.md").contains(want),
        "{}",
        repo.read("CHANGELOG.md")
    );
    // The other way round: the branch that only added merges the arranged one.
    repo.git(&["checkout", "-q", "-b", "added", "main~1"]);
    assert!(repo.commit_with_hooks("fix: epsilon").status.success());
    let out = repo.git_output(&["merge", "--no-edit", "arranged"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- gamma\n- alpha\n- beta, reworded by hand\n"),
        "{log}"
    );
    assert_eq!(count(&log, "- epsilon"), 1, "{log}");

    // A stash with a hand edit, popped over a commit that added an entry.
    repo.git(&["checkout", "-q", "main"]);
    let edited = repo
        .read("CHANGELOG.md")
        .replace("- alpha\n", "- alpha, edited\n");
    repo.write("CHANGELOG.md", &edited);
    repo.git(&["stash", "-q"]);
    assert!(repo.commit_with_hooks("feat: zeta").status.success());
    let out = repo.git_output(&["stash", "pop"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- gamma\n- alpha, edited\n- beta, reworded by hand\n- delta\n- zeta\n"),
        "{log}"
    );
    repo.git(&["checkout", "-q", "--", "CHANGELOG.md"]);

    // Both sides rearranged: a conflict, with both arrangements shown.
    repo.git(&["checkout", "-q", "-b", "mine", "main"]);
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("- delta\n", "- delta, mine\n"));
    repo.git(&["commit", "-q", "-am", "docs: mine"]);
    repo.git(&["checkout", "-q", "-b", "yours", "main"]);
    repo.write("CHANGELOG.md", log.replace("- zeta\n", "- zeta, yours\n"));
    repo.git(&["commit", "-q", "-am", "docs: yours"]);
    let out = repo.git_output(&["merge", "--no-edit", "mine"]);
    assert!(!out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- delta, mine") && log.contains("- zeta, yours"),
        "{log}"
    );
}

/// A file written with `*` bullets gets `*` bullets, and the message shows the line as written.
#[test]
fn star_bullets_are_kept_and_said_as_written() {
    let repo = setup();
    repo.write(
        "CHANGELOG.md",
        SKELETON.replace(
            "## [Unreleased]\n",
            "## [Unreleased]\n\n### Added\n\n* old thing\n",
        ),
    );
    repo.git(&["commit", "-q", "-am", "chore: star bullets"]);
    let out = repo.commit_with_hooks("feat: new thing");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("* old thing\n* new thing\n")
    );
    assert!(
        stderr(&out).contains("added `* new thing` under Added"),
        "{}",
        text(&out)
    );
}

#[test]
fn crlf_changelog_stays_crlf() {
    let repo = setup();
    repo.write("CHANGELOG.md", SKELETON.replace('\n', "\r\n"));
    repo.git(&["commit", "-q", "-am", "chore: crlf"]);
    assert!(repo.commit_with_hooks("feat: on windows").status.success());
    let bytes = std::fs::read(repo.path().join("CHANGELOG.md")).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("- on windows\r\n"), "{text:?}");
    assert_eq!(count(&text, "\n"), count(&text, "\r\n"), "{text:?}");
    assert!(repo.is_clean());
}

#[test]
fn foreign_changelog_is_left_byte_identical_with_a_warning() {
    let repo = setup();
    let foreign = "# Changelog\n\n## v1.2 (2020-01-01)\n\n* feature: stuff\n";
    repo.write("CHANGELOG.md", foreign);
    repo.git(&["commit", "-q", "-am", "chore: their format"]);
    let out = repo.commit_with_hooks("feat: something");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("CHANGELOG.md:3 is not a Keep a Changelog file"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), foreign);
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(2), "{}", text(&sync));
    assert!(stderr(&sync).contains("CHANGELOG.md:3"), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), foreign);
}

/// A `rebase -i` reword leaves the commit's entry as it is (relhook does not rewrite commits
/// mid-rebase), and says so in one line, with what to do.
#[test]
fn a_rebase_reword_says_what_the_entry_still_reads() {
    let repo = setup();
    repo.commit_with_hooks("feat: add a thing");
    repo.commit_with_hooks("chore: tidy");
    let reword = |line: usize, message: &str| {
        repo.git_in(
            &repo.path(),
            &["rebase", "-i", "HEAD~2"],
            &[
                (
                    "GIT_SEQUENCE_EDITOR",
                    &format!("sed -i -e '{line}s/^pick/reword/'"),
                ),
                ("GIT_EDITOR", &format!("sed -i -e '1s/.*/{message}/'")),
            ],
        )
    };
    // A new text for the entry: said, and the file keeps the old one.
    let out = reword(1, "feat(ui): add a better thing");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("CHANGELOG.md still reads `- add a thing` for reworded commit")
            && stderr(&out)
                .contains("change it by hand to `- **ui:** add a better thing` under Added"),
        "{}",
        text(&out)
    );
    assert_eq!(count(&repo.read("CHANGELOG.md"), "- add a thing"), 1);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // The same entry again: nothing to say.
    let out = reword(1, "feat(ui): add a better thing");
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
    // A commit without an entry reworded into one: `--sync` adds it, as the line says.
    let out = reword(2, "fix: tidy the thing");
    assert!(
        stderr(&out).contains("`relhook changelog --sync` adds `- tidy the thing`"),
        "{}",
        text(&out)
    );
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("### Fixed\n\n- tidy the thing")
    );
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: sync"]);
    // An entry the new message no longer calls for.
    repo.commit_with_hooks("fix: drop the cache");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~1"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i -e '1s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i -e '1s/.*/chore: nothing to see/'"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("still has `- drop the cache`, though reworded commit")
            && stderr(&out).contains("remove it by hand"),
        "{}",
        text(&out)
    );
}

#[test]
fn nothing_happens_during_rebase_or_cherry_pick_picks() {
    let repo = setup();
    repo.commit_with_hooks("feat: a");
    let a = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["checkout", "-q", "-b", "other", "HEAD~1"]);
    let out = repo.git_output(&["cherry-pick", &a]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "HEAD^{tree}"]),
        repo.git(&["rev-parse", &format!("{a}^{{tree}}")])
    );
    assert!(repo.is_clean());
}

#[test]
fn signed_commit_stays_signed() {
    let repo = setup();
    let key = repo.dir.path().join("key");
    let keygen = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .output();
    let Ok(k) = keygen else {
        eprintln!("ssh-keygen not available: signing not tested");
        return;
    };
    assert!(k.status.success());
    repo.git(&["config", "gpg.format", "ssh"]);
    repo.git(&["config", "user.signingkey", key.to_str().unwrap()]);
    repo.write("s.txt", "s");
    repo.git(&["add", "s.txt"]);
    let out = repo.git_output(&["commit", "-q", "-S", "-m", "feat: signed"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- signed")
    );
    let raw = repo.git(&["cat-file", "-p", "HEAD"]);
    assert!(raw.contains("gpgsig -----BEGIN SSH SIGNATURE"), "{raw}");
}

#[test]
fn rebuild_writes_history_and_tags() {
    let repo = Repo::new();
    repo.git(&["remote", "add", "origin", "git@github.com:acme/tool.git"]);
    repo.commit("feat: first feature");
    repo.commit("fix: first fix (#4)");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("feat(cli)!: new flags\n\nBREAKING CHANGE: old flags removed");
    repo.commit("chore: not listed");
    repo.git(&["tag", "v1.0.0"]);
    repo.commit("perf: faster");
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let expected_tail = "## [Unreleased]

### Changed

- faster

## [1.0.0] - 2026-01-01

### Added

- **BREAKING** **cli:** new flags — old flags removed

## [0.1.0] - 2026-01-01

### Added

- first feature

### Fixed

- first fix ([#4](https://github.com/acme/tool/issues/4))

[unreleased]: https://github.com/acme/tool/compare/v1.0.0...HEAD
[1.0.0]: https://github.com/acme/tool/compare/v0.1.0...v1.0.0
[0.1.0]: https://github.com/acme/tool/releases/tag/v0.1.0
";
    assert!(log.ends_with(expected_tail), "{log}");
    // The rebuilt file is one relhook can keep.
    assert!(repo.relhook(&["changelog", "--sync"]).status.success());
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

#[test]
fn install_registers_the_merge_driver_and_uninstall_removes_it() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let config_before = repo.read(".git/config");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        crate::support::stdout(&out).contains("merge driver"),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.read(".git/info/attributes"),
        "/CHANGELOG.md merge=relhook-changelog\n"
    );
    assert!(!repo.path().join(".gitattributes").exists());
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        "",
        "install leaves the work tree clean"
    );
    repo.git(&["checkout", "-q", "-b", "side"]);
    assert!(repo.commit_with_hooks("feat: from side").status.success());
    repo.git(&["checkout", "-q", "main"]);
    assert!(repo.commit_with_hooks("fix: from main").status.success());
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- from side") && log.contains("- from main"),
        "{log}"
    );
    assert_eq!(repo.relhook(&["doctor"]).status.code(), Some(0));
    // A clone without the driver's config merges with conflicts: doctor says so.
    repo.git(&["config", "--remove-section", "merge.relhook-changelog"]);
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        crate::support::stdout(&doctor).contains("merge driver"),
        "{}",
        text(&doctor)
    );
    assert!(repo.relhook(&["install"]).status.success());
    // Without the attribute line the driver is never used: doctor says so too.
    std::fs::remove_file(repo.path().join(".git/info/attributes")).unwrap();
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        crate::support::stdout(&doctor).contains("no attribute line"),
        "{}",
        text(&doctor)
    );
    assert!(repo.relhook(&["install"]).status.success());
    // A second install changes nothing.
    let again = repo.relhook(&["install"]);
    assert!(
        !crate::support::stdout(&again).contains("merge driver"),
        "{}",
        text(&again)
    );
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.path().join(".git/info/attributes").exists());
    assert_eq!(repo.read(".git/config"), config_before);
}

/// A changelog checked out with CRLF (`eol=crlf`): the work-tree bytes are not the blob's,
/// however clean `git status` says the file is, so the amended commit keeps LF.
#[test]
fn a_crlf_checkout_never_puts_crlf_into_the_commit() {
    let repo = setup();
    repo.write(".gitattributes", "CHANGELOG.md text eol=crlf\n");
    repo.git(&["add", ".gitattributes"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: attributes"]);
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    assert!(
        repo.read("CHANGELOG.md").contains("\r\n"),
        "checked out with CRLF"
    );
    // The index's stat data no longer racily clean, as a real next commit finds it.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: one"]);
    assert!(out.status.success(), "{}", text(&out));
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(committed.contains("- one"), "{committed}");
    assert!(!committed.contains('\r'), "CRLF committed:\n{committed:?}");
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

/// A changelog the merge driver cannot parse: it says which version and why, then leaves the
/// merge to git's line merge (conflict markers where both sides changed a line).
#[test]
fn the_merge_driver_says_why_it_falls_back_to_a_line_merge() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", "# Changelog\n\n## 2024\n\n- a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("CHANGELOG.md", "# Changelog\n\n## 2024\n\n- side\n");
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: side"]);
    repo.git(&["checkout", "-q", "-"]);
    repo.write("CHANGELOG.md", "# Changelog\n\n## 2024\n\n- main\n");
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: main"]);
    let out = repo.git_output(&["merge", "-q", "--no-edit", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("does not parse as Keep a Changelog (line 3:"),
        "{said}"
    );
    assert!(
        said.contains("merged line by line, with conflict markers") && said.contains("by hand"),
        "{said}"
    );
    assert!(repo.read("CHANGELOG.md").contains("<<<<<<<"));
}

/// `RELHOOK_QUIET=1` silences what post-commit added too; the entry is still added.
#[test]
fn quiet_silences_the_added_line() {
    let repo = setup();
    repo.write("q.txt", "q\n");
    repo.git(&["add", "q.txt"]);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "feat: quietly"],
        &[("RELHOOK_QUIET", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stderr(&out), "", "{}", text(&out));
    assert!(
        repo.git(&["show", "HEAD:CHANGELOG.md"])
            .contains("- quietly")
    );
}

/// A file with releases written as list items under no `## ` section is not guessed at: left
/// byte-identical, with one line saying why.
#[test]
fn listed_releases_without_sections_are_left_alone() {
    let repo = setup();
    let foreign = "# Changes\n\nv1.0 (2020)\n* stuff\n\nv0.9\n* old\n";
    repo.write("CHANGELOG.md", foreign);
    repo.git(&["commit", "-q", "--no-verify", "-am", "docs: our own format"]);
    let out = repo.commit_with_hooks("feat: b");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("list items but no `## ` section"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("CHANGELOG.md"), foreign);
}

/// `git commit --amend -m` while a rebase stops at `edit`: the entry is not rewritten mid-rebase,
/// and the line says what to do by hand, not that `--sync` would (it would not: the commit's
/// own change to the file stands for its entry).
#[test]
fn an_amend_at_a_rebase_stop_says_what_the_entry_still_reads() {
    let repo = setup();
    repo.commit_with_hooks("feat: one");
    repo.commit_with_hooks("feat: two");
    repo.git_env(
        &["rebase", "-q", "-i", "HEAD~2"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i -e '1s/^pick/edit/'")],
    );
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "feat: one renamed"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md still reads `- one` for amended commit")
            && said.contains("change it by hand to `- one renamed` under Added")
            && !said.contains("--sync"),
        "{said}"
    );
    // A second amend goes by what the commit carries (`- one`), not by the message before.
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "docs: nothing"]);
    assert!(
        stderr(&out).contains("still has `- one`, though amended commit")
            && stderr(&out).contains("remove it by hand"),
        "{}",
        text(&out)
    );
    let out = repo.git_output(&["rebase", "--continue"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// Prose a person writes in Unreleased (a paragraph, here) survives a merge with the other
/// side's new entry, whichever way the merge goes, and a stash popped over a new commit;
/// a hand rewording merged with a release does not ship its entry twice.
#[test]
fn prose_in_unreleased_survives_merges_and_a_release_is_not_shipped_twice() {
    let repo = setup();
    assert!(repo.commit_with_hooks("feat: one").status.success());
    let prose = "This release drops support for Python 3.7.";
    let with_prose = |log: String| {
        log.replacen(
            "## [Unreleased]\n",
            &format!("## [Unreleased]\n\n{prose}\n"),
            1,
        )
    };
    repo.git(&["checkout", "-q", "-b", "prose"]);
    repo.write("CHANGELOG.md", with_prose(repo.read("CHANGELOG.md")));
    repo.git(&["commit", "-q", "-am", "docs: a word on Python"]);
    for (into, from) in [("main", "prose"), ("prose", "main")] {
        repo.git(&["checkout", "-q", into]);
        assert!(
            repo.commit_with_hooks(&format!("feat: new on {into}"))
                .status
                .success()
        );
        let out = repo.git_output(&["merge", "--no-edit", from]);
        assert!(out.status.success(), "{}", text(&out));
        let log = repo.read("CHANGELOG.md");
        assert_eq!(count(&log, prose), 1, "{into} ← {from}:\n{log}");
        assert_eq!(count(&log, &format!("- new on {into}")), 1, "{log}");
    }
    // An uncommitted paragraph, stashed over a commit that adds an entry.
    repo.git(&["checkout", "-q", "main"]);
    let note = "Upgrade notes follow.";
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replacen("### Added\n", &format!("{note}\n\n### Added\n"), 1),
    );
    repo.git(&["stash", "-q"]);
    assert!(repo.commit_with_hooks("feat: zeta").status.success());
    let out = repo.git_output(&["stash", "pop"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains(note) && log.contains("- zeta"), "{log}");
    repo.git(&["checkout", "-q", "--", "CHANGELOG.md"]);

    // One side releases; the other rewords an entry the release ships.
    repo.git(&["checkout", "-q", "-b", "reword"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- one\n", "- one, with hand detail\n"),
    );
    repo.git(&["commit", "-q", "-am", "docs: detail"]);
    repo.git(&["checkout", "-q", "main"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    // Not combined silently: the two Unreleased sections come marked for the person to
    // combine, and the release keeps its entry once.
    let out = repo.git_output(&["merge", "--no-edit", "reword"]);
    assert!(!out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let (unreleased, released) = log.split_once("## [0.1.0]").unwrap_or((&log, ""));
    assert!(
        unreleased.contains("<<<<<<< HEAD") && unreleased.contains("- one, with hand detail"),
        "{log}"
    );
    assert_eq!(count(released, "- one"), 1, "{log}");
}

/// A revert committed by hand (a squash-merged `Revert "feat: x" (#3)`, no commit id) of a
/// change not yet released: the change's entry goes in the same commit, and the revert gets
/// none, as the release would have it; a released change's revert gets its own entry.
#[test]
fn a_revert_of_an_unreleased_change_takes_its_entry_out_at_once() {
    let repo = setup();
    assert!(
        repo.commit_with_hooks("feat: add widget (#2)")
            .status
            .success()
    );
    let out = repo.git_output(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "Revert \"feat: add widget (#2)\" (#3)",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out)
            .contains("removed `- add widget (#2)`: this commit reverts it before any release"),
        "{}",
        text(&out)
    );
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(!log.contains("widget"), "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// The released part is never wrong after a merge: a branch that reworded or extended an
/// entry main has since released conflicts (with the two Unreleased sections marked) instead
/// of a line merge putting its new entries into the release or shipping the entry twice.
#[test]
fn an_edited_entry_against_a_release_is_marked_not_misplaced() {
    for edit in ["- base reworded\n", "- base\n  a line added under it\n"] {
        let repo = setup();
        assert!(repo.commit_with_hooks("feat: base").status.success());
        repo.git(&["checkout", "-q", "-b", "f"]);
        let log = repo.read("CHANGELOG.md");
        repo.write("CHANGELOG.md", log.replace("- base\n", edit));
        repo.git(&["commit", "-q", "-am", "docs: edit"]);
        assert!(repo.commit_with_hooks("feat: f1").status.success());
        repo.git(&["checkout", "-q", "main"]);
        let out = repo.relhook(&["release", "--no-test"]);
        assert!(out.status.success(), "{}", text(&out));
        let out = repo.git_output(&["merge", "--no-edit", "f"]);
        assert!(
            !out.status.success(),
            "{edit:?} merged:\n{}",
            repo.read("CHANGELOG.md")
        );
        let log = repo.read("CHANGELOG.md");
        let released = log.split("## [0.1.0]").nth(1).unwrap_or("");
        assert!(
            !released.contains("f1") && !released.contains("<<<<<<<"),
            "{log}"
        );
        let marked = log.split("## [0.1.0]").next().unwrap_or("");
        assert!(
            marked.contains("<<<<<<< HEAD") && marked.contains("- f1"),
            "{log}"
        );
    }
}

/// Ordinary parallel work never conflicts: a base without `## [Unreleased]`, and a base with
/// no CHANGELOG.md at all (both branches create it with their first entry). A new entry goes
/// after the last item's own further paragraph, not between them.
#[test]
fn branches_that_each_start_unreleased_merge_cleanly() {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.git(&["checkout", "-q", "-b", "f"]);
    assert!(repo.commit_with_hooks("feat: f1").status.success());
    repo.git(&["checkout", "-q", "main"]);
    assert!(repo.commit_with_hooks("fix: m1").status.success());
    let out = repo.git_output(&["merge", "--no-edit", "f"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- f1") && log.contains("- m1") && !log.contains("<<<"),
        "{log}"
    );

    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [1.0.0] - 2020-01-01\n\n### Added\n\n- old\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["checkout", "-q", "-b", "f"]);
    assert!(repo.commit_with_hooks("feat: f1").status.success());
    repo.git(&["checkout", "-q", "main"]);
    assert!(repo.commit_with_hooks("feat: m1").status.success());
    let out = repo.git_output(&["merge", "--no-edit", "f"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(count(&log, "## [Unreleased]"), 1, "{log}");
    assert!(log.contains("- m1\n- f1\n"), "{log}");

    // A paragraph of the last item stays with it.
    let log = log.replace("- f1\n", "- f1\n\n  More about f1.\n");
    repo.write("CHANGELOG.md", &log);
    repo.git(&["commit", "-q", "-am", "docs: more"]);
    assert!(repo.commit_with_hooks("feat: g1").status.success());
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- f1\n\n  More about f1.\n- g1\n"), "{log}");
}

/// A new commit worded as a released one ("fix: typo" again) gets its entry; a fix main
/// cherry-picked and released leaves the branch's Unreleased when main is merged into it.
#[test]
fn same_wording_again_is_a_new_entry_and_a_released_pick_leaves_unreleased() {
    let repo = Repo::new();
    assert!(repo.relhook(&["install"]).status.success());
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: typo"]);
    assert!(repo.relhook(&["release", "--no-test"]).status.success());
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: typo"]);
    let log = repo.read("CHANGELOG.md");
    let unreleased = log.split("## [0.1.0]").next().unwrap_or("");
    assert!(unreleased.contains("- typo"), "{log}");

    repo.git(&["checkout", "-q", "-b", "b"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: shared"]);
    let shared = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: b3"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["cherry-pick", &shared]);
    assert!(repo.relhook(&["release", "--no-test"]).status.success());
    repo.git(&["checkout", "-q", "b"]);
    let out = repo.git_output(&["merge", "--no-edit", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    let (unreleased, released) = log.split_once("## [0.1.1]").unwrap_or((&log, ""));
    assert!(
        !unreleased.contains("- shared") && unreleased.contains("- b3"),
        "{log}"
    );
    assert_eq!(count(released, "- shared"), 1, "{log}");
}

/// Merged in, the other side's breaking change goes first in its sub-section (as post-commit
/// puts it), and the released part stays one blank line below Unreleased.
#[test]
fn a_merged_breaking_entry_goes_first_and_the_release_stays_apart() {
    let repo = Repo::new();
    assert!(repo.relhook(&["install"]).status.success());
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["checkout", "-q", "-b", "b"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: b1"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat!: b2 breaks"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: m1"]);
    assert!(repo.relhook(&["release", "--no-test"]).status.success());
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: m2"]);
    repo.git(&["checkout", "-q", "b"]);
    let out = repo.git_output(&["merge", "--no-edit", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("### Added\n\n- **BREAKING** b2 breaks\n- b1\n- m2\n\n## [0.1.0]"),
        "{log}"
    );
}

#[test]
fn a_breaking_change_is_reported_in_one_line_and_kept_whole_in_the_file() {
    let repo = setup();
    repo.write("ui.txt", "gone\n");
    repo.git(&["add", "ui.txt"]);
    let out = repo.git_output(&[
        "commit",
        "-q",
        "-m",
        "fix(ui)!: drop it",
        "-m",
        "BREAKING CHANGE: the ui is gone\nand more text",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("added `- **BREAKING** **ui:** drop it …` under Fixed; the commit is now"),
        "{err}"
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- **BREAKING** **ui:** drop it\n  > the ui is gone\n  > and more text\n"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}

/// A long file is edited as far as Unreleased reaches and written as that head plus the
/// rest, never copied whole: the rest stays byte for byte, in the work tree and in the
/// commit alike, whatever its line endings.
#[test]
fn a_long_changelog_keeps_its_releases_byte_for_byte() {
    for eol in ["\n", "\r\n"] {
        let repo = setup();
        let mut rest = String::new();
        for r in (1..=30).rev() {
            rest.push_str(&format!(
                "## [1.{r}.0] - 2026-01-{:02}{eol}{eol}",
                r % 28 + 1
            ));
            rest.push_str(&format!("### Fixed{eol}{eol}"));
            for i in 0..40 {
                rest.push_str(&format!("- fix {r}.{i}: a few words{eol}"));
            }
            rest.push_str(eol);
        }
        // One release whose own line endings differ from the file's: kept as they are.
        rest.push_str("## [0.1.0] - 2025-12-01\r\n\r\n### Added\r\n\r\n- start\n");
        let head = format!(
            "# Changelog{eol}{eol}## [Unreleased]{eol}{eol}### Added{eol}{eol}- first{eol}{eol}"
        );
        repo.write("CHANGELOG.md", format!("{head}{rest}"));
        repo.git(&["commit", "-q", "-am", "chore: a long history"]);

        repo.commit_hooked("feat: second");

        let want = format!(
            "# Changelog{eol}{eol}## [Unreleased]{eol}{eol}### Added{eol}{eol}- first{eol}- second{eol}{eol}{rest}"
        );
        assert_eq!(repo.read("CHANGELOG.md"), want, "eol {eol:?}");
        let stored = repo.git_output(&["show", "HEAD:CHANGELOG.md"]).stdout;
        assert_eq!(String::from_utf8_lossy(&stored), want, "eol {eol:?}");
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
        repo.git(&["fsck", "--strict", "--no-dangling"]);
    }
}

/// A repository with relhook's commit hooks whose history has no CHANGELOG.md: `first`, when
/// given, is committed first (a type with no entry, so no changelog yet).
fn no_changelog_yet(first: Option<&str>) -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.git(&["add", ".gitattributes"]);
    if let Some(message) = first {
        repo.commit_hooked(message);
    }
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.commit_hooked("feat: x");
    assert!(repo.read("CHANGELOG.md").contains("- x"));
    repo
}

fn tracked(repo: &Repo, rev: &str) -> String {
    repo.git(&["ls-tree", "-r", "--name-only", rev])
}

/// The commit that created CHANGELOG.md (as the root commit, and above one without it) is
/// amended to a type with no entry: what would stay is relhook's empty template, which was
/// never the user's file, so it leaves the commit, the index and the work tree.
#[test]
fn amending_away_the_only_entry_of_a_created_changelog_takes_the_file_out() {
    for first in [None, Some("chore: init")] {
        let repo = no_changelog_yet(first);
        let out = repo.git_output(&["commit", "-q", "--amend", "-m", "chore: x"]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(stderr(&out).contains("CHANGELOG.md"), "{}", text(&out));
        assert!(
            !tracked(&repo, "HEAD").contains("CHANGELOG.md"),
            "{first:?}"
        );
        assert!(tracked(&repo, "HEAD").contains("x.txt"));
        assert_eq!(repo.git(&["ls-files", "CHANGELOG.md"]), "", "{first:?}");
        assert!(!repo.path().join("CHANGELOG.md").exists(), "{first:?}");
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
        // The next changelog-worthy commit creates it again, with its own entry only.
        repo.write("y.txt", "y\n");
        repo.git(&["add", "y.txt"]);
        repo.commit_hooked("fix: y");
        let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
        assert!(log.contains("- y") && !log.contains("- x"), "{log}");
    }
}

/// Not relhook's template any more (the user wrote in it, staged with the amend), or the
/// user's own unstaged edit in the work tree: the file stays, only the entry goes.
#[test]
fn amending_away_the_entry_keeps_a_created_changelog_the_user_edited() {
    let repo = no_changelog_yet(None);
    let edited = repo
        .read("CHANGELOG.md")
        .replace("## [Unreleased]", "Our own words.\n\n## [Unreleased]");
    repo.write("CHANGELOG.md", &edited);
    repo.git(&["add", "CHANGELOG.md"]);
    ok_amend(&repo);
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        log.contains("Our own words.") && !log.contains("- x"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    let repo = no_changelog_yet(None);
    let mut mine = repo.read("CHANGELOG.md");
    mine.push_str("\nmy notes\n");
    repo.write("CHANGELOG.md", &mine);
    ok_amend(&repo);
    assert!(tracked(&repo, "HEAD").contains("CHANGELOG.md"));
    let copy = repo.read("CHANGELOG.md");
    assert!(copy.contains("my notes") && !copy.contains("- x"), "{copy}");
}

fn ok_amend(repo: &Repo) {
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "chore: x"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// QA (commitlint's `*` bullets): the reword notice quoted entries with `-`, which `--sync`
/// then wrote with `*`: quoted with the file's own bullet.
#[test]
fn a_rebase_reword_quotes_entries_with_the_files_bullet() {
    let repo = setup();
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace(
            "## [Unreleased]\n",
            "## [Unreleased]\n\n### Added\n\n* first by hand\n",
        ),
    );
    repo.git(&["commit", "-q", "-am", "docs: a star bullet"]);
    repo.commit_with_hooks("chore: tidy");
    let out = repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~1"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i -e '1s/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i -e '1s/.*/fix: tidy the thing/'"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("`relhook changelog --sync` adds `* tidy the thing`"),
        "{}",
        text(&out)
    );
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert!(repo.read("CHANGELOG.md").contains("* tidy the thing\n"));
}
