//! QA49: two pieces of wrong advice. After `tag_prefix` changed from "v." to "v", the release
//! `v.0.1.0` was not taken for a release under a former prefix (a version was read to start at
//! no digit after a dot): `version --next` and `release` took its section for one written by
//! hand and advised tagging its commit a second time (`git tag -a v0.1.0`), and doctor said
//! all is well. Now the former prefix is named as any other is. And after a beta tagged
//! `v1.0.0b1` with a `## [1.0.0b1]` section, `release` and `version --next` advised
//! `relhook release 1.0.1`, skipping the final 1.0.0, where doctor advised `1.0.0-rc.1` (or
//! `1.0.0`): they now name the same versions.

use crate::support::{Repo, ok, stderr, stdout, text, untested_installed};

const CONFIG: &str = "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"v.\"\n";

/// `v.0.1.0` released by relhook, then `tag_prefix = "v"` and `fix: b`.
fn dot_prefix_changed() -> Repo {
    let repo = untested_installed();
    repo.write(".relconfig.toml", CONFIG);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: prefix"]));
    repo.commit_hooked("fix: a");
    ok(repo.relhook(&["release"]));
    repo.write(".relconfig.toml", CONFIG.replace("\"v.\"", "\"v\""));
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: tag as v"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");
    repo
}

#[test]
fn a_release_under_a_former_dotted_prefix_is_named_never_tagged_again() {
    let repo = dot_prefix_changed();
    for args in [&["version", "--next"][..], &["release"]] {
        let out = repo.relhook(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(!err.contains("written by hand"), "{err}");
        assert!(!err.contains("git tag -a v0.1.0"), "{err}");
        assert!(err.contains("(e.g. `v.0.1.0`)"), "{err}");
        assert!(err.contains("set `tag_prefix = \"v.\"`"), "{err}");
        assert!(err.contains("`relhook release 0.1.1`"), "{err}");
    }
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("all is well"), "{doctor}");
    assert!(doctor.contains("`v.0.1.0`"), "{doctor}");
    // The advice, pasted, goes on from it.
    let out = repo.relhook(&["release", "0.1.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("release tag v.0.1.0, made under tag_prefix \"v.\""),
        "{}",
        text(&out)
    );
    let tags = stdout(&repo.git_output(&["tag", "-l"]));
    assert_eq!(tags.trim(), "v.0.1.0\nv0.1.1");
}

/// A commitizen history: `v0.9.11`, then a pre-release tagged in PEP 440's spelling (`beta`,
/// `1.0.0b1`) with its Keep a Changelog section, relhook installed after, then `feat: y`.
fn pep440_pre_release(beta: &str) -> Repo {
    let repo = Repo::new();
    let file = |v: &str| format!("[project]\nname = \"demo\"\nversion = \"{v}\"\n");
    let log = "# Changelog\n\n## [Unreleased]\n\n## [0.9.11] - 2024-01-01\n\n### Added\n\n- a\n";
    repo.write("pyproject.toml", file("0.9.11"));
    repo.write("CHANGELOG.md", log);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: a"]);
    repo.git(&["tag", "-a", "v0.9.11", "-m", "v0.9.11"]);
    repo.write("x", "x\n");
    repo.git(&["add", "x"]);
    repo.git(&["commit", "-q", "-m", "fix: x"]);
    repo.write("pyproject.toml", file(beta));
    let section = format!("## [Unreleased]\n\n## [{beta}] - 2024-02-01\n\n### Fixed\n\n- x\n");
    repo.write("CHANGELOG.md", log.replace("## [Unreleased]\n", &section));
    repo.git(&["commit", "-q", "-a", "-m", &format!("bump: version {beta}")]);
    repo.git(&["tag", "-a", &format!("v{beta}"), "-m", &format!("v{beta}")]);
    ok(repo.relhook(&["install"]));
    repo.write("y", "y\n");
    repo.git(&["add", "y"]);
    repo.commit_hooked("feat: y");
    repo
}

/// QA158 since: the PEP 440 tag is the pre-release it spells (1.0.0-b.1), so nothing is
/// written by hand and no advice is needed: the next version finishes its line (1.0.0), and
/// `--pre rc` makes the next release candidate, written in the file's own spelling (QA152).
#[test]
fn a_pep_440_pre_release_is_followed_as_doctor_advises() {
    for (beta, next, spelt) in [
        ("1.0.0b1", "1.0.0-rc.1", "1.0.0rc1"),
        ("1.0.0rc1", "1.0.0-rc.2", "1.0.0rc2"),
    ] {
        let repo = pep440_pre_release(beta);
        let doctor = stdout(&repo.relhook(&["doctor"]));
        assert!(doctor.contains("all is well"), "{doctor}");
        let out = ok(repo.relhook(&["version", "--next"]));
        assert_eq!(stdout(&out), "1.0.0\n", "{}", text(&out));
        assert!(!stderr(&out).contains("1.0.1"), "{}", text(&out));
        let out = ok(repo.relhook(&["release", "--pre", "rc"]));
        assert!(
            stderr(&out).contains(&format!("releasing v{next} ")),
            "{}",
            text(&out)
        );
        assert_eq!(repo.git(&["tag", "-l", "v1.0.0-*"]), format!("v{next}"));
        assert!(
            repo.read("pyproject.toml")
                .contains(&format!("version = \"{spelt}\"")),
            "{}",
            repo.read("pyproject.toml")
        );
    }
}
