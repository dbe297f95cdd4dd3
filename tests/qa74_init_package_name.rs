//! QA74: `relhook init` sets apart a package whose name no tag can hold, in a sentence it
//! writes into `.relconfig.toml` as a comment and says on the console; a name with a line
//! break (`"name": "e\nFAKE: x"` in package.json) split that comment into a line TOML refuses
//! (a debug build panicked on init's own check, a release build wrote a configuration every
//! hook refused). The name is now shown as errors show it (`␊`).

use crate::support::{Repo, text};

#[test]
fn init_sets_apart_a_package_named_with_a_line_break_in_one_line() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["packages/*"]}"#,
    );
    repo.write(
        "packages/e/package.json",
        r#"{"name":"e\nFAKE: x","version":"0.1.0"}"#,
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !text(&out).lines().any(|l| l.starts_with("FAKE")),
        "{}",
        text(&out)
    );
    assert!(
        text(&out).contains("their names cannot be put in a tag: packages/e (`e␊FAKE: x`)"),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("packages/e (`e␊FAKE:"), "{config}");
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("INVALID  config"), "{}", text(&out));
}
