//! QA51: `relhook release --allow-dirty` killed between its release commit and its tag (the
//! user's own edit still uncommitted): `relhook doctor` advised `relhook release --resume`,
//! refused when pasted (the tree is dirty). A release now records the flags a resume honours
//! beside its `--config`, in its journal and, for its release commit, in a small file kept
//! until that commit is tagged (the journal is gone once the commit is made): doctor, the
//! recovery any command makes and a refused release repeat them, and the `--config` too.

use crate::support::{Repo, configured_with_a_feature, ok, stderr, stdout, text};

/// The record kept beside the journal for an untagged release commit.
const GIVEN: &str = ".git/relhook-release-given";

/// A repository with a feature to release and an unrelated uncommitted edit.
fn dirty() -> Repo {
    let repo = configured_with_a_feature(|_| String::new());
    repo.write("one.txt", "1 and work in progress\n");
    repo
}

/// The `fix:` doctor gives first.
fn doctor_fix(repo: &Repo) -> String {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    said.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix:\n{}", text(&out)))
        .to_owned()
}

#[test]
fn doctor_repeats_the_flags_of_a_release_killed_after_its_commit() {
    let repo = dirty();
    repo.relhook_killed_at(
        "release-committed",
        &["release", "--allow-dirty", "--no-test"],
    );
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert!(!repo.path().join(".git/relhook-txn").exists());
    let fix = doctor_fix(&repo);
    assert_eq!(fix, "relhook release --resume --allow-dirty --no-test");
    // A release refused for it names the same resume.
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(&format!("`{fix}`")), "{}", text(&out));
    // Pasted, it finishes the release beside the edit, and the record goes with it.
    ok(repo.sh(&fix));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
    assert_eq!(repo.read("one.txt"), "1 and work in progress\n");
    assert!(!repo.path().join(GIVEN).exists());
}

#[test]
fn the_recovery_and_later_advice_repeat_the_killed_runs_flags() {
    let repo = dirty();
    repo.relhook_killed_at("refs-moved", &["release", "--allow-dirty", "--no-test"]);
    assert!(repo.path().join(".git/relhook-txn").exists());
    let resume = "relhook release --resume --allow-dirty --no-test";
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains(&format!("`{resume}` makes its tag")),
        "{}",
        text(&out)
    );
    // The journal is gone: what the resume needs is still known.
    assert!(!repo.path().join(".git/relhook-txn").exists());
    assert_eq!(doctor_fix(&repo), resume);
    ok(repo.sh(resume));
    assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0");
}

#[test]
fn a_killed_runs_config_is_repeated_once_its_journal_is_gone() {
    let repo = configured_with_a_feature(|_| String::new());
    repo.write("other.toml", "[version]\ntag_prefix = \"rel-\"\n");
    repo.git(&["add", "other.toml"]);
    repo.git(&["commit", "-q", "-m", "ci: its own release config"]);
    repo.relhook_killed_at(
        "release-committed",
        &["--config", "other.toml", "release", "--no-test"],
    );
    let resume = "relhook --config other.toml release --resume --no-test";
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(said.contains("tag rel-0.1.0 is missing"), "{said}");
    assert_eq!(doctor_fix(&repo), resume);
    // A release under .relconfig.toml would tag v0.1.0: refused, naming the resume.
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("`{resume}`")),
        "{}",
        text(&out)
    );
    ok(repo.sh(resume));
    assert_eq!(repo.git(&["tag", "-l"]), "rel-0.1.0");
    assert!(!repo.path().join(GIVEN).exists());
}
