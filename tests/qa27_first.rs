//! A new user's first ten minutes, round 27: what relhook prints must work when copy-pasted,
//! and each step leaves what a user expects behind.

use crate::support::{Repo, dated_release, installed_repo, stderr, text};

/// The command between "`" quotes that starts with `start` in `said`.
fn quoted(said: &str, start: &str) -> String {
    let from = said
        .find(&format!("`{start}"))
        .unwrap_or_else(|| panic!("no `{start}...` in: {said}"));
    let rest = &said[from + 1..];
    rest[..rest.find('`').unwrap()].to_owned()
}

/// Runs a `git rebase -i ...` relhook suggested, accepting the todo list as git wrote it.
fn run_suggested_rebase(repo: &Repo, command: &str) {
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let out = repo.git_in(&repo.path(), &args, &[("GIT_SEQUENCE_EDITOR", "true")]);
    assert!(out.status.success(), "{command}: {}", text(&out));
}

/// A fixup whose target sits below another commit: the rebase relhook names must reach the
/// target, or `--autosquash` leaves the fixup where it is.
fn fixup_below_an_other_commit() -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: first feature");
    repo.commit_hooked("chore: tidy");
    repo.commit_hooked("fixup! feat: first feature");
    repo
}

#[test]
fn a_refused_hand_tag_names_a_rebase_that_squashes_the_fixup() {
    let repo = fixup_below_an_other_commit();
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "first"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let command = quoted(&stderr(&out), "git rebase -i --autosquash ");
    run_suggested_rebase(&repo, &command);
    let log = repo.git(&["log", "--format=%s"]);
    assert!(!log.contains("fixup!"), "{command} left the fixup: {log}");
}

#[test]
fn a_refused_release_names_a_rebase_that_squashes_the_fixup() {
    let repo = fixup_below_an_other_commit();
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let command = quoted(&stderr(&out), "git rebase -i --autosquash ");
    run_suggested_rebase(&repo, &command);
    let log = repo.git(&["log", "--format=%s"]);
    assert!(!log.contains("fixup!"), "{command} left the fixup: {log}");
}

/// A project that keeps its changelog as `changelog.md` (lower case), released as v1.0.0
/// before relhook was installed.
pub(crate) fn lower_case_changelog() -> Repo {
    let repo = Repo::new();
    repo.write(
        "changelog.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- thing\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
fn a_commit_makes_no_second_changelog_beside_one_named_in_other_case() {
    let repo = lower_case_changelog();
    let out = repo.try_commit("feat: new widget");
    assert!(out.status.success(), "{}", text(&out));
    let files = repo.git(&["ls-files"]);
    assert!(
        !files.lines().any(|f| f == "CHANGELOG.md"),
        "a second changelog was committed beside changelog.md: {files}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let said = stderr(&out);
    assert!(
        said.contains("no entry added") && said.contains("changelog.md"),
        "says why, naming the file it found: {said}"
    );
}

#[test]
fn a_release_makes_no_second_changelog_beside_one_named_in_other_case() {
    let repo = lower_case_changelog();
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: new widget"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains("changelog.md"), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v1.0.0", "no release was made");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn doctor_names_a_changelog_in_other_case() {
    let repo = lower_case_changelog();
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = crate::support::stdout(&out);
    assert!(
        said.contains("changelog.md") && said.contains(" mv changelog.md CHANGELOG.md"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_hand_tag_makes_no_second_changelog_beside_one_named_in_other_case() {
    let repo = lower_case_changelog();
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: new widget"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = crate::support::hand_tag_refused(&repo, "v1.1.0");
    assert!(said.contains("changelog.md"), "{said}");
    assert!(!repo.git(&["ls-files"]).lines().any(|f| f == "CHANGELOG.md"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn install_warns_of_a_changelog_in_other_case() {
    let repo = Repo::new();
    repo.write("changelog.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains("changelog.md"), "{}", text(&out));
}

#[test]
fn an_amended_message_says_the_hand_edited_entry_stays() {
    let repo = installed_repo();
    repo.commit_hooked("feat: alpha");
    let log = repo
        .read("CHANGELOG.md")
        .replace("- alpha", "- Alpha, as I put it");
    repo.write("CHANGELOG.md", log);
    repo.git(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "-m", "feat: alpha at last"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md").contains("- Alpha, as I put it"),
        "the hand edit stays"
    );
    let said = stderr(&out);
    assert!(
        said.contains("Alpha, as I put it") && said.contains("alpha at last"),
        "says the entry was left as edited by hand, and what the message now calls for: {}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

#[test]
fn the_test_command_relhook_proposes_says_how_to_write_it_when_pasted_on_one_line() {
    let repo = installed_repo();
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let proposed = quoted(&stderr(&out), "[checks] test = ");
    repo.write(".relconfig.toml", format!("{proposed}\n"));
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("write `[checks]`, and `test = "),
        "says to put the key below its table: {}",
        text(&out)
    );
}

#[test]
fn the_commit_a_sync_that_creates_the_changelog_names_works() {
    let repo = Repo::new();
    repo.commit("feat: alpha");
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out);
    let next = said
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .unwrap_or_else(|| panic!("no next step: {said}"));
    let run = repo
        .command_in("sh", &repo.path())
        .args(["-c", next])
        .output()
        .unwrap();
    assert!(run.status.success(), "{next}: {}", text(&run));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert!(repo.git(&["show", "HEAD:CHANGELOG.md"]).contains("- alpha"));
}
