//! QA202: release tags without the default `v` (`1.2.0`) and a `feat:` since. Each command that
//! refuses them offers the version to go on with under `v`: `release --dry-run` and doctor named
//! 1.3.0, what the feature calls for, but `changelog --sync`, `--rebuild` and `notes` named
//! 1.2.1, which, pasted, releases a feature as a patch.

use crate::support::{Repo, stderr};

#[test]
fn every_refusal_of_unprefixed_tags_names_the_version_the_commits_call_for() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "1.2.0", "-m", "1.2.0"]);
    repo.commit("feat: b");
    for args in [
        &["changelog", "--sync"][..],
        &["changelog", "--rebuild", "--stdout"],
        &["changelog", "--stdout"],
        &["notes"],
        &["release", "--dry-run"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let e = stderr(&out);
        assert!(
            e.contains("to go on under \"v\", name a version above it: `relhook release 1.3.0`"),
            "{args:?}: {e}"
        );
        assert!(!e.contains("1.2.1"), "{args:?}: {e}");
    }
    let doctor =
        stderr(&repo.relhook(&["doctor"])) + &crate::support::stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("`relhook release 1.3.0`") && !doctor.contains("1.2.1"),
        "{doctor}"
    );
}
