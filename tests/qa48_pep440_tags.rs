//! QA48: a commitizen history tagged in PEP 440's spelling (`v0.9.11`, then `v1.0.0b1`) with
//! pyproject.toml at `1.0.0b1`. relhook passed the beta's tag over without a word, took
//! `v0.9.11` for the last release and proposed 0.9.12; its refusal of the found pyproject.toml
//! advised listing it, and the listed file was then rewritten down to 0.9.12 and tagged
//! below the beta. Now `version`, `release`, a hand tag and doctor say which tag was passed
//! over and its SemVer spelling, and a version file above the release is refused in one
//! line, listed or not, naming a version above it that the release then makes.
//! QA158 since: a tag spelled as PEP 440 spells a pre-release (`v1.0.0b1`) is that release.

use crate::qa47_uv_lock_pre_release::advised;
use crate::support::{Repo, hand_tag_refused, ok, stderr, stdout, text};

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

/// QA158 since: a PEP 440 pre-release tag is read as the pre-release it stands for, so the
/// beta is the last release and the next one finishes its line; nothing is passed over.
#[test]
fn a_pep_440_beta_tag_is_the_last_release() {
    let repo = commitizen(true);
    let out = ok(repo.relhook(&["version", "--next", "--explain"]));
    assert!(stdout(&out).starts_with("1.0.0\n"), "{}", text(&out));
    assert!(text(&out).contains("current: 1.0.0-b.1 (from release tag v1.0.0b1)"));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("passed over"), "{doctor}");
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

/// Where no release tag is spelled as PEP 440 does, a new one so spelled is refused, naming
/// SemVer's spelling.
#[test]
fn a_hand_tag_in_pep_440_s_spelling_is_refused_where_tags_are_semver() {
    let repo = commitizen(false);
    repo.git(&["tag", "-d", "v1.0.0b1"]);
    let err = hand_tag_refused(&repo, "v1.0.0b2");
    assert!(
        err.contains("`v1.0.0b2` is PEP 440's spelling of 1.0.0-b.2, and this project's release tags spell versions as SemVer"),
        "{err}"
    );
    let command = advised(&err, "tag v1.0.0-b.2 instead: ");
    assert_eq!(command, "git tag -a v1.0.0-b.2 -m \"release 1.0.0-b.2\"");
}
