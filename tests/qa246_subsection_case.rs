//! QA246: git compares a setting's section and name without case but its subsection exactly
//! (`remote.Origin.tagOpt` is another remote's than `remote.origin.tagOpt`). relhook matched a
//! `git -c` value's whole key without case, so `git -c remote.Origin.tagOpt=--no-tags` (a
//! remote that is not there) made it say this clone fetches no tags from `origin`.

use crate::qa34_no_tags::clone_without_tags;
use crate::support::{Repo, stderr, text};

/// `relhook notes` in a clone of a tagged repository that fetched no tags (its `tagOpt`
/// taken out again), with `params` as `git -c` passes them down.
fn notes_in_clone_given(params: &str) -> String {
    let repo = Repo::new();
    repo.commit("feat: one");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("fix: two");
    let clone = clone_without_tags(&repo);
    let out = repo.git_in(&clone, &["config", "--unset", "remote.origin.tagOpt"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &clone);
    cmd.env("GIT_CONFIG_PARAMETERS", params).arg("notes");
    stderr(&cmd.output().unwrap())
}

#[test]
fn another_remotes_setting_by_case_is_not_this_ones() {
    let err = notes_in_clone_given("'remote.Origin.tagOpt'='--no-tags'");
    assert!(!err.contains("fetches no tags"), "{err}");
}

#[test]
fn the_section_and_name_match_in_any_case() {
    let err = notes_in_clone_given("'REMOTE.origin.TAGOPT'='--no-tags'");
    assert!(
        err.contains("this clone fetches no tags from `origin`"),
        "{err}"
    );
}
