//! QA88: a root Cargo.lock whose entry of a crate the release bumps said a third version
//! (neither the crate's before the release nor the new one: edited by hand) was left as it
//! was, without a word, beside the bumped Cargo.toml: the tagged tree failed `cargo build
//! --locked`. The release is refused, as it is for a crate's own lock, on one line with the
//! cargo command that sets the lock, which works pasted.

use std::process::{Command, Output};

use crate::support::{Repo, ok, stderr, text};

const TOP: &str = "[workspace]\nmembers = [\"crates/a\", \"crates/b\"]\nresolver = \"2\"\n";

fn lock(a: &str, b: &str) -> String {
    format!(
        "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"{a}\"\n\n[[package]]\nname = \"b\"\nversion = \"{b}\"\n"
    )
}

/// A workspace (`top` its Cargo.toml, `member` each crate's, naming it) with `lock` as its
/// Cargo.lock, `config` as .relconfig.toml, `tags` made, relhook installed and a fix in
/// crates/a.
fn workspace(top: &str, member: &str, lock: &str, config: &str, tags: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write("Cargo.toml", top);
    for name in ["a", "b"] {
        repo.write(
            &format!("crates/{name}/Cargo.toml"),
            member.replace("NAME", name),
        );
        repo.write(&format!("crates/{name}/src/lib.rs"), "");
    }
    repo.write("Cargo.lock", lock);
    repo.write(".gitignore", "target/\n");
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    for tag in tags {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    ok(repo.relhook(&["install"]));
    repo.write("crates/a/x", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): x");
    repo
}

const MEMBER: &str = "[package]\nname = \"NAME\"\nversion = \"1.0.0\"\nedition = \"2021\"\n";
const MONOREPO: &str = "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"crates/a\"\n[packages.b]\npath = \"crates/b\"\n";

/// The refusal's one line, asserting nothing was released.
fn refused(repo: &Repo, args: &[&str]) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("Cargo.lock")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    lines[0].to_owned()
}

/// Runs the last command in backquotes of `line` in the work tree, through `sh`, with the
/// caller's environment (cargo's toolchain).
fn paste(repo: &Repo, line: &str) -> Output {
    let command = line.split('`').skip(1).step_by(2).last().unwrap();
    assert!(command.starts_with("cargo update"), "{line}");
    Command::new("sh")
        .args(["-c", command])
        .current_dir(repo.path().join("crates/b"))
        .output()
        .expect("run sh")
}

#[test]
fn a_third_version_in_the_root_lock_refuses_the_package_release_with_a_fix_that_works() {
    let repo = workspace(
        TOP,
        MEMBER,
        &lock("0.5.0", "1.0.0"),
        MONOREPO,
        &["a-v1.0.0", "b-v1.0.0"],
    );
    let line = refused(&repo, &["release", "--package", "a", "--dry-run"]);
    assert_eq!(
        line,
        "relhook: release refused: Cargo.lock: its entry of a says 0.5.0 where crates/a/Cargo.toml says 1.0.0, so the release cannot move it with the crate (`cargo build --locked` fails on a lock left behind); update the lock to match (`cargo update --workspace --offline`), commit it, then release again"
    );
    assert_eq!(refused(&repo, &["release", "--package", "a"]), line);
    assert!(repo.git(&["tag", "-l", "a-v1.0.1"]).is_empty());
    // Pasted from a folder of the workspace, it sets the lock; committed, the release moves it.
    let out = paste(&repo, &line);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("Cargo.lock").ends_with(&lock("1.0.0", "1.0.0")));
    repo.git(&["add", "Cargo.lock"]);
    repo.commit_hooked("build: set Cargo.lock");
    ok(repo.relhook(&["release", "--package", "a"]));
    assert!(repo.read("Cargo.lock").ends_with(&lock("1.0.1", "1.0.0")));
}

#[test]
fn a_third_version_of_an_inheriting_member_refuses_the_workspace_release() {
    let top = format!("{TOP}\n[workspace.package]\nversion = \"1.0.0\"\n");
    let member = "[package]\nname = \"NAME\"\nversion.workspace = true\nedition = \"2021\"\n";
    let config = "[checks]\nrequire_tested_tags = false\n";
    let repo = workspace(&top, member, &lock("1.0.0", "0.5.0"), config, &["v1.0.0"]);
    let line = refused(&repo, &["release"]);
    assert!(
        line.contains("Cargo.lock: its entry of b says 0.5.0 where Cargo.toml says 1.0.0"),
        "{line}"
    );
    assert!(
        line.ends_with("(`cargo update --workspace --offline`), commit it, then release again"),
        "{line}"
    );
}

#[test]
fn an_entry_at_the_old_version_moves_and_others_are_passed_over() {
    // a's entry at its version moves; b, not released, is not looked at.
    let repo = workspace(
        TOP,
        MEMBER,
        &lock("1.0.0", "1.0.1"),
        MONOREPO,
        &["a-v1.0.0", "b-v1.0.0"],
    );
    ok(repo.relhook(&["release", "--package", "a"]));
    assert_eq!(repo.read("Cargo.lock"), lock("1.0.1", "1.0.1"));
    // A root lock with no entry of the crate (not its workspace's) is not refused.
    let other = "version = 4\n\n[[package]]\nname = \"z\"\nversion = \"3.0.0\"\n";
    let repo = workspace(TOP, MEMBER, other, MONOREPO, &["a-v1.0.0", "b-v1.0.0"]);
    ok(repo.relhook(&["release", "--package", "a"]));
    assert_eq!(repo.read("Cargo.lock"), other);
}
