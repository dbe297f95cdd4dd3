//! QA41: `relhook test --tag` beside uncommitted settings said it was running the tests, and
//! only then refused. It refuses before it runs or says anything of a run.

use crate::support::{configured_with_a_feature, stderr, text};

#[test]
fn a_tag_test_beside_changed_settings_is_refused_before_running() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"true\"]\n".into());
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let marker = repo.path().join("ran.txt");
    repo.write(
        ".relconfig.toml",
        format!(
            "[checks]\ntest = [\"touch\", {:?}]\n",
            marker.display().to_string()
        ),
    );
    let out = repo.relhook(&["test", "--tag", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!marker.exists(), "the tests ran: {err}");
    assert!(!err.contains("running"), "{err}");
    assert!(
        err.contains(".relconfig.toml has uncommitted changes: the pass would be recorded"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
}
