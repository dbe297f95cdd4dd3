//! QA48: SemVer pre-releases that go up (`1.3.0-beta.1`, `-dev.1`, `-pre.1`, `-rc.1`) were
//! each released into pyproject.toml and uv.lock, where PEP 440 reads `1.3.0b1`,
//! `1.3.0.dev1` (below `b1`), `1.3.0rc1` and `1.3.0rc1` again: PyPI refuses the repeated
//! version and pip takes the lower one for older. A Python project's release (or hand tag)
//! that does not go up in PEP 440's order is now refused in one line, naming the version
//! that does; a Cargo project keeps SemVer's order.

use crate::qa47_uv_lock::{lock, project};
use crate::qa47_uv_lock_pre_release::advised;
use crate::support::{Repo, hand_tag_refused, ok, stderr, text};

const EDITABLE: &str = "{ editable = \".\" }";

/// The Python project of `project`, released as `first`, then a fix committed.
fn released(first: &str) -> Repo {
    let repo = project(&lock("1.2.0", EDITABLE));
    ok(repo.relhook(&["release", first]));
    repo.commit_hooked("fix: y");
    repo
}

/// `relhook args` refused in one line, nothing written: the command it advises.
pub(crate) fn refused(repo: &Repo, args: &[&str], says: &str) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(says), "{err}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    advised(&err, "instead: ").to_owned()
}

#[test]
fn a_pre_release_below_the_last_in_pep_440_is_refused() {
    let repo = released("1.2.1-beta.1");
    let says = "PEP 440 puts 1.2.1.dev1 (1.2.1-dev.1) below the 1.2.1b1 it holds now";
    let command = refused(&repo, &["release", "1.2.1-dev.1"], says);
    assert_eq!(command, "relhook release 1.2.1-rc.1");
    // `--pre dev` computes the same version, refused the same way.
    assert_eq!(refused(&repo, &["release", "--pre", "dev"], says), command);
    ok(repo.sh(&command));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc1", EDITABLE));
}

#[test]
fn a_pre_release_pep_440_reads_as_the_last_is_refused() {
    let repo = released("1.2.1-pre.1");
    let says = "PEP 440 reads 1.2.1rc1 (1.2.1-rc.1) as the 1.2.1rc1 it holds now";
    let command = refused(&repo, &["release", "1.2.1-rc.1"], says);
    assert_eq!(command, "relhook release 1.2.1-rc.2");
    ok(repo.sh(&command));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc2", EDITABLE));
}

#[test]
fn a_hand_tag_below_the_last_in_pep_440_is_refused() {
    let repo = released("1.2.1-beta.1");
    let err = hand_tag_refused(&repo, "v1.2.1-dev.1");
    assert!(err.contains("below the 1.2.1b1"), "{err}");
    let command = advised(&err, "instead: ");
    assert_eq!(command, "git tag -a v1.2.1-rc.1 -m \"release 1.2.1-rc.1\"");
    let out = repo.sh(command);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("uv.lock"), lock("1.2.1rc1", EDITABLE));
}

#[test]
fn a_cargo_project_keeps_semver_order() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"1.2.0\"\nedition = \"2021\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.2.0", "-m", "1.2.0"]);
    ok(repo.relhook(&["install"]));
    for (i, v) in ["1.2.1-beta.1", "1.2.1-dev.1", "1.2.1-pre.1", "1.2.1-rc.1"]
        .into_iter()
        .enumerate()
    {
        repo.commit_hooked(&format!("fix: change {i}"));
        ok(repo.relhook(&["release", v]));
        assert!(repo.read("Cargo.toml").contains(&format!("\"{v}\"")), "{v}");
    }
}
