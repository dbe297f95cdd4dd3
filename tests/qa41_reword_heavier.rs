//! QA41: a `rebase -i` reword to a type that weighs more (`fix: y` made `feat!: y`) left the
//! old entry (relhook leaves a rebase's commits as git makes them), and `--sync`, like the
//! release, then added the new entry beside it: one change listed twice. An entry still as
//! its own commit wrote it for the old type, in the same words (marks aside), is now replaced.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `fix: y` with a `docs:` commit above it, then a reword of the fix to `header`.
fn fix_reworded(header: &str) -> (Repo, std::process::Output) {
    let repo = installed_repo();
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    repo.commit_hooked("fix: y");
    repo.commit_hooked("docs: above it");
    let editor = format!("sed -i '1s/^fix: y$/{header}/'");
    let out = ok(repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~2"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i '1s/^pick/reword/'"),
            ("GIT_EDITOR", &editor),
        ],
    ));
    (repo, out)
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log[log.find("## [Unreleased]").unwrap()..].to_owned()
}

#[test]
fn a_reword_to_a_breaking_feature_is_replaced_by_sync_not_doubled() {
    let (repo, out) = fix_reworded("feat!: y");
    assert!(
        stderr(&out).contains("still reads `- y` for reworded commit")
            && stderr(&out).contains(
                "when a rebase is done, `relhook changelog --sync` replaces it with `- **BREAKING** y` under Added"
            ),
        "{}",
        text(&out)
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains(
            "replaced `- y` under Fixed with `- **BREAKING** y` under Added, as the commit's message has it now"
        ),
        "{}",
        text(&out)
    );
    let un = unreleased(&repo);
    assert!(un.contains("- **BREAKING** y\n"), "{un}");
    assert!(!un.contains("- y\n") && !un.contains("### Fixed"), "{un}");
    repo.git(&["commit", "-q", "-am", "docs(changelog): sync"]);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert_eq!(
        stdout(&out).trim_end(),
        repo.read("CHANGELOG.md").trim_end()
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", text(&out));
}

#[test]
fn a_reword_to_a_feature_of_the_same_words_moves_the_entry() {
    let (repo, _) = fix_reworded("feat: y");
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("moved `- y` from Fixed to Added"),
        "{}",
        text(&out)
    );
    let un = unreleased(&repo);
    assert_eq!(un.matches("- y\n").count(), 1, "{un}");
    assert!(!un.contains("### Fixed"), "{un}");
}

/// The release takes the history's word as `--sync` does: one entry, the breaking one.
#[test]
fn the_release_lists_the_reworded_change_once() {
    let (repo, _) = fix_reworded("feat!: y");
    ok(repo.relhook(&["release", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("y\n").count(), 1, "{log}");
    assert!(log.contains("- **BREAKING** y\n"), "{log}");
    assert!(repo.is_clean());
}
