//! QA264: the changelog merge driver guessed its conflict labels from what it found on disk
//! (`GITHEAD_<id>`, a rebase's `done`, a pick sequence's `todo`), so a single cherry-pick, a
//! revert, `git am -3`, `git checkout -m` and `git stash pop` got `ours` and `theirs` where git
//! writes `HEAD` and the commit applied, `Updated upstream` and `Stashed changes`. git 2.44 and
//! later pass its own labels to a driver (`%S`, `%X`, `%Y`): install now registers them where
//! git has them and upgrades a line relhook registered before (a line set by hand is left as it
//! is), and the driver uses them. Where git passes none, the guessed labels abbreviate ids to
//! git's length, which grows with the repository (`core.abbrev` auto).

use crate::support::{Repo, installed_repo, relhook_bin, stdout, text};

/// Rewords the Unreleased entry `from` as `to` in CHANGELOG.md and commits it through the
/// hooks (`chore: reword as <to>`); its id.
fn reword(repo: &Repo, from: &str, to: &str) -> String {
    edit(repo, from, to);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.commit_hooked(&format!("chore: reword as {to}"));
    repo.git(&["rev-parse", "--short", "HEAD"])
}

/// Rewords the entry `from` as `to` in the work tree's CHANGELOG.md.
fn edit(repo: &Repo, from: &str, to: &str) {
    let log = repo.read("CHANGELOG.md");
    let (from, to) = (format!("- {from}\n"), format!("- {to}\n"));
    assert!(log.contains(&from), "{log}");
    repo.write("CHANGELOG.md", log.replace(&from, &to));
}

/// An installed clone where `side` rewords the `init` entry one way and `main` another (main
/// checked out): any pick of side's commit onto main is a conflict the driver marks. The id
/// of side's commit.
fn reworded_on_both() -> (Repo, String) {
    let repo = installed_repo();
    repo.git(&["switch", "-qc", "side"]);
    let id = reword(&repo, "init", "init on side");
    repo.git(&["switch", "-q", "main"]);
    reword(&repo, "init", "init on main");
    (repo, id)
}

/// The conflict marker lines of the work tree's CHANGELOG.md.
fn marker_lines(repo: &Repo) -> Vec<String> {
    repo.read("CHANGELOG.md")
        .lines()
        .filter(|l| {
            l.starts_with("<<<<<<<")
                || l.starts_with(">>>>>>>")
                || l.starts_with("=======")
                || l.starts_with("|||||||")
        })
        .map(str::to_owned)
        .collect()
}

fn assert_markers(repo: &Repo, expected: &[&str]) {
    assert_eq!(
        marker_lines(repo),
        expected,
        "{}",
        repo.read("CHANGELOG.md")
    );
}

fn failed(repo: &Repo, args: &[&str]) {
    let out = repo.git_output(args);
    assert!(!out.status.success(), "{}", text(&out));
}

fn succeeded(repo: &Repo, args: &[&str]) {
    let out = repo.git_output(args);
    assert!(out.status.success(), "{}", text(&out));
}

/// The driver line install registered.
fn driver_line(repo: &Repo) -> String {
    repo.git(&["config", "merge.relhook-changelog.driver"])
}

#[test]
fn a_single_cherry_pick_s_conflict_names_the_commit_picked() {
    let (repo, id) = reworded_on_both();
    failed(&repo, &["cherry-pick", "side"]);
    let theirs = format!(">>>>>>> {id} (chore: reword as init on side)");
    assert_markers(&repo, &["<<<<<<< HEAD", "=======", &theirs]);
}

#[test]
fn a_revert_s_conflict_names_the_parent_of_the_commit_reverted() {
    let repo = installed_repo();
    let first = reword(&repo, "init", "first");
    reword(&repo, "first", "second");
    failed(&repo, &["revert", "--no-edit", &first]);
    let theirs = format!(">>>>>>> parent of {first} (chore: reword as first)");
    assert_markers(&repo, &["<<<<<<< HEAD", "=======", &theirs]);
}

