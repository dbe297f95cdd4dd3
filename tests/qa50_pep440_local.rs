//! QA50: a pyproject.toml at a PEP 440 local version (`1.0.0+local`) before the first release
//! tag. `version --next` said 1.0.0 and the release refused it as "the same version as the
//! 1.0.0+local (1.0.0+local) it holds now, which PyPI refuses to publish twice", advising
//! 1.0.1-rc.1. PEP 440 puts 1.0.0 below 1.0.0+local (a local version sorts above its public
//! one), so the release goes on above it: `version --next` and `relhook release` say 1.0.1,
//! and 1.0.0 asked for is refused for that one reason, advising 1.0.1.

use crate::qa48_pep440_order::refused;
use crate::support::{Repo, hand_tag_refused, ok, stdout, untested_installed};

/// A Python project whose pyproject.toml holds `1.0.0+local`, no release tag, then `change`.
fn local(change: &str) -> Repo {
    let repo = untested_installed();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"1.0.0+local\"\n",
    );
    repo.git(&["add", "pyproject.toml"]);
    repo.commit_hooked("chore: project");
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked(change);
    repo
}

#[test]
fn the_next_version_after_a_local_one_is_above_its_public_release() {
    let repo = local("fix: one");
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.0.1");
    let explain = stdout(&ok(repo.relhook(&["version", "--next", "--explain"])));
    assert!(
        explain.contains("PEP 440 puts 1.0.0 below the 1.0.0+local pyproject.toml holds"),
        "{explain}"
    );
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.git(&["tag", "-l"]).trim(), "v1.0.1");
    assert!(repo.read("pyproject.toml").contains("version = \"1.0.1\""));
    // A feature since the version was set calls for a minor release, as after any release.
    let repo = local("feat: two");
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.1.0");
}

#[test]
fn the_public_release_of_a_local_version_is_refused_for_one_reason() {
    let repo = local("fix: one");
    let says = "pyproject.toml: PEP 440 puts 1.0.0 below the 1.0.0+local it holds now (a local version sorts above its public one)";
    let command = refused(&repo, &["release", "1.0.0"], says);
    assert_eq!(command, "relhook release 1.0.1");
    let err = hand_tag_refused(&repo, "v1.0.0");
    assert!(err.contains(says), "{err}");
    assert!(err.contains("tag v1.0.1 instead"), "{err}");
    assert!(!err.contains("(1.0.0+local)"), "{err}");
    assert!(!err.contains("publish twice"), "{err}");
    ok(repo.sh(&command));
    assert!(repo.read("pyproject.toml").contains("version = \"1.0.1\""));
    assert_eq!(repo.git(&["tag", "-l"]).trim(), "v1.0.1");
}
