//! QA220: `git merge --squash topic` over `feat: a` and `fix: b` (each given its entry by
//! post-commit), committed with post-commit skipped (`RELHOOK_SKIP=1 git commit -m "feat: a
//! and b"`), the branch deleted. The squash's own change to the file (the branch's two
//! entries, staged by the merge) stood for its entry: `--sync` said the file was up to date and
//! doctor that all was well, with Unreleased listing the work in the words of two commits
//! history does not have. `--sync` now does what post-commit does for such a squash: its own
//! entry replaces those of the commits whose change it wholly carries, as their messages
//! wrote them, up to its weight (a `fix:` squash keeps a feature's entry beside its own); an
//! entry edited by hand stays, said in one line; a commit the squash left out keeps its entry.
//! Doctor says what `--sync` will replace, and nothing once it has.

use crate::support::squash::squashed;
use crate::support::{Repo, ok, stderr, stdout, text};

/// [`squashed`] over `feat: a` and `fix: b` (after the 1.0.0 release), `edit` applied to what
/// the squash staged, committed as `message` with post-commit skipped, `topic` deleted.
fn skipped_squash(message: &str, edit: impl Fn(&Repo)) -> Repo {
    let repo = squashed(&["feat: a", "fix: b"]);
    edit(&repo);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", message]));
    repo.git(&["branch", "-q", "-D", "topic"]);
    repo
}

/// The work tree's Unreleased section (down to the 1.0.0 section).
fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let from = log.find("## [Unreleased]").expect("Unreleased");
    let to = log.find("## [1.0.0]").expect("1.0.0");
    log[from..to].to_owned()
}

