//! QA74: `relhook init` in a workspace with a member folder named with a line break wrote a
//! package table whose comment the break split into a line TOML refuses (a debug build
//! panicked on its own check; a release build wrote a `.relconfig.toml` every hook refused).
//! No setting may name such a folder: init now passes it over.

use crate::support::{Repo, stdout, text};

#[test]
fn init_passes_over_a_workspace_member_no_setting_can_name() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["packages/*"]}"#,
    );
    repo.write(
        "packages/e\nFAKE: x/package.json",
        r#"{"name":"e","version":"0.1.0"}"#,
    );
    repo.write(
        "packages/ok/package.json",
        r#"{"name":"ok","version":"0.1.0"}"#,
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
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("[packages.ok]"), "{config}");
    assert!(!config.contains("FAKE"), "{config}");
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("INVALID  config"), "{}", text(&out));
}
