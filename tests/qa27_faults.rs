//! Real faults around the hooks' set-up: `relhook install` or `uninstall` killed part way, then
//! run again. Whatever the kill left, `relhook uninstall` must give the user back the clone as
//! it was before relhook: the same git config, the same hook files, nothing of relhook's beside
//! them.

use crate::support::{Repo, ok, stdout};

/// The clone's own config, as `git config --local --list` prints it.
fn local_config(repo: &Repo) -> String {
    stdout(&repo.git_output(&["config", "--local", "--list"]))
}

/// `relhook install` killed after it set one of its two am.threeWay keys (the setting and the
/// mark that says relhook set it): the next install and an uninstall must leave no
/// `am.threeWay` that the user never set.
#[test]
fn an_install_killed_while_setting_am_three_way_is_undone_by_uninstall() {
    let repo = Repo::new();
    let before = local_config(&repo);
    repo.relhook_killed_at("install-am-three-way", &["install"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(local_config(&repo), before, "uninstall left config behind");
}