/// Doctor's changelog warnings, one a line.
fn doctor_changelog(repo: &Repo) -> String {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    said.lines()
        .filter(|l| l.contains("WARNING") && l.contains("changelog:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `--sync`, which must succeed; what it said.
fn sync(repo: &Repo) -> String {
    stderr(&ok(repo.relhook(&["changelog", "--sync"])))
}

/// Short id of HEAD, as relhook names commits.
fn head(repo: &Repo) -> String {
    repo.git(&["rev-parse", "--short=9", "HEAD"])
}

/// Synced a second time: nothing left to do, and doctor quiet about the changelog.
fn settled(repo: &Repo) {
    let again = sync(repo);
    assert!(
        again.contains("CHANGELOG.md is up to date with history"),
        "{again}"
    );
    let doctor = doctor_changelog(repo);
    assert!(!doctor.contains("squash"), "{doctor}");
}

#[test]
fn sync_puts_a_skipped_squashs_entry_in_place_of_the_branchs() {
    let repo = skipped_squash("feat: a and b", |_| {});
    let squash = head(&repo);
    let doctor = doctor_changelog(&repo);
    assert!(
        doctor.contains(&format!(
            "CHANGELOG.md lists `- a` and 1 more under Unreleased in place of the entry of commit {squash} (`feat: a and b`): the entries of the commits its squash merge carries, which no branch holds (post-commit did not run for it)"
        )),
        "{doctor}"
    );
    let full = stdout(&repo.relhook(&["doctor"]));
    assert!(full.contains("fix: relhook changelog --sync"), "{full}");
    let said = sync(&repo);
    let log = unreleased(&repo);
    assert_eq!(
        log, "## [Unreleased]\n\n### Added\n\n- a and b\n\n",
        "{said}"
    );
    assert!(
        said.contains(&format!("relhook: {squash}: `- a and b` under Added\n")),
        "{said}"
    );
    assert!(
        said.contains(&format!("relhook: {squash}: took out `- a` and `- b`, the entries of the commits its squash merge carries, which no branch holds: its own entry stands for them\n")),
        "{said}"
    );
    settled(&repo);
}

/// Made through the hooks, post-commit put the squash's entry in place of the branch's:
/// `--sync` finds nothing to do, and lists nothing twice.
#[test]
fn a_squash_made_through_the_hooks_is_left_as_it_is() {
    let repo = squashed(&["feat: a", "fix: b"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: a and b"]));
    repo.git(&["branch", "-q", "-D", "topic"]);
    let before = repo.read("CHANGELOG.md");
    settled(&repo);
    assert_eq!(repo.read("CHANGELOG.md"), before);
    assert_eq!(
        unreleased(&repo),
        "## [Unreleased]\n\n### Added\n\n- a and b\n\n"
    );
}

/// The squash committed without `fix: b`'s change (taken out of the index): only `feat: a`
/// is carried, so only its entry goes; `- b` stays, said as a commit of a deleted branch.
#[test]
fn a_commit_the_squash_left_out_keeps_its_entry() {
    let repo = skipped_squash("feat: add a (#7)", |repo| {
        let files = repo.git(&["show", "--name-only", "--format=", "topic"]);
        let b = files
            .lines()
            .find(|f| *f != "CHANGELOG.md")
            .expect("b's file");
        repo.git(&["rm", "-q", "-f", b]);
    });
    let squash = head(&repo);
    let doctor = doctor_changelog(&repo);
    assert!(
        doctor.contains(&format!("CHANGELOG.md lists `- a` under Unreleased in place of the entry of commit {squash} (`feat: add a (#7)`)")),
        "{doctor}"
    );
    let said = sync(&repo);
    let log = unreleased(&repo);
    assert_eq!(
        log, "## [Unreleased]\n\n### Added\n\n- add a (#7)\n\n### Fixed\n\n- b\n\n",
        "{said}"
    );
    assert!(said.contains("took out `- a`, the entry"), "{said}");
    assert!(
        said.contains(
            "kept `- b`: no branch holds that commit (`fix: b`) and this branch never did"
        ),
        "{said}"
    );
    // Synced again: the file stays as it is (`- b` is said again, as any kept entry is).
    let synced = repo.read("CHANGELOG.md");
    let again = sync(&repo);
    assert_eq!(repo.read("CHANGELOG.md"), synced, "{again}");
    assert!(!again.contains("took out"), "{again}");
    let doctor = doctor_changelog(&repo);
    assert!(!doctor.contains("in place of"), "{doctor}");
    assert!(doctor.contains("`- b`"), "{doctor}");
}

/// `- b` reworded by hand, in the squash commit itself or in the file since: the reworded
/// entry stays beside the squash's, said in one line; `- a` is replaced.
#[test]
fn an_entry_edited_by_hand_stays_and_is_said() {
    let reword = |repo: &Repo| {
        let log = repo.read("CHANGELOG.md");
        assert!(log.contains("- b\n"), "{log}");
        repo.write(
            "CHANGELOG.md",
            log.replace("- b\n", "- b, the crash on start\n"),
        );
    };
    let in_the_squash = skipped_squash("feat: a and b", |repo| {
        reword(repo);
        repo.git(&["add", "CHANGELOG.md"]);
    });
    let since = skipped_squash("feat: a and b", |_| {});
    reword(&since);
    for repo in [in_the_squash, since] {
        let said = sync(&repo);
        assert_eq!(
            unreleased(&repo),
            "## [Unreleased]\n\n### Added\n\n- a and b\n\n### Fixed\n\n- b, the crash on start\n\n",
            "{said}"
        );
        let kept: Vec<&str> = said.lines().filter(|l| l.contains("kept `")).collect();
        assert_eq!(kept.len(), 1, "{said}");
        assert!(
            kept[0].ends_with("kept `- b, the crash on start` beside its own entry: the entry of `fix: b`, a commit its squash merge carries, edited by hand; take it out by hand if `- a and b` says it"),
            "{said}"
        );
        assert!(said.contains("took out `- a`, the entry"), "{said}");
        settled(&repo);
    }
}

/// A `fix:` squash stands for the fix, not the feature: `- a` stays beside its entry, as
/// post-commit keeps it, and the next version is still the minor.
#[test]
fn a_fix_squash_keeps_the_feature_entry_beside_its_own() {
    let repo = skipped_squash("fix: a and b", |_| {});
    let said = sync(&repo);
    assert_eq!(
        unreleased(&repo),
        "## [Unreleased]\n\n### Added\n\n- a\n\n### Fixed\n\n- a and b\n\n",
        "{}",
        said
    );
    assert!(said.contains("took out `- b`, the entry"), "{said}");
    assert!(
        said.contains("kept `- a` beside its own entry: the commits its squash merge carries include a feature its header does not announce"),
        "{said}"
    );
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.1.0", "{}", text(&next));
    settled(&repo);
}
