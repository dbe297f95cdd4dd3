//! QA119: on a clone of vuejs/core, `relhook doctor` said the published v3.5.41 "lists no
//! entry for 9 commits under it" although CHANGELOG.md lists every one: conventional-changelog
//! writes a commit's `close #N` footers as `, closes #N` after the commit hash, where relhook
//! writes ` (#N)`, and the two were compared as different entries. Its fix also told to add the
//! entry as `- …` under `### Fixed`, in a file whose entries are `* …` under `### Bug Fixes`.
//! Both forms now compare as one entry, and the fix is written as the file writes entries.

use crate::support::{Repo, stdout};

/// A clone where conventional-changelog wrote the changelog (relhook never installed):
/// `fix(api): handle x (#12)` closing #11 and #10, listed under the published v1.0.0, and
/// `fix: handle y`, listed nowhere.
fn conventional_changelog_release() -> Repo {
    let repo = Repo::new();
    repo.with_origin();
    repo.commit("chore: start");
    let fix = repo.commit("fix(api): handle x (#12)\n\nclose #11\nclose #10");
    repo.commit("fix: handle y");
    let url = "https://github.com/o/r";
    let short = &fix[..7];
    repo.write(
        "CHANGELOG.md",
        format!(
            "## [1.0.0]({url}/compare/v0.1.0...v1.0.0) (2026-01-01)\n\n\n### Bug Fixes\n\n\
             * **api:** handle x ([#12]({url}/issues/12)) ([{short}]({url}/commit/{fix})), \
             closes [#11]({url}/issues/11) [#10]({url}/issues/10)\n"
        ),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "release: v1.0.0"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["push", "-q", "--follow-tags", "origin", "main"]);
    repo
}

#[test]
fn an_entry_with_conventional_changelogs_closes_is_listed_and_the_fix_speaks_the_files_form() {
    let repo = conventional_changelog_release();
    let said = stdout(&repo.relhook(&["doctor"]));
    let row = said
        .lines()
        .find(|l| l.contains("lists no entry"))
        .unwrap_or_else(|| panic!("no row for `fix: handle y`:\n{said}"));
    assert!(
        row.contains("lists no entry for 1 commit under it") && row.contains("`fix: handle y`"),
        "{said}"
    );
    assert!(
        said.contains("fix: add `* handle y` under `### Bug Fixes` of `## [1.0.0]`"),
        "{said}"
    );
}