#[test]
fn an_am_s_conflict_names_the_patch() {
    let (repo, _) = reworded_on_both();
    let patches = repo.scratch("patches");
    let dir = patches.display().to_string();
    repo.git(&["format-patch", "-q", "-1", "side", "-o", &dir]);
    let patch = std::fs::read_dir(&patches)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    failed(&repo, &["am", "-3", &patch.display().to_string()]);
    assert_markers(
        &repo,
        &[
            "<<<<<<< HEAD",
            "=======",
            ">>>>>>> chore: reword as init on side",
        ],
    );
}

#[test]
fn a_stash_pop_s_conflict_names_the_stash() {
    let repo = installed_repo();
    edit(&repo, "init", "init in the stash");
    succeeded(&repo, &["stash", "-q"]);
    reword(&repo, "init", "init on main");
    failed(&repo, &["stash", "pop"]);
    assert_markers(
        &repo,
        &[
            "<<<<<<< Updated upstream",
            "=======",
            ">>>>>>> Stashed changes",
        ],
    );
}

#[test]
fn a_checkout_m_conflict_names_the_branch_and_the_local_change() {
    let (repo, _) = reworded_on_both();
    edit(&repo, "init on main", "init, edited locally");
    // git exits 0 with the conflict left (`UU CHANGELOG.md`).
    repo.git(&["checkout", "-q", "-m", "side"]);
    assert_markers(&repo, &["<<<<<<< side", "=======", ">>>>>>> local"]);
}

/// Each of the operations above, where both sides only add entries: the driver merges them.
#[test]
fn a_pick_a_revert_an_am_and_a_stash_pop_of_new_entries_merge_cleanly() {
    let repo = installed_repo();
    repo.git(&["switch", "-qc", "side"]);
    repo.commit_hooked("feat: side thing");
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("feat: main thing");
    let entries = |names: &[&str]| {
        let log = repo.read("CHANGELOG.md");
        for name in names {
            assert!(log.contains(&format!("- {name}\n")), "{name}: {log}");
        }
        assert!(!log.contains("<<<<<<<"), "{log}");
    };
    succeeded(&repo, &["cherry-pick", "side"]);
    entries(&["side thing", "main thing", "init"]);
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);

    let patches = repo.scratch("patches");
    let dir = patches.display().to_string();
    repo.git(&["format-patch", "-q", "-1", "side", "-o", &dir]);
    let patch = std::fs::read_dir(&patches)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    succeeded(&repo, &["am", "-3", &patch.path().display().to_string()]);
    entries(&["side thing", "main thing", "init"]);

    let log = repo.read("CHANGELOG.md");
    repo.write("CHANGELOG.md", log.replace("- init\n", "- init, stashed\n"));
    succeeded(&repo, &["stash", "-q"]);
    repo.commit_hooked("feat: after the stash");
    succeeded(&repo, &["stash", "pop"]);
    entries(&["init, stashed", "after the stash", "side thing"]);
    succeeded(&repo, &["checkout", "-q", "--", "CHANGELOG.md"]);
}

#[test]
fn install_registers_git_s_labels_and_upgrades_the_line_it_registered_before() {
    let repo = installed_repo();
    let line = driver_line(&repo);
    for placeholder in ["%S", "%X", "%Y", "%L", "%O", "%A", "%B", "%P"] {
        assert!(line.contains(placeholder), "{placeholder}: {line}");
    }
    // The line relhook 0.2 registered: doctor says it lacks git's labels, install upgrades it.
    let bin = relhook_bin().display().to_string().replace('\'', r"'\''");
    let old = format!(
        "b='{bin}'; [ -x \"$b\" ] || b=$(command -v relhook) || b=; if [ -n \"$b\" ]; then exec \"$b\" hook merge-changelog --marker-size=%L %O %A %B %P; fi; echo 'relhook: '%P': the merge driver found no relhook (gone, and none on PATH), so git merged it line by line; fix: `relhook install` with the relhook you use' >&2; exec git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B"
    );
    repo.git(&["config", "merge.relhook-changelog.driver", &old]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("STALE  merge driver: its line predates git's conflict labels"),
        "{doctor}"
    );
    assert!(doctor.contains("fix: relhook install"), "{doctor}");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(driver_line(&repo), line);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("STALE"), "{doctor}");
    // The first line relhook registered.
    let first = format!("'{bin}' hook merge-changelog %O %A %B %P");
    repo.git(&["config", "merge.relhook-changelog.driver", &first]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(driver_line(&repo), line);
}

