//! QA46: `git am` (and `git rebase --apply`) applied a branch's CHANGELOG.md hunk at an offset:
//! its context (`### Added`, `- add d`, `### Fixed`) read the same inside the `## [0.1.1]`
//! section main released meanwhile, so `- add g` landed in that release's section. `--sync`
//! saw the commit's own entry and was content; doctor said all was well, and the release
//! refused as having nothing to list. `--sync` moves such an entry to Unreleased now; a hand
//! edit of a released section stays as it is.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

/// main released 0.1.0, then `feat: add d` and `fix: handle e`; branch `feat` adds
/// `feat: add g` on top (its entry between theirs); then main released 0.1.1.
fn branch_behind_a_release() -> Repo {
    let repo = untested_installed();
    repo.commit_hooked("feat: add b");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.commit_hooked("feat: add d");
    repo.commit_hooked("fix: handle e");
    ok(repo.git_output(&["checkout", "-q", "-b", "feat"]));
    repo.commit_hooked("feat: add g");
    ok(repo.git_output(&["checkout", "-q", "main"]));
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(repo.git(&["describe", "--tags"]), "v0.1.1");
    repo
}

/// The lines of `text` from `from` up to (not with) the first line starting `to`.
fn between(text: &str, from: &str, to: &str) -> String {
    let start = text.find(from).expect("section");
    let rest = &text[start..];
    let end = rest[from.len()..]
        .find(to)
        .map_or(rest.len(), |i| i + from.len());
    rest[..end].to_owned()
}

/// The entry the patch put into 0.1.1's section is there, as the finding had it; doctor
/// warns, `--sync` moves it to Unreleased, and the next release lists it.
fn moved_by_sync_and_released(repo: &Repo) {
    let file = repo.read("CHANGELOG.md");
    assert!(
        between(&file, "## [0.1.1]", "## [0.1.0]").contains("- add g"),
        "the patch applied at an offset, into the released section:\n{file}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(
            "`- add g` stands in the [0.1.1] section, but release 0.1.1 does not hold commit"
        ),
        "{doctor}"
    );
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&sync).contains("moved `- add g` from [0.1.1] to Unreleased"),
        "{}",
        text(&sync)
    );
    let file = repo.read("CHANGELOG.md");
    assert!(
        between(&file, "## [Unreleased]", "## [0.1.1]").contains("### Added\n\n- add g\n"),
        "{file}"
    );
    assert_eq!(
        between(&file, "## [0.1.1]", "## [0.1.0]")
            .lines()
            .skip(1)
            .collect::<Vec<_>>(),
        [
            "",
            "### Added",
            "",
            "- add d",
            "",
            "### Fixed",
            "",
            "- handle e",
            ""
        ],
        "{file}"
    );
    ok(repo.git_output(&["commit", "-qam", "docs(changelog): sync with history"]));
    let again = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&again).contains("is up to date with history"),
        "{}",
        text(&again)
    );
    ok(repo.relhook(&["release", "--no-test", "--allow-branch"]));
    let notes = stdout(&ok(repo.relhook(&["notes", "v0.1.2"])));
    assert!(notes.contains("- add g"), "{notes}");
    let older = stdout(&ok(repo.relhook(&["notes", "v0.1.1"])));
    assert!(!older.contains("add g"), "{older}");
}

#[test]
fn git_am_of_a_branch_behind_a_release_puts_its_entry_back_in_unreleased() {
    let repo = branch_behind_a_release();
    let patches = repo.scratch("patches");
    let dir = patches.to_str().unwrap();
    ok(repo.git_output(&["format-patch", "-q", "-o", dir, "main..feat"]));
    let patch = patches.join("0001-feat-add-g.patch");
    ok(repo.git_output(&["am", patch.to_str().unwrap()]));
    moved_by_sync_and_released(&repo);
}

#[test]
fn rebase_apply_of_a_branch_behind_a_release_puts_its_entry_back_in_unreleased() {
    let repo = branch_behind_a_release();
    ok(repo.git_output(&["checkout", "-q", "feat"]));
    ok(repo.git_output(&["rebase", "-q", "--apply", "main"]));
    moved_by_sync_and_released(&repo);
}

#[test]
fn a_hand_edit_of_a_released_section_stays_as_it_is() {
    let repo = branch_behind_a_release();
    // The released section reworded and added to by hand, and a fix since, through the hooks.
    let file = repo.read("CHANGELOG.md");
    let edited = file.replacen("- handle e\n", "- handle e\n- handle f as well\n", 1);
    assert_ne!(file, edited);
    repo.write("CHANGELOG.md", &edited);
    ok(repo.git_output(&["commit", "-qam", "docs: say what 0.1.1 fixed"]));
    repo.commit_hooked("fix: handle f as well");
    let file = repo.read("CHANGELOG.md");
    let sync = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(stdout(&sync), file);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("stands in the"), "{doctor}");
    assert!(
        between(&file, "## [0.1.1]", "## [0.1.0]").contains("- handle f as well"),
        "{file}"
    );
}
