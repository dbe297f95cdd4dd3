//! QA37: a package.json with no `test` script (husky's `prepare` only): the hand tag, pre-push,
//! `relhook test` and `relhook init` all proposed `npm test`, which fails with `Missing script:
//! "test"`. A command that cannot work is not offered.

use crate::support::{Repo, ok, text};

#[test]
fn no_npm_test_is_offered_without_a_test_script() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"x\",\"scripts\":{\"prepare\":\"husky\"}}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let test = repo.relhook(&["test"]);
    assert!(!text(&test).contains("npm"), "{}", text(&test));
    assert!(
        text(&test).contains("<your test command>"),
        "{}",
        text(&test)
    );
    ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("\"npm\", \"test\""), "{config}");
}