#[test]
fn install_leaves_a_driver_line_and_a_name_set_by_hand() {
    let repo = installed_repo();
    let mine = "my-wrapper relhook hook merge-changelog %O %A %B %P";
    repo.git(&["config", "merge.relhook-changelog.driver", mine]);
    repo.git(&[
        "config",
        "merge.relhook-changelog.name",
        "our changelog merge",
    ]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(driver_line(&repo), mine);
    assert_eq!(
        repo.git(&["config", "merge.relhook-changelog.name"]),
        "our changelog merge"
    );
    assert!(
        stdout(&out).contains("merge.relhook-changelog.driver is set by hand here: left as it is"),
        "{}",
        text(&out)
    );
}

/// A driver line with git's labels run by a git older than 2.44, which passes `%S` as it is
/// (simulated by `%%S`, which git turns into `%S`): the driver guesses the labels as before.
#[test]
fn placeholders_git_left_unexpanded_are_no_labels() {
    let (repo, id) = reworded_on_both();
    let unexpanded = driver_line(&repo)
        .replace("=%S", "=%%S")
        .replace("=%X", "=%%X")
        .replace("=%Y", "=%%Y");
    assert!(unexpanded.contains("%%S"), "{unexpanded}");
    repo.git(&["config", "merge.relhook-changelog.driver", &unexpanded]);
    repo.git(&["switch", "-q", "side"]);
    failed(&repo, &["rebase", "main"]);
    let theirs = format!(">>>>>>> {id} (chore: reword as init on side)");
    assert_markers(&repo, &["<<<<<<< HEAD", "=======", &theirs]);
}

/// In a repository of 2^14 objects or more git abbreviates ids to 8 characters or more
/// (`core.abbrev` auto); the labels relhook guesses (a driver line without git's labels)
/// abbreviate as long.
#[test]
fn guessed_labels_abbreviate_ids_as_git_does_in_a_large_repository() {
    let (repo, _) = reworded_on_both();
    // 17,000 blobs in one pack (git counts packed objects for its abbreviation length).
    let mut stream = String::new();
    for n in 0..17_000 {
        let data = format!("{n}\n");
        stream.push_str(&format!("blob\ndata {}\n{data}\n", data.len()));
    }
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.args(["fast-import", "--quiet"]);
    let out = crate::support::output_with_stdin(&mut cmd, stream.as_bytes());
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["config", "merge.conflictStyle", "diff3"]);
    let bin = relhook_bin().display().to_string().replace('\'', r"'\''");
    let old = format!("'{bin}' hook merge-changelog --marker-size=%L %O %A %B %P");
    repo.git(&["config", "merge.relhook-changelog.driver", &old]);
    repo.git(&["switch", "-q", "side"]);
    let id = repo.git(&["rev-parse", "--short", "HEAD"]);
    assert!(id.len() >= 8, "{id}");
    failed(&repo, &["rebase", "main"]);
    let base = format!("||||||| parent of {id} (chore: reword as init on side)");
    let theirs = format!(">>>>>>> {id} (chore: reword as init on side)");
    assert_markers(&repo, &["<<<<<<< HEAD", &base, "=======", &theirs]);
}
