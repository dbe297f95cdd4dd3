//! Merges the driver cannot finish alone: a marked conflict resolved by hand, a squash merge,
//! prose written on both sides.

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, stderr, text};

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The Unreleased part of a changelog (what comes before the first release heading).
fn unreleased(log: &str) -> &str {
    log.split("\n## [0").next().unwrap_or(log)
}

/// main releases `- base1` and adds `m1`; branch `f` rewords `- base1` (so the driver marks the
/// two Unreleased sections rather than combining them) and adds `f1` and `f2`. Returns the
/// repository with the conflicted merge of `f` into main under way.
fn marked_merge() -> Repo {
    let repo = setup();
    assert!(repo.commit_with_hooks("feat: base1").status.success());
    repo.git(&["checkout", "-q", "-b", "f"]);
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- base1\n", "- base1 reworded\n"),
    );
    repo.git(&["commit", "-q", "-am", "docs: reword"]);
    assert!(repo.commit_with_hooks("feat: f1").status.success());
    assert!(repo.commit_with_hooks("fix: f2").status.success());
    repo.git(&["checkout", "-q", "main"]);
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.commit_with_hooks("feat: m1").status.success());
    let out = repo.git_output(&["merge", "--no-edit", "f"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("<<<<<<< HEAD"));
    repo
}

/// A marked conflict resolved by taking one side: the merge commit gets the other side's
/// unreleased entries back (not a rewording of an entry the other side released), and says
/// so in one line; taken out again with `--amend`, they stay out, `--sync` included.
#[test]
fn a_conflict_resolved_by_taking_one_side_keeps_the_other_sides_entries() {
    let repo = marked_merge();
    repo.git(&["checkout", "--ours", "CHANGELOG.md"]);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("put back 2 entries a parent had unreleased and the conflict's resolution dropped (first: `- f1`)")
            && said.contains("`git commit --amend`"),
        "{said}"
    );
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    let un = unreleased(&log);
    for e in ["- m1\n", "- f1\n", "- f2\n"] {
        assert_eq!(count(un, e), 1, "{e}: {log}");
    }
    assert!(!log.contains("base1 reworded"), "{log}");
    assert_eq!(log.lines().filter(|l| *l == "- base1").count(), 1, "{log}");
    assert_eq!(
        repo.git(&["rev-list", "--parents", "-1", "HEAD"])
            .split(' ')
            .count(),
        3
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    // Dropped on purpose: an amend takes them out, and nothing puts them back.
    let log = repo.read("CHANGELOG.md");
    let without = log.replace("- f1\n", "");
    repo.write("CHANGELOG.md", &without);
    let out = repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), without);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), without);
}

/// Resolved the other way (`--theirs`), the receiving branch's own new entry comes back, and
/// the release section the resolution dropped is said (a release is not rebuilt by guess); a
/// resolution that kept everything changes nothing and says nothing.
#[test]
fn either_sides_dropped_entries_come_back_and_a_full_resolution_is_left_alone() {
    let repo = marked_merge();
    repo.git(&["checkout", "--theirs", "CHANGELOG.md"]);
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("put back 1 entry a parent had unreleased and the conflict's resolution dropped (`- m1`)"),
        "{said}"
    );
    let main = repo.git(&["rev-parse", "--short=9", "HEAD^1"]);
    assert!(
        said.contains(&format!("relhook: warning: CHANGELOG.md lacks the `## [0.1.0]` section that {main}, a parent of the merge, has")),
        "{said}"
    );
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(count(unreleased(&log), "- m1\n"), 1, "{log}");

    let repo = marked_merge();
    let log = repo.read("CHANGELOG.md");
    let combined: String = log
        .lines()
        .filter(|l| {
            !l.starts_with("<<<<<<<") && !l.starts_with("=======") && !l.starts_with(">>>>>>>")
        })
        .filter(|l| !l.contains("base1 reworded"))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replacen(
            "### Added\n\n- m1\n\n### Added\n\n",
            "### Added\n\n- m1\n",
            1,
        );
    repo.write("CHANGELOG.md", &combined);
    repo.git(&["add", "CHANGELOG.md"]);
    let before = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.git_output(&["commit", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
    assert_eq!(repo.git(&["show", "HEAD:CHANGELOG.md"]) + "\n", combined);
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), before);
}

