//! QA254: what `[changelog] order` (QA249) left out. post-commit's edit of a changelog copy
//! the user has modified (unstaged, or staged and left out of the commit) placed a new
//! sub-section in the vocabulary's order, not the configured one.

use crate::qa249_changelog_order::{fixed_above_added, headings};
use crate::support::{Repo, ok, stdout, text};

/// An initialised, hooked repository whose `[changelog] order` puts `Fixed` above `Added`,
/// with one `feat` entry under `Added`.
fn fixed_first() -> Repo {
    let repo = fixed_above_added();
    repo.commit_hooked("feat: add");
    assert_eq!(headings(&repo.read("CHANGELOG.md")), ["Added"]);
    repo
}

/// The changelog with a line of the user's own in its intro.
fn edited(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]",
        "Our own note.\n\n## [Unreleased]",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    log
}

#[test]
fn an_unstaged_copy_gets_a_new_sub_section_in_the_configured_order() {
    let repo = fixed_first();
    edited(&repo);
    repo.commit_hooked("fix: mend");
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(headings(&committed), ["Fixed", "Added"], "{committed}");
    let copy = repo.read("CHANGELOG.md");
    assert!(copy.contains("Our own note."), "{copy}");
    assert_eq!(headings(&copy), ["Fixed", "Added"], "{copy}");
}

#[test]
fn a_staged_copy_left_out_of_the_commit_gets_it_in_the_configured_order() {
    let repo = fixed_first();
    edited(&repo);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.write("other.txt", "other\n");
    repo.git(&["add", "other.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: mend", "--", "other.txt"]);
    assert!(out.status.success(), "{}", text(&out));
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(headings(&committed), ["Fixed", "Added"], "{committed}");
    let staged = repo.git(&["show", ":CHANGELOG.md"]);
    assert!(staged.contains("Our own note."), "{staged}");
    assert_eq!(headings(&staged), ["Fixed", "Added"], "{staged}");
}

/// A cog.toml whose sections are relhook's four defaults still gives cocogitto's order of
/// them (`order` keys, and its default order of the rest): `init` carries it.
#[test]
fn init_carries_cocogitto_s_order_of_relhook_s_default_sections() {
    let repo = Repo::new();
    let omitted: String = ["docs", "test", "build", "ci", "refactor", "chore", "style"]
        .iter()
        .map(|t| format!("{t} = {{ omit_from_changelog = true }}\n"))
        .collect();
    repo.write(
        "cog.toml",
        format!("[commit_types]\nfix = {{ changelog_title = \"Fixed\", order = 0 }}\n{omitted}"),
    );
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\norder = [\"Fixed\", \"Added\", \"Changed\", \"Removed\"]\n"),
        "{}\n{config}",
        text(&out)
    );
    assert!(
        text(&out)
            .contains(" and the `[changelog] order` of their sub-sections: the project's own"),
        "{}",
        text(&out)
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo.hooks(&["commit-msg", "post-commit"]);
    for message in ["perf: speed", "feat: add", "fix: mend"] {
        repo.commit_hooked(message);
    }
    let log = repo.read("CHANGELOG.md");
    assert_eq!(headings(&log), ["Fixed", "Added", "Changed"], "{log}");
}

/// A repository released by hand at v0.1.0 with `[changelog] order` putting `Fixed` above
/// `Added`, and `feat` and `fix` commits made with the hooks off.
fn released_with_order() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[changelog]\norder = [\"Fixed\", \"Added\"]\n",
    );
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.commit("feat: add");
    repo.commit("fix: mend");
    repo
}

#[test]
fn a_release_s_section_tag_message_and_notes_follow_the_configured_order() {
    let repo = released_with_order();
    ok(crate::support::dated_release(&repo, &[]));
    let tag = repo.git(&["describe", "--abbrev=0"]);
    let message = repo.git(&["tag", "-l", "--format=%(contents)", &tag]);
    assert_eq!(headings(&message), ["Fixed", "Added"], "{message}");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(headings(&log), ["Fixed", "Added"], "{log}");
    let notes = ok(repo.relhook(&["notes", &tag]));
    assert_eq!(
        headings(&stdout(&notes)),
        ["Fixed", "Added"],
        "{}",
        text(&notes)
    );
}

#[test]
fn notes_from_history_follow_the_configured_order() {
    let repo = released_with_order();
    // A tag whose release no changelog section describes: its notes come from history.
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let notes = ok(repo.relhook(&["notes", "v0.1.0"]));
    assert_eq!(
        headings(&stdout(&notes)),
        ["Fixed", "Added"],
        "{}",
        text(&notes)
    );
}

#[test]
fn the_merge_driver_places_a_side_s_new_sub_section_by_the_configured_order() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[changelog]\norder = [\"Security\", \"Fixed\", \"Added\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let top = "# Changelog\n\n## [Unreleased]\n\n";
    let dir = repo.scratch("merge");
    let file = |name: &str, body: &str| {
        let path = dir.join(name);
        std::fs::write(&path, format!("{top}{body}")).unwrap();
        path.display().to_string()
    };
    let base = file("base", "### Added\n\n- a\n");
    let ours = file("ours", "### Fixed\n\n- f\n\n### Added\n\n- a\n");
    let theirs = file("theirs", "### Security\n\n- s\n\n### Added\n\n- a\n");
    let out = repo.relhook(&[
        "hook",
        "merge-changelog",
        &base,
        &ours,
        &theirs,
        "CHANGELOG.md",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let merged = std::fs::read_to_string(&ours).unwrap();
    assert_eq!(
        headings(&merged),
        ["Security", "Fixed", "Added"],
        "{merged}"
    );
}
