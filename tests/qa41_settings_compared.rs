//! QA41: the refusal of a release beside an uncommitted `.relconfig.toml` fired when the
//! settings were the commit's all the same: a comment added, a staged change put back in the
//! work tree, a new file that says only the defaults. What counts is the settings, not bytes.

use crate::support::{Repo, configured_with_a_feature, stderr, text};

const PASSING: &str = "[checks]\ntest = [\"true\"]\n";

fn released(repo: &Repo, args: &[&str]) {
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0", "{}", text(&out));
}

#[test]
fn a_comment_added_to_the_settings_is_no_reason_to_refuse() {
    let repo = configured_with_a_feature(|_| PASSING.into());
    repo.write(".relconfig.toml", format!("# a note\n{PASSING}"));
    released(&repo, &["release", "--allow-dirty"]);
    assert_eq!(repo.read(".relconfig.toml"), format!("# a note\n{PASSING}"));
}

#[test]
fn a_test_of_a_tag_beside_a_staged_change_put_back_is_run() {
    let repo = configured_with_a_feature(|_| PASSING.into());
    released(&repo, &["release"]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"false\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.write(".relconfig.toml", PASSING);
    let out = repo.relhook(&["test", "--tag", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn new_settings_that_say_the_defaults_are_no_reason_to_refuse() {
    let repo = configured_with_a_feature(|_| String::new());
    repo.git(&["rm", "-q", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: no settings"]);
    repo.write(
        ".relconfig.toml",
        "# defaults\n[version]\ntag_prefix = \"v\"\n",
    );
    released(&repo, &["release", "--allow-dirty", "--no-test"]);
}

#[test]
fn another_test_command_is_still_refused() {
    let repo = configured_with_a_feature(|_| PASSING.into());
    repo.write(
        ".relconfig.toml",
        "# a note\n[checks]\ntest = [\"sh\", \"-c\", \"true\"]\n",
    );
    let out = repo.relhook(&["release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(".relconfig.toml has uncommitted changes"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "--list"]), "");
}

#[test]
fn settings_removed_from_the_work_tree_are_refused() {
    let repo = configured_with_a_feature(|_| "[version]\ntag_prefix = \"rel-\"\n".into());
    std::fs::remove_file(repo.path().join(".relconfig.toml")).unwrap();
    let out = repo.relhook(&["release", "--allow-dirty", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(".relconfig.toml has uncommitted changes"),
        "{}",
        text(&out)
    );
}
