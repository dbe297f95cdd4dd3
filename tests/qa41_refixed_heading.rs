//! QA41: a change made again as `fix:` over its unreleased `feat:` of the same words. An amend
//! (or `reset --soft` and a new commit) moves `- x` to Fixed; a `rebase -i` reword, which
//! relhook leaves as git makes it, left `- x` under Added for good: `--sync` called the file
//! up to date, and the release listed a fix as a feature. `--sync` (and so the release) now
//! moves an entry its commit brought under its old type's heading; one moved by hand stays.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log[log.find("## [Unreleased]").unwrap()..].to_owned()
}

fn feature(repo: &Repo) {
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.commit_hooked("feat: x");
}

/// `--sync` agrees with `--rebuild`, and has nothing more to do.
fn settled(repo: &Repo) {
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert_eq!(
        stdout(&out).trim_end(),
        repo.read("CHANGELOG.md").trim_end()
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
}

#[test]
fn an_amend_and_a_redo_move_the_entry_to_fixed() {
    let repo = installed_repo();
    feature(&repo);
    repo.git(&["commit", "-q", "--amend", "-m", "fix: x"]);
    assert!(
        unreleased(&repo).contains("### Fixed\n\n- x\n"),
        "{}",
        unreleased(&repo)
    );
    assert!(repo.is_clean());
    settled(&repo);

    let repo = installed_repo();
    feature(&repo);
    repo.git(&["reset", "-q", "--soft", "HEAD~1"]);
    repo.git(&["commit", "-q", "-m", "fix: x"]);
    assert!(
        unreleased(&repo).contains("### Fixed\n\n- x\n"),
        "{}",
        unreleased(&repo)
    );
    assert!(repo.is_clean());
    settled(&repo);
}

#[test]
fn a_rebase_reword_is_said_and_sync_moves_the_entry() {
    let repo = installed_repo();
    feature(&repo);
    repo.commit_hooked("docs: above it");
    let out = ok(repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~2"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i 's/^pick/reword/'"),
            ("GIT_EDITOR", "sed -i '1s/^feat: x$/fix: x/'"),
        ],
    ));
    assert!(
        stderr(&out).contains("still lists `- x` under Added for reworded commit")
            && stderr(&out).contains(
                "when a rebase is done, `relhook changelog --sync` moves it to Fixed, where the new message puts it"
            ),
        "{}",
        text(&out)
    );
    assert!(repo.is_clean());
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out)
            .contains("moved `- x` from Added to Fixed, where the commit's message puts it"),
        "{}",
        text(&out)
    );
    assert!(
        unreleased(&repo).contains("### Fixed\n\n- x\n"),
        "{}",
        unreleased(&repo)
    );
    assert!(
        !unreleased(&repo).contains("### Added\n\n- x\n"),
        "{}",
        unreleased(&repo)
    );
    repo.git(&["commit", "-q", "-am", "docs(changelog): sync"]);
    settled(&repo);
}

/// An entry a person moved to another heading since its commit is theirs: `--sync` leaves it.
#[test]
fn an_entry_moved_by_hand_stays_where_it_was_put() {
    let repo = installed_repo();
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    repo.commit_hooked("fix: y");
    let log = repo
        .read("CHANGELOG.md")
        .replace("\n### Fixed\n\n- y\n", "")
        .replace("- init\n", "- init\n- y\n");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-am", "docs: y is a feature after all"]);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
    assert!(
        unreleased(&repo).contains("- init\n- y\n"),
        "{}",
        unreleased(&repo)
    );
}