/// `git merge --squash` then `git commit -m "feat: the feature"`: the squash's entry takes the
/// place of the entries its parts' commits made (they are not in main's history, and history
/// lists the squash alone), said in one line; an entry edited by hand on the branch stays. A
/// squash whose message calls for no entry keeps the parts' entries.
#[test]
fn a_squash_merge_lists_its_own_entry_in_place_of_its_parts() {
    let repo = setup();
    repo.git(&["checkout", "-q", "-b", "feature/squash"]);
    for msg in ["feat: part one", "fix: part two", "feat: part three"] {
        assert!(repo.commit_with_hooks(msg).status.success());
    }
    let log = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        log.replace("- part three\n", "- The third part, by hand\n"),
    );
    repo.git(&["commit", "-q", "-am", "docs: word part three"]);
    repo.git(&["checkout", "-q", "main"]);
    assert!(repo.commit_with_hooks("fix: m1").status.success());
    let out = repo.git_output(&["merge", "--squash", "feature/squash"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "-m", "feat: the feature"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("CHANGELOG.md: replaced the 2 entries of the commits it squashes (first: `- part one`), which are not in this branch's history, with its own `- the feature` under Added"),
        "{}",
        text(&out)
    );
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    for kept in ["- the feature\n", "- The third part, by hand\n", "- m1"] {
        assert_eq!(count(&log, kept), 1, "{kept}: {log}");
    }
    assert!(
        !log.contains("part one") && !log.contains("part two"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), log + "\n");

    repo.git(&["checkout", "-q", "-b", "g"]);
    assert!(repo.commit_with_hooks("feat: g1").status.success());
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["merge", "--squash", "g"]);
    let out = repo.git_output(&["commit", "-q", "-m", "chore: bring in g"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
    assert_eq!(count(&repo.git(&["show", "HEAD:CHANGELOG.md"]), "- g1"), 1);
}

/// Both sides write a paragraph in Unreleased and add entries. The entries are combined, and
/// only the prose goes to git's line merge: apart, the merge is clean; at the same place, the
/// conflict markers hold the two paragraphs and no entry.
#[test]
fn prose_on_both_sides_leaves_only_the_prose_to_the_line_merge() {
    for (main_at, side_at) in [("top", "end"), ("top", "top")] {
        let repo = setup();
        assert!(repo.commit_with_hooks("feat: base1").status.success());
        let write = |at: &str, paragraph: &str| {
            let log = repo.read("CHANGELOG.md");
            let log = match at {
                "top" => log.replacen(
                    "## [Unreleased]\n",
                    &format!("## [Unreleased]\n\n{paragraph}\n"),
                    1,
                ),
                _ => format!("{}\n{paragraph}\n", log.trim_end()),
            };
            repo.write("CHANGELOG.md", log);
            repo.git(&["commit", "-q", "-am", "docs: a word"]);
        };
        repo.git(&["checkout", "-q", "-b", "p"]);
        write(side_at, "A word from the side.");
        assert!(repo.commit_with_hooks("feat: p1").status.success());
        repo.git(&["checkout", "-q", "main"]);
        write(main_at, "A word from main.");
        assert!(repo.commit_with_hooks("feat: m1").status.success());
        let out = repo.git_output(&["merge", "--no-edit", "p"]);
        let log = repo.read("CHANGELOG.md");
        for e in [
            "- base1\n",
            "- m1\n",
            "- p1\n",
            "A word from main.",
            "A word from the side.",
        ] {
            assert_eq!(count(&log, e), 1, "{e} ({main_at}/{side_at}):\n{log}");
        }
        if side_at == "end" {
            assert!(out.status.success(), "{}\n{log}", text(&out));
            assert!(!log.contains("<<<<<<<"), "{log}");
        } else {
            assert!(!out.status.success(), "{}\n{log}", text(&out));
            let marked = log
                .split("<<<<<<<")
                .nth(1)
                .and_then(|r| r.split(">>>>>>>").next())
                .unwrap_or("");
            assert!(
                marked.contains("A word from main.") && marked.contains("A word from the side."),
                "{log}"
            );
            assert!(
                !marked.contains("- "),
                "an entry inside the markers:\n{log}"
            );
            assert!(
                stderr(&out).contains("both sides' new entries are combined"),
                "{}",
                text(&out)
            );
        }
    }
}

/// A merge committed with the changelog's conflict markers still in it went by in silence
/// and was pushed. The commit says so at once, with the amend that fixes it; pre-push refuses
/// the branch until it is resolved, then lets it go.
#[test]
fn a_changelog_committed_with_conflict_markers_is_said_and_not_pushed() {
    let repo = marked_merge();
    repo.hooks(&["commit-msg", "post-commit", "pre-push"]);
    let origin = repo.with_origin();
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("has unresolved conflict markers")
            && said.contains("`git add :/CHANGELOG.md && git commit --amend --no-edit`"),
        "{said}"
    );
    let tip = |at: &std::path::Path| {
        repo.command_in("git", at)
            .args(["rev-parse", "-q", "--verify", "refs/heads/main"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap()
    };
    let before = tip(&origin);
    let out = repo.git_output(&["push", "origin", "main"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("CHANGELOG.md:") && err.contains("unresolved conflict markers"),
        "{err}"
    );
    assert_eq!(tip(&origin), before, "nothing was pushed");

    // Resolved (both sides kept) and amended: the push goes.
    let log: String = repo
        .read("CHANGELOG.md")
        .lines()
        .filter(|l| !l.starts_with("<<<<<<<") && *l != "=======" && !l.starts_with(">>>>>>>"))
        .map(|l| format!("{l}\n"))
        .collect();
    repo.write("CHANGELOG.md", &log);
    let out = repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("conflict markers"), "{}", text(&out));
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(tip(&origin), repo.git(&["rev-parse", "HEAD"]));
}

/// QA: `git merge --squash` (or a `git stash pop` that stopped) ends in a plain commit, which
/// brought the markers in without a word; pre-push alone refused them.
#[test]
fn markers_committed_after_a_squash_merge_are_said() {
    let repo = setup();
    assert!(repo.commit_with_hooks("feat: base1").status.success());
    repo.git(&["checkout", "-q", "-b", "side"]);
    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("- base1\n", "- base1 (side)\n"));
    repo.git(&["commit", "-q", "-am", "docs: side"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("CHANGELOG.md", log.replace("- base1\n", "- base1 (main)\n"));
    repo.git(&["commit", "-q", "-am", "docs: main"]);
    let out = repo.git_output(&["merge", "--squash", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "-m", "docs: squash side"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("has unresolved conflict markers"),
        "{}",
        text(&out)
    );
    // A plain commit that leaves the file alone reads nothing of it, and says nothing.
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "chore: quiet"]);
    assert!(!stderr(&out).contains("conflict markers"), "{}", text(&out));
}
