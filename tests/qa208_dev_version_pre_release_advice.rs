//! QA208: on poetry's main (`version = "2.5.0.dev0"` in pyproject.toml, tags at 2.4.1), a
//! release candidate (`relhook release --pre rc`) is refused, right: 2.4.2-rc.1 would write the
//! file down. Its advice named the final release, `relhook release 2.5.0`, which pasted makes
//! a stable release where a release candidate was asked for. It now names `2.5.0-rc.1`.

use crate::qa135_python_dev_version::poetry_main;
use crate::support::{stderr, text};

#[test]
fn a_refused_release_candidate_names_the_candidate_above_the_development_version() {
    let repo = poetry_main();

    let out = repo.relhook(&["release", "--pre", "rc"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let way = "release a version above it: `relhook release 2.5.0-rc.1`";
    assert!(err.contains(way), "{err}");
    // A stable release asked for keeps its advice.
    let out = repo.relhook(&["release"]);
    let stable = "release a version above it: `relhook release 2.5.0`";
    assert!(stderr(&out).contains(stable), "{}", stderr(&out));

    let out = repo.sh("relhook release 2.5.0-rc.1");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "2.5*"]), "2.5.0-rc.1");
    let pyproject = repo.read("pyproject.toml");
    assert!(
        pyproject.contains("version = \"2.5.0rc1\"\n"),
        "{pyproject}"
    );
    assert!(repo.is_clean());
}
