//! QA48: a commitizen history tagged in PEP 440's spelling (`v0.9.11`, then `v1.0.0b1`) with
//! pyproject.toml at `1.0.0b1`. relhook passed the beta's tag over without a word, took
//! `v0.9.11` for the last release and proposed 0.9.12; its refusal of the found pyproject.toml
//! advised listing it, and the listed file was then rewritten down to 0.9.12 and tagged
//! below the beta. Now `version`, `release`, a hand tag and doctor say which tag was passed
//! over and its SemVer spelling, and a version file above the release is refused in one
//! line, listed or not, naming a version above it that the release then makes.

use crate::qa47_uv_lock_pre_release::advised;
use crate::support::{Repo, hand_tag, hand_tag_refused, ok, stderr, stdout, text};

const PASSED: &str = "tag v1.0.0b1 is passed over: relhook reads release tags as SemVer, and it is PEP 440's spelling of v1.0.0-b.1, so v0.9.11 is taken for the last release";

/// The history of the finding: `pyproject` at 0.9.11 tagged `v0.9.11`, then at 1.0.0b1 tagged
/// `v1.0.0b1` (as commitizen tags), then a feature through relhook's hooks.
fn commitizen(pyproject: bool) -> Repo {
    let repo = Repo::new();
    let file = |v: &str| format!("[project]\nname = \"demo\"\nversion = \"{v}\"\n");
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write("x.txt", "0\n");
    if pyproject {
        repo.write("pyproject.toml", file("0.9.11"));
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v0.9.11", "-m", "v0.9.11"]);
    repo.write("x.txt", "1\n");
    if pyproject {
        repo.write("pyproject.toml", file("1.0.0b1"));
    }
    repo.git(&["commit", "-q", "-a", "-m", "chore: bump 1.0.0b1"]);
    repo.git(&["tag", "-a", "v1.0.0b1", "-m", "v1.0.0b1"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.py", "a\n");
    repo.git(&["add", "a.py"]);
    repo.commit_hooked("feat: add a");
    repo
}

/// `relhook release` refused in one line, nothing made: that line.
fn refused(repo: &Repo) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l", "v0.9.12"]), "");
    err
}

#[test]
fn a_version_file_above_the_release_is_never_written_down() {
    let repo = commitizen(true);
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(stdout(&out).starts_with("0.9.12\n"), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(PASSED), "{err}");
    assert!(err.contains("`relhook release 1.0.0-rc.1`"), "{err}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(&format!("release tags: {PASSED}")),
        "{doctor}"
    );
    // Found by itself: no advice to list it, which would bump it down.
    let says = "pyproject.toml says 1.0.0b1 (TOML key `project.version`), above 0.9.12, the version this release would make";
    let err = refused(&repo);
    assert!(err.contains(says) && !err.contains("listed file"), "{err}");
    let command = advised(&err, "release a version above it: ");
    assert_eq!(command, "relhook release 1.0.0-rc.1");
    // Listed: refused all the same, never rewritten down.
    let listed = "[checks]\ntest = [\"true\"]\n[version]\nfiles = [{ path = \"pyproject.toml\", key = \"project.version\" }]\n";
    repo.write(".relconfig.toml", listed);
    repo.git(&["commit", "-q", "-a", "-m", "chore: list the version file"]);
    let err = refused(&repo);
    assert!(err.contains(says), "{err}");
    assert_eq!(advised(&err, "release a version above it: "), command);
    assert!(repo.read("pyproject.toml").contains("\"1.0.0b1\""));
    // The advice, pasted, releases above the beta.
    ok(repo.sh(command));
    assert_eq!(repo.git(&["tag", "-l", "v1.0.0-*"]), "v1.0.0-rc.1");
    // In the file's own spelling, PEP 440's (QA152).
    assert!(
        repo.read("pyproject.toml")
            .contains("version = \"1.0.0rc1\"")
    );
}

#[test]
fn a_listed_file_ahead_of_the_tags_names_its_own_version() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n[version]\nfiles = [{ path = \"pyproject.toml\", key = \"project.version\" }]\n");
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"1.0.0\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"2.0.0\"\n",
    );
    repo.git(&["commit", "-q", "-a", "-m", "fix: y"]);
    let out = repo.relhook(&["release"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("pyproject.toml says 2.0.0 (TOML key `project.version`), above 1.0.1"),
        "{err}"
    );
    let command = advised(&err, "release the version it holds: ");
    assert_eq!(command, "relhook release 2.0.0");
    // A version named at or above the file is released as named.
    ok(repo.sh(command));
    assert_eq!(repo.git(&["tag", "-l", "v2*"]), "v2.0.0");
}

#[test]
fn a_hand_tag_says_the_tag_passed_over_and_refuses_pep_440_names() {
    let repo = commitizen(false);
    let out = hand_tag(&repo, &["-a", "v0.9.12", "-m", "release 0.9.12"]);
    assert!(out.status.success(), "{}", text(&out));
    let passed = PASSED.replace("v0.9.11 is taken", "v0.9.12 is taken");
    assert!(stderr(&out).contains(&passed), "{}", text(&out));
    let err = hand_tag_refused(&repo, "v1.0.0b2");
    assert!(
        err.contains("`v1.0.0b2` is PEP 440's spelling of 1.0.0-b.2"),
        "{err}"
    );
    let command = advised(&err, "tag v1.0.0-b.2 instead: ");
    assert_eq!(command, "git tag -a v1.0.0-b.2 -m \"release 1.0.0-b.2\"");
}
